/**
 * The direct step's matrix product (kernels/wasm-gemm.ts) against the stock WASM kernels (XNNPACK) it stands in
 * for: bit for bit, for the three products of a dense layer — y = relu(x·W + b) with W packed, dW = xᵀ·g read
 * through strides, dx = g·Wᵀ — at the lesson's sizes and at edges (rows and columns not multiples of the blocks,
 * 4 to 7 columns, 4 rows), with real-valued inputs.
 */
import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../../src/engine/kernels/wasm-training.js';
import { gemm, gemmFits, packB, packedSize } from '../../src/engine/kernels/wasm-gemm.js';
import {
  f32,
  heapOffset,
  makeOutput,
  release,
  type BackendWasm,
} from '../../src/engine/kernels/wasm-util.js';
import type { TensorInfo } from '@tensorflow/tfjs-core';

before(async () => {
  setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  registerWasmTrainingKernels();
  expect(await tf.setBackend('wasm')).to.equal(true);
});

const backend = () => tf.engine().backend as unknown as BackendWasm;
const info = (t: tf.Tensor): TensorInfo => ({ dataId: t.dataId, shape: t.shape, dtype: t.dtype });
const at = (t: tf.Tensor) => heapOffset(backend(), info(t));

/** How many of two arrays' values differ (Object.is: a −0 for a +0 counts too). */
const differ = (a: Float32Array, b: Float32Array) => a.filter((v, i) => !Object.is(v, b[i])).length;

/** C [M, N] from our kernel, read back (the buffer freed). */
function ours(
  M: number,
  N: number,
  s: { K: number; aRow: number; aCol: number; relu?: boolean; packed?: boolean },
  a: tf.Tensor,
  b: tf.Tensor,
  bias?: tf.Tensor,
): Float32Array {
  const be = backend();
  const c = makeOutput(be, [M, N]);
  const packed = s.packed ? makeOutput(be, [packedSize(s.K, N)]) : null;
  if (packed) packB(be, at(b), heapOffset(be, packed), s.K, N);
  gemm(
    be,
    { M, N, K: s.K, aRow: s.aRow, aCol: s.aCol, bias: !!bias, relu: !!s.relu, packed: !!packed },
    {
      a: at(a),
      b: packed ? heapOffset(be, packed) : at(b),
      c: heapOffset(be, c),
      ...(bias ? { bias: at(bias) } : {}),
    },
  );
  const out = f32(be, c).slice();
  release(be, c);
  if (packed) release(be, packed);
  return out;
}

describe('the dense layers’ matrix product on wasm (wasm-gemm.ts)', () => {
  const sizes: [number, number, number][] = [
    [64, 250, 128], // the lesson's first dense layer
    [64, 128, 84],
    [64, 84, 10],
    [32, 250, 128], // a share of two workers
    [7, 3, 10], // rows and columns past the blocks
    [4, 5, 5], // 4 to 7 columns: blocks of 4
    [13, 16, 7],
    [4, 1, 4],
  ];
  for (const [M, K, N] of sizes) {
    it(`${M}×${K} · ${K}×${N}: forward (packed W, bias, ReLU), xᵀ·g and g·Wᵀ equal XNNPACK's bit for bit`, () => {
      expect(gemmFits(backend(), M, N)).to.equal(true);
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const x = tf.randomNormal([M, K], 0, 1, 'float32', M + K);
        const w = tf.randomNormal([K, N], 0, 0.3, 'float32', K + N);
        const b = tf.randomNormal([N], 0, 0.1, 'float32', N);
        const g = tf.randomNormal([M, N], 0, 0.2, 'float32', M * N);
        // y = relu(x·W + b), as the layer's forward (the stock _FusedMatMul)
        const y = tf.fused.matMul({ a: x, b: w, bias: b, activation: 'relu' });
        const gotY = ours(M, N, { K, aRow: K, aCol: 1, relu: true, packed: true }, x, w, b);
        expect(differ(gotY, y.dataSync() as Float32Array), 'forward').to.equal(0);
        const lin = tf.fused.matMul({ a: x, b: w, bias: b });
        const gotLin = ours(M, N, { K, aRow: K, aCol: 1 }, x, w, b);
        expect(differ(gotLin, lin.dataSync() as Float32Array), 'forward, no ReLU, W in place').to.equal(0);
        // dW = xᵀ·g: [K, N], summed over the M rows; x read through strides (no transpose)
        const dw = tf.matMul(x, g, true, false);
        if (K >= 4) {
          const gotDw = ours(K, N, { K: M, aRow: 1, aCol: K }, x, g);
          expect(differ(gotDw, dw.dataSync() as Float32Array), 'xᵀ·g').to.equal(0);
        }
        // dx = g·Wᵀ: [M, K], summed over the N columns, from Wᵀ
        const dx = tf.matMul(g, w, false, true);
        const wt = tf.transpose(w);
        if (K >= 4) {
          const gotDx = ours(M, K, { K: N, aRow: N, aCol: 1 }, g, wt);
          expect(differ(gotDx, dx.dataSync() as Float32Array), 'g·Wᵀ').to.equal(0);
        }
      });
      expect(tf.memory().numTensors).to.equal(before);
    });
  }

  it('does not take fewer than 4 rows or 4 columns (the caller keeps the stock kernel)', () => {
    expect(gemmFits(backend(), 3, 128)).to.equal(false);
    expect(gemmFits(backend(), 64, 3)).to.equal(false);
  });
});
