/**
 * The filters `<feature-map>` applies, as plain numbers: named presets (edge detectors, blur, …), random
 * filters initialised the way a fresh PyTorch `nn.Conv2d` is, and custom kernels from JSON — plus the shape
 * walk of a small chain of conv layers. No TensorFlow.js and no DOM: everything here is unit-testable and the
 * element only hands the finished weights to `tf.conv2d`.
 *
 * Weights are stored PyTorch-style, `[outChannels][inChannels][K][K]` flattened, because that is how the
 * lesson writes them; the element transposes to TensorFlow's `[K, K, in, out]` at the last moment.
 */
import { outputSize } from './conv-size.js';
import { deriveSeed, mulberry32 } from './random.js';
import { parseGrid } from './conv-steps.js';
import { CONV_STEPS_MESSAGES } from './conv-steps.messages.js';
import { message, messagesOf, type Message } from './messages.js';
import { FILTERS_MESSAGES } from './filters.messages.js';

export { FILTERS_MESSAGES } from './filters.messages.js';

/** A message of this module (its English in filters.messages.ts). */
const say = messagesOf(FILTERS_MESSAGES);
/** A failure with its message: `error` is the English text, `message` the data to translate. */
const failed = (m: Message) => ({ ok: false as const, error: m.text, message: m });

/** Names of the preset filters. */
export const PRESETS = [
  'identity',
  'edge',
  'sobel-x',
  'sobel-y',
  'laplacian',
  'blur',
  'sharpen',
  'emboss',
] as const;
export type PresetName = (typeof PRESETS)[number];

/** Most filters (output channels) one layer may have: each is a map on screen. */
export const MAX_FILTERS = 32;
/** Largest kernel side (the lesson's second layer uses 10). */
export const MAX_KERNEL = 15;
/** Largest padding and stride. */
export const MAX_PADDING = 16;
export const MAX_STRIDE = 16;
/** Most layers in a `layers` chain. */
export const MAX_LAYERS = 4;

/**
 * A K×K preset kernel, row-major. The 3×3 ones are the textbook kernels; other sizes generalise them so that
 * `kernel-size` still means something for a preset:
 * - identity: 1 at the centre; blur: the K×K box average;
 * - edge: −1 everywhere, K²−1 at the centre (sums to 0: flat regions go to 0, edges light up);
 * - laplacian: a cross of 1s through the centre, −2(K−1) at the centre (3×3: [[0,1,0],[1,−4,1],[0,1,0]]);
 * - sobel-x / sobel-y: a binomial smoothing along one axis times a centred ramp along the other
 *   (3×3: [[−1,0,1],[−2,0,2],[−1,0,1]] and its transpose);
 * - sharpen: identity − laplacian (3×3: [[0,−1,0],[−1,5,−1],[0,−1,0]]);
 * - emboss: (i − c) + (j − c) with 1 at the centre (3×3: [[−2,−1,0],[−1,1,1],[0,1,2]]).
 */
export function presetKernel(name: PresetName, k: number): number[][] {
  const c = (k - 1) / 2;
  const mid = Math.floor(k / 2);
  const binom = Array.from({ length: k }, (_, i) => choose(k - 1, i));
  const grid = (f: (i: number, j: number) => number) =>
    Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => f(i, j) + 0));
  const cross = (i: number, j: number) =>
    i === mid && j === mid ? -2 * (k - 1) : i === mid || j === mid ? 1 : 0;
  switch (name) {
    case 'identity':
      return grid((i, j) => (i === mid && j === mid ? 1 : 0));
    case 'blur':
      return grid(() => 1 / (k * k));
    case 'edge':
      return grid((i, j) => (i === mid && j === mid ? k * k - 1 : -1));
    case 'laplacian':
      return grid(cross);
    case 'sobel-x':
      return grid((i, j) => binom[i]! * (j - c));
    case 'sobel-y':
      return grid((i, j) => binom[j]! * (i - c));
    case 'sharpen':
      return grid((i, j) => (i === mid && j === mid ? 1 : 0) - cross(i, j));
    case 'emboss':
      return grid((i, j) => (i === mid && j === mid ? 1 : i - c + (j - c)));
  }
}

