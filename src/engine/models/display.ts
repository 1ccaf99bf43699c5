/**
 * How a network is shown to a reader, as plain data: which layers `<digit-pad>` lights up and the shapes
 * their activations will have, how a layer's channels are laid out on a canvas, and what `<model-summary>`
 * reads and draws (the `input-shape` text, PyTorch's layer names, the shrinking spatial stages, the dense
 * versus convolution weight count).
 *
 * LIGHT: no DOM, no TensorFlow.js — the same shape walk (conv-math) as the calculator, so every widget agrees.
 */
import {
  NAMES,
  checkInteger,
  walkModel,
  type LayerInfo,
  type LayerSpec,
  type ModelSpec,
} from '../conv-math.js';
import { messagesOf, type Message } from '../messages.js';
import { DISPLAY_MESSAGES } from './display.messages.js';

export { DISPLAY_MESSAGES } from './display.messages.js';

const say = messagesOf(DISPLAY_MESSAGES);

/** The name the engine gives a layer: its own `name`, else `<type><position>` (`dense8`). */
const layerName = (l: LayerSpec, i: number): string => l.name ?? `${l.type}${i + 1}`;

/**
 * The layers worth showing for a spec, with a reader's label (its English `label`, and `message` to say it in the
 * reader's language): a conv/dense layer followed by a ReLU is shown
 * after the ReLU ("conv1 + ReLU"), pooling as itself, the last layer as the scores; flatten/dropout skipped.
 */
export function displayLayers(spec: ModelSpec): { name: string; label: string; message: Message }[] {
  const out: { name: string; label: string; message: Message }[] = [];
  const push = (name: string, m: Message) => out.push({ name, label: m.text, message: m });
  const layers = spec.layers;
  layers.forEach((l: LayerSpec, i) => {
    const name = layerName(l, i);
    const next = layers[i + 1];
    const prev = layers[i - 1];
    if ((l.type === 'conv2d' || l.type === 'dense') && next?.type === 'relu') return;
    if (l.type === 'relu') push(name, say('layer.withRelu', { layer: prev?.name ?? say('layer.layer') }));
    else if (l.type === 'maxpool2d' || l.type === 'avgpool2d' || l.type === 'conv2d')
      push(name, say('layer.name', { layer: name }));
    else if (l.type === 'dense' && i === layers.length - 1) push(name, say('layer.scores', { layer: name }));
    else if (l.type === 'dense') push(name, say('layer.name', { layer: name }));
  });
  return out;
}

/** Computed once per spec object (specs are constants); a WeakMap, so a writer's own spec is not kept alive. */
const shapeCache = new WeakMap<ModelSpec, Map<string, number[]>>();

/**
 * Each layer's activation shape as the engine reports it (NHWC without the batch axis: `[h, w, c]`, or `[n]`),
 * by layer name (as `displayLayers` names them), worked out from the spec before any prediction — so a layer's
 * canvas has its final size from the start. A layer the walk cannot reach (an impossible shape) is left out.
 */
export function expectedShapes(spec: ModelSpec): ReadonlyMap<string, number[]> {
  const cached = shapeCache.get(spec);
  if (cached) return cached;
  const shapes = new Map<string, number[]>();
  const walk = walkModel(spec);
  spec.layers.forEach((l, i) => {
    const out = walk.layers[i]?.outputShape; // conv-math speaks PyTorch: [c, h, w]
    if (!out) return;
    shapes.set(layerName(l, i), out.length === 3 ? [out[1]!, out[2]!, out[0]!] : out.slice());
  });
  shapeCache.set(spec, shapes);
  return shapes;
}

/** Where one layer's activations go on a canvas (see `layerGeometry`). */
export type LayerGeometry =
  | { spatial: true; h: number; w: number; c: number; cols: number; width: number; height: number }
  | { spatial: false; h: 1; w: number; c: 1; cols: 1; width: number; height: 1 };

/**
 * Canvas size for one layer's activations (`[H, W, C]` channels last, or `[N]`): the channels as H×W tiles in
 * a grid of up to 8 columns with a 1-pixel gap, or one row of N values for a flat layer.
 */
export function layerGeometry(shape: readonly number[]): LayerGeometry {
  // Without the batch axis as documented; tolerate one (`[1, H, W, C]`, `[1, N]`) from other sources.
  const dims = shape.length === 4 || shape.length === 2 ? shape.slice(1) : shape;
  if (dims.length === 3) {
    const [h, w, c] = dims as [number, number, number];
    const cols = Math.min(c, 8);
    const rows = Math.ceil(c / cols);
    return { spatial: true, h, w, c, cols, width: cols * (w + 1) - 1, height: rows * (h + 1) - 1 };
  }
  const n = dims.reduce((a, b) => a * b, 1);
  return { spatial: false, h: 1, w: n, c: 1, cols: 1, width: n, height: 1 };
}

