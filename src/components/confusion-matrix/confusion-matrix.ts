import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { inlineStyle } from '../shared/inline-style.js';
import { CnnElement } from '../shared/cnn-element.js';
import { booleanValue, parsedJsonArrayValue, stringValue } from '../shared/property-values.js';
import { TrainerLink } from '../shared/trainer-link.js';
import { Task, initialState } from '../shared/task.js';
import { RovingGrid } from '../shared/roving-grid.js';
import { formatFixed, formatInteger, formatPercent, MISSING } from '../shared/format.js';
import { paintGrey } from '../shared/paint.js';
import { colourAt, cssRgb, textOn } from '../shared/colour-scale.js';
import type { TestExample } from '../../engine/training/types.js';
import { styles } from './confusion-matrix.styles.js';

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

/** Largest matrix shown: beyond that a grid of buttons is unreadable (and a typo, most likely). */
export const MAX_CLASSES = 100;
/** Thumbnails shown for a selected cell. */
export const EXAMPLE_LIMIT = 24;

/**
 * Checks a would-be confusion matrix: a square array of arrays of non-negative whole numbers.
 * Returns a copy (so later edits of the caller's arrays cannot change what is shown) or a message.
 */
export function checkMatrix(m: unknown): { matrix: number[][] } | { error: string } {
  if (typeof m === 'string')
    return {
      error: `The matrix must be a JSON array of rows, e.g. [[5,1],[2,7]] (got "${m.slice(0, 40)}").`,
    };
  if (!Array.isArray(m))
    return { error: `The matrix must be an array of rows (got ${m === null ? 'null' : typeof m}).` };
  const n = m.length;
  if (n === 0) return { error: 'The matrix is empty: give at least one row.' };
  if (n > MAX_CLASSES)
    return { error: `The matrix has ${n} rows; at most ${MAX_CLASSES} classes can be shown.` };
  const out: number[][] = [];
  let total = 0;
  for (let r = 0; r < n; r++) {
    const row: unknown = m[r];
    if (!Array.isArray(row)) return { error: `Row ${r + 1} of the matrix is not an array.` };
    if (row.length !== n) {
      return {
        error: `The matrix must be square (n×n): row ${r + 1} has ${row.length} values, expected ${n}.`,
      };
    }
    const copy: number[] = [];
    for (let c = 0; c < n; c++) {
      const v: unknown = row[c];
      const where = `row ${r + 1}, column ${c + 1}`;
      if (typeof v !== 'number' || Number.isNaN(v))
        return { error: `Every count must be a number: ${where} is ${JSON.stringify(v) ?? String(v)}.` };
      if (!Number.isFinite(v))
        return { error: `Every count must be finite: ${where} is ${v > 0 ? 'infinite' : 'minus infinity'}.` };
      if (v < 0) return { error: `Counts cannot be negative: ${where} is ${v}.` };
      if (!Number.isInteger(v))
        return {
          error: `Counts must be whole numbers: ${where} is ${v}. (Use normalize to show fractions.)`,
        };
      copy.push(v);
      // Sums of counts (row, column and grand totals) must stay exact integers: past 2^53 they round, and
      // 1e308 + 1e308 is Infinity (an accuracy of NaN %).
      total += v;
      if (total > Number.MAX_SAFE_INTEGER) {
        return {
          error: `The counts are too large: their total must be at most ${countFormat.format(Number.MAX_SAFE_INTEGER)} (${where} brings it past that).`,
        };
      }
    }
    out.push(copy);
  }
  return { matrix: out };
}

/** The `matrix` property: an array of rows, or its JSON text (parsed, so it reads back as the array). */
const matrixValue = {
  ...parsedJsonArrayValue,
  expects: 'an array of rows (or its JSON text), e.g. [[5,1],[2,7]]',
};

/** Parses `labels`: comma-separated, trimmed; empty text means "no labels" (indices are used). */
export const parseLabels = (text: string | null | undefined): string[] | null => {
  if (text == null || text.trim() === '') return null;
  return text.split(',').map((s) => s.trim());
};

/** The 1-based positions of empty labels (`"a,,c"` → [2]), to explain them. */
const emptyLabels = (labels: string[]): number[] => labels.flatMap((l, i) => (l === '' ? [i + 1] : []));

const countFormat = new Intl.NumberFormat('en-US');

/** The numbers derived from a valid matrix. */
interface Derived {
  n: number;
  rowSums: number[];
  colSums: number[];
  total: number;
  max: number;
  precision: (number | null)[];
  recall: (number | null)[];
  accuracy: number | null;
}

