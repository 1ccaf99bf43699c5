/**
 * Faster paths for two ops that dominate the *dense* half of backprop on the WASM backend.
 *
 * BatchMatMul with transposeA / transposeB
 * ----------------------------------------
 * A dense layer y = x·W has gradients dW = xᵀ·dy (transposeA) and dx = dy·Wᵀ (transposeB). The stock wasm
 * kernel hands the non-transposed case to XNNPACK's packed GEMM but runs the transposed cases through a slow
 * scalar loop: 3.3 ms for a 250×64 · 64×128 product at batch 64, versus 0.4 ms for an explicit Transpose
 * (a cheap memory shuffle, tens of µs at these sizes) followed by the fast, non-transposed GEMM. So we
 * transpose explicitly — (Aᵀ)ᵢⱼ = Aⱼᵢ, same numbers, same products, same sums — and call the stock kernel with
 * both flags false. Everything else (batch broadcasting, dtypes) stays the stock kernel's business.
 *
 * Sum over leading axes
 * ---------------------
 * Bias gradients are db[c] = Σ_{b,h,w} dy[b,h,w,c]: a sum over every axis but the last. The stock kernel first
 * transposes the reduced axes to the end (a full copy) and then reduces; for the lesson's conv1 that is
 * 2.6 ms. When the reduced axes form a *leading prefix* of the shape, the tensor is already a row-major
 * [outer, inner] matrix and the sum is one streaming pass of column accumulators (float64 in JS; for narrow
 * matrices, 4 ≤ inner ≤ 32, SIMD float32 with blocked summation in wasm-simd.ts). Any other reduction goes to
 * the stock kernel.
 */
import { backend_util, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import {
  f32,
  heapOffset,
  makeOutput,
  release,
  transposeWasm,
  wrapStock,
  type BackendWasm,
} from './wasm-util.js';
import { columnSums, simdAvailable, SUM_SIMD_MAX_INNER } from './wasm-simd.js';

/** Swaps the last two axes (what transposeA/B mean for a rank ≥ 2 operand). */
function swapLastTwo(backend: BackendWasm, x: TensorInfo): TensorInfo {
  const r = x.shape.length;
  const perm = [...Array(r).keys()];
  perm[r - 2] = r - 1;
  perm[r - 1] = r - 2;
  return transposeWasm(backend, x, perm);
}

/** Builds our BatchMatMul around the stock one (passed in at registration time). */
export function makeBatchMatMulConfig(stock: KernelConfig): KernelConfig {
  return wrapStock(stock, (args, stockFunc) => {
    const backend = args.backend as BackendWasm;
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    if ((!transposeA && !transposeB) || a.dtype !== 'float32' || b.dtype !== 'float32') {
      return stockFunc(args);
    }
    const aa = transposeA ? swapLastTwo(backend, a) : a;
    const bb = transposeB ? swapLastTwo(backend, b) : b;
    const out = stockFunc({
      inputs: { a: aa, b: bb },
      backend,
      attrs: { ...args.attrs, transposeA: false, transposeB: false },
    });
    if (aa !== a) release(backend, aa);
    if (bb !== b) release(backend, bb);
    return out;
  });
}

/** Builds our Sum around the stock one. */
export function makeSumConfig(stock: KernelConfig): KernelConfig {
  return wrapStock(stock, (args, stockFunc) => {
    const backend = args.backend as BackendWasm;
    const { x } = args.inputs as { x: TensorInfo };
    const { axis, keepDims } = (args.attrs ?? {}) as { axis: number | number[]; keepDims?: boolean };
    const rank = x.shape.length;
    const axes = [...util.parseAxisParam(axis, x.shape)].sort((p, q) => p - q);
    const k = axes.length;
    const isPrefix = k > 0 && k < rank && axes.every((ax, i) => ax === i);
    if (x.dtype !== 'float32' || !isPrefix) return stockFunc(args);

    const outer = util.sizeFromShape(x.shape.slice(0, k));
    const inner = util.sizeFromShape(x.shape.slice(k));
    let outShape = x.shape.slice(k);
    if (keepDims) outShape = backend_util.expandShapeToKeepDim(outShape, axes);
    const out = makeOutput(backend, outShape, 'float32');
    // Narrow matrices with many rows (conv bias gradients: 43k × 16): SIMD column sums, ≈ 10× the JS loop.
    if (inner >= 4 && inner <= SUM_SIMD_MAX_INNER && outer >= 64 && simdAvailable(backend)) {
      columnSums(backend, { src: heapOffset(backend, x), dst: heapOffset(backend, out) }, outer, inner);
      return out;
    }
    const src = f32(backend, x);
    const dst = f32(backend, out);
    const acc = new Float64Array(inner);
    for (let i = 0, base = 0; i < outer; i++, base += inner) {
      for (let j = 0; j < inner; j++) acc[j] += src[base + j];
    }
    dst.set(acc);
    return out;
  });
}
