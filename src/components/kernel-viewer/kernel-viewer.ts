import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { inlineStyle } from '../shared/inline-style.js';
import { CnnElement } from '../shared/cnn-element.js';
import { jsonArrayValue, numberValue, sizeValue } from '../shared/property-values.js';
import { formatValue } from '../shared/format.js';
import {
  VIEWER_LIMITS,
  VIEWER_SETTINGS,
  channelName,
  clampStep,
  describeGeometry,
  isTap,
  outputUpTo,
  planViewer,
  stepForKey,
  viewerSteps,
  windowSize,
  type Grid3,
  type ViewerGeometry,
  type WindowStep,
} from '../../engine/conv-steps.js';
import { PlaybackController } from './playback-controller.js';
import { EditableGrids, type GridKind } from './editable-grids.js';
import { styles } from './kernel-viewer.styles.js';

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
 * between cells and Enter edits one (Enter saves, Escape cancels).
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
export class KernelViewer extends CnnElement<KernelViewerEventMap> {
  static override styles = [...CnnElement.styles, styles];

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
    if (!plan.ok) return this.setError(plan.error);
    this.inGrid = plan.input;
    this.kGrid = plan.kernel;
    this.geo = plan.geometry;
    this.setError(null);
    this.recompute();
  }

  private recompute(): void {
    this.windows = viewerSteps(this.inGrid, this.kGrid, this.geo!);
  }

  /** The stage's keys step the window (and stop playing). */
  private onStageKey(e: KeyboardEvent): void {
    const target = stepForKey(e.key, this.step, this.steps);
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
    const summary = describeGeometry(g);
    return html`
      ${this.renderError()}
      <p part="summary" class="summary">
        ${summary.text} ${summary.formula ? html`<span class="formula">${summary.formula}</span>` : nothing}
      </p>
      <div part="controls" class="controls">
        <button class="secondary" @click=${() => (this.pause(), this.prev())} ?disabled=${this.step === 0}>
          ◀ Back
        </button>
        <button
          @click=${() => (this.playing ? this.pause() : this.play())}
          aria-pressed=${this.playing ? 'true' : 'false'}
        >
          ${this.playing ? 'Pause' : 'Play'}
        </button>
        <button class="secondary" @click=${() => (this.pause(), this.next())} ?disabled=${this.step === last}>
          Next ▶
        </button>
        <label class="scrub"
          >Step
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
          >Step ${this.step + 1} of ${this.steps}: output (${w.row + 1}, ${w.col + 1}) =
          <strong>${formatValue(w.value)}</strong></span
        >
      </div>
      <div
        class="stage"
        tabindex="0"
        role="group"
        aria-label=${`Convolution picture, step ${this.step + 1} of ${this.steps}. Use the arrow keys to step.`}
        @keydown=${this.onStageKey}
      >
        <div part="input" class="panel">
          <h3>
            Input${g.pad ? html` <span class="muted">(padding ${g.pad} shown as <span class="pad-key">0</span>)</span>` : nothing}
          </h3>
          <div class="planes">${this.inGrid.map((_, c) => this.renderPlane('input', c, w))}</div>
        </div>
        <div part="kernel" class="panel">
          <h3>Kernel</h3>
          <div class="planes">${this.kGrid.map((_, c) => this.renderPlane('kernel', c, w))}</div>
        </div>
        <div part="products" class="panel">
          <h3>Products and sum</h3>
          ${this.renderProducts(w)}
        </div>
        <div part="output" class="panel">
          <h3>Output ${g.outRows}×${g.outCols}</h3>
          ${this.renderOutput()}
        </div>
      </div>
    `;
  }

  /** One channel of the input (padded, under the window) or of the kernel: its cells, editable, in a roving grid. */
  private renderPlane(kind: GridKind, c: number, w: WindowStep) {
    const g = this.geo!;
    const input = kind === 'input';
    const pad = input ? g.pad : 0;
    const [rows, cols] = input ? [g.inRows, g.inCols] : [g.kRows, g.kCols];
    const values = (input ? this.inGrid : this.kGrid)[c]!;
    const name = channelName(g.channels, c);
    const who = `${input ? 'Input' : 'Kernel'}${name ? ` ${name}` : ''}`;
    const cells: TemplateResult[] = [];
    for (let y = 0; y < rows + 2 * pad; y++) {
      for (let x = 0; x < cols + 2 * pad; x++) {
        const [i, j] = [y - pad, x - pad];
        const isPad = i < 0 || j < 0 || i >= rows || j >= cols;
        const cls = input ? `cell${isPad ? ' pad' : ''}${isTap(g, w, y, x) ? ' tap' : ''}` : 'cell weight';
        cells.push(
          isPad
            ? html`<span class=${cls} aria-hidden="true">0</span>`
            : this.cells.renderCell(
                { kind, c, i, j },
                values[i]![j]!,
                cls,
                `${who} row ${i + 1}, column ${j + 1}`,
              ),
        );
      }
    }
    const what = input ? 'Input values' : 'Kernel weights';
    const [effH, effW] = windowSize(g);
    return html`<figure class="plane">
      ${name ? html`<figcaption>${name}</figcaption>` : nothing}
      <div
        class="grid"
        role="group"
        aria-label=${name ? `${what}, ${name}` : what}
        ${inlineStyle({ '--rows': rows + 2 * pad, '--cols': cols + 2 * pad })}
        @keydown=${(e: KeyboardEvent) => this.cells.onKey(kind, c, e)}
      >
        ${cells}
        ${
          input
            ? html`<div
                part="window"
                class="window"
                aria-hidden="true"
                ${inlineStyle({ '--top': w.top, '--left': w.left, '--h': effH, '--w': effW })}
              ></div>`
            : nothing
        }
      </div>
    </figure>`;
  }

  private renderProducts(w: WindowStep) {
    const g = this.geo!;
    const term = (p: number) => (p < 0 ? `(${formatValue(p)})` : formatValue(p));
    const planes = w.products.map((pc, c) => {
      const name = channelName(g.channels, c);
      const flat = pc.flat();
      return html`<div class="product-plane">
        ${name ? html`<div class="ch-name">${name}</div>` : nothing}
        <div class="grid small" ${inlineStyle({ '--rows': g.kRows, '--cols': g.kCols })} aria-hidden="true">
          ${flat.map((p) => html`<span class="cell product ${p === 0 ? 'zero' : ''}">${formatValue(p)}</span>`)}
        </div>
        <p class="sum">
          ${flat.map(term).join(' + ')} =
          <strong data-testid="channel-sum">${formatValue(w.channelSums[c]!)}</strong>
        </p>
      </div>`;
    });
    return html`<div class="planes">${planes}</div>
      ${
        g.channels > 1
          ? html`<p class="total">
              ${w.channelSums.map((s, c) => `${channelName(g.channels, c)} ${term(s)}`).join(' + ')} =
              <strong data-testid="total">${formatValue(w.value)}</strong>
            </p>`
          : nothing
      }`;
  }

  private renderOutput() {
    const g = this.geo!;
    const filled = this.windows.slice(0, this.step + 1).map((s) => formatValue(s.value));
    const cells = Array.from(
      { length: g.outRows * g.outCols },
      (_, k) =>
        html`<span class="cell out${k <= this.step ? ' filled' : ''}${k === this.step ? ' current' : ''}"
          >${filled[k] ?? ''}</span
        >`,
    );
    return html`<div
      class="grid"
      role="img"
      aria-label=${`Output grid ${g.outRows}×${g.outCols}, ${this.step + 1} of ${this.steps} cells computed: ${filled.join(', ')}`}
      ${inlineStyle({ '--rows': g.outRows, '--cols': g.outCols })}
    >
      ${cells}
    </div>`;
  }
}
