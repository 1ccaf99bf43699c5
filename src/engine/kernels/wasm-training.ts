/**
 * Training kernels for TensorFlow.js' WASM backend (tfjs-backend-wasm 4.22).
 *
 * WHY. The stock WASM backend is built for inference: it has no `Conv2DBackpropFilter` at all (training any
 * conv net fails with "kernel not registered"), and its `Conv2DBackpropInput` and `MaxPoolGrad` are scalar
 * C++ loops that, once the first gap is filled, take ~40 % of a training step of the lesson's CNN. We register
 * replacements that re-express each gradient as work the backend already does fast:
 *
 *   Conv2DBackpropFilter  → one XNNPACK forward convolution of transposed tensors   (wasm-conv-backprop.ts)
 *   Conv2DBackpropInput   → one XNNPACK forward convolution with the flipped filter   (wasm-conv-backprop.ts)
 *   MaxPoolGrad           → a single-pass argmax scatter in JS on the WASM heap     (wasm-maxpool-grad.ts)
 *
 * Each file explains its maths. All are exact re-indexings (no approximation): results match the cpu
 * backend to float32 rounding, for every stride, padding ('same', 'valid', explicit numbers), dimRoundingMode
 * and data format TensorFlow.js accepts for these ops (dilations are always 1 for these ops in tfjs — the
 * Conv2D gradient rejects dilations > 1 — and the forward conv is the stock one).
 *
 * USAGE. Call once, any time after `import('@tensorflow/tfjs-backend-wasm')` (before or after
 * `tf.setBackend('wasm')`): `registerWasmTrainingKernels()`. Idempotent. Only the 'wasm' backend is touched.
 * This module is loaded lazily by the engine, so static tfjs imports here are fine.
 */
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterConfig, conv2DBackpropInputConfig } from './wasm-conv-backprop.js';
import { maxPoolGradConfig } from './wasm-maxpool-grad.js';

/** The kernels we provide, in registration order. */
export const WASM_TRAINING_KERNELS: readonly KernelConfig[] = [
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  maxPoolGradConfig,
];

/**
 * Registers (or re-registers) our kernels for the 'wasm' backend. Safe to call many times.
 *
 * A stock kernel of the same name is unregistered first (registerKernel would otherwise warn and overwrite).
 * We deliberately keep the stock kernel's `setupFunc`/`disposeFunc`: if the wasm backend has not started yet,
 * the engine will call every registered setupFunc when it does, and some stock kernels rely on theirs; ours
 * need none (they call other kernels' already set-up functions at run time).
 */
export function registerWasmTrainingKernels(): void {
  for (const ours of WASM_TRAINING_KERNELS) {
    const current = getKernel(ours.kernelName, 'wasm');
    if (current?.kernelFunc === ours.kernelFunc) continue; // already ours
    const config: KernelConfig = { ...ours };
    if (current != null) {
      if (current.setupFunc != null) config.setupFunc = current.setupFunc;
      if (current.disposeFunc != null) config.disposeFunc = current.disposeFunc;
      unregisterKernel(ours.kernelName, 'wasm');
    }
    registerKernel(config);
  }
}
