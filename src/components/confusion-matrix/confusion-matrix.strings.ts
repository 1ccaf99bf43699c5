/**
 * `<confusion-matrix>`'s English (see shared/shared.strings.ts for how a table is written). Class names
 * (`labels`, a dataset's classes, or 0 … 9) are shown as given. `{0}` marks where a number in bold goes.
 */
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;
const images = (f: F, n: number) => `${f.number(n)} ${f.plural(n) === 'one' ? 'image' : 'images'}`;

export const MATRIX_EN = {
  'cm.recallHint': 'Of the examples of this class, the fraction the network found',
  'cm.precisionHint': 'Of the predictions of this class, the fraction that were right',
  'cm.recall': 'Recall',
  'cm.precision': 'Precision',
  'cm.predicted': 'Predicted',
  'cm.actual': 'Actual',
  'cm.waitingEpoch': 'Waiting for the trainer to finish its first epoch…',
  'cm.endedEarly':
    'The trainer’s run ended before the test set was evaluated: start it again for a confusion matrix.',
  'cm.waitingId': (p: { id: string }) => `Waiting for an element with id "${p.id}".`,
  'cm.noData': 'No data yet: set the matrix property, or for="id" of a <cnn-trainer>.',
  'cm.caption': 'Confusion matrix: rows are the actual class, columns the predicted class.',
  'cm.captionNormalized':
    'Confusion matrix: rows are the actual class, columns the predicted class, as fractions of each row.',
  /** A cell's accessible name: it starts with what the cell shows (WCAG 2.5.3). */
  'cm.cell': (p: { value: string; actual: string; predicted: string; share: string }) =>
    `${p.value} actual ${p.actual} predicted as ${p.predicted}${p.share ? ` (${p.share} of actual ${p.actual})` : ''}`,
  'cm.cellNormalized': (p: { value: string; actual: string; predicted: string; count: number }, f: F) =>
    `${p.value} of actual ${p.actual} predicted as ${p.predicted} (${images(f, p.count)})`,
  'cm.correct': ', correct',
  /** The line under the table. {0}: the accuracy, in bold. */
  'cm.accuracy': (p: { correct: number; total: number }, f: F) =>
    `Accuracy {0} (${f.number(p.correct)} of ${f.number(p.total)} on the diagonal)`,
  /**
   * The colour scale of a normalized matrix. `range`: `0 → 1`, written by the element with the arrow pointing
   * the way the ramp runs (`0 ← 1` right-to-left) and the numbers in the locale's digits.
   */
  'cm.scaleRow': (p: { range: string }) => `${p.range} of row`,
  'cm.mostConfused': (p: { actual: string; predicted: string; count: number }, f: F) =>
    `Most often confused: actual ${p.actual} predicted as ${p.predicted} (${images(f, p.count)}).`,
  'cm.noConfusion': 'Nothing confused: every test image is on the diagonal.',
  // The selected cell's test images.
  'cm.examples': (p: { actual: string; predicted: string }) =>
    `Test images: actual ${p.actual}, predicted ${p.predicted}`,
  /** Class names are shown as given, never pluralised ('Dresss'). */
  'cm.readCorrectly': (p: { actual: string }) => `Actual ${p.actual}, read correctly`,
  'cm.readAs': (p: { actual: string; predicted: string }) => `Actual ${p.actual}, read as ${p.predicted}`,
  'cm.imageCount': (p: { count: number; shown: number }, f: F) =>
    `${images(f, p.count)}${p.shown && p.shown < p.count ? `, first ${f.number(p.shown)} shown` : ''}`,
  'cm.loadingImages': 'Loading test images…',
  'cm.noImages': 'No test images in this cell.',
  'cm.imagesFailed': 'The test images could not be read (the model may have been disposed).',
  'cm.thumb': (p: { index: number; actual: string; predicted: string }) =>
    `Test image ${p.index}: ${p.actual}, predicted ${p.predicted}`,
  // The data table: one row per class.
  'cm.table': 'Each class: its test images, how many were read correctly, recall and precision',
  'cm.col.class': 'Actual class',
  'cm.col.count': 'Test images',
  'cm.col.correct': 'Read correctly',
  'cm.col.confused': 'Most often read as',
};
