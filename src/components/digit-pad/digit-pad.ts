import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { inlineStyle } from '../shared/inline-style.js';
import { CnnElement } from '../shared/cnn-element.js';
import { stringValue } from '../shared/property-values.js';
import { ForTargetController } from '../shared/for-target.js';
import {
  checkPixels,
  greyFromRgba,
  isBlank,
  mnistImage,
  preprocessDigit,
  MNIST_SIDE,
} from '../../engine/images.js';
import type { ModelSpec } from '../../engine/conv-math.js';
import { displayLayers, expectedShapes, layerGeometry } from '../../engine/models/display.js';
import { CNN, isModelName, MODEL_SPECS } from '../../engine/models/specs.js';
import { styles } from './digit-pad.styles.js';

/** What the network thinks the digit is. */
export interface DigitPrediction {
  /** The most probable digit, 0..9. */
  digit: number;
  /** Ten probabilities (softmax), summing to 1. */
  probabilities: number[];
}

/** One layer's activations for the current digit: `shape` without the batch axis (`[H, W, C]` or `[N]`), channels last. */
export interface LayerActivation {
  shape: number[];
  data: Float32Array;
}

/** Where predictions come from: the bundled network, or a trainer's session. */
interface Predictor {
  spec: ModelSpec;
  run(
    pixels: Float32Array,
    layers: string[],
  ): Promise<{ probabilities: Float32Array; activations: Record<string, LayerActivation> }>;
  dispose(): void;
}

/** The part of `<cnn-trainer>` we use: its `model` and its `session`'s predict/activations (docs/ENGINE-API.md). */
type TrainerLike = Element & {
  model?: unknown;
  session?: {
    predict?(pixels: Float32Array, n: number): Promise<Float32Array>;
    activations?(pixels: Float32Array, layers: string[]): Promise<Record<string, LayerActivation>>;
  } | null;
};

/** Side of the drawing surface in canvas pixels (CSS scales it to the space available). */
const PAD = 280;
/** Pen width in canvas pixels: about a tenth of a digit's height, which becomes MNIST's 2–3 px stroke. */
const PEN = 22;

/** Reads a CSS colour (any syntax) as RGB by painting one pixel. */
function rgbOf(color: string): [number, number, number] {
  const c = document.createElement('canvas');
  c.width = c.height = 1;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) return [0, 0, 0];
  ctx.fillStyle = color || '#000';
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0]!, d[1]!, d[2]!];
}

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

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
export class DigitPad extends CnnElement {
  static override styles = [...CnnElement.styles, styles];

  /** Id of a `<cnn-trainer>` whose live model to use instead of the bundled pretrained CNN. */
  @property({ reflect: true, attribute: 'for', converter: stringValue }) htmlFor: string | null = null;
  /** URL of the pretrained weights' manifest (`cnn-mnist.json`); default: the library's own. */
  @property({ attribute: 'weights-src', reflect: true, converter: stringValue }) weightsSrc = '';
  /** Folder (or manifest URL) of the MNIST test data for "Try a test digit"; default: the library's own. */
  @property({ attribute: 'data-src', reflect: true, converter: stringValue }) dataSrc = '';

  /** The latest prediction, or `null` while the pad is blank or no network is ready. */
  get prediction(): DigitPrediction | null {
    return this._prediction;
  }
  /** The 28×28 input the network sees (784 grey levels in 0..1, row-major). */
  get pixels(): Float32Array {
    return this._pixels.slice();
  }
  /** Activations of the shown layers for the current digit, by layer name (null while blank). */
  get activations(): Readonly<Record<string, LayerActivation>> | null {
    return this._activations;
  }
  /** `loading` while the network downloads, `ready`, `waiting` (a `for` trainer without a trained model) or `error`. */
  get status(): 'loading' | 'ready' | 'waiting' | 'error' {
    return this._status;
  }
  /** The MNIST test image shown by "Try a test digit": its index in the test set and its true label; else null. */
  get testDigit(): { index: number; label: number } | null {
    return this._testDigit;
  }

