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
import { toLayersText } from '../../engine/models/pytorch-network.js';
import { isEmptyNetwork, type NetworkValue } from '../../engine/models/network-value.js';
import type { ModelSpec } from '../../engine/conv-math.js';
import { MODEL_SPECS } from '../../engine/models/specs.js';
import { renderSettingsForm, type SettingsFormState } from './settings-form.js';
import type { SettingsCheck } from './settings.js';
import type { TrainerLocalize } from './cnn-trainer.strings.js';

/** How long typing must pause before the network is read (ms). */
export const LAYERS_DEBOUNCE_MS = 300;

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

  constructor(private readonly host: LayersEditorHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.flush();
  }

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
    this.pending = (e.target as HTMLTextAreaElement).value;
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

  /**
   * The settings form with its model select, then — when the trainer trains a network of its own — the text area
   * (`part="layers"`) and the pointer at the error. `check` is what the settings add up to.
   */
  render(form: Omit<SettingsFormState, 'model'>, check: SettingsCheck) {
    return html`${renderSettingsForm({ ...form, model: { choice: this.choice, onChange: this.onModel } })}
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
          rows=${Math.min(12, Math.max(3, text.split('\n').length + 1))}
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

/** The line of the text an error is about, and a caret under the part it means (the message says the words). */
function pointer(text: string, e: LayersError) {
  const line = text.split('\n')[e.line - 1];
  if (line === undefined) return nothing;
  const caret = ' '.repeat(Math.max(0, e.column - 1)) + '^'.repeat(Math.max(1, Math.min(e.length, 80)));
  return html`<pre part="layers-pointer" class="pointer" aria-hidden="true">
${line}
${caret}</pre>`;
}
