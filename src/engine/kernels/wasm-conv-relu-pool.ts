/**
 * The fused conv → bias → ReLU → max-pool 2×2/2 block on the WASM backend (conv-relu-pool.ts says why and the
 * maths), its three gradient kernels, and the gradient that ties them to the tape.
 *
 * LAYOUT (NHWC, float32): x [B, H, W, CI], filter [KH, KW, CI, CO], bias [CO]; the conv output z would be
 * [B, OH, OW, CO] with OH = H − KH + 1; only its first 2·PH rows and 2·PW columns are pooled (PH = ⌊OH/2⌋), so
 * only those are computed. Output: pooled [B, PH, PW, CO]. The input `code` [B, PH, PW, CO] (int32, allocated
 * by the caller, conv-relu-pool.ts says why) is filled in place: which window position won, 0…3 in row-major
 * order, or 4 when no z of the window was positive (then nothing flows back).
 *
 * KERNELS (all SIMD over 4 channels, hand-assembled by wasm-asm.ts and specialised on the shapes):
 *   forward      for each window, each group of 4 output channels: the 4 positions' sums, bias first, then the
 *                max-with-winner by lane masks. Two channel groups share each broadcast input value.
 *   grad bias    db[co] = Σ dy over the windows that have a winner: masked column sums (wasm-simd.ts).
 *   grad filter  dW[kh, kw, ci, co] = Σ over windows with a winner of x[winner + (kh, kw), ci] · dy, vectorised
 *                over ci (CI a multiple of 4, at most 32), a scalar test of the code per (window, channel): the
 *                sparse sum; with one input channel (conv1) the taps' sums straight from the winners, vectorised
 *                over co (`gradFilterSingle`); otherwise the dense conv gradient (dz spread back to the winners,
 *                then the stock conv gradient).
 *   grad input   dx[winner + (kh, kw), ci] += w[kh, kw, ci, co] · dy, the same way round.
 * Where SIMD is unavailable every kernel has a plain path (the stock conv, then JS loops), with the same results.
 */
import { registerGradient, util } from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import { engine } from '@tensorflow/tfjs-core';
import {
  CONV_RELU_POOL,
  CONV_RELU_POOL_GRAD_BIAS,
  CONV_RELU_POOL_GRAD_FILTER,
  CONV_RELU_POOL_GRAD_INPUT,
} from './conv-relu-pool.js';
import { Fn, I32, OP, SIMD, V128, groups, instantiate, simdAvailable } from './wasm-asm.js';
import { columnSums, SUM_SIMD_MAX_INNER } from './wasm-simd.js';
import {
  f32,
  heapOffset,
  kernelConfig,
  makeOutput,
  release,
  runWasm,
  type BackendWasm,
  type KernelArgs,
} from './wasm-util.js';

/** The block's sizes. */
interface Dims {
  B: number;
  H: number;
  W: number;
  CI: number;
  KH: number;
  KW: number;
  CO: number;
  OH: number;
  OW: number;
  PH: number;
  PW: number;
}

function dimsOf(xShape: readonly number[], filterShape: readonly number[]): Dims {
  const [B, H, W, CI] = xShape as [number, number, number, number];
  const [KH, KW, , CO] = filterShape as [number, number, number, number];
  const OH = H - KH + 1;
  const OW = W - KW + 1;
  return { B, H, W, CI, KH, KW, CO, OH, OW, PH: OH >> 1, PW: OW >> 1 };
}

/** `into` = the 4 channels from c of the pooled element at byte offset `pooled` in the map at pointer `base`. */
const loadPooled = (fn: Fn, base: number, pooled: number, c: number, into: number) =>
  fn
    .get(base)
    .get(pooled)
    .add()
    .vload(c * 4)
    .set(into);
