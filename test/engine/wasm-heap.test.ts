// A WASM heap that the browser refuses to grow (a loaded machine, many Workers each holding a heap) must fail
// the op with a clear error. Unguarded, tfjs-backend-wasm's malloc returns 0 and the tensor is placed at byte 0
// of the heap, over the module's own data: a later kernel traps with "Out of bounds memory access" (WebKit:
// "(evaluating 'func.apply(null, cArgs)')"), far from the cause (src/engine/kernels/wasm-heap.ts).
import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { getTf } from '../../src/engine/tensor.js';
import { heapOffset, type BackendWasm } from '../../src/engine/kernels/wasm-util.js';
import { WasmHeapExhaustedError } from '../../src/engine/kernels/wasm-heap.js';

describe('a WASM heap that cannot grow', () => {
  it('fails the allocation with a clear error instead of placing a tensor at address 0; the backend goes on working', async () => {
    await getTf('wasm', { strict: true });
    const backend = tf.findBackend('wasm') as unknown as BackendWasm;
    const memory = (backend.wasm as unknown as { asm: { memory: WebAssembly.Memory } }).asm.memory;
    // Each request is an eighth of the heap as it is now: with growth refused, the heap fills up in ≤ 8 of them.
    const floats = Math.ceil(memory.buffer.byteLength / 8 / 4);
    const refused = () => {
      throw new RangeError('WebAssembly.Memory.grow refused (simulated: no memory left)');
    };
    Object.defineProperty(memory, 'grow', { value: refused, configurable: true, writable: true });
    const made: TensorInfo[] = [];
    const offsets: number[] = [];
    let error: unknown = null;
    try {
      for (let i = 0; i < 12 && error == null; i++) {
        try {
          const t = backend.makeOutput([floats], 'float32');
          made.push(t);
          offsets.push(heapOffset(backend, t));
        } catch (e) {
          error = e;
        }
      }
    } finally {
      delete (memory as unknown as { grow?: unknown }).grow; // the prototype's grow again
      for (const t of made) backend.disposeData(t.dataId);
    }
    expect(offsets, 'no tensor placed at address 0').to.not.include(0);
    expect(error, 'the allocation that found no room threw').to.be.instanceOf(WasmHeapExhaustedError);
    expect((error as Error).message).to.match(/refused to enlarge it/);
    // Nothing was written over the heap: ops still compute, and growing works again.
    const big = tf.ones([floats * 10]);
    expect((await tf.sum(big).data())[0]).to.equal(floats * 10);
    big.dispose();
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    expect(Array.from(await tf.matMul(x, x).data())).to.deep.equal([7, 10, 15, 22]);
    tf.dispose(x);
  });
});
