/**
 * The one home of our hand-assembled WebAssembly: a minimal binary encoder, a function-body builder, and the
 * per-memory cache of instantiated modules that run *inside the tfjs WASM backend's own memory*.
 *
 * WHY. tfjs-backend-wasm does not let us add C++ kernels, but its Emscripten module exposes its
 * `WebAssembly.Memory` (`backend.wasm.asm.memory`). A second module that *imports* that memory can read and
 * write the tensors in place, by the byte offsets the backend already gives us (`memoryOffset`), with no copy.
 *
 * WHY HAND-ASSEMBLED. No wasm toolchain is a dependency of this project, and the functions are small. We emit
 * the binary format directly (a few dozen opcodes) and *specialise every function on its shapes at run time*
 * (channel counts, row strides), so every address offset is a constant in the instruction (memarg offsets) and
 * the short loops are unrolled. Generated modules are cached per memory and shape key.
 *
 * SAFETY. `WebAssembly.validate` guards the bytes; if the browser lacks SIMD, the memory is not reachable, or
 * it is a SharedArrayBuffer (threaded build, not used by this project), `simdAvailable()` is false and
 * callers keep their JS/XNNPACK paths. A module only ever touches the byte ranges its caller passes in.
 */
import type { BackendWasm } from './wasm-util.js';

// ------------------------------------------------------------------------------------------------------------
// The binary encoder
// ------------------------------------------------------------------------------------------------------------
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

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

/** SIMD opcodes (after the 0xfd prefix) that the kernels use. */
export const SIMD = {
  i32x4_splat: 0x11,
  f32x4_splat: 0x13,
  i32x4_eq: 0x37,
  f32x4_gt: 0x44,
  v128_and: 0x4e,
  v128_andnot: 0x4f,
  v128_or: 0x50,
  v128_bitselect: 0x52,
  f32x4_sqrt: 0xe3,
  f32x4_add: 0xe4,
  f32x4_sub: 0xe5,
  f32x4_mul: 0xe6,
  f32x4_div: 0xe7,
};

/** Scalar opcodes the kernels use. */
export const OP = {
  i32_eqz: 0x45,
  i32_eq: 0x46,
  i32_ne: 0x47,
  i32_lt_s: 0x48,
  i32_lt_u: 0x49,
  i32_ge_s: 0x4e,
  i32_ge_u: 0x4f,
  i32_add: 0x6a,
  i32_sub: 0x6b,
  i32_mul: 0x6c,
  i32_and: 0x71,
  i32_shl: 0x74,
  i32_shr_u: 0x76,
  f32_add: 0x92,
  f32_mul: 0x94,
};

/**
 * Function-body builder: locals are declared up front; instructions are appended as bytes. Every method
 * returns `this`, so a line reads like a short stack-machine program.
 */
