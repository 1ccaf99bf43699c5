/**
 * MaxPoolGrad for the WASM backend, written in JavaScript directly on the WebAssembly heap.
 *
 * MATHS. Max pooling passes each window's largest input through, so its derivative routes each upstream
 * gradient dy[b, oh, ow, c] to the single input position that won its window and adds nothing elsewhere:
 *
 *   dx[b, h, w, c] = Σ_{(oh,ow) : argmax of window (oh,ow) in channel c is (h,w)} dy[b, oh, ow, c]
 *
 * (a sum because overlapping windows, stride < size, can share a winner). Ties matter: after a ReLU most
 * windows of a feature map are all zeros, and TensorFlow's rule — the *first* maximum in row-major window
 * order wins (strict `>` while scanning), padding positions are never candidates, NaN never wins — must be
 * reproduced or gradients differ from the cpu backend. We scan exactly in that order.
 *
 * WHY JS. The stock wasm kernel is a scalar C++ loop that recomputes the argmax once per *input* pixel and
 * window (like the cpu/webgl "shader" formulation). Scanning once per *output* window, with channels as the
 * innermost, contiguous loop (NHWC), touches every input once and every dy once; V8 runs this at close to
 * memory speed — ≈0.5 ms for the lesson's 64×26×26×16 map — with no extra buffers beyond two C-length
 * scratch arrays.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { f32, heapOffset, kernelConfig, makeOutput, type BackendWasm, type KernelArgs } from './wasm-util.js';
import { maxPoolGrad2x2, simdAvailable } from './wasm-simd.js';
import { maxPoolGradInfo } from './conv-backprop-info.js';

let scratchBest = new Float32Array(64);
let scratchArg = new Int32Array(64);

function maxPoolGrad(args: KernelArgs): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, input, info } = maxPoolGradInfo(args);
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { strideHeight: SH, strideWidth: SW, effectiveFilterHeight: KH, effectiveFilterWidth: KW } = info;
  const pt = info.padInfo.top;
  const pl = info.padInfo.left;

  const out = makeOutput(backend, input.shape, 'float32');

  // FAST CASE: non-overlapping 2×2 windows with stride 2 and no padding inside the image (the lesson's pools,
  // 'valid', or 'same' on even sizes) → branch-free SIMD in wasm-simd.ts, ≈ 10× faster than the loop below.
  if (
    KH === 2 &&
    KW === 2 &&
    SH === 2 &&
    SW === 2 &&
    pt === 0 &&
    pl === 0 &&
    2 * OH <= H &&
    2 * OW <= W &&
    C >= 4 &&
    input.dtype === 'float32' &&
    dy.dtype === 'float32' &&
    simdAvailable(backend)
  ) {
    // Rows/columns no window covers (odd H or W) get no gradient: zero them first; windows overwrite the rest.
    if (2 * OH < H || 2 * OW < W) f32(backend, out).fill(0);
    maxPoolGrad2x2(
      backend,
      { x: heapOffset(backend, input), dy: heapOffset(backend, dy), dx: heapOffset(backend, out) },
      { B, H, W, C, OH, OW },
    );
    return out;
  }

  // Views only after the last heap allocation (an allocation may grow and detach the heap).
  const dx = f32(backend, out);
  const x = f32(backend, input);
  const g = f32(backend, dy);
  dx.fill(0);
  if (scratchBest.length < C) {
    scratchBest = new Float32Array(C);
    scratchArg = new Int32Array(C);
  }
  const best = scratchBest;
  const arg = scratchArg;

  for (let b = 0; b < B; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const rStart = oh * SH - pt;
      const r0 = Math.max(0, rStart);
      const r1 = Math.min(H, rStart + KH);
      for (let ow = 0; ow < OW; ow++) {
        const cStart = ow * SW - pl;
        const c0 = Math.max(0, cStart);
        const c1 = Math.min(W, cStart + KW);
        for (let c = 0; c < C; c++) {
          best[c] = -Infinity;
          arg[c] = -1;
        }
        for (let r = r0; r < r1; r++) {
          let base = ((b * H + r) * W + c0) * C;
          for (let col = c0; col < c1; col++, base += C) {
            for (let c = 0; c < C; c++) {
              const v = x[base + c];
              if (v > best[c]) {
                best[c] = v;
                arg[c] = base + c;
              }
            }
          }
        }
        const gBase = ((b * OH + oh) * OW + ow) * C;
        for (let c = 0; c < C; c++) {
          const a = arg[c];
          if (a >= 0) dx[a] = dx[a] + g[gBase + c];
        }
      }
    }
  }
  return out;
}

export const maxPoolGradConfig = kernelConfig('MaxPoolGrad', maxPoolGrad);
