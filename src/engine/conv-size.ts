/**
 * One window's arithmetic (conv-math.ts re-exports all of it, beside the walk of a whole network): the output
 * size per axis, the input size as a writer types it, parameter counts, the receptive field. What
 * `<conv-calculator>` and `<kernel-viewer>` need, without the network walk. No TensorFlow.js, no DOM.
 *
 * The output size follows PyTorch: `floor((W + 2P − D·(K−1) − 1) / S) + 1`, which for dilation 1 is the
 * lesson's `[(W − K + 2P) / S] + 1`.
 */

import { messagesOf, type Message } from './messages.js';
import { CONV_MATH_MESSAGES as M } from './conv-math.messages.js';

export { CONV_MATH_MESSAGES } from './conv-math.messages.js';

/** A message of this module (its English in conv-math.messages.ts). */
const say = messagesOf(M);

/** A failure with its message: `error` is the English text (as it always was), `message` the data to translate. */
const failure = (m: Message): { ok: false; error: string; message: Message } => ({
  ok: false,
  error: m.text,
  message: m,
});

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
  | { ok: false; error: string; message: Message };

/** The names of the numbers conv-math checks, as messages (`checkInteger(NAMES.stride, …)`). */
export const NAMES = {
  inputSize: say('name.inputSize'),
  kernelSize: say('name.kernelSize'),
  stride: say('name.stride'),
  dilation: say('name.dilation'),
  padding: say('name.padding'),
  filters: say('name.filters'),
  units: say('name.units'),
};

/**
 * Checks that `value` is a whole number of at least `min`, and says why not in words a reader understands
 * (`name` says what the number is: a message, or a text that needs no translation). Returns null when it is
 * fine; the message's `text` is the English.
 */
export function checkInteger(name: Message | string, value: unknown, min: number): Message | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return say('check.notNumber', { name });
  if (!Number.isFinite(value)) return say('check.notFinite', { name });
  if (!Number.isInteger(value)) return say('check.notWhole', { name, value });
  if (value < min) return say('check.tooSmall', { name, min, value });
  if (value > MAX_SIZE) return say('check.tooLarge', { name, max: MAX_SIZE });
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
    checkInteger(NAMES.inputSize, p.input, 1) ??
    checkInteger(NAMES.kernelSize, p.kernel, 1) ??
    (stride === 0 ? say('conv.strideZero') : null) ??
    checkInteger(NAMES.stride, stride, 1) ??
    checkInteger(NAMES.dilation, dilation, 1) ??
    (typeof padding === 'number' ? checkInteger(NAMES.padding, padding, 0) : null);
  if (err) return failure(err);
  if (typeof padding !== 'number' && padding !== 'same' && padding !== 'valid') {
    return failure(say('conv.paddingChoice', { got: String(padding) }));
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
    return failure(say('conv.poolPadding', { max: Math.floor(p.kernel / 2), kernel: p.kernel }));
  }
  const padded = p.input + padBefore + padAfter;
  if (effectiveKernel > padded) {
    return failure(
      dilation > 1
        ? say('conv.dilatedTooLarge', { extent: effectiveKernel, padded })
        : say('conv.kernelTooLarge', { kernel: p.kernel, padded }),
    );
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
 * Returns `[height, width]` or an error (`error`: the English text; `message`: the message).
 */
export function parseSize(
  text: string | number | null | undefined,
): [number, number] | { error: string; message: Message } {
  const bad = (m: Message) => ({ error: m.text, message: m });
  if (typeof text === 'number') {
    const e = checkInteger(NAMES.inputSize, text, 1);
    return e ? bad(e) : [text, text];
  }
  const s = String(text ?? '').trim();
  if (!s) return bad(say('size.empty'));
  const parts = s.split(/\s*[x×*,]\s*/i);
  if (parts.length > 2) return bad(say('size.parts', { text: s }));
  const nums = parts.map((t) => (/^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN));
  for (const n of nums) {
    const e = checkInteger(NAMES.inputSize, n, 1);
    if (e) return bad(Number.isNaN(n) ? say('size.notNumber', { text: s }) : e);
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