const key = (name: string, d: Dims) => `${name}:${d.H}:${d.W}:${d.CI}:${d.KH}:${d.KW}:${d.CO}`;
/** Byte offset of window position k (0…3, row-major) from the window's top-left, in a [H, W, C] map. */
const posOffset = (k: number, W: number, C: number) => ((k >> 1) * W + (k & 1)) * C * 4;
/** At most this many channel groups are unrolled (CO ≤ 32); wider layers take the plain paths. */
const MAX_GROUPS = 8;
/** The sparse gradients vectorise over input channels: CI a multiple of 4, at most this. */
const SPARSE_MAX_CI = 32;
const sparseFits = (d: Dims) => d.CI % 4 === 0 && d.CI <= SPARSE_MAX_CI;

/**
 * The window loops shared by every kernel: for b, ph, pw — `win` = byte offset of the window's top-left in an
 * [H, W, C] map (advanced by 2 columns per window), `pooled` = byte offset of the pooled element (CO apart).
 */
function windows(fn: Fn, d: Dims, C: number, nb: number, body: (win: number, pooled: number) => void): void {
  const b = fn.local(I32);
  const ph = fn.local(I32);
  const pw = fn.local(I32);
  const nph = fn.local(I32);
  const npw = fn.local(I32);
  const win = fn.local(I32);
  const pooled = fn.local(I32);
  fn.i32(d.PH).set(nph).i32(d.PW).set(npw).i32(0).set(pooled).i32(0).set(b);
  fn.loopTo(b, nb, () => {
    fn.i32(0).set(ph);
    fn.loopTo(ph, nph, () => {
      // win = ((b·H + 2·ph) · W) · C · 4
      fn.get(b)
        .i32(d.H)
        .mul()
        .get(ph)
        .get(ph)
        .add()
        .add()
        .i32(d.W * C * 4)
        .mul()
        .set(win);
      fn.i32(0).set(pw);
      fn.loopTo(pw, npw, () => {
        body(win, pooled);
        fn.inc(win, 2 * C * 4);
        fn.inc(pooled, d.CO * 4);
      });
    });
  });
}

// ------------------------------------------------------------------------------------------------------------
// Forward
// ------------------------------------------------------------------------------------------------------------
function forwardSimd(backend: BackendWasm, d: Dims, p: number[]): void {
  const f = instantiate(backend, key('crp', d), () => {
    const fn = new Fn(6); // x, w, bias, out, code, B
    const [X, WT, BIAS, OUT, CODE, NB] = [0, 1, 2, 3, 4, 5];
    // One channel group at a time (4 accumulators, one per window position): measured faster here than two or
    // more groups sharing each broadcast input value, which needs 8+ vector registers and spills.
    const acc = [0, 1, 2, 3].map(() => fn.local(V128));
    const wv = fn.local(V128);
    const best = fn.local(V128);
    const code = fn.local(V128);
    const m = fn.local(V128);
    const xc = fn.local(I32);
    const wc = fn.local(I32);
    const ci = fn.local(I32);
    windows(fn, d, d.CI, NB, (win, pooled) => {
      for (const c of groups(d.CO)) {
        fn.get(BIAS)
          .vload(c * 4)
          .set(acc[0]!);
        for (let k = 1; k < 4; k++) fn.get(acc[0]!).set(acc[k]!);
        fn.get(X).get(win).add().set(xc).get(WT).set(wc);
        const taps = () => {
          for (let kh = 0; kh < d.KH; kh++) {
            for (let kw = 0; kw < d.KW; kw++) {
              fn.get(wc)
                .vload(((kh * d.KW + kw) * d.CI * d.CO + c) * 4)
                .set(wv);
              for (let k = 0; k < 4; k++) {
                fn.get(acc[k]!)
                  .get(xc)
                  .splatLoad(posOffset(k, d.W, d.CI) + (kh * d.W + kw) * d.CI * 4);
                fn.get(wv).simd(SIMD.f32x4_mul).simd(SIMD.f32x4_add).set(acc[k]!);
              }
            }
          }
          fn.inc(xc, 4).inc(wc, d.CO * 4);
        };
        if (d.CI === 1) taps();
        else fn.repeat(ci, d.CI, taps);
        // best = max(0, z₀…z₃) with the first strict winner's index, 4 when none was positive.
        fn.vzero().set(best).vsplatConst(4, 'i32').set(code);
        for (let k = 0; k < 4; k++) {
          fn.get(acc[k]!).get(best).simd(SIMD.f32x4_gt).set(m);
          fn.get(acc[k]!).get(best).get(m).simd(SIMD.v128_bitselect).set(best);
          fn.vsplatConst(k, 'i32').get(code).get(m).simd(SIMD.v128_bitselect).set(code);
        }
        fn.get(OUT)
          .get(pooled)
          .add()
          .get(best)
          .vstore(c * 4);
        fn.get(CODE)
          .get(pooled)
          .add()
          .get(code)
          .vstore(c * 4);
      }
    });
    return { nParams: 6, fn };
  });
  f(...p);
}

