/**
 * One window's arithmetic (conv-math.ts re-exports all of it, beside the walk of a whole network): the output
 * size per axis, the input size as a writer types it, parameter counts, the receptive field. What
 * `<conv-calculator>` and `<kernel-viewer>` need, without the network walk. No TensorFlow.js, no DOM.
 *
 * The output size follows PyTorch: `floor((W + 2P − D·(K−1) − 1) / S) + 1`, which for dilation 1 is the
 * lesson's `[(W − K + 2P) / S] + 1`.
 */

/** Padding as a writer can give it: a number of zero cells per side, or a keyword. */
export type PaddingSpec = number | 'same' | 'valid';

/** The hyperparameters of one spatial axis of a convolution or pooling window. */
export interface AxisParams {
  /** Input size along this axis (pixels). */
  input: number;
  /** Kernel (window) size. */
  kernel: number;
  /** Step between window positions. Default 1. */
  stride?: number;
  /** Zero padding: cells per side, `'valid'` (0) or `'same'` (output = ceil(input / stride)). Default 0. */
  padding?: PaddingSpec;
  /** Spacing between kernel taps. Default 1. */
  dilation?: number;
  /** Pooling layers refuse padding larger than half the kernel, as PyTorch does. */
  mode?: 'conv' | 'pool';
}

/** The outcome of {@link outputSize}: either a size with its working, or a reason it is impossible. */
export type AxisResult =
  | {
      ok: true;
      /** Output size along the axis. */
      size: number;
      /** Padding actually applied before (top/left) and after (bottom/right). Differ only for `'same'`. */
      padBefore: number;
      padAfter: number;
      /** Effective kernel extent with dilation: `D·(K−1) + 1`. */
      effectiveKernel: number;
      /** The numerator `W + 2P − D·(K−1) − 1` of the formula. */
      numerator: number;
      /** True when the stride divides the numerator exactly, i.e. the last window ends on the last cell. */
      exact: boolean;
      /** Input cells (padding included) past the last window: never read by the kernel. */
      unreached: number;
    }
  | { ok: false; error: string };

/**
 * Checks that `value` is a whole number of at least `min`, and says why not in words a reader understands.
 * Returns null when it is fine.
 */
export function checkInteger(name: string, value: unknown, min: number): string | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return `${name} must be a number.`;
  if (!Number.isFinite(value)) return `${name} must be finite.`;
  if (!Number.isInteger(value)) return `${name} must be a whole number (got ${value}).`;
  if (value < min) return `${name} must be at least ${min} (got ${value}).`;
  if (value > MAX_SIZE) return `${name} is too large (at most ${MAX_SIZE.toLocaleString('en-US')}).`;
  return null;
}

/** Largest size, channel count or kernel we accept: beyond it numbers stop being meaningful for a lesson. */
export const MAX_SIZE = 1_000_000;

/**
 * Output size of a convolution or pooling window along one axis, PyTorch's rule:
 * `floor((W + 2P − D·(K−1) − 1) / S) + 1`.
 *
 * `'same'` padding follows TensorFlow's definition (output = ceil(W / S), padding split with the extra cell
 * after), which equals PyTorch's `padding='same'` wherever PyTorch allows it (stride 1).
 */
