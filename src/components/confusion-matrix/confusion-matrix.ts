import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnnElement } from '../shared/cnn-element.js';
import { booleanValue, parsedJsonArrayValue, stringValue } from '../shared/property-values.js';
import { TrainerLink } from '../shared/trainer-link.js';
import { Task, initialState } from '../shared/task.js';
import { RovingGrid } from '../shared/roving-grid.js';
import { dataTableStyles } from '../shared/data-table.js';
import { paintThumb, trainerClasses } from './dataset-view.js';
import type { TestExample } from '../../engine/training/types.js';
import {
  checkMatrix,
  classNames,
  copyRows,
  matrixMetrics,
  parseLabels,
  type MatrixMetrics,
} from '../../engine/metrics.js';
import { styles } from './confusion-matrix.styles.js';
import { SHARED_EN } from '../shared/shared.strings.js';
import { message } from '../../engine/messages.js';
import { MATRIX_EN } from './confusion-matrix.strings.js';
import { renderExamples, renderMatrix, renderPlaceholder } from './matrix-view.js';

const EN = { ...SHARED_EN, ...MATRIX_EN };

/** Detail of `cell-select`: the labels (when `labels` is given, else the class indices) and the count. */
export interface CellSelectDetail {
  actual: string | number;
  predicted: string | number;
  count: number;
  /** Row and column indices, whatever the labels. */
  actualIndex: number;
  predictedIndex: number;
}

/** One test image of a cell, as the engine's `TrainingSession.testExamples` returns it (784 bytes, 28×28). */
export type CellExample = TestExample;

/** The events of `<confusion-matrix>`, with their `detail`. */
export interface ConfusionMatrixEventMap {
  'cell-select': CellSelectDetail;
}

/** Thumbnails shown for a selected cell. */
export const EXAMPLE_LIMIT = 24;

/** The `matrix` property: an array of rows, or its JSON text (parsed, so it reads back as the array). */
const matrixValue = {
  ...parsedJsonArrayValue,
  expects: message(SHARED_EN, 'value.matrix'),
};

/** Parses `labels` (now in engine/metrics.ts, re-exported where it always was). */
export { parseLabels };

/**
 * A confusion matrix: how often each actual class (rows) was predicted as each class (columns), as a
 * heat-coloured table with a perceptually uniform, colour-blind-safe scale (viridis). The diagonal — the
 * correct answers — is outlined. Per-class recall (right column) and precision (bottom row) and the overall
 * accuracy are shown and readable as properties. It is a real `<table>`, so a screen reader can walk it by row
 * and column headers; each count is a button (arrow keys move between them, Enter/Space selects).
 *
 * Data comes from a `<cnn-trainer>` named by `for` (updated after every epoch; selecting a cell then shows
 * the test images of that cell, e.g. which 4s the network read as 9s) or from the `matrix` property.
 *
 * @tagname confusion-matrix
 * @summary Confusion matrix with precision, recall and the test images behind each cell.
 *
 * @fires cell-select - A cell was clicked or chosen with Enter/Space. `detail`: `{ actual, predicted, count,
 *   actualIndex, predictedIndex }` (`actual`/`predicted` are labels when `labels` is given, else indices).
 *
 * @csspart error - The message shown for invalid input (`role="alert"`).
 * @csspart table - The `<table>`.
 * @csspart cell - Each count button.
 * @csspart summary - The accuracy line under the table, with the most confused pair.
 * @csspart data-toggle - The "Data table" button that shows the numbers per class as a table.
 * @csspart data-table - That table (recall, precision and the most frequent mistake of each class).
 * @csspart placeholder - The note shown before there is data.
 * @csspart examples - The thumbnails of the selected cell's test images.
 *
 * @cssproperty [--cnn-matrix-cell-size=2.6em] Minimum width and height of a cell.
 * @cssproperty [--cnn-matrix-diagonal=var(--cnn-fg)] Outline colour of the diagonal cells.
 */
export class ConfusionMatrix extends CnnElement<ConfusionMatrixEventMap, typeof EN> {
  static override styles = [...CnnElement.styles, styles, dataTableStyles];
  protected static override strings = EN;