function derive(m: number[][]): Derived {
  const n = m.length;
  const rowSums = m.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: n }, (_, c) => m.reduce((a, row) => a + row[c]!, 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  const trace = m.reduce((a, row, i) => a + row[i]!, 0);
  let max = 0;
  for (const row of m) for (const v of row) max = Math.max(max, v);
  return {
    n,
    rowSums,
    colSums,
    total,
    max,
    // A class never predicted has no precision, a class never present no recall: shown as "—", never NaN.
    precision: colSums.map((s, j) => (s > 0 ? m[j]![j]! / s : null)),
    recall: rowSums.map((s, i) => (s > 0 ? m[i]![i]! / s : null)),
    accuracy: total > 0 ? trace / total : null,
  };
}

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
 * @csspart summary - The accuracy line under the table.
 * @csspart placeholder - The note shown before there is data.
 * @csspart examples - The thumbnails of the selected cell's test images.
 *
 * @cssproperty [--cnn-matrix-cell-size=2.6em] Minimum width and height of a cell.
 * @cssproperty [--cnn-matrix-diagonal=var(--cnn-fg)] Outline colour of the diagonal cells.
 */
export class ConfusionMatrix extends CnnElement<ConfusionMatrixEventMap> {
  static override styles = [...CnnElement.styles, styles];

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

  /** Class names, comma-separated (default: 0, 1, 2, …). Must have one per class. */
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
  @state() private derived: Derived | null = null;
  @state() private names: string[] = [];
  @state() private selected: { r: number; c: number } | null = null;

