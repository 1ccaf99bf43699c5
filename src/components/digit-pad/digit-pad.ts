import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { checkPixels } from '../../engine/images.js';
import { shapeSize, shapeText } from '../../engine/pad-input.js';
import type { DatasetInfo, TaughtExample } from '../../engine/training/types.js';
import { CnnElement } from '../shared/cnn-element.js';
import { SHARED_EN } from '../shared/shared.strings.js';
import { messageOf, messagesOf, type Message } from '../../engine/messages.js';
import { PAD_EN } from './digit-pad.strings.js';
import { paintInput } from '../shared/paint.js';
import { enumValue, stringValue } from '../shared/property-values.js';
import { Task } from '../shared/task.js';
import { InkController, inkOf, PAD } from './ink-controller.js';
import { paintLayers, renderLayers, renderProbabilities, shapeIn } from './pad-views.js';
import { areDigitClasses } from '../../engine/models/dataset-of.js';
import {
  PredictorController,
  type DigitPrediction,
  type LayerActivation,
  type PadState,
} from './predictor-controller.js';
import { TeachController, type TeachDetail } from './teach-controller.js';
import { pickTestImage } from './test-images.js';
import { styles } from './digit-pad.styles.js';
import { networkParser } from '../shared/network-parser.js';

const EN = { ...SHARED_EN, ...PAD_EN };
const say = messagesOf(PAD_EN);

export type { DigitPrediction, LayerActivation, PadState, TaughtExample, TeachDetail };

/**
 * A pad to draw a digit on, with the network's live guess: the lesson's "bonus 2". Draw with a mouse, a
 * finger or a pen; the drawing is prepared the way MNIST digits were (bounding box scaled to 20×20, centred by
 * centre of mass in 28×28, grey levels 0..1) and the 28×28 input is shown. While you draw, the network's
 * prediction and one probability per class update (at most once per frame), and below, every layer's
 * activations light up: each convolution channel as a small map, dense layers as strips.
 *
 * By default it uses a CNN trained on the real MNIST data that ships with the library (≈182 KB of weights,
 * ≥ 98 % on the 10,000 test images); with `for="trainer-id"` it follows that `<cnn-trainer>`: its network (its
 * own `layers` too), its dataset's class names on the bars, and its image size — a grey dataset is drawn and
 * prepared MNIST-style at its own side, a colour (RGB) one is drawn in colour on white (pick the pen's colour)
 * and scaled down. "Try a test digit" (or image) feeds a real test image of the trainer's data (MNIST's without one).
 *
 * Teach mode (`mode="teach"`): draw, pick the right label, press Teach (`teach(label)`); the examples gather in
 * `examples`, and Fine-tune (or `trainer.fineTune()`) runs a few seeded steps of the trainer's network on them
 * mixed with training data — the prediction updates, and the test accuracy shows nothing was forgotten.
 *
 * @tagname digit-pad
 * @summary Draw a digit and watch a CNN classify it, layer by layer; teach it your handwriting.
 *
 * @fires predict - A new prediction. `detail` is `{ digit, label, probabilities }` (as the `prediction` property).
 * @fires teach - An example was taught. `detail` is `{ example: { pixels, label }, count }`.
 *
 * @csspart error - The message shown when the network or the test digits cannot be loaded (`role="alert"`).
 * @csspart retry - The button that retries a failed download.
 * @csspart pad - The drawing canvas.
 * @csspart controls - The Clear and "Try a test digit" buttons (and the pen colour for a colour dataset).
 * @csspart teach - Teach mode's row: the label to teach, Teach, Fine-tune, Forget, and what happened.
 * @csspart teach-button - The Teach button.
 * @csspart input - The input the network sees (28×28 for MNIST).
 * @csspart digit - The predicted class.
 * @csspart probabilities - The list of probability bars, one per class.
 * @csspart layers - The activations of every layer.
 * @csspart status - Loading and waiting messages.
 *
 * @cssproperty [--cnn-pad-ink=var(--cnn-fg)] Colour of the pen (on a grey pad).
 * @cssproperty [--cnn-pad-background=var(--cnn-surface)] Background of the drawing surface.
 * @cssproperty [--cnn-pad-size=280px] Largest side of the drawing surface.
 * @cssproperty [--cnn-pad-activation=var(--cnn-accent)] Colour of strong activations and probability bars.
 */
