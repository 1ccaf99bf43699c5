/**
 * Pure convolution arithmetic: output sizes, parameter counts, multiply-adds, receptive fields and a
 * layer-by-layer shape walk of a sequential network.
 *
 * Why a module of its own: `<conv-calculator>`, `<kernel-viewer>` and `<model-summary>` need these numbers
 * but must not pull in TensorFlow.js (a page with only those widgets stays tiny), and the network the
 * trainer builds is described by the very same specs, so the numbers a reader sees and the model that
 * trains can never disagree. Nothing here imports TensorFlow.js or touches the DOM.
 *
 * Conventions follow PyTorch, because the lesson is written in PyTorch: shapes are channels-first
 * (`[C, H, W]`), and the output size per axis is `floor((W + 2P − D·(K−1) − 1) / S) + 1`, which for
 * dilation 1 is the lesson's `[(W − K + 2P) / S] + 1`.
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

// ---------------------------------------------------------------------------------------------------------
// Layer specs: networks as plain data
// ---------------------------------------------------------------------------------------------------------

/** Which half of the network a layer belongs to, as torchvision's AlexNet splits it. */
export type LayerGroup = 'features' | 'classifier';

interface LayerBase {
  /** Display name, e.g. `conv1`. Unique within a spec; generated when omitted. */
  name?: string;
  group?: LayerGroup;
}
export interface ConvLayerSpec extends LayerBase {
  type: 'conv2d';
  /** Output channels. */
  filters: number;
  kernelSize: number | [number, number];
  stride?: number | [number, number];
  padding?: PaddingSpec | [number, number];
  dilation?: number | [number, number];
  /** Bias per output channel (default true). */
  bias?: boolean;
}
export interface PoolLayerSpec extends LayerBase {
  type: 'maxpool2d' | 'avgpool2d';
  poolSize: number | [number, number];
  /** Defaults to the pool size, as in PyTorch. */
  stride?: number | [number, number];
  padding?: number | [number, number];
}
export interface AdaptivePoolLayerSpec extends LayerBase {
  /** PyTorch's AdaptiveAvgPool2d: always outputs `outputSize` whatever the input. */
  type: 'adaptiveavgpool2d';
  outputSize: [number, number];
}
export interface DenseLayerSpec extends LayerBase {
  type: 'dense';
  units: number;
  bias?: boolean;
}
export interface SimpleLayerSpec extends LayerBase {
  type: 'relu' | 'tanh' | 'sigmoid' | 'flatten' | 'softmax';
}
/** PyTorch's LeakyReLU: `x` where positive, `negativeSlope · x` elsewhere. */
export interface LeakyReluLayerSpec extends LayerBase {
  type: 'leakyrelu';
  /** Default 0.01, as in PyTorch. */
  negativeSlope?: number;
}
export interface DropoutLayerSpec extends LayerBase {
  type: 'dropout';
  rate: number;
}
export type LayerSpec =
  | ConvLayerSpec
  | PoolLayerSpec
  | AdaptivePoolLayerSpec
  | DenseLayerSpec
  | SimpleLayerSpec
  | LeakyReluLayerSpec
  | DropoutLayerSpec;

/** A sequential network: an input shape (channels-first `[C, H, W]`, or `[N]` for flat input) and its layers. */
export interface ModelSpec {
  name: string;
  /** Short human description. */
  title?: string;
  inputShape: number[];
  layers: LayerSpec[];
}

/** One row of the shape walk. */
export interface LayerInfo {
  name: string;
  type: LayerSpec['type'];
  group: LayerGroup;
  /** Hyperparameters in words, e.g. `3×3, stride 1, padding 0`. Empty when none. */
  hyper: string;
  /** The same, as a message to say in the reader's language (absent when `hyper` is empty or has no words). */
  hyperMessage?: Message;
  inputShape: number[];
  outputShape: number[];
  weights: number;
  biases: number;
  params: number;
  /** Multiply-adds for one input example. */
  macs: number;
  /** Receptive field (in input pixels) of one output cell, for spatial layers; null after flattening. */
  receptiveField: number | null;
  /** A note worth showing, e.g. input cells the window never reaches. */
  note?: string;
  /** The same, as a message. */
  noteMessage?: Message;
}

