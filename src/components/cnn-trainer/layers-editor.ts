/**
 * The trainer's own network editor: the model select's third choice, "Your own (PyTorch layers)", and the text
 * area it opens, where a reader writes the network in PyTorch's words. Typing sets the trainer's `network` after a
 * pause (debounced, so the summary that follows it with `<model-summary for>` updates as they type without
 * re-parsing on every key), and at once when the field loses focus. An error about a layer is shown in the
 * trainer's `part="error"` (with its line and column) and pointed at under the text: the line, and a caret under
 * the argument.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { LayersError } from '../../engine/models/pytorch-layers.js';
import { toLayersText } from '../../engine/models/torch-calls.js';
import { isEmptyNetwork, type NetworkValue } from '../../engine/models/network-empty.js';
import type { ModelSpec } from '../../engine/conv-math.js';
import { MODEL_SPECS } from '../../engine/models/specs.js';
import { renderSettingsForm, type SettingsFormState } from './settings-form.js';
import { isSettingKey, type SettingKey, type SettingsCheck } from './settings.js';
import type { TrainerLocalize } from './cnn-trainer.strings.js';

/** How long typing must pause before the network is read (ms). */
export const LAYERS_DEBOUNCE_MS = 300;
/** The text area's height, in rows: it grows with its content from the fewest to the most, then scrolls. */
export const LAYERS_ROWS = { min: 3, max: 20 } as const;

/** What the trainer gives the editor. */
export interface LayersEditorHost extends ReactiveControllerHost, HTMLElement {
  network: NetworkValue;
  model: 'cnn' | 'fnn';
}

/** The model select's value: a lesson network, or the reader's own. */
export type ModelChoice = 'cnn' | 'fnn' | 'custom';

export class LayersEditorController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The text typed but not read yet (while the debounce runs). */
  private pending: string | null = null;
  /** The reader's last own network, brought back when they pick "Your own" again after a lesson network. */
  private lastText = '';
  /** "Your own" was picked: the text area stays open even while emptied (until a lesson network is picked). */
  private open = false;

  /** `setField`: records a setting the reader edited in the form (which the preset then no longer overrides). */
  constructor(
    private readonly host: LayersEditorHost,
    private readonly setField: (key: SettingKey, value: string) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.flush();
    this.resize?.disconnect();
    this.resize = null;
    this.fitted = null;
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = 0;
  }

  /**
   * After a render that shows other text, the text area fits it (lines written and lines wrapped); and again
   * when its width changes, which wraps the lines anew. Not at every render: the trainer renders once a frame
   * while it trains, and each measurement would force a layout.
   */
  hostUpdated(): void {
    const area = this.host.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea[part=layers]');
    if (!area || (this.fitted?.area === area && this.fitted.value === area.value)) return;
    const observed = this.fitted?.area === area && this.resize !== null;
    this.fit(area);
    if (observed) return;
    this.resize?.disconnect();
    this.resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(this.onResize);
    this.resize?.observe(area);
  }

  /** The text area last fitted, the text it was fitted to and its width then (its `clientWidth`). */
  private fitted: { area: HTMLTextAreaElement; value: string; width: number } | null = null;
  private resize: ResizeObserver | null = null;

  private fit(area: HTMLTextAreaElement): void {
    fitRows(area);
    // Read after fitting, whose measurements have just laid the page out: this costs no layout of its own.
    this.fitted = { area, value: area.value, width: area.clientWidth };
  }

  /**
   * A new width wraps the lines anew (a new height, from fitting, does not call for another fit). Fitted in the
   * next frame, not in the observer's callback: new rows there would move the page under the other observers
   * of the same frame (the charts'), which the browser reports as an error ("ResizeObserver loop completed
   * with undelivered notifications").
   */
  private readonly onResize = (): void => {
    if (this.resizeFrame) return;
    this.resizeFrame = requestAnimationFrame(() => {
      this.resizeFrame = 0;
      const f = this.fitted;
      if (f?.area.isConnected && f.area.clientWidth !== f.width) this.fit(f.area);
    });
  };
  private resizeFrame = 0;

  /** What the model select shows. */
  get choice(): ModelChoice {
    return isEmptyNetwork(this.host.network) ? this.host.model : 'custom';
  }

  /** The reader picked a model: a lesson network clears the own one (kept for later), "custom" opens the editor. */
  readonly onModel = (e: Event): void => {
    const value = (e.target as HTMLSelectElement).value;
    const h = this.host;
    this.flush();
    if (value === 'custom') {
      this.open = true;
      if (isEmptyNetwork(h.network)) h.network = this.lastText || toLayersText(MODEL_SPECS[h.model]);
      return;
    }
    this.open = false;
    if (!isEmptyNetwork(h.network)) this.lastText = typeof h.network === 'string' ? h.network : this.lastText;
    h.network = '';
    h.model = value as 'cnn' | 'fnn';
  };

  private readonly onInput = (e: Event): void => {
    const area = e.target as HTMLTextAreaElement;
    this.fit(area); // it grows as the reader types, not only once the text is read
    this.pending = area.value;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), LAYERS_DEBOUNCE_MS);
  };

  /** Reads the text typed so far now (focus left the field, the model changed, the element left the page). */
  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending === null) return;
    const text = this.pending;
    this.pending = null;
    // Emptied: the model is trained again (the select says which), and the text area stays open to write anew.
    this.host.network = text;
  }

  private readonly onChange = (e: Event): void => {
    this.pending = (e.target as HTMLTextAreaElement).value;
    this.flush();
  };

  /** Reads an edited control of the form into its setting (the control's `data-field` names it). */
  private readonly onField = (e: Event): void => {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    const key = input.dataset['field'];
    if (isSettingKey(key)) this.setField(key, input.value);
  };

  /**
   * The settings form with its model select, then — when the trainer trains a network of its own — the text area
   * (`part="layers"`) and the pointer at the error. `check` is what the settings add up to (and which fields
   * its message is about).
   */
  render(form: Omit<SettingsFormState, 'model' | 'bad' | 'onChange'>, check: SettingsCheck) {
    const model = { choice: this.choice, onChange: this.onModel };
    return html`${renderSettingsForm({ ...form, bad: check.bad, onChange: this.onField, model })}
    ${this.renderText(check.config?.spec ?? null, check.network ?? null, form.disabled, form.localize)}`;
  }

  private renderText(spec: ModelSpec | null, e: LayersError | null, disabled: boolean, l: TrainerLocalize) {
    const net = this.host.network;
    if (isEmptyNetwork(net) && this.pending === null && !this.open) return nothing;
    // Specs given as data are shown as the PyTorch text they mean (editing it makes it text).
    const text = typeof net === 'string' ? net : spec ? toLayersText(spec) : JSON.stringify(net, null, 1);
    return html`<div class="layers">
      <label
        >${l.term('trainer.layers')}
        <textarea
          part="layers"
          aria-describedby="error"
          spellcheck="false"
          autocapitalize="off"
          autocomplete="off"
          .value=${text}
          ?disabled=${disabled}
          aria-invalid=${e ? 'true' : 'false'}
          @input=${this.onInput}
          @change=${this.onChange}
        ></textarea>
      </label>
      ${e && !e.fromSpecs && e.layerIndex >= 0 && typeof net === 'string' ? pointer(net, e) : nothing}
    </div>`;
  }
}

