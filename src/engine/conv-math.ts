/**
 * Pure convolution arithmetic: output sizes, parameter counts, multiply-adds, receptive fields and a
 * layer-by-layer shape walk of a sequential network. One window's arithmetic is conv-size.ts (re-exported
 * here), so that `<conv-calculator>` and `<kernel-viewer>` load it without the walk.
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
import { NAMES, checkInteger, convParams, denseParams, outputSize, type PaddingSpec } from './conv-size.js';

export * from './conv-size.js';

/** A message of this module (its English in conv-math.messages.ts). */
const say = messagesOf(M);
const failure = (m: Message) => ({ ok: false as const, error: m.text, message: m });

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
