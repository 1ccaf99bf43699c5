/**
 * The step-by-step convolution behind `<kernel-viewer>` (its grid parsing is reused by `<feature-map>`'s custom
 * kernels, engine/filters.ts): parsing of the writer's JSON grids with errors a reader understands, and the
 * window-by-window arithmetic of a direct convolution. No DOM, no TensorFlow.js — the viewer must stay light.
 */

/** Values of a multi-channel grid: `[channels][rows][cols]`. A 2-D grid is stored as one channel. */
export type Grid3 = number[][][];

/** A `channels × rows × cols` grid of random integers in `[lo, hi]`, drawn from `rand`. */
export function randomGrid(
  channels: number,
  rows: number,
  cols: number,
  lo: number,
  hi: number,
  rand: () => number,
): Grid3 {
  return Array.from({ length: channels }, () =>
    Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => lo + Math.floor(rand() * (hi - lo + 1))),
    ),
  );
}

/**
 * Largest magnitude of a grid value. A lesson's pixels and weights are small; beyond this, products and sums
 * would print as walls of digits or overflow to infinity (1e308 · 1e308), so the value is refused instead.
 */
export const MAX_GRID_VALUE = 1_000_000;

/** A rejected grid value in words: JSON's 1e309 arrives as Infinity, which `JSON.stringify` would print "null". */
const valueText = (x: unknown): string =>
  typeof x === 'number'
    ? Number.isNaN(x)
      ? 'a value that is not a number'
      : !Number.isFinite(x)
        ? 'a number too large to compute with'
        : String(x)
    : (JSON.stringify(x) ?? String(x));

export type ParsedGrid =
  | { ok: true; grid: Grid3; channels: number; rows: number; cols: number; depth: 2 | 3 }
  | { ok: false; error: string };

/**
 * Reads a grid given as JSON text (or as an array already): 2-D `[rows][cols]` or 3-D `[channels][rows][cols]`.
 * Checks everything a writer can get wrong — malformed JSON, ragged rows, non-numbers, empty arrays, sizes over
 * `maxSide` — and says which, in words, instead of throwing.
 */
export function parseGrid(value: unknown, name: string, maxSide: number, maxChannels: number): ParsedGrid {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return { ok: false, error: `${name} is not valid JSON: write an array of rows, e.g. [[1,0],[0,1]].` };
    }
  }
  if (!Array.isArray(v) || v.length === 0) {
    return { ok: false, error: `${name} must be a non-empty array of rows, e.g. [[1,0],[0,1]].` };
  }
  const depth: 2 | 3 = Array.isArray(v[0]) && Array.isArray((v[0] as unknown[])[0]) ? 3 : 2;
  const planes = (depth === 3 ? v : [v]) as unknown[];
  if (planes.length > maxChannels)
    return { ok: false, error: `${name} has ${planes.length} channels: at most ${maxChannels}.` };
  let rows = -1;
  let cols = -1;
  const grid: Grid3 = [];
  for (const [ci, plane] of planes.entries()) {
    const where = depth === 3 ? ` (channel ${ci + 1})` : '';
    if (!Array.isArray(plane) || plane.length === 0)
      return { ok: false, error: `${name}${where} must be a non-empty array of rows.` };
    if (rows === -1) rows = plane.length;
    if (plane.length !== rows)
      return { ok: false, error: `${name}: every channel must have the same number of rows.` };
    const out: number[][] = [];
    for (const [ri, row] of plane.entries()) {
      if (!Array.isArray(row) || row.length === 0) {
        return { ok: false, error: `${name}${where}: row ${ri + 1} is not an array of numbers.` };
      }
      if (cols === -1) cols = row.length;
      if (row.length !== cols) {
        return {
          ok: false,
          error: `${name}${where} is ragged: row ${ri + 1} has ${row.length} values, row 1 has ${cols}.`,
        };
      }
      const nums: number[] = [];
      for (const x of row) {
        if (typeof x !== 'number' || !Number.isFinite(x)) {
          return {
            ok: false,
            error: `${name}${where}: row ${ri + 1} holds ${valueText(x)}, which is not a finite number.`,
          };
        }
        if (Math.abs(x) > MAX_GRID_VALUE) {
          return {
            ok: false,
            error: `${name}${where}: row ${ri + 1} holds ${x}; values must be from −1,000,000 to 1,000,000.`,
          };
        }
        nums.push(x);
      }
      out.push(nums);
    }
    grid.push(out);
  }
  if (rows > maxSide || cols > maxSide) {
    return {
      ok: false,
      error: `${name} is ${rows}×${cols}: at most ${maxSide}×${maxSide} fits the picture.`,
    };
  }
  return { ok: true, grid, channels: grid.length, rows, cols, depth };
}

/** One window position: which padded cells it reads and what it computes. */
export interface WindowStep {
  /** Output row and column. */
  row: number;
  col: number;
  /** Top-left corner of the window in padded coordinates. */
  top: number;
  left: number;
  /** `products[c][i][j]` = input tap × kernel weight, per channel. */
  products: number[][][];
  /** Sum of the products per channel. */
  channelSums: number[];
  /** The output value: the sum over channels (as a conv layer computes, no bias). */
  value: number;
}

/**
 * Every step of a direct convolution, row by row — the same loop a reader would do by hand. `padded` is read
 * as zero outside the input. Sizes come from the caller (conv-math's outputSize), so the picture and the
 * calculator can never disagree about how many windows there are.
 */
export function convolveSteps(
  input: Grid3,
  kernel: Grid3,
  opts: {
    padTop: number;
    padLeft: number;
    stride: number;
    dilation: number;
    outRows: number;
    outCols: number;
  },
): WindowStep[] {
  const { padTop, padLeft, stride, dilation, outRows, outCols } = opts;
  const kh = kernel[0]!.length;
  const kw = kernel[0]![0]!.length;
  const steps: WindowStep[] = [];
  for (let row = 0; row < outRows; row++) {
    for (let col = 0; col < outCols; col++) {
      const top = row * stride;
      const left = col * stride;
      const products: number[][][] = [];
      const channelSums: number[] = [];
      for (let c = 0; c < kernel.length; c++) {
        const plane = input[c]!;
        let sum = 0;
        const pc: number[][] = [];
        for (let i = 0; i < kh; i++) {
          const pr: number[] = [];
          for (let j = 0; j < kw; j++) {
            const y = top + i * dilation - padTop;
            const x = left + j * dilation - padLeft;
            const v = y >= 0 && y < plane.length && x >= 0 && x < plane[0]!.length ? plane[y]![x]! : 0;
            const p = v * kernel[c]![i]![j]!;
            pr.push(p);
            sum += p;
          }
          pc.push(pr);
        }
        products.push(pc);
        channelSums.push(sum);
      }
      steps.push({
        row,
        col,
        top,
        left,
        products,
        channelSums,
        value: channelSums.reduce((a, b) => a + b, 0),
      });
    }
  }
  return steps;
}

/** Formats a value for a cell: integers as they are, others to at most 2 decimals; a true minus sign; never NaN. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const r = Math.round(x * 100) / 100;
  const s = Object.is(r, -0)
    ? '0'
    : r.toLocaleString('en-US', { maximumFractionDigits: 2, useGrouping: false });
  return s.replace('-', '−');
}
