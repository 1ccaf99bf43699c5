import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { CnnElement } from '../shared/cnn-element.js';
import {
  booleanValue,
  enumValue,
  jsonArrayValue,
  numberValue,
  stringValue,
  textOrNumberValue,
} from '../shared/property-values.js';
import {
  layerWeightsOf,
  rgbToMaps,
  type ChannelKernels,
  type FeatureMaps,
  type LayerWeights,
} from '../../engine/feature-maps.js';
import type { FeatureMapState, MapsResult, MapsSource } from './maps-result.js';
import { PhotoMapsController, photoPipeline } from './photo-maps-controller.js';
import { DEFAULT_DIGIT, TrainerMapsController } from './trainer-maps-controller.js';
import { mapPaints, renderMaps, renderShapes, type MapsViewOptions } from './maps-view.js';
import { styles } from './feature-map.styles.js';
import { SHARED_EN } from '../shared/shared.strings.js';
import { FM_EN } from './feature-map.strings.js';
import { message } from '../../engine/messages.js';
import { areDigitClasses } from '../../engine/models/dataset-of.js';

export type { ChannelKernels, FeatureMaps, LayerWeights } from '../../engine/feature-maps.js';
export type { FeatureMapState } from './maps-result.js';
export { MAX_IMAGE_SIDE } from './photo-maps-controller.js';

/** Detail of `maps-ready`. */
export interface MapsReadyDetail {
  maps: FeatureMaps;
  /** Where the maps came from: a photo through the element's own filters, or a trainer's layer. */
  source: 'image' | 'trainer';
}

/** The feature map's English: the shared words and its own (feature-map.strings.ts). */
const EN = { ...SHARED_EN, ...FM_EN };

/**
 * Canvases painted per animation frame in trainer mode. Each canvas that changes costs the frame that shows it
 * a blocking copy to the compositor (~2 ms on a busy machine without a GPU): the 17 of the cnn's first layer in
 * one frame made a 53 ms frame while the trainer's Worker trained on the other core. Photo mode paints all at
 * once: there the reader's own click asked for them.
 */
const PAINTS_PER_FRAME = 4;

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
 * shows the last layer's maps — the lesson's 320×320 photo → 5×316×316 → 8×156×156. The same chain in PyTorch's
 * words: `layers="Conv2d(3, 5, 5), Conv2d(5, 8, 10, padding=2, stride=2)"` — Conv2d (random filters drawn as a
 * fresh `nn.Conv2d`; `in_channels` is checked, and `Conv2d(1, …)` looks at the photo in grey), `ReLU()` and
 * `MaxPool2d(2)` after each.
 *
 * A trained network: `for="trainer-id" layer="conv1"` shows that layer's real activations for the first
 * test image of class `digit` (a digit for MNIST; for the trainer's own dataset, its classes, named in the
 * picker), refreshed as the trainer reports batches and epochs and after a fine-tune (image attributes are
 * ignored). On a colour dataset the first conv layer also shows its kernels, one per input channel (R, G, B).
 * Any image-shaped layer of the trainer's network, by the names `<model-summary for>` gives them (`conv1`,
 * `relu1`, `pool1`, … of a `<cnn-trainer layers>` network too); another name is explained, with the names there are.
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
 * @csspart kernels - Trainer mode on colour data, first conv layer: its kernels, each filter's R, G and B slices.
 * @csspart kernel - One filter's kernel over one colour channel (its canvas and its R, G or B label).
 *
 * @cssproperty [--cnn-feature-map-size=150px] Smallest width of one map.
 */
export class FeatureMap extends CnnElement<{ 'maps-ready': MapsReadyDetail }, typeof EN> {
  static override styles = [...CnnElement.styles, styles];
  protected static override strings = EN;

