/**
 * Adam over all of a model's variables at once, as ONE flat vector: for the GPU backends (WebGL, WebGPU).
 *
 * WHY. tf.train.adam runs ~16 small kernels per variable per step (mul, mul, add, square, mul, add, div, div,
 * sqrt, add, div, mul, add, the β-power updates…): for the lesson's cnn (10 variables, 45,424 numbers) about 160
 * kernels, more than half of a training step's kernels. On a GPU each is a draw call or a dispatch whose fixed
 * cost dwarfs its few thousand multiplications. Here the gradients are concatenated into one vector, the update
 * runs once on it, and each variable takes its slice back: ~13 kernels for the maths, plus one concat of the
 * gradients, one of the values and one slice per variable. (On wasm/cpu, fused-adam.ts does the update in one
 * pass per variable instead, a SIMD kernel on wasm and a JavaScript loop on cpu; a GPU cannot be read back each
 * step without stalling.)
 *
 * MATHS. tfjs' AdamOptimizer's, op for op and in its order, so each element sees the same float32 arithmetic:
 *   m ← β1·m + (1−β1)·g          v ← β2·v + (1−β2)·g²
 *   θ ← θ + (−lr) · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)
 * The one difference: tfjs keeps β1ᵗ, β2ᵗ as float32 tensors multiplied on the device each step; here they are
 * JavaScript numbers (float64), so the results agree with tf.train.adam to about 1e-5 relative (tfjs' float32
 * 1 − β2 is 1.3e-5 off at the first step), not bit for bit.
 *
 * The variables updated must be the same, in the same order, at every step (the flat layout is fixed at the
 * first step): true of a training loop that passes its variable list to `minimize` (training/core.ts).
 */
import {
  add,
  concat,
  dispose,
  div,
  engine,
  keep,
  mul,
  reshape,
  scalar,
  slice,
  sqrt,
  square,
  tensor1d,
  tidy,
  zeros,
} from '@tensorflow/tfjs-core';
import type { NamedTensorMap, Scalar, Tensor, Variable } from '@tensorflow/tfjs-core';
import { AdamBase } from './adam-base.js';
import type { MomentPair, NamedTensor } from './adam-base.js';

interface Slot {
  name: string;
  shape: number[];
  offset: number;
  size: number;
}

export class FlatAdamOptimizer extends AdamBase {
  private layout: Slot[] | null = null;
  /** The layout came from setWeights(): the next step may rename it by position. */
  private restored = false;
  private m: Tensor | null = null;
  private v: Tensor | null = null;
  /** β1, 1−β1, β2, 1−β2 and ε as scalars on the device, made once (tfjs' Adam uploads them every step). */
  private constants: Scalar[] | null = null;

  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon: number | null = null) {
    super(learningRate, beta1, beta2, epsilon, 'FlatAdamOptimizer');
  }

  override applyGradients(variableGradients: NamedTensorMap | NamedTensor[]): void {
    const entries = Array.isArray(variableGradients)
      ? variableGradients.map((e) => [e.name, e.tensor] as const)
      : Object.entries(variableGradients);
    const present = entries.filter(
      ([name, g]) => g != null && engine().registeredVariables[name] != null,
    ) as [string, Tensor][];
    if (present.length === 0) {
      this.incrementIterations(); // as tf.train.adam does
      return;
    }
    const layout = (this.layout ??= this.makeLayout(present.map(([name]) => name)));
    if (this.restored && present.length === layout.length) {
      // State from setWeights() applies by position, as tf.train.adam's does (a rebuilt model's variables have
      // other names): adopt this step's names when the sizes agree.
      present.forEach(([name, g], i) => {
        if (g.size === layout[i]!.size) layout[i]!.name = name;
      });
    }
    this.restored = false;
    if (
      present.length !== layout.length ||
      present.some(([name, g], i) => name !== layout[i]!.name || g.size !== layout[i]!.size)
    ) {
      throw new Error(
        'FlatAdamOptimizer: every step must update the same variables, in the same order, as its first step.',
      );
    }
    const variables = layout.map((s) => engine().registeredVariables[s.name] as Variable);
    const [b1, oneMinusB1, b2, oneMinusB2, eps] = (this.constants ??= [
      this.beta1,
      1 - this.beta1,
      this.beta2,
      1 - this.beta2,
      this.eps,
    ].map((c) => keep(scalar(c))));
    const c1 = 1 - this.b1t; // 1 − β1ᵗ
    const c2 = 1 - this.b2t;
    const lr = this.learningRate;
    const [m, v] = tidy(() => {
      const flat = (ts: Tensor[]) =>
        ts.length === 1 ? reshape(ts[0]!, [-1]) : concat(ts.map((t) => reshape(t, [-1])));
      const g = flat(present.map(([, t]) => t));
      const theta = flat(variables);
      const m0 = this.m ?? zeros(g.shape);
      const v0 = this.v ?? zeros(g.shape);
      const m1 = add(mul(m0, b1!), mul(g, oneMinusB1!));
      const v1 = add(mul(v0, b2!), mul(square(g), oneMinusB2!));
      const mHat = div(m1, scalar(c1));
      const vHat = div(v1, scalar(c2));
      const next = add(mul(div(mHat, add(sqrt(vHat), eps!)), scalar(-lr)), theta);
      for (let i = 0; i < layout.length; i++) {
        const s = layout[i]!;
        variables[i]!.assign(reshape(slice(next, s.offset, s.size), s.shape));
      }
      return [keep(m1), keep(v1)]; // they outlive any tidy the caller runs us in, like tfjs' moment variables
    });
    dispose([this.m, this.v].filter((t): t is Tensor => t != null));
    this.m = m!;
    this.v = v!;
    this.endStep();
  }

  /** Slots for the named variables (shapes from the registered variables, or given), in order. */
  private makeLayout(names: string[], shapes?: number[][]): Slot[] {
    let offset = 0;
    return names.map((name, i) => {
      const shape = (shapes?.[i] ?? (engine().registeredVariables[name] as Variable).shape).slice();
      const size = shape.reduce((a, b) => a * b, 1);
      const slot = { name, shape, offset, size };
      offset += size;
      return slot;
    });
  }

  override dispose(): void {
    dispose([this.m, this.v, ...(this.constants ?? [])].filter((t): t is Tensor => t != null));
    this.m = this.v = null;
    this.constants = null;
    this.layout = null;
    super.dispose();
  }

  protected override exportMoments(): MomentPair[] {
    const part = (flat: Tensor | null, s: Slot) =>
      flat ? tidy(() => reshape(slice(flat, s.offset, s.size), s.shape)) : zeros(s.shape);
    return (this.layout ?? []).map((s) => ({ name: s.name, m: part(this.m, s), v: part(this.v, s) }));
  }

  protected override async importMoments(pairs: MomentPair[]): Promise<void> {
    dispose([this.m, this.v].filter((x): x is Tensor => x != null));
    this.m = this.v = null;
    this.layout = pairs.length
      ? this.makeLayout(
          pairs.map((p) => p.name),
          pairs.map((p) => p.m.shape),
        )
      : null;
    this.restored = pairs.length > 0;
    if (!pairs.length) return;
    const flat = async (part: Tensor[]) => {
      const values = await Promise.all(part.map(async (t) => Array.from(await t.data())));
      return keep(tensor1d(values.flat(), 'float32'));
    };
    this.m = await flat(pairs.map((p) => p.m));
    this.v = await flat(pairs.map((p) => p.v));
  }
}
