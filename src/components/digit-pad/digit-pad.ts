import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { checkPixels, mnistImage, MNIST_SIDE } from '../../engine/images.js';
import { displayLayers, expectedShapes, layerGeometry, layerImage } from '../../engine/models/display.js';
import { CnnElement } from '../shared/cnn-element.js';
import { valueRange } from '../shared/colour-scale.js';
import { formatPercent } from '../shared/format.js';
import { inlineStyle } from '../shared/inline-style.js';
import { paintGrey } from '../shared/paint.js';
import { stringValue } from '../shared/property-values.js';
import { Task } from '../shared/task.js';
import { InkController, inkOf, PAD } from './ink-controller.js';
import {
  PredictorController,
  type DigitPrediction,
  type LayerActivation,
  type PadState,
} from './predictor-controller.js';
import { styles } from './digit-pad.styles.js';

export type { DigitPrediction, LayerActivation, PadState };

/**
 * A pad to draw a digit on, with the network's live guess: the lesson's "bonus 2". Draw with a mouse, a
 * finger or a pen; the drawing is prepared the way MNIST digits were (bounding box scaled to 20×20, centred by
 * centre of mass in 28×28, grey levels 0..1) and the 28×28 input is shown. While you draw, the network's
 * prediction and ten probabilities update (at most once per frame), and below, every layer's activations
 * light up: each convolution channel as a small map, dense layers as strips.
 *
 * By default it uses a CNN trained on the real MNIST data that ships with the library (≈182 KB of weights,
 * ≥ 98 % on the 10,000 test images); with `for="trainer-id"` it uses that `<cnn-trainer>`'s live model.
 * "Try a test digit" feeds a real MNIST test image.
 *
 * @tagname digit-pad
 * @summary Draw a digit and watch an MNIST CNN classify it, layer by layer.
 *
 * @fires predict - A new prediction. `detail` is `{ digit, probabilities }` (as the `prediction` property).
 *
 * @csspart error - The message shown when the network or the test digits cannot be loaded (`role="alert"`).
 * @csspart retry - The button that retries a failed download.
 * @csspart pad - The drawing canvas.
 * @csspart controls - The Clear and "Try a test digit" buttons.
 * @csspart input - The 28×28 input the network sees.
 * @csspart digit - The predicted digit.
 * @csspart probabilities - The list of ten probability bars.
 * @csspart layers - The activations of every layer.
 * @csspart status - Loading and waiting messages.
 *
 * @cssproperty [--cnn-pad-ink=var(--cnn-fg)] Colour of the pen.
 * @cssproperty [--cnn-pad-background=var(--cnn-surface)] Background of the drawing surface.
 * @cssproperty [--cnn-pad-size=280px] Largest side of the drawing surface.
 * @cssproperty [--cnn-pad-activation=var(--cnn-accent)] Colour of strong activations and probability bars.
 */
export class DigitPad extends CnnElement<{ predict: DigitPrediction }> {
  static override styles = [...CnnElement.styles, styles];

  /** Id of a `<cnn-trainer>` whose live model to use instead of the bundled pretrained CNN. */
  @property({ reflect: true, attribute: 'for', converter: stringValue }) htmlFor: string | null = null;
  /** URL of the pretrained weights' manifest (`cnn-mnist.json`); default: the library's own. */
  @property({ attribute: 'weights-src', reflect: true, converter: stringValue }) weightsSrc = '';
  /** Folder (or manifest URL) of the MNIST test data for "Try a test digit"; default: the library's own. */
  @property({ attribute: 'data-src', reflect: true, converter: stringValue }) dataSrc = '';

