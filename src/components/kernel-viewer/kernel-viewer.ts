import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { inlineStyle } from '../shared/inline-style.js';
import { CnnElement } from '../shared/cnn-element.js';
import { jsonArrayValue, numberValue, sizeValue } from '../shared/property-values.js';
import { checkInteger, outputSize, parseSize } from '../../engine/conv-math.js';
import { mulberry32 } from '../../engine/random.js';
import {
  convolveSteps,
  formatValue,
  parseGrid,
  randomGrid,
  type Grid3,
  type WindowStep,
} from '../../engine/conv-steps.js';
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

/** Largest input side the picture accepts. */
export const MAX_INPUT = 32;
/** Largest kernel side. */
export const MAX_KERNEL = 7;
/** Largest padding, stride and channel count. */
const MAX_PADDING = 8;
const MAX_STRIDE = 32;
const MAX_CHANNELS = 4;
/** Milliseconds between steps while playing. */
const PLAY_INTERVAL = 750;

type GridValue = string | number[][] | number[][][] | null;

interface Geometry {
  inRows: number;
  inCols: number;
  kRows: number;
  kCols: number;
  channels: number;
  pad: number;
  stride: number;
  dilation: number;
  outRows: number;
  outCols: number;
}

type CellRef = { kind: 'input' | 'kernel'; c: number; i: number; j: number };

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
export class KernelViewer extends CnnElement {
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
    const g = this.geo;
    if (!g || this.inputError) return [];
    return Array.from({ length: g.outRows }, (_, r) =>
      Array.from({ length: g.outCols }, (_, c) => {
        const k = r * g.outCols + c;
        return k <= this.step ? this.windows[k]!.value : null;
      }),
    );
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
    return this._playing;
  }

  @state() private _playing = false;
  @state() private editing: CellRef | null = null;
  @state() private geo: Geometry | null = null;
  private inGrid: Grid3 = [];
  private kGrid: Grid3 = [];
  private windows: WindowStep[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Focused cell per grid (roving tabindex), keyed `kind:channel`. */
  private focusIndex = new Map<string, number>();
  private refocus: CellRef | null = null;

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
    if (this._playing || this.steps === 0) return;
    if (this.step >= this.steps - 1) this.goTo(0);
    this._playing = true;
    this.schedule();
  }

  /** Stops playing. */
  pause(): void {
    this._playing = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this._playing || !this.isConnected) return;
      this.goTo(this.step + 1);
      if (this.step >= this.steps - 1) this.pause();
      else this.schedule();
    }, PLAY_INTERVAL);
  }

  /** Sets the step (clamped) and fires `step-change` when it moved. */
  private goTo(target: number): void {
    if (this.steps === 0) return;
    const s = Math.min(Math.max(Math.round(target), 0), this.steps - 1);
    if (s === this.step) return;
    this.step = s;
    const w = this.windows[s]!;
    this.emit('step-change', { step: s, row: w.row, col: w.col, value: w.value });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const shapeKeys = [
      'inputSize',
      'kernelSize',
      'padding',
      'stride',
      'dilation',
      'channels',
      'input',
      'kernel',
      'seed',
    ] as const;
    if (shapeKeys.some((k) => changed.has(k))) this.rebuild();
    const max = Math.max(this.steps - 1, 0);
    const clamped = Number.isFinite(this.step) ? Math.min(Math.max(Math.round(this.step), 0), max) : 0;
    if (clamped !== this.step) this.step = clamped;
  }

  protected override updated(): void {
    if (this.editing) {
      this.renderRoot.querySelector<HTMLInputElement>('input.cell-edit')?.focus();
    } else if (this.refocus) {
      const r = this.refocus;
      this.refocus = null;
      this.cellButton(r)?.focus();
    }
  }

  /** Parses the attributes into values and sizes; on any problem sets `error` and shows nothing else. */
  private rebuild(): void {
    this.pause();
    this.editing = null;
    this.geo = null;
    this.windows = [];
    const fail = (msg: string) => this.setError(msg);
    if (this.propertyError) return fail(this.propertyError);

    // Any whole number seeds the generator (negative too); a typo must not silently fall back to another seed.
    if (!Number.isInteger(this.seed))
      return fail(
        `Seed must be a whole number${Number.isFinite(this.seed) ? ` (got ${this.seed})` : ''}, e.g. 1234.`,
      );
    const chanErr =
      checkInteger('Channels', this.channels, 1) ??
      (this.channels > MAX_CHANNELS ? `Channels: at most ${MAX_CHANNELS}.` : null);
    if (chanErr) return fail(chanErr);
    const input =
      this.input === null || this.input === ''
        ? null
        : parseGrid(this.input, 'Input', MAX_INPUT, MAX_CHANNELS);
    if (input && !input.ok) return fail(input.error);
    const kernel =
      this.kernel === null || this.kernel === ''
        ? null
        : parseGrid(this.kernel, 'Kernel', MAX_KERNEL, MAX_CHANNELS);
    if (kernel && !kernel.ok) return fail(kernel.error);

    let inRows: number;
    let inCols: number;
    if (input) {
      inRows = input.rows;
      inCols = input.cols;
    } else {
      const size = parseSize(this.inputSize);
      if (!Array.isArray(size)) return fail(size.error);
      [inRows, inCols] = size;
      if (inRows > MAX_INPUT || inCols > MAX_INPUT) {
        return fail(
          `Input size ${inRows}×${inCols} is too large for the picture: at most ${MAX_INPUT}×${MAX_INPUT}.`,
        );
      }
    }
    let kRows: number;
    let kCols: number;
    if (kernel) {
      kRows = kernel.rows;
      kCols = kernel.cols;
    } else {
      const kErr = checkInteger('Kernel size', this.kernelSize, 1);
      if (kErr) return fail(kErr);
      if (this.kernelSize > MAX_KERNEL)
        return fail(`Kernel size ${this.kernelSize} is too large for the picture: at most ${MAX_KERNEL}.`);
      kRows = kCols = this.kernelSize;
    }

    // Channels: whichever side gives 3-D values decides; both must agree.
    const inC = input ? input.channels : null;
    const kC = kernel ? kernel.channels : null;
    if (inC !== null && kC !== null && inC !== kC) {
      return fail(
        `The input has ${inC} channel${inC === 1 ? '' : 's'} but the kernel has ${kC}: a kernel needs one slice per input channel.`,
      );
    }
    const channels = inC ?? kC ?? this.channels;

    const pErr =
      checkInteger('Padding', this.padding, 0) ??
      (this.padding > MAX_PADDING ? `Padding: at most ${MAX_PADDING} in the picture.` : null);
    if (pErr) return fail(pErr);
    if (this.stride === 0)
      return fail('Stride must be at least 1: a stride of 0 would never move the window.');
    const sErr =
      checkInteger('Stride', this.stride, 1) ??
      (this.stride > MAX_STRIDE ? `Stride: at most ${MAX_STRIDE}.` : null);
    if (sErr) return fail(sErr);
    const dErr =
      checkInteger('Dilation', this.dilation, 1) ??
      (this.dilation > MAX_KERNEL ? `Dilation: at most ${MAX_KERNEL}.` : null);
    if (dErr) return fail(dErr);

    // One source of truth for the output size: the same function <conv-calculator> uses.
    const axis = (n: number, k: number) =>
      outputSize({
        input: n,
        kernel: k,
        stride: this.stride,
        padding: this.padding,
        dilation: this.dilation,
      });
    const h = axis(inRows, kRows);
    const w = axis(inCols, kCols);
    if (!h.ok) return fail(h.error);
    if (!w.ok) return fail(w.error);

    // Random defaults: input 0…9, kernel −1…1 — small integers a reader can multiply in their head.
    const rand = mulberry32(this.seed);
    const inGrid = input ? input.grid : randomGrid(channels, inRows, inCols, 0, 9, rand);
    const kGrid = kernel ? kernel.grid : randomGrid(channels, kRows, kCols, -1, 1, rand);
    this.inGrid = structuredClone(inGrid);
    this.kGrid = structuredClone(kGrid);
    this.geo = {
      inRows,
      inCols,
      kRows,
      kCols,
      channels,
      pad: this.padding,
      stride: this.stride,
      dilation: this.dilation,
      outRows: h.size,
      outCols: w.size,
    };
    this.focusIndex.clear();
    this.setError(null);
    this.recompute();
  }

  private recompute(): void {
    const g = this.geo!;
    this.windows = convolveSteps(this.inGrid, this.kGrid, {
      padTop: g.pad,
      padLeft: g.pad,
      stride: g.stride,
      dilation: g.dilation,
      outRows: g.outRows,
      outCols: g.outCols,
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Interaction
  // ------------------------------------------------------------------------------------------------------

  private onStageKey(e: KeyboardEvent): void {
    const keys: Record<string, () => void> = {
      ArrowRight: () => this.next(),
      ArrowDown: () => this.next(),
      ArrowLeft: () => this.prev(),
      ArrowUp: () => this.prev(),
      Home: () => this.goTo(0),
      End: () => this.goTo(this.steps - 1),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    this.pause();
    act();
  }

  private onScrub(e: Event): void {
    this.pause();
    this.goTo(Number((e.target as HTMLInputElement).value));
  }

  private channelName(c: number): string {
    const g = this.geo!;
    if (g.channels === 3) return ['R', 'G', 'B'][c]!;
    return g.channels === 1 ? '' : `channel ${c + 1}`;
  }

  private cellButton(r: CellRef): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(
      `button[data-cell="${r.kind}:${r.c}:${r.i}:${r.j}"]`,
    );
  }

  /** Arrow keys move between cells of one grid (roving tabindex); Enter / click edits. */
  private onCellKey(e: KeyboardEvent, r: CellRef, rows: number, cols: number): void {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    e.stopPropagation();
    const i = Math.min(Math.max(r.i + m[0], 0), rows - 1);
    const j = Math.min(Math.max(r.j + m[1], 0), cols - 1);
    this.focusIndex.set(`${r.kind}:${r.c}`, i * cols + j);
    this.requestUpdate();
    void this.updateComplete.then(() => this.cellButton({ ...r, i, j })?.focus());
  }

  private startEdit(r: CellRef, cols: number): void {
    this.pause();
    this.focusIndex.set(`${r.kind}:${r.c}`, r.i * cols + r.j);
    this.editing = r;
  }

  private finishEdit(e: Event, save: boolean): void {
    const r = this.editing;
    if (!r) return;
    const raw = (e.target as HTMLInputElement).value.trim();
    const v = Number(raw);
    if (save && raw !== '' && Number.isFinite(v)) {
      const grid = r.kind === 'input' ? this.inGrid : this.kGrid;
      grid[r.c]![r.i]![r.j] = v;
      this.recompute();
    }
    this.editing = null;
    this.refocus = r;
  }

  private onEditKey(e: KeyboardEvent): void {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      this.finishEdit(e, true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.finishEdit(e, false);
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // Rendering
  // ------------------------------------------------------------------------------------------------------

  protected override render() {
    const g = this.geo;
    if (!g || this.inputError) return html`${this.renderError()}`;
    const w = this.windows[this.step]!;
    const last = this.steps - 1;
    return html`
      ${this.renderError()}
      <p part="summary" class="summary">${this.summaryText(g)}</p>
      <div part="controls" class="controls">
        <button class="secondary" @click=${() => (this.pause(), this.prev())} ?disabled=${this.step === 0}>
          ◀ Back
        </button>
        <button
          @click=${() => (this._playing ? this.pause() : this.play())}
          aria-pressed=${this._playing ? 'true' : 'false'}
        >
          ${this._playing ? 'Pause' : 'Play'}
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
        <span class="where" role="status" aria-live=${this._playing ? 'off' : 'polite'}
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
          <div class="planes">${this.inGrid.map((_, c) => this.renderInput(c, w))}</div>
        </div>
        <div part="kernel" class="panel">
          <h3>Kernel</h3>
          <div class="planes">${this.kGrid.map((_, c) => this.renderKernel(c))}</div>
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

  private summaryText(g: Geometry): TemplateResult {
    const size = (r: number, c: number) => (r === c ? `${r}×${r}` : `${r}×${c}`);
    const ch = g.channels > 1 ? `${g.channels}-channel ` : '';
    const formula =
      g.inRows === g.inCols && g.kRows === g.kCols
        ? g.dilation === 1
          ? html`⌊(${g.inRows} − ${g.kRows} + 2·${g.pad}) / ${g.stride}⌋ + 1 = ${g.outRows}`
          : html`⌊(${g.inRows} + 2·${g.pad} − ${g.dilation}·(${g.kRows}−1) − 1) / ${g.stride}⌋ + 1 =
            ${g.outRows}`
        : nothing;
    return html`A ${ch}${size(g.inRows, g.inCols)} input, padding ${g.pad}, a ${size(g.kRows, g.kCols)}
    kernel${g.dilation > 1 ? ` (dilation ${g.dilation})` : ''}, stride ${g.stride} → a
    ${size(g.outRows, g.outCols)} output.
    ${formula !== nothing ? html`<span class="formula">${formula}</span>` : nothing}`;
  }

  private gridLabel(kind: string, c: number): string {
    const name = this.channelName(c);
    return name ? `${kind}, ${name}` : kind;
  }

  private renderInput(c: number, w: WindowStep) {
    const g = this.geo!;
    const rows = g.inRows + 2 * g.pad;
    const cols = g.inCols + 2 * g.pad;
    const effH = g.dilation * (g.kRows - 1) + 1;
    const effW = g.dilation * (g.kCols - 1) + 1;
    const tap = (y: number, x: number) => {
      const dy = y - w.top;
      const dx = x - w.left;
      return dy >= 0 && dx >= 0 && dy < effH && dx < effW && dy % g.dilation === 0 && dx % g.dilation === 0;
    };
    const focusKey = `input:${c}`;
    const focused = this.focusIndex.get(focusKey) ?? 0;
    const cells: TemplateResult[] = [];
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        const i = y - g.pad;
        const j = x - g.pad;
        const isPad = i < 0 || j < 0 || i >= g.inRows || j >= g.inCols;
        const cls = `cell${isPad ? ' pad' : ''}${tap(y, x) ? ' tap' : ''}`;
        if (isPad) {
          cells.push(html`<span class=${cls} aria-hidden="true">0</span>`);
        } else {
          cells.push(
            this.renderEditable(
              { kind: 'input', c, i, j },
              this.inGrid[c]![i]![j]!,
              cls,
              g.inRows,
              g.inCols,
              focused,
            ),
          );
        }
      }
    }
    const name = this.channelName(c);
    return html`<figure class="plane">
      ${name ? html`<figcaption>${name}</figcaption>` : nothing}
      <div class="grid" role="group" aria-label=${this.gridLabel('Input values', c)} ${gridVars(rows, cols)}>
        ${cells}
        <div
          part="window"
          class="window"
          aria-hidden="true"
          ${inlineStyle({ '--top': String(w.top), '--left': String(w.left), '--h': String(effH), '--w': String(effW) })}
        ></div>
      </div>
    </figure>`;
  }

  private renderKernel(c: number) {
    const g = this.geo!;
    const focused = this.focusIndex.get(`kernel:${c}`) ?? 0;
    const cells: TemplateResult[] = [];
    for (let i = 0; i < g.kRows; i++) {
      for (let j = 0; j < g.kCols; j++) {
        cells.push(
          this.renderEditable(
            { kind: 'kernel', c, i, j },
            this.kGrid[c]![i]![j]!,
            'cell weight',
            g.kRows,
            g.kCols,
            focused,
          ),
        );
      }
    }
    const name = this.channelName(c);
    return html`<figure class="plane">
      ${name ? html`<figcaption>${name}</figcaption>` : nothing}
      <div
        class="grid"
        role="group"
        aria-label=${this.gridLabel('Kernel weights', c)}
        ${gridVars(g.kRows, g.kCols)}
      >
        ${cells}
      </div>
    </figure>`;
  }

  private renderEditable(
    r: CellRef,
    value: number,
    cls: string,
    rows: number,
    cols: number,
    focused: number,
  ) {
    const e = this.editing;
    const what = r.kind === 'input' ? 'Input' : 'Kernel';
    const name = this.channelName(r.c);
    const label = `${what}${name ? ` ${name}` : ''} row ${r.i + 1}, column ${r.j + 1}`;
    if (e && e.kind === r.kind && e.c === r.c && e.i === r.i && e.j === r.j) {
      return html`<input
        class="cell-edit"
        type="number"
        step="any"
        aria-label=${`Edit ${label}`}
        .value=${String(value)}
        @keydown=${this.onEditKey}
        @blur=${(ev: Event) => this.finishEdit(ev, true)}
      />`;
    }
    return html`<button
      class=${cls}
      data-cell="${r.kind}:${r.c}:${r.i}:${r.j}"
      tabindex=${r.i * cols + r.j === focused ? 0 : -1}
      aria-label=${`${label}: ${formatValue(value)}. Press Enter to edit.`}
      @click=${() => this.startEdit(r, cols)}
      @keydown=${(ev: KeyboardEvent) => this.onCellKey(ev, r, rows, cols)}
    >
      ${formatValue(value)}
    </button>`;
  }

  private renderProducts(w: WindowStep) {
    const g = this.geo!;
    const term = (p: number) => (p < 0 ? `(${formatValue(p)})` : formatValue(p));
    const planes = w.products.map((pc, c) => {
      const name = this.channelName(c);
      const flat = pc.flat();
      return html`<div class="product-plane">
        ${name ? html`<div class="ch-name">${name}</div>` : nothing}
        <div class="grid small" ${gridVars(g.kRows, g.kCols)} aria-hidden="true">
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
              ${w.channelSums.map((s, c) => `${this.channelName(c)} ${term(s)}`).join(' + ')} =
              <strong data-testid="total">${formatValue(w.value)}</strong>
            </p>`
          : nothing
      }`;
  }

  private renderOutput() {
    const g = this.geo!;
    const cells: TemplateResult[] = [];
    for (let k = 0; k < g.outRows * g.outCols; k++) {
      const filled = k <= this.step;
      cells.push(
        html`<span class="cell out${filled ? ' filled' : ''}${k === this.step ? ' current' : ''}"
          >${filled ? formatValue(this.windows[k]!.value) : ''}</span
        >`,
      );
    }
    const filledText = this.windows
      .slice(0, this.step + 1)
      .map((s) => formatValue(s.value))
      .join(', ');
    return html`<div
      class="grid"
      role="img"
      aria-label=${`Output grid ${g.outRows}×${g.outCols}, ${this.step + 1} of ${this.steps} cells computed: ${filledText}`}
      ${gridVars(g.outRows, g.outCols)}
    >
      ${cells}
    </div>`;
  }
}

/**
 * The grid's size as CSS custom properties, set through the CSSOM rather than a `style` attribute: a strict
 * Content-Security-Policy (`style-src 'self'`) blocks style attributes but not CSSOM writes (see inline-style.ts).
 */
function gridVars(rows: number, cols: number) {
  return inlineStyle({ '--rows': String(rows), '--cols': String(cols) });
}
