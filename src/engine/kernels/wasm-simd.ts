/**
 * Hand-assembled WebAssembly SIMD kernels (wasm-asm.ts builds them) for three memory-bound loops of the
 * backward pass that neither XNNPACK nor V8 does well:
 *   - MaxPoolGrad of a 2×2/2 pool: in JS it is ≈ 3–6 ms per call for 64×26×26×16 (a data-dependent branch per
 *     element, bounds checks); branch-free 4-lane SIMD does it in a fraction of that.
 *   - Conv2DBackpropFilter of a conv with one input channel: XNNPACK must re-pack a fresh 692k-float "filter"
 *     on every call (≈ 4 ms); the direct sum is only 9 × 16 dot products over B·OH·OW positions.
 *   - Column sums (bias gradients) of a narrow matrix.
 * Each function is specialised on its shapes and cached (wasm-asm.ts `instantiate`).
 */
import { Fn, I32, OP, SIMD, V128, groups, instantiate } from './wasm-asm.js';
import type { BackendWasm } from './wasm-util.js';
import type { ConvDims } from './conv-backprop-info.js';

export { setSimdKernelsEnabled, simdAvailable } from './wasm-asm.js';

// ------------------------------------------------------------------------------------------------------------
// MaxPoolGrad, 2×2 windows, stride 2, no padding, NHWC, C ≥ 4
// ------------------------------------------------------------------------------------------------------------
/*
 * For each window (top-left p) and each 4-channel group, with a, b, c, d the window's values in row-major
 * order and g the upstream gradient, TensorFlow's rule "running max starting at −∞, strict >, first max wins,
 * NaN never wins" becomes lane-wise masks without branches:
 *
 *   ma = a > −∞            best = ma ? a : −∞
 *   mb = b > best          best = mb ? b : best
 *   mc = c > best          best = mc ? c : best
 *   md = d > best
 *   winner d ⇔ md;  c ⇔ mc ∧ ¬md;  b ⇔ mb ∧ ¬(mc ∨ md);  a ⇔ ma ∧ ¬(mb ∨ mc ∨ md)
 *
 * and dx at each of the four positions is `g AND mask` (g's bits where it won, +0 elsewhere). Windows do not
 * overlap, so each dx element is written exactly once; rows/columns outside every window (odd H or W) are
 * zeroed by the caller. The group at C−4 may overlap the previous one: it recomputes identical values.
 */
export function maxPoolGrad2x2(
  backend: BackendWasm,
  ptrs: { x: number; dy: number; dx: number },
  shape: { B: number; H: number; W: number; C: number; OH: number; OW: number },
): void {
  const { H, W, C } = shape;
  const f = instantiate(backend, `mpg2x2:${H}:${W}:${C}`, () => {
    // params: x, dy, dx, B, OH, OW
    const fn = new Fn(6);
    const [X, G, DX, NB, NOH, NOW] = [0, 1, 2, 3, 4, 5];
    const b = fn.local(I32);
    const oh = fn.local(I32);
    const ow = fn.local(I32);
    const p = fn.local(I32); // byte offset of the window's top-left, relative to the tensors' common origin
    const gp = fn.local(I32);
    const va = fn.local(V128);
    const vb = fn.local(V128);
    const vc = fn.local(V128);
    const vd = fn.local(V128);
    const vg = fn.local(V128);
    const best = fn.local(V128);
    const ma = fn.local(V128);
    const mb = fn.local(V128);
    const mc = fn.local(V128);
    const md = fn.local(V128);
    const later = fn.local(V128);
    const ninf = fn.local(V128);
    const rowBytes = W * C * 4;
    const colBytes = C * 4;
    // ninf = splat(−∞)
    fn.vsplatConst(-Infinity).set(ninf);
    fn.get(G).set(gp);
    fn.i32(0).set(b);
    fn.loopTo(b, NB, () => {
      fn.i32(0).set(oh);
      fn.loopTo(oh, NOH, () => {
        // p = ((b·H + 2·oh) · W · C) · 4 bytes
        fn.get(b).i32(H).mul().get(oh).get(oh).add().add().i32(rowBytes).mul().set(p);
        fn.i32(0).set(ow);
        fn.loopTo(ow, NOW, () => {
          for (const c of groups(C)) {
            const o = c * 4;
            const offs = [o, o + colBytes, o + rowBytes, o + rowBytes + colBytes];
            fn.get(X).get(p).add().vload(offs[0]!).set(va);
            fn.get(X).get(p).add().vload(offs[1]!).set(vb);
            fn.get(X).get(p).add().vload(offs[2]!).set(vc);
            fn.get(X).get(p).add().vload(offs[3]!).set(vd);
            fn.get(gp).vload(o).set(vg);
            // ma = a > −∞; best = ma ? a : −∞
            fn.get(va).get(ninf).simd(SIMD.f32x4_gt).set(ma);
            fn.get(va).get(ninf).get(ma).simd(SIMD.v128_bitselect).set(best);
            fn.get(vb).get(best).simd(SIMD.f32x4_gt).set(mb);
            fn.get(vb).get(best).get(mb).simd(SIMD.v128_bitselect).set(best);
            fn.get(vc).get(best).simd(SIMD.f32x4_gt).set(mc);
            fn.get(vc).get(best).get(mc).simd(SIMD.v128_bitselect).set(best);
            fn.get(vd).get(best).simd(SIMD.f32x4_gt).set(md);
            // dx stores: d, c, b, a — each `g AND its mask AND NOT the masks of later winners`
            const store = (offset: number, mask: number, later: number | null) => {
              fn.get(DX).get(p).add().get(vg).get(mask).simd(SIMD.v128_and);
              if (later != null) fn.get(later).simd(SIMD.v128_andnot);
              fn.vstore(offset);
            };
            store(offs[3]!, md, null);
            store(offs[2]!, mc, md);
            fn.get(mc).get(md).simd(SIMD.v128_or).set(later);
            store(offs[1]!, mb, later);
            fn.get(later).get(mb).simd(SIMD.v128_or).set(later);
            store(offs[0]!, ma, later);
          }
          fn.inc(p, 2 * colBytes);
          fn.inc(gp, colBytes);
        });
      });
    });
    return { nParams: 6, fn };
  });
  f(ptrs.x, ptrs.dy, ptrs.dx, shape.B, shape.OH, shape.OW);
}

