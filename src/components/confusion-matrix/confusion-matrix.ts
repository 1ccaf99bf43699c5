import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { inlineStyle } from '../shared/inline-style.js';
import { CnnElement } from '../shared/cnn-element.js';
import { booleanValue, parsedJsonArrayValue, stringValue } from '../shared/property-values.js';
import { TrainerLink } from '../shared/trainer-link.js';
import { Task, initialState } from '../shared/task.js';
import { RovingGrid } from '../shared/roving-grid.js';
import { formatFixed, formatInteger, formatPercent, MISSING } from '../shared/format.js';
import { paintThumb, thumbShape, trainerClasses } from './dataset-view.js';
import { colourAt, cssRgb, textOn } from '../shared/colour-scale.js';
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

/** What recall and precision mean, as the headers' tooltips say. */
const RECALL = 'Of the examples of this class, the fraction the network found';
const PRECISION = 'Of the predictions of this class, the fraction that were right';

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
    if (t) this.matrix = copyRows(t.confusion) as number[][] | null;
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
    if (this.matrix === null || this.matrix === undefined) return this.setError(null);
    const checked = checkMatrix(this.matrix);
    if ('error' in checked) return this.setError(checked.error);
    const n = checked.matrix.length;
    const own = this.labels?.trim() ? null : trainerClasses(this.link.trainer, n); // the dataset's names
    const names = own ? { names: own } : classNames(this.labels, n);
    if ('error' in names) return this.setError(names.error);
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
      if (ex) paintThumb(canvas, ex);
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

  private renderTable(m: number[][], d: MatrixMetrics) {
    const n = d.n;
    const names = this.names;
    const norm = this.normalized;
    const cells = (r: number) =>
      m[r]!.map((count, c) => {
        const frac = d.normalized[r]![c]!;
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
              <th scope="col" class="metric" title=${RECALL}>Recall</th>
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
              <th scope="row" class="metric" title=${PRECISION}>Precision</th>
              ${d.precision.map((p) => html`<td class="metric">${formatPercent(p)}</td>`)}
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p part="summary" class="summary">
        Accuracy <strong>${formatPercent(d.accuracy)}</strong>
        (${formatInteger(d.correct)} of ${formatInteger(d.total)} on the diagonal)
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
        ${r === c ? `Actual ${a}, read correctly` : `Actual ${a}, read as ${p}`} · ${formatInteger(count)}
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
              width=${thumbShape(t)[1]}
              height=${thumbShape(t)[0]}
              role="img"
              aria-label=${`Test image ${t.index}: ${a}, predicted ${p}`}
            ></canvas>`,
        )}
      </div>
    </section>`;
  }
}
