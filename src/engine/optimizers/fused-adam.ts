/**
 * Adam in one pass per variable, for the WASM backend (works on any backend; it only pays off on wasm/cpu):
 * on wasm one SIMD kernel per variable (kernels/adam-update.ts, wasm-adam.ts), elsewhere one JavaScript loop.
 *
 * WHY. tf.train.adam applies ~16 tiny kernels per variable per step (mul, mul, add, square, mul, add, div,
 * div, sqrt, add, div, mul, add and three assigns): for the lesson's CNN (10 variables, 45,424 numbers) that is
 * ~160 kernel launches — about half of all launches in a training step — each paying the engine's per-op
 * bookkeeping for a few microseconds of arithmetic. Here the same update is one JS loop per variable over
 * values read straight from the backend, and ONE new tensor per variable.
 *
 * MATHS (identical to tfjs' AdamOptimizer, Kingma & Ba with the bias correction folded as tfjs does):
 *   m ← β1·m + (1−β1)·g          v ← β2·v + (1−β2)·g²
 *   θ ← θ − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)
 * with t the step count (tfjs keeps β1ᵗ, β2ᵗ as accumulators starting at β1, β2) and ε defaulting to the
 * backend's epsilon (1e-7 for float32), as tfjs does. On wasm the moments are tensors on the heap and the
 * kernel does tfjs' float32 operations in tfjs' order; elsewhere they live in JS Float32Arrays and the loop
 * does the arithmetic in float64, rounded once. Either way results agree with tf.train.adam to ~1e-7 relative.
 *
 * WHY NOT UPDATE IN PLACE on the WASM heap: the wasm Conv2D / MatMul kernels cache XNNPACK operators, with
 * the *packed weights inside*, keyed by the weight tensor's id. Overwriting a variable's bytes in place would
 * leave those caches serving the old weights. So each variable gets a fresh tensor (new id) via assign().
 */
import { dispose, engine, getKernel, keep, tensor } from '@tensorflow/tfjs-core';
import type { NamedTensorMap, Tensor, Variable } from '@tensorflow/tfjs-core';
import { ADAM_UPDATE, type AdamUpdateAttrs } from '../kernels/adam-update.js';
import { AdamBase } from './adam-base.js';
import type { MomentPair, NamedTensor } from './adam-base.js';

/** A variable's moments: JavaScript arrays (the plain loop), or tensors on the backend (its update kernel). */
type Moments = { kind: 'js'; m: Float32Array; v: Float32Array } | { kind: 'tensor'; m: Tensor; v: Tensor };

