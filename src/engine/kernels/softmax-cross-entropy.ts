/**
 * The loss of a classifier and its count of right answers as ONE kernel, and its gradient as one more, on the
 * CPU backends (wasm, cpu). training/core.ts uses them where the backend has them; elsewhere (WebGL, WebGPU)
 * the ops one by one, as before.
 *
 * WHY. `−Σ y·logSoftmax(logits) / B` and `Σ (argMax(logits) = label)` were ~16 kernels forward and ~10 more in
 * the backward pass (max, sub, exp, sum, log, sub, mul, sum, neg, div; argMax, equal, cast, sum; and their
 * gradients) on a [64 × 10] tensor: each a few microseconds of TensorFlow.js bookkeeping around almost no
 * arithmetic — measured, ~5 % of a training step of the lesson's cnn on wasm. Here both run in one pass over
 * the logits, in JavaScript on the tensor's own bytes (wasm heap or cpu array): 640 numbers need no SIMD.
 *
 * MATHS, per example i with label c (float64 inside, float32 out):
 *   m = maxⱼ zᵢⱼ,  s = Σⱼ e^(zᵢⱼ − m),  ℓᵢ = log s − (zᵢ꜀ − m)          loss = Σᵢ ℓᵢ / divisor
 *   right answer when the first j with zᵢⱼ = m is c (tf.argMax's choice on ties)
 *   ∂loss/∂zᵢⱼ = (e^(zᵢⱼ − m)/s − [j = c]) · dy / divisor
 * The divisor is the whole batch's size even for a share or a micro-batch of it (core.ts), so that summed
 * gradients are the batch's mean. A label outside 0..K−1 contributes NaN (the run then stops as diverged) rather
 * than reading out of bounds.
 */
import { engine, getKernel, getBackend, registerKernel, zerosLike } from '@tensorflow/tfjs-core';
import type {
  GradConfig,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  Tensor,
  TensorInfo,
  TypedArray,
} from '@tensorflow/tfjs-core';

export const SOFTMAX_CROSS_ENTROPY = 'CnnSoftmaxCrossEntropy';
export const SOFTMAX_CROSS_ENTROPY_GRAD = 'CnnSoftmaxCrossEntropyGrad';

/** [Σᵢ ℓᵢ / divisor, right answers] of `n` rows of `k` logits (see the top of this file). */
export function softmaxCrossEntropyJs(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  n: number,
  k: number,
  divisor: number,
): [number, number] {
  let loss = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let m = -Infinity;
    let best = 0;
    for (let j = 0; j < k; j++) {
      const z = logits[o + j]!;
      if (z > m) {
        m = z;
        best = j;
      }
    }
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(logits[o + j]! - m);
    const c = labels[i]!;
    loss += c >= 0 && c < k && Number.isInteger(c) ? Math.log(s) - (logits[o + c]! - m) : NaN;
    if (best === c) right++;
  }
  return [Math.fround(loss / divisor), right];
}

/** ∂loss/∂logits for an upstream gradient `dy` of the loss, into `out` (n × k). */
export function softmaxCrossEntropyGradJs(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  n: number,
  k: number,
  scale: number,
  out: Float32Array,
): void {
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let m = -Infinity;
    for (let j = 0; j < k; j++) m = Math.max(m, logits[o + j]!);
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(logits[o + j]! - m);
    const c = labels[i]!;
    for (let j = 0; j < k; j++) out[o + j] = (Math.exp(logits[o + j]! - m) / s - (j === c ? 1 : 0)) * scale;
  }
}

/** Reading inputs and making outputs on the two backends (the wasm heap, the cpu backend's arrays). */
interface Io {
  read(x: TensorInfo): TypedArray;
  /** A new float32 output of `shape`, and a view to write it through (valid until the next allocation). */
  make(shape: number[]): { info: TensorInfo; values: Float32Array };
}

