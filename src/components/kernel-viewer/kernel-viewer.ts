import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnnElement } from '../shared/cnn-element.js';
import { booleanValue, jsonArrayValue, numberValue, sizeValue } from '../shared/property-values.js';
import { formatValue } from '../shared/format.js';
import { SHARED_EN } from '../shared/shared.strings.js';
import { prefersReducedMotion, ReducedMotionController } from '../shared/motion.js';
import {
  VIEWER_LIMITS,
  VIEWER_SETTINGS,
  clampStep,
  describeGeometry,
  outputUpTo,
  planViewer,
  stepForKey,
  viewerSteps,
  type Grid3,
  type ViewerGeometry,
  type WindowStep,
} from '../../engine/conv-steps.js';
import { PlaybackController } from './playback-controller.js';
import { EditableGrids } from './editable-grids.js';
import { renderOutput, renderPlane, renderProducts, type PictureView } from './picture-view.js';
import { styles } from './kernel-viewer.styles.js';
import { KERNEL_VIEWER_EN } from './kernel-viewer.strings.js';
import { CONV_STEPS_MESSAGES } from '../../engine/conv-steps.messages.js';

// With the engine's English of the picture (its summary, channel names, errors): where the reader's table lacks
// one, it is still filled in the reader's locale (its digits), not taken as the engine's en-US text.
const EN = { ...SHARED_EN, ...KERNEL_VIEWER_EN, ...CONV_STEPS_MESSAGES };

/** Detail of the `step-change` event: the window position and the value it wrote. */
export interface KernelStepDetail {
  /** Index of the window position, 0 … steps − 1 (row by row). */
  step: number;
  /** Output row and column the window writes. */
  row: number;
  col: number;
  /** The value written: the sum of the products (over all channels). */
  value: number;
}

/** The events of `<kernel-viewer>`, with their `detail`. */
export interface KernelViewerEventMap {
  'step-change': KernelStepDetail;
}

/** Largest input side the picture accepts. */
export const MAX_INPUT = VIEWER_LIMITS.input;
/** Largest kernel side. */
export const MAX_KERNEL = VIEWER_LIMITS.kernel;
/** Milliseconds between steps while playing. */
const PLAY_INTERVAL = 750;

type GridValue = string | number[][] | number[][][] | null;

/**
 * A kernel sliding over a small image, one window position at a time: the padded input (padding cells marked),
 * the kernel, the element-wise products and their sum, and the output grid filling in cell by cell. With a
 * 3-D (multi-channel) input and kernel it shows each channel's sum and adds them, as a conv layer does
 * (the lesson's R = 8, G = 12, B = 12 → 32). Sizes come from conv-math's `outputSize`, the same arithmetic
 * as `<conv-calculator>`. Cells are editable (click or Enter). Loads no TensorFlow.js.
 *
 * Keyboard: Tab to the stepper and use ←/→ (also ↑/↓, Home, End) to step; inside a grid the arrow keys move
 * between cells and Enter edits one (Enter saves, Escape cancels). In a right-to-left page ← steps forward.
 *
 * Motion: `autoplay` starts playing once the element is on the page, except for a reader who asked for reduced
 * motion (`prefers-reduced-motion: reduce`), who starts it with Play; turning that wish on while it plays stops
 * it; the Play / Pause button is always there.
 *
 * @tagname kernel-viewer
 * @summary A convolution stepped through window by window.
 *
 * @fires step-change - The window moved by the reader or by `next()`, `prev()` or `play()`. `detail`: `{ step, row, col, value }`.
 * Setting `step` from script does not fire it (like a native input's `value`).
 *
 * @csspart error - The message shown for invalid input (`role="alert"`).
 * @csspart controls - Back / play / next buttons and the step scrubber.
 * @csspart summary - The sizes in words and the output-size formula.
 * @csspart input - The padded input grid(s).
 * @csspart kernel - The kernel grid(s).
 * @csspart products - The element-wise products and their sum.
 * @csspart output - The output grid.
 * @csspart window - The outline of the kernel window over the input.
 *
 * @cssproperty [--cnn-kernel-viewer-cell=2rem] Side of one grid cell.
 * @cssproperty [--cnn-kernel-viewer-window=var(--cnn-accent)] Colour of the kernel window and the current output cell.
 * @cssproperty [--cnn-kernel-viewer-duration=250ms] How long the window takes to slide (none under reduced motion).
 */
export class KernelViewer extends CnnElement<KernelViewerEventMap, typeof EN> {
  static override styles = [...CnnElement.styles, styles];
  protected static override strings = EN;

