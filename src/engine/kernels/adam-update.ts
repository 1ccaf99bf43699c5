/**
 * One variable's Adam update as ONE kernel, where a backend has it (today: wasm, wasm-adam.ts). The light side
 * that optimizers/fused-adam.ts calls: the kernel's name, its attributes, and the update itself in JavaScript
 * (the kernel's plain path, and the reference its tests compare with). No WebAssembly here.
 *
 * WHY. On wasm the JavaScript update (fused-adam.ts before this) read every gradient and value off the heap
 * (two copies), allocated the new values in JavaScript and copied them back: per step of the lesson's cnn
 * ~0.6 ms of a ~6 ms step, and 540 KB of short-lived ArrayBuffers, which kept the garbage collector busy. The
 * kernel reads θ, g, m and v where they lie and writes θ', m' and v' next to them, 4 numbers at a time.
 *
 * MATHS: tfjs' AdamOptimizer's, op for op and in its order, in float32 (c1 = 1 − β1ᵗ, c2 = 1 − β2ᵗ):
 *   m' = m·β1 + g·(1−β1)        v' = v·β2 + g²·(1−β2)
 *   θ' = ((m'/c1) / (√(v'/c2) + ε)) · (−lr) + θ
 * The outputs are new tensors: θ' must have a new id (the wasm Conv2D and MatMul kernels cache their packed
 * weights by the weight tensor's id, so overwriting θ in place would leave them serving the old weights).
 */
export const ADAM_UPDATE = 'CnnAdamUpdate';

/** The update's scalars (attributes of the kernel). */
export interface AdamUpdateAttrs {
  lr: number;
  beta1: number;
  beta2: number;
  /** 1 − β1ᵗ and 1 − β2ᵗ for this step. */
  c1: number;
  c2: number;
  eps: number;
}

/**
 * The update in JavaScript, rounding every operation to float32 as the kernel does: reads theta, g, m, v,
 * writes out, mOut, vOut (which may be m and v themselves).
 */
export function adamUpdateJs(
  a: AdamUpdateAttrs,
  theta: ArrayLike<number>,
  g: ArrayLike<number>,
  m: ArrayLike<number>,
  v: ArrayLike<number>,
  out: Float32Array,
  mOut: Float32Array,
  vOut: Float32Array,
): void {
  const f = Math.fround;
  const [b1, b2, o1, o2, c1, c2, eps, nlr] = [
    a.beta1,
    a.beta2,
    1 - a.beta1,
    1 - a.beta2,
    a.c1,
    a.c2,
    a.eps,
    -a.lr,
  ].map(f) as [number, number, number, number, number, number, number, number];
  for (let i = 0; i < out.length; i++) {
    const gi = g[i]!;
    const mi = f(f(m[i]! * b1) + f(gi * o1));
    const vi = f(f(v[i]! * b2) + f(f(gi * gi) * o2));
    mOut[i] = mi;
    vOut[i] = vi;
    out[i] = f(f(f(f(mi / c1) / f(f(Math.sqrt(f(vi / c2))) + eps)) * nlr) + theta[i]!);
  }
}