export type WalkResult =
  | { ok: true; layers: LayerInfo[]; totalParams: number; totalMacs: number; outputShape: number[] }
  | { ok: false; error: string; message: Message; layers: LayerInfo[]; at: number };

const pair = (v: number | [number, number] | undefined, dflt: number): [number, number] =>
  v === undefined ? [dflt, dflt] : Array.isArray(v) ? v : [v, v];

const shapeText = (s: number[]) => s.join('×');

/** A row's `hyper` text and its message. */
const hyperOf = (m: Message) => ({ hyper: m.text, hyperMessage: m });

/**
 * Walks a sequential spec layer by layer, from its input shape (or `inputShape` when given), computing each
 * layer's output shape, parameters, multiply-adds and receptive field. Stops at the first impossible layer
 * and says why (`ok: false`), keeping the rows computed so far.
 */
export function walkModel(spec: ModelSpec, inputShape: number[] = spec.inputShape): WalkResult {
  const layers: LayerInfo[] = [];
  let shape = inputShape.slice();
  for (const [i, d] of shape.entries()) {
    const e = checkInteger(say('name.inputDimension', { index: i + 1 }), d, 1);
    if (e) return { ...failure(e), layers, at: -1 };
  }
  if (shape.length !== 1 && shape.length !== 3) return { ...failure(say('walk.inputShape')), layers, at: -1 };
  // Receptive field r and the input-pixel distance j between neighbouring cells ("jump").
  let rf: [number, number] = [1, 1];
  let jump: [number, number] = [1, 1];
  let group: LayerGroup = 'features';
  const counts = new Map<string, number>();

  for (const [index, layer] of spec.layers.entries()) {
    const n = (counts.get(layer.type) ?? 0) + 1;
    counts.set(layer.type, n);
    const name = layer.name ?? `${layer.type}${n}`;
    if (layer.type === 'dense' || layer.type === 'flatten') group = 'classifier';
    group = layer.group ?? group;
    const fail = (error: Message): WalkResult => ({
      ...failure(say('walk.layer', { name, error })),
      layers,
      at: index,
    });
    const row = (
      outputShape: number[],
      extra: Partial<Omit<LayerInfo, 'name' | 'type' | 'group' | 'outputShape' | 'inputShape'>> = {},
    ): LayerInfo => ({
      name,
      type: layer.type,
      group,
      hyper: '',
      inputShape: shape,
      outputShape,
      weights: 0,
      biases: 0,
      params: 0,
      macs: 0,
      receptiveField: shape.length === 3 ? Math.max(rf[0], rf[1]) : null,
      ...extra,
    });

    switch (layer.type) {
      case 'conv2d':
      case 'maxpool2d':
      case 'avgpool2d': {
        if (shape.length !== 3) return fail(say('walk.flatInput'));
        const isConv = layer.type === 'conv2d';
        const [kh, kw] = pair(isConv ? layer.kernelSize : layer.poolSize, 1);
        const [sh, sw] = pair(layer.stride, isConv ? 1 : kh);
        const [dh, dw] = isConv ? pair(layer.dilation, 1) : [1, 1];
        const pad = layer.padding;
        const [ph, pw]: [PaddingSpec, PaddingSpec] = Array.isArray(pad) ? pad : [pad ?? 0, pad ?? 0];
        const mode = isConv ? 'conv' : 'pool';
        const ah = outputSize({ input: shape[1]!, kernel: kh, stride: sh, padding: ph, dilation: dh, mode });
        if (!ah.ok) return fail(ah.message);
        const aw = outputSize({ input: shape[2]!, kernel: kw, stride: sw, padding: pw, dilation: dw, mode });
        if (!aw.ok) return fail(aw.message);
        const cin = shape[0]!;
        const cout = isConv ? layer.filters : cin;
        if (isConv) {
          const e = checkInteger(NAMES.filters, cout, 1);
          if (e) return fail(e);
        }
        const out = [cout, ah.size, aw.size];
        const p = isConv
          ? convParams(kh, kw, cin, cout, layer.bias ?? true)
          : { weights: 0, biases: 0, params: 0 };
        rf = [rf[0] + (kh - 1) * dh * jump[0], rf[1] + (kw - 1) * dw * jump[1]];
        jump = [jump[0] * sh, jump[1] * sw];
        const padText =
          ah.padBefore === ah.padAfter && aw.padBefore === aw.padAfter && ah.padBefore === aw.padBefore
            ? `${ah.padBefore}`
            : typeof ph === 'string'
              ? ph
              : `${ah.padBefore},${aw.padBefore}`;
        const window = {
          kernel: `${kh}×${kw}`,
          stride: sh === sw ? `${sh}` : `${sh}×${sw}`,
          padding: padText,
        };
        const hyper =
          dh > 1 || dw > 1
            ? say('hyper.windowDilated', { ...window, dilation: dh === dw ? `${dh}` : `${dh}×${dw}` })
            : say('hyper.window', window);
        const unreached = Math.max(ah.unreached, aw.unreached);
        const note = unreached ? say('hyper.unreached', { count: unreached }) : null;
        layers.push(
          row(out, {
            ...hyperOf(hyper),
            ...p,
            macs: isConv ? ah.size * aw.size * cout * kh * kw * cin : 0,
            receptiveField: Math.max(rf[0], rf[1]),
            ...(note ? { note: note.text, noteMessage: note } : {}),
          }),
        );
        shape = out;
        break;
      }
      case 'adaptiveavgpool2d': {
        if (shape.length !== 3) return fail(say('walk.flatInput'));
        const out = [shape[0]!, layer.outputSize[0], layer.outputSize[1]];
        layers.push(row(out, hyperOf(say('hyper.adaptive', { size: layer.outputSize.join('×') }))));
        shape = out;
        break;
      }
      case 'relu':
      case 'tanh':
      case 'sigmoid':
      case 'softmax':
        layers.push(row(shape));
        break;
      case 'leakyrelu':
        layers.push(row(shape, hyperOf(say('hyper.slope', { slope: layer.negativeSlope ?? 0.01 }))));
        break;
      case 'dropout':
        layers.push(row(shape, hyperOf(say('hyper.dropout', { rate: layer.rate }))));
        break;
      case 'flatten': {
        const out = [shape.reduce((a, b) => a * b, 1)];
        layers.push(row(out, { receptiveField: null }));
        shape = out;
        break;
      }
      case 'dense': {
        if (shape.length !== 1) {
          return fail(say('walk.denseNeedsFlat', { shape: shapeText(shape) }));
        }
        const e = checkInteger(NAMES.units, layer.units, 1);
        if (e) return fail(e);
        const p = denseParams(shape[0]!, layer.units, layer.bias ?? true);
        const out = [layer.units];
        layers.push(
          row(out, {
            ...p,
            macs: shape[0]! * layer.units,
            receptiveField: null,
            hyper: `${shape[0]} → ${layer.units}`,
          }),
        );
        shape = out;
        break;
      }
      default: {
        const unknown: { type?: unknown } = layer;
        return fail(say('walk.unknownType', { type: String(unknown.type) }));
      }
    }
  }
  return {
    ok: true,
    layers,
    totalParams: layers.reduce((a, l) => a + l.params, 0),
    totalMacs: layers.reduce((a, l) => a + l.macs, 0),
    outputShape: shape,
  };
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