export class Fn {
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
  tee(i: number): this {
    return this.op(0x22, ...uleb(i));
  }
  i32(n: number): this {
    return this.op(0x41, ...sleb(n | 0));
  }
  f32(x: number): this {
    const b = new Uint8Array(new Float32Array([x]).buffer);
    return this.op(0x43, ...b);
  }
  add(): this {
    return this.op(OP.i32_add);
  }
  mul(): this {
    return this.op(OP.i32_mul);
  }
  /** Adds a constant to an i32 local. */
  inc(i: number, by: number): this {
    return by === 0 ? this : this.get(i).i32(by).add().set(i);
  }
  /** v128.load / v128.store with a constant byte offset (alignment hint 4 bytes: tensors are f32-aligned). */
  vload(offset: number): this {
    return this.op(0xfd, 0x00, 2, ...uleb(offset));
  }
  vstore(offset: number): this {
    return this.op(0xfd, 0x0b, 2, ...uleb(offset));
  }
  /** v128.load32_splat: one 32-bit value from memory broadcast to the 4 lanes. */
  splatLoad(offset: number): this {
    return this.op(0xfd, 0x09, 2, ...uleb(offset));
  }
  /** f32.load / f32.store / i32.load with a constant byte offset. */
  fload(offset: number): this {
    return this.op(0x2a, 2, ...uleb(offset));
  }
  fstore(offset: number): this {
    return this.op(0x38, 2, ...uleb(offset));
  }
  iload(offset: number): this {
    return this.op(0x28, 2, ...uleb(offset));
  }
  /** v128.const with every lane set to the same 32 bits (an f32 or an i32). */
  vsplatConst(x: number, type: 'f32' | 'i32' = 'f32'): this {
    const lane = new Uint8Array((type === 'f32' ? new Float32Array([x]) : new Int32Array([x | 0])).buffer);
    return this.op(0xfd, 0x0c, ...lane, ...lane, ...lane, ...lane);
  }
  vzero(): this {
    return this.op(0xfd, 0x0c, ...new Array<number>(16).fill(0));
  }
  simd(opcode: number): this {
    return this.op(0xfd, ...uleb(opcode));
  }
  /** `for (; i < limit; i++) body` over an i32 local counter (already initialised), limit an i32 local. */
  loopTo(i: number, limit: number, body: () => void): this {
    this.op(0x02, 0x40); // block
    this.get(i).get(limit).op(OP.i32_ge_s).op(0x0d, 0); // i >= limit → br_if 0 (past the block's end)
    this.op(0x03, 0x40); // loop
    body();
    this.inc(i, 1);
    this.get(i).get(limit).op(OP.i32_lt_s).op(0x0d, 0); // i < limit → continue
    this.op(0x0b, 0x0b); // end loop, end block
    return this;
  }
  /** `for (i = 0; i < n; i++) body` for a constant n (no code at all when n ≤ 0). */
  repeat(i: number, n: number, body: () => void): this {
    if (n <= 0) return this;
    this.i32(0).set(i);
    this.op(0x03, 0x40);
    body();
    this.inc(i, 1);
    this.get(i).i32(n).op(OP.i32_lt_s).op(0x0d, 0);
    this.op(0x0b);
    return this;
  }
  /** `if (top of stack ≠ 0) then()`. */
  when(then: () => void): this {
    this.op(0x04, 0x40);
    then();
    return this.op(0x0b);
  }
  body(): number[] {
    const groups: number[][] = this.localTypes.map((t) => [1, t]);
    const b = [...vec(groups), ...this.code, 0x0b];
    return [...uleb(b.length), ...b];
  }
}

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
export type Entry = (...args: number[]) => void;
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
    probe.vzero().op(0x1a); // v128.const 0; drop
    try {
      simdOk = WebAssembly.validate(buildModule(0, probe));
    } catch {
      simdOk = false;
    }
  }
  return simdOk && memoryOf(backend) != null;
}

/** The function for `key`, built by `make` (`nParams` i32 params) on first use for this backend's memory. */
export function instantiate(
  backend: BackendWasm,
  key: string,
  make: () => { nParams: number; fn: Fn },
): Entry {
  const memory = memoryOf(backend)!;
  let perMemory = cache.get(memory);
  if (perMemory == null) {
    perMemory = new Map();
    cache.set(memory, perMemory);
  }
  let entry = perMemory.get(key);
  if (entry == null) {
    const { nParams, fn } = make();
    // Synchronous compile: the modules are a few kilobytes (well under the main-thread size limit).
    const module = new WebAssembly.Module(buildModule(nParams, fn));
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    entry = instance.exports['f'] as Entry;
    perMemory.set(key, entry);
  }
  return entry;
}

/** Channel-group start offsets (in floats) covering C channels 4 at a time; the last group may overlap. */
export function groups(C: number): number[] {
  const out: number[] = [];
  for (let c = 0; c + 4 <= C; c += 4) out.push(c);
  if (C % 4 !== 0) out.push(C - 4);
  return out;
}
