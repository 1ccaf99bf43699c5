/**
 * Training kernels for TensorFlow.js' WASM backend (tfjs-backend-wasm 4.22).
 *
 * WHY. The stock WASM backend is built for inference: it has no `Conv2DBackpropFilter` at all (training any
 * conv net fails with "kernel not registered"), and its `Conv2DBackpropInput` and `MaxPoolGrad` are scalar
 * C++ loops that, once the first gap is filled, take ~40 % of a training step of the lesson's CNN. We register
 * replacements that re-express each gradient as work the backend already does fast:
 *
 *   Conv2DBackpropFilter  → one XNNPACK forward convolution of transposed tensors   (wasm-conv-backprop.ts)
 *                           or, for one input channel, a direct SIMD sum            (wasm-simd.ts)
 *   Conv2DBackpropInput   → one XNNPACK forward convolution with the flipped filter   (wasm-conv-backprop.ts)
 *   MaxPoolGrad           → a single-pass argmax scatter in JS on the WASM heap     (wasm-maxpool-grad.ts)
 *                           or, for 2×2/2 pooling, branch-free SIMD masks           (wasm-simd.ts)
 *   BatchMatMul, Sum      → wrappers with faster transposed / leading-axis paths    (wasm-matmul-sum.ts)
 *   Identity, Cast        → zero-copy (shared buffer) like the cpu backend          (wasm-zero-copy.ts)
 *
 * and two kernels of our own: conv → bias → ReLU → 2×2 max-pool in one pass, with its gradient kernels, which
 * models/build.ts uses for that block where the backend has it (conv-relu-pool.ts, wasm-conv-relu-pool.ts);
 * and one variable's Adam update in one SIMD pass over the heap, which optimizers/fused-adam.ts uses
 * (adam-update.ts, wasm-adam.ts).
 *
 * wasm-asm.ts assembles small WebAssembly SIMD modules at run time that import the backend's own memory, so
 * they work on tensors in place; where SIMD or that memory is unavailable, the JS/XNNPACK paths are used.
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
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { adamUpdateConfig } from './wasm-adam.js';
import { conv2DBackpropFilterConfig, conv2DBackpropInputConfig } from './wasm-conv-backprop.js';
import { makeBatchMatMulConfig, makeSumConfig } from './wasm-matmul-sum.js';
import { maxPoolGradConfig } from './wasm-maxpool-grad.js';
import { makeCastConfig, makeIdentityConfig } from './wasm-zero-copy.js';
import {
  convReluPoolConfig,
  convReluPoolGradBiasConfig,
  convReluPoolGradFilterConfig,
  convReluPoolGradInputConfig,
  registerConvReluPoolGradient,
} from './wasm-conv-relu-pool.js';

/**
 * What we register: a kernel name and a factory that receives the currently registered (stock) config, if
 * any. Replacements ignore it; wrappers (BatchMatMul, Sum) keep it as their fallback and require it.
 */
interface Provider {
  kernelName: string;
  make(stock: KernelConfig | undefined): KernelConfig | undefined;
}

const replace = (config: KernelConfig): Provider => ({ kernelName: config.kernelName, make: () => config });
const wrap = (kernelName: string, factory: (stock: KernelConfig) => KernelConfig): Provider => ({
  kernelName,
  make: (stock) => (stock == null ? undefined : factory(stock)),
});

/** The kernels we provide, in registration order. */
const PROVIDERS: readonly Provider[] = [
  replace(conv2DBackpropFilterConfig),
  replace(conv2DBackpropInputConfig),
  replace(maxPoolGradConfig),
  replace(convReluPoolConfig),
  replace(convReluPoolGradBiasConfig),
  replace(convReluPoolGradFilterConfig),
  replace(convReluPoolGradInputConfig),
  replace(adamUpdateConfig),
  wrap('BatchMatMul', makeBatchMatMulConfig),
  wrap('Sum', makeSumConfig),
  wrap('Identity', makeIdentityConfig),
  wrap('Cast', makeCastConfig),
];

/** kernelFuncs we registered, so a second call recognises them (and never wraps a wrapper). */
const ours = new WeakSet<KernelFunc>();

/** Names of the wasm kernels this module provides (for tests and diagnostics). */
export const WASM_TRAINING_KERNEL_NAMES: readonly string[] = PROVIDERS.map((p) => p.kernelName);

/**
 * Registers our kernels for the 'wasm' backend. Safe to call many times (later calls do nothing).
 *
 * A stock kernel of the same name is unregistered first (registerKernel would otherwise warn and overwrite).
 * We deliberately keep the stock kernel's `setupFunc`/`disposeFunc`: if the wasm backend has not started yet,
 * the engine will call every registered setupFunc when it does, and the stock kernel functions that our
 * wrappers fall back to rely on theirs; our own code needs none (it calls other kernels' already set-up
 * functions at run time).
 */
export function registerWasmTrainingKernels(): void {
  registerConvReluPoolGradient();
  for (const provider of PROVIDERS) {
    const current = getKernel(provider.kernelName, 'wasm');
    if (current != null && ours.has(current.kernelFunc)) continue;
    const made = provider.make(current);
    if (made == null) continue;
    const config: KernelConfig = { ...made };
    if (current != null) {
      if (current.setupFunc != null) config.setupFunc = current.setupFunc;
      if (current.disposeFunc != null) config.disposeFunc = current.disposeFunc;
      unregisterKernel(provider.kernelName, 'wasm');
    }
    ours.add(config.kernelFunc);
    registerKernel(config);
  }
}
