/**
 * Tiny hand-assembled WebAssembly SIMD kernels that run *inside the tfjs WASM backend's own memory*.
 *
 * WHY. Two training gradients of the lesson's CNN are memory-bound loops that neither XNNPACK nor V8 does well:
 *   - MaxPoolGrad of a 2×2/2 pool: in JS it is ≈ 3–6 ms per call for 64×26×26×16 (a data-dependent branch per
 *     element, bounds checks); branch-free 4-lane SIMD does it in a fraction of that.
 *   - Conv2DBackpropFilter of the first conv (1 input channel): XNNPACK must re-pack a fresh 692k-float
 *     "filter" on every call (≈ 4 ms); the direct sum is only 9 × 16 dot products over B·OH·OW positions.
 * tfjs-backend-wasm does not let us add C++ kernels, but its Emscripten module exposes its
 * `WebAssembly.Memory` (`backend.wasm.asm.memory`). A second module that *imports* that memory can read and
 * write the tensors in place, by the byte offsets the backend already gives us (`memoryOffset`), with no copy.
 *
 * WHY HAND-ASSEMBLED. No wasm toolchain is a dependency of this project, and the functions are small. We emit
 * the binary format directly (a few dozen opcodes) and *specialise every function on its shapes at run time*
 * (channel counts, row strides), so every address offset is a constant in the instruction (memarg offsets) and
 * channel loops are fully unrolled. Generated modules are cached per shape key.
 *
 * SAFETY. `WebAssembly.validate` guards the bytes; if the browser lacks SIMD, the memory is not reachable, or
 * it is a SharedArrayBuffer (threaded build, not used by this project), `simdAvailable()` is false and
 * callers keep their JS/XNNPACK paths. The module only ever touches the byte ranges the caller passes in.
 */
import type { BackendWasm } from './wasm-util.js';

// ------------------------------------------------------------------------------------------------------------
// A minimal binary encoder
// ------------------------------------------------------------------------------------------------------------
const I32 = 0x7f;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const str = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** Function-body builder: locals are declared up front; instructions are appended as bytes. */
class Fn {
  readonly code: number[] = [];
  private readonly localTypes: number[] = [];
  constructor(private readonly nParams: number) {}
  local(type: number): number {
    this.localTypes.push(type);
    return this.nParams + this.localTypes.length - 1;
  }
  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  get(i: number): this {
    return this.op(0x20, ...uleb(i));
  }
  set(i: number): this {
    return this.op(0x21, ...uleb(i));
  }
  i32(n: number): this {
    return this.op(0x41, ...sleb(n | 0));
  }
  add(): this {
    return this.op(0x6a);
  }
  mul(): this {
    return this.op(0x6c);
  }
  /** Adds a constant to an i32 local. */
  inc(i: number, by: number): this {
    return this.get(i).i32(by).add().set(i);
  }
  /** v128.load / v128.store with a constant byte offset (alignment hint 4 bytes: tensors are f32-aligned). */
  vload(offset: number): this {
    return this.op(0xfd, 0x00, 2, ...uleb(offset));
  }
  vstore(offset: number): this {
    return this.op(0xfd, 0x0b, 2, ...uleb(offset));
  }
  /** v128.load32_splat: one f32 from memory broadcast to the 4 lanes. */
  splatLoad(offset: number): this {
    return this.op(0xfd, 0x09, 2, ...uleb(offset));
  }
  simd(opcode: number): this {
    return this.op(0xfd, ...uleb(opcode));
  }
  /** `for (; i < limit; i++) body` over an i32 local counter (already initialised), limit an i32 local. */
  loopTo(i: number, limit: number, body: () => void): this {
    this.op(0x02, 0x40); // block
    this.get(i).get(limit).op(0x4e).op(0x0d, 1); // i >= limit → br_if 1 (exit block) … placed before the loop
    this.op(0x03, 0x40); // loop
    body();
    this.inc(i, 1);
    this.get(i).get(limit).op(0x48).op(0x0d, 0); // i < limit → continue
    this.op(0x0b, 0x0b); // end loop, end block
    return this;
  }
  body(): number[] {
    const groups: number[][] = this.localTypes.map((t) => [1, t]);
    const b = [...vec(groups), ...this.code, 0x0b];
    return [...uleb(b.length), ...b];
  }
}

const SIMD = {
  f32x4_gt: 0x44,
  v128_and: 0x4e,
  v128_andnot: 0x4f,
  v128_or: 0x50,
  v128_bitselect: 0x52,
  f32x4_add: 0xe4,
  f32x4_mul: 0xe6,
};

/** A module importing env.memory and exporting one function `f` with `nParams` i32 params and no result. */
function buildModule(nParams: number, fn: Fn): Uint8Array<ArrayBuffer> {
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec([[0x60, ...vec(Array.from({ length: nParams }, () => [I32])), 0x00]])),
    ...section(2, vec([[...str('env'), ...str('memory'), 0x02, 0x00, 0x00]])),
    ...section(3, vec([[0x00]])),
    ...section(7, vec([[...str('f'), 0x00, 0x00]])),
    ...section(10, vec([fn.body()])),
  ];
  return new Uint8Array(bytes);
}

// ------------------------------------------------------------------------------------------------------------
// Instantiation, per backend memory and per shape key
// ------------------------------------------------------------------------------------------------------------
type Entry = (...args: number[]) => void;
const cache = new WeakMap<WebAssembly.Memory, Map<string, Entry>>();
let simdOk: boolean | undefined;
/** For tests/benchmarks: turn the SIMD paths off (callers then use their JS/XNNPACK paths). */
let disabled = false;
export function setSimdKernelsEnabled(on: boolean): void {
  disabled = !on;
}

