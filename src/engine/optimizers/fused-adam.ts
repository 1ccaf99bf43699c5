/**
 * Adam in one pass per variable, for the WASM backend (works on any backend; it only pays off on wasm/cpu).
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
 * backend's epsilon (1e-7 for float32), as tfjs does. Moments live in JS Float32Arrays (float32 like tfjs);
 * the arithmetic is done in float64 and rounded once, so results agree with tf.train.adam to ~1e-7 relative.
 *
 * WHY NOT UPDATE IN PLACE on the WASM heap: the wasm Conv2D / MatMul kernels cache XNNPACK operators, with
 * the *packed weights inside*, keyed by the weight tensor's id. Overwriting a variable's bytes in place would
 * leave those caches serving the old weights. So each variable gets a fresh tensor (new id) via assign().
 */
import { engine, tensor } from '@tensorflow/tfjs-core';
import type { NamedTensorMap, Tensor, Variable } from '@tensorflow/tfjs-core';
import { AdamBase } from './adam-base.js';
import type { MomentPair, NamedTensor } from './adam-base.js';

interface Moments {
  m: Float32Array;
  v: Float32Array;
}

export class FusedAdamOptimizer extends AdamBase {
  private readonly moments = new Map<string, Moments>();

  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon: number | null = null) {
    super(learningRate, beta1, beta2, epsilon, 'FusedAdamOptimizer');
  }

  override applyGradients(variableGradients: NamedTensorMap | NamedTensor[]): void {
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((item) => item.name)
      : Object.keys(variableGradients);
    const lr = this.learningRate;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const c1 = 1 - this.b1t; // 1 − β1ᵗ
    const c2 = 1 - this.b2t;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const grad: Tensor | undefined = Array.isArray(variableGradients)
        ? variableGradients[k]!.tensor
        : variableGradients[name];
      if (grad == null) continue;
      const variable = engine().registeredVariables[name] as Variable | undefined;
      if (variable == null) continue;
      const g = grad.dataSync() as Float32Array;
      const theta = variable.dataSync() as Float32Array;
      let mom = this.moments.get(name);
      if (mom == null || mom.m.length !== theta.length) {
        mom = { m: new Float32Array(theta.length), v: new Float32Array(theta.length) };
        this.moments.set(name, mom);
      }
      const { m, v } = mom;
      const next = new Float32Array(theta.length);
      for (let i = 0; i < theta.length; i++) {
        const gi = g[i]!;
        const mi = b1 * m[i]! + (1 - b1) * gi;
        const vi = b2 * v[i]! + (1 - b2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        next[i] = theta[i]! - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + this.eps);
      }
      const t = tensor(next, variable.shape, 'float32');
      variable.assign(t);
      t.dispose();
    }
    this.endStep();
  }

  override dispose(): void {
    this.moments.clear();
    super.dispose();
  }

  protected override exportMoments(): MomentPair[] {
    const shapeOf = (name: string): number[] =>
      (engine().registeredVariables[name] as Variable | undefined)?.shape ?? [];
    return [...this.moments.entries()].map(([name, mom]) => ({
      name,
      m: tensor(mom.m, shapeOf(name), 'float32'),
      v: tensor(mom.v, shapeOf(name), 'float32'),
    }));
  }

  protected override async importMoments(pairs: MomentPair[]): Promise<void> {
    this.moments.clear();
    for (const { name, m, v } of pairs)
      this.moments.set(name, {
        m: Float32Array.from(await m.data()),
        v: Float32Array.from(await v.data()),
      });
  }
}