/**
 * Sets a text area's rows to fit its text: one per line written plus one to type on, and more while lines wrap,
 * between {@link LAYERS_ROWS}' bounds (beyond them it scrolls).
 */
function fitRows(area: HTMLTextAreaElement): void {
  let rows = Math.min(LAYERS_ROWS.max, Math.max(LAYERS_ROWS.min, area.value.split('\n').length + 1));
  area.rows = rows;
  while (rows < LAYERS_ROWS.max && area.scrollHeight > area.clientHeight) area.rows = ++rows;
}

/**
 * The one layer an error is about, as written (not the other layers on its line), with a caret under the part
 * the error means (an argument, a count; the message says the words). A layer written over several lines is
 * quoted whole, the caret under the line of the error.
 */
export function pointerLines(text: string, e: LayersError): string[] | null {
  if (e.layerIndex < 0 || e.offset < 0 || e.offset > text.length) return null;
  const lineStart = text.lastIndexOf('\n', e.offset - 1) + 1;
  let start = e.layerOffset ?? lineStart;
  if (start < 0 || start > e.offset) start = lineStart;
  const errorEnd = e.offset + Math.max(e.length, 0);
  const written = e.layerText && !e.layerText.endsWith('…') && text.startsWith(e.layerText, start);
  let end = Math.max(errorEnd, written ? start + e.layerText.length : errorEnd);
  if (!written && end === errorEnd) {
    const lineEnd = text.indexOf('\n', errorEnd);
    end = lineEnd < 0 ? text.length : lineEnd;
  }
  const out: string[] = [];
  let at = start;
  for (const line of text.slice(start, end).split('\n')) {
    out.push(line.trimEnd());
    const lineEnd = at + line.length;
    if (e.offset >= at && e.offset <= lineEnd) {
      const width = Math.max(1, Math.min(e.length, lineEnd - e.offset, 80));
      out.push(' '.repeat(e.offset - at) + '^'.repeat(width));
    }
    at = lineEnd + 1;
  }
  return out;
}

/** The pointer under the text area: {@link pointerLines}, hidden from screen readers (the message says it). */
function pointer(text: string, e: LayersError) {
  const lines = pointerLines(text, e);
  if (!lines) return nothing;
  return html`<pre part="layers-pointer" class="pointer" aria-hidden="true">${lines.join('\n')}</pre>`;
}
