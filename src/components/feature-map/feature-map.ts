import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { inlineStyle } from '../shared/inline-style.js';
import { CnnElement } from '../shared/cnn-element.js';
import {
  booleanValue,
  enumValue,
  jsonArrayValue,
  numberValue,
  stringValue,
  textOrNumberValue,
} from '../shared/property-values.js';
import { ForTargetController } from '../shared/for-target.js';
import { drawHeatmap, gradientCss, valueRange } from '../shared/colour-scale.js';
import { assetUrl } from '../../engine/assets.js';
import { AssetLoadError } from '../../engine/data/download.js';
import { fetchPhoto } from '../../engine/data/photo.js';
import { formatValue } from '../shared/format.js';
import {
  MAX_FILTERS,
  PRESETS,
  parseLayers,
  resolveChain,
  type LayerDef,
  type ResolvedLayer,
} from '../../engine/filters.js';
import {
  computeMaps,
  layerWeightsOf,
  nhwcToMaps,
  rgbToMaps,
  unionRange,
  type FeatureMaps,
  type LayerWeights,
  type RgbImage,
  type TensorSide,
} from '../../engine/feature-maps.js';
import { styles } from './feature-map.styles.js';

export type { FeatureMaps, LayerWeights } from '../../engine/feature-maps.js';

/** Detail of `maps-ready`. */
export interface MapsReadyDetail {
  maps: FeatureMaps;
  /** Where the maps came from: a photo through the element's own filters, or a trainer's layer. */
  source: 'image' | 'trainer';
}

/** What a `for` target must offer: the `<cnn-trainer>` surface (its `session`, see ENGINE-API.md). */
interface TrainerLike extends HTMLElement {
  session: {
    readonly state?: string;
    activations?(
      pixels: Float32Array,
      layers: string[],
    ): Promise<Record<string, { shape: number[]; data: Float32Array }>>;
  } | null;
}
const isTrainer = (el: Element): el is TrainerLike => 'session' in el;

/** The longest side a photo is computed at; bigger images are downscaled (with a note) so the tab never freezes. */
export const MAX_IMAGE_SIDE = 512;
/** Minimum milliseconds between refreshes driven by `train-batch` (epochs and the end refresh at once). */
const BATCH_REFRESH_MS = 1000;

type ImagePixels = RgbImage & { naturalWidth: number; naturalHeight: number };

/**
 * Convolution filters applied to a real photo: every output channel is shown as an activation map in a
 * perceptually uniform colour scale (viridis) with its value range, and the output shape `C × H × W`
 * (the same arithmetic as `<conv-calculator>`). Computes on the shared TensorFlow.js engine, loaded on first
 * use. ReLU (`activation="relu"`) and 2×2 max-pooling (`pool="2"`) show what they do, before and after side
 * by side with `compare`.
 *
 * Filters: preset names (`identity, edge, sobel-x, sobel-y, laplacian, blur, sharpen, emboss`; any K, the
 * 3×3 ones are the textbook kernels), a count `"N"` of random filters initialised like a fresh PyTorch
 * `nn.Conv2d` (uniform ±1/√(C_in·K·K), with biases; seeded by `seed`), or one custom `kernel`. A 2-D kernel
 * or preset looks at the photo in grey (luminance weights 0.299, 0.587, 0.114 over R, G, B); a 3-D kernel
 * gives one slice per colour channel.
 *
 * A chain of layers: `layers='[{"filters":"5","kernelSize":5},{"filters":"8","kernelSize":10,"padding":2,"stride":2}]'`
 * (keys `filters kernel kernelSize padding stride activation pool`) replaces the single-layer attributes and
 * shows the last layer's maps — the lesson's 320×320 photo → 5×316×316 → 8×156×156.
 *
 * A trained network: `for="trainer-id" layer="conv1"` shows that layer's real activations for the first
 * test image of `digit`, refreshed as the trainer reports batches and epochs (image attributes are ignored).
 *
 * Images from another site need CORS (`Access-Control-Allow-Origin`); the image is requested with
 * `crossOrigin="anonymous"`, and an image that cannot be read says so in the error.
 *
 * @tagname feature-map
 * @summary Feature (activation) maps of a photo, or of a trained network's layer.
 *
 * @fires maps-ready - New maps were computed and drawn. `detail`: `{ maps, source }`.
 *
 * @csspart error - The message shown for invalid input or a failed load (`role="alert"`).
 * @csspart retry - The Retry button shown after a failed download (the photo or the test digits).
 * @csspart summary - The shapes along the way (`3 × 320 × 320 → 5 × 316 × 316`) and notes.
 * @csspart controls - The ReLU / max-pool / compare toggles (or the digit picker for a trainer).
 * @csspart input - The input image as the filters see it.
 * @csspart maps - The grid of activation maps.
 * @csspart map - One activation map (figure with its canvas and value range).
 * @csspart legend - The colour scale.
 *
 * @cssproperty [--cnn-feature-map-size=150px] Smallest width of one map.
 */
