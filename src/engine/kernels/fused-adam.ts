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
import { AdamOptimizer, backend as currentBackend, dispose, engine, tensor } from '@tensorflow/tfjs-core';
import type { NamedTensorMap, Tensor, Variable } from '@tensorflow/tfjs-core';

/** tfjs-core's NamedTensor (not re-exported from its index). */
interface NamedTensor {
  name: string;
  tensor: Tensor;
}

interface Moments {
  m: Float32Array;
  v: Float32Array;
}

export class FusedAdamOptimizer extends AdamOptimizer {
  private readonly moments = new Map<string, Moments>();
  private b1t: number;
  private b2t: number;
  private readonly eps: number;
  /** Tensors handed out by the last getWeights(), disposed by the next call or by dispose(). */
  private exported: Tensor[] = [];

  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon: number | null = null) {
    super(learningRate, beta1, beta2, epsilon ?? undefined);
    this.b1t = beta1;
    this.b2t = beta2;
    this.eps = epsilon ?? currentBackend().epsilon();
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
    this.b1t *= b1;
    this.b2t *= b2;
    this.incrementIterations();
  }

  override dispose(): void {
    this.moments.clear();
    dispose(this.exported);
    this.exported = [];
    super.dispose();
  }

  /**
   * Optimizer state in tf.train.adam's format and order: the iteration count, then every variable's first
   * moment (`<name>/m`), then every second moment (`<name>/v`), variables in first-update order. The tensors
   * belong to the optimizer (like tf.train.adam's, which are its variables): valid until the next getWeights()
   * or dispose(); do not dispose them.
   */
  override async getWeights(): Promise<NamedTensor[]> {
    dispose(this.exported);
    const iter = await this.saveIterations();
    const entries = [...this.moments.entries()];
    const shapeOf = (name: string): number[] =>
      (engine().registeredVariables[name] as Variable | undefined)?.shape ?? [];
    const ms = entries.map(([name, mom]) => ({
      name: `${name}/m`,
      tensor: tensor(mom.m, shapeOf(name), 'float32'),
    }));
    const vs = entries.map(([name, mom]) => ({
      name: `${name}/v`,
      tensor: tensor(mom.v, shapeOf(name), 'float32'),
    }));
    this.exported = [iter.tensor, ...ms.map((e) => e.tensor), ...vs.map((e) => e.tensor)];
    return [iter, ...ms, ...vs];
  }

  /** Restores state saved by getWeights() (of this class or of tf.train.adam). Does not dispose the inputs. */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const rest = await this.extractIterations(weightValues);
    const t = this.iterations;
    // tfjs keeps β1ᵗ⁺¹ after t steps (the accumulator starts at β1 before the first step).
    this.b1t = Math.pow(this.beta1, t + 1);
    this.b2t = Math.pow(this.beta2, t + 1);
    const half = rest.length / 2;
    this.moments.clear();
    for (let i = 0; i < half; i++) {
      const m = rest[i]!;
      const v = rest[half + i]!;
      const name = m.name.replace(/\/m$/, '');
      this.moments.set(name, {
        m: Float32Array.from(await m.tensor.data()),
        v: Float32Array.from(await v.tensor.data()),
      });
    }
  }
}
