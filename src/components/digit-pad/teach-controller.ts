import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { isBlank } from '../../engine/images.js';
import { labelIndex } from '../../engine/models/followed.js';
import { shapeText } from '../../engine/pad-input.js';
import { checkExamples } from '../../engine/training/fine-tune.js';
import type { DatasetInfo, FineTuneResult, TaughtExample, TrainerLike } from '../../engine/training/types.js';
import { formatPercent } from '../shared/format.js';

/** `teach` event detail: the example just taught and how many there are now. */
export interface TeachDetail {
  example: TaughtExample;
  count: number;
}

export interface TeachOptions {
  /** The data the network reads (class names, image shape). */
  dataset: () => Readonly<DatasetInfo>;
  /** The current input, as the network sees it. */
  pixels: () => Float32Array;
  /** The followed trainer, or null (no `for`, or none on the page). */
  trainer: () => TrainerLike | null;
  /** A failure to show in `part="error"`, or null to clear the last one. */
  onError: (message: string | null) => void;
  /** An example was taught (the host fires `teach`). */
  onTeach: (detail: TeachDetail) => void;
}

const copy = (e: TaughtExample): TaughtExample => ({ pixels: e.pixels.slice(), label: e.label });

/**
 * "Teach it my handwriting", the pad's side: the examples a reader has taught (each the input as the network
 * saw it and the right label, chosen in a labelled `<select>`), `teach()`, and the row of controls that teach,
 * forget, and ask the followed trainer to fine-tune on them (`trainer.fineTune(examples)`; the trainer's
 * `fine-tune` event then makes the pad predict again).
 *
 * Why a controller: the examples belong to the dataset they were drawn for — another shape or another set of
 * classes (the trainer now reads other data) makes them meaningless, so they are dropped, and the reader is told.
 */
export class TeachController implements ReactiveController {
  /** The label picked in the select (`''`: none yet). */
  picked = '';
  /** A fine-tune asked of the trainer is running. */
  busy = false;
  /** What the row says after the last action (a polite status, not an error). */
  status = '';
  private list: TaughtExample[] = [];
  /** The dataset the examples were drawn for (its shape and class names). */
  private datasetKey: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TeachOptions,
  ) {
    host.addController(this);
  }

  /** Copies of the taught examples, in the order taught. */
  get examples(): TaughtExample[] {
    return this.list.map(copy);
  }

  /** Replaces the examples (`null`/`undefined`: none). Bad ones change nothing and return the message. */
  setExamples(value: unknown): string | null {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      this.list = [];
      this.host.requestUpdate();
      return null;
    }
    const d = this.options.dataset();
    const checked = checkExamples(value, { shape: d.shape, classes: d.classes.length });
    if ('error' in checked) return `examples: ${checked.error}`;
    this.list = checked;
    this.host.requestUpdate();
    return null;
  }

  hostUpdate(): void {
    const d = this.options.dataset();
    const key = JSON.stringify([d.shape, d.classes]);
    if (key === this.datasetKey) return;
    const had = this.datasetKey !== null && this.list.length > 0;
    this.datasetKey = key;
    if (!d.classes.includes(this.picked)) this.picked = '';
    if (had) {
      this.list = [];
      this.status = `The network now reads ${d.name} (${shapeText(d.shape)}): the examples taught before were dropped.`;
    }
  }

  /**
   * Adds the current input as an example of `label` (a class number or name; default: the label picked).
   * Returns the example, or null with the reason shown (a blank pad, a label that is not one).
   */
  teach(label: unknown = this.picked === '' ? undefined : this.picked): TaughtExample | null {
    const d = this.options.dataset();
    if (label === undefined || label === '') {
      this.options.onError('Pick the right label first, then press Teach.');
      return null;
    }
    const index = labelIndex(label, d.classes);
    if (typeof index !== 'number') {
      this.options.onError(index.error);
      return null;
    }
    const pixels = this.options.pixels();
    if (isBlank(pixels)) {
      this.options.onError('The pad is blank: draw first, then teach the network what it is.');
      return null;
    }
    this.options.onError(null);
    const example = { pixels: pixels.slice(), label: index };
    this.list.push(example);
    const n = this.list.length;
    this.status = `Taught: this is ${d.classes[index]}. ${n} example${n === 1 ? '' : 's'} so far.`;
    this.host.requestUpdate();
    this.options.onTeach({ example: copy(example), count: n });
    return copy(example);
  }

  /** Forgets every taught example. */
  forget(): void {
    this.list = [];
    this.status = 'Examples forgotten.';
    this.host.requestUpdate();
  }

  /** Asks the followed trainer to fine-tune on the examples; what happened is said in the row (or the error). */
  async fineTune(): Promise<FineTuneResult | null> {
    const trainer = this.options.trainer();
    if (!trainer || typeof trainer.fineTune !== 'function') {
      this.options.onError('Fine-tuning needs a trainer: give the pad for="…" naming a <cnn-trainer>.');
      return null;
    }
    if (!this.list.length) {
      this.options.onError('There are no examples yet: draw, pick the right label and press Teach.');
      return null;
    }
    this.busy = true;
    this.status = 'Fine-tuning on your examples…';
    this.host.requestUpdate();
    try {
      const r = await trainer.fineTune(this.examples);
      if (!r) {
        const why = (trainer as { error?: unknown }).error;
        this.status = '';
        this.options.onError(typeof why === 'string' && why ? why : 'The trainer could not fine-tune.');
        return null;
      }
      this.options.onError(null);
      this.status = `Fine-tuned: ${r.correct} of ${r.examples} example${r.examples === 1 ? '' : 's'} now read right; test accuracy ${formatPercent(r.previousTestAccuracy ?? NaN)} → ${formatPercent(r.testAccuracy ?? NaN)}.`;
      return r;
    } catch (e) {
      this.status = '';
      this.options.onError(`Could not fine-tune: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private readonly onPick = (e: Event) => {
    this.picked = (e.target as HTMLSelectElement).value;
    this.host.requestUpdate();
  };

  /** The teach row (`part="teach"`): the label select, Teach, Fine-tune, Forget, and what happened. */
  render(canFineTune: boolean) {
    const d = this.options.dataset();
    const n = this.list.length;
    return html`<div part="teach" class="teach">
      <label class="pick"
        >Right label
        <select .value=${this.picked} @change=${this.onPick}>
          <option value="" ?selected=${this.picked === ''}>Pick…</option>
          ${d.classes.map((c) => html`<option value=${c} ?selected=${this.picked === c}>${c}</option>`)}
        </select></label
      >
      <button part="teach-button" @click=${() => this.teach()}>Teach</button>
      ${
        canFineTune
          ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => void this.fineTune()}>
              ${this.busy ? 'Fine-tuning…' : 'Fine-tune'}
            </button>`
          : nothing
      }
      <button class="secondary" ?disabled=${!n} @click=${() => this.forget()}>Forget</button>
      <span class="teach-status" role="status" data-testid="teach-status"
        >${this.status || (n ? `${n} example${n === 1 ? '' : 's'} taught.` : 'Draw, pick the right label, press Teach.')}</span
      >
    </div>`;
  }
}
