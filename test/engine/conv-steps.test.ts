// engine/conv-steps.ts: the writer's JSON grids and the window-by-window arithmetic behind <kernel-viewer>.
// Plain inputs → outputs, no DOM.
import { expect } from '@esm-bundle/chai';
import {
  MAX_GRID_VALUE,
  VIEWER_LIMITS,
  channelName,
  clampStep,
  convolveSteps,
  isTap,
  outputUpTo,
  parseGrid,
  planViewer,
  randomGrid,
  viewerSteps,
  type Grid3,
  type ViewerSettings,
} from '../../src/engine/conv-steps.js';
import { outputSize } from '../../src/engine/conv-math.js';
import { mulberry32 } from '../../src/engine/random.js';

const errorOf = (r: ReturnType<typeof parseGrid>) => (r.ok ? null : r.error);

/** A direct convolution by its definition, one output value at a time, for comparison. */
function reference(input: Grid3, kernel: Grid3, pad: number, stride: number, dilation: number): number[][] {
  const [rows, cols] = [input[0]!.length, input[0]![0]!.length];
  const k = kernel[0]!.length;
  const size = (n: number) => {
    const r = outputSize({ input: n, kernel: k, padding: pad, stride, dilation });
    if (!r.ok) throw new Error(r.error);
    return r.size;
  };
  const at = (c: number, y: number, x: number) =>
    y >= 0 && y < rows && x >= 0 && x < cols ? input[c]![y]![x]! : 0;
  return Array.from({ length: size(rows) }, (_, r) =>
    Array.from({ length: size(cols) }, (_, q) => {
      let s = 0;
      for (let c = 0; c < kernel.length; c++)
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++)
            s += at(c, r * stride + i * dilation - pad, q * stride + j * dilation - pad) * kernel[c]![i]![j]!;
      return s;
    }),
  );
}

describe('conv-steps: parseGrid', () => {
  it('reads a 2-D grid as one channel and a 3-D grid as channels', () => {
    const two = parseGrid('[[1,2,3],[4,5,6]]', 'Input', 8, 4);
    expect(two).to.deep.equal({
      ok: true,
      grid: [
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ],
      channels: 1,
      rows: 2,
      cols: 3,
      depth: 2,
    });
    const three = parseGrid([[[1]], [[2]]], 'Kernel', 8, 4);
    expect(three).to.deep.include({ ok: true, channels: 2, rows: 1, cols: 1, depth: 3 });
  });

  it('says what is wrong in words, naming the grid, row and channel', () => {
    expect(errorOf(parseGrid('[[1,2', 'Input', 8, 4))).to.match(/^Input is not valid JSON/);
    expect(errorOf(parseGrid([], 'Input', 8, 4))).to.match(/non-empty array of rows/);
    expect(errorOf(parseGrid([[1, 2], [3]], 'Kernel', 8, 4))).to.equal(
      'Kernel is ragged: row 2 has 1 value, row 1 has 2.',
    );
    expect(errorOf(parseGrid([[[1]], [[2, 3]]], 'Kernel', 8, 4))).to.match(/^Kernel \(channel 2\) is ragged/);
    expect(errorOf(parseGrid([[1, 'a']], 'Input', 8, 4))).to.equal(
      'Input: row 1 holds "a", which is not a finite number.',
    );
    // JSON's 1e309 parses to Infinity, which JSON.stringify would print as "null": it is named in words.
    expect(errorOf(parseGrid('[[1e309]]', 'Input', 8, 4))).to.match(/a number too large to compute with/);
    expect(errorOf(parseGrid([[MAX_GRID_VALUE + 1]], 'Input', 8, 4))).to.match(
      /from −1,000,000 to 1,000,000/,
    );
    expect(errorOf(parseGrid([[1, 2, 3]], 'Input', 2, 4))).to.equal(
      'Input is 1×3: at most 2×2 fits the picture.',
    );
    expect(errorOf(parseGrid([[[1]], [[1]], [[1]]], 'Kernel', 8, 2))).to.equal(
      'Kernel has 3 channels: at most 2.',
    );
  });

  it('copies the values: a later edit of the writer’s array does not change the grid', () => {
    const rows = [[1, 2]];
    const r = parseGrid(rows, 'Input', 8, 4);
    rows[0]![0] = 99;
    expect(r.ok && r.grid[0]![0]![0]).to.equal(1);
  });
});