export class FeatureMap extends CnnElement {
  static override styles = [...CnnElement.styles, styles];

  /** Image URL. Empty: the bundled sample photo (a 320×320 cat). Other sites' images need CORS. */
  @property({ reflect: true, converter: stringValue }) src = '';
  /** Comma-separated preset names, or a count `"N"` (1–32) of random filters. */
  @property({
    reflect: true,
    converter: textOrNumberValue('preset names or a count, e.g. "sobel-x,blur" or "4"'),
  })
  filters = 'sobel-x,sobel-y,laplacian,blur';
  /** One custom kernel as JSON (2-D, or 3-D `[3][K][K]` per colour channel); replaces `filters`. */
  @property({ converter: jsonArrayValue }) kernel: string | unknown[] | null = null;
  /** Kernel size K of the preset and random filters. */
  @property({ attribute: 'kernel-size', reflect: true, converter: numberValue }) kernelSize = 3;
  /** Zero padding P per side. */
  @property({ reflect: true, converter: numberValue }) padding = 0;
  /** Stride S. */
  @property({ reflect: true, converter: numberValue }) stride = 1;
  /** `none` or `relu`: ReLU zeroes the negative values. */
  @property({ reflect: true, converter: enumValue(['none', 'relu']) }) activation = 'none';
  /** `0` or `2`: 2×2 max-pooling, which halves each side. */
  @property({ reflect: true, converter: numberValue }) pool = 0;
  /** Seed of the random filters: same seed, same filters. */
  @property({ reflect: true, converter: numberValue }) seed = 1;
  /** Shows each map before activation/pooling beside the map after. */
  @property({ type: Boolean, reflect: true, converter: booleanValue }) compare = false;
  /** A chain of conv layers as JSON; replaces `filters`/`kernel`/`kernel-size`/`padding`/`stride`/`activation`/`pool`. */
  @property({ converter: jsonArrayValue }) layers: string | unknown[] | null = null;
  /** Id of a `<cnn-trainer>` whose layer to show (instead of a photo). */
  @property({ attribute: 'for', reflect: true, converter: stringValue }) htmlFor: string | null = null;
  /** The trainer's layer to show, e.g. `conv1`, `pool1`, `conv2`. */
  @property({ reflect: true, converter: stringValue }) layer = 'conv1';
  /** With `for`: the digit (0–9) whose first test image is fed to the network. */
  @property({ reflect: true, converter: numberValue }) digit = 7;
  /** With `for`: the MNIST folder (as `<cnn-trainer data-src>`); default the library's own. */
  @property({ attribute: 'data-src', reflect: true, converter: stringValue }) dataSrc = '';

  /** Same as `htmlFor`, the `for` attribute's twin. */
  get for(): string | null {
    return this.htmlFor;
  }
  set for(v: string | null) {
    this.htmlFor = v;
  }

