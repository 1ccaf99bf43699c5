/**
 * The flat layout of a model's trainable variables: every variable's values one after another, in the model's
 * order. Data-parallel training (parallel.ts) sends weights and share gradients in it, as one transferable
 * buffer per step instead of one message per tensor.
 */
import { backend, tensor, type NamedTensorMap, type Tensor, type Variable } from '../tf-ops.js';

/** How many numbers the flat layout of `vars` holds. */
export const flatSize = (vars: readonly { size: number }[]): number => vars.reduce((a, v) => a + v.size, 0);

/**
 * The values of `tensors` (one per variable, in `vars`' order and sizes), read back into one flat array: `out`
 * when given (it must have the flat size; data-parallel training reuses one buffer per step rather than
 * allocating ~180 KB that the garbage collector then has to chase), else a new one. On WASM the values are read
 * straight from the heap, without the copy `dataSync` makes of each tensor.
 */
export function readFlat(tensors: readonly Tensor[], out?: Float32Array): Float32Array {
  const size = flatSize(tensors);
  if (out && out.length !== size)
    throw new RangeError(`readFlat: ${out.length} values given, ${size} needed.`);
  const flat = out ?? new Float32Array(size);
  const heap = backend() as { typedArrayFromHeap?: (t: Tensor) => Float32Array | Int32Array };
  let off = 0;
  for (const t of tensors) {
    flat.set(
      typeof heap.typedArrayFromHeap === 'function' && t.dtype === 'float32'
        ? heap.typedArrayFromHeap(t)
        : (t.dataSync() as Float32Array),
      off,
    );
    off += t.size;
  }
  return flat;
}

/**
 * Sets every variable from a flat array. Each gets a fresh tensor through `assign`: the wasm kernels cache
 * packed weights by tensor id (see optimizers/fused-adam.ts).
 */
export function assignFlat(vars: readonly Variable[], flat: Float32Array): void {
  let off = 0;
  for (const v of vars) {
    const t = tensor(flat.slice(off, off + v.size), v.shape, 'float32');
    v.assign(t);
    t.dispose();
    off += v.size;
  }
}

/** A flat gradient as the optimizer takes it: one tensor per variable name (call inside `tidy`). */
export function namedFromFlat(vars: readonly Variable[], flat: Float32Array): NamedTensorMap {
  const grads: NamedTensorMap = {};
  let off = 0;
  for (const v of vars) {
    grads[v.name] = tensor(flat.subarray(off, off + v.size), v.shape, 'float32');
    off += v.size;
  }
  return grads;
}