function forward(args: KernelArgs): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, filter, bias, code } = args.inputs as Record<'x' | 'filter' | 'bias' | 'code', TensorInfo>;
  const d = dimsOf(x.shape, filter.shape);
  const shape = [d.B, d.PH, d.PW, d.CO];
  if (code?.dtype !== 'int32' || code.shape.join() !== shape.join())
    throw new Error(
      `cnn-widgets: ${CONV_RELU_POOL} needs an int32 code input of shape [${shape.join(', ')}]`,
    );
  if (simdAvailable(backend) && groups(d.CO).length <= MAX_GROUPS) {
    const out = makeOutput(backend, shape);
    const p = [x, filter, bias, out, code].map((t) => heapOffset(backend, t));
    forwardSimd(backend, d, [...p, d.B]);
    return out;
  }
  // Plain path: the stock fused conv with its ReLU, then the pool with winners in JS.
  const z = runWasm(backend, 'FusedConv2D', { x, filter, bias }, {
    strides: [1, 1],
    pad: 'valid',
    dataFormat: 'NHWC',
    dilations: [1, 1],
    dimRoundingMode: undefined,
    activation: 'relu',
  } as unknown as NamedAttrMap);
  const out = makeOutput(backend, shape);
  const zv = f32(backend, z);
  const ov = f32(backend, out);
  const cv = backend.typedArrayFromHeap(code) as Int32Array;
  const { CO, OW } = d;
  for (let b = 0, i = 0; b < d.B; b++) {
    for (let ph = 0; ph < d.PH; ph++) {
      for (let pw = 0; pw < d.PW; pw++) {
        const top = ((b * d.OH + 2 * ph) * OW + 2 * pw) * CO;
        const at = [top, top + CO, top + OW * CO, top + (OW + 1) * CO];
        for (let c = 0; c < CO; c++, i++) {
          let best = 0;
          let won = 4;
          for (let k = 0; k < 4; k++) {
            const v = zv[at[k]! + c]!;
            if (v > best) {
              best = v;
              won = k;
            }
          }
          ov[i] = best;
          cv[i] = won;
        }
      }
    }
  }
  release(backend, z);
  return out;
}

// ------------------------------------------------------------------------------------------------------------
// Gradient of the bias: masked column sums
// ------------------------------------------------------------------------------------------------------------
function gradBias(args: KernelArgs): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, code } = args.inputs as Record<'dy' | 'code', TensorInfo>;
  const CO = dy.shape[3]!;
  const n = util.sizeFromShape(dy.shape) / CO;
  const db = makeOutput(backend, [CO]);
  if (simdAvailable(backend) && CO <= SUM_SIMD_MAX_INNER) {
    const ptrs = {
      src: heapOffset(backend, dy),
      dst: heapOffset(backend, db),
      code: heapOffset(backend, code),
    };
    columnSums(backend, ptrs, n, CO);
    return db;
  }
  const g = f32(backend, dy);
  const cv = backend.typedArrayFromHeap(code) as Int32Array;
  const acc = new Float64Array(CO);
  for (let i = 0; i < g.length; i++) if (cv[i]! < 4) acc[i % CO] += g[i]!;
  f32(backend, db).set(acc);
  return db;
}

