import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { drawChart, type BoxSize } from '../shared/chart.js';
import { renderDataTable, type DataTableSpec } from '../shared/data-table.js';
import { SHARED_EN } from '../shared/shared.strings.js';
import type {
  TrainerBatch,
  TrainerEpoch,
  TrainerEventMap,
  TrainerEventName,
} from '../../engine/training/types.js';
import { chartSummary, type Curves } from './progress.js';
import { LocalizeController } from '../shared/localize.js';
import { TRAINER_EN } from './cnn-trainer.strings.js';
import { FrameController } from './frame-controller.js';
import { curvesStyles } from './training-curves.styles.js';

/** Weight of the past in the smoothed (exponential moving average) batch curves. ~10-batch memory. */
const EMA_BETA = 0.9;

/** The x-axis span a value of `epochs` gives: a positive finite number, else 1. */
const span = (epochs: unknown): number => {
  const n = Number(epochs);
  return Number.isFinite(n) && n > 0 ? Math.max(1, n) : 1;
};

/**
 * The two charts of a training run: the loss per batch, and the training accuracy per batch with the test
 * accuracy per epoch, each smoothed by an exponential moving average. `<cnn-trainer>` feeds it with `addBatch`
 * and `addEpoch` as its session reports them; it redraws at most once per animation frame however many
 * batches arrive (hundreds a second), and again when its box changes size.
 *
 * It has no shadow root of its own: it renders into the tree it is placed in (the trainer's shadow root), so
 * the canvases, their text alternatives and `part="charts"` stay where the trainer always had them (reachable
 * by the trainer's `::part(charts)` and by scripts that look there), and the colours follow the trainer's
 * custom properties. Its styles (`curvesStyles`) come with the host's styles, or are adopted into the
 * document (or shadow root) it is placed in when they are missing.
 *
 * @tagname cnn-training-curves
 * @summary The loss and accuracy curves of a training run, drawn once per frame.
 *
 * @csspart charts - The two charts (loss, accuracy).
 * @csspart data-toggle - The *Data table* button (`aria-expanded`) under the charts.
 * @csspart data-table - That table: per epoch, its batches, the smoothed loss and training accuracy at its
 *   last batch, and its test accuracy.
 *
 * @cssproperty [--cnn-trainer-loss=var(--cnn-negative)] Colour of the loss curve.
 * @cssproperty [--cnn-trainer-train=var(--cnn-accent)] Colour of the training-accuracy curve.
 * @cssproperty [--cnn-trainer-test=var(--cnn-positive)] Colour of the test-accuracy line.
 * @cssproperty [--cnn-trainer-chart-height=160px] Height of each chart.
 */
export class TrainingCurves extends LitElement {
  /** Says the charts' captions and summaries in the reader's language (the nearest `lang`). */
  private readonly localize = new LocalizeController(this, { ...SHARED_EN, ...TRAINER_EN });
  /** How many epochs the x axis spans (the run's `epochs`; anything but a positive number means 1). */
  @property({ type: Number }) epochs = 1;
  /** Whether the *Data table* (the charts' numbers, per epoch) is open. */
  @state() private showData = false;

  private data: Curves = { x: [], loss: [], acc: [], testX: [], test: [] };
  private ema = { loss: 0, acc: 0, n: 0 };
  private readonly frames = new FrameController(this);
  private resizeObserver: ResizeObserver | null = null;
  /**
   * Each canvas's CSS box as the `ResizeObserver` last reported it (after a layout the browser did anyway):
   * drawing reads these instead of `clientWidth`, which would force a layout of the page in the middle of a
   * frame (26 ms measured at the first frame of a run, beside a `<feature-map>` that had just rendered).
   */
  private readonly boxes = new WeakMap<Element, BoxSize>();

  /** The smoothed curves drawn so far: x in epochs, parallel to each series. Read-only. */
  get curves(): Readonly<Curves> {
    return this.data;
  }

  /** Forgets every point (a new run). */
  clear(): void {
    this.data = { x: [], loss: [], acc: [], testX: [], test: [] };
    this.ema = { loss: 0, acc: 0, n: 0 };
    this.scheduleFrame();
  }