  /** The maps shown: `{ shape: [C, H, W], data }` (after activation and pooling); `null` until computed or on error. */
  get maps(): FeatureMaps | null {
    return this._maps;
  }
  /** The last layer's maps before activation and pooling (computed when `compare` is set); else `null`. */
  get mapsBefore(): FeatureMaps | null {
    return this._before;
  }
  /** The filters in use, one entry per layer (PyTorch order); `null` in trainer mode or on error. */
  get layerWeights(): LayerWeights[] | null {
    return this.resolved ? layerWeightsOf(this.resolved) : null;
  }
  /** The input as computed: `{ shape: [3, H, W], data }` (channel-major, 0–1), after any downscaling. */
  get inputImage(): FeatureMaps | null {
    return this.image && !this.htmlFor ? rgbToMaps(this.image) : null;
  }
  /** `idle` | `loading` (image, data or TensorFlow.js) | `computing` | `ready` | `waiting` (for a trainer) | `error`. */
  get status(): string {
    return this._status;
  }

  @state() private _status: 'idle' | 'loading' | 'computing' | 'ready' | 'waiting' | 'error' = 'idle';
  @state() private _maps: FeatureMaps | null = null;
  @state() private _before: FeatureMaps | null = null;
  @state() private resolved: ResolvedLayer[] | null = null;
  @state() private note = '';
  @state() private names: string[] = [];
  /** The last failure was a download that may work on a second try: show Retry. */
  @state() private retryable = false;
  /** Value range per map (and per before-map). */
  private ranges: { min: number; max: number }[] = [];
  private beforeRanges: { min: number; max: number }[] = [];
  private image: (ImagePixels & { src: string }) | null = null;
  private digitImage: Float32Array | null = null;
  /** `data-src|digit` of `digitImage`, to know when to fetch another. */
  private digitImageFor = '';
  private run = 0;
  private abort: AbortController | null = null;
  private dirtyCanvases = false;
  private lastBatchRefresh = 0;
  private refreshing = false;
  private refreshAgain = false;
  private mnistCache: { key: string; images: Uint8Array; labels: Uint8Array; count: number } | null = null;
  private readonly target = new ForTargetController<TrainerLike>(
    this,
    (next, prev) => this.rebind(next, prev),
    isTrainer,
  );