/**
 * One layer's activations as a picture for `layerGeometry`'s canvas: `width` × `height` levels in 0..1, each
 * channel's map in its tile, the 1-pixel gaps 0 (no ink). `range` is the values' smallest and largest (the
 * colour scale's `valueRange`). Activations after a ReLU are ≥ 0 and are scaled by the layer's maximum, so a
 * silent channel stays dark; scores can be negative and are scaled min–max.
 */
export function layerImage(
  shape: readonly number[],
  data: ArrayLike<number>,
  range: { min: number; max: number },
): { width: number; height: number; values: Float32Array } {
  const geo = layerGeometry(shape);
  const { width, height } = geo;
  const values = new Float32Array(width * height);
  const base = range.min >= 0 ? 0 : range.min;
  const span = range.max - base || 1;
  const level = (v: number) => (v - base) / span;
  if (geo.spatial) {
    const { h, w, c, cols } = geo;
    for (let ch = 0; ch < c; ch++) {
      const ox = (ch % cols) * (w + 1);
      const oy = Math.floor(ch / cols) * (h + 1);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) values[(oy + y) * width + ox + x] = level(data[(y * w + x) * c + ch]!);
    }
  } else {
    for (let i = 0; i < width; i++) values[i] = level(data[i]!);
  }
  return { width, height, values };
}

/**
 * Parses `input-shape`: `"C×H×W"` (e.g. `3x224x224`), `"H×W"` or `"W"` (square); the last two keep the model's
 * own channel count. Separators `x`, `×`, `*`, `,` or spaces. Returns a channels-first shape or a message.
 */
export function parseInputShape(
  text: string,
  channels: number,
): number[] | { error: string; message: Message } {
  const bad = (m: Message) => ({ error: m.text, message: m });
  const s = text.trim();
  if (!s) return bad(say('shape.empty'));
  const parts = s.split(/\s*[x×*,]\s*|\s+/i);
  if (parts.length > 3) return bad(say('shape.parts', { text: s }));
  const nums = parts.map((t) => (/^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN));
  const [c, h, w] = [say('shape.channels'), say('shape.height'), say('shape.width')];
  const names = nums.length === 3 ? [c, h, w] : nums.length === 2 ? [h, w] : [NAMES.inputSize];
  for (const [i, n] of nums.entries()) {
    if (Number.isNaN(n)) return bad(say('shape.notNumbers', { text: s }));
    const e = checkInteger(names[i]!, n, 1);
    if (e) return bad(e);
  }
  if (nums.length === 3) return nums;
  if (nums.length === 2) return [channels, nums[0]!, nums[1]!];
  return [channels, nums[0]!, nums[0]!];
}

export { TORCH_TYPE_NAMES } from './torch-calls.js';

const SPATIAL = new Set<LayerInfo['type']>(['conv2d', 'maxpool2d', 'avgpool2d', 'adaptiveavgpool2d']);

/**
 * The stages of a network's spatial size, for a diagram: the input, each conv/pool layer's output, then the
 * last layer when it is flat (the scores). Empty when there is nothing to draw: an input that is not C×H×W, or
 * no stage after it.
 */
export function spatialStages(
  input: readonly number[],
  layers: readonly LayerInfo[],
): { name: string; shape: number[] }[] {
  if (input.length !== 3) return [];
  const stages: { name: string; shape: number[] }[] = [{ name: 'input', shape: [...input] }];
  for (const l of layers) if (SPATIAL.has(l.type)) stages.push({ name: l.name, shape: l.outputShape });
  const last = layers.at(-1);
  if (last && last.outputShape.length === 1 && stages.length > 1)
    stages.push({ name: last.name, shape: last.outputShape });
  return stages.length < 2 ? [] : stages;
}

/**
 * The lesson's point in numbers: a dense first layer on the same input needs (C·H·W) × hidden weights; all
 * the convolution layers together need `convParams`. `ratio` is dense / conv (0 without convolutions).
 */
export function denseVersusConv(
  input: readonly number[],
  hidden: number,
  layers: readonly LayerInfo[],
): { inputs: number; dense: number; convLayers: number; convParams: number; ratio: number } {
  const inputs = input.reduce((a, b) => a * b, 1);
  const dense = inputs * hidden;
  const convs = layers.filter((l) => l.type === 'conv2d');
  const convParams = convs.reduce((a, l) => a + l.params, 0);
  return {
    inputs,
    dense,
    convLayers: convs.length,
    convParams,
    ratio: convParams > 0 ? dense / convParams : 0,
  };
}
