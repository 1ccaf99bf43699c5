/**
 * What our two Adam optimizers share (fused-adam.ts for wasm/cpu, flat-adam.ts for WebGL/WebGPU): the β-power
 * accumulators and ε, and saving/restoring their state in tf.train.adam's format, so that state moves between
 * them and tf.train.adam in either direction. Each subclass keeps its moments its own way and says how to export
 * and import them.
 */
import { AdamOptimizer, backend as currentBackend, dispose } from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';

/** tfjs-core's NamedTensor (not re-exported from its index). */
export interface NamedTensor {
  name: string;
  tensor: Tensor;
}

/** One variable's saved moments: `<name>/m` and `<name>/v`. */
export interface MomentPair {
  name: string;
  m: Tensor;
  v: Tensor;
}

export abstract class AdamBase extends AdamOptimizer {
  /** β1ᵗ⁺¹ and β2ᵗ⁺¹ after t steps, as tfjs keeps them (its accumulators start at β1, β2 before any step). */
  protected b1t: number;
  protected b2t: number;
  protected readonly eps: number;
  /** Tensors handed out by the last getWeights(), disposed by the next call or by dispose(). */
  private exported: Tensor[] = [];

  constructor(
    learningRate: number,
    beta1 = 0.9,
    beta2 = 0.999,
    epsilon: number | null = null,
    /** The class's name in error messages (minified builds rename classes). */
    private readonly label = 'Adam',
  ) {
    super(learningRate, beta1, beta2, epsilon ?? undefined);
    this.b1t = beta1;
    this.b2t = beta2;
    this.eps = epsilon ?? currentBackend().epsilon();
  }

  /** Ends a step: advances the β powers and the iteration count. */
  protected endStep(): void {
    this.b1t *= this.beta1;
    this.b2t *= this.beta2;
    this.incrementIterations();
  }

  /** Every variable's moments as new tensors, in the order of first update; shaped like the variable. */
  protected abstract exportMoments(): MomentPair[];

  /** Replaces the moments with these (already checked to pair up); the tensors stay the caller's. */
  protected abstract importMoments(pairs: MomentPair[]): Promise<void>;

  /**
   * Optimizer state in tf.train.adam's format and order: the iteration count, then every variable's first
   * moment (`<name>/m`), then every second moment (`<name>/v`). The tensors belong to the optimizer (like
   * tf.train.adam's, which are its variables): valid until the next getWeights() or dispose(); do not dispose
   * them.
   */
  override async getWeights(): Promise<NamedTensor[]> {
    dispose(this.exported);
    const iter = await this.saveIterations();
    const pairs = this.exportMoments();
    const ms = pairs.map((p) => ({ name: `${p.name}/m`, tensor: p.m }));
    const vs = pairs.map((p) => ({ name: `${p.name}/v`, tensor: p.v }));
    this.exported = [iter.tensor, ...ms.map((e) => e.tensor), ...vs.map((e) => e.tensor)];
    return [iter, ...ms, ...vs];
  }

  /**
   * Restores state saved by getWeights() (of either of our optimizers or of tf.train.adam): refused, with the
   * state unchanged, unless every `<name>/m` is matched by a `<name>/v` of the same size in the same place.
   * Does not dispose the inputs.
   */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const iterations = this.iterations;
    const rest = await this.extractIterations(weightValues);
    const half = rest.length / 2;
    const ms = rest.slice(0, half);
    const vs = rest.slice(half);
    if (
      !Number.isInteger(half) ||
      ms.some(
        (m, i) =>
          !m.name.endsWith('/m') ||
          vs[i]!.name !== m.name.replace(/\/m$/, '/v') ||
          vs[i]!.tensor.size !== m.tensor.size,
      )
    ) {
      this.iterations_ = iterations;
      throw new Error(
        `${this.label}.setWeights: expected <name>/m for every variable, then <name>/v in the same order.`,
      );
    }
    const t = this.iterations;
    this.b1t = Math.pow(this.beta1, t + 1);
    this.b2t = Math.pow(this.beta2, t + 1);
    await this.importMoments(
      ms.map((m, i) => ({ name: m.name.replace(/\/m$/, ''), m: m.tensor, v: vs[i]!.tensor })),
    );
  }

  override dispose(): void {
    dispose(this.exported);
    this.exported = [];
    super.dispose();
  }
}