  /** The `<cnn-trainer>` named by `for`: its matrix is read again when a run starts, after each epoch and at the end. */
  private readonly link = new TrainerLink(this, {
    on: {
      'train-start': () => this.pull(),
      'train-epoch': () => this.pull(),
      'train-end': () => this.pull(),
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
    const m = t.confusion;
    this.matrix = Array.isArray(m)
      ? (m as number[][]).map((row) => (Array.isArray(row) ? [...(row as number[])] : row))
      : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.link.setFor(this.htmlFor);
    // A wrong-typed property hides the table; fixing it (whichever property it was) shows it again.
    if (changed.has('matrix') || changed.has('labels') || this.propertyError !== this.computedWith) {
      this.computedWith = this.propertyError;
      this.compute();
    }
  }
  /** The `propertyError` of the last `compute()`. */
  private computedWith: string | null = null;

  private compute(): void {
    this.valid = null;
    this.derived = null;
    if (this.propertyError) return this.setError(this.propertyError);
    if (this.matrix === null || this.matrix === undefined) {
      this.setError(null);
      return;
    }
    const checked = checkMatrix(this.matrix);
    if ('error' in checked) return this.setError(checked.error);
    const n = checked.matrix.length;
    const labels = parseLabels(this.labels);
    if (labels && labels.length !== n) {
      return this.setError(
        `${labels.length} label${labels.length === 1 ? '' : 's'} for ${n} classes: give one label per class, comma-separated.`,
      );
    }
    const empty = labels ? emptyLabels(labels) : [];
    if (empty.length) {
      return this.setError(
        `Label${empty.length === 1 ? '' : 's'} ${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty: give every class a name, comma-separated (e.g. "cat,dog,bird").`,
      );
    }
    this.names = labels ?? Array.from({ length: n }, (_, i) => String(i));
    this.valid = checked.matrix;
    this.derived = derive(checked.matrix);
    if (this.selected && (this.selected.r >= n || this.selected.c >= n)) this.selected = null;
    this.setError(null);
  }

  private detailFor(r: number, c: number): CellSelectDetail {
    const labelled = parseLabels(this.labels) !== null;
    return {
      actual: labelled ? this.names[r]! : r,
      predicted: labelled ? this.names[c]! : c,
      count: this.valid![r]![c]!,
      actualIndex: r,
      predictedIndex: c,
    };
  }

  private select(r: number, c: number): void {
    if (!this.valid) return;
    this.grid.setActive(r, c);
    this.selected = { r, c };
    this.emit('cell-select', this.detailFor(r, c));
  }

  /** The selected cell's thumbnails and the note above them, or `null` when there is nothing to show. */
  private examplesView(): { thumbs: CellExample[]; note: string } | null {
    const sel = this.selected;
    if (!sel) return null;
    const task = this.examplesTask;
    return (
      task.render({
        pending: () => ({ thumbs: task.value ?? [], note: 'Loading test images…' }),
        complete: (thumbs) => ({
          thumbs,
          note: (this.valid?.[sel.r]?.[sel.c] ?? 0) === 0 ? 'No test images in this cell.' : '',
        }),
        error: () => ({
          thumbs: [],
          note: 'The test images could not be read (the model may have been disposed).',
        }),
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
      // MNIST is white ink on black; show dark ink on light paper, as the digits were written.
      if (ex) paintGrey(canvas, ex.pixels, 28, 28, { invert: true });
    });
  }

  protected override render() {
    return html`${this.renderError()}${this.valid && this.derived ? this.renderTable(this.valid, this.derived) : this.renderPlaceholder()}`;
  }

  private renderPlaceholder() {
    if (this.inputError) return nothing;
    let text: string;
    if (this.link.trainer) text = 'Waiting for the trainer to finish its first epoch…';
    else if (this.htmlFor) text = `Waiting for an element with id "${this.htmlFor}".`;
    else text = 'No data yet: set the matrix property, or for="id" of a <cnn-trainer>.';
    // Bound to a trainer, the 10 × 10 table will appear after the first epoch: keep its room from the start so
    // the page below does not jump when it does.
    return html`<p part="placeholder" class=${this.htmlFor ? 'placeholder reserve' : 'placeholder'}>
      ${text}
    </p>`;
  }

  private renderTable(m: number[][], d: Derived) {
    const n = d.n;
    const names = this.names;
    const norm = this.normalized;
    const cells = (r: number) =>
      m[r]!.map((count, c) => {
        const rowSum = d.rowSums[r]!;
        const frac = rowSum > 0 ? count / rowSum : null;
        const t = norm ? (frac ?? 0) : d.max > 0 ? count / d.max : 0;
        const bg = colourAt(t, 'viridis');
        const text = norm ? (frac === null ? MISSING : formatFixed(frac, 2)) : formatInteger(count);
        const diag = r === c;
        const sel = this.selected?.r === r && this.selected?.c === c;
        // The accessible name starts with the visible text (WCAG 2.5.3, label in name), then the headers.
        const label = norm
          ? `${text} of actual ${names[r]} predicted as ${names[c]} (${formatInteger(count)} images)${diag ? ', correct' : ''}`
          : `${text} actual ${names[r]} predicted as ${names[c]}${frac === null ? '' : ` (${formatPercent(frac)} of actual ${names[r]})`}${diag ? ', correct' : ''}`;
        return html`<td class=${diag ? 'diag' : ''}>
          <button
            part="cell"
            data-r=${r}
            data-c=${c}
            tabindex=${this.grid.tabIndex(r, c)}
            aria-label=${label}
            aria-pressed=${sel ? 'true' : 'false'}
            ${inlineStyle({ background: cssRgb(bg), color: textOn(bg) })}
            @click=${() => this.select(r, c)}
            @focus=${() => this.grid.setActive(r, c)}
          >
            ${text}
          </button>
        </td>`;
      });
    return html`
      <div class="wrap">
        <table part="table" @keydown=${this.grid.handleKey}>
          <caption class="visually-hidden">
            Confusion matrix: rows are the actual class, columns the predicted
            class${norm ? ', as fractions of each row' : ''}.
          </caption>
          <thead>
            <tr>
              <td colspan="2"></td>
              <th scope="colgroup" colspan=${n} class="axis-x">Predicted →</th>
              <td></td>
            </tr>
            <tr>
              <td colspan="2"></td>
              ${names.map((name) => html`<th scope="col" class="label">${name}</th>`)}
              <th
                scope="col"
                class="metric"
                title="Of the examples of this class, the fraction the network found"
              >
                Recall
              </th>
            </tr>
          </thead>
          <tbody>
            ${m.map(
              (_row, r) =>
                html`<tr>
                  ${
                    r === 0
                      ? html`<th scope="rowgroup" rowspan=${n} class="axis-y"><span>Actual ↓</span></th>`
                      : nothing
                  }
                  <th scope="row" class="label">${names[r]}</th>
                  ${cells(r)}
                  <td class="metric">${formatPercent(d.recall[r]!)}</td>
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <td></td>
              <th
                scope="row"
                class="metric"
                title="Of the predictions of this class, the fraction that were right"
              >
                Precision
              </th>
              ${d.precision.map((p) => html`<td class="metric">${formatPercent(p)}</td>`)}
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p part="summary" class="summary">
        Accuracy <strong>${formatPercent(d.accuracy)}</strong>
        (${formatInteger(m.reduce((a, row, i) => a + row[i]!, 0))} of ${formatInteger(d.total)} on the
        diagonal)
        <span class="scale" aria-hidden="true"
          ><span class="ramp"></span>${norm ? '0 → 1 of row' : `0 → ${formatInteger(d.max)}`}</span
        >
      </p>
      ${this.renderExamples()}
    `;
  }

  private renderExamples() {
    const view = this.examplesView();
    if (!view || !this.selected) return nothing;
    const { thumbs, note } = view;
    const { r, c } = this.selected;
    const a = this.names[r];
    const p = this.names[c];
    const count = this.valid?.[r]?.[c] ?? 0;
    return html`<section
      part="examples"
      class="examples"
      aria-label=${`Test images: actual ${a}, predicted ${p}`}
    >
      <h3>
        ${r === c ? `${a}s read correctly` : `${a}s the network read as ${p}`} · ${formatInteger(count)}
        image${count === 1 ? '' : 's'}${
          thumbs.length && thumbs.length < count ? `, first ${thumbs.length} shown` : ''
        }
      </h3>
      ${note ? html`<p class="note">${note}</p>` : nothing}
      <div class="thumbs">
        ${thumbs.map(
          (t) =>
            html`<canvas
              data-thumb
              width="28"
              height="28"
              role="img"
              aria-label=${`Test image ${t.index}: a handwritten ${a}, predicted ${p}`}
            ></canvas>`,
        )}
      </div>
    </section>`;
  }
}