  /** Input size `W` (square) or `HxW`. Ignored when `input` gives the values. */
  @property({ attribute: 'input-size', reflect: true, converter: sizeValue }) inputSize = '6';
  /** Kernel size K. Ignored when `kernel` gives the values. */
  @property({ attribute: 'kernel-size', reflect: true, converter: numberValue }) kernelSize = 3;
  /** Zero padding P per side. */
  @property({ reflect: true, converter: numberValue }) padding = 1;
  /** Stride S: how far the window moves each step. */
  @property({ reflect: true, converter: numberValue }) stride = 2;
  /** Dilation D: spacing between kernel taps. */
  @property({ reflect: true, converter: numberValue }) dilation = 1;
  /** Channels of the random default values (e.g. 3 for RGB); ignored when `input` or `kernel` is 3-D. */
  @property({ reflect: true, converter: numberValue }) channels = 1;
  /** Input values as JSON: `[rows][cols]` or `[channels][rows][cols]`. Random small integers when absent. */
  @property({ converter: jsonArrayValue }) input: GridValue = null;
  /** Kernel values as JSON: `[rows][cols]` or `[channels][rows][cols]`. Random small integers when absent. */
  @property({ converter: jsonArrayValue }) kernel: GridValue = null;
  /** Seed of the random default values: the same seed draws the same picture. */
  @property({ reflect: true, converter: numberValue }) seed = 1;

  /** Start playing once on the page (not under `prefers-reduced-motion: reduce`: then Play starts it). */
  @property({ type: Boolean, reflect: true, converter: booleanValue }) autoplay = false;

  /** Current window position, 0 … `steps` − 1 (row by row). Out-of-range values are clamped. Setting it fires no `step-change`. */
  @property({ converter: numberValue }) step = 0;

  /** Number of window positions (output cells); 0 when the input is invalid. */
  get steps(): number {
    return this.windows.length;
  }

  /** The output computed so far: `outRows × outCols`, cells up to `step` filled, the rest `null`. `[]` when invalid. */
  get output(): (number | null)[][] {
    return this.geo && !this.inputError ? outputUpTo(this.windows, this.geo, this.step) : [];
  }

  /** The input values in use (after edits), `[channels][rows][cols]`; `null` when invalid. */
  get inputValues(): number[][][] | null {
    return this.inputError ? null : structuredClone(this.inGrid);
  }

  /** The kernel values in use (after edits), `[channels][rows][cols]`; `null` when invalid. */
  get kernelValues(): number[][][] | null {
    return this.inputError ? null : structuredClone(this.kGrid);
  }

  /** True while `play()` is stepping. */
  get playing(): boolean {
    return this.playback.playing;
  }

  @state() private geo: ViewerGeometry | null = null;
  private inGrid: Grid3 = [];
  private kGrid: Grid3 = [];
  private windows: WindowStep[] = [];

  /** The Play button's timer: one step every PLAY_INTERVAL ms, pausing at the last window. */
  private readonly playback = new PlaybackController(this, {
    interval: PLAY_INTERVAL,
    steps: () => this.steps,
    step: () => this.step,
    goTo: (s) => this.goTo(s),
  });

  /** A reader who turns on reduced motion while it plays: it stops (Play starts it again). */
  protected readonly motion = new ReducedMotionController(this, () => this.pause());

  /** The input's and kernel's cells: arrow keys inside each grid, editing in place (saving recomputes every window). */
  private readonly cells = new EditableGrids(this, {
    channels: VIEWER_LIMITS.channels,
    geometry: () => this.geo,
    save: (r, v) => {
      (r.kind === 'input' ? this.inGrid : this.kGrid)[r.c]![r.i]![r.j] = v;
      this.recompute();
    },
    onOpen: () => this.pause(),
    root: () => this.renderRoot,
  });

  /** Moves the window one position forward (stops at the last). */
  next(): void {
    this.goTo(this.step + 1);
  }

  /** Moves the window one position back (stops at the first). */
  prev(): void {
    this.goTo(this.step - 1);
  }

  /** Steps forward on a timer until the last position (starting over when already there). */
  play(): void {
    this.playback.play();
  }

  /** Stops playing. */
  pause(): void {
    this.playback.pause();
  }

  /** Sets the step (clamped) and fires `step-change` when it moved. */
  private goTo(target: number): void {
    if (this.steps === 0) return;
    const s = clampStep(target, this.steps);
    if (s === this.step) return;
    this.step = s;
    const w = this.windows[s]!;
    this.emit('step-change', { step: s, row: w.row, col: w.col, value: w.value });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (VIEWER_SETTINGS.some((k) => changed.has(k))) this.rebuild();
    const clamped = clampStep(this.step, this.steps);
    if (clamped !== this.step) this.step = clamped;
  }