  /** Image URL. Empty: the bundled sample photo (a 320×320 cat). Other sites' images need CORS. */
  @property({ reflect: true, converter: stringValue }) src = '';
  /** Comma-separated preset names, or a count `"N"` (1–32) of random filters. */
  @property({
    reflect: true,
    converter: textOrNumberValue(message(SHARED_EN, 'value.filters')),
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
  /**
   * A chain of conv layers, as JSON or in PyTorch's words (`Conv2d(3, 4, 3), ReLU(), MaxPool2d(2)`); replaces
   * `filters`/`kernel`/`kernel-size`/`padding`/`stride`/`activation`/`pool`.
   */
  @property({ converter: jsonArrayValue }) layers: string | unknown[] | null = null;
  /** Id of a `<cnn-trainer>` whose layer to show (instead of a photo). */
  @property({ attribute: 'for', reflect: true, converter: stringValue }) htmlFor: string | null = null;
  /** The trainer's layer to show, by the summary's names: `conv1`, `relu1`, `pool1`, `conv2`, … */
  @property({ reflect: true, converter: stringValue }) layer = 'conv1';
  /**
   * With `for`: the class whose first test image is fed to the network — a digit 0–9 for MNIST, 0 … classes − 1
   * for a dataset (the default 7 is a dataset's first class when it has 7 or fewer).
   */
  @property({ reflect: true, converter: numberValue }) digit = DEFAULT_DIGIT;
  /** With `for`: the dataset folder whose test images are fed (as `<cnn-trainer data-src>`); default the trainer's own. */
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
    return this.result?.maps ?? null;
  }
  /** The last layer's maps before activation and pooling (computed when `compare` is set); else `null`. */
  get mapsBefore(): FeatureMaps | null {
    return this.result?.before ?? null;
  }
  /** The filters in use, one entry per layer (PyTorch order); `null` in trainer mode or on error. */
  get layerWeights(): LayerWeights[] | null {
    const layers = this.htmlFor ? null : this.photo.result?.layers;
    return layers ? layerWeightsOf(layers) : null;
  }
  /**
   * Trainer mode on a colour dataset, showing the first conv layer: its kernels per input channel (`data[o][i]`
   * is filter `o` over R, G or B, row-major; `shape` `[out, in, KH, KW]`), from the trainer's weights; else `null`.
   */
  get kernels(): ChannelKernels | null {
    return (this.htmlFor && this.trainer.result?.kernels) || null;
  }
  /** The input as computed: `{ shape: [3, H, W], data }` (channel-major, 0–1), after any downscaling. */
  get inputImage(): FeatureMaps | null {
    const image = this.photo.image;
    return image && !this.htmlFor ? rgbToMaps(image) : null;
  }
  /** `idle` | `loading` (image, data or TensorFlow.js) | `computing` | `ready` | `waiting` (for a trainer) | `error`. */
  get state(): FeatureMapState {
    return this.mode.state;
  }
  /**
   * The same as `state` (its first name).
   * @deprecated Use `state`, the name `<cnn-trainer>` uses too.
   */
  get status(): FeatureMapState {
    return this.state;
  }

  /** Photo mode: `src` through the filters. */
  private readonly photo = new PhotoMapsController(this, {
    active: () => !this.htmlFor,
    problem: () => this.propertyError,
  });
  /** Trainer mode: the activations of the `for` trainer's `layer`. */
  private readonly trainer = new TrainerMapsController(this, () => this.propertyError);
  /** The result whose canvases were painted last (each new one is painted once, then announced). */
  private painted: MapsResult | null = null;
  /** Trainer mode: the paints of `painted` still to do, and the animation frame that does the next few. */
  private paints: (() => void)[] = [];
  private paintFrame = 0;

  /** The mode in use: trainer mode when `for` is set. */
  private get mode(): MapsSource {
    return this.htmlFor ? this.trainer : this.photo;
  }
  private get result(): MapsResult | null {
    return this.mode.result;
  }

  /** Retry after a failed download: forget what failed and compute again (the loaders keep no failures). */
  private readonly onRetry = () => this.mode.retry();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.trainer.setFor(this.htmlFor);
    if (!this.htmlFor) this.parts.need(photoPipeline); // photo mode's checks and photo reader
    this.setError(this.mode.error);
  }

