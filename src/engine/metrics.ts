/**
 * A classifier's confusion matrix as numbers, for `<confusion-matrix>` (and any lesson that scripts its own):
 * checking a would-be matrix and its class labels, and what follows from it — row and column totals, accuracy,
 * per-class precision and recall, and each row as fractions. Rows are the actual class, columns the predicted one.
 *
 * LIGHT: no DOM, no TensorFlow.js. Nothing here is ever NaN: a quantity with nothing to divide by (a class never
 * predicted, a matrix of zeros) is `null`, which the element shows as "—".
 */
import { messagesOf, type Message } from './messages.js';
import { METRICS_MESSAGES } from './metrics.messages.js';

export { METRICS_MESSAGES } from './metrics.messages.js';

const say = messagesOf(METRICS_MESSAGES);
const bad = (m: Message) => ({ error: m.text, message: m });

/** Largest matrix accepted: beyond that a grid of buttons is unreadable (and a typo, most likely). */
export const MAX_CLASSES = 100;

/**
 * Checks a would-be confusion matrix: a square array of arrays of non-negative whole numbers, at most
 * `MAX_CLASSES` a side, whose total stays an exact integer. Returns a copy (so later edits of the caller's arrays
 * cannot change what is shown) or a message that says what is wrong and where (`error`: its English text).
 */
export function checkMatrix(m: unknown): { matrix: number[][] } | { error: string; message: Message } {
  if (typeof m === 'string') return bad(say('matrix.json', { got: m.slice(0, 40) }));
  if (!Array.isArray(m)) return bad(say('matrix.notArray', { got: m === null ? 'null' : typeof m }));
  const n = m.length;
  if (n === 0) return bad(say('matrix.empty'));
  if (n > MAX_CLASSES) return bad(say('matrix.tooMany', { rows: n, max: MAX_CLASSES }));
  const out: number[][] = [];
  let total = 0;
  for (let r = 0; r < n; r++) {
    const row: unknown = m[r];
    if (!Array.isArray(row)) return bad(say('matrix.rowNotArray', { row: r + 1 }));
    if (row.length !== n) return bad(say('matrix.notSquare', { row: r + 1, count: row.length, n }));
    const copy: number[] = [];
    for (let c = 0; c < n; c++) {
      const v: unknown = row[c];
      const where = say('matrix.where', { row: r + 1, col: c + 1 });
      if (typeof v !== 'number' || Number.isNaN(v))
        return bad(say('matrix.notNumber', { where, value: JSON.stringify(v) ?? String(v) }));
      if (!Number.isFinite(v)) return bad(say(v > 0 ? 'matrix.infinite' : 'matrix.minusInfinite', { where }));
      if (v < 0) return bad(say('matrix.negative', { where, value: v }));
      if (!Number.isInteger(v)) return bad(say('matrix.notWhole', { where, value: v }));
      copy.push(v);
      // Sums of counts (row, column and grand totals) must stay exact integers: past 2^53 they round, and
      // 1e308 + 1e308 is Infinity (an accuracy of NaN %).
      total += v;
      if (total > Number.MAX_SAFE_INTEGER)
        return bad(say('matrix.tooLarge', { where, max: Number.MAX_SAFE_INTEGER }));
    }
    out.push(copy);
  }
  return { matrix: out };
}

/**
 * A matrix as a trainer holds it, copied row by row, so that the trainer's later updates do not change what was
 * read; a value that is not an array of rows is `null` (no data), a row that is not an array stays as it is, for
 * `checkMatrix` to explain.
 */
export function copyRows(m: unknown): unknown[] | null {
  return Array.isArray(m)
    ? m.map((row: unknown) => (Array.isArray(row) ? [...(row as unknown[])] : row))
    : null;
}

/** Parses `labels`: comma-separated, trimmed; empty text means "no labels" (indices are used). */
export const parseLabels = (text: string | null | undefined): string[] | null => {
  if (text == null || text.trim() === '') return null;
  return text.split(',').map((s) => s.trim());
};

/**
 * The class names of an `n`-class matrix: the writer's `labels` (one per class, none empty), else the indices
 * `0 … n−1`; or a message that says what to fix.
 */
export function classNames(
  labels: string | null | undefined,
  n: number,
): { names: string[] } | { error: string; message: Message } {
  const parsed = parseLabels(labels);
  if (!parsed) return { names: Array.from({ length: n }, (_, i) => String(i)) };
  if (parsed.length !== n) return bad(say('labels.count', { count: parsed.length, n }));
  const empty = parsed.flatMap((l, i) => (l === '' ? [i + 1] : []));
  if (empty.length) return bad(say('labels.empty', { which: empty.join(', '), count: empty.length }));
  return { names: parsed };
}

/** The numbers derived from a valid matrix (see `checkMatrix`). */
export interface MatrixMetrics {
  /** Number of classes. */
  n: number;
  /** Examples of each actual class (row totals). */
  rowSums: number[];
  /** Predictions of each class (column totals). */
  colSums: number[];
  /** All examples. */
  total: number;
  /** Examples on the diagonal: predicted as their actual class. */
  correct: number;
  /** The largest count (the top of the colour scale), 0 for an all-zero matrix. */
  max: number;
  /** Of the predictions of class j, the fraction that were right; `null` for a class never predicted. */
  precision: (number | null)[];
  /** Of the examples of class i, the fraction found; `null` for a class never present. */
  recall: (number | null)[];
  /** `correct / total`, or `null` for an empty (all-zero) matrix. */
  accuracy: number | null;
  /** Each count as a fraction of its row (how each actual class was spread); `null` in an all-zero row. */
  normalized: (number | null)[][];
}

/** Totals, accuracy, precision, recall and row fractions of a valid matrix. Never NaN (see the module comment). */
export function matrixMetrics(m: readonly (readonly number[])[]): MatrixMetrics {
  const n = m.length;
  const rowSums = m.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: n }, (_, c) => m.reduce((a, row) => a + row[c]!, 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  const correct = m.reduce((a, row, i) => a + row[i]!, 0);
  let max = 0;
  for (const row of m) for (const v of row) max = Math.max(max, v);
  return {
    n,
    rowSums,
    colSums,
    total,
    correct,
    max,
    precision: colSums.map((s, j) => (s > 0 ? m[j]![j]! / s : null)),
    recall: rowSums.map((s, i) => (s > 0 ? m[i]![i]! / s : null)),
    accuracy: total > 0 ? correct / total : null,
    normalized: m.map((row, i) => row.map((v) => (rowSums[i]! > 0 ? v / rowSums[i]! : null))),
  };
}