// ------------------------------------------------------------------------------------------------------------
// The dense way back: dz, the gradient of the conv output (zero except at the winners)
// ------------------------------------------------------------------------------------------------------------
function spreadToWinners(backend: BackendWasm, d: Dims, dy: TensorInfo, code: TensorInfo): TensorInfo {
  const dz = makeOutput(backend, [d.B, d.OH, d.OW, d.CO]);
  const zv = f32(backend, dz);
  // Rows/columns no window covers (odd OH/OW) get nothing; the windows overwrite all the rest.
  if (d.OH % 2 || d.OW % 2 || !simdAvailable(backend)) zv.fill(0);
  if (simdAvailable(backend)) {
    const f = instantiate(backend, `crpdz:${d.OH}:${d.OW}:${d.CO}`, () => {
      const fn = new Fn(4); // dy, code, dz, B
      const [DY, CODE, DZ, NB] = [0, 1, 2, 3];
      const dyv = fn.local(V128);
      const cv = fn.local(V128);
      windows(fn, { ...d, H: d.OH, W: d.OW }, d.CO, NB, (win, pooled) => {
        for (const c of groups(d.CO)) {
          loadPooled(fn, DY, pooled, c, dyv);
          loadPooled(fn, CODE, pooled, c, cv);
          for (let k = 0; k < 4; k++) {
            fn.get(DZ).get(win).add().get(dyv).get(cv).vsplatConst(k, 'i32').simd(SIMD.i32x4_eq);
            fn.simd(SIMD.v128_and).vstore(posOffset(k, d.OW, d.CO) + c * 4);
          }
        }
      });
      return { nParams: 4, fn };
    });
    f(heapOffset(backend, dy), heapOffset(backend, code), heapOffset(backend, dz), d.B);
    return dz;
  }
  const g = f32(backend, dy);
  const cv = backend.typedArrayFromHeap(code) as Int32Array;
  const { CO, OW } = d;
  for (let i = 0; i < g.length; i++) {
    const k = cv[i]!;
    if (k >= 4) continue;
    const c = i % CO;
    const w = (i - c) / CO; // (b·PH + ph)·PW + pw
    const pw = w % d.PW;
    const bph = (w - pw) / d.PW;
    const ph = bph % d.PH;
    const b = (bph - ph) / d.PH;
    zv[((b * d.OH + 2 * ph + (k >> 1)) * OW + 2 * pw + (k & 1)) * CO + c] = g[i]!;
  }
  return dz;
}

const CONV_ATTRS = { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dimRoundingMode: undefined };

// ------------------------------------------------------------------------------------------------------------
// Gradient of the filter
// ------------------------------------------------------------------------------------------------------------
/*
 * The sparse sums of both conv gradients, one generator. For each window and output channel co with a winner k
 * (and g = dy there), over the taps (kh, kw) and 4 input channels ci…ci+3 at a time:
 *
 *   filter:  acc[kh, kw, co, ci…] += g · x[window + pos(k) + (kh, kw), ci…]       (acc: [KH, KW, CO, CI])
 *   input:   dx[window + pos(k) + (kh, kw), ci…] += g · wT[co, kh, kw, ci…]      (wT: [CO, KH, KW, CI])
 *
 * "map" is x or dx ([B, H, W, CI]), read or accumulated at the winner; "per-channel" is acc or wT, a block per co,
 * accumulated or read. Both are L1-sized except the map; every address is a constant offset from two pointers.
 */