export class FusedAdamOptimizer extends AdamBase {
  private readonly moments = new Map<string, Moments>();

  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon: number | null = null) {
    super(learningRate, beta1, beta2, epsilon, 'FusedAdamOptimizer');
  }

  override applyGradients(variableGradients: NamedTensorMap | NamedTensor[]): void {
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((item) => item.name)
      : Object.keys(variableGradients);
    const attrs: AdamUpdateAttrs = {
      lr: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      c1: 1 - this.b1t, // 1 − β1ᵗ
      c2: 1 - this.b2t,
      eps: this.eps,
    };
    // The backend's own update kernel where it has one (wasm: wasm-adam.ts), else the loop below.
    const kernel = getKernel(ADAM_UPDATE, engine().backendName) != null;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const grad: Tensor | undefined = Array.isArray(variableGradients)
        ? variableGradients[k]!.tensor
        : variableGradients[name];
      if (grad == null) continue;
      const variable = engine().registeredVariables[name] as Variable | undefined;
      if (variable == null) continue;
      if (kernel && grad.dtype === 'float32' && variable.dtype === 'float32')
        this.kernelUpdate(name, variable, grad, attrs);
      else this.jsUpdate(name, variable, grad, attrs);
    }
    this.endStep();
  }

  /** One variable through the backend's kernel: θ', m', v' are new tensors; the old moments are freed. */
  private kernelUpdate(name: string, variable: Variable, grad: Tensor, attrs: AdamUpdateAttrs): void {
    let mom = this.moments.get(name);
    if (mom?.kind !== 'tensor' || mom.m.size !== variable.size) {
      const js = mom?.kind === 'js' && mom.m.length === variable.size ? mom : null;
      mom = {
        kind: 'tensor',
        m: keep(tensor(js?.m ?? new Float32Array(variable.size), variable.shape, 'float32')),
        v: keep(tensor(js?.v ?? new Float32Array(variable.size), variable.shape, 'float32')),
      };
      this.setMoments(name, mom);
    }
    const inputs = { theta: variable, g: grad, m: mom.m, v: mom.v };
    const [theta, m, v] = engine().runKernel(ADAM_UPDATE, inputs, attrs as unknown as never) as Tensor[];
    // The moments outlive a caller's tidy (training/core.ts steps inside one).
    this.setMoments(name, { kind: 'tensor', m: keep(m!), v: keep(v!) });
    variable.assign(theta!);
    theta!.dispose();
  }

  /** One variable in JavaScript (float64 arithmetic, rounded once): the path of backends without the kernel. */
  private jsUpdate(name: string, variable: Variable, grad: Tensor, attrs: AdamUpdateAttrs): void {
    const { lr, beta1: b1, beta2: b2, c1, c2, eps } = attrs;
    const g = grad.dataSync() as Float32Array;
    const theta = variable.dataSync() as Float32Array;
    let mom = this.moments.get(name);
    if (mom?.kind !== 'js' || mom.m.length !== theta.length) {
      const from = mom?.kind === 'tensor' && mom.m.size === theta.length ? mom : null;
      mom = {
        kind: 'js',
        m: from ? Float32Array.from(from.m.dataSync()) : new Float32Array(theta.length),
        v: from ? Float32Array.from(from.v.dataSync()) : new Float32Array(theta.length),
      };
      this.setMoments(name, mom);
    }
    const { m, v } = mom;
    const next = new Float32Array(theta.length);
    for (let i = 0; i < theta.length; i++) {
      const gi = g[i]!;
      const mi = b1 * m[i]! + (1 - b1) * gi;
      const vi = b2 * v[i]! + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      next[i] = theta[i]! - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
    }
    const t = tensor(next, variable.shape, 'float32');
    variable.assign(t);
    t.dispose();
  }

  /** Frees every tensor the moments hold (the map is the caller's to clear). */
  private freeMoments(): void {
    for (const mom of this.moments.values()) if (mom.kind === 'tensor') dispose([mom.m, mom.v]);
  }

  /** Replaces a variable's moments, freeing the tensors of the old ones. */
  private setMoments(name: string, mom: Moments): void {
    const old = this.moments.get(name);
    this.moments.set(name, mom);
    if (old?.kind === 'tensor' && old.m !== mom.m) {
      old.m.dispose();
      old.v.dispose();
    }
  }

  override dispose(): void {
    this.freeMoments();
    this.moments.clear();
    super.dispose();
  }

  protected override exportMoments(): MomentPair[] {
    const shapeOf = (name: string): number[] =>
      (engine().registeredVariables[name] as Variable | undefined)?.shape ?? [];
    return [...this.moments.entries()].map(([name, mom]) =>
      mom.kind === 'tensor'
        ? { name, m: mom.m.clone(), v: mom.v.clone() }
        : { name, m: tensor(mom.m, shapeOf(name), 'float32'), v: tensor(mom.v, shapeOf(name), 'float32') },
    );
  }

  protected override async importMoments(pairs: MomentPair[]): Promise<void> {
    this.freeMoments();
    this.moments.clear();
    for (const { name, m, v } of pairs)
      this.moments.set(name, {
        kind: 'js',
        m: Float32Array.from(await m.data()),
        v: Float32Array.from(await v.data()),
      });
  }
}