  /** The id of a `<cnn-trainer>` (or any element with a `confusion` property and `train-epoch` events) to show. */
  @property({ attribute: 'for', reflect: true, converter: stringValue }) htmlFor: string | null = null;
  /** Same as `htmlFor` (the `for` attribute's twin), for symmetry with the attribute name. */
  get for(): string | null {
    return this.htmlFor;
  }
  set for(v: string | null) {
    this.htmlFor = v;
  }

  /** The counts: an n×n array, rows = actual class, columns = predicted class. Also settable as a JSON attribute. */
  @property({ converter: matrixValue }) matrix: number[][] | null = null;

  /** Class names, comma-separated (default: the trainer's dataset's, else 0, 1, 2, …). Must have one per class. */
  @property({ reflect: true, converter: stringValue }) labels: string | null = null;

  /**
   * Show each row as fractions of its total (how each actual class was spread), instead of counts. Attribute
   * `normalize`; the property is `normalized` because `normalize()` is a method every DOM node already has.
   */
  @property({ attribute: 'normalize', type: Boolean, reflect: true, converter: booleanValue }) normalized =
    false;

  /** Overall accuracy (trace / total) of the current matrix, or `null` when there is none (or it is all zeros). */
  get accuracy(): number | null {
    return this.derived?.accuracy ?? null;
  }

  /** Per-class precision (of the predictions of class j, the fraction that were right); `null` where undefined. */
  get precision(): (number | null)[] | null {
    return this.derived ? [...this.derived.precision] : null;
  }

  /** Per-class recall (of the examples of class i, the fraction found); `null` where undefined. */
  get recall(): (number | null)[] | null {
    return this.derived ? [...this.derived.recall] : null;
  }

  /** The test images of the selected cell, when bound to a trainer (empty otherwise). */
  get examples(): CellExample[] {
    return this.examplesView()?.thumbs ?? [];
  }

  @state() private valid: number[][] | null = null;
  @state() private derived: MatrixMetrics | null = null;
  @state() private names: string[] = [];
  @state() private selected: { r: number; c: number } | null = null;
  /** Whether the data table (the numbers per class) is open. */
  @state() private showData = false;

  /** The `<cnn-trainer>` named by `for`: its matrix is read again when a run starts, after each epoch, at the end and after a fine-tune. */
  private readonly link = new TrainerLink(this, {
    on: {
      'train-start': () => this.pull(),
      'train-epoch': () => this.pull(),
      'train-end': () => this.pull(),
      'train-error': () => this.pull(),
      'fine-tune': () => this.pull(), // evaluated again after fine-tuning on taught examples
      dataset: () => (this.namesChanged = true), // its class names are known now (a data-src read): the axes follow
    },
    onTrainer: (next, prev) => {
      if (next !== prev) this.selected = null;
      if (next) this.pull();
    },
  });

  /**
   * The selected cell's test images, asked of the trainer's session: again for another cell, another session,
   * or a new matrix (the same cell holds other images after another epoch); a slow answer for a cell the reader
   * has left is dropped.
   */
  private readonly examplesTask = new Task(this, {
    args: () => [this.link.session, this.selected, this.valid] as const,
    task: async ([session, cell, valid]) => {
      if (!cell || !valid || typeof session?.testExamples !== 'function') return initialState;
      if ((valid[cell.r]?.[cell.c] ?? 0) === 0) return [];
      const found: unknown = await session.testExamples(cell.r, cell.c, EXAMPLE_LIMIT);
      return Array.isArray(found) ? (found.slice(0, EXAMPLE_LIMIT) as CellExample[]) : [];
    },
  });

  /** Arrow keys, Home and End move between the count buttons (one of them is tabbable). */
  private readonly grid = new RovingGrid(this, {
    size: () => ({ rows: this.valid?.length ?? 0, cols: this.valid?.length ?? 0 }),
    cell: (r, c) => this.cellButton(r, c),
  });