function choose(n: number, r: number): number {
  let v = 1;
  for (let i = 1; i <= r; i++) v = (v * (n - r + i)) / i;
  return v;
}

/**
 * Spreads a 2-D kernel over `inChannels`: for an RGB input, over the ITU-R BT.601 luminance weights
 * (0.299, 0.587, 0.114), so the filter sees the photo in grey, as an edge detector in a textbook does; for any
 * other channel count, equally (the mean of the channels).
 */
export function spreadOverChannels(kernel: number[][], inChannels: number): number[][][] {
  const w = inChannels === 3 ? [0.299, 0.587, 0.114] : new Array<number>(inChannels).fill(1 / inChannels);
  return w.map((s) => kernel.map((row) => row.map((v) => v * s)));
}

/** One conv layer as a writer describes it (attributes, or one entry of `layers`). */
export interface LayerDef {
  /** Comma-separated preset names, or a count `"N"` of random filters. */
  filters: string;
  /** Custom kernel (JSON text or array), 2-D or 3-D; replaces `filters` with this one filter. */
  kernel?: unknown;
  kernelSize: number;
  padding: number;
  stride: number;
  activation: string;
  pool: number;
  /**
   * The input channels the writer declared (PyTorch's `in_channels`, from `layers="Conv2d(3, 5, 5)"`): checked
   * against what arrives, except that 1 on the RGB photo means "look at it in grey". Undefined: whatever arrives.
   */
  inChannels?: number;
}

/** A layer ready to compute: weights, bias and every shape along the way. */
export interface ResolvedLayer {
  inChannels: number;
  outChannels: number;
  kernelSize: number;
  padding: number;
  stride: number;
  activation: 'none' | 'relu';
  pool: 0 | 2;
  /** `[out][in][K][K]` flattened (PyTorch order). */
  weights: Float32Array;
  /** One per output channel. */
  bias: Float32Array;
  /** A name per output channel (`sobel-x`, `filter 3`, `custom`). */
  names: string[];
  /** `[C, H, W]` going in, after the convolution, and after activation/pooling. */
  inShape: [number, number, number];
  convShape: [number, number, number];
  outShape: [number, number, number];
}

const isInt = (v: number) => typeof v === 'number' && Number.isInteger(v);

function checkRange(name: Message, v: number, min: number, max: number): Message | null {
  if (typeof v !== 'number' || Number.isNaN(v)) return say('filters.notNumber', { name });
  if (!isInt(v)) return say('filters.notWhole', { name, got: v });
  if (v < min) return say('filters.tooSmall', { name, min, got: v });
  if (v > max) return say('filters.tooBig', { name, max, got: v });
  return null;
}

/**
 * Why a layer cannot be resolved. `size`: it does not fit the input's height and width (the kernel is larger
 * than the padded input, or the map is too small to pool): another image may fix it, so `<feature-map>` can
 * check everything else before the photo has arrived. `input`: the description itself is wrong.
 */
export type LayerErrorKind = 'input' | 'size';

/** A layer (or chain) that cannot be resolved: the reader's message and its kind. */
export interface LayerFailure {
  ok: false;
  /** The English text. */
  error: string;
  /** The message, to say in the reader's language. */
  message: Message;
  kind: LayerErrorKind;
}

/**
 * Turns a layer description into weights and shapes, or an error a reader understands. `index` and `seed`
 * seed the random filters (`deriveSeed(seed, 'layer0')`, …) so each layer has its own reproducible stream.
 */