function sparseConvGrad(
  backend: BackendWasm,
  kind: 'filter' | 'input',
  d: Dims,
  ptrs: { map: number; dy: number; code: number; perChannel: number },
): void {
  const { KH, KW, CI, CO } = d;
  const f = instantiate(backend, key(`crp-${kind}`, d), () => {
    const fn = new Fn(5); // map, dy, code, perChannel, B
    const [MAP, DY, CODE, PER, NB] = [0, 1, 2, 3, 4];
    const co = fn.local(I32);
    const k = fn.local(I32);
    const at = fn.local(I32); // the map at the winner
    const pc = fn.local(I32); // the per-channel block of co
    const j = fn.local(I32);
    const g = fn.local(V128);
    const perChannelBytes = (kind === 'filter' ? CI : KH * KW * CI) * 4;
    windows(fn, d, CI, NB, (win, pooled) => {
      fn.get(PER).set(pc);
      fn.repeat(co, CO, () => {
        // j = pooled + co·4; if (code[j] < 4) …
        fn.get(pooled).get(co).i32(4).mul().add().set(j);
        fn.get(CODE).get(j).add().iload(0).tee(k).i32(4).op(OP.i32_lt_u);
        fn.when(() => {
          fn.get(DY).get(j).add().splatLoad(0).set(g);
          // at = map + win + (k >> 1)·W·CI·4 + (k & 1)·CI·4
          fn.get(MAP)
            .get(win)
            .add()
            .get(k)
            .i32(1)
            .op(OP.i32_shr_u)
            .i32(d.W * CI * 4)
            .mul()
            .add();
          fn.get(k)
            .i32(1)
            .op(OP.i32_and)
            .i32(CI * 4)
            .mul()
            .add()
            .set(at);
          for (let kh = 0; kh < KH; kh++) {
            for (let kw = 0; kw < KW; kw++) {
              for (let c = 0; c < CI; c += 4) {
                const onMap = ((kh * d.W + kw) * CI + c) * 4;
                const onPc = (kind === 'filter' ? (kh * KW + kw) * CO * CI + c : (kh * KW + kw) * CI + c) * 4;
                const [dst, dOff, src, sOff] =
                  kind === 'filter' ? [pc, onPc, at, onMap] : [at, onMap, pc, onPc];
                fn.get(dst).get(dst).vload(dOff).get(src).vload(sOff).get(g).simd(SIMD.f32x4_mul);
                fn.simd(SIMD.f32x4_add).vstore(dOff);
              }
            }
          }
        });
        fn.inc(pc, perChannelBytes);
      });
    });
    return { nParams: 5, fn };
  });
  f(ptrs.map, ptrs.dy, ptrs.code, ptrs.perChannel, d.B);
}

/** Sparse dW: sums into acc [KH, KW, CO, CI], then a small JS transpose to dW [KH, KW, CI, CO]. */
function gradFilterSparse(backend: BackendWasm, d: Dims, x: TensorInfo, dy: TensorInfo, code: TensorInfo) {
  const { KH, KW, CI, CO } = d;
  const acc = makeOutput(backend, [KH, KW, CO, CI]);
  const dw = makeOutput(backend, [KH, KW, CI, CO]);
  f32(backend, acc).fill(0);
  const [map, g, c, perChannel] = [x, dy, code, acc].map((t) => heapOffset(backend, t));
  sparseConvGrad(backend, 'filter', d, { map: map!, dy: g!, code: c!, perChannel: perChannel! });
  const src = f32(backend, acc);
  const dst = f32(backend, dw);
  for (let t = 0; t < KH * KW; t++) {
    for (let o = 0; o < CO; o++) {
      for (let i = 0; i < CI; i++) dst[(t * CI + i) * CO + o] = src[(t * CO + o) * CI + i]!;
    }
  }
  release(backend, acc);
  return dw;
}

// ------------------------------------------------------------------------------------------------------------
// Gradient of the input
// ------------------------------------------------------------------------------------------------------------
/** Sparse dx: the filter copied to wT [CO, KH, KW, CI] (a small JS loop), then sums into dx (zeroed). */
function gradInputSparse(
  backend: BackendWasm,
  d: Dims,
  dy: TensorInfo,
  code: TensorInfo,
  filter: TensorInfo,
) {
  const { KH, KW, CI, CO } = d;
  const dx = makeOutput(backend, [d.B, d.H, d.W, CI]);
  const wt = makeOutput(backend, [CO, KH, KW, CI]);
  f32(backend, dx).fill(0);
  const src = f32(backend, filter);
  const dst = f32(backend, wt);
  for (let t = 0; t < KH * KW; t++) {
    for (let i = 0; i < CI; i++) {
      for (let o = 0; o < CO; o++) dst[(o * KH * KW + t) * CI + i] = src[(t * CI + i) * CO + o]!;
    }
  }
  const [map, g, c, perChannel] = [dx, dy, code, wt].map((t) => heapOffset(backend, t));
  sparseConvGrad(backend, 'input', d, { map: map!, dy: g!, code: c!, perChannel: perChannel! });
  release(backend, wt);
  return dx;
}

