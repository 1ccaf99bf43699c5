/**
 * A small SIMD matrix product for the dense layers of the direct training step (training/direct-step.ts):
 * C[M, N] = bias + A·B, with A read through strides (so Aᵀ needs no copy) and an optional ReLU.
 *
 * WHY. The stock kernel hands every product to XNNPACK, which packs its B operand on every call (a dense
 * layer's weights are a new tensor after each update, the gradients are new every step) and needs an explicit
 * transpose for xᵀ·dy. In the trainer's Worker the dense products of the lesson's cnn were ~25 % of a training
 * step (bench, Worker CPU profile). Here every shape is a constant of the generated code (wasm-asm.ts), the
 * blocks are 4 rows × 8 columns (8 accumulators in registers), and B is read in place.
 *
 * THE SAME NUMBERS AS XNNPACK. Each output starts from its bias (or 0) and adds a[m, k]·b[k, n] for k = 0, 1, …
 * in order, a float32 multiply then a float32 add, as XNNPACK's SIMD micro-kernels do; the ReLU is an integer
 * max with 0 on the float's bits, as its ReLU kernels do. So the direct step stays bit for bit the tape's
 * (test/engine/direct-step.test.ts compares every loss and weight; test/engine/wasm-gemm.test.ts every product).
 *
 * SHAPES. M ≥ 4 and N ≥ 4 (else `gemmFits` is false and the caller keeps the stock kernel). Column blocks of 8
 * (of 4 when N < 8) and row blocks of 4; a last block that would run past the edge is moved back to end at it and
 * overlaps the one before: it computes the overlapped outputs again, identically, and stores the same values.
 * B with rows of a power-of-two size maps every row's block to the same few L1 sets: `packB` first copies it
 * into panels, each column block's K × 8 values contiguous.
 */
import { Fn, I32, SIMD, V128, instantiate, simdAvailable } from './wasm-asm.js';
import type { BackendWasm } from './wasm-util.js';

/** The product's shape and how A and B are laid out (strides in floats). */
export interface GemmShape {
  M: number;
  K: number;
  N: number;
  /** a[m, k] = A[m·aRow + k·aCol]. */
  aRow: number;
  aCol: number;
  bias: boolean;
  relu: boolean;
  /** B packed by `packB` into panels, else row-major [K, N]. */
  packed: boolean;
}

/** Integer max on the float bits (i32x4.max_s): what XNNPACK's ReLU micro-kernels use. */
const I32X4_MAX_S = 0xb8;
const MR = 4;

/** Start columns of the column blocks (the last one moved back to end at N), and the block width. */
function columnBlocks(N: number): { starts: number[]; width: 8 | 4 } {
  const width = N >= 8 ? 8 : 4;
  const starts: number[] = [];
  for (let j = 0; j + width <= N; j += width) starts.push(j);
  if (N % width) starts.push(N - width);
  return { starts, width };
}

/** Whether this backend can take the product (SIMD kernels on, at least 4 rows and 4 columns). */
export function gemmFits(backend: BackendWasm, M: number, N: number): boolean {
  return M >= MR && N >= 4 && simdAvailable(backend);
}

/** Floats `packB` writes for a [K, N] B. */
export const packedSize = (K: number, N: number): number => {
  const { starts, width } = columnBlocks(N);
  return starts.length * K * width;
};

/** Copies row-major B [K, N] (at byte offset `src`) into panels (at `dst`): panel p = columns of block p, K × width. */
export function packB(backend: BackendWasm, src: number, dst: number, K: number, N: number): void {
  const { starts, width } = columnBlocks(N);
  const f = instantiate(backend, `gemm-pack:${K}:${N}`, () => {
    const fn = new Fn(2); // src, dst
    const [SRC, DST] = [0, 1];
    const k = fn.local(I32);
    const s = fn.local(I32);
    const d = fn.local(I32);
    starts.forEach((j0, p) => {
      fn.get(SRC).set(s);
      fn.get(DST)
        .i32(p * K * width * 4)
        .add()
        .set(d);
      fn.repeat(k, K, () => {
        for (let v = 0; v < width / 4; v++)
          fn.get(d)
            .get(s)
            .vload((j0 + 4 * v) * 4)
            .vstore(v * 16);
        fn.inc(s, N * 4).inc(d, width * 4);
      });
    });
    return { nParams: 2, fn };
  });
  f(src, dst);
}