  private readonly onEpoch = () => void this.refreshTrainer();
  /** Retry after a failed download: forget what failed and compute again (the loaders keep no failures). */
  private readonly onRetry = () => {
    this.retryable = false;
    this.image = null;
    this.digitImageFor = '';
    this.schedule();
  };
  private readonly onBatch = () => {
    const now = performance.now();
    if (now - this.lastBatchRefresh < BATCH_REFRESH_MS) return;
    this.lastBatchRefresh = now;
    void this.refreshTrainer();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a removal that aborted a run: compute again.
    if (this.hasUpdated && this._status !== 'ready') this.schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removing the element aborts whatever is in flight; the stale run disposes its tensors and returns.
    this.run++;
    this.abort?.abort();
    this.abort = null;
    if (this._status === 'loading' || this._status === 'computing') this._status = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('htmlFor')) this.target.setId(this.htmlFor);
    const keys = [
      'src',
      'filters',
      'kernel',
      'kernelSize',
      'padding',
      'stride',
      'activation',
      'pool',
      'seed',
      'compare',
      'layers',
      'htmlFor',
      'layer',
      'digit',
      'dataSrc',
    ] as const;
    if (keys.some((k) => changed.has(k))) this.schedule();
  }

  protected override updated(): void {
    if (!this.dirtyCanvases) return;
    this.dirtyCanvases = false;
    this.drawAll();
  }

  /** Starts a fresh run; any run in flight becomes stale and stops at its next check. */
  private schedule(): void {
    this.run++;
    this.abort?.abort();
    this.abort = null;
    if (!this.isConnected) return;
    if (this.propertyError) return this.fail(this.propertyError);
    if (this.htmlFor) {
      this.resolved = null;
      void this.refreshTrainer();
    } else {
      void this.computeImage(this.run);
    }
  }

  private fail(message: string, retryable = false): void {
    this.retryable = retryable;
    this._status = 'error';
    this._maps = null;
    this._before = null;
    this.setError(message);
  }

  // ------------------------------------------------------------------------------------------------------
  // Photo mode
  // ------------------------------------------------------------------------------------------------------

  /** The layer chain the attributes describe. */
  private layerDefs(): { ok: true; defs: LayerDef[] } | { ok: false; error: string } {
    if (this.layers !== null && this.layers !== '') return parseLayers(this.layers);
    return {
      ok: true,
      defs: [
        {
          filters: this.filters,
          kernel: this.kernel,
          kernelSize: this.kernelSize,
          padding: this.padding,
          stride: this.stride,
          activation: this.activation,
          pool: this.pool,
        },
      ],
    };
  }

  private async computeImage(run: number): Promise<void> {
    const stale = () => run !== this.run || !this.isConnected;
    // Check what we can before any download: a typo in `filters` should not wait for a photo.
    const defs = this.layerDefs();
    if (!defs.ok) return this.fail(defs.error);
    // Any whole number seeds the random filters (negative too); a typo must not silently use another seed.
    if (!Number.isInteger(this.seed))
      return this.fail(
        `Seed must be a whole number${Number.isFinite(this.seed) ? ` (got ${this.seed})` : ''}, e.g. 1234.`,
      );
    const pre = resolveChain(defs.defs, [3, 64, 64], this.seed);
    if (!pre.ok && !/larger than the padded input|too small to pool/.test(pre.error))
      return this.fail(pre.error);

    const src = this.src.trim() || assetUrl('images/chelsea-320.png');
    if (!this.image || this.image.src !== src) {
      this._status = 'loading';
      this.image = null;
      let img: ImagePixels;
      try {
        img = await loadImagePixels(src);
      } catch (e) {
        if (stale()) return;
        return this.fail((e as Error).message, (e as { retryable?: unknown }).retryable === true);
      }
      if (stale()) return;
      this.image = { ...img, src };
    }
    const img = this.image;
    this.note =
      img.naturalWidth !== img.width || img.naturalHeight !== img.height
        ? `The ${img.naturalWidth}×${img.naturalHeight} image was downscaled to ${img.width}×${img.height} (at most ${MAX_IMAGE_SIDE} px a side) to keep the page responsive.`
        : '';

    const chain = resolveChain(defs.defs, [3, img.height, img.width], this.seed);
    if (!chain.ok) return this.fail(chain.error);
    const layers = chain.layers;
    this.resolved = layers;
    const last = layers[layers.length - 1]!;
    this.names = last.names;
    const wantBefore = this.compare && (last.activation === 'relu' || last.pool === 2);

    this._status = 'computing';
    let side: TensorSide;
    try {
      const engine = await import('../../engine/tensor.js');
      side = { ...(await engine.getTf()), readBack: engine.readBack };
    } catch (e) {
      if (stale()) return;
      return this.fail(`TensorFlow.js could not start: ${(e as Error).message}`);
    }
    if (stale()) return;

    let result: Awaited<ReturnType<typeof computeMaps>>;
    try {
      result = await computeMaps(side, img, layers, wantBefore);
    } catch (e) {
      if (stale()) return;
      return this.fail(`Computing the maps failed: ${(e as Error).message}`);
    }
    if (stale()) return;

    this._maps = result.maps;
    this._before = result.before;
    this.finish('image');
  }

  /** Stores the new maps, redraws the canvases, then announces them. */
  private finish(source: 'image' | 'trainer'): void {
    const maps = this._maps!;
    this.ranges = maps.data.map((d) => valueRange(d));
    this.beforeRanges = this._before ? this._before.data.map((d) => valueRange(d)) : [];
    this._status = 'ready';
    this.setError(null);
    this.dirtyCanvases = true;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (this._maps === maps && this.isConnected) this.emit('maps-ready', { maps, source });
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Trainer mode
  // ------------------------------------------------------------------------------------------------------

  private rebind(next: TrainerLike | null, prev: TrainerLike | null): void {
    for (const [el, on] of [
      [prev, false],
      [next, true],
    ] as const) {
      if (!el) continue;
      const m = on ? el.addEventListener.bind(el) : el.removeEventListener.bind(el);
      m('train-epoch', this.onEpoch);
      m('train-end', this.onEpoch);
      m('train-start', this.onEpoch);
      m('train-batch', this.onBatch);
    }
    if (this.htmlFor && this.hasUpdated) void this.refreshTrainer();
  }

  /** The first test image of `digit`, as 784 values in 0..1. */
  private async digitPixels(signal: AbortSignal): Promise<Float32Array> {
    const key = this.dataSrc;
    if (!this.mnistCache || this.mnistCache.key !== key) {
      const { loadMnist } = await import('../../engine/data/mnist.js');
      const d = await loadMnist({
        split: 'test',
        count: 200,
        signal,
        ...(this.dataSrc ? { baseUrl: this.dataSrc } : {}),
      });
      this.mnistCache = { key, ...d };
    }
    const { images, labels, count } = this.mnistCache;
    let idx = 0;
    for (let i = 0; i < count; i++) {
      if (labels[i] === this.digit) {
        idx = i;
        break;
      }
    }
    return Float32Array.from(images.subarray(idx * 784, idx * 784 + 784), (v) => v / 255);
  }

  /**
   * Asks the trainer's session for the layer's activations. Refreshes never overlap: one asked for while
   * another is in flight runs once, after it.
   */
  private async refreshTrainer(): Promise<void> {
    if (!this.htmlFor || !this.isConnected) return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    const run = this.run;
    const stale = () => run !== this.run || !this.isConnected || !this.htmlFor;
    const dErr =
      Number.isInteger(this.digit) && this.digit >= 0 && this.digit <= 9
        ? null
        : `Digit must be a whole number from 0 to 9 (got ${Number.isFinite(this.digit) ? this.digit : Number.isNaN(this.digit) ? 'not a number' : 'an infinite number'}).`;
    if (dErr) return this.fail(dErr);
    const layer = this.layer.trim();
    if (!layer) return this.fail('Layer is empty: name a layer of the trainer, e.g. conv1.');
    const trainer = this.target.target;
    const session = trainer?.session;
    if (
      !trainer ||
      !session ||
      typeof session.activations !== 'function' ||
      session.state === 'idle' ||
      session.state === 'loading'
    ) {
      this._status = 'waiting';
      this._maps = null;
      this._before = null;
      this.setError(null);
      this.note = trainer
        ? `Waiting for the network to train: the activations of ${layer} appear once <cnn-trainer id="${this.htmlFor}"> has started.`
        : `Waiting for <cnn-trainer id="${this.htmlFor}"> to appear on the page.`;
      return;
    }
    this.refreshing = true;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    try {
      if (this._status !== 'ready') this._status = 'loading';
      if (!this.digitImage || this.digitImageFor !== `${this.dataSrc}|${this.digit}`) {
        this.digitImage = await this.digitPixels(signal);
        this.digitImageFor = `${this.dataSrc}|${this.digit}`;
      }
      if (stale()) return;
      const acts = await session.activations(this.digitImage, [layer]);
      if (stale()) return;
      const a = acts?.[layer];
      if (!a) return this.fail(`The trainer's network has no layer "${layer}".`);
      const maps = nhwcToMaps(a.shape, a.data);
      if (!maps)
        return this.fail(
          `Layer "${layer}" has shape [${a.shape.join(', ')}], which is not an image-shaped activation.`,
        );
      this.note = '';
      this._maps = maps;
      this._before = null;
      this.names = maps.data.map((_, i) => `channel ${i + 1}`);
      this.finish('trainer');
    } catch (e) {
      if (stale() || (e as Error).name === 'AbortError') return;
      this.fail(
        `Could not read the activations of "${layer}": ${(e as Error).message}`,
        (e as { retryable?: unknown }).retryable === true,
      );
    } finally {
      this.refreshing = false;
      // A refresh asked for while this one ran (a new epoch, another digit) runs now, with the current run id.
      if (this.refreshAgain) {
        this.refreshAgain = false;
        if (this.isConnected && this.htmlFor) void this.refreshTrainer();
      }
    }
  }
  // ------------------------------------------------------------------------------------------------------
  // Interaction and rendering
  // ------------------------------------------------------------------------------------------------------

  private toggle(e: Event): void {
    const input = e.target as HTMLInputElement;
    switch (input.dataset['field']) {
      case 'relu':
        this.activation = input.checked ? 'relu' : 'none';
        break;
      case 'pool':
        this.pool = input.checked ? 2 : 0;
        break;
      case 'compare':
        this.compare = input.checked;
        break;
      case 'digit':
        this.digit = Number(input.value);
        break;
    }
  }

  private drawAll(): void {
    const root = this.renderRoot;
    const together = this.compare && this._before !== null;
    root.querySelectorAll<HTMLCanvasElement>('canvas[data-map]').forEach((cv) => {
      const i = Number(cv.dataset['map']);
      const isBefore = cv.dataset['kind'] === 'before';
      const maps = isBefore ? this._before : this._maps;
      if (!maps || !maps.data[i]) return;
      // In compare mode both sides share one scale, so a zeroed negative looks exactly as dark as zero.
      const r = together
        ? unionRange(this.ranges[i]!, this.beforeRanges[i]!)
        : isBefore
          ? this.beforeRanges[i]!
          : this.ranges[i]!;
      drawHeatmap(cv, maps.data[i]!, maps.shape[2], maps.shape[1], { ...r, map: 'viridis' });
    });
    const input = root.querySelector<HTMLCanvasElement>('canvas[data-input]');
    if (input) this.drawInput(input);
  }

  private drawInput(cv: HTMLCanvasElement): void {
    const ctx = cv.getContext('2d');
    if (!ctx) return;
    if (this.htmlFor) {
      if (!this.digitImage) return;
      cv.width = cv.height = 28;
      const id = ctx.createImageData(28, 28);
      for (let i = 0; i < 784; i++) {
        const v = Math.round(this.digitImage[i]! * 255);
        id.data.set([v, v, v, 255], i * 4);
      }
      ctx.putImageData(id, 0, 0);
      return;
    }
    const img = this.image;
    if (!img) return;
    cv.width = img.width;
    cv.height = img.height;
    const id = ctx.createImageData(img.width, img.height);
    for (let i = 0, n = img.width * img.height; i < n; i++) {
      id.data[i * 4] = Math.round(img.pixels[i * 3]! * 255);
      id.data[i * 4 + 1] = Math.round(img.pixels[i * 3 + 1]! * 255);
      id.data[i * 4 + 2] = Math.round(img.pixels[i * 3 + 2]! * 255);
      id.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(id, 0, 0);
  }

  protected override render() {
    const busy = this._status === 'loading' || this._status === 'computing';
    const statusText =
      this._status === 'loading'
        ? this.htmlFor
          ? 'Loading the test digit…'
          : 'Loading the image…'
        : this._status === 'computing'
          ? 'Computing the feature maps…'
          : '';
    return html`
      ${this.renderError()}
      ${
        this.inputError && this.retryable && this._status === 'error'
          ? html`<button part="retry" class="retry" @click=${this.onRetry}>Retry</button>`
          : nothing
      }
      ${this.renderControls()}
      <p part="summary" class="summary">
        ${this.renderShapes()} ${this.note ? html`<span class="note">${this.note}</span>` : nothing}
        <span class="status" role="status" aria-live="polite">${statusText}</span>
      </p>
      ${this._maps && !this.inputError ? this.renderMaps() : busy ? html`<div class="placeholder" aria-hidden="true"></div>` : nothing}
    `;
  }

  private renderControls() {
    if (this.htmlFor) {
      return html`<div part="controls" class="controls">
        <label
          >Test digit
          <select data-field="digit" @change=${this.toggle} .value=${String(this.digit)}>
            ${Array.from({ length: 10 }, (_, d) => html`<option value=${d} ?selected=${d === this.digit}>${d}</option>`)}
          </select></label
        >
      </div>`;
    }
    if (this.layers !== null && this.layers !== '') return nothing;
    return html`<div
      part="controls"
      class="controls"
      role="group"
      aria-label="What happens after the convolution"
    >
      <label class="check"
        ><input
          type="checkbox"
          data-field="relu"
          .checked=${this.activation === 'relu'}
          @change=${this.toggle}
        />
        ReLU</label
      >
      <label class="check"
        ><input type="checkbox" data-field="pool" .checked=${this.pool === 2} @change=${this.toggle} />
        Max-pool 2×2</label
      >
      <label class="check"
        ><input type="checkbox" data-field="compare" .checked=${this.compare} @change=${this.toggle} /> Before
        / after</label
      >
    </div>`;
  }

  private renderShapes() {
    const fmt = (s: number[]) => s.join(' × ');
    if (this.htmlFor) {
      return this._maps
        ? html`<span class="shape"
            >Layer ${this.layer}: <strong data-testid="shape">${fmt(this._maps.shape)}</strong></span
          >`
        : nothing;
    }
    const layers = this.resolved;
    if (!layers || !this._maps || this.inputError) return nothing;
    // The walk of shapes: input → conv → [ReLU] → [pool] → …; the last shape is the answer, in bold.
    const parts: unknown[] = [html`<span>input ${fmt(layers[0]!.inShape)}</span>`];
    for (const l of layers) {
      const hyper = `${l.kernelSize}×${l.kernelSize}${l.padding ? `, P${l.padding}` : ''}${l.stride > 1 ? `, S${l.stride}` : ''}`;
      parts.push(
        html`<span class="arrow">→ conv ${hyper}${l.activation === 'relu' ? ' → ReLU' : ''} →</span>`,
      );
      parts.push(l.convShape);
      if (l.pool === 2) {
        parts.push(html`<span class="arrow">→ max-pool 2×2 →</span>`);
        parts.push(l.outShape);
      }
    }
    const last = parts.length - 1;
    return html`<span class="shape"
      >${parts.map((p, i) =>
        Array.isArray(p)
          ? i === last
            ? html`<span class="visually-hidden">output shape C × H × W:</span>
                <strong data-testid="shape" class="final">${fmt(p)}</strong>`
            : html`<span>${fmt(p)}</span>`
          : p,
      )}</span
    >`;
  }

  private renderMaps() {
    const maps = this._maps!;
    const [, h, w] = maps.shape;
    const before = this.compare ? this._before : null;
    const layers = this.resolved;
    const beforeShape = before?.shape;
    const what = this.htmlFor ? `layer ${this.layer}` : 'filter';
    const inputLabel = this.htmlFor
      ? `The test digit ${this.digit} fed to the network, 28×28`
      : `The input photo as the filters see it, ${this.image?.width}×${this.image?.height} pixels`;
    const after = layers ? layers[layers.length - 1]! : null;
    const afterLabel = after
      ? [after.activation === 'relu' ? 'ReLU' : '', after.pool === 2 ? 'pool' : '']
          .filter(Boolean)
          .join(' + ')
      : '';
    return html`
      <div part="maps" class="maps ${before ? 'pairs' : ''}">
        <figure part="input" class="map">
          <canvas data-input role="img" aria-label=${inputLabel}></canvas>
          <figcaption>${this.htmlFor ? `Digit ${this.digit}` : 'Input'}</figcaption>
        </figure>
        ${maps.data.map((_, i) => {
          const r = this.ranges[i] ?? { min: 0, max: 0 };
          const name = this.names[i] ?? `channel ${i + 1}`;
          const rb = this.beforeRanges[i];
          return html`<figure part="map" class="map">
            <div class="pair">
              ${
                before && beforeShape && rb
                  ? html`<div>
                      <canvas
                        data-map=${i}
                        data-kind="before"
                        role="img"
                        aria-label=${`Map ${i + 1} (${name}) before ${afterLabel}: ${beforeShape[1]}×${beforeShape[2]}, values ${formatValue(rb.min)} to ${formatValue(rb.max)}`}
                      ></canvas>
                      <div class="tag">before</div>
                    </div>`
                  : nothing
              }
              <div>
                <canvas
                  data-map=${i}
                  data-kind="after"
                  role="img"
                  aria-label=${`Map ${i + 1} (${name}) of ${what}: ${h}×${w}, values ${formatValue(r.min)} to ${formatValue(r.max)}`}
                ></canvas>
                ${before ? html`<div class="tag">after ${afterLabel}</div>` : nothing}
              </div>
            </div>
            <figcaption>
              <span class="name">${name}</span>
              <span class="range" data-testid="range"
                >${before && rb ? `${formatValue(rb.min)} … ${formatValue(rb.max)} → ` : ''}${formatValue(r.min)}
                … ${formatValue(r.max)}</span
              >
            </figcaption>
          </figure>`;
        })}
      </div>
      <div part="legend" class="legend">
        <span>low</span>
        <span class="bar" ${inlineStyle({ background: gradientCss('viridis') })} aria-hidden="true"></span>
        <span>high</span>
        <span class="legend-note"
          >${before ? 'each before/after pair shares one scale' : 'each map is scaled to its own range'}</span
        >
      </div>
    `;
  }
}

/**
 * Loads an image and reads its pixels (RGB, 0–1, row-major), downscaled so its longer side is at most
 * MAX_IMAGE_SIDE. Requested with `crossOrigin = "anonymous"`: a same-site or CORS-enabled image can be
 * read; anything else fails to load or taints the canvas, and we say which in words.
 */
async function loadImagePixels(src: string): Promise<ImagePixels> {
  // Downloaded and checked first (timeout, size/checksum of the bundled photos, a whole PNG/JPEG; see
  // engine/data/photo.ts): a browser would happily decode half a photo. Failures there are retryable.
  const bytes = await fetchPhoto(src);
  const bitmap = bytes ? await createImageBitmap(new Blob([bytes])).catch(() => null) : null;
  if (bitmap) {
    try {
      return readPixels(bitmap, bitmap.width, bitmap.height, src);
    } finally {
      bitmap.close();
    }
  }
  // data:/blob: URLs, and formats createImageBitmap cannot take from bytes (SVG): let an <img> decode it.
  const img = new Image();
  img.crossOrigin = 'anonymous';
  img.decoding = 'async';
  const cross = (() => {
    try {
      return (
        new URL(src, location.href).origin !== location.origin &&
        !src.startsWith('data:') &&
        !src.startsWith('blob:')
      );
    } catch {
      return false;
    }
  })();
  try {
    img.src = src;
    await img.decode();
  } catch {
    throw new AssetLoadError(
      cross
        ? `Could not load the image "${src}": it is missing, not an image, or on another site that does not allow reading its pixels (it needs CORS: Access-Control-Allow-Origin).`
        : `Could not load the image "${src}": it is missing or not an image.`,
      { kind: 'format', retryable: false },
    );
  }
  return readPixels(img, img.naturalWidth, img.naturalHeight, src);
}

/** Reads a decoded image's pixels (RGB, 0–1), downscaled so its longer side is at most MAX_IMAGE_SIDE. */
function readPixels(
  img: CanvasImageSource,
  naturalWidth: number,
  naturalHeight: number,
  src: string,
): ImagePixels {
  if (!naturalWidth || !naturalHeight)
    throw new Error(`The image "${src}" has no size (an SVG without width and height?).`);
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(naturalWidth, naturalHeight));
  const width = Math.max(1, Math.round(naturalWidth * scale));
  const height = Math.max(1, Math.round(naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot read image pixels (no 2-D canvas).');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, 0, 0, width, height);
  let rgba: Uint8ClampedArray;
  try {
    rgba = ctx.getImageData(0, 0, width, height).data;
  } catch {
    throw new Error(
      `The image "${src}" is on another site that does not allow reading its pixels (CORS): serve it with Access-Control-Allow-Origin, or host it on this site.`,
    );
  }
  const pixels = new Float32Array(width * height * 3);
  for (let i = 0, n = width * height; i < n; i++) {
    pixels[i * 3] = rgba[i * 4]! / 255;
    pixels[i * 3 + 1] = rgba[i * 4 + 1]! / 255;
    pixels[i * 3 + 2] = rgba[i * 4 + 2]! / 255;
  }
  return { pixels, width, height, naturalWidth, naturalHeight };
}

export { PRESETS, MAX_FILTERS };