// ------------------------------------------------------------------------------------------------------------
// Conv2DBackpropFilter with one input channel (NHWC, no padding), CO ≥ 4
// ------------------------------------------------------------------------------------------------------------
/*
 *   dw[kh, kw, 0, co] = Σ_{b, oh, ow} x[b, oh·SH + kh, ow·SW + kw] · dy[b, oh, ow, co]
 *
 * One call handles T taps (kh, kw0 … kw0+T−1) of one filter row: per position it loads dy's CO channels
 * once (4 per vector), broadcasts the T x values, and multiply-adds into T·⌈CO/4⌉ accumulators. To keep
 * float32 rounding small over the B·OH·OW ≈ 43k terms, each output row (b, oh) is summed into a row
 * accumulator first and then added to the total (two-level summation: error ≈ ε·(√OW + √(B·OH)) of the
 * magnitudes instead of ε·√(B·OH·OW)).
 */
export function conv1BackpropFilterTaps(
  backend: BackendWasm,
  ptrs: { x: number; dy: number; dw: number },
  shape: ConvDims,
  kh: number,
  kw0: number,
  T: number,
): void {
  const { H, W, OW, CO, KW, SH, SW } = shape;
  const f = instantiate(backend, `bpf1:${H}:${W}:${OW}:${CO}:${KW}:${SH}:${SW}:${T}`, () => {
    // params: x, dy, dw, B, OH, kh, kw0
    const fn = new Fn(7);
    const [X, DY, DW, NB, NOH, KH0, KW0] = [0, 1, 2, 3, 4, 5, 6];
    const b = fn.local(I32);
    const oh = fn.local(I32);
    const ow = fn.local(I32);
    const xp = fn.local(I32);
    const dp = fn.local(I32);
    const nOW = fn.local(I32);
    const gs = groups(CO);
    const acc: number[][] = [];
    const row: number[][] = [];
    for (let t = 0; t < T; t++) {
      acc.push(gs.map(() => fn.local(V128)));
      row.push(gs.map(() => fn.local(V128)));
    }
    const dyv = gs.map(() => fn.local(V128));
    const s = fn.local(V128);
    // Locals start at zero (v128 zero), so the accumulators need no initialisation.
    fn.i32(OW).set(nOW);
    fn.get(DY).set(dp);
    fn.i32(0).set(b);
    fn.loopTo(b, NB, () => {
      fn.i32(0).set(oh);
      fn.loopTo(oh, NOH, () => {
        // xp = X + ((b·H + oh·SH + kh) · W + kw0) · 4
        fn.get(X);
        fn.get(b)
          .i32(H)
          .mul()
          .get(oh)
          .i32(SH)
          .mul()
          .add()
          .get(KH0)
          .add()
          .i32(W)
          .mul()
          .get(KW0)
          .add()
          .i32(4)
          .mul();
        fn.add().set(xp);
        for (let t = 0; t < T; t++) for (const r of row[t]!) fn.vzero().set(r);
        fn.i32(0).set(ow);
        fn.loopTo(ow, nOW, () => {
          gs.forEach((c, j) =>
            fn
              .get(dp)
              .vload(c * 4)
              .set(dyv[j]!),
          );
          for (let t = 0; t < T; t++) {
            fn.get(xp)
              .splatLoad(t * 4)
              .set(s);
            gs.forEach((_, j) => {
              fn.get(row[t]![j]!)
                .get(s)
                .get(dyv[j]!)
                .simd(SIMD.f32x4_mul)
                .simd(SIMD.f32x4_add)
                .set(row[t]![j]!);
            });
          }
          fn.inc(xp, SW * 4);
          fn.inc(dp, CO * 4);
        });
        for (let t = 0; t < T; t++) {
          gs.forEach((_, j) => fn.get(acc[t]![j]!).get(row[t]![j]!).simd(SIMD.f32x4_add).set(acc[t]![j]!));
        }
      });
    });
    // dw[kh, kw0 + t, 0, c…c+3] = acc[t][j]   (dw points at the filter's start)
    for (let t = 0; t < T; t++) {
      gs.forEach((c, j) => {
        fn.get(DW)
          .get(KH0)
          .i32(KW)
          .mul()
          .get(KW0)
          .add()
          .i32(CO * 4)
          .mul()
          .add();
        fn.get(acc[t]![j]!).vstore((t * CO + c) * 4);
      });
    }
    return { nParams: 7, fn };
  });
  f(ptrs.x, ptrs.dy, ptrs.dw, shape.B, shape.OH, kh, kw0);
}