export class DigitPad extends CnnElement<{ predict: DigitPrediction; teach: TeachDetail }, typeof EN> {
  static override styles = [...CnnElement.styles, styles];
  protected static override strings = EN;

  /** Id of a `<cnn-trainer>` whose live model (and data) to use instead of the bundled pretrained CNN. */
  @property({ reflect: true, attribute: 'for', converter: stringValue }) htmlFor: string | null = null;
  /** URL of the pretrained weights' manifest (`cnn-mnist.json`); default: the library's own. */
  @property({ attribute: 'weights-src', reflect: true, converter: stringValue }) weightsSrc = '';
  /** Folder (or manifest URL) of the MNIST test data for "Try a test digit"; default: the library's own. */
  @property({ attribute: 'data-src', reflect: true, converter: stringValue }) dataSrc = '';
  /** `draw` (default), or `teach`: the row to teach the network your own examples shows (see `teach()`). */
  @property({ reflect: true, converter: enumValue(['draw', 'teach']) }) mode: 'draw' | 'teach' | string =
    'draw';

  /** The latest prediction, or `null` while the pad is blank or no network is ready. */
  get prediction(): DigitPrediction | null {
    return this.net.prediction;
  }
  /** The input the network sees: h×w×c values in 0..1, row-major, channels last (784 grey levels for MNIST). */
  get pixels(): Float32Array {
    return this.ink.pixels.slice();
  }
  /** Activations of the shown layers for the current digit, by layer name (null while blank). */
  get activations(): Readonly<Record<string, LayerActivation>> | null {
    return this.net.activations;
  }
  /**
   * The examples taught so far, `{ pixels, label }` each (the input as the network saw it, the class index), in
   * the order taught. Settable (a lesson's own examples; `null` or `[]` forgets them); bad ones set `error`.
   */
  get examples(): TaughtExample[] {
    return this.teacher.examples;
  }
  set examples(value: readonly TaughtExample[] | null | undefined) {
    const error = this.teacher.setExamples(value);
    this.setError(error);
  }
  /**
   * `loading` while the network downloads, `ready`, `waiting` (a `for` trainer without a trained model) or
   * `error`. Named as `<cnn-trainer>`'s `state`.
   */
  get state(): 'loading' | 'ready' | 'waiting' | 'error' {
    return this.net.state;
  }
  /**
   * The same as `state` (its first name).
   * @deprecated Use `state`, as on `<cnn-trainer>`.
   */
  get status(): 'loading' | 'ready' | 'waiting' | 'error' {
    return this.state;
  }
  /** The test image shown by "Try a test digit": its index in the test set and its true label; else null. */
  get testDigit(): { index: number; label: number } | null {
    return this._testDigit;
  }

  @state() private _testDigit: { index: number; label: number } | null = null;
  @state() private announcement: Message | null = null;
  /** What Retry does: reload the network, or fetch the test digits again; `null`: no Retry to offer. */
  @state() private retry: 'network' | 'test-digits' | null = null;
  /** The pen's colour on a colour (RGB) pad. */
  @state() private penColor = '#000000';

  @query('canvas.pad') private padCanvas!: HTMLCanvasElement | null;
  @query('canvas.input') private inputCanvas!: HTMLCanvasElement | null;

  private readonly ink = new InkController(this, {
    canvas: () => this.padCanvas,
    shape: () => this.data.shape,
    penColor: () => this.penColor,
    onStart: () => (this._testDigit = null),
    onInk: () => this.net.schedule(),
    // The stroke ended: one last prediction, then a polite announcement (never one per frame).
    onEnd: () => {
      this.net.cancelFrame();
      void this.net.predict(this.ink.capture()).then(() => this.announce());
    },
  });

  private readonly net = new PredictorController(this, {
    source: () => this,
    parser: () => this.parts.need(networkParser),
    pixels: () => this.ink.capture(),
    onReload: () => {
      this.retry = null;
      this.setError(this.modeError); // a bad `mode` stays reported: only the last network's messages go
    },
    onPredict: (p) => this.emit('predict', p),
    onError: (message, retryable) => {
      if (retryable !== undefined) this.retry = retryable ? 'network' : null;
      this.setError(message);
    },
  });

