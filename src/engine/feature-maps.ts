/**
 * Feature maps as plain numbers, for `<feature-map>`: the layouts between PyTorch (`[out][in][K][K]` weights,
 * channel-major maps) and TensorFlow.js (`[K][K][in][out]` filters, NHWC activations), and the conv → ReLU →
 * max-pool chain itself.
 *
 * LIGHT: no DOM, and no TensorFlow.js at load time. The one function that computes (`computeMaps`) is handed
 * the tensor side (`tf`, its backend and the guarded `readBack`) by its caller, which got them from
 * `await import('./tensor.js')` on first need; this module only imports TensorFlow.js types, which the build
 * erases. So an element may import it statically and a page without feature maps still downloads no TF.js.
 */
import type { Tensor, Tensor3D, Tensor4D } from '@tensorflow/tfjs-core';
import type { Tf } from './backend.js';
import type { BackendName } from './training/config.js';
import type { ResolvedLayer } from './filters.js';

/** Activation maps: `data[c]` is channel `c`, row-major `height × width`. */
export interface FeatureMaps {
  shape: [channels: number, height: number, width: number];
  data: Float32Array[];
}

/** The weights of one layer, PyTorch order: `weights` is `[out][in][K][K]` flattened. */
export interface LayerWeights {
  shape: [outChannels: number, inChannels: number, kernelHeight: number, kernelWidth: number];
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * A conv layer's kernels, one `kernelHeight × kernelWidth` slice per output filter and input channel:
 * `data[o][i]` is filter `o`'s kernel over input channel `i` (row-major), as PyTorch's `weight[o][i]` holds it.
 */
export interface ChannelKernels {
  shape: [outChannels: number, inChannels: number, kernelHeight: number, kernelWidth: number];
  data: Float32Array[][];
}

/** An RGB image as the filters read it: `pixels` interleaved `[r, g, b, r, g, b, …]`, 0–1, row-major. */
export interface RgbImage {
  pixels: Float32Array;
  width: number;
  height: number;
}

/** A map's value range (as `valueRange` of the colour scale returns it). */
export interface Range {
  min: number;
  max: number;
}

/** PyTorch `[out][in][K][K]` → TensorFlow `[K][K][in][out]`. */
export function toHwio(
  l: Pick<ResolvedLayer, 'outChannels' | 'inChannels' | 'kernelSize' | 'weights'>,
): Float32Array {
  const { outChannels: O, inChannels: I, kernelSize: K, weights } = l;
  const out = new Float32Array(weights.length);
  for (let o = 0; o < O; o++)
    for (let i = 0; i < I; i++)
      for (let y = 0; y < K; y++)
        for (let x = 0; x < K; x++)
          out[((y * K + x) * I + i) * O + o] = weights[((o * I + i) * K + y) * K + x]!;
  return out;
}

/**
 * TensorFlow.js conv weights, `[KH][KW][in][out]` (HWIO, as a trainer's `weights()` gives `conv1/kernel`) → each
 * filter's slice per input channel (copies). Null when the shape is not 4-D positive integers or the data does not
 * match it.
 */
export function hwioKernels(shape: readonly number[], data: ArrayLike<number>): ChannelKernels | null {
  if (shape.length !== 4 || !shape.every((d) => Number.isInteger(d) && d > 0)) return null;
  const [kh, kw, ci, co] = shape as [number, number, number, number];
  if (data.length !== kh * kw * ci * co) return null;
  const out = Array.from({ length: co }, () => Array.from({ length: ci }, () => new Float32Array(kh * kw)));
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < ci; i++)
        for (let o = 0; o < co; o++) out[o]![i]![y * kw + x] = data[((y * kw + x) * ci + i) * co + o]!;
  return { shape: [co, ci, kh, kw], data: out };
}

/** Channel-major `[C·H·W]` values → one row-major plane per channel (copies, so the source may be reused). */
export function splitChannels(data: Float32Array, shape: [number, number, number]): FeatureMaps {
  const [c, h, w] = shape;
  const n = h * w;
  return { shape: [c, h, w], data: Array.from({ length: c }, (_, i) => data.slice(i * n, (i + 1) * n)) };
}

/**
 * A trainer layer's activations → maps. TensorFlow.js layers are NHWC, so `[1, H, W, C]` or `[H, W, C]`;
 * a flat layer (`[1, N]`, e.g. a dense layer) is shown as one 1×N strip. Null for anything else.
 */
