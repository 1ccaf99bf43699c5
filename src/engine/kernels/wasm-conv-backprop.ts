/**
 * Conv2D gradients for the WASM backend, expressed as *forward* convolutions so that they run in XNNPACK's
 * SIMD convolution (the wasm `Conv2D` kernel) instead of a scalar loop.
 *
 * NOTATION (NHWC, dilation 1 — TensorFlow.js' Conv2D gradient refuses dilations > 1, and the two backprop
 * kernels have no dilation attribute at all):
 *
 *   forward   y[b, oh, ow, co] = Σ_{kh,kw,ci} x[b, oh·sh + kh − pt, ow·sw + kw − pl, ci] · w[kh, kw, ci, co]
 *
 * where pt/pl are the top/left paddings TensorFlow chose for `pad` ('same', 'valid' or explicit numbers) and
 * out-of-range x reads are zero. Both gradients below are re-indexings of this single sum.
 */
import { backend_util } from '@tensorflow/tfjs-core';
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import {
  f32,
  heapOffset,
  kernelConfig,
  makeOutput,
  release,
  runWasm,
  transposeWasm,
  view,
  type BackendWasm,
  type KernelArgs,
} from './wasm-util.js';
import { conv1BackpropFilterTaps, simdAvailable } from './wasm-simd.js';
import { backpropFilterInfo, backpropInputInfo, convDims, type ConvDims } from './conv-backprop-info.js';