describe('conv-steps: convolveSteps', () => {
  it('steps the lesson’s 6×6 input, 3×3 kernel, padding 1, stride 2 row by row: 9 windows', () => {
    const input = [Array.from({ length: 6 }, (_, r) => Array.from({ length: 6 }, (_, c) => r * 6 + c))];
    const kernel = [
      [
        [1, 0, -1],
        [2, 0, -2],
        [1, 0, -1],
      ],
    ];
    const steps = convolveSteps(input, kernel, {
      padTop: 1,
      padLeft: 1,
      stride: 2,
      dilation: 1,
      outRows: 3,
      outCols: 3,
    });
    expect(steps.map((s) => [s.row, s.col])).to.deep.equal([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
      [2, 2],
    ]);
    expect(steps.map((s) => [s.top, s.left])[4]).to.deep.equal([2, 2]);
    // The first window hangs over the padding: its top row and left column read zeros.
    const first = steps[0]!.products[0]!;
    expect([...first[0]!, ...first.map((row) => row[0]!)].every((p) => p === 0)).to.equal(true);
    expect(first[2]![2]).to.equal(-7); // input[1][1] = 7 under the kernel's −1
    const ref = reference(input, kernel, 1, 2, 1);
    expect(steps.map((s) => s.value)).to.deep.equal(ref.flat());
  });

  it('sums the products per channel, then over channels; with dilation too', () => {
    const rand = mulberry32(7);
    const input = randomGrid(3, 7, 7, -3, 3, rand);
    const kernel = randomGrid(3, 3, 3, -2, 2, rand);
    const opts = { padTop: 2, padLeft: 2, stride: 1, dilation: 2, outRows: 7, outCols: 7 };
    const steps = convolveSteps(input, kernel, opts);
    for (const s of steps) {
      s.products.forEach((plane, c) =>
        expect(s.channelSums[c]).to.equal(plane.flat().reduce((a, b) => a + b, 0)),
      );
      expect(s.value).to.equal(s.channelSums.reduce((a, b) => a + b, 0));
    }
    expect(steps.map((s) => s.value)).to.deep.equal(reference(input, kernel, 2, 1, 2).flat());
  });
});

describe('conv-steps: randomGrid', () => {
  it('draws integers in [lo, hi], the same ones for the same seed', () => {
    const a = randomGrid(2, 4, 5, -2, 3, mulberry32(1));
    const values = a.flat(2);
    expect(values).to.have.length(40);
    expect(values.every((v) => Number.isInteger(v) && v >= -2 && v <= 3)).to.equal(true);
    expect(new Set(values).size).to.be.greaterThan(3);
    expect(randomGrid(2, 4, 5, -2, 3, mulberry32(1))).to.deep.equal(a);
  });
});

/** The viewer's defaults: the lesson's 6×6 input, 3×3 kernel, padding 1, stride 2. */
const lesson: ViewerSettings = {
  inputSize: '6',
  kernelSize: 3,
  padding: 1,
  stride: 2,
  dilation: 1,
  channels: 1,
  input: null,
  kernel: null,
  seed: 1,
};
const planError = (s: Partial<ViewerSettings>) => {
  const p = planViewer({ ...lesson, ...s });
  return p.ok ? null : p.error;
};