  private readonly teacher = new TeachController(this, {
    dataset: () => this.data,
    pixels: () => this.ink.pixels,
    trainer: () => (this.htmlFor ? this.net.trainer : null),
    onError: (message) => (message || this.state !== 'error' ? this.setError(message) : undefined),
    onTeach: (detail) => this.emit('teach', detail),
  });

  /** "Try a test digit": loads a test image (the trainer's, else MNIST's, once per page) and shows it. */
  private readonly testDigits = new Task(this, {
    autoRun: false,
    task: (_args, { signal }) => this.showTestDigit(signal),
  });

  /** The data the network reads: `{ name, classes, shape }` of the followed trainer's dataset, else MNIST's. */
  private get data(): Readonly<DatasetInfo> {
    return this.net.dataset;
  }

  /** The message of a `mode` that is not one (kept apart so that a good `mode` clears only its own message). */
  private modeError: Message | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('mode')) return;
    const bad =
      this.mode === 'draw' || this.mode === 'teach' ? null : say('pad.mode', { got: String(this.mode) });
    if (bad) this.setError(bad);
    else if (this.modeError && this.error === this.localize.say(this.modeError)) this.setError(null);
    this.modeError = bad;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const input = this.inputCanvas;
    if (input) paintInput(input, this.ink.pixels, this.data.shape, inkOf(input));
    paintLayers(this.renderRoot, this.net.activations);
  }

  /** Wipes the pad, the input and the prediction. */
  clear(): void {
    this.ink.clear();
    this.net.reset();
    this._testDigit = null;
    this.announcement = say('pad.cleared');
    if (this.inputError && this.state !== 'error') this.setError(null);
  }

  /**
   * Shows a ready-made input (h×w×c values in 0..1, row-major, channels last: 784 for MNIST, white digit on
   * black) and predicts it, exactly as given (no preprocessing). Resolves with the prediction (null if no
   * network). Bad values leave the pad unchanged and set `error`.
   */
  async setPixels(values: ArrayLike<number>): Promise<DigitPrediction | null> {
    const shape = this.data.shape;
    const px = checkPixels(values, shapeSize(shape), shapeText(shape));
    if (!(px instanceof Float32Array)) {
      this.setError(px.message);
      return null;
    }
    if (this.state !== 'error') this.setError(null);
    this._testDigit = null;
    this.ink.show(px);
    await this.updateComplete;
    const p = await this.net.predict(px);
    this.announce();
    return p;
  }

  /**
   * Teach mode's Teach: adds the current input as an example of `label` — a class number (`7`) or name
   * (`"7"`, `"Sneaker"`); default: the label picked in the row — to `examples`, and fires `teach`. Returns the
   * example, or `null` with the reason in `error` (a blank pad, no such label).
   */
  teach(label?: number | string): TaughtExample | null {
    return this.teacher.teach(label);
  }

  private announce(): void {
    const p = this.net.prediction;
    this.announcement = p
      ? say('pad.announce', { label: p.label, sure: p.probabilities[p.digit] ?? NaN })
      : null;
  }

  private readonly onRetry = () => {
    if (this.retry === 'network') return this.net.reload();
    this.retry = null;
    this.setError(null);
    this.tryTestDigit();
  };

  private tryTestDigit(): void {
    if (this.testDigits.status !== 'pending') void this.testDigits.run();
  }

  private async showTestDigit(signal: AbortSignal): Promise<void> {
    const dataset = this.data;
    try {
      const picked = await pickTestImage({
        session: this.htmlFor ? (this.net.trainer?.session ?? null) : null,
        dataset,
        trainerId: this.htmlFor,
        dataSrc: this.dataSrc,
      });
      if (signal.aborted) return;
      await this.setPixels(picked.pixels);
      this._testDigit = { index: picked.index, label: picked.label };
      this.announce();
    } catch (e) {
      if (signal.aborted) return;
      // A failed download (404, offline, truncated) can be retried like the network's own.
      this.retry = ((e as { retryable?: boolean })?.retryable ?? true) ? 'test-digits' : null;
      const error = messageOf(e) ?? (e instanceof Error ? e.message : String(e));
      const key = areDigitClasses(dataset.classes) ? 'pad.testDigitsFailed' : 'pad.testImagesFailed';
      this.setError(say(key, { name: dataset.name, error }));
    }
  }

  private readonly onPen = (e: Event) => (this.penColor = (e.target as HTMLInputElement).value);

  protected override render() {
    const p = this.net.prediction;
    const { classes, shape, name } = this.data;
    const digits = areDigitClasses(classes);
    const l = this.localize;
    const statusText = l.say(this.net.statusMessage);
    const loadingTest = this.testDigits.status === 'pending';
    const size = shapeIn(l, shape);
    const t = this._testDigit;
    const fit = l.formats.number(Math.round((shape[0] * 20) / 28));
    return html`
      ${this.renderError()}
      ${
        this.inputError && this.retry
          ? html`<button part="retry" class="retry" @click=${this.onRetry}>${l.term('common.retry')}</button>`
          : nothing
      }
      <div class="main">
        <div class="pad-col">
          <canvas
            part="pad"
            class=${`pad${this.ink.colour ? ' colour' : ''}`}
            width=${PAD}
            height=${PAD}
            role="img"
            aria-label=${
              digits
                ? l.term('pad.padDigits', { from: 0, to: 9 })
                : classes.length <= 12
                  ? l.term('pad.padClasses', { classes: l.formats.list(classes, 'disjunction') })
                  : l.term('pad.padManyClasses', { count: classes.length })
            }
            @pointerdown=${this.ink.onPointerDown}
            @pointermove=${this.ink.onPointerMove}
            @pointerup=${this.ink.onPointerUp}
            @pointercancel=${this.ink.onPointerUp}
            @lostpointercapture=${this.ink.onPointerUp}
          ></canvas>
          <div part="controls" class="controls">
            <button class="secondary" @click=${() => this.clear()}>${l.term('pad.clear')}</button>
            <!-- aria-disabled while loading, not disabled: a disabled button drops the keyboard's focus -->
            <button
              class="secondary"
              aria-disabled=${loadingTest ? 'true' : 'false'}
              @click=${() => this.tryTestDigit()}
            >
              ${l.term(loadingTest ? 'pad.loading' : digits ? 'pad.tryDigit' : 'pad.tryImage')}
            </button>
            ${
              this.ink.colour
                ? html`<label class="pen"
                    >${l.term('pad.pen')} <input type="color" .value=${this.penColor} @input=${this.onPen}
                  /></label>`
                : nothing
            }
          </div>
          ${this.mode === 'teach' ? this.teacher.render(Boolean(this.htmlFor && this.net.trainer?.fineTune), l) : nothing}
        </div>
        <div class="side">
          <div class="input-box">
            <canvas
              part="input"
              class="input"
              width=${shape[1]}
              height=${shape[0]}
              role="img"
              aria-label=${
                shape[2] === 1 && shape[0] === shape[1]
                  ? l.term('pad.inputCentred', { size, fit: l.ltr(`${fit}×${fit}`) })
                  : l.term('pad.inputScaled', { size })
              }
            ></canvas>
            <div class="caption">
              ${l.term('pad.inputCaption', { size })}${
                t
                  ? html`<br />${l.term('pad.testCaption', { name, index: t.index, label: classes[t.label] ?? String(t.label) })}`
                  : nothing
              }
            </div>
          </div>
          <div class="guess">
            <div class="caption">${l.term('pad.prediction')}</div>
            <div part="digit" class=${`digit${p && p.label.length > 2 ? ' word' : ''}`} data-testid="digit">
              ${p ? p.label : '–'}
            </div>
            ${statusText ? html`<div part="status" class="status">${statusText}</div>` : nothing}
          </div>
          ${renderProbabilities(classes, p, l)}
        </div>
      </div>
      <div class="visually-hidden" aria-live="polite" data-testid="announce">${l.say(this.announcement)}</div>
      ${renderLayers(this.net.spec, this.net.activations, l)}
    `;
  }
}