/** Explicit NHWC padding in the form computeConv2DInfo accepts ('EXPLICIT'). */
function explicitPad(top: number, bottom: number, left: number, right: number): backend_util.ExplicitPadding {
  return [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
}

/** Runs the wasm (XNNPACK) forward Conv2D, NHWC, stride 1, with explicit non-negative pads. */
function conv2dWasm(
  backend: BackendWasm,
  x: TensorInfo,
  filter: TensorInfo,
  pads: [number, number, number, number],
  dilations: [number, number],
): TensorInfo {
  return runWasm(backend, 'Conv2D', { x, filter }, {
    strides: [1, 1],
    pad: explicitPad(pads[0], pads[1], pads[2], pads[3]),
    dataFormat: 'NHWC',
    dilations,
    dimRoundingMode: undefined,
  } as unknown as NamedAttrMap);
}

// ---------------------------------------------------------------------------------------------------------
// Conv2DBackpropFilter
// ---------------------------------------------------------------------------------------------------------
/*
 * dw[kh, kw, ci, co] = Σ_{b,oh,ow} x[b, oh·sh + kh − pt, ow·sw + kw − pl, ci] · dy[b, oh, ow, co]
 *
 * Read it as a forward convolution in which
 *   - the "image" is x with batch and channels swapped:       X'[ci, h, w, b]   = x[b, h, w, ci]
 *     (ci plays the batch, b plays the input channel that is summed over),
 *   - the "filter" is dy with its batch moved to the in-axis:  F'[oh, ow, b, co] = dy[b, oh, ow, co]
 *     (an OH×OW filter!),
 *   - the forward *stride* becomes the *dilation* (filter tap oh reads image row kh + oh·sh),
 *   - the output position (kh, kw) plays the output pixel, stride 1, top/left padding pt/pl.
 *
 *   out[ci, kh, kw, co] = Σ_{oh,ow,b} X'[ci, kh + oh·sh − pt, kw + ow·sw − pl, b] · F'[oh, ow, b, co]
 *
 * which is exactly dw transposed to [ci, kh, kw, co]; one more transpose gives [kh, kw, ci, co].
 *
 * The bottom/right padding must make the output exactly KH×KW: H + pt + pb − ((OH−1)·sh + 1) + 1 = KH, so
 * pb = KH + (OH−1)·sh − H − pt. It is negative when the last input rows are never read by the forward pass
 * (e.g. 'valid', stride 2, odd leftover); then we pad 0, get a few extra output rows *at the end* (the top
 * ones are unaffected because the top padding is exact) and slice them off.
 *
 * For the lesson's conv1 (x 64×28×28×1, dy 64×26×26×16) this is ONE XNNPACK GEMM of 9 output pixels ×
 * K = 26·26·64 × 16 channels, instead of the missing/scalar kernel.
 */
/** For benchmarks/tests only: force one Conv2DBackpropFilter formulation ('auto' picks by cost). */
let forceFormulation: 'auto' | 'x' | 'dy' | 'simd' = 'auto';
export function setBackpropFilterFormulation(mode: 'auto' | 'x' | 'dy' | 'simd'): void {
  forceFormulation = mode;
}
/** For benchmarks: filter taps per pass of the single-input-channel SIMD kernel (0 = automatic). */
let tapsPerPass = 0;
export function setBackpropFilterTapsPerPass(n: number): void {
  tapsPerPass = n;
}

function conv2DBackpropFilter(args: KernelArgs): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, dy, info } = backpropFilterInfo(args);
  const d = convDims(info);
  const { H, W, CI, OH, OW, CO, KH, KW, SH, SW, pt, pl } = d;
  const channelsLast = info.dataFormat === 'channelsLast';

  // FAST CASE: one input channel (the first conv of an image net), NHWC, no padding → a direct SIMD sum
  // (wasm-simd.ts): no transposes, and nothing for XNNPACK to re-pack.
  if (
    CI === 1 &&
    channelsLast &&
    pt === 0 &&
    pl === 0 &&
    (OH - 1) * SH + KH <= H &&
    (OW - 1) * SW + KW <= W &&
    CO >= 4 &&
    x.dtype === 'float32' &&
    dy.dtype === 'float32' &&
    (forceFormulation === 'auto' || forceFormulation === 'simd') &&
    simdAvailable(backend)
  ) {
    return backpropFilterSingleChannel(backend, x, dy, d);
  }

  const pbFwd = info.padInfo.bottom;
  const prFwd = info.padInfo.right;
  // Both formulations compute the same sums; they differ in which operand XNNPACK must *pack as weights*
  // (a copy + re-layout done on every call, since both operands are fresh tensors each step: measured
  // ≈4 ms for the 692k-float dy of the lesson's conv1, versus 0.8 ms for the GEMM itself). dy-as-filter
  // packs OH·OW·B·CO floats, x-as-filter packs H·W·B·CI — but the latter's GEMM has only CI output columns,
  // and XNNPACK's micro-kernels compute 8 (or more) columns at a time, so with CI = 1 (conv1) it is 2× slower
  // overall (measured 11 ms vs 4.5 ms). Hence: x-as-filter only when it packs less AND has CI ≥ 8.
  const xAsFilterOk =
    SH === 1 && SW === 1 && pt <= KH - 1 && pl <= KW - 1 && pbFwd <= KH - 1 && prFwd <= KW - 1;
  const preferXAsFilter =
    forceFormulation === 'x' || (forceFormulation === 'auto' && CI >= 8 && H * W * CI < OH * OW * CO);
  if (xAsFilterOk && preferXAsFilter) {
    return backpropFilterXAsFilter(backend, x, dy, channelsLast, [KH, KW, CI, CO], [pt, pl, pbFwd, prFwd]);
  }

  // NHWC x[b,h,w,ci] → [ci,h,w,b];  NCHW x[b,ci,h,w] → [ci,h,w,b].
  const xT = transposeWasm(backend, x, channelsLast ? [3, 1, 2, 0] : [1, 2, 3, 0]);
  // NHWC dy[b,oh,ow,co] → [oh,ow,b,co];  NCHW dy[b,co,oh,ow] → [oh,ow,b,co].
  const dyT = transposeWasm(backend, dy, channelsLast ? [1, 2, 0, 3] : [2, 3, 0, 1]);

  const pb = Math.max(0, KH + (OH - 1) * SH - H - pt);
  const pr = Math.max(0, KW + (OW - 1) * SW - W - pl);
  const conv = conv2dWasm(backend, xT, dyT, [pt, pb, pl, pr], [SH, SW]);
  release(backend, xT);
  release(backend, dyT);

  let cikhkwco = conv; // [CI, KH(+extra), KW(+extra), CO]
  if (conv.shape[1] !== KH || conv.shape[2] !== KW) {
    cikhkwco = runWasm(backend, 'Slice', { x: conv }, { begin: [0, 0, 0, 0], size: [CI, KH, KW, CO] });
    release(backend, conv);
  }
  if (CI === 1) {
    // [1, KH, KW, CO] and [KH, KW, 1, CO] are the same bytes: relabel instead of copying.
    return view(cikhkwco, [KH, KW, CI, CO]);
  }
  const dw = transposeWasm(backend, cikhkwco, [1, 2, 0, 3]);
  release(backend, cikhkwco);
  return dw;
}

/*
 * The single-input-channel formulation: dw[kh, kw, 0, co] = Σ_{b,oh,ow} x[b, oh·SH+kh, ow·SW+kw] · dy[b,oh,ow,co],
 * computed directly in SIMD by conv1BackpropFilterTaps, a few filter taps of one row per pass over dy.
 */