  /** The latest prediction, or `null` while the pad is blank or no network is ready. */
  get prediction(): DigitPrediction | null {
    return this.net.prediction;
  }
  /** The 28×28 input the network sees (784 grey levels in 0..1, row-major). */
  get pixels(): Float32Array {
    return this.ink.pixels.slice();
  }
  /** Activations of the shown layers for the current digit, by layer name (null while blank). */
  get activations(): Readonly<Record<string, LayerActivation>> | null {
    return this.net.activations;
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
  /** The MNIST test image shown by "Try a test digit": its index in the test set and its true label; else null. */
  get testDigit(): { index: number; label: number } | null {
    return this._testDigit;
  }

  @state() private _testDigit: { index: number; label: number } | null = null;
  @state() private announcement = '';
  /** What Retry does: reload the network, or fetch the MNIST test digits again; `null`: no Retry to offer. */
  @state() private retry: 'network' | 'test-digits' | null = null;

  @query('canvas.pad') private padCanvas!: HTMLCanvasElement | null;
  @query('canvas.input') private inputCanvas!: HTMLCanvasElement | null;

  private readonly ink = new InkController(this, {
    canvas: () => this.padCanvas,
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
    pixels: () => this.ink.capture(),
    onReload: () => {
      this.retry = null;
      this.setError(null);
    },
    onPredict: (p) => this.emit('predict', p),
    onError: (message, retryable) => {
      if (retryable !== undefined) this.retry = retryable ? 'network' : null;
      this.setError(message);
    },
  });

  /** "Try a test digit": loads the MNIST test digits (once per page) and shows one at random. */
  private readonly testDigits = new Task(this, {
    autoRun: false,
    task: (_args, { signal }) => this.showTestDigit(signal),
  });

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const input = this.inputCanvas;
    if (input) paintGrey(input, this.ink.pixels, MNIST_SIDE, MNIST_SIDE, { ink: inkOf(input) });
    this.paintLayers();
  }

  /** Wipes the pad, the input and the prediction. */
  clear(): void {
    this.ink.clear();
    this.net.reset();
    this._testDigit = null;
    this.announcement = 'Pad cleared.';
    if (this.inputError && this.state !== 'error') this.setError(null);
  }

