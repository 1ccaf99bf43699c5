// engine/metrics.ts: checking a confusion matrix and what follows from it. Plain inputs → outputs, no DOM.
import { expect } from '@esm-bundle/chai';
import {
  MAX_CLASSES,
  checkMatrix,
  classNames,
  copyRows,
  matrixMetrics,
  parseLabels,
} from '../../src/engine/metrics.js';

const errorOf = (m: unknown) => {
  const r = checkMatrix(m);
  return 'error' in r ? r.error : null;
};

describe('metrics: checkMatrix', () => {
  it('accepts a square matrix of counts and returns a copy', () => {
    const m = [
      [5, 1],
      [2, 7],
    ];
    const r = checkMatrix(m);
    expect(r).to.deep.equal({ matrix: m });
    m[0]![0] = 99;
    expect('matrix' in r && r.matrix[0]![0]).to.equal(5);
  });

  it('says what is wrong and where', () => {
    expect(errorOf('[[1]]')).to.match(/^The matrix must be a JSON array of rows/);
    expect(errorOf(null)).to.equal('The matrix must be an array of rows (got null).');
    expect(errorOf([])).to.equal('The matrix is empty: give at least one row.');
    expect(errorOf([[1, 2], 3])).to.equal('Row 2 of the matrix is not an array.');
    expect(errorOf([[1, 2], [3]])).to.equal(
      'The matrix must be square (n×n): row 2 has 1 value, expected 2.',
    );
    expect(
      errorOf([
        [1, 'a'],
        [0, 1],
      ]),
    ).to.equal('Every count must be a number: row 1, column 2 is "a".');
    expect(errorOf([[-Infinity]])).to.equal('Every count must be finite: row 1, column 1 is minus infinity.');
    expect(errorOf([[-1]])).to.equal('Counts cannot be negative: row 1, column 1 is -1.');
    expect(errorOf([[0.5]])).to.match(/^Counts must be whole numbers: row 1, column 1 is 0.5/);
    expect(
      errorOf([
        [Number.MAX_SAFE_INTEGER, 1],
        [0, 0],
      ]),
    ).to.equal(
      'The counts are too large: their total must be at most 9,007,199,254,740,991 (row 1, column 2 brings it past that).',
    );
    const big = Array.from({ length: MAX_CLASSES + 1 }, () => new Array<number>(MAX_CLASSES + 1).fill(0));
    expect(errorOf(big)).to.equal(
      `The matrix has ${MAX_CLASSES + 1} rows; at most ${MAX_CLASSES} classes can be shown.`,
    );
  });
});

describe('metrics: matrixMetrics', () => {
  it('derives totals, accuracy, precision, recall and row fractions (rows = actual)', () => {
    const d = matrixMetrics([
      [5, 1, 0],
      [2, 7, 1],
      [0, 0, 4],
    ]);
    expect(d.n).to.equal(3);
    expect(d.rowSums).to.deep.equal([6, 10, 4]);
    expect(d.colSums).to.deep.equal([7, 8, 5]);
    expect([d.total, d.correct, d.max]).to.deep.equal([20, 16, 7]);
    expect(d.accuracy).to.equal(16 / 20);
    expect(d.recall).to.deep.equal([5 / 6, 7 / 10, 4 / 4]);
    expect(d.precision).to.deep.equal([5 / 7, 7 / 8, 4 / 5]);
    expect(d.normalized[1]).to.deep.equal([0.2, 0.7, 0.1]);
    d.normalized.forEach((row) => expect(row.reduce<number>((a, b) => a + b!, 0)).to.be.closeTo(1, 1e-12));
  });

  it('gives null, never NaN, where there is nothing to divide by', () => {
    // Class 1 never present (row of zeros), class 2 never predicted (column of zeros).
    const d = matrixMetrics([
      [3, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
    expect(d.recall).to.deep.equal([1, null, 0]);
    expect(d.precision).to.deep.equal([3 / 4, null, null]);
    expect(d.normalized[1]).to.deep.equal([null, null, null]);
    const zero = matrixMetrics([
      [0, 0],
      [0, 0],
    ]);
    expect([zero.accuracy, zero.max, zero.total]).to.deep.equal([null, 0, 0]);
  });
});

describe('metrics: class labels', () => {
  it('parses comma-separated labels, trimmed; empty text means none', () => {
    expect(parseLabels(' cat, dog ,fox ')).to.deep.equal(['cat', 'dog', 'fox']);
    expect(parseLabels('a,,c')).to.deep.equal(['a', '', 'c']);
    for (const none of [null, undefined, '', '  ']) expect(parseLabels(none)).to.equal(null);
  });

  it('names the classes: the labels, one per class, else the indices', () => {
    expect(classNames('cat,dog,fox', 3)).to.deep.equal({ names: ['cat', 'dog', 'fox'] });
    expect(classNames(null, 3)).to.deep.equal({ names: ['0', '1', '2'] });
    expect(classNames('a,b', 3)).to.deep.include({
      error: '2 labels for 3 classes: give one label per class, comma-separated.',
    });
    expect(classNames('a', 2)).to.deep.include({
      error: '1 label for 2 classes: give one label per class, comma-separated.',
    });
    expect(classNames('a,,c', 3)).to.deep.include({
      error: 'Label 2 is empty: give every class a name, comma-separated (e.g. "cat,dog,bird").',
    });
    expect(classNames(',b,', 3)).to.deep.include({
      error: 'Labels 1, 3 are empty: give every class a name, comma-separated (e.g. "cat,dog,bird").',
    });
  });
});

describe('metrics: copyRows', () => {
  it("copies a trainer's matrix row by row; anything else is no data or left for checkMatrix", () => {
    const m = [
      [1, 2],
      [3, 4],
    ];
    const copy = copyRows(m)!;
    expect(copy).to.deep.equal(m);
    m[0]![0] = 9;
    expect((copy[0] as number[])[0]).to.equal(1);
    expect(copyRows([[1], 'x'])).to.deep.equal([[1], 'x']);
    for (const none of [null, undefined, 'text', 3, {}]) expect(copyRows(none)).to.equal(null);
  });
});
