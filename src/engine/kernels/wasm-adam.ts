/**
 * The Adam update of one variable on the WASM backend (adam-update.ts says why and the maths): a SIMD loop over
 * θ, g, m and v on the heap, 4 numbers at a time, then the last n mod 4 one at a time with the same float32
 * operations, so every element sees the same arithmetic. Outputs θ', m', v' (new buffers).
 *
 * The step's scalars change every step; they reach the module through a small buffer of 8 floats (the modules
 * take only i32 pointers), so one module per backend serves every variable and every step.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { ADAM_UPDATE, adamUpdateJs, type AdamUpdateAttrs } from './adam-update.js';
import { F32, Fn, I32, OP, SIMD, V128, instantiate, simdAvailable } from './wasm-asm.js';
import {
  f32,
  heapOffset,
  kernelConfig,
  makeOutput,
  release,
  type BackendWasm,
  type KernelArgs,
} from './wasm-util.js';

/** The scalars' order in the constants buffer. */
const K = { b1: 0, o1: 1, b2: 2, o2: 3, c1: 4, c2: 5, eps: 6, nlr: 7 } as const;

/** Scalar f32 opcodes of the tail loop. */
const F = { sqrt: 0x91, add: 0x92, mul: 0x94, div: 0x95 };

function adamModule(backend: BackendWasm) {
  return instantiate(backend, 'adam', () => {
    // params: theta, g, m, v, outTheta, outM, outV, consts, n (elements)
    const fn = new Fn(9);
    const [TH, G, M, V, OT, OM, OV, KS, N] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    const o = fn.local(I32); // byte offset of the current element
    const end = fn.local(I32); // byte offset where the SIMD part ends
    const stop = fn.local(I32); // byte offset of the end
    /** One pass over [o, limit): `lanes` 4 (v128) or 1 (f32), stepping 4·lanes bytes. */
    const pass = (lanes: 4 | 1, limit: number) => {
      const T = lanes === 4 ? V128 : F32;
      const k = Object.fromEntries(Object.keys(K).map((name) => [name, fn.local(T)])) as Record<
        keyof typeof K,
        number
      >;
      const [g, m, v] = [fn.local(T), fn.local(T), fn.local(T)];
      const load = (base: number) =>
        lanes === 4 ? fn.get(base).get(o).add().vload(0) : fn.get(base).get(o).add().fload(0);
      const store = (base: number, value: number) => {
        fn.get(base).get(o).add().get(value);
        if (lanes === 4) fn.vstore(0);
        else fn.fstore(0);
      };
      const op = (name: 'sqrt' | 'add' | 'mul' | 'div') =>
        lanes === 4
          ? fn.simd(
              { sqrt: SIMD.f32x4_sqrt, add: SIMD.f32x4_add, mul: SIMD.f32x4_mul, div: SIMD.f32x4_div }[name],
            )
          : fn.op(F[name]);
      for (const [name, at] of Object.entries(K)) {
        fn.get(KS);
        if (lanes === 4) fn.splatLoad(at * 4);
        else fn.fload(at * 4);
        fn.set(k[name as keyof typeof K]);
      }
      fn.op(0x02, 0x40); // block
      fn.get(o).get(limit).op(OP.i32_ge_u).op(0x0d, 0); // nothing to do: past the block's end
      fn.op(0x03, 0x40); // loop
      load(G);
      fn.set(g);
      // m' = m·β1 + g·(1−β1)
      load(M);
      fn.get(k.b1);
      op('mul').get(g).get(k.o1);
      op('mul');
      op('add').set(m);
      // v' = v·β2 + g²·(1−β2)
      load(V);
      fn.get(k.b2);
      op('mul').get(g).get(g);
      op('mul').get(k.o2);
      op('mul');
      op('add').set(v);
      store(OM, m);
      store(OV, v);
      // θ' = ((m'/c1) / (√(v'/c2) + ε)) · (−lr) + θ
      fn.get(OT).get(o).add();
      fn.get(m).get(k.c1);
      op('div').get(v).get(k.c2);
      op('div');
      op('sqrt').get(k.eps);
      op('add');
      op('div').get(k.nlr);
      op('mul');
      load(TH);
      op('add');
      if (lanes === 4) fn.vstore(0);
      else fn.fstore(0);
      fn.inc(o, lanes * 4);
      fn.get(o).get(limit).op(OP.i32_lt_u).op(0x0d, 0);
      fn.op(0x0b, 0x0b); // end loop, end block
    };
    // end = (n & ~3)·4; stop = n·4
    fn.get(N).i32(~3).op(OP.i32_and).i32(4).mul().set(end);
    fn.get(N).i32(4).mul().set(stop);
    fn.i32(0).set(o);
    pass(4, end);
    pass(1, stop);
    return { nParams: 9, fn };
  });
}

function adamUpdate(args: KernelArgs): TensorInfo[] {
  const backend = args.backend as BackendWasm;
  const { theta, g, m, v } = args.inputs as Record<'theta' | 'g' | 'm' | 'v', TensorInfo>;
  const a = args.attrs as unknown as AdamUpdateAttrs;
  const shape = theta.shape;
  const outs = [makeOutput(backend, shape), makeOutput(backend, shape), makeOutput(backend, shape)] as const;
  const n = f32(backend, outs[0]).length;
  if (simdAvailable(backend)) {
    const consts = makeOutput(backend, [8]);
    const ks = f32(backend, consts);
    ks[K.b1] = a.beta1;
    ks[K.o1] = 1 - a.beta1;
    ks[K.b2] = a.beta2;
    ks[K.o2] = 1 - a.beta2;
    ks[K.c1] = a.c1;
    ks[K.c2] = a.c2;
    ks[K.eps] = a.eps;
    ks[K.nlr] = -a.lr;
    const p = [theta, g, m, v, ...outs, consts].map((t) => heapOffset(backend, t));
    adamModule(backend)(...p, n);
    release(backend, consts);
  } else {
    const [out, mOut, vOut] = outs.map((t) => f32(backend, t)) as [Float32Array, Float32Array, Float32Array];
    adamUpdateJs(a, f32(backend, theta), f32(backend, g), f32(backend, m), f32(backend, v), out, mOut, vOut);
  }
  return [...outs];
}

export const adamUpdateConfig = kernelConfig(ADAM_UPDATE, adamUpdate);