export function backpropFilterSingleChannel(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  s: ConvDims,
): TensorInfo {
  const dw = makeOutput(backend, [s.KH, s.KW, 1, s.CO]);
  const ptrs = { x: heapOffset(backend, x), dy: heapOffset(backend, dy), dw: heapOffset(backend, dw) };
  // Taps per pass: more taps = fewer passes over dy, but 2·T·⌈CO/4⌉ accumulators
  // should roughly fit in the 16 SIMD registers (a few spills measured cheaper than 3× the passes over dy).
  const groups = Math.ceil(s.CO / 4);
  const T = Math.max(1, Math.min(s.KW, tapsPerPass > 0 ? tapsPerPass : Math.floor(12 / groups)));
  for (let kh = 0; kh < s.KH; kh++) {
    for (let kw0 = 0; kw0 < s.KW; kw0 += T) {
      const t = Math.min(T, s.KW - kw0);
      conv1BackpropFilterTaps(backend, ptrs, s, kh, kw0, t);
    }
  }
  return dw;
}

/*
 * The second formulation (stride 1 only): swap the roles, x becomes the filter and dy the image.
 *
 * With stride 1 the forward reads x row t = oh + kh − pt. Let the filter tap be t (all H rows of x) and the
 * image be dy padded by P = KH−1−pt on top; a correlation output row p reads image row p + t, i.e. dy row
 * p + t − P, and that must equal oh = t − kh + pt, so p = KH−1−kh: the output comes out *flipped* in kh
 * (same for columns). Channels: the image is dy with batch and channels swapped, Y'[co, oh, ow, b]; the
 * filter is x with batch as its input axis, X''[h, w, b, ci]; the conv output is out[co, KH−1−kh, KW−1−kw, ci]
 *
 *   out[co, p, q, ci] = Σ_{t,u,b} Y'pad[co, p + t, q + u, b] · X''[t, u, b, ci] = dw[KH−1−p, KW−1−q, ci, co].
 *
 * Bottom padding: KH = OH + P + Pb − H + 1 gives Pb = KH − 1 − (forward bottom pad), non-negative whenever the
 * forward pads are < KH (always true for 'same'/'valid'; exotic explicit pads use the first formulation).
 * For the lesson's conv1 this packs x (28·28·64 floats) instead of dy (26·26·64·16), 14× less.
 */
function backpropFilterXAsFilter(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  channelsLast: boolean,
  filterShape: [number, number, number, number],
  fwdPads: [number, number, number, number],
): TensorInfo {
  const [KH, KW, CI, CO] = filterShape;
  const [pt, pl, pb, pr] = fwdPads;
  // dy → [co, oh, ow, b];  x → [h, w, b, ci].
  const dyT = transposeWasm(backend, dy, channelsLast ? [3, 1, 2, 0] : [1, 2, 3, 0]);
  const xT = transposeWasm(backend, x, channelsLast ? [1, 2, 0, 3] : [2, 3, 0, 1]);
  const conv = conv2dWasm(backend, dyT, xT, [KH - 1 - pt, KH - 1 - pb, KW - 1 - pl, KW - 1 - pr], [1, 1]);
  release(backend, dyT);
  release(backend, xT);
  // conv: [CO, KH, KW, CI] flipped → dw [KH, KW, CI, CO] (KH·KW·CI·CO floats: a tiny JS loop).
  const dw = makeOutput(backend, [KH, KW, CI, CO]);
  const src = f32(backend, conv);
  const dst = f32(backend, dw);
  for (let co = 0; co < CO; co++) {
    for (let p = 0; p < KH; p++) {
      for (let q = 0; q < KW; q++) {
        const s0 = ((co * KH + p) * KW + q) * CI;
        const d0 = ((KH - 1 - p) * KW + (KW - 1 - q)) * CI * CO + co;
        for (let ci = 0; ci < CI; ci++) dst[d0 + ci * CO] = src[s0 + ci];
      }
    }
  }
  release(backend, conv);
  return dw;
}