describe('conv-steps: planViewer (the settings of <kernel-viewer>)', () => {
  it("plans the lesson's picture: 6×6, padding 1, 3×3, stride 2 → 3×3, random small integers from the seed", () => {
    const p = planViewer(lesson);
    if (!p.ok) throw new Error(p.error);
    expect(p.geometry).to.deep.equal({
      inRows: 6,
      inCols: 6,
      kRows: 3,
      kCols: 3,
      channels: 1,
      pad: 1,
      stride: 2,
      dilation: 1,
      outRows: 3,
      outCols: 3,
    });
    const rand = mulberry32(1);
    expect(p.input).to.deep.equal(randomGrid(1, 6, 6, 0, 9, rand));
    expect(p.kernel).to.deep.equal(randomGrid(1, 3, 3, -1, 1, rand));
    expect(viewerSteps(p.input, p.kernel, p.geometry).map((w) => w.value)).to.deep.equal(
      reference(p.input, p.kernel, 1, 2, 1).flat(),
    );
  });

  it("takes the writer's grids (sizes and channels from them) as fresh copies", () => {
    const input = [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [0, 0, 0],
        [1, 1, 1],
      ],
    ];
    const p = planViewer({ ...lesson, padding: 0, stride: 1, input, kernel: '[[[1]],[[2]]]' });
    if (!p.ok) throw new Error(p.error);
    expect(p.geometry).to.include({
      inRows: 2,
      inCols: 3,
      kRows: 1,
      kCols: 1,
      channels: 2,
      outRows: 2,
      outCols: 3,
    });
    expect(p.input).to.deep.equal(input);
    p.input[0]![0]![0] = 99;
    expect(input[0]![0]![0]).to.equal(1);
  });

  it('says what is wrong, in the order a reader fixes it', () => {
    expect(planError({ seed: 2.5 })).to.equal('Seed must be a whole number (got 2.5), e.g. 1234.');
    expect(planError({ seed: NaN })).to.equal('Seed must be a whole number, e.g. 1234.');
    expect(planError({ channels: 5 })).to.equal('Channels: at most 4.');
    expect(planError({ input: '[[1,2],[3' })).to.match(/^Input is not valid JSON/);
    expect(planError({ kernel: '[[1,2],[3]]' })).to.match(/^Kernel is ragged/);
    expect(planError({ inputSize: '100' })).to.equal(
      'Input size 100×100 is too large for the picture: at most 32×32.',
    );
    expect(planError({ kernelSize: 9 })).to.equal('Kernel size 9 is too large for the picture: at most 7.');
    expect(planError({ input: '[[[1]],[[1]]]', kernel: '[[1]]' })).to.match(
      /2 channels but the kernel has 1/,
    );
    expect(planError({ padding: 9 })).to.equal('Padding: at most 8 in the picture.');
    expect(planError({ padding: -1 })).to.match(/at least 0/);
    expect(planError({ stride: 0 })).to.match(/stride of 0 would never move/);
    expect(planError({ stride: 33 })).to.equal('Stride: at most 32.');
    expect(planError({ dilation: 8 })).to.equal('Dilation: at most 7.');
    expect(planError({ input: '[[1,2],[3,4]]', padding: 0 })).to.match(/larger than the padded input/);
    expect(planError({ seed: -7 })).to.equal(null);
    expect(VIEWER_LIMITS.channels).to.equal(4);
  });
});

describe('conv-steps: the picture of one window', () => {
  const p = planViewer({ ...lesson, inputSize: '7', padding: 0, stride: 1, dilation: 2 });
  if (!p.ok) throw new Error(p.error);
  const g = p.geometry;
  const steps = viewerSteps(p.input, p.kernel, g);

  it('fills the output up to the step, row by row', () => {
    expect(outputUpTo(steps, g, 0)).to.deep.equal([
      [steps[0]!.value, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    expect(outputUpTo(steps, g, 8).flat()).to.deep.equal(steps.map((s) => s.value));
  });

  it('marks the dilated taps of a window', () => {
    const w = steps[4]!; // top 1, left 1
    const taps: string[] = [];
    for (let y = 0; y < 7; y++) for (let x = 0; x < 7; x++) if (isTap(g, w, y, x)) taps.push(`${y},${x}`);
    expect(taps).to.deep.equal(['1,1', '1,3', '1,5', '3,1', '3,3', '3,5', '5,1', '5,3', '5,5']);
  });

  it('clamps a step and names channels', () => {
    expect([-3, 2.5, 1e9, NaN, Infinity].map((s) => clampStep(s, 9))).to.deep.equal([0, 3, 8, 0, 0]);
    expect(clampStep(4, 0)).to.equal(0);
    expect([0, 1, 2].map((c) => channelName(3, c))).to.deep.equal(['R', 'G', 'B']);
    expect(channelName(1, 0)).to.equal('');
    expect(channelName(2, 1)).to.deep.include({ text: 'channel 2', key: 'viewer.channel' });
  });
});