type CpuLike = {
  data: { get(id: unknown): { values: TypedArray } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
};
type WasmLike = {
  typedArrayFromHeap(x: TensorInfo): TypedArray;
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
};

function ioOf(backendName: 'cpu' | 'wasm', backend: unknown): Io {
  if (backendName === 'cpu') {
    const b = backend as CpuLike;
    return {
      read: (x) => b.data.get(x.dataId).values,
      make: (shape) => {
        const values = new Float32Array(shape.reduce((a, d) => a * d, 1));
        return { info: b.makeTensorInfo(shape, 'float32', values), values };
      },
    };
  }
  const b = backend as WasmLike;
  return {
    read: (x) => b.typedArrayFromHeap(x),
    make: (shape) => {
      const info = b.makeOutput(shape, 'float32');
      return { info, values: b.typedArrayFromHeap(info) as Float32Array };
    },
  };
}

type Args = { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: NamedAttrMap };

function forwardConfig(backendName: 'cpu' | 'wasm'): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: Args): TensorInfo[] => {
    const { logits, labels } = inputs as { logits: TensorInfo; labels: TensorInfo };
    const [n, k] = logits.shape as [number, number];
    const io = ioOf(backendName, backend);
    const loss = io.make([]);
    const right = io.make([]);
    // Views after every allocation (an allocation may grow the wasm heap and detach older views).
    const [l, c] = softmaxCrossEntropyJs(io.read(logits), io.read(labels), n, k, attrs!.divisor as number);
    (io.read(loss.info) as Float32Array)[0] = l;
    (io.read(right.info) as Float32Array)[0] = c;
    return [loss.info, right.info];
  };
  return { kernelName: SOFTMAX_CROSS_ENTROPY, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
}

function gradConfig(backendName: 'cpu' | 'wasm'): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: Args): TensorInfo => {
    const { logits, labels, dy } = inputs as { logits: TensorInfo; labels: TensorInfo; dy: TensorInfo };
    const [n, k] = logits.shape as [number, number];
    const io = ioOf(backendName, backend);
    const out = io.make([n, k]);
    const scale = io.read(dy)[0]! / (attrs!.divisor as number);
    softmaxCrossEntropyGradJs(
      io.read(logits),
      io.read(labels),
      n,
      k,
      scale,
      io.read(out.info) as Float32Array,
    );
    return out.info;
  };
  return {
    kernelName: SOFTMAX_CROSS_ENTROPY_GRAD,
    backendName,
    kernelFunc: kernelFunc as unknown as KernelFunc,
  };
}

/** The forward kernel's gradient (registered with training/gradients.ts' others). */
export const softmaxCrossEntropyGradient: GradConfig = {
  kernelName: SOFTMAX_CROSS_ENTROPY,
  inputsToSave: ['logits', 'labels'],
  gradFunc: (dys, saved, attrs) => {
    const [logits, labels] = saved as [Tensor, Tensor];
    const dy = (dys as Tensor[])[0]!; // the count of right answers has no gradient
    return {
      logits: () => engine().runKernel(SOFTMAX_CROSS_ENTROPY_GRAD, { logits, labels, dy }, attrs) as Tensor,
      labels: () => zerosLike(labels),
    };
  },
};

/** Registers both kernels for `backendName` (after its package was imported). Idempotent. */
export function registerSoftmaxCrossEntropy(backendName: 'cpu' | 'wasm'): void {
  if (getKernel(SOFTMAX_CROSS_ENTROPY, backendName) != null) return;
  registerKernel(forwardConfig(backendName));
  registerKernel(gradConfig(backendName));
}

/**
 * [mean loss over `divisor`, count of right answers] as two scalars, or null where the current backend has no
 * such kernel (the caller then uses the ops). `labels`: int32, one per row of the float32 [n × k] `logits`.
 */
export function softmaxCrossEntropy(
  logits: Tensor,
  labels: Tensor,
  divisor: number,
): [Tensor, Tensor] | null {
  if (logits.rank !== 2 || logits.dtype !== 'float32' || labels.dtype !== 'int32') return null;
  if (getKernel(SOFTMAX_CROSS_ENTROPY, getBackend()) == null) return null;
  return engine().runKernel(SOFTMAX_CROSS_ENTROPY, { logits, labels }, { divisor }) as unknown as [
    Tensor,
    Tensor,
  ];
}