export function nhwcToMaps(shape: number[], data: Float32Array): FeatureMaps | null {
  let s = shape.slice();
  while (s.length > 2 && s[0] === 1) s = s.slice(1);
  if (s.length === 2 && s[0] === 1) return { shape: [1, 1, s[1]!], data: [Float32Array.from(data)] };
  if (s.length !== 3 || s.some((d) => !(d > 0)) || data.length !== s[0]! * s[1]! * s[2]!) return null;
  const [h, w, c] = s as [number, number, number];
  const maps = Array.from({ length: c }, () => new Float32Array(h * w));
  for (let p = 0; p < h * w; p++) for (let k = 0; k < c; k++) maps[k]![p] = data[p * c + k]!;
  return { shape: [c, h, w], data: maps };
}

/** An interleaved RGB image → its three channel planes `{ shape: [3, H, W] }`, as PyTorch holds a photo. */
export function rgbToMaps(img: RgbImage): FeatureMaps {
  const n = img.width * img.height;
  const data = [0, 1, 2].map((c) => {
    const d = new Float32Array(n);
    for (let i = 0; i < n; i++) d[i] = img.pixels[i * 3 + c]!;
    return d;
  });
  return { shape: [3, img.height, img.width], data };
}

/** Each resolved layer's filters in PyTorch order, as copies (a caller cannot change the weights in use). */
export function layerWeightsOf(layers: readonly ResolvedLayer[]): LayerWeights[] {
  return layers.map((l) => ({
    shape: [l.outChannels, l.inChannels, l.kernelSize, l.kernelSize],
    weights: l.weights.slice(),
    bias: l.bias.slice(),
  }));
}

/** The smallest range holding both: a before/after pair drawn on one scale. */
export const unionRange = (a: Range, b: Range): Range => ({
  min: Math.min(a.min, b.min),
  max: Math.max(a.max, b.max),
});

/** What `computeMaps` needs of the tensor side: the `tf` of `getTf()`, its backend, and `readBack`. */
export interface TensorSide {
  tf: Tf;
  backend: BackendName;
  readBack: <T>(backend: BackendName, read: () => Promise<T>) => Promise<T>;
}

/**
 * The chain's tensors for one image: the last layer's output, channel-major `[C, H, W]`, and with `wantBefore`
 * also its value before activation and pooling. Runs in one `tf.tidy` (no await inside): only the returned
 * tensors survive, and the caller disposes them.
 */
export function convChain(
  tf: Tf,
  img: RgbImage,
  layers: readonly ResolvedLayer[],
  wantBefore: boolean,
): Tensor3D[] {
  return tf.tidy(() => {
    let x: Tensor4D = tf.tensor4d(img.pixels, [1, img.height, img.width, 3]);
    let pre: Tensor4D = x;
    for (const l of layers) {
      const w = tf.tensor4d(toHwio(l), [l.kernelSize, l.kernelSize, l.inChannels, l.outChannels]);
      pre = tf.add(tf.conv2d(x, w, l.stride, l.padding), tf.tensor1d(l.bias));
      x = pre;
      if (l.activation === 'relu') x = tf.relu(x);
      if (l.pool === 2) x = tf.maxPool(x, 2, 2, 'valid');
    }
    // NHWC → channel-major [C, H, W], which is how the maps are drawn and how PyTorch prints them.
    const chw = (t: Tensor4D) => tf.transpose(tf.squeeze<Tensor3D>(t, [0]), [2, 0, 1]);
    return wantBefore ? [chw(x), chw(pre)] : [chw(x)];
  });
}

/**
 * Runs the chain on an image and reads the maps back: `maps` after the last layer's activation and pooling,
 * `before` (with `wantBefore`) its convolution's output. The read is guarded (backend.ts `readBack`): a GPU
 * lost meanwhile fails with a clear error instead of hanging. Every tensor is disposed, whatever happens.
 */
export async function computeMaps(
  side: TensorSide,
  img: RgbImage,
  layers: readonly ResolvedLayer[],
  wantBefore: boolean,
): Promise<{ maps: FeatureMaps; before: FeatureMaps | null }> {
  const last = layers[layers.length - 1]!;
  let outs: Tensor[] = [];
  try {
    outs = convChain(side.tf, img, layers, wantBefore);
    const data = await side.readBack(side.backend, () =>
      Promise.all(outs.map((t) => t.data() as Promise<Float32Array>)),
    );
    const before = data[1];
    return {
      maps: splitChannels(data[0]!, last.outShape),
      before: before ? splitChannels(before, last.convShape) : null,
    };
  } finally {
    for (const t of outs) t.dispose();
  }
}