export function resolveLayer(
  def: LayerDef,
  inShape: [number, number, number],
  seed: number,
  index: number,
): { ok: true; layer: ResolvedLayer } | LayerFailure {
  const fail = (m: Message, kind: LayerErrorKind = 'input'): LayerFailure => ({ ...failed(m), kind });
  const [inC, inH, inW] = inShape;
  const activation = String(def.activation ?? 'none')
    .trim()
    .toLowerCase();
  if (activation !== 'none' && activation !== 'relu')
    return fail(say('filters.activation', { got: String(def.activation) }));
  const pool = def.pool;
  if (pool !== 0 && pool !== 2)
    return fail(say('filters.pool', { got: Number.isNaN(pool) ? say('filters.notANumber') : String(pool) }));
  // PyTorch's in_channels: what arrives, or 1 on the RGB photo (random filters on its grey, as a preset sees it).
  const grey = def.inChannels === 1 && inC === 3;
  if (def.inChannels !== undefined && def.inChannels !== inC && !grey)
    return fail(
      say(index === 0 ? 'filters.inChannelsPhoto' : 'filters.inChannels', {
        declared: def.inChannels,
        arrive: inC,
      }),
    );
  const pErr = checkRange(say('filters.name.padding'), def.padding, 0, MAX_PADDING);
  if (pErr) return fail(pErr);
  if (def.stride === 0) return fail(say('filters.strideZero'));
  const sErr = checkRange(say('filters.name.stride'), def.stride, 1, MAX_STRIDE);
  if (sErr) return fail(sErr);

  let k: number;
  let kernels: number[][][][]; // [out][in][K][K]
  let names: string[];
  let bias: Float32Array;
  const hasKernel = def.kernel !== undefined && def.kernel !== null && def.kernel !== '';
  if (hasKernel) {
    const g = parseGrid(def.kernel, message(CONV_STEPS_MESSAGES, 'grid.kernel'), MAX_KERNEL, 64);
    if (!g.ok) return fail(g.message);
    if (g.rows !== g.cols) return fail(say('filters.kernelSquare', { rows: g.rows, cols: g.cols }));
    k = g.rows;
    if (g.depth === 3 && g.channels !== inC) {
      return fail(say('filters.kernelSlices', { slices: g.channels, channels: inC }));
    }
    kernels = [g.depth === 3 ? g.grid : spreadOverChannels(g.grid[0]!, inC)];
    names = ['custom'];
    bias = new Float32Array(1);
  } else {
    const kErr = checkRange(say('filters.name.kernelSize'), def.kernelSize, 1, MAX_KERNEL);
    if (kErr) return fail(kErr);
    k = def.kernelSize;
    const text = String(def.filters ?? '').trim();
    if (text === '') return fail(say('filters.empty', { presets: PRESETS.join(', ') }));
    if (/^[-+]?\d+(\.\d+)?$/.test(text)) {
      const n = Number(text);
      const nErr = checkRange(say('filters.name.count'), n, 1, MAX_FILTERS);
      if (nErr) return fail(nErr);
      // PyTorch's default for a fresh nn.Conv2d: kaiming_uniform_(a=√5), which works out to
      // U(−1/√fan_in, 1/√fan_in) for the weights, and the same bound for the biases (fan_in = C_in·K·K).
      const drawn = grey ? 1 : inC;
      const bound = 1 / Math.sqrt(drawn * k * k);
      const rand = mulberry32(deriveSeed(Number.isFinite(seed) ? seed : 0, `feature-map.layer${index}`));
      const u = () => (rand() * 2 - 1) * bound;
      kernels = Array.from({ length: n }, () => {
        const f = Array.from({ length: drawn }, () =>
          Array.from({ length: k }, () => Array.from({ length: k }, u)),
        );
        return grey ? spreadOverChannels(f[0]!, inC) : f;
      });
      bias = Float32Array.from({ length: n }, u);
      names = Array.from({ length: n }, (_, i) => `filter ${i + 1}`);
    } else {
      names = text.split(',').map((s) => s.trim().toLowerCase());
      const unknown = names.find((n) => !(PRESETS as readonly string[]).includes(n));
      if (unknown !== undefined) {
        return fail(
          unknown === ''
            ? say('filters.emptyName', { presets: PRESETS.join(', ') })
            : say('filters.unknown', { name: unknown, presets: PRESETS.join(', ') }),
        );
      }
      if (names.length > MAX_FILTERS)
        return fail(say('filters.tooMany', { count: names.length, max: MAX_FILTERS }));
      kernels = names.map((n) => spreadOverChannels(presetKernel(n as PresetName, k), inC));
      bias = new Float32Array(names.length);
    }
  }

  // Shapes: the same arithmetic as <conv-calculator> (conv-math), so the numbers shown always agree.
  const axis = (n: number) => outputSize({ input: n, kernel: k, stride: def.stride, padding: def.padding });
  const h = axis(inH);
  const w = axis(inW);
  if (!h.ok) return fail(h.message, 'size');
  if (!w.ok) return fail(w.message, 'size');
  const outC = kernels.length;
  const convShape: [number, number, number] = [outC, h.size, w.size];
  let outShape = convShape;
  if (pool === 2) {
    const ph = outputSize({ input: h.size, kernel: 2, stride: 2, mode: 'pool' });
    const pw = outputSize({ input: w.size, kernel: 2, stride: 2, mode: 'pool' });
    if (!ph.ok || !pw.ok) return fail(say('filters.poolTooSmall', { h: h.size, w: w.size }), 'size');
    outShape = [outC, ph.size, pw.size];
  }
  const weights = new Float32Array(outC * inC * k * k);
  let o = 0;
  for (const f of kernels)
    for (const plane of f) for (const row of plane) for (const v of row) weights[o++] = v;
  return {
    ok: true,
    layer: {
      inChannels: inC,
      outChannels: outC,
      kernelSize: k,
      padding: def.padding,
      stride: def.stride,
      activation: activation as 'none' | 'relu',
      pool: pool as 0 | 2,
      weights,
      bias,
      names,
      inShape,
      convShape,
      outShape,
    },
  };
}

