/**
 * The step-by-step convolution behind `<kernel-viewer>` (its grid parsing is reused by `<feature-map>`'s custom
 * kernels, engine/filters.ts): parsing of the writer's JSON grids with errors a reader understands, the viewer's
 * settings checked into one geometry (`planViewer`), and the window-by-window arithmetic of a direct
 * convolution. No DOM, no TensorFlow.js — the viewer must stay light. (Its cell numbers are formatted by the
 * element, with components/shared/format.ts's `formatValue`.)
 */

import { CONV_MATH_MESSAGES, NAMES, checkInteger, outputSize, parseSize } from './conv-size.js';
import { mulberry32 } from './random.js';
import { message, messagesOf, type Message } from './messages.js';
import { CONV_STEPS_MESSAGES } from './conv-steps.messages.js';

export { CONV_STEPS_MESSAGES } from './conv-steps.messages.js';

const say = messagesOf(CONV_STEPS_MESSAGES);
/** The two grids a writer may give, by name. */
export const GRID_NAMES = { input: say('grid.input'), kernel: say('grid.kernel') };

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
const valueText = (x: unknown): Message | string =>
  typeof x === 'number'
    ? Number.isNaN(x)
      ? say('grid.nan')
      : !Number.isFinite(x)
        ? say('grid.huge')
        : String(x)
    : (JSON.stringify(x) ?? String(x));

export type ParsedGrid =
  | { ok: true; grid: Grid3; channels: number; rows: number; cols: number; depth: 2 | 3 }
  | { ok: false; error: string; message: Message };

/** A failure with its message: `error` is the English text, `message` the message. */
const failure = (m: Message) => ({ ok: false as const, error: m.text, message: m });

/**
 * Reads a grid given as JSON text (or as an array already): 2-D `[rows][cols]` or 3-D `[channels][rows][cols]`.
 * Checks everything a writer can get wrong — malformed JSON, ragged rows, non-numbers, empty arrays, sizes over
 * `maxSide` — and says which, in words, instead of throwing.
 */
export function parseGrid(
  value: unknown,
  name: Message | string,
  maxSide: number,
  maxChannels: number,
): ParsedGrid {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return failure(say('grid.json', { grid: name }));
    }
  }
  if (!Array.isArray(v) || v.length === 0) return failure(say('grid.empty', { grid: name }));
  const depth: 2 | 3 = Array.isArray(v[0]) && Array.isArray((v[0] as unknown[])[0]) ? 3 : 2;
  const planes = (depth === 3 ? v : [v]) as unknown[];
  if (planes.length > maxChannels)
    return failure(say('grid.channels', { grid: name, count: planes.length, max: maxChannels }));
  let rows = -1;
  let cols = -1;
  const grids: Grid3 = [];
  for (const [ci, plane] of planes.entries()) {
    const grid = depth === 3 ? say('grid.channel', { grid: name, channel: ci + 1 }) : name;
    if (!Array.isArray(plane) || plane.length === 0) return failure(say('grid.emptyPlane', { grid }));
    if (rows === -1) rows = plane.length;
    if (plane.length !== rows) return failure(say('grid.planeRows', { grid: name }));
    const out: number[][] = [];
    for (const [ri, row] of plane.entries()) {
      if (!Array.isArray(row) || row.length === 0)
        return failure(say('grid.rowNotArray', { grid, row: ri + 1 }));
      if (cols === -1) cols = row.length;
      if (row.length !== cols)
        return failure(say('grid.ragged', { grid, row: ri + 1, count: row.length, cols }));
      const nums: number[] = [];
      for (const x of row) {
        if (typeof x !== 'number' || !Number.isFinite(x)) {
          return failure(say('grid.notFinite', { grid, row: ri + 1, value: valueText(x) }));
        }
        if (Math.abs(x) > MAX_GRID_VALUE) {
          return failure(say('grid.tooBig', { grid, row: ri + 1, value: x, max: MAX_GRID_VALUE }));
        }
        nums.push(x);
      }
      out.push(nums);
    }
    grids.push(out);
  }
  if (rows > maxSide || cols > maxSide)
    return failure(say('grid.tooLarge', { grid: name, rows, cols, max: maxSide }));
  return { ok: true, grid: grids, channels: grids.length, rows, cols, depth };
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
  | { ok: true; geometry: ViewerGeometry; input: Grid3; kernel: Grid3 }
  | { ok: false; error: string; message: Message };

/** An optional grid: absent (`null`, `''`) means random values. */
const gridOf = (v: unknown, name: Message, maxSide: number) =>
  v === null || v === undefined || v === '' ? null : parseGrid(v, name, maxSide, VIEWER_LIMITS.channels);

/** A whole-number setting from `min` to `max`, or the message that says which bound it broke. */
const checkRange = (name: Message, v: number, min: number, max: number, tooLarge: Message) =>
  checkInteger(name, v, min) ?? (v > max ? tooLarge : null);

/**
 * Checks `<kernel-viewer>`'s settings in the order a reader fixes them (seed, channels, the grids, the sizes,
 * padding, stride, dilation) and returns the picture's geometry with its values: the writer's grids, or random
 * small integers a reader can multiply in their head (input 0…9, kernel −1…1) drawn from `seed`. The output size
 * comes from conv-math's `outputSize`, the same arithmetic as `<conv-calculator>`.
 */
