/**
 * Small helpers shared by our WASM training kernels.
 *
 * WHY THIS FILE EXISTS
 * --------------------
 * A TensorFlow.js kernel receives `TensorInfo`s (dataId + shape + dtype), not `Tensor`s. On the WASM backend
 * each dataId maps to a block of the WebAssembly heap (`backend.dataIdMap.get(dataId).memoryOffset`). Kernels
 * may call *other kernels' functions* directly with TensorInfos (that is how tfjs-backend-wasm composes its own
 * kernels): the results are backend buffers that the engine does not track, so every intermediate one must be
 * released with `backend.disposeData(dataId)` — otherwise the heap leaks even though `tf.memory().numTensors`
 * would not show it. The helpers below make that pattern short and hard to get wrong.
 *
 * A TensorInfo "view" (same dataId, different shape) costs nothing and is how we reshape; views of inputs
 * must never be disposed (we do not own them).
 */
import { getKernel, util } from '@tensorflow/tfjs-core';
import type {
  DataType,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  NamedTensorInfoMap,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export type { BackendWasm };

/** What a kernel function receives (tfjs' KernelFunc argument, with the backend left untyped). */
export type KernelArgs = { inputs: NamedTensorInfoMap; backend: unknown; attrs?: NamedAttrMap };

/** A wasm kernel config of ours. */
export function kernelConfig(
  kernelName: string,
  func: (args: KernelArgs) => TensorInfo | TensorInfo[],
): KernelConfig {
  return { kernelName, backendName: 'wasm', kernelFunc: func as unknown as KernelFunc };
}

/**
 * A kernel config wrapped around the stock one (kept: `setupFunc`, the name, the backend): `func` gets the
 * call's arguments and the stock kernel function to hand the cases it does not improve.
 */
export function wrapStock(
  stock: KernelConfig,
  func: (args: KernelArgs, stockFunc: (args: KernelArgs) => TensorInfo) => TensorInfo,
): KernelConfig {
  const stockFunc = (a: KernelArgs) => stock.kernelFunc(a as Parameters<KernelFunc>[0]) as TensorInfo;
  const kernelFunc = (args: KernelArgs): TensorInfo => func(args, stockFunc);
  return { ...stock, kernelFunc: kernelFunc as unknown as KernelFunc };
}

/** A registered kernel function of the wasm backend, looked up lazily (they are set up when the backend starts). */
export function wasmKernel(name: string): KernelFunc {
  const config = getKernel(name, 'wasm');
  if (config == null) throw new Error(`cnn-widgets: wasm kernel '${name}' is not registered`);
  return config.kernelFunc;
}

/** Runs another wasm kernel on TensorInfos; the caller owns (and must dispose) the single output. */
export function runWasm(
  backend: BackendWasm,
  name: string,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const out = wasmKernel(name)({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`cnn-widgets: wasm kernel '${name}' returned several outputs`);
  return out;
}

/** Frees an intermediate backend buffer we created (never call it on an input or a view of one). */
export function release(backend: BackendWasm, info: TensorInfo): void {
  backend.disposeData(info.dataId);
}

/** Transposes with the wasm kernel (returns a new buffer). */
export function transposeWasm(backend: BackendWasm, x: TensorInfo, perm: number[]): TensorInfo {
  return runWasm(backend, 'Transpose', { x }, { perm });
}

/** A zero-cost reshape: same buffer, other shape. Do not dispose it separately from its source. */
export function view(x: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: x.dataId, shape, dtype: x.dtype };
}

/**
 * A Float32Array over a tensor's bytes on the WASM heap.
 *
 * IMPORTANT: any allocation (`makeOutput`, another kernel) may grow the heap, which detaches every view made
 * before it. Always allocate first, then take views, then compute, with no allocation in between.
 */
export function f32(backend: BackendWasm, x: TensorInfo): Float32Array {
  if (x.dtype !== 'float32') throw new Error(`cnn-widgets: expected float32, got ${x.dtype}`);
  return backend.typedArrayFromHeap(x) as Float32Array;
}

/** Allocates an (uninitialised) output buffer on the heap. */
export function makeOutput(backend: BackendWasm, shape: number[], dtype: DataType = 'float32'): TensorInfo {
  return backend.makeOutput(shape, dtype);
}

export const sizeOf = (shape: readonly number[]): number => util.sizeFromShape(shape as number[]);

/** A tensor's byte offset in the WASM heap (what our SIMD modules take as a pointer). */
export function heapOffset(backend: BackendWasm, x: TensorInfo): number {
  return (backend.dataIdMap.get(x.dataId) as { memoryOffset: number }).memoryOffset;
}