function memoryOf(backend: BackendWasm): WebAssembly.Memory | null {
  const asm = (backend.wasm as unknown as { asm?: { memory?: unknown } }).asm;
  const mem = asm?.memory;
  if (!(mem instanceof WebAssembly.Memory)) return null;
  // The threaded build uses shared memory, which would need a `shared` import; we do not use that build.
  if (typeof SharedArrayBuffer !== 'undefined' && mem.buffer instanceof SharedArrayBuffer) return null;
  return mem;
}

/** Whether our SIMD kernels can run on this backend (SIMD supported, memory reachable, not disabled). */
export function simdAvailable(backend: BackendWasm): boolean {
  if (disabled) return false;
  if (simdOk === undefined) {
    const probe = new Fn(0);
    probe.op(0xfd, 0x0c, ...new Array(16).fill(0)).op(0x1a); // v128.const 0; drop
    try {
      simdOk = WebAssembly.validate(buildModule(0, probe));
    } catch {
      simdOk = false;
    }
  }
  return simdOk && memoryOf(backend) != null;
}

function instantiate(backend: BackendWasm, key: string, make: () => { nParams: number; fn: Fn }): Entry {
  const memory = memoryOf(backend)!;
  let perMemory = cache.get(memory);
  if (perMemory == null) {
    perMemory = new Map();
    cache.set(memory, perMemory);
  }
  let entry = perMemory.get(key);
  if (entry == null) {
    const { nParams, fn } = make();
    // Synchronous compile: the modules are a few hundred bytes (well under the main-thread size limit).
    const module = new WebAssembly.Module(buildModule(nParams, fn));
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    entry = instance.exports['f'] as Entry;
    perMemory.set(key, entry);
  }
  return entry;
}

/** Channel-group start offsets (in floats) covering C channels 4 at a time; the last group may overlap. */
function groups(C: number): number[] {
  const out: number[] = [];
  for (let c = 0; c + 4 <= C; c += 4) out.push(c);
  if (C % 4 !== 0) out.push(C - 4);
  return out;
}

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
    fn.op(0xfd, 0x0c, ...[0, 0, 0x80, 0xff, 0, 0, 0x80, 0xff, 0, 0, 0x80, 0xff, 0, 0, 0x80, 0xff]).set(ninf);
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
            // dx stores: d, c, b, a
            fn.get(DX).get(p).add().get(vg).get(md).simd(SIMD.v128_and).vstore(offs[3]!);
            fn.get(DX)
              .get(p)
              .add()
              .get(vg)
              .get(mc)
              .simd(SIMD.v128_and)
              .get(md)
              .simd(SIMD.v128_andnot)
              .vstore(offs[2]!);
            fn.get(mc).get(md).simd(SIMD.v128_or).set(later);
            fn.get(DX)
              .get(p)
              .add()
              .get(vg)
              .get(mb)
              .simd(SIMD.v128_and)
              .get(later)
              .simd(SIMD.v128_andnot)
              .vstore(offs[1]!);
            fn.get(later).get(mb).simd(SIMD.v128_or).set(later);
            fn.get(DX)
              .get(p)
              .add()
              .get(vg)
              .get(ma)
              .simd(SIMD.v128_and)
              .get(later)
              .simd(SIMD.v128_andnot)
              .vstore(offs[0]!);
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
  shape: {
    B: number;
    H: number;
    W: number;
    OH: number;
    OW: number;
    CO: number;
    KW: number;
    SH: number;
    SW: number;
  },
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
        for (let t = 0; t < T; t++)
          for (const r of row[t]!) fn.op(0xfd, 0x0c, ...new Array(16).fill(0)).set(r);
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
export function columnSums(
  backend: BackendWasm,
  ptrs: { src: number; dst: number },
  outer: number,
  inner: number,
): void {
  const f = instantiate(backend, `colsum:${inner}`, () => {
    // params: src, dst, outer
    const fn = new Fn(3);
    const [SRC, DST, NOUT] = [0, 1, 2];
    const i = fn.local(I32);
    const k = fn.local(I32);
    const p = fn.local(I32);
    const gs = groups(inner);
    const blk = gs.map(() => fn.local(V128));
    const tot = gs.map(() => fn.local(V128));
    const zero = (): void => {
      fn.op(0xfd, 0x0c, ...new Array(16).fill(0));
    };
    const flush = (): void => {
      gs.forEach((_, j) => {
        fn.get(tot[j]!).get(blk[j]!).simd(SIMD.f32x4_add).set(tot[j]!);
        zero();
        fn.set(blk[j]!);
      });
    };
    fn.get(SRC).set(p);
    fn.i32(0).set(i);
    fn.loopTo(i, NOUT, () => {
      gs.forEach((c, j) =>
        fn
          .get(blk[j]!)
          .get(p)
          .vload(c * 4)
          .simd(SIMD.f32x4_add)
          .set(blk[j]!),
      );
      fn.inc(p, inner * 4);
      fn.inc(k, 1);
      // if (k == 64) { total += block; block = 0; k = 0 }
      fn.get(k).i32(64).op(0x46).op(0x04, 0x40);
      flush();
      fn.i32(0).set(k);
      fn.op(0x0b);
    });
    flush();
    gs.forEach((c, j) =>
      fn
        .get(DST)
        .get(tot[j]!)
        .vstore(c * 4),
    );
    return { nParams: 3, fn };
  });
  f(ptrs.src, ptrs.dst, outer);
}