  /** Feeds a trainer's session event: a new run clears the curves, a batch or an epoch adds its point. */
  feed<K extends TrainerEventName>(name: K, detail: TrainerEventMap[K]): void {
    if (name === 'train-start') this.clear();
    else if (name === 'train-batch') this.addBatch(detail as TrainerEventMap['train-batch']);
    else if (name === 'train-epoch') this.addEpoch(detail as TrainerEventMap['train-epoch']);
  }

  /** Adds a batch to the curves: an exponential moving average with bias correction (no dip at the start). */
  addBatch(b: TrainerBatch): void {
    if (!Number.isFinite(b.loss) || !Number.isFinite(b.accuracy)) return;
    const e = this.ema;
    e.n++;
    e.loss = EMA_BETA * e.loss + (1 - EMA_BETA) * b.loss;
    e.acc = EMA_BETA * e.acc + (1 - EMA_BETA) * b.accuracy;
    const corr = 1 - EMA_BETA ** e.n;
    const batches = Math.max(1, b.batches);
    // x in epochs: epoch k's batch j of n sits at (k − 1) + j / n (epochs and batches counted from 1).
    this.data.x.push(b.epoch - 1 + b.batch / batches);
    this.data.loss.push(e.loss / corr);
    this.data.acc.push(e.acc / corr);
    this.scheduleFrame();
  }

  /** Adds an epoch's test accuracy (a marker on the accuracy chart). */
  addEpoch(ep: TrainerEpoch): void {
    if (Number.isFinite(ep.testAccuracy)) {
      this.data.testX.push(ep.epoch);
      this.data.test.push(ep.testAccuracy);
    }
    this.scheduleFrame();
  }