  protected override updated(): void {
    const r = this.result;
    if (r === this.painted) return;
    this.painted = r;
    cancelAnimationFrame(this.paintFrame);
    this.paintFrame = 0;
    this.paints = r ? mapPaints(this.renderRoot, r, this.compare) : [];
    if (!r) return;
    const ready = () => {
      if (this.result === r && this.isConnected) this.emit('maps-ready', { maps: r.maps, source: r.source });
    };
    if (!this.htmlFor) {
      this.flushPaints();
      void this.updateComplete.then(ready);
      return;
    }
    // Trainer mode: a few canvases now, the rest in the next frames; `maps-ready` once all are painted, unless
    // the reader (or a script) asked for other maps meanwhile (another layer or digit): those are the ones to
    // announce, when they come.
    const asked = this.trainerKey();
    const step = () => {
      this.paintFrame = 0;
      if (this.painted !== r) return;
      for (const paint of this.paints.splice(0, PAINTS_PER_FRAME)) paint();
      if (this.paints.length) this.paintFrame = requestAnimationFrame(step);
      else if (this.trainerKey() === asked) ready();
    };
    step();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Taken off the page mid-way: finish painting (no frames come for it), so it shows whole if put back.
    cancelAnimationFrame(this.paintFrame);
    this.paintFrame = 0;
    this.flushPaints();
  }

  /** What trainer mode's maps are of: a change means the maps shown are no longer the ones asked for. */
  private trainerKey(): string {
    return [this.htmlFor, this.layer, this.digit, this.dataSrc].join('\u0000');
  }

  private flushPaints(): void {
    for (const paint of this.paints.splice(0)) paint();
  }

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

  protected override render() {
    const state = this.state;
    const busy = state === 'loading' || state === 'computing';
    // The trainer's classes: MNIST's digits, or a dataset's names ("Test image: T-shirt/top").
    const { classes } = this.trainer.dataset;
    const digits = areDigitClasses(classes);
    const shown = this.trainer.classOf(this.digit);
    const t = this.localize;
    const statusText =
      state === 'loading'
        ? t.term(this.htmlFor ? (digits ? 'fm.loadingDigit' : 'fm.loadingTestImage') : 'fm.loadingImage')
        : state === 'computing'
          ? t.term('fm.computing')
          : '';
    const r = this.result;
    const view: MapsViewOptions = {
      trainer: this.htmlFor
        ? {
            layer: this.layer,
            digit: shown,
            label: classes[shown] ?? String(shown),
            digits,
          }
        : null,
      compare: this.compare,
      t,
    };
    const note = this.mode.note;
    return html`
      ${this.renderError()}
      ${
        this.inputError && this.mode.retryable && state === 'error'
          ? html`<button part="retry" class="retry" @click=${this.onRetry}>${t.term('common.retry')}</button>`
          : nothing
      }
      ${this.renderControls(classes, digits, shown)}
      <p part="summary" class="summary">
        ${r && (view.trainer || !this.inputError) ? renderShapes(r, view) : nothing}
        ${note ? html`<span class="note">${t.say(note)}</span>` : nothing}
        <span class="status" role="status" aria-live="polite">${statusText}</span>
      </p>
      ${r && !this.inputError ? renderMaps(r, view) : busy ? html`<div class="placeholder" aria-hidden="true"></div>` : nothing}
    `;
  }

  /** Trainer mode's class chooser (the trainer's `classes`, `digits` when they are MNIST's, `shown` chosen). */
  private renderControls(classes: readonly string[], digits: boolean, shown: number) {
    if (this.htmlFor) {
      return html`<div part="controls" class="controls">
        <label
          >${this.localize.term(digits ? 'fm.testDigit' : 'fm.testImage')}
          <select data-field="digit" @change=${this.toggle} .value=${String(shown)}>
            ${classes.map((name, d) => html`<option value=${d} ?selected=${d === shown}>${name}</option>`)}
          </select></label
        >
      </div>`;
    }
    if (this.layers !== null && this.layers !== '') return nothing;
    return html`<div
      part="controls"
      class="controls"
      role="group"
      aria-label=${this.localize.term('fm.after.group')}
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
        ${this.localize.term('fm.maxPool')}</label
      >
      <label class="check"
        ><input type="checkbox" data-field="compare" .checked=${this.compare} @change=${this.toggle} />
        ${this.localize.term('fm.compare')}</label
      >
    </div>`;
  }
}
