/**
 * The step-by-step convolution behind `<kernel-viewer>` (its grid parsing is reused by `<feature-map>`'s custom
 * kernels, engine/filters.ts): parsing of the writer's JSON grids with errors a reader understands, the viewer's
 * settings checked into one geometry (`planViewer`), and the window-by-window arithmetic of a direct
 * convolution. No DOM, no TensorFlow.js — the viewer must stay light. (Its cell numbers are formatted by the
 * element, with components/shared/format.ts's `formatValue`.)
 */

import { checkInteger, outputSize, parseSize } from './conv-size.js';
import { mulberry32 } from './random.js';

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

/** What the picture of `<kernel-viewer>` can hold: larger grids would not fit a page or a reader's head. */
export const VIEWER_LIMITS = {
  /** Largest input side. */
  input: 32,
  /** Largest kernel side (and dilation). */
  kernel: 7,
  /** Largest padding per side. */
  padding: 8,
  /** Largest stride. */
  stride: 32,
  /** Largest channel count. */
  channels: 4,
} as const;

/** The settings of `<kernel-viewer>`, as its properties hold them (a number may be NaN, a grid text or arrays). */
export interface ViewerSettings {
  inputSize: string;
  kernelSize: number;
  padding: number;
  stride: number;
  dilation: number;
  channels: number;
  /** The input values (JSON text or arrays), or `null`/`''` for random ones. */
  input: unknown;
  /** The kernel values (JSON text or arrays), or `null`/`''` for random ones. */
  kernel: unknown;
  seed: number;
}

/** The names of the settings, in `ViewerSettings`' order: a change to any of them plans the picture again. */
export const VIEWER_SETTINGS = [
  'inputSize',
  'kernelSize',
  'padding',
  'stride',
  'dilation',
  'channels',
  'input',
  'kernel',
  'seed',
] as const satisfies readonly (keyof ViewerSettings)[];

/** The sizes of one picture: input, kernel, their channels, padding, stride, dilation and the output. */
export interface ViewerGeometry {
  inRows: number;
  inCols: number;
  kRows: number;
  kCols: number;
  channels: number;
  pad: number;
  stride: number;
  dilation: number;
  outRows: number;
  outCols: number;
}

/** The checked settings: the geometry and fresh input and kernel grids (the caller may edit them), or why not. */
export type ViewerPlan =
  { ok: true; geometry: ViewerGeometry; input: Grid3; kernel: Grid3 } | { ok: false; error: string };

/** An optional grid: absent (`null`, `''`) means random values. */
const gridOf = (v: unknown, name: string, maxSide: number) =>
  v === null || v === undefined || v === '' ? null : parseGrid(v, name, maxSide, VIEWER_LIMITS.channels);

/** A whole-number setting from `min` to `max`, or the message that says which bound it broke. */
const checkRange = (name: string, v: number, min: number, max: number, tooLarge: string) =>
  checkInteger(name, v, min) ?? (v > max ? tooLarge : null);

/**
 * Checks `<kernel-viewer>`'s settings in the order a reader fixes them (seed, channels, the grids, the sizes,
 * padding, stride, dilation) and returns the picture's geometry with its values: the writer's grids, or random
 * small integers a reader can multiply in their head (input 0…9, kernel −1…1) drawn from `seed`. The output size
 * comes from conv-math's `outputSize`, the same arithmetic as `<conv-calculator>`.
 */
export function planViewer(s: ViewerSettings): ViewerPlan {
  const fail = (error: string): ViewerPlan => ({ ok: false, error });
  const L = VIEWER_LIMITS;
  // Any whole number seeds the generator (negative too); a typo must not silently fall back to another seed.
  if (!Number.isInteger(s.seed))
    return fail(
      `Seed must be a whole number${Number.isFinite(s.seed) ? ` (got ${s.seed})` : ''}, e.g. 1234.`,
    );
  const chanErr = checkRange('Channels', s.channels, 1, L.channels, `Channels: at most ${L.channels}.`);
  if (chanErr) return fail(chanErr);
  const input = gridOf(s.input, 'Input', L.input);
  if (input && !input.ok) return fail(input.error);
  const kernel = gridOf(s.kernel, 'Kernel', L.kernel);
  if (kernel && !kernel.ok) return fail(kernel.error);

  let [inRows, inCols] = input ? [input.rows, input.cols] : [0, 0];
  if (!input) {
    const size = parseSize(s.inputSize);
    if (!Array.isArray(size)) return fail(size.error);
    [inRows, inCols] = size;
    if (inRows > L.input || inCols > L.input)
      return fail(
        `Input size ${inRows}×${inCols} is too large for the picture: at most ${L.input}×${L.input}.`,
      );
  }
  let [kRows, kCols] = kernel ? [kernel.rows, kernel.cols] : [0, 0];
  if (!kernel) {
    const kErr = checkInteger('Kernel size', s.kernelSize, 1);
    if (kErr) return fail(kErr);
    if (s.kernelSize > L.kernel)
      return fail(`Kernel size ${s.kernelSize} is too large for the picture: at most ${L.kernel}.`);
    kRows = kCols = s.kernelSize;
  }

  // Channels: whichever side gives 3-D values decides; both must agree.
  const inC = input ? input.channels : null;
  const kC = kernel ? kernel.channels : null;
  if (inC !== null && kC !== null && inC !== kC) {
    return fail(
      `The input has ${inC} channel${inC === 1 ? '' : 's'} but the kernel has ${kC}: a kernel needs one slice per input channel.`,
    );
  }
  const channels = inC ?? kC ?? s.channels;

  const pErr = checkRange(
    'Padding',
    s.padding,
    0,
    L.padding,
    `Padding: at most ${L.padding} in the picture.`,
  );
  if (pErr) return fail(pErr);
  if (s.stride === 0) return fail('Stride must be at least 1: a stride of 0 would never move the window.');
  const sErr = checkRange('Stride', s.stride, 1, L.stride, `Stride: at most ${L.stride}.`);
  if (sErr) return fail(sErr);
  const dErr = checkRange('Dilation', s.dilation, 1, L.kernel, `Dilation: at most ${L.kernel}.`);
  if (dErr) return fail(dErr);

  const { stride, padding, dilation } = s;
  const h = outputSize({ input: inRows, kernel: kRows, stride, padding, dilation });
  const w = outputSize({ input: inCols, kernel: kCols, stride, padding, dilation });
  if (!h.ok) return fail(h.error);
  if (!w.ok) return fail(w.error);

  const rand = mulberry32(s.seed);
  return {
    ok: true,
    input: input ? input.grid : randomGrid(channels, inRows, inCols, 0, 9, rand),
    kernel: kernel ? kernel.grid : randomGrid(channels, kRows, kCols, -1, 1, rand),
    geometry: {
      inRows,
      inCols,
      kRows,
      kCols,
      channels,
      pad: padding,
      stride,
      dilation,
      outRows: h.size,
      outCols: w.size,
    },
  };
}