/*
 * dW of a block with ONE input channel (the lesson's first conv), summed straight from the pooled gradient and
 * the winners — without dz, the [B, OH, OW, CO] map of the spread (2.8 MB for a batch of 64 here), which the
 * dense path writes and then reads back. For each group of 4 output channels, each window, each position k of
 * the window: gk = dy where the window's winner is k, else 0 (a lane mask of the code; code 4, no winner, is
 * never k), and for every tap acc[kh, kw] += x[window + pos(k) + (kh, kw)] · gk. The KH·KW accumulators stay in
 * registers over all windows of a chunk of images; chunks (`SINGLE_CHUNK` images: their dy and code stay in L2)
 * pick up the sums where the last one left them. Measured in the trainer (bench, Worker CPU profile): conv1's
 * filter gradient went from ~17 % of a step (spread 6 %, conv gradient 11 %) to ~8 %.
 */
const SINGLE_MAX_TAPS = 9; // accumulators in registers: KH·KW of them, plus 4 of working values
const SINGLE_CHUNK = 8;
const singleFits = (d: Dims) => d.CI === 1 && d.KH * d.KW <= SINGLE_MAX_TAPS && d.CO >= 4;

function gradFilterSingle(backend: BackendWasm, d: Dims, x: TensorInfo, dy: TensorInfo, code: TensorInfo) {
  const { KH, KW, CO } = d;
  const T = KH * KW;
  const gs = groups(CO);
  // The sums per channel group, [group, tap, 4 lanes]: groups overlap when CO is not a multiple of 4, so each
  // keeps its own (an overlapped lane gets the very same sums in both: the same operations in the same order).
  const acc = makeOutput(backend, [gs.length * T * 4]);
  f32(backend, acc).fill(0);
  const f = instantiate(backend, key('crp-filter1', d), () => {
    const fn = new Fn(5); // x, dy, code, acc, B (images in this chunk)
    const [X, DY, CODE, ACC, NB] = [0, 1, 2, 3, 4];
    const sums = Array.from({ length: T }, () => fn.local(V128));
    const g = fn.local(V128);
    const cv = fn.local(V128);
    const gk = fn.local(V128);
    gs.forEach((c, gi) => {
      sums.forEach((a, t) =>
        fn
          .get(ACC)
          .vload((gi * T + t) * 16)
          .set(a),
      );
      windows(fn, d, 1, NB, (win, pooled) => {
        loadPooled(fn, DY, pooled, c, g);
        loadPooled(fn, CODE, pooled, c, cv);
        for (let k = 0; k < 4; k++) {
          fn.get(g).get(cv).vsplatConst(k, 'i32').simd(SIMD.i32x4_eq).simd(SIMD.v128_and).set(gk);
          for (let kh = 0; kh < KH; kh++) {
            for (let kw = 0; kw < KW; kw++) {
              const a = sums[kh * KW + kw]!;
              fn.get(a)
                .get(X)
                .get(win)
                .add()
                .splatLoad(posOffset(k, d.W, 1) + (kh * d.W + kw) * 4)
                .get(gk)
                .simd(SIMD.f32x4_mul)
                .simd(SIMD.f32x4_add)
                .set(a);
            }
          }
        }
      });
      sums.forEach((a, t) =>
        fn
          .get(ACC)
          .get(a)
          .vstore((gi * T + t) * 16),
      );
    });
    return { nParams: 5, fn };
  });
  const [px, pdy, pcode, pacc] = [x, dy, code, acc].map((t) => heapOffset(backend, t)) as number[];
  const xBytes = d.H * d.W * 4;
  const dyBytes = d.PH * d.PW * CO * 4;
  for (let b = 0; b < d.B; b += SINGLE_CHUNK) {
    const nb = Math.min(SINGLE_CHUNK, d.B - b);
    f(px! + b * xBytes, pdy! + b * dyBytes, pcode! + b * dyBytes, pacc!, nb);
  }
  const dw = makeOutput(backend, [KH, KW, 1, CO]);
  const src = f32(backend, acc);
  const dst = f32(backend, dw);
  gs.forEach((c, gi) => {
    for (let t = 0; t < T; t++) for (let l = 0; l < 4; l++) dst[t * CO + c + l] = src[(gi * T + t) * 4 + l]!;
  });
  release(backend, acc);
  return dw;
}

