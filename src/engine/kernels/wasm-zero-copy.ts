/**
 * Identity and same-dtype Cast without a copy, for the WASM backend.
 *
 * WHY. The stock wasm `Identity` and `Cast` kernels allocate a new heap buffer and copy the input into it.
 * Training calls them ~56 times per step for the lesson's CNN (`tf.identity` in gradient bookkeeping and
 * optimizers; ReLU's gradient is `dy · cast(step(x), 'float32')`, where step(x) is already float32), copying up
 * to 692k floats each time for nothing (≈ 1.5 ms/step measured).
 *
 * HOW. Exactly what the cpu backend does: return the *same* dataId and bump the backend's reference count
 * (`backend.incRef`, which the wasm Reshape kernel also relies on). Tensor data is immutable in TensorFlow.js —
 * no wasm kernel writes into an input, and variables are updated by swapping dataIds, not by writing — so
 * sharing the bytes is safe; the buffer is freed when the last tensor using it is disposed (disposeData only
 * frees at refCount 0). XNNPACK's operator caches are keyed by the data's id, which is shared too, and stay
 * valid for the same bytes. Numeric → bool casts are done here too because the stock kernel gets them wrong
 * (it stores the number itself: 2 stays 2, −1 becomes 255). Anything else goes to the stock kernel.
 */
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { wrapStock, type BackendWasm } from './wasm-util.js';

function share(backend: BackendWasm, x: TensorInfo): TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** Builds our Identity around the stock one. */
export function makeIdentityConfig(stock: KernelConfig): KernelConfig {
  return wrapStock(stock, (args, stockFunc) => {
    const { x } = args.inputs as { x: TensorInfo };
    return x.dtype === 'string' ? stockFunc(args) : share(args.backend as BackendWasm, x);
  });
}

/** Builds our Cast around the stock one: a same-dtype cast shares the input's bytes. */
export function makeCastConfig(stock: KernelConfig): KernelConfig {
  return wrapStock(stock, (args, stockFunc) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { dtype } = (args.attrs ?? {}) as { dtype?: string };
    const backend = args.backend as BackendWasm;
    if (x.dtype !== 'string' && dtype === x.dtype) return share(backend, x);
    if (dtype === 'bool' && (x.dtype === 'float32' || x.dtype === 'int32')) {
      // The stock kernel copies the numbers into a Uint8Array (2 → 2, −1 → 255); a bool must be x ≠ 0, as on
      // the cpu backend (NaN ≠ 0 → true).
      const out = backend.makeOutput(x.shape, 'bool');
      const src = backend.typedArrayFromHeap(x); // views after the allocation (it may grow the heap)
      const dst = backend.typedArrayFromHeap(out);
      for (let i = 0; i < src.length; i++) dst[i] = src[i] !== 0 ? 1 : 0;
      return out;
    }
    return stockFunc(args);
  });
}