/** The windows of a geometry's grids, row by row (`convolveSteps` with the geometry's sizes). */
export function viewerSteps(input: Grid3, kernel: Grid3, g: ViewerGeometry): WindowStep[] {
  const { pad, stride, dilation, outRows, outCols } = g;
  return convolveSteps(input, kernel, { padTop: pad, padLeft: pad, stride, dilation, outRows, outCols });
}

/** The output so far: `outRows × outCols`, the cells of windows up to `step` filled, the rest `null`. */
export function outputUpTo(
  steps: readonly WindowStep[],
  g: ViewerGeometry,
  step: number,
): (number | null)[][] {
  return Array.from({ length: g.outRows }, (_, r) =>
    Array.from({ length: g.outCols }, (_, c) => {
      const k = r * g.outCols + c;
      return k <= step ? steps[k]!.value : null;
    }),
  );
}

/** `step` as a window position: rounded and clamped to 0 … steps − 1; anything not finite (or no steps) is 0. */
export function clampStep(step: number, steps: number): number {
  return Number.isFinite(step) ? Math.min(Math.max(Math.round(step), 0), Math.max(steps - 1, 0)) : 0;
}

/** Whether the padded cell (`y`, `x`) is one of the (dilated) kernel taps of window `w`. */
export function isTap(g: ViewerGeometry, w: WindowStep, y: number, x: number): boolean {
  const dy = y - w.top;
  const dx = x - w.left;
  const [effH, effW] = windowSize(g);
  return dy >= 0 && dx >= 0 && dy < effH && dx < effW && dy % g.dilation === 0 && dx % g.dilation === 0;
}

/** The window's outline in padded cells, rows × columns: a dilated kernel spans `D·(K−1) + 1`. */
export function windowSize(g: ViewerGeometry): [number, number] {
  return [g.dilation * (g.kRows - 1) + 1, g.dilation * (g.kCols - 1) + 1];
}

/** A channel's name in the picture: R, G, B for three channels, "channel n" otherwise, nothing for one. */
export function channelName(channels: number, c: number): string {
  if (channels === 3) return ['R', 'G', 'B'][c]!;
  return channels === 1 ? '' : `channel ${c + 1}`;
}

/** Where a stepper key moves the window from `step` (arrows by one, Home / End to the ends); `null`: not a step key. */
export function stepForKey(key: string, step: number, steps: number): number | null {
  const targets: Record<string, number> = {
    ArrowRight: step + 1,
    ArrowDown: step + 1,
    ArrowLeft: step - 1,
    ArrowUp: step - 1,
    Home: 0,
    End: steps - 1,
  };
  return targets[key] ?? null;
}

/**
 * The picture's sizes in words (`A 6×6 input, padding 1, a 3×3 kernel, stride 2 → a 3×3 output.`) and, for a
 * square input and kernel, the output-size formula with its numbers (`⌊(6 − 3 + 2·1) / 2⌋ + 1 = 3`; the dilated
 * form when D > 1), else `null`.
 */
export function describeGeometry(g: ViewerGeometry): { text: string; formula: string | null } {
  const size = (r: number, c: number) => `${r}×${c}`;
  const ch = g.channels > 1 ? `${g.channels}-channel ` : '';
  const dil = g.dilation > 1 ? ` (dilation ${g.dilation})` : '';
  const text = `A ${ch}${size(g.inRows, g.inCols)} input, padding ${g.pad}, a ${size(g.kRows, g.kCols)} kernel${dil}, stride ${g.stride} → a ${size(g.outRows, g.outCols)} output.`;
  if (g.inRows !== g.inCols || g.kRows !== g.kCols) return { text, formula: null };
  const [W, K, P, S, D] = [g.inRows, g.kRows, g.pad, g.stride, g.dilation];
  const formula =
    D === 1 ? `⌊(${W} − ${K} + 2·${P}) / ${S}⌋ + 1` : `⌊(${W} + 2·${P} − ${D}·(${K}−1) − 1) / ${S}⌋ + 1`;
  return { text, formula: `${formula} = ${g.outRows}` };
}