// ------------------------------------------------------------------------------------------------------------
// Column sums of a row-major [outer, inner] float32 matrix (bias gradients), 4 ≤ inner ≤ 32
// ------------------------------------------------------------------------------------------------------------
/*
 * out[j] = Σ_i src[i, j]. All ⌈inner/4⌉ column groups stay in registers for the whole pass (one streaming read
 * of the matrix). Two-level float32 summation, as above: blocks of 64 rows are summed first, then added to the
 * total, so the rounding error stays ≈ ε·(8 + √(outer/64)) of the magnitudes (the JS path sums in float64;
 * the difference is far below the 1e-5 relative agreement we test for).
 */
export const SUM_SIMD_MAX_INNER = 32;
/**
 * With `ptrs.code` (an int32 matrix of the same shape: the fused conv-ReLU-pool's winners), only the entries
 * whose code is not 4 ("no winner") are summed: the bias gradient of that block (wasm-conv-relu-pool.ts).
 */
export function columnSums(
  backend: BackendWasm,
  ptrs: { src: number; dst: number; code?: number },
  outer: number,
  inner: number,
): void {
  const masked = ptrs.code != null;
  const f = instantiate(backend, `colsum:${inner}:${masked}`, () => {
    // params: src, dst, outer, code
    const fn = new Fn(4);
    const [SRC, DST, NOUT, CODE] = [0, 1, 2, 3];
    const i = fn.local(I32);
    const k = fn.local(I32);
    const p = fn.local(I32);
    const gs = groups(inner);
    const blk = gs.map(() => fn.local(V128));
    const tot = gs.map(() => fn.local(V128));
    const flush = (): void => {
      gs.forEach((_, j) => {
        fn.get(tot[j]!).get(blk[j]!).simd(SIMD.f32x4_add).set(tot[j]!);
        fn.vzero().set(blk[j]!);
      });
    };
    fn.i32(0).set(p).i32(0).set(i);
    fn.loopTo(i, NOUT, () => {
      gs.forEach((c, j) => {
        fn.get(blk[j]!)
          .get(SRC)
          .get(p)
          .add()
          .vload(c * 4);
        // masked: AND NOT (code == 4)
        if (masked) {
          fn.get(CODE)
            .get(p)
            .add()
            .vload(c * 4)
            .vsplatConst(4, 'i32')
            .simd(SIMD.i32x4_eq);
          fn.simd(SIMD.v128_andnot);
        }
        fn.simd(SIMD.f32x4_add).set(blk[j]!);
      });
      fn.inc(p, inner * 4).inc(k, 1);
      // if (k == 64) { total += block; block = 0; k = 0 }
      fn.get(k)
        .i32(64)
        .op(OP.i32_eq)
        .when(() => {
          flush();
          fn.i32(0).set(k);
        });
    });
    flush();
    gs.forEach((c, j) =>
      fn
        .get(DST)
        .get(tot[j]!)
        .vstore(c * 4),
    );
    return { nParams: 4, fn };
  });
  f(ptrs.src, ptrs.dst, outer, ptrs.code ?? 0);
}