  /**
   * Shows a ready-made 28×28 input (784 values in 0..1, row-major, white digit on black like MNIST) and
   * predicts it, exactly as given (no preprocessing). Resolves with the prediction (null if no network).
   * Bad values leave the pad unchanged and set `error`.
   */
  async setPixels(values: ArrayLike<number>): Promise<DigitPrediction | null> {
    const px = checkPixels(values);
    if (!(px instanceof Float32Array)) {
      this.setError(px.error);
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

  private announce(): void {
    const p = this.net.prediction;
    this.announcement = p
      ? `The network reads ${p.digit} (${formatPercent(p.probabilities[p.digit])} sure).`
      : '';
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
    try {
      const { loadMnist } = await import('../../engine/data/mnist.js');
      const split = await loadMnist({
        split: 'test',
        count: 1000,
        ...(this.dataSrc ? { baseUrl: this.dataSrc } : {}),
      });
      if (signal.aborted) return;
      const index = Math.floor(Math.random() * split.count);
      await this.setPixels(mnistImage(split.images, index));
      this._testDigit = { index, label: split.labels[index]! };
      this.announce();
    } catch (e) {
      if (signal.aborted) return;
      // A failed download (404, offline, truncated) can be retried like the network's own.
      this.retry = ((e as { retryable?: boolean })?.retryable ?? true) ? 'test-digits' : null;
      this.setError(`Could not load the MNIST test digits: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  /** Each spatial layer as a grid of channel maps, each flat layer as a strip; one canvas per layer. */
  private paintLayers(): void {
    const acts = this.net.activations;
    for (const canvas of this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-layer]')) {
      const a = acts?.[canvas.dataset['layer']!];
      if (a) {
        const { width, height, values } = layerImage(a.shape, a.data, valueRange(a.data));
        paintGrey(canvas, values, width, height, { ink: inkOf(canvas) });
      } else {
        // Blank (cleared pad, no network yet): the canvas keeps its size but shows nothing stale.
        canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      }
    }
  }

  protected override render() {
    const p = this.net.prediction;
    const layers = displayLayers(this.net.spec);
    const acts = this.net.activations;
    const expected = expectedShapes(this.net.spec);
    const statusText = this.net.statusText;
    const loadingTest = this.testDigits.status === 'pending';
    return html`
      ${this.renderError()}
      ${
        this.inputError && this.retry
          ? html`<button part="retry" class="retry" @click=${this.onRetry}>Retry</button>`
          : nothing
      }
      <div class="main">
        <div class="pad-col">
          <canvas
            part="pad"
            class="pad"
            width=${PAD}
            height=${PAD}
            role="img"
            aria-label="Drawing pad: draw a digit from 0 to 9 with a mouse, finger or pen"
            @pointerdown=${this.ink.onPointerDown}
            @pointermove=${this.ink.onPointerMove}
            @pointerup=${this.ink.onPointerUp}
            @pointercancel=${this.ink.onPointerUp}
            @lostpointercapture=${this.ink.onPointerUp}
          ></canvas>
          <div part="controls" class="controls">
            <button class="secondary" @click=${() => this.clear()}>Clear</button>
            <button class="secondary" ?disabled=${loadingTest} @click=${() => this.tryTestDigit()}>
              ${loadingTest ? 'Loading…' : 'Try a test digit'}
            </button>
          </div>
        </div>
        <div class="side">
          <div class="input-box">
            <canvas
              part="input"
              class="input"
              width=${MNIST_SIDE}
              height=${MNIST_SIDE}
              role="img"
              aria-label="The 28×28 input the network sees: your drawing scaled to fit 20×20 and centred by its centre of mass"
            ></canvas>
            <div class="caption">
              28×28
              input${this._testDigit ? html`<br />MNIST test #${this._testDigit.index}, label ${this._testDigit.label}` : nothing}
            </div>
          </div>
          <div class="guess">
            <div class="caption">Prediction</div>
            <div part="digit" class="digit" data-testid="digit">${p ? p.digit : '–'}</div>
            ${statusText ? html`<div part="status" class="status">${statusText}</div>` : nothing}
          </div>
          <ol part="probabilities" class="probs" aria-label="Probability of each digit">
            ${Array.from({ length: 10 }, (_, d) => {
              const v = p ? p.probabilities[d]! : 0;
              return html`<li class=${p && p.digit === d ? 'top' : ''}>
                <span class="d">${d}</span>
                <span
                  class="bar"
                  role="meter"
                  aria-label=${`Digit ${d}`}
                  aria-valuemin="0"
                  aria-valuemax="100"
                  aria-valuenow=${Math.round(v * 1000) / 10}
                  aria-valuetext=${p ? formatPercent(v) : 'no prediction'}
                  ><span class="fill" ${inlineStyle({ width: `${(v * 100).toFixed(1)}%` })}></span
                ></span>
                <span class="p">${p ? formatPercent(v) : '–'}</span>
              </li>`;
            })}
          </ol>
        </div>
      </div>
      <div class="visually-hidden" aria-live="polite" data-testid="announce">${this.announcement}</div>
      <section part="layers" class="layers" aria-label="Activations of every layer">
        ${layers.map(({ name, label }) => {
          const a = acts?.[name];
          // Before the first prediction, size the canvas from the spec's shape: no layout shift when it arrives.
          const shape = a?.shape ?? expected.get(name);
          const geo = shape ? layerGeometry(shape) : null;
          const desc =
            a && geo
              ? geo.spatial
                ? `${label}: ${geo.c} feature maps of ${geo.h}×${geo.w}`
                : `${label}: ${geo.width} values`
              : `${label}: nothing yet, draw a digit`;
          return html`<figure class=${`layer ${geo?.spatial ? 'spatial' : 'flat'}`}>
            <figcaption>
              ${label}${geo ? html` <span class="shape">${geo.spatial ? `${geo.c}×${geo.h}×${geo.w}` : geo.width}</span>` : nothing}
            </figcaption>
            <canvas
              data-layer=${name}
              role="img"
              aria-label=${desc}
              width=${geo?.width ?? 1}
              height=${geo?.height ?? 1}
              ${inlineStyle({ width: geo?.spatial ? `${geo.width * (geo.w <= 6 ? 4 : geo.w <= 13 ? 3 : 2)}px` : undefined })}
              ?hidden=${!geo}
            ></canvas>
          </figure>`;
        })}
      </section>
    `;
  }
}