export function outputSize(p: AxisParams): AxisResult {
  const stride = p.stride ?? 1;
  const dilation = p.dilation ?? 1;
  const padding = p.padding ?? 0;
  const err =
    checkInteger('Input size', p.input, 1) ??
    checkInteger('Kernel size', p.kernel, 1) ??
    (stride === 0 ? 'Stride must be at least 1: a stride of 0 would never move the window.' : null) ??
    checkInteger('Stride', stride, 1) ??
    checkInteger('Dilation', dilation, 1) ??
    (typeof padding === 'number' ? checkInteger('Padding', padding, 0) : null);
  if (err) return { ok: false, error: err };
  if (typeof padding !== 'number' && padding !== 'same' && padding !== 'valid') {
    return { ok: false, error: `Padding must be a number, "same" or "valid" (got "${String(padding)}").` };
  }

  const effectiveKernel = dilation * (p.kernel - 1) + 1;
  let padBefore: number;
  let padAfter: number;
  if (padding === 'same') {
    const out = Math.ceil(p.input / stride);
    const total = Math.max((out - 1) * stride + effectiveKernel - p.input, 0);
    padBefore = Math.floor(total / 2);
    padAfter = total - padBefore;
  } else {
    padBefore = padAfter = padding === 'valid' ? 0 : padding;
  }
  if (p.mode === 'pool' && Math.max(padBefore, padAfter) > Math.floor(p.kernel / 2)) {
    return {
      ok: false,
      error: `Pooling padding must be at most half the kernel (${Math.floor(p.kernel / 2)} for a ${p.kernel}-wide window).`,
    };
  }
  const padded = p.input + padBefore + padAfter;
  if (effectiveKernel > padded) {
    const what = dilation > 1 ? `The dilated kernel (${effectiveKernel} wide)` : `The kernel (${p.kernel})`;
    return {
      ok: false,
      error: `${what} is larger than the padded input (${padded}): there is no position for the window.`,
    };
  }
  const numerator = padded - effectiveKernel; // = W + 2P − D·(K−1) − 1
  const size = Math.floor(numerator / stride) + 1;
  const unreached = numerator - (size - 1) * stride;
  return {
    ok: true,
    size,
    padBefore,
    padAfter,
    effectiveKernel,
    numerator,
    exact: unreached === 0,
    unreached,
  };
}

/**
 * Parses an input size written as `"W"` (square) or `"HxW"` (also `×`, `*` or `,`), e.g. `"320"` or `"28x32"`.
 * Returns `[height, width]` or an error message.
 */
export function parseSize(text: string | number | null | undefined): [number, number] | { error: string } {
  if (typeof text === 'number') {
    const e = checkInteger('Input size', text, 1);
    return e ? { error: e } : [text, text];
  }
  const s = String(text ?? '').trim();
  if (!s) return { error: 'Input size is empty: give a width like "28" or a height×width like "28x32".' };
  const parts = s.split(/\s*[x×*,]\s*/i);
  if (parts.length > 2) return { error: `Input size "${s}" has too many parts: use "W" or "HxW".` };
  const nums = parts.map((t) => (/^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN));
  for (const n of nums) {
    const e = checkInteger('Input size', n, 1);
    if (e) return { error: Number.isNaN(n) ? `Input size "${s}" is not a number: use "W" or "HxW".` : e };
  }
  return nums.length === 1 ? [nums[0]!, nums[0]!] : [nums[0]!, nums[1]!];
}

/** Parameters of a 2-D convolution: one weight per kernel cell per (input, output) channel pair, one bias per output channel. */
export function convParams(
  kernelH: number,
  kernelW: number,
  inChannels: number,
  outChannels: number,
  bias = true,
) {
  const weights = kernelH * kernelW * inChannels * outChannels;
  const biases = bias ? outChannels : 0;
  return { weights, biases, params: weights + biases };
}

/** Parameters of a dense (fully connected, `Linear`) layer. */
export function denseParams(inFeatures: number, outFeatures: number, bias = true) {
  const weights = inFeatures * outFeatures;
  const biases = bias ? outFeatures : 0;
  return { weights, biases, params: weights + biases };
}

/**
 * Receptive field of one output cell after a chain of windows, each `{ kernel, stride, dilation }`:
 * `r ← r + D·(K−1)·j`, `j ← j·S`, starting from `r = j = 1`.
 */
export function receptiveField(chain: { kernel: number; stride?: number; dilation?: number }[]): number {
  let r = 1;
  let j = 1;
  for (const l of chain) {
    r += (l.dilation ?? 1) * (l.kernel - 1) * j;
    j *= l.stride ?? 1;
  }
  return r;
}

/** Formats an integer with thousands separators, the way the lesson writes them (5,000,000). */
export const formatCount = (n: number): string =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—';