export function planViewer(s: ViewerSettings): ViewerPlan {
  const fail = (m: Message): ViewerPlan => failure(m);
  const L = VIEWER_LIMITS;
  // Any whole number seeds the generator (negative too); a typo must not silently fall back to another seed.
  if (!Number.isInteger(s.seed))
    return fail(say('viewer.seed', { got: Number.isFinite(s.seed) ? s.seed : '' }));
  const chanErr = checkRange(
    say('viewer.name.channels'),
    s.channels,
    1,
    L.channels,
    say('viewer.channelsMax', { max: L.channels }),
  );
  if (chanErr) return fail(chanErr);
  const input = gridOf(s.input, GRID_NAMES.input, L.input);
  if (input && !input.ok) return fail(input.message);
  const kernel = gridOf(s.kernel, GRID_NAMES.kernel, L.kernel);
  if (kernel && !kernel.ok) return fail(kernel.message);

  let [inRows, inCols] = input ? [input.rows, input.cols] : [0, 0];
  if (!input) {
    const size = parseSize(s.inputSize);
    if (!Array.isArray(size)) return fail(size.message);
    [inRows, inCols] = size;
    if (inRows > L.input || inCols > L.input)
      return fail(say('viewer.inputTooLarge', { rows: inRows, cols: inCols, max: L.input }));
  }
  let [kRows, kCols] = kernel ? [kernel.rows, kernel.cols] : [0, 0];
  if (!kernel) {
    const kErr = checkInteger(NAMES.kernelSize, s.kernelSize, 1);
    if (kErr) return fail(kErr);
    if (s.kernelSize > L.kernel)
      return fail(say('viewer.kernelTooLarge', { size: s.kernelSize, max: L.kernel }));
    kRows = kCols = s.kernelSize;
  }

  // Channels: whichever side gives 3-D values decides; both must agree.
  const inC = input ? input.channels : null;
  const kC = kernel ? kernel.channels : null;
  if (inC !== null && kC !== null && inC !== kC) {
    return fail(say('viewer.channelMismatch', { input: inC, kernel: kC }));
  }
  const channels = inC ?? kC ?? s.channels;

  // Each setting in its range, in the order the reader reads them: padding, stride, dilation.
  const ranges = [
    [NAMES.padding, s.padding, 0, L.padding, 'viewer.paddingMax'],
    [NAMES.stride, s.stride, 1, L.stride, 'viewer.strideMax'],
    [NAMES.dilation, s.dilation, 1, L.kernel, 'viewer.dilationMax'],
  ] as const;
  for (const [name, value, min, max, key] of ranges) {
    // A stride of 0 has its own lesson: the window would never move.
    if (key === 'viewer.strideMax' && value === 0)
      return fail(message(CONV_MATH_MESSAGES, 'conv.strideZero'));
    const e = checkRange(name, value, min, max, say(key, { max }));
    if (e) return fail(e);
  }

  const { stride, padding, dilation } = s;
  const h = outputSize({ input: inRows, kernel: kRows, stride, padding, dilation });
  const w = outputSize({ input: inCols, kernel: kCols, stride, padding, dilation });
  if (!h.ok) return fail(h.message);
  if (!w.ok) return fail(w.message);

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
export function channelName(channels: number, c: number): Message | string {
  if (channels === 3) return ['R', 'G', 'B'][c]!;
  return channels === 1 ? '' : say('viewer.channel', { channel: c + 1 });
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
 * form when D > 1), else `null`. `num` writes the formula's numbers (an element passes its locale's formatter, so
 * that the formula's digits are the rest of the picture's: ٦ in Arabic-Indic, 6 in Latin). `dir`: the reader's
 * direction, which way the sentence's arrow from the input to the output points (`←` right to left).
 */
export function describeGeometry(
  g: ViewerGeometry,
  num: (n: number) => string = String,
  dir: 'ltr' | 'rtl' = 'ltr',
): { text: Message; formula: string | null } {
  // Right to left, a size is held strictly left to right (rows first), as LocalizeController.ltr holds a formula:
  // a left-to-right isolate around an override, in the locale's digits.
  const size = (rows: number, cols: number) =>
    dir === 'rtl' ? `\u2066\u202d${num(rows)}×${num(cols)}\u202c\u2069` : say('viewer.size', { rows, cols });
  const text = say('viewer.summary', {
    channels: g.channels,
    input: size(g.inRows, g.inCols),
    padding: g.pad,
    kernel: size(g.kRows, g.kCols),
    dilation: g.dilation,
    stride: g.stride,
    output: size(g.outRows, g.outCols),
    arrow: dir === 'rtl' ? '←' : '→',
  });
  if (g.inRows !== g.inCols || g.kRows !== g.kCols) return { text, formula: null };
  const [W, K, P, S, D, one, two] = [g.inRows, g.kRows, g.pad, g.stride, g.dilation, 1, 2].map(num);
  const formula =
    g.dilation === 1
      ? `⌊(${W} − ${K} + ${two}·${P}) / ${S}⌋ + ${one}`
      : `⌊(${W} + ${two}·${P} − ${D}·(${K}−${one}) − ${one}) / ${S}⌋ + ${one}`;
  return { text, formula: `${formula} = ${num(g.outRows)}` };
}