  /** Plans the picture from the settings (engine/conv-steps.ts); on any problem sets `error` and shows nothing else. */
  private rebuild(): void {
    this.pause();
    this.cells.reset();
    this.geo = null;
    this.windows = [];
    if (this.propertyError) return this.setError(this.propertyError);
    const plan = planViewer(this);
    if (!plan.ok) return this.setError(plan.message);
    this.inGrid = plan.input;
    this.kGrid = plan.kernel;
    this.geo = plan.geometry;
    this.setError(null);
    this.recompute();
  }

  protected override firstUpdated(): void {
    // Nothing moves by itself for a reader who asked for reduced motion (WCAG 2.2.2): Play is one press away.
    if (this.autoplay && !prefersReducedMotion()) this.play();
  }

  private recompute(): void {
    this.windows = viewerSteps(this.inGrid, this.kGrid, this.geo!);
  }

  /** The stage's keys step the window (and stop playing). */
  private onStageKey(e: KeyboardEvent): void {
    // Right to left, the picture reads from the right: ← is forward.
    const flip: Record<string, string> = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' };
    const key = this.localize.dir === 'rtl' ? (flip[e.key] ?? e.key) : e.key;
    const target = stepForKey(key, this.step, this.steps);
    if (target === null) return;
    e.preventDefault();
    this.pause();
    this.goTo(target);
  }

  private onScrub(e: Event): void {
    this.pause();
    this.goTo(Number((e.target as HTMLInputElement).value));
  }

  protected override render() {
    const g = this.geo;
    if (!g || this.inputError) return html`${this.renderError()}`;
    const w = this.windows[this.step]!;
    const last = this.steps - 1;
    const t = this.localize;
    const summary = describeGeometry(g, (x) => formatValue(x, t.lang), t.dir);
    const [back, next] = t.dir === 'rtl' ? ['▶', '◀'] : ['◀', '▶'];
    const at = { step: this.step + 1, steps: this.steps };
    const view: PictureView = {
      geo: g,
      inGrid: this.inGrid,
      kGrid: this.kGrid,
      windows: this.windows,
      step: this.step,
      steps: this.steps,
      cells: this.cells,
      localize: this.localize,
    };
    return html`
      ${this.renderError()}
      <p part="summary" class="summary">
        ${t.say(summary.text)}
        ${summary.formula ? html`<span class="formula">${summary.formula}</span>` : nothing}
      </p>
      <div part="controls" class="controls">
        <button class="secondary" @click=${() => (this.pause(), this.prev())} ?disabled=${this.step === 0}>
          ${back} ${t.term('kv.back')}
        </button>
        <button
          @click=${() => (this.playing ? this.pause() : this.play())}
          aria-pressed=${this.playing ? 'true' : 'false'}
        >
          ${t.term(this.playing ? 'common.pause' : 'common.play')}
        </button>
        <button class="secondary" @click=${() => (this.pause(), this.next())} ?disabled=${this.step === last}>
          ${t.term('kv.next')} ${next}
        </button>
        <label class="scrub"
          >${t.term('kv.step')}
          <input
            type="range"
            min="0"
            max=${last}
            step="1"
            .value=${String(this.step)}
            @input=${this.onScrub}
            ?disabled=${last === 0}
          />
        </label>
        <span class="where" role="status" aria-live=${this.playing ? 'off' : 'polite'}
          >${t.term('kv.where', { ...at, row: w.row + 1, col: w.col + 1 })}
          <strong>${formatValue(w.value, t.lang)}</strong></span
        >
      </div>
      <div
        class="stage"
        tabindex="0"
        role="group"
        aria-label=${t.term('kv.stage', at)}
        @keydown=${this.onStageKey}
      >
        <div part="input" class="panel">
          <h3>
            ${t.term('kv.input')}${g.pad ? html` <span class="muted">(${t.term('kv.paddingShown', { padding: g.pad })} <span class="pad-key">${formatValue(0, t.lang)}</span>)</span>` : nothing}
          </h3>
          <div class="planes">${this.inGrid.map((_, c) => renderPlane(view, 'input', c, w))}</div>
        </div>
        <div part="kernel" class="panel">
          <h3>${t.term('kv.kernel')}</h3>
          <div class="planes">${this.kGrid.map((_, c) => renderPlane(view, 'kernel', c, w))}</div>
        </div>
        <div part="products" class="panel">
          <h3>${t.term('kv.products')}</h3>
          ${renderProducts(view, w)}
        </div>
        <div part="output" class="panel">
          <h3>${t.term('kv.output', { rows: g.outRows, cols: g.outCols })}</h3>
          ${renderOutput(view)}
        </div>
      </div>
    `;
  }
}