  @state() private _prediction: DigitPrediction | null = null;
  @state() private _pixels: Float32Array = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  @state() private _activations: Record<string, LayerActivation> | null = null;
  @state() private _status: 'loading' | 'ready' | 'waiting' | 'error' = 'loading';
  @state() private _testDigit: { index: number; label: number } | null = null;
  @state() private statusText = 'Loading the pretrained network…';
  @state() private announcement = '';
  @state() private retryable = false;
  /** What Retry does: reload the network, or fetch the MNIST test digits again ("Try a test digit"). */
  private retryWhat: 'network' | 'test-digits' = 'network';
  @state() private loadingTest = false;
  @state() private spec: ModelSpec = CNN;

  @query('canvas.pad') private padCanvas!: HTMLCanvasElement;
  @query('canvas.input') private inputCanvas!: HTMLCanvasElement;

  private predictor: Predictor | null = null;
  private predictorReady: Promise<Predictor | null> | null = null;
  private abort: AbortController | null = null;
  /** Bumped on every (re)load and on disconnect, so late results of a stale load are dropped. */
  private generation = 0;
  private drawing: { id: number; x: number; y: number } | null = null;
  private raf = 0;
  private inflight: Promise<unknown> | null = null;
  private dirty = false;
  /** True when the pad's canvas no longer matches `_pixels` set by `setPixels` (so re-read it). */
  private fromCanvas = true;
  private readonly forTarget = new ForTargetController<TrainerLike>(this, () => this.reload());
  private readonly onTrainerEvent = () => this.reload();
  private trainerListening: TrainerLike | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a removal: load again (the downloaded bytes are cached per page).
    if (this.hasUpdated) this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.generation++;
    this.abort?.abort();
    this.abort = null;
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.drawing = null;
    this.listenTrainer(null);
    this.predictor?.dispose();
    this.predictor = null;
    this.predictorReady = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('htmlFor')) {
      // A new target reloads through the controller's callback; but `for` can change with the target staying
      // null (none → "missing", or "missing" → none), which must reload too (pretrained ↔ waiting).
      const before = this.generation;
      this.forTarget.setId(this.htmlFor);
      if (this.hasUpdated && this.generation === before) this.reload();
    }
  }

  protected override firstUpdated(): void {
    this.reload();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('weightsSrc') && changed.get('weightsSrc') !== undefined) this.reload();
    this.paintInput();
    this.paintLayers();
  }

  // -------------------------------------------------------------------------------------------------------
  // Networks
  // -------------------------------------------------------------------------------------------------------

  private listenTrainer(t: TrainerLike | null): void {
    if (this.trainerListening === t) return;
    for (const name of ['train-start', 'train-epoch', 'train-end', 'train-error']) {
      this.trainerListening?.removeEventListener(name, this.onTrainerEvent);
      t?.addEventListener(name, this.onTrainerEvent);
    }
    this.trainerListening = t;
  }

  /** (Re)creates the predictor: the trainer's session when `for` names one, else the bundled CNN. */
  private reload(): void {
    if (!this.isConnected) return;
    const gen = ++this.generation;
    this.abort?.abort();
    this.abort = new AbortController();
    this.predictor?.dispose();
    this.predictor = null;
    this.retryable = false;
    this.setError(null);
    const target = this.htmlFor ? this.forTarget.target : null;
    this.listenTrainer(target);
    if (this.htmlFor) {
      this.predictorReady = Promise.resolve(this.trainerPredictor(target));
    } else {
      this._status = 'loading';
      this.statusText = 'Loading the pretrained network…';
      this.predictorReady = this.loadPretrained(gen, this.abort.signal);
    }
    void this.predictorReady.then((p) => {
      if (gen !== this.generation) {
        p?.dispose(); // a newer load (or a removal) overtook this one: free its model now
        return;
      }
      this.predictor = p;
      if (p) {
        this.spec = p.spec;
        this._status = 'ready';
        this.statusText = '';
        this.schedule();
      }
    });
  }

  private trainerPredictor(target: TrainerLike | null): Predictor | null {
    const id = this.htmlFor ?? '';
    const session = target?.session;
    const model = typeof target?.model === 'string' ? target.model : target?.getAttribute('model');
    if (!target || !session || typeof session.predict !== 'function') {
      this._status = 'waiting';
      this.statusText = target
        ? `Waiting for #${id} to train: its network has no weights yet. Press its Start button.`
        : `Waiting for a trainer with id "${id}" on this page.`;
      this._prediction = null;
      this._activations = null;
      return null;
    }
    const spec = isModelName(model) ? MODEL_SPECS[model] : CNN;
    return {
      spec,
      async run(pixels, layers) {
        const probabilities = await session.predict!(pixels, 1);
        const activations = session.activations ? await session.activations(pixels, layers) : {};
        return { probabilities, activations };
      },
      dispose() {
        /* the trainer owns its model */
      },
    };
  }

  private async loadPretrained(gen: number, signal: AbortSignal): Promise<Predictor | null> {
    try {
      const [{ getTf }, pre] = await Promise.all([
        import('../../engine/tensor.js'),
        import('../../engine/pretrained.js'),
      ]);
      const { tf } = await getTf();
      const { model } = await pre.loadPretrainedCnn(tf, {
        signal,
        ...(this.weightsSrc ? { url: new URL(this.weightsSrc, document.baseURI).href } : {}),
      });
      if (gen !== this.generation) {
        model.dispose();
        return null;
      }
      const names = displayLayers(CNN).map((l) => l.name);
      const probe = pre.layerProbe(tf, model, names);
      return {
        spec: CNN,
        run: (pixels) => probe.run(pixels),
        dispose() {
          model.dispose();
        },
      };
    } catch (e) {
      if (gen !== this.generation || (e as Error)?.name === 'AbortError') return null;
      const retryable = (e as { retryable?: boolean }).retryable ?? true;
      this._status = 'error';
      this.statusText = '';
      this.retryable = retryable;
      this.retryWhat = 'network';
      this.setError((e as Error)?.message || 'The pretrained network could not be loaded.');
      return null;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Prediction
  // -------------------------------------------------------------------------------------------------------

  /** Asks for a prediction at the next animation frame (at most one per frame, never two at once). */
  private schedule(): void {
    if (this.raf || !this.isConnected) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      void this.infer();
    });
  }

  /** Runs one prediction on the current drawing; if one is already running, runs again once it ends. */
  private async infer(): Promise<DigitPrediction | null> {
    if (this.inflight) {
      this.dirty = true;
      await this.inflight;
      if (!this.dirty) return this._prediction;
    }
    this.dirty = false;
    const run = this.inferNow();
    this.inflight = run;
    try {
      return await run;
    } finally {
      if (this.inflight === run) this.inflight = null;
      if (this.dirty) this.schedule();
    }
  }

  private async inferNow(): Promise<DigitPrediction | null> {
    if (this.fromCanvas) this.readCanvas();
    const pixels = this._pixels;
    const gen = this.generation;
    if (isBlank(pixels)) {
      this._prediction = null;
      this._activations = null;
      return null;
    }
    const predictor = this.predictor ?? (await this.predictorReady);
    if (!predictor || gen !== this.generation || !this.isConnected) return null;
    const layers = displayLayers(predictor.spec).map((l) => l.name);
    let result;
    try {
      result = await predictor.run(pixels, layers);
    } catch (e) {
      if (gen === this.generation) this.setError(`Prediction failed: ${(e as Error)?.message ?? String(e)}`);
      return null;
    }
    if (gen !== this.generation || pixels !== this._pixels) return this._prediction;
    const probabilities = Array.from(result.probabilities.slice(0, 10));
    if (probabilities.some((p) => !Number.isFinite(p))) {
      this.setError('The network returned invalid numbers (is it still training from scratch?).');
      return null;
    }
    let digit = 0;
    probabilities.forEach((p, i) => (digit = p > probabilities[digit]! ? i : digit));
    this._prediction = { digit, probabilities };
    this._activations = result.activations;
    this.emit('predict', this._prediction);
    return this._prediction;
  }

  /** Turns the pad's ink into the network's 28×28 input, MNIST-style. */
  private readCanvas(): void {
    const c = this.padCanvas;
    const ctx = c?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const img = ctx.getImageData(0, 0, c.width, c.height);
    this._pixels = preprocessDigit(greyFromRgba(img.data, c.width, c.height, 'alpha'));
  }

  private announce(): void {
    const p = this._prediction;
    this.announcement = p ? `The network reads ${p.digit} (${pct(p.probabilities[p.digit]!)} sure).` : '';
  }

  // -------------------------------------------------------------------------------------------------------
  // Public methods
  // -------------------------------------------------------------------------------------------------------

  /** Wipes the pad, the input and the prediction. */
  clear(): void {
    const c = this.padCanvas;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    this._pixels = new Float32Array(MNIST_SIDE * MNIST_SIDE);
    this.fromCanvas = true;
    this._prediction = null;
    this._activations = null;
    this._testDigit = null;
    this.announcement = 'Pad cleared.';
    if (this.inputError && this._status !== 'error') this.setError(null);
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
    if (this._status !== 'error') this.setError(null);
    this._testDigit = null;
    this._pixels = px;
    this.fromCanvas = false;
    await this.updateComplete;
    this.paintPadFromPixels(px);
    const p = await this.infer();
    this.announce();
    return p;
  }

  // -------------------------------------------------------------------------------------------------------
  // Drawing with pointer events
  // -------------------------------------------------------------------------------------------------------

  private point(e: PointerEvent): { x: number; y: number } {
    const r = this.padCanvas.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) * PAD) / (r.width || PAD),
      y: ((e.clientY - r.top) * PAD) / (r.height || PAD),
    };
  }

  private inkContext(): CanvasRenderingContext2D | null {
    const ctx = this.padCanvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.strokeStyle = ctx.fillStyle = getComputedStyle(this.padCanvas).color || '#000';
    ctx.lineWidth = PEN;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    return ctx;
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (this.drawing) return;
    e.preventDefault();
    try {
      this.padCanvas.setPointerCapture(e.pointerId);
    } catch {
      /* synthetic pointers cannot always be captured; drawing still works while over the pad */
    }
    const p = this.point(e);
    this.drawing = { id: e.pointerId, ...p };
    this.fromCanvas = true;
    this._testDigit = null;
    const ctx = this.inkContext();
    if (ctx) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, PEN / 2, 0, Math.PI * 2);
      ctx.fill();
    }
    this.schedule();
  }

  private onPointerMove(e: PointerEvent): void {
    const d = this.drawing;
    if (!d || e.pointerId !== d.id) return;
    const ctx = this.inkContext();
    if (!ctx) return;
    // Coalesced events keep fast strokes smooth (the browser batches moves between frames).
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    ctx.beginPath();
    ctx.moveTo(d.x, d.y);
    for (const ev of events.length ? events : [e]) {
      const p = this.point(ev);
      ctx.lineTo(p.x, p.y);
      d.x = p.x;
      d.y = p.y;
    }
    ctx.stroke();
    this.schedule();
  }

  private onPointerUp(e: PointerEvent): void {
    if (!this.drawing || e.pointerId !== this.drawing.id) return;
    this.drawing = null;
    // The stroke ended: one last prediction, then a polite announcement (never one per frame).
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    void this.infer().then(() => this.announce());
  }

  // -------------------------------------------------------------------------------------------------------
  // Test digits
  // -------------------------------------------------------------------------------------------------------

  private readonly onRetry = () => {
    if (this.retryWhat === 'network') return this.reload();
    this.retryable = false;
    this.setError(null);
    void this.tryTestDigit();
  };

  private async tryTestDigit(): Promise<void> {
    if (this.loadingTest) return;
    this.loadingTest = true;
    const gen = this.generation;
    try {
      const { loadMnist } = await import('../../engine/data/mnist.js');
      const split = await loadMnist({
        split: 'test',
        count: 1000,
        ...(this.dataSrc ? { baseUrl: this.dataSrc } : {}),
      });
      if (gen !== this.generation) return;
      const index = Math.floor(Math.random() * split.count);
      await this.setPixels(mnistImage(split.images, index));
      this._testDigit = { index, label: split.labels[index]! };
      this.announce();
    } catch (e) {
      if (gen === this.generation) {
        // A failed download (404, offline, truncated) can be retried like the network's own.
        this.retryable = (e as { retryable?: boolean })?.retryable ?? true;
        this.retryWhat = 'test-digits';
        this.setError(`Could not load the MNIST test digits: ${(e as Error)?.message ?? String(e)}`);
      }
    } finally {
      this.loadingTest = false;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Painting
  // -------------------------------------------------------------------------------------------------------

  /** Draws a 28×28 input onto the pad, scaled up, so the reader sees what was set. */
  private paintPadFromPixels(px: Float32Array): void {
    const c = this.padCanvas;
    const ctx = c?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const small = document.createElement('canvas');
    small.width = small.height = MNIST_SIDE;
    const sctx = small.getContext('2d');
    if (!sctx) return;
    const [r, g, b] = rgbOf(getComputedStyle(c).color);
    const img = sctx.createImageData(MNIST_SIDE, MNIST_SIDE);
    for (let i = 0; i < px.length; i++) img.data.set([r, g, b, Math.round(px[i]! * 255)], i * 4);
    sctx.putImageData(img, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, 0, 0, c.width, c.height);
  }

  private paintInput(): void {
    const c = this.inputCanvas;
    const ctx = c?.getContext('2d');
    if (!ctx) return;
    const [r, g, b] = rgbOf(getComputedStyle(c).color);
    const img = ctx.createImageData(MNIST_SIDE, MNIST_SIDE);
    const px = this._pixels;
    for (let i = 0; i < px.length; i++) img.data.set([r, g, b, Math.round(px[i]! * 255)], i * 4);
    ctx.putImageData(img, 0, 0);
  }

  /** Each spatial layer as a grid of channel maps, each flat layer as a strip; one canvas per layer. */
  private paintLayers(): void {
    const acts = this._activations;
    for (const canvas of this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-layer]')) {
      const a = acts?.[canvas.dataset['layer']!];
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      if (!a) {
        // Blank (cleared pad, no network yet): the canvas keeps its size but shows nothing stale.
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        continue;
      }
      const [r, g, b] = rgbOf(getComputedStyle(canvas).color);
      const geo = layerGeometry(a.shape);
      canvas.width = geo.width;
      canvas.height = geo.height;
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of a.data) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      // Activations after ReLU are ≥ 0: scale by the layer's maximum. Scores can be negative: min–max.
      const base = lo >= 0 ? 0 : lo;
      const span = hi - base || 1;
      const img = ctx.createImageData(geo.width, geo.height);
      const set = (x: number, y: number, v: number) =>
        img.data.set([r, g, b, Math.round(((v - base) / span) * 255)], (y * geo.width + x) * 4);
      if (geo.spatial) {
        const { h, w, c, cols } = geo;
        for (let ch = 0; ch < c; ch++) {
          const ox = (ch % cols) * (w + 1);
          const oy = Math.floor(ch / cols) * (h + 1);
          for (let y = 0; y < h; y++)
            for (let x = 0; x < w; x++) set(ox + x, oy + y, a.data[(y * w + x) * c + ch]!);
        }
      } else {
        for (let i = 0; i < geo.width; i++) set(i, 0, a.data[i]!);
      }
      ctx.putImageData(img, 0, 0);
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Template
  // -------------------------------------------------------------------------------------------------------

  protected override render() {
    const p = this._prediction;
    const layers = displayLayers(this.spec);
    const acts = this._activations;
    const expected = expectedShapes(this.spec);
    return html`
      ${this.renderError()}
      ${
        this.inputError && this.retryable
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
            @pointerdown=${this.onPointerDown}
            @pointermove=${this.onPointerMove}
            @pointerup=${this.onPointerUp}
            @pointercancel=${this.onPointerUp}
            @lostpointercapture=${this.onPointerUp}
          ></canvas>
          <div part="controls" class="controls">
            <button class="secondary" @click=${() => this.clear()}>Clear</button>
            <button class="secondary" ?disabled=${this.loadingTest} @click=${() => void this.tryTestDigit()}>
              ${this.loadingTest ? 'Loading…' : 'Try a test digit'}
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
            ${this.statusText ? html`<div part="status" class="status">${this.statusText}</div>` : nothing}
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
                  aria-valuetext=${p ? pct(v) : 'no prediction'}
                  ><span class="fill" ${inlineStyle({ width: `${(v * 100).toFixed(1)}%` })}></span
                ></span>
                <span class="p">${p ? pct(v) : '–'}</span>
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
