import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { isBlank } from '../../engine/images.js';
import { labelIndex } from '../../engine/models/followed.js';
import { shapeText } from '../../engine/pad-input.js';
import { checkExamples } from '../../engine/training/fine-tune.js';
import type { DatasetInfo, FineTuneResult, TaughtExample, TrainerLike } from '../../engine/training/types.js';
import { messageOf, messagesOf, type Message } from '../../engine/messages.js';
import { PAD_EN } from './digit-pad.strings.js';
import { shapeIn, type PadLocalize } from './pad-views.js';

const say = messagesOf(PAD_EN);

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
  onError: (message: Message | string | null) => void;
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
  status: Message | null = null;
  private list: TaughtExample[] = [];
  /** The shape of the data that made `pad.teach.dropped`, said again in the reader's digits. */
  private droppedShape: DatasetInfo['shape'] | null = null;
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
  setExamples(value: unknown): Message | null {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      this.list = [];
      this.host.requestUpdate();
      return null;
    }
    const d = this.options.dataset();
    const checked = checkExamples(value, { shape: d.shape, classes: d.classes.length });
    if ('error' in checked) return say('pad.examples', { error: checked.message ?? checked.error });
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
      this.status = say('pad.teach.dropped', { name: d.name, shape: shapeText(d.shape) });
      this.droppedShape = d.shape;
    }
  }

  /**
   * Adds the current input as an example of `label` (a class number or name; default: the label picked).
   * Returns the example, or null with the reason shown (a blank pad, a label that is not one).
   */
  teach(label: unknown = this.picked === '' ? undefined : this.picked): TaughtExample | null {
    const d = this.options.dataset();
    if (label === undefined || label === '') {
      this.options.onError(say('pad.teach.pickFirst'));
      return null;
    }
    const index = labelIndex(label, d.classes);
    if (typeof index !== 'number') {
      this.options.onError(index.message ?? index.error);
      return null;
    }
    const pixels = this.options.pixels();
    if (isBlank(pixels)) {
      this.options.onError(say('pad.teach.blank'));
      return null;
    }
    this.options.onError(null);
    const example = { pixels: pixels.slice(), label: index };
    this.list.push(example);
    const n = this.list.length;
    this.status = say('pad.teach.taught', { label: d.classes[index] ?? String(index), count: n });
    this.host.requestUpdate();
    this.options.onTeach({ example: copy(example), count: n });
    return copy(example);
  }

  /** Forgets every taught example. */
  forget(): void {
    this.list = [];
    this.status = say('pad.teach.forgotten');
    this.host.requestUpdate();
  }

  /** Asks the followed trainer to fine-tune on the examples; what happened is said in the row (or the error). */
  async fineTune(): Promise<FineTuneResult | null> {
    const trainer = this.options.trainer();
    if (!trainer || typeof trainer.fineTune !== 'function') {
      this.options.onError(say('pad.teach.needsTrainer'));
      return null;
    }
    if (!this.list.length) {
      this.options.onError(say('pad.teach.noExamples'));
      return null;
    }
    this.busy = true;
    this.status = say('pad.teach.fineTuning');
    this.host.requestUpdate();
    try {
      const r = await trainer.fineTune(this.examples);
      if (!r) {
        const why = (trainer as { error?: unknown }).error;
        this.status = null;
        this.options.onError(typeof why === 'string' && why ? why : say('pad.teach.cannot'));
        return null;
      }
      this.options.onError(null);
      this.status = say('pad.teach.fineTuned', {
        correct: r.correct,
        examples: r.examples,
        before: r.previousTestAccuracy ?? NaN,
        after: r.testAccuracy ?? NaN,
      });
      return r;
    } catch (e) {
      this.status = null;
      const error = messageOf(e) ?? (e instanceof Error ? e.message : String(e));
      this.options.onError(say('pad.teach.failed', { error }));
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

  /** The status in the reader's language; the dropped data's shape in its digits, left to right. */
  private sayStatus(status: Message, l: PadLocalize): string {
    if (status.key === 'pad.teach.dropped' && this.droppedShape)
      return l.term('pad.teach.dropped', {
        name: String(status.params['name']),
        shape: shapeIn(l, this.droppedShape),
      });
    return l.say(status);
  }

  /** The teach row (`part="teach"`): the label select, Teach, Fine-tune, Forget, and what happened. */
  render(canFineTune: boolean, l: PadLocalize) {
    const d = this.options.dataset();
    const n = this.list.length;
    return html`<div part="teach" class="teach">
      <label class="pick"
        >${l.term('pad.teach.label')}
        <select .value=${this.picked} @change=${this.onPick}>
          <option value="" ?selected=${this.picked === ''}>${l.term('pad.teach.pick')}</option>
          ${d.classes.map((c) => html`<option value=${c} ?selected=${this.picked === c}>${c}</option>`)}
        </select></label
      >
      <button part="teach-button" @click=${() => this.teach()}>${l.term('pad.teach.teach')}</button>
      ${
        canFineTune
          ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => void this.fineTune()}>
              ${l.term(this.busy ? 'pad.teach.fineTuningButton' : 'pad.teach.fineTune')}
            </button>`
          : nothing
      }
      <button class="secondary" ?disabled=${!n} @click=${() => this.forget()}>
        ${l.term('pad.teach.forget')}
      </button>
      <span class="teach-status" role="status" data-testid="teach-status"
        >${this.status ? this.sayStatus(this.status, l) : n ? l.term('pad.teach.count', { count: n }) : l.term('pad.teach.hint')}</span
      >
    </div>`;
  }
}