/**
 * Reads the `layers` attribute: a JSON array of objects like `{"filters": "5", "kernelSize": 5}`; missing
 * keys take the defaults (kernel-size 3, padding 0, stride 1, activation none, pool 0). Kebab-case keys
 * (`kernel-size`) are accepted too.
 */
export function parseLayers(
  value: unknown,
): { ok: true; defs: LayerDef[] } | { ok: false; error: string; message: Message } {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return failed(say('filters.layersJson'));
    }
  }
  if (!Array.isArray(v) || v.length === 0) return failed(say('filters.layersEmpty'));
  if (v.length > MAX_LAYERS) return failed(say('filters.layersTooMany', { max: MAX_LAYERS, got: v.length }));
  const defs: LayerDef[] = [];
  const known = new Set([
    'filters',
    'kernel',
    'kernelSize',
    'kernel-size',
    'padding',
    'stride',
    'activation',
    'pool',
  ]);
  for (const [i, item] of v.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return failed(say('filters.layerObject', { n: i + 1 }));
    }
    const o = item as Record<string, unknown>;
    const bad = Object.keys(o).find((key) => !known.has(key));
    if (bad) return failed(say('filters.layerKey', { n: i + 1, key: bad }));
    const num = (key: string, alt: string | null, dflt: number) => {
      const x = o[key] ?? (alt ? o[alt] : undefined);
      return x === undefined
        ? dflt
        : typeof x === 'number'
          ? x
          : typeof x === 'string' && x.trim() !== ''
            ? Number(x)
            : NaN;
    };
    defs.push({
      filters: o['filters'] === undefined ? '1' : String(o['filters']),
      kernel: o['kernel'],
      kernelSize: num('kernelSize', 'kernel-size', 3),
      padding: num('padding', null, 0),
      stride: num('stride', null, 1),
      activation: o['activation'] === undefined ? 'none' : String(o['activation']),
      pool: num('pool', null, 0),
    });
  }
  return { ok: true, defs };
}

/** Resolves a whole chain; each layer's input is the previous layer's output. */
export function resolveChain(
  defs: LayerDef[],
  input: [number, number, number],
  seed: number,
): { ok: true; layers: ResolvedLayer[] } | LayerFailure {
  const layers: ResolvedLayer[] = [];
  let shape = input;
  for (const [i, def] of defs.entries()) {
    const r = resolveLayer(def, shape, seed, i);
    if (!r.ok) {
      if (defs.length === 1) return r;
      const m = say('filters.inLayer', { n: i + 1, error: r.message });
      return { ...r, error: m.text, message: m };
    }
    layers.push(r.layer);
    shape = r.layer.outShape;
  }
  return { ok: true, layers };
}