  /** Reads the bound trainer's confusion matrix (after an epoch, at the end, or when a new run starts). */
  private pull(): void {
    const t = this.link.trainer;
    if (!t) return;
    this.matrix = copyRows(t.confusion) as number[][] | null;
    // A run that ended (stopped, failed) before the test set was evaluated: no matrix will come from it.
    this.trainerEnded = (t.state === 'done' || t.state === 'error') && this.matrix === null;
  }
  /** The followed trainer's run ended without a matrix. */
  @state() private trainerEnded = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.link.setFor(this.htmlFor);
    // A wrong-typed property hides the table; fixing it (whichever property it was) shows it again.
    if (
      changed.has('matrix') ||
      changed.has('labels') ||
      this.namesChanged ||
      this.propertyError !== this.computedWith
    ) {
      this.computedWith = this.propertyError;
      this.namesChanged = false;
      this.compute();
    }
  }
  /** The `propertyError` of the last `compute()`. */
  private computedWith: string | null = null;
  /** The trainer's dataset changed since the last `compute()` (its `dataset` event): its class names may have. */
  private namesChanged = false;

  private compute(): void {
    this.valid = null;
    this.derived = null;
    if (this.propertyMessage) return this.setError(this.propertyMessage);
    if (this.matrix === null || this.matrix === undefined) return this.setError(null);
    const checked = checkMatrix(this.matrix);
    if ('error' in checked) return this.setError(checked.message);
    const n = checked.matrix.length;
    const own = this.labels?.trim() ? null : trainerClasses(this.link.trainer, n); // the dataset's names
    const names = own ? { names: own } : classNames(this.labels, n);
    if ('error' in names) return this.setError(names.message);
    this.names = names.names;
    this.valid = checked.matrix;
    this.derived = matrixMetrics(checked.matrix);
    if (this.selected && (this.selected.r >= n || this.selected.c >= n)) this.selected = null;
    this.setError(null);
  }

  /** Selects a cell (its test images show below) and fires `cell-select`, with labels when `labels` is given. */
  private select(r: number, c: number): void {
    if (!this.valid) return;
    this.grid.setActive(r, c);
    this.selected = { r, c };
    const [actual, predicted] = parseLabels(this.labels) !== null ? [this.names[r]!, this.names[c]!] : [r, c];
    this.emit('cell-select', {
      actual,
      predicted,
      count: this.valid[r]![c]!,
      actualIndex: r,
      predictedIndex: c,
    });
  }

  /** The selected cell's thumbnails and the note above them, or `null` when there is nothing to show. */
  private examplesView(): { thumbs: CellExample[]; note: string } | null {
    const sel = this.selected;
    if (!sel) return null;
    const task = this.examplesTask;
    const t = this.localize;
    return (
      task.render({
        pending: () => ({ thumbs: task.value ?? [], note: t.term('cm.loadingImages') }),
        complete: (thumbs) => ({
          thumbs,
          note: (this.valid?.[sel.r]?.[sel.c] ?? 0) === 0 ? t.term('cm.noImages') : '',
        }),
        error: () => ({ thumbs: [], note: t.term('cm.imagesFailed') }),
      }) ?? null
    );
  }

  private cellButton(r: number, c: number): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`button[data-r="${r}"][data-c="${c}"]`);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.paintThumbs();
  }

  /** Paints the thumbnails (after every render: a few 28×28 canvases, and never stale). */
  private paintThumbs(): void {
    const thumbs = this.examplesView()?.thumbs ?? [];
    this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-thumb]').forEach((canvas, i) => {
      const ex = thumbs[i];
      if (ex) paintThumb(canvas, ex);
    });
  }

  protected override render() {
    const t = this.localize;
    if (!this.valid || !this.derived)
      return html`${this.renderError()}${
        this.inputError
          ? nothing
          : renderPlaceholder(t, {
              trainer: !!this.link.trainer,
              ended: this.trainerEnded,
              htmlFor: this.htmlFor,
            })
      }`;
    const view = this.examplesView();
    const sel = this.selected;
    return html`${this.renderError()}${renderMatrix({
      m: this.valid,
      d: this.derived,
      names: this.names,
      normalized: this.normalized,
      selected: sel,
      grid: this.grid,
      select: (r, c) => this.select(r, c),
      showData: this.showData,
      toggleData: () => (this.showData = !this.showData),
      localize: t,
    })}${
      view && sel
        ? renderExamples(t, {
            actual: this.names[sel.r]!,
            predicted: this.names[sel.c]!,
            correct: sel.r === sel.c,
            count: this.valid[sel.r]?.[sel.c] ?? 0,
            thumbs: view.thumbs,
            note: view.note,
          })
        : nothing
    }`;
  }
}