  /** Coalesces any number of updates into one redraw on the next animation frame. */
  private scheduleFrame(): void {
    this.frames.schedule();
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.adoptStyles();
    // Reconnected (moved, or removed and re-added): observe the charts' box again.
    if (this.hasUpdated) this.observe();
    this.scheduleFrame();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override firstUpdated(): void {
    // Learn each chart's size from the layout the browser does anyway, and redraw when it changes (the reader
    // rotates a phone); the box itself is fixed-height in CSS, so nothing around it moves when data arrives.
    this.observe();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.draw();
  }

  /** Adds `curvesStyles` to the tree the element is placed in, unless its host already brings them. */
  private adoptStyles(): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const sheet = curvesStyles.styleSheet;
    if (!sheet || !('adoptedStyleSheets' in root) || root.adoptedStyleSheets.includes(sheet)) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Observes the charts' box for size changes (again after a reconnect: disconnecting stops observing). */
  private observe(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.resizeObserver ??= new ResizeObserver((entries) => {
      for (const e of entries)
        this.boxes.set(e.target, { width: e.contentRect.width, height: e.contentRect.height });
      this.scheduleFrame();
    });
    for (const canvas of this.querySelectorAll('canvas[data-chart]')) this.resizeObserver.observe(canvas);
  }

  private draw(): void {
    const loss = this.querySelector<HTMLCanvasElement>('canvas[data-chart=loss]');
    const acc = this.querySelector<HTMLCanvasElement>('canvas[data-chart=accuracy]');
    const box = this.querySelector<HTMLElement>('[part~=charts]');
    if (!loss || !acc || !box) return;
    // Without a ResizeObserver (an old engine), the boxes are read where they are drawn.
    const observed = typeof ResizeObserver !== 'undefined';
    const lossBox = observed ? this.boxes.get(loss) : { width: loss.clientWidth, height: loss.clientHeight };
    const accBox = observed ? this.boxes.get(acc) : { width: acc.clientWidth, height: acc.clientHeight };
    // Not laid out yet (the observer reports the first layout and asks for a frame), or hidden.
    if (!lossBox?.width || !accBox?.width) return;
    const cs = getComputedStyle(box);
    const f = this.localize.formats;
    const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    const axis = {
      axisColour: v('--_border', '#ccc'),
      gridColour: v('--_grid', '#eee'),
      textColour: v('--_muted', '#666'),
      xMin: 0,
      xMax: span(this.epochs),
      yMin: 0,
      xLabel: this.localize.term('trainer.epochAxis'),
      // The ticks in the reader's locale (`0,75` in German).
      yFormat: (y: number) => f.number(y, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    };
    const c = this.data;
    drawChart(loss, [{ xs: c.x, ys: c.loss, colour: v('--_loss', '#b3261e') }], axis, lossBox);
    drawChart(
      acc,
      [
        { xs: c.x, ys: c.acc, colour: v('--_train', '#2a62d6') },
        { xs: c.testX, ys: c.test, colour: v('--_test', '#1d7f4e'), dash: [5, 3], markers: true, width: 2 },
      ],
      { ...axis, yMax: 1, yFormat: (y) => f.percent(y, 0) },
      accBox,
    );
  }

  /**
   * The charts' numbers by epoch, as the *Data table* shows them: per epoch, how many batches the curves have
   * of it and the smoothed loss and training accuracy at its last one (the curves' value at the epoch's end),
   * and its test accuracy. Epochs count from 1; an epoch with neither batches nor a test accuracy has no row.
   */
  get epochRows(): {
    epoch: number;
    batches: number;
    loss: number;
    accuracy: number;
    testAccuracy: number;
  }[] {
    const c = this.data;
    const rows = new Map<
      number,
      { epoch: number; batches: number; loss: number; accuracy: number; testAccuracy: number }
    >();
    const row = (epoch: number) => {
      let r = rows.get(epoch);
      if (!r) rows.set(epoch, (r = { epoch, batches: 0, loss: NaN, accuracy: NaN, testAccuracy: NaN }));
      return r;
    };
    // Batch j of n in epoch k sits at x = (k − 1) + j / n, j ≥ 1: its epoch is ⌈x⌉.
    c.x.forEach((x, i) => {
      const r = row(Math.max(1, Math.ceil(x - 1e-9)));
      r.batches++;
      r.loss = c.loss[i]!;
      r.accuracy = c.acc[i]!;
    });
    c.testX.forEach((x, i) => (row(x).testAccuracy = c.test[i]!));
    return [...rows.values()].sort((a, b) => a.epoch - b.epoch);
  }

  /** The *Data table*'s caption, headers and formatted rows (a missing value reads "—", never NaN). */
  private tableSpec(): DataTableSpec {
    const l = this.localize;
    const f = l.formats;
    const dash = '—';
    const num = (x: number) =>
      Number.isFinite(x) ? f.number(x, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) : dash;
    const pct = (x: number) => (Number.isFinite(x) ? f.percent(x) : dash);
    return {
      caption: l.term('trainer.tableCaption'),
      columns: [
        l.term('trainer.col.epoch'),
        l.term('trainer.col.batches'),
        l.term('trainer.col.loss'),
        l.term('trainer.col.trainAccuracy'),
        l.term('trainer.col.testAccuracy'),
      ],
      rows: this.epochRows.map((r) => [
        f.number(r.epoch),
        f.number(r.batches),
        num(r.loss),
        pct(r.accuracy),
        pct(r.testAccuracy),
      ]),
    };
  }

  protected override render() {
    const l = this.localize;
    const percent = (x: number) => l.formats.percent(x);
    return html`<div part="charts" class="charts">
        <figure>
          <canvas
            data-chart="loss"
            role="img"
            aria-label=${l.say(chartSummary('loss', this.data, percent))}
          ></canvas>
          <figcaption><span class="key loss"></span>${l.term('trainer.lossCaption')}</figcaption>
        </figure>
        <figure>
          <canvas
            data-chart="accuracy"
            role="img"
            aria-label=${l.say(chartSummary('accuracy', this.data, percent))}
          ></canvas>
          <figcaption>
            <span class="key train"></span>${l.term('trainer.trainAccuracy')}
            <span class="key test"></span>${l.term('trainer.testAccuracyCaption')}
          </figcaption>
        </figure>
      </div>
      ${renderDataTable(() => this.tableSpec(), {
        open: this.showData,
        label: l.term('common.dataTable'),
        id: 'curves-data',
        toggle: () => (this.showData = !this.showData),
      })}`;
  }
}