/** The filter's or the input's gradient: sparse where it fits, else the dense conv gradient of dz. */
function convGrad(kind: 'filter' | 'input') {
  return (args: KernelArgs): TensorInfo => {
    const backend = args.backend as BackendWasm;
    const { x, dy, code, filter } = args.inputs as Record<'x' | 'dy' | 'code' | 'filter', TensorInfo>;
    const { filterShape, inputShape } = args.attrs as unknown as Record<
      'filterShape' | 'inputShape',
      number[]
    >;
    const d = kind === 'filter' ? dimsOf(x.shape, filterShape) : dimsOf(inputShape, filter.shape);
    if (simdAvailable(backend) && sparseFits(d)) {
      return kind === 'filter'
        ? gradFilterSparse(backend, d, x, dy, code)
        : gradInputSparse(backend, d, dy, code, filter);
    }
    if (kind === 'filter' && simdAvailable(backend) && singleFits(d))
      return gradFilterSingle(backend, d, x, dy, code);
    const dz = spreadToWinners(backend, d, dy, code);
    const attrs = { ...CONV_ATTRS, filterShape, inputShape } as unknown as NamedAttrMap;
    const out =
      kind === 'filter'
        ? runWasm(backend, 'Conv2DBackpropFilter', { x, dy: dz }, attrs)
        : runWasm(backend, 'Conv2DBackpropInput', { dy: dz, filter }, attrs);
    release(backend, dz);
    return out;
  };
}

// ------------------------------------------------------------------------------------------------------------
// Registration
// ------------------------------------------------------------------------------------------------------------
export const convReluPoolConfig = kernelConfig(CONV_RELU_POOL, forward);
export const convReluPoolGradBiasConfig = kernelConfig(CONV_RELU_POOL_GRAD_BIAS, gradBias);
export const convReluPoolGradFilterConfig = kernelConfig(CONV_RELU_POOL_GRAD_FILTER, convGrad('filter'));
export const convReluPoolGradInputConfig = kernelConfig(CONV_RELU_POOL_GRAD_INPUT, convGrad('input'));

const run = (name: string, inputs: Record<string, Tensor>, attrs: object): Tensor =>
  engine().runKernel(name, inputs, attrs as NamedAttrMap) as Tensor;

/**
 * The block's gradient: each closure runs one kernel, from the pooled gradient and the saved winners (an input
 * that leads to no variable, so the backward pass asks for no gradient of it).
 */
export const convReluPoolGradConfig: GradConfig = {
  kernelName: CONV_RELU_POOL,
  inputsToSave: ['x', 'filter', 'code'],
  gradFunc: (dys: Tensor | Tensor[], saved: Tensor[]) => {
    const dy = Array.isArray(dys) ? dys[0]! : dys;
    const [x, filter, code] = saved as [Tensor, Tensor, Tensor];
    return {
      x: () => run(CONV_RELU_POOL_GRAD_INPUT, { dy, code, filter }, { inputShape: x.shape }),
      filter: () => run(CONV_RELU_POOL_GRAD_FILTER, { x, dy, code }, { filterShape: filter.shape }),
      bias: () => run(CONV_RELU_POOL_GRAD_BIAS, { dy, code }, {}),
    };
  },
};

/** Registers the block's gradient (idempotent: the registry keeps one per kernel name). */
export function registerConvReluPoolGradient(): void {
  registerGradient(convReluPoolGradConfig);
}