/**
 * C = bias + A·B (then ReLU), all byte offsets in the backend's heap; `c` is [M, N] row-major and is written
 * whole. The caller checked `gemmFits`.
 */
export function gemm(
  backend: BackendWasm,
  s: GemmShape,
  p: { a: number; b: number; c: number; bias?: number },
): void {
  const { M, K, N, aRow, aCol } = s;
  const { starts, width } = columnBlocks(N);
  const nv = width / 4;
  const key = `gemm:${K}:${N}:${aRow}:${aCol}:${+s.bias}${+s.relu}${+s.packed}`;
  const f = instantiate(backend, key, () => {
    const fn = new Fn(5); // a, b, c, bias, row blocks
    const [A, B, C, BIAS, NB] = [0, 1, 2, 3, 4];
    const rb = fn.local(I32);
    const ap = fn.local(I32);
    const bp = fn.local(I32);
    const aRowPtr = fn.local(I32);
    const cRowPtr = fn.local(I32);
    const k = fn.local(I32);
    const acc = Array.from({ length: MR * nv }, () => fn.local(V128));
    const bv = Array.from({ length: nv }, () => fn.local(V128));
    const av = fn.local(V128);
    starts.forEach((j0, blk) => {
      fn.get(A).set(aRowPtr).get(C).set(cRowPtr).i32(0).set(rb);
      fn.loopTo(rb, NB, () => {
        for (let r = 0; r < MR; r++) {
          for (let v = 0; v < nv; v++) {
            if (s.bias)
              fn.get(BIAS)
                .vload((j0 + 4 * v) * 4)
                .set(acc[r * nv + v]!);
            else fn.vzero().set(acc[r * nv + v]!);
          }
        }
        fn.get(aRowPtr).set(ap);
        fn.get(B)
          .i32(s.packed ? blk * K * width * 4 : j0 * 4)
          .add()
          .set(bp);
        const bStep = (s.packed ? width : N) * 4;
        fn.repeat(k, K, () => {
          for (let v = 0; v < nv; v++)
            fn.get(bp)
              .vload(v * 16)
              .set(bv[v]!);
          for (let r = 0; r < MR; r++) {
            fn.get(ap)
              .splatLoad(r * aRow * 4)
              .set(av);
            for (let v = 0; v < nv; v++) {
              const x = acc[r * nv + v]!;
              fn.get(x).get(av).get(bv[v]!).simd(SIMD.f32x4_mul).simd(SIMD.f32x4_add).set(x);
            }
          }
          fn.inc(ap, aCol * 4).inc(bp, bStep);
        });
        for (let r = 0; r < MR; r++) {
          for (let v = 0; v < nv; v++) {
            fn.get(cRowPtr).get(acc[r * nv + v]!);
            if (s.relu) fn.vzero().simd(I32X4_MAX_S);
            fn.vstore((r * N + j0 + 4 * v) * 4);
          }
        }
        fn.inc(aRowPtr, MR * aRow * 4).inc(cRowPtr, MR * N * 4);
      });
    });
    return { nParams: 5, fn };
  });
  const full = Math.floor(M / MR);
  f(p.a, p.b, p.c, p.bias ?? 0, full);
  // The last rows, as a block of 4 that ends at row M (overlapping the one before).
  if (M % MR) f(p.a + (M - MR) * aRow * 4, p.b, p.c + (M - MR) * N * 4, p.bias ?? 0, 1);
}