// ---------------------------------------------------------------------------------------------------------
// Conv2DBackpropInput
// ---------------------------------------------------------------------------------------------------------
/*
 * dx[b, i, j, ci] = Σ_{oh,ow,kh,kw : oh·sh + kh − pt = i, ow·sw + kw − pl = j} dy[b, oh, ow, co] · w[kh, kw, ci, co]
 *
 * Spread dy out by the stride (insert sh−1 zero rows between its rows, sw−1 zero columns between its columns):
 * z[b, oh·sh, ow·sw, co] = dy[b, oh, ow, co], zero elsewhere. Then every z row r with r = i + pt − kh
 * contributes, i.e. dx[i] = Σ_kh z[i + pt − kh] w[kh]. Flipping the filter (kh' = KH−1−kh) turns this into a
 * forward correlation:
 *
 *   dx[b, i, j, ci] = Σ_{kh',kw',co} zpad[b, i + kh', j + kw', co] · wf[kh', kw', co, ci]
 *   wf[kh', kw', co, ci] = w[KH−1−kh', KW−1−kw', ci, co]   (rotated 180°, in/out channels swapped)
 *   zpad = z padded by Ptop = KH−1−pt on top, Pbot = IH−1+pt−(OH−1)·sh at the bottom (same for columns),
 *
 * a stride-1 'valid' convolution whose output is exactly IH×IW. For stride 1 and non-negative pads, z is dy
 * itself and XNNPACK does the padding ("full" convolution). Otherwise (stride > 1, or exotic explicit padding
 * that makes Ptop/Pbot negative) we build zpad on the heap in one pass: rows/columns that would land at a
 * negative or too-large index contribute only to dx positions outside the image, so they are simply dropped.
 */
function conv2DBackpropInput(args: KernelArgs): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, filter, info } = backpropInputInfo(args);
  const { B, H: IH, W: IW, CI, OH, OW, CO, KH, KW, SH, SW } = convDims(info);
  const channelsLast = info.dataFormat === 'channelsLast';

  const pTop = KH - 1 - info.padInfo.top;
  const pLeft = KW - 1 - info.padInfo.left;
  const pBot = IH - 1 + info.padInfo.top - (OH - 1) * SH;
  const pRight = IW - 1 + info.padInfo.left - (OW - 1) * SW;

  // The flipped, channel-swapped filter: KH·KW·CI·CO floats (1,440 for the lesson's conv2) — a JS loop.
  const wf = makeOutput(backend, [KH, KW, CO, CI]);
  {
    const src = f32(backend, filter);
    const dst = f32(backend, wf);
    for (let kh = 0; kh < KH; kh++) {
      for (let kw = 0; kw < KW; kw++) {
        const s0 = ((KH - 1 - kh) * KW + (KW - 1 - kw)) * CI * CO; // w[KH-1-kh, KW-1-kw, :, :]
        const d0 = (kh * KW + kw) * CO * CI; // wf[kh, kw, :, :]
        for (let ci = 0; ci < CI; ci++) {
          for (let co = 0; co < CO; co++) dst[d0 + co * CI + ci] = src[s0 + ci * CO + co];
        }
      }
    }
  }

  const dyNhwc = channelsLast ? dy : transposeWasm(backend, dy, [0, 2, 3, 1]);
  let dxNhwc: TensorInfo;
  if (SH === 1 && SW === 1 && pTop >= 0 && pBot >= 0 && pLeft >= 0 && pRight >= 0) {
    dxNhwc = conv2dWasm(backend, dyNhwc, wf, [pTop, pBot, pLeft, pRight], [1, 1]);
  } else {
    const ZH = IH + KH - 1;
    const ZW = IW + KW - 1;
    const z = makeOutput(backend, [B, ZH, ZW, CO]);
    const zv = f32(backend, z); // views taken after the last allocation
    const dyv = f32(backend, dyNhwc);
    zv.fill(0);
    for (let b = 0; b < B; b++) {
      for (let oh = 0; oh < OH; oh++) {
        const r = pTop + oh * SH;
        if (r < 0 || r >= ZH) continue;
        for (let ow = 0; ow < OW; ow++) {
          const c = pLeft + ow * SW;
          if (c < 0 || c >= ZW) continue;
          const s = ((b * OH + oh) * OW + ow) * CO;
          zv.set(dyv.subarray(s, s + CO), ((b * ZH + r) * ZW + c) * CO);
        }
      }
    }
    dxNhwc = conv2dWasm(backend, z, wf, [0, 0, 0, 0], [1, 1]);
    release(backend, z);
  }
  release(backend, wf);
  if (!channelsLast) release(backend, dyNhwc);
  if (channelsLast) return dxNhwc;
  const dx = transposeWasm(backend, dxNhwc, [0, 3, 1, 2]);
  release(backend, dxNhwc);
  return dx;
}

export const conv2DBackpropFilterConfig = kernelConfig('Conv2DBackpropFilter', conv2DBackpropFilter);
export const conv2DBackpropInputConfig = kernelConfig('Conv2DBackpropInput', conv2DBackpropInput);
