/**
 * The English of metrics.ts's messages (see messages.ts): a would-be confusion matrix and its labels. Also the
 * English translation table's entries for them.
 */
import type { MessageFormats } from './messages.js';

type F = MessageFormats;
const n = (f: F, v: number) => f.number(v, { maximumFractionDigits: 6 });

export const METRICS_MESSAGES = {
  'matrix.json': (p: { got: string }) =>
    `The matrix must be a JSON array of rows, e.g. [[5,1],[2,7]] (got "${p.got}").`,
  'matrix.notArray': (p: { got: string }) => `The matrix must be an array of rows (got ${p.got}).`,
  'matrix.empty': 'The matrix is empty: give at least one row.',
  'matrix.tooMany': (p: { rows: number; max: number }) =>
    `The matrix has ${p.rows} rows; at most ${p.max} classes can be shown.`,
  'matrix.rowNotArray': (p: { row: number }) => `Row ${p.row} of the matrix is not an array.`,
  'matrix.notSquare': (p: { row: number; count: number; n: number }, f: F) =>
    `The matrix must be square (n×n): row ${p.row} has ${p.count} ${f.plural(p.count) === 'one' ? 'value' : 'values'}, expected ${p.n}.`,
  /** Where a bad count is (`where` below). */
  'matrix.where': (p: { row: number; col: number }) => `row ${p.row}, column ${p.col}`,
  'matrix.notNumber': (p: { where: string; value: string }) =>
    `Every count must be a number: ${p.where} is ${p.value}.`,
  'matrix.infinite': (p: { where: string }) => `Every count must be finite: ${p.where} is infinite.`,
  'matrix.minusInfinite': (p: { where: string }) =>
    `Every count must be finite: ${p.where} is minus infinity.`,
  'matrix.negative': (p: { where: string; value: number }, f: F) =>
    `Counts cannot be negative: ${p.where} is ${n(f, p.value)}.`,
  'matrix.notWhole': (p: { where: string; value: number }, f: F) =>
    `Counts must be whole numbers: ${p.where} is ${n(f, p.value)}. (Use normalize to show fractions.)`,
  'matrix.tooLarge': (p: { where: string; max: number }, f: F) =>
    `The counts are too large: their total must be at most ${f.number(p.max)} (${p.where} brings it past that).`,
  'labels.count': (p: { count: number; n: number }, f: F) =>
    `${p.count} ${f.plural(p.count) === 'one' ? 'label' : 'labels'} for ${p.n} classes: give one label per class, comma-separated.`,
  'labels.empty': (p: { which: string; count: number }, f: F) =>
    `${f.plural(p.count) === 'one' ? `Label ${p.which} is` : `Labels ${p.which} are`} empty: give every class a name, comma-separated (e.g. "cat,dog,bird").`,
};
