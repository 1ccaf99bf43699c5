/**
 * The training loop itself — the same code in a Worker and, as a fallback, on the main thread.
 *
 * WHY A CUSTOM LOOP (not `model.fit`). `fit` wraps every batch in callbacks, history objects and an
 * `await` per batch we cannot control; it cannot be paused mid-epoch, cannot be time-sliced, and shuffles with
 * `Math.random` (not seedable). Our loop is a plain `optimizer.minimize()` inside `tf.tidy()` per batch: one
 * forward + backward + update, one read-back of [loss, correct] (a single small download, so a GPU backend
 * syncs once per batch), and nothing else. On a GPU backend in a Worker the next batch is queued before that
 * read (see `train`), so its CPU-side work overlaps the GPU's.
 *
 * TWO SPEEDS OF SLICING.
 *  - In a Worker (`sliceMs: null`) a batch is one step; after each step we yield to the worker's event loop
 *    so that pause/stop/predict messages get through within one batch. Nothing here can freeze the page.
 *  - On the main thread (`sliceMs: n`, the fallback when no Worker can start, e.g. a strict CSP) a batch of
 *    B examples is split into micro-batches whose *gradients are summed* before ONE optimizer update. The
 *    maths is exactly that of the full batch (the mean loss is the sum of the per-chunk sums divided by B), so
 *    the lesson's batch size means what it says; only the work is cut into slices, each followed by a yield
 *    to the event loop. The micro-batch size is fixed per backend and model (see `microBatch`), not measured:
 *    float sums depend on how a batch is cut, and a timing-dependent cut would break seeding.
 *
 * SEEDING. Weights: seeded initialisers (models/build.ts). Order of examples: a Fisher–Yates shuffle per epoch
 * driven by mulberry32 from the seed (random.ts). Nothing else is random (no dropout in cnn/fnn). Hence the
 * same seed, data and backend give the same weights and loss curve, run after run.
 *
 * MEMORY. Every tensor of a step is created inside `tf.tidy` (no `await` inside it); the only survivors are the
 * weights, the optimizer's slots and, for a moment, the [loss, correct] pair (two of them when the next batch
 * is queued), each disposed right after its read-back. Every batch event reports `tf.memory().numTensors`
 * (not counting a queued batch's pair) so tests can check it never grows.
 */
import {
  AdamOptimizer,
  MomentumOptimizer,
  add,
  argMax,
  cast,
  concat,
  dispose,
  div,
  equal,
  keep,
  logSoftmax,
  memory,
  mul,
  neg,
  scalar,
  softmax,
  stack,
  sum,
  tensor1d,
  tensor2d,
  tensor4d,
  tidy,
  variableGrads,
  type NamedTensorMap,
  type Optimizer,
  type Scalar,
  type Tensor,
  type Variable,
} from '../tf-ops.js';
import { backendReport, getTf, readBack, type Tf } from '../backend.js';
import { FlatAdamOptimizer } from '../optimizers/flat-adam.js';
import { FusedAdamOptimizer } from '../optimizers/fused-adam.js';
import { buildModel, type SpecModel } from '../models/build.js';
import { MODEL_SPECS } from '../models/specs.js';
import { setModelWeights } from '../models/set-weights.js';
import type { NamedWeights } from './protocol.js';
import { deriveSeed, mulberry32, shuffledIndices } from '../random.js';
import { learningRateAt, type BackendName, type MnistSplit, type TrainConfig } from './config.js';
import { fillBatch, inputFormat, standardised, type BatchArrays, type InputFormat } from './pixels.js';
import { fitSpec } from '../models/fit.js';
import { softmaxCrossEntropy } from '../kernels/softmax-cross-entropy.js';
import { HelperPort, shares, sumInOrder, type GradientSource, type ShareReply } from './parallel.js';
import { GradExchange, LAG } from './pipeline.js';
import { MessageError, messagesOf } from '../messages.js';
import { SESSION_MESSAGES } from './session.messages.js';
import { watchdog } from '../worker/watchdog.js';
import { assignFlat, flatSize, namedFromFlat, readFlat } from './flat-vars.js';
import { DirectStep } from './direct-step.js';

import {
  yieldToEventLoop,
  type Control,
  type CoreEvents,
  type Evaluation,
  type StartInfo,
} from './events.js';

export interface CoreOptions {
  /** Main-thread mode: keep each synchronous slice of work under about this many ms. null = Worker mode. */
  sliceMs?: number | null;
  /**
   * Worker mode only: ports to helper Workers that compute shares of each batch's gradient (training/parallel.ts).
   * Used on the CPU backends (wasm, cpu); on a GPU backend every worker would share one GPU, so they stay idle.
   */
  helpers?: MessagePort[];
}

const tell = messagesOf(SESSION_MESSAGES);

/** The leader's state of a pipeline (training/pipeline.ts) in progress. */
interface LeaderPipe {
  split: MnistSplit;
  order: ArrayLike<number>;
  /** Where batch k of the epoch lies in `order` (null past its end, or for a batch the pipeline leaves out). */
  at: (k: number) => { from: number; n: number } | null;
  /** The epoch's batch of the pipeline's step 0 (a pipeline's steps count from 0: its messages carry them). */
  first: number;
  /** Steps computed here (this worker's gradient posted). */
  steps: number;
  /** Updates applied (steps 0 … applied − 1). */
  applied: number;
  /** Shares posted to the helpers: of steps 0 … posted − 1. */
  posted: number;
  /** This worker's gradient, share numbers and learning rate of each step not yet applied. */
  own: Map<number, { grads: Float32Array; loss: number; correct: number; learningRate: number }>;
  /** Each step's batch numbers [loss, correct], once every share is summed. */
  results: Map<number, { resolve: (r: number[]) => void; reject: (e: Error) => void }>;
}

/** Shares posted ahead to the helpers: for which examples, and their replies. */
interface Prefetch {
  split: MnistSplit;
  ids: Float64Array;
  pending: (Promise<ShareReply> | null)[];
}

/**
 * Whether steps may run straight on the kernels (training/direct-step.ts). On by default; tests and the bench
 * turn it off to compare with the tape's path (which must give the same numbers).
 */
let directSteps = true;
export function setDirectSteps(on: boolean): void {
  directSteps = on;
}

export class TrainerCore implements GradientSource {
  readonly tf: Tf;
  readonly backend: BackendName;
  readonly model: SpecModel;
  private readonly optimizer: Optimizer;
  private readonly vars: Variable[];
  private readonly sliceMs: number | null;
  /** Estimated ms per image for a training step / a prediction (main-thread slicing). */
  private trainMsPerImage = 2;
  private predictMsPerImage = 0.2;
  private disposed = false;
  /** The helpers computing shares of each batch (empty: this core computes whole batches alone). */
  private readonly helpers: HelperPort[];
  /** Whether the helpers' replicas may differ from this model (before the first step, after `setWeights`). */
  private helpersStale = true;
  /** The direct training step (training/direct-step.ts) once asked for: null where the model or backend has none. */
  private direct: DirectStep | null | undefined = undefined;
  /** Shares of the next step, posted to the helpers ahead by the previous one. */
  private prefetch: Prefetch | null = null;
  /** The gradient exchange with the helpers in a pipeline (training/pipeline.ts), and the pipeline running. */
  private readonly exchange: GradExchange | null;
  private pipe: LeaderPipe | null = null;
  /** A helper's failure in a pipeline, and who waits for the helpers' gradients. */
  private pipeFailure: Error | null = null;
  private pipeWaiter: (() => void) | null = null;
  private readonly freeGrads: Float32Array[] = [];
  /** Each helper's numTensors at its latest reply (for `BatchInfo.workerTensors`). */
  private readonly helperTensors: number[];
  /**
   * Buffers a data-parallel step reuses instead of allocating them anew (~0.6 MB a step on each side, which kept
   * V8's collector busy: a pause in one worker holds up all of them at the step's barrier). This core's share:
   * its batch arrays and its gradient (into which the shares are summed). Per helper: the examples' bytes it sent
   * back for the next share, and the gradient buffer of its latest reply, which carries the summed gradient back
   * to it (and then its next reply: one buffer goes back and forth per helper).
   */
  private readonly reuse: {
    batch: BatchArrays | null;
    grads: Float32Array | null;
    shares: ({ pixels: Uint8Array; labels: Uint8Array } | null)[];
  } = { batch: null, grads: null, shares: [] };
  readonly trainSize: number;
  readonly testSize: number;
  /** What one example is: shape, classes, standardisation (the dataset's; MNIST's by default). */
  readonly input: InputFormat;

  private constructor(
    tf: Tf,
    backend: BackendName,
    readonly config: TrainConfig,
    readonly data: { train: MnistSplit; test: MnistSplit },
    optimizer: Optimizer,
    model: SpecModel,
    options: CoreOptions,
  ) {
    this.tf = tf;
    this.backend = backend;
    this.model = model;
    this.optimizer = optimizer;
    // Train exactly this model's variables: `minimize()` without a list would also update any other trainable
    // variable alive on the page (another widget's model).
    this.vars = model.trainableVariables;
    this.sliceMs = options.sliceMs ?? null;
    const parallel = this.sliceMs == null && (backend === 'wasm' || backend === 'cpu');
    this.helpers = parallel ? (options.helpers ?? []).map((p) => new HelperPort(p)) : [];
    if (!parallel) options.helpers?.forEach((p) => p.close());
    this.helperTensors = this.helpers.map(() => 0);
    this.exchange = this.helpers.length
      ? new GradExchange(0, 1 + this.helpers.length, (k, m, transfer) =>
          this.helpers[k - 1]!.post(m, transfer),
        )
      : null;
    this.helpers.forEach((h, i) => {
      h.onPipe = (m) => {
        if (m.type === 'pfail') {
          const e = new Error(`A training helper failed: ${m.message}`);
          if (m.stack) e.stack = `${e.stack ?? e.message}\n--- in the helper ---\n${m.stack}`;
          this.pipeFailure ??= e;
        } else {
          if (m.pixels && m.labels) this.reuse.shares[i] = { pixels: m.pixels, labels: m.labels };
          this.helperTensors[i] = m.numTensors;
          this.exchange!.receive(m);
        }
        this.pipeWaiter?.();
      };
    });
    this.input = inputFormat(config.dataset);
    this.trainSize = Math.min(config.trainSize, data.train.count);
    this.testSize = Math.min(config.testSize ?? data.test.count, data.test.count);
  }

  /** Loads TF.js on the requested backend, builds the seeded model and its optimizer. */
  static async create(
    config: TrainConfig,
    data: { train: MnistSplit; test: MnistSplit },
    options: CoreOptions = {},
  ): Promise<TrainerCore> {
    const input = inputFormat(config.dataset);
    for (const [name, split] of Object.entries(data)) {
      if (split.images.length < split.count * input.pixels || split.labels.length < split.count) {
        throw new Error(`The ${name} data is shorter than its count of ${split.count} images.`);
      }
    }
    const { tf, backend } = await getTf(config.backend);
    // A writer's network as it is (the session checked it against the data); a preset fitted to the data.
    const spec = config.spec ?? fitSpec(MODEL_SPECS[config.model], input);
    const model = buildModel(tf, spec, { seed: config.seed });
    if (config.initialWeights) {
      try {
        setModelWeights(model, config.initialWeights); // checked first: a mismatch names the layer
      } catch (e) {
        model.dispose();
        throw e;
      }
    }
    let optimizer: Optimizer;
    if (config.optimizer === 'sgd') {
      // tf's momentum update (v ← m·v + g; θ ← θ − lr·v) is PyTorch's SGD(momentum) exactly.
      optimizer = new MomentumOptimizer(config.learningRate, config.momentum ?? 0.9);
    } else if (backend === 'wasm' || backend === 'cpu') {
      // On CPU backends tf's Adam costs ~16 tiny kernels per variable; the fused one does the same maths in one
      // pass (optimizers/fused-adam.ts). ε = 1e-8 as in PyTorch.
      optimizer = new FusedAdamOptimizer(config.learningRate, 0.9, 0.999, 1e-8);
    } else if (backend === 'webgl' || backend === 'webgpu') {
      // On GPU backends every kernel is a draw call or a dispatch: Adam on one flat vector of all the weights
      // takes ~25 kernels per step where tf's takes ~160 (optimizers/flat-adam.ts). The same maths.
      optimizer = new FlatAdamOptimizer(config.learningRate, 0.9, 0.999, 1e-8);
    } else {
      optimizer = new AdamOptimizer(config.learningRate, 0.9, 0.999, 1e-8);
    }
    return new TrainerCore(tf, backend, config, data, optimizer, model, options);
  }

  get startInfo(): StartInfo {
    return {
      backend: this.backend,
      report: backendReport(),
      trainSize: this.trainSize,
      testSize: this.testSize,
      batchesPerEpoch: Math.ceil(this.trainSize / this.config.batchSize),
      epochs: this.config.epochs,
      workers: 1 + this.helpers.length,
    };
  }

  /**
   * Sum of cross-entropies and the number of correct predictions of a chunk, as scalars; `divisor` turns the sum
   * into the batch mean (B for the whole batch, even when this is only a chunk of it).
   */
  /** The direct step for this model on this backend (made on first use), or null: the tape's path then. */
  private directStep(): DirectStep | null {
    if (!directSteps) return null;
    if (this.direct === undefined) this.direct = DirectStep.create(this.model, this.input.classes);
    return this.direct;
  }

  private lossAndCorrect(xs: Float32Array, labels: Int32Array, oneHot: Float32Array, divisor: number) {
    const n = labels.length;
    const x = tensor4d(xs, [n, ...this.input.shape]);
    const y = tensor2d(oneHot, [n, this.input.classes]);
    const logits = this.model.apply(x, { training: true });
    // One kernel and one gradient kernel on the CPU backends (kernels/softmax-cross-entropy.ts).
    const fused = softmaxCrossEntropy(logits, tensor1d(labels, 'int32'), divisor);
    if (fused) return { loss: fused[0], correct: fused[1] };
    const loss = div(neg(sum(mul(y, logSoftmax(logits)))), divisor);
    const correct = sum(cast(equal(argMax(logits, 1), tensor1d(labels, 'int32')), 'float32'));
    return { loss, correct };
  }

  /**
   * One optimizer step over `split`'s examples `indices[from .. from+n)` (fine-tune-run.ts steps on its own split).
   * `next`: the step that will follow (the same `indices` and `split`), so that helpers can start on it early.
   * Returns [mean loss, correct count] as a tensor to read (and dispose): on a GPU it may still be computing.
   */
  async step(
    indices: ArrayLike<number>,
    from: number,
    n: number,
    split = this.data.train,
    next?: { from: number; n: number },
  ): Promise<Tensor> {
    if (this.helpers.length) {
      await this.endPipe(); // a pipeline's last update first (fine-tuning after a run, say)
      return this.parallelStep(indices, from, n, split, next);
    }
    const chunk = this.sliceMs == null ? n : Math.min(n, this.microBatch);
    let stats: Tensor;
    if (chunk >= n && this.directStep()) {
      // Whole batch at once, straight on the kernels (training/direct-step.ts): the same numbers, no tape.
      const t0 = performance.now();
      const { xs, labels } = fillBatch(split, indices, from, n, this.input);
      const r = this.directStep()!.run(xs, labels, n);
      try {
        this.optimizer.applyGradients(r.grads);
      } finally {
        dispose(Object.values(r.grads));
      }
      stats = tensor1d([r.loss, r.correct]);
      this.learnSpeed('train', performance.now() - t0, n);
    } else if (chunk >= n) {
      // Whole batch at once (Worker mode, or a fast backend).
      const t0 = performance.now();
      const { xs, labels, oneHot } = fillBatch(split, indices, from, n, this.input);
      stats = tidy(() => {
        let correct: Tensor | null = null;
        try {
          const loss = this.optimizer.minimize(
            () => {
              const r = this.lossAndCorrect(xs, labels, oneHot, n);
              correct = keep(r.correct); // survives minimize's internal tidy; disposed below
              return r.loss as Scalar;
            },
            true,
            this.vars,
          )!;
          return stack([loss, correct!]);
        } finally {
          (correct as Tensor | null)?.dispose(); // also when minimize threw after the loss ran
        }
      });
      this.learnSpeed('train', performance.now() - t0, n);
    } else {
      // Main thread: gradient accumulation over chunks, one update (see the top of this file).
      let acc: NamedTensorMap | null = null;
      let lossSum: Tensor = scalar(0);
      let correctSum: Tensor = scalar(0);
      try {
        for (let start = 0; start < n;) {
          const size = Math.min(n - start, this.microBatch);
          const t0 = performance.now();
          const { xs, labels, oneHot } = fillBatch(split, indices, from + start, size, this.input);
          const next: { acc: NamedTensorMap; loss: Tensor; correct: Tensor } = tidy(() => {
            let correct: Tensor | null = null;
            try {
              const { value, grads } = variableGrads(() => {
                const r = this.lossAndCorrect(xs, labels, oneHot, n);
                correct = keep(r.correct);
                return r.loss as Scalar;
              }, this.vars);
              const summed: NamedTensorMap = {};
              for (const name of Object.keys(grads))
                summed[name] = acc ? add(acc[name]!, grads[name]!) : grads[name]!;
              return { acc: summed, loss: add(lossSum, value), correct: add(correctSum, correct!) };
            } finally {
              (correct as Tensor | null)?.dispose(); // also when something threw after the loss ran
            }
          });
          if (acc) dispose(Object.values(acc));
          lossSum.dispose();
          correctSum.dispose();
          acc = next.acc;
          lossSum = next.loss;
          correctSum = next.correct;
          this.learnSpeed('train', performance.now() - t0, size);
          start += size;
          if (start < n) await yieldToEventLoop();
        }
        this.optimizer.applyGradients(acc!);
        stats = stack([lossSum, correctSum]);
      } finally {
        if (acc) dispose(Object.values(acc));
        lossSum.dispose();
        correctSum.dispose();
      }
    }
    return stats;
  }

  /**
   * Data-parallel step (training/parallel.ts): share 0 here, share k on helper k, gradients summed in share
   * order, one update here and the same on every helper's replica. Returns [loss, correct] as the other path does.
   */
  private async parallelStep(
    ix: ArrayLike<number>,
    from: number,
    n: number,
    split: MnistSplit,
    next?: { from: number; n: number },
  ) {
    const parts = shares(n, 1 + this.helpers.length);
    const pending = await this.sharesFor(ix, from, n, split);
    const ordered: Float32Array[] = [];
    let loss = 0;
    let correct = 0;
    const [a0, b0] = parts[0]!;
    const reuse = this.reuse;
    if (b0 > a0) {
      // Computed while the helpers compute theirs.
      reuse.batch = fillBatch(split, ix, from + a0, b0 - a0, this.input, reuse.batch);
      const { xs, labels, oneHot } = reuse.batch;
      const own = this.shareGradients(xs, labels, oneHot, n, reuse.grads);
      reuse.grads = own.grads;
      ordered.push(own.grads);
      loss += own.loss;
      correct += own.correct;
    }
    const replies = await Promise.all(pending);
    /** Per helper, the buffer its summed gradient goes back in (its reply's own, when it has the right size). */
    const back: (Float32Array | null)[] = [];
    for (let k = 0; k < replies.length; k++) {
      const r = replies[k];
      back.push(null);
      if (!r) continue;
      if (r.ok && r.pixels && r.labels) reuse.shares[k] = { pixels: r.pixels, labels: r.labels };
      if (!r.ok) {
        const e = new Error(`A training helper failed: ${r.message}`);
        if (r.stack) e.stack = `${e.stack ?? e.message}\n--- in the helper ---\n${r.stack}`;
        throw e;
      }
      if (parts[k + 1]![1] <= parts[k + 1]![0]) continue; // an empty share (only there to carry the weights)
      ordered.push(r.grads);
      back[k] = r.grads;
      loss += r.loss;
      correct += r.correct;
      this.helperTensors[k] = r.numTensors;
    }
    if (this.disposed) throw new Error('This training session was disposed.');
    const sum = sumInOrder(ordered);
    const learningRate = this.learningRate;
    this.helpers.forEach((h, k) => {
      // Every helper gets its own copy (it is transferred); `sum` is this core's gradient buffer (ordered[0]) or,
      // where this core had no share, the first helper's, so that one is copied before it leaves.
      const own = back[k];
      const grads = own && own !== sum && own.length === sum.length ? own : new Float32Array(sum.length);
      grads.set(sum);
      h.update({ type: 'update', grads, learningRate });
    });
    // The helpers start on the next step's shares (after this update: a port delivers in order) while this
    // thread applies the update, reports the batch and yields.
    // Not when the weights were set meanwhile (a `setWeights` handled while this step waited for the shares):
    // the shares would carry this model's weights before the update below, which the helpers would then set over
    // theirs. The next step posts the shares, and the weights after the update, itself.
    if (next && next.n > 0 && !this.helpersStale)
      this.prefetch = this.postShares(ix, next.from, next.n, split);
    try {
      this.applyFlat(sum);
    } catch (e) {
      this.helpersStale = true; // the helpers applied it: send them the weights next time
      throw e;
    }
    return tensor1d([loss, correct]);
  }

  /**
   * The helpers' replies for the shares of `ix[from .. from+n)`: the ones posted ahead by the previous step when
   * they are for these very examples (and the replicas were not changed since), else freshly posted ones.
   */
  private async sharesFor(
    ix: ArrayLike<number>,
    from: number,
    n: number,
    split: MnistSplit,
  ): Promise<(Promise<ShareReply> | null)[]> {
    const ahead = this.prefetch;
    this.prefetch = null;
    if (ahead) {
      let same = !this.helpersStale && ahead.split === split && ahead.ids.length === n;
      for (let i = 0; same && i < n; i++) same = ahead.ids[i] === ix[from + i];
      if (same) return ahead.pending;
      await Promise.allSettled(ahead.pending); // other examples (or weights) now: drop them, then ask again
    }
    return this.postShares(ix, from, n, split).pending;
  }

  /** Posts share k of `ix[from .. from+n)` to helper k (with the weights when the replicas may differ). */
  private postShares(ix: ArrayLike<number>, from: number, n: number, split: MnistSplit): Prefetch {
    const parts = shares(n, 1 + this.helpers.length);
    // The replicas get the weights when they may differ from this model's.
    const weights = this.helpersStale ? this.flatWeights() : null;
    this.helpersStale = false;
    const pending: (Promise<ShareReply> | null)[] = [];
    for (let k = 1; k < parts.length; k++) {
      const [a, b] = parts[k]!;
      const w = weights && (k === parts.length - 1 ? weights : weights.slice()); // each its own (transferred)
      if (b <= a && !w) {
        pending.push(null);
        continue;
      }
      const { pixels, labels } = this.shareBytes(k - 1, split, ix, from + a, from + b);
      const request = { type: 'share' as const, pixels, labels, divisor: n, ...(w ? { weights: w } : {}) };
      const reply = this.helpers[k - 1]!.request(request);
      reply.catch(() => {}); // a share posted ahead may never be awaited (the session disposed meanwhile)
      pending.push(reply);
    }
    const ids = new Float64Array(n);
    for (let i = 0; i < n; i++) ids[i] = ix[from + i]!;
    return { split, ids, pending };
  }

  /**
   * The examples `ix[from .. to)` of `split` as stored, for helper `h` (a quarter of their floats; the helper
   * standardises them), in the buffers that helper sent back last time where they have the size.
   */
  private shareBytes(
    h: number,
    split: MnistSplit,
    ix: ArrayLike<number>,
    from: number,
    to: number,
  ): { pixels: Uint8Array; labels: Uint8Array } {
    const P = this.input.pixels;
    const n = to - from;
    const spare = this.reuse.shares[h];
    this.reuse.shares[h] = null;
    const fits = spare && spare.labels.length === n && spare.pixels.length === n * P;
    const pixels = fits ? spare.pixels : new Uint8Array(n * P);
    const labels = fits ? spare.labels : new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const idx = ix[from + i]!;
      pixels.set(split.images.subarray(idx * P, idx * P + P), i * P);
      labels[i] = split.labels[idx]!;
    }
    return { pixels, labels };
  }

  /** Whether the training loop steps in a pipeline (several workers, and `pipeline` asked for). */
  private get pipelined(): boolean {
    // Only with 2 workers (config-base.ts `pipeline`): with more, a replica was seen to drift, so lockstep.
    return this.exchange !== null && this.config.pipeline === true && this.helpers.length === 1;
  }

  /**
   * Step `k` of a pipeline over `order` (training/pipeline.ts): this worker's share of batch k, its gradient
   * posted to the helpers, and the update of batch k − 1 applied. Resolves (later: at the next step, or at the
   * pipeline's end) with batch k's [loss, correct].
   */
  private async pipeStep(
    order: ArrayLike<number>,
    k: number,
    at: LeaderPipe['at'],
    learningRate: number,
  ): Promise<{ result: Promise<number[]> }> {
    const split = this.data.train;
    const going = this.pipe;
    if (going && (this.helpersStale || going.order !== order || going.first + going.steps !== k))
      await this.endPipe(); // weights set from outside (or another epoch): a new pipeline, from them
    const p = (this.pipe ??= {
      split,
      order,
      at,
      first: k,
      steps: 0,
      applied: 0,
      posted: 0,
      own: new Map(),
      results: new Map(),
    });
    const step = k - p.first;
    if (step !== p.steps) throw new Error(`A pipeline's step ${step} came after step ${p.steps - 1}.`);
    // The shares LAG + 1 steps ahead: a helper never waits for its data.
    while (p.posted <= step + LAG + 1 && p.at(p.first + p.posted)) this.postPipeShare(p, p.posted++);
    const { from, n } = p.at(k)!;
    const [a, b] = shares(n, 1 + this.helpers.length)[0]!;
    this.reuse.batch = fillBatch(split, order, from + a, b - a, this.input, this.reuse.batch);
    const { xs, labels, oneHot } = this.reuse.batch;
    const g = this.shareGradients(xs, labels, oneHot, n, this.freeGrads.pop());
    this.exchange!.post(step, g.grads, {
      loss: g.loss,
      correct: g.correct,
      numTensors: memory().numTensors,
      learningRate,
    });
    p.own.set(step, { grads: g.grads, loss: g.loss, correct: g.correct, learningRate });
    p.steps = step + 1;
    const result = new Promise<number[]>((resolve, reject) => p.results.set(step, { resolve, reject }));
    result.catch(() => {}); // rejected when the pipeline is dropped; read (and rethrown) only by the loop
    if (step >= LAG) await this.pipeApply(p, step - LAG);
    return { result };
  }

  /** Posts every helper its share of pipeline step `k` (with the weights when the replicas may differ). */
  private postPipeShare(p: LeaderPipe, k: number): void {
    const { from, n } = p.at(p.first + k)!;
    const parts = shares(n, 1 + this.helpers.length);
    const weights = this.helpersStale ? this.flatWeights() : null;
    this.helpersStale = false;
    for (let h = 1; h < parts.length; h++) {
      const [a, b] = parts[h]!;
      const { pixels, labels } = this.shareBytes(h - 1, p.split, p.order, from + a, from + b);
      const w = weights && (h === parts.length - 1 ? weights : weights.slice());
      const transfer: Transferable[] = [pixels.buffer, labels.buffer];
      if (w) transfer.push(w.buffer);
      this.helpers[h - 1]!.post(
        {
          type: 'pshare',
          gen: this.exchange!.gen,
          step: k,
          pixels,
          labels,
          divisor: n,
          ...(w ? { weights: w } : {}),
        },
        transfer,
      );
    }
  }

  /** Waits for every helper's gradient of step `s`, sums them in order with this one's, and applies the update. */
  private async pipeApply(p: LeaderPipe, s: number): Promise<void> {
    const ex = this.exchange!;
    if (!ex.has(s)) {
      const seconds = 60;
      await new Promise<void>((resolve, reject) => {
        const dog = watchdog(seconds * 1000, () => {
          this.pipeWaiter = null;
          reject(new MessageError(tell('session.helperSilent', { seconds })));
        });
        this.pipeWaiter = () => {
          if (!this.pipeFailure && !ex.has(s) && !this.disposed) return;
          this.pipeWaiter = null;
          dog.done();
          resolve();
        };
        this.pipeWaiter();
      });
    }
    if (this.pipeFailure) throw this.pipeFailure;
    if (this.disposed) throw new Error('This training session was disposed.');
    const own = p.own.get(s)!;
    p.own.delete(s);
    const { sum, others } = ex.reduce(s, own.grads);
    let loss = own.loss;
    let correct = own.correct;
    for (const m of others) {
      loss += m.loss;
      correct += m.correct;
    }
    this.setLearningRate(own.learningRate);
    try {
      this.applyFlat(sum);
    } finally {
      this.freeGrads.push(sum);
    }
    p.applied = s + 1;
    p.results.get(s)?.resolve([loss, correct]);
    p.results.delete(s);
  }

  /**
   * Ends the pipeline in progress: the update of its last step applied here and on every helper (which drop
   * what was posted ahead past it). The weights are then exactly those after its last step.
   */
  private async endPipe(): Promise<void> {
    const p = this.pipe;
    if (!p) return;
    this.pipe = null;
    const ex = this.exchange!;
    for (const h of this.helpers) h.post({ type: 'pend', gen: ex.gen, steps: p.steps }, []);
    try {
      while (p.applied < p.steps) await this.pipeApply(p, p.applied);
    } finally {
      for (const r of p.results.values())
        r.reject(new Error('The pipeline ended before this step was summed.'));
      for (const o of p.own.values()) this.freeGrads.push(o.grads);
      ex.next();
    }
  }

  /** Every trainable variable's values, flattened in the model's order (the layout of a share's gradient). */
  flatWeights(): Float32Array {
    return readFlat(this.vars);
  }

  /** Sets every trainable variable from a flat array (`flatWeights`' layout). */
  setFlatWeights(flat: Float32Array): void {
    assignFlat(this.vars, flat);
  }

  /** One optimizer update from a flat gradient (`flatWeights`' layout). */
  applyFlat(flat: Float32Array): void {
    tidy(() => this.optimizer.applyGradients(namedFromFlat(this.vars, flat)));
  }

  /**
   * The gradient of one share of a batch (loss divided by the whole batch's size `divisor`), flat in the model's
   * order, with the share's loss (already / divisor) and correct count. Synchronous: CPU backends only.
   */
  shareGradients(
    xs: Float32Array,
    labels: Int32Array,
    oneHot: Float32Array,
    divisor: number,
    out?: Float32Array | null,
  ): { grads: Float32Array; loss: number; correct: number } {
    // Into `out` (a buffer of a previous step) when it has the size.
    const into = out && out.length === flatSize(this.vars) ? out : undefined;
    const direct = this.directStep();
    if (direct) {
      const r = direct.run(xs, labels, divisor);
      try {
        return {
          grads: readFlat(
            this.vars.map((v) => r.grads[v.name]!),
            into,
          ),
          loss: r.loss,
          correct: r.correct,
        };
      } finally {
        dispose(Object.values(r.grads));
      }
    }
    let grads: Float32Array = new Float32Array(0);
    let loss = 0;
    let correct = 0;
    let correctT: Tensor | null = null;
    try {
      tidy(() => {
        const { value, grads: named } = variableGrads(() => {
          const r = this.lossAndCorrect(xs, labels, oneHot, divisor);
          correctT = keep(r.correct); // survives variableGrads' own tidy; disposed below
          return r.loss as Scalar;
        }, this.vars);
        grads = readFlat(
          this.vars.map((v) => named[v.name]!),
          into,
        );
        loss = value.dataSync()[0]!;
        correct = (correctT as Tensor | null)!.dataSync()[0]!;
      });
    } finally {
      (correctT as Tensor | null)?.dispose();
    }
    return { grads, loss, correct };
  }

  /** `tf.memory().numTensors` of this thread. */
  numTensors(): number {
    return memory().numTensors;
  }

  /**
   * Main-thread micro-batch size. It must NOT depend on measured timings: float sums depend on how a batch is
   * cut, and the same seed must give the same weights run after run. So it is a fixed size per backend and
   * model, chosen so one slice stays well under 50 ms on a slow laptop (measured here: the cnn costs about
   * 0.5 ms per image on WASM and up to 40 ms on the plain-JS cpu backend; the fnn is ~10× cheaper).
   */
  private get microBatch(): number {
    const spec = this.config.spec;
    const cnn = spec ? spec.layers.some((l) => l.type === 'conv2d') : this.config.model === 'cnn';
    switch (this.backend) {
      case 'wasm':
        return cnn ? 16 : 128;
      case 'cpu':
        return cnn ? 1 : 16;
      default:
        return cnn ? 16 : 64; // GPU backends queue work asynchronously
    }
  }

  /** The optimizer's step size for the next update. */
  get learningRate(): number {
    return (this.optimizer as Optimizer & { learningRate: number }).learningRate;
  }

  /** Sets the optimizer's step size for the next update (Adam reads it per step; SGD keeps it as a scalar). */
  setLearningRate(lr: number): void {
    const o = this.optimizer as Optimizer & { learningRate: number; setLearningRate?: (lr: number) => void };
    if (o.learningRate === lr) return;
    if (o.setLearningRate) o.setLearningRate(lr);
    else o.learningRate = lr;
  }

  /** Keeps a smoothed ms-per-image estimate for slicing the main thread's work. */
  private learnSpeed(kind: 'train' | 'predict', ms: number, n: number): void {
    const per = ms / Math.max(1, n);
    if (kind === 'train') this.trainMsPerImage = 0.7 * this.trainMsPerImage + 0.3 * per;
    else this.predictMsPerImage = 0.7 * this.predictMsPerImage + 0.3 * per;
  }

  /**
   * Runs all epochs (or until stopped). Resolves 'done' or 'stopped'; rejects on a lost GPU (BackendLostError),
   * a diverged loss, or any TF.js error.
   */
  async train(events: CoreEvents, control: Control): Promise<'done' | 'stopped'> {
    if (this.config.evaluateOnly) {
      // Loaded weights: only their evaluation (no epoch, no batch).
      const ev = await this.evaluate(control);
      if (!ev) return 'stopped';
      events.onEvaluation(ev);
      return 'done';
    }
    const { batchSize, epochs, seed } = this.config;
    const n = this.trainSize;
    const batches = Math.ceil(n / batchSize);
    const random = mulberry32(deriveSeed(seed, 'shuffle'));
    const order = new Uint32Array(n);
    // On a GPU backend in a Worker, batch k+1 is queued before batch k's loss is read back: a read stalls the
    // GPU's queue, and in a Worker (OffscreenCanvas) each read waits on a polled fence (measured here: the fnn on
    // WebGL went from 0.72× to ~1× a bare model.fit). Batch k is then reported one batch later. On wasm/cpu the
    // work is done when `step` returns, so nothing would be gained; on the main thread each slice is awaited.
    const pipelined = this.sliceMs == null && (this.backend === 'webgl' || this.backend === 'webgpu');
    // Several workers in a pipeline (`pipeline`, training/pipeline.ts): batch k's numbers are known once every
    // worker's gradient of it is summed, at step k + LAG — so batch k is reported LAG batches later, too.
    const piped = this.pipelined;
    const workers = 1 + this.helpers.length;
    interface Queued {
      /** A tensor to read [loss, correct] from, or (pipeline) the promise of them. */
      stats: Tensor | Promise<number[]>;
      batch: number;
      size: number;
      learningRate: number;
      t0: number;
    }
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (let i = 0; i < n; i++) order[i] = i;
      shuffledIndices(n, random, order);
      let activeMs = 0;
      let lastDone = 0;
      let seen = 0;
      let lossSum = 0;
      let correctSum = 0;
      /** Reads a finished batch's numbers, checks them and reports them; `ahead` = batches queued after it. */
      const report = async (q: Queued, ahead: number) => {
        let loss: number;
        let correct: number;
        try {
          // readBack: a GPU lost meanwhile fails this read (a bare `await data()` would never return on a lost
          // WebGL context), and numbers read from a lost GPU (zeros, stale data) are never reported.
          const stats = q.stats;
          [loss, correct] = (
            stats instanceof Promise ? await stats : await readBack(this.backend, () => stats.data())
          ) as [number, number];
        } finally {
          if (!(q.stats instanceof Promise)) q.stats.dispose();
        }
        if (!Number.isFinite(loss)) {
          throw new Error(
            `Training diverged at epoch ${epoch}, batch ${q.batch} (the loss is not a number): try a smaller learning rate.`,
          );
        }
        const now = performance.now();
        activeMs += now - Math.max(q.t0, lastDone); // pipelined: the time between two batches' ends
        lastDone = now;
        seen += q.size;
        lossSum += loss * q.size;
        correctSum += correct;
        events.onBatch({
          epoch,
          batch: q.batch,
          batches,
          loss,
          accuracy: correct / q.size,
          imagesPerSecond: activeMs > 0 ? (seen * 1000) / activeMs : 0,
          learningRate: q.learningRate,
          numTensors: memory().numTensors - ahead, // not counting the result queued behind it
          ...(this.helpers.length ? { workerTensors: [memory().numTensors, ...this.helperTensors] } : {}),
        });
      };
      /** Batches stepped and not yet reported, oldest first. */
      const queued: Queued[] = [];
      /** How many batches a report may lag behind the step: their numbers are not known before. */
      const behind = piped ? LAG : pipelined ? 1 : 0;
      /** Reports the oldest queued batch; the tensors of the ones behind it are not counted as its own. */
      const reportNext = () =>
        report(queued.shift()!, queued.filter((q) => !(q.stats instanceof Promise)).length);
      const reportAll = async () => {
        while (queued.length) await reportNext();
      };
      try {
        // Batch k of the epoch for a pipeline: not a batch smaller than the workers (its shares would be empty).
        const at = (k: number) => {
          const size = Math.min(batchSize, n - k * batchSize);
          return k < batches && size >= workers ? { from: k * batchSize, n: size } : null;
        };
        for (let b = 0; b < batches; b++) {
          // A pipeline ends at a pause too: while paused, every replica holds the weights after the last batch
          // reported (and a pause changes a pipeline's numbers a little: it begins anew on resuming).
          if (queued.length && (control.stopped || control.paused)) {
            await this.endPipe();
            await reportAll();
          }
          if (control.paused) await control.whilePaused();
          if (control.stopped || this.disposed) {
            if (!this.disposed) await this.endPipe();
            return 'stopped';
          }
          const from = b * batchSize;
          const size = Math.min(batchSize, n - from);
          const learningRate = learningRateAt(this.config, (epoch - 1) * batches + b, epochs * batches);
          this.setLearningRate(learningRate);
          const t0 = performance.now();
          queued.push({
            // A batch smaller than the workers (a short last one) in lockstep: shares of it would be empty.
            stats:
              piped && size >= workers
                ? (await this.pipeStep(order, b, at, learningRate)).result
                : await this.step(
                    order,
                    from,
                    size,
                    undefined,
                    b + 1 < batches
                      ? { from: from + size, n: Math.min(batchSize, n - from - size) }
                      : undefined,
                  ),
            batch: b + 1,
            size,
            learningRate,
            t0,
          });
          // A lockstep step outside a pipeline (a short last batch) has ended it: everything is known.
          const lag = queued.at(-1)!.stats instanceof Promise ? behind : pipelined ? 1 : 0;
          while (queued.length > lag) await reportNext();
          // After every batch, so that a pause/stop/call message takes effect within one batch (a round trip
          // costs tens of microseconds: a few percent of the fastest batch, the fnn's, on wasm).
          const now = performance.now();
          await yieldToEventLoop();
          lastDone += performance.now() - now; // time given to other messages is not training time
        }
        await this.endPipe(); // the epoch's last updates, before its evaluation
        await reportAll();
      } finally {
        for (const q of queued) if (!(q.stats instanceof Promise)) q.stats.dispose();
        if (this.pipe && !this.disposed) await this.endPipe().catch(() => {}); // a run that failed midway
      }
      const last = epoch === epochs;
      let testAccuracy = NaN;
      if (last || this.config.evaluateEachEpoch !== false) {
        const ev = await this.evaluate(control);
        if (ev) {
          testAccuracy = ev.accuracy;
          events.onEvaluation(ev);
        }
      }
      events.onEpoch({
        epoch,
        loss: lossSum / seen,
        accuracy: correctSum / seen,
        testAccuracy,
        imagesPerSecond: activeMs > 0 ? (seen * 1000) / activeMs : 0,
      });
    }
    return 'done';
  }

  /**
   * Accuracy and confusion matrix on the first `testSize` test images (null when stopped meanwhile). Batches of
   * 256 in a Worker (measured fastest on wasm: larger batches thrash its heap); time-sliced on the main thread.
   */
  async evaluate(control?: Control): Promise<Evaluation | null> {
    const test = this.data.test;
    const count = this.testSize;
    const k = this.input.classes;
    const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const predicted = new Uint8Array(count);
    const indices = new Uint32Array(count).map((_, i) => i);
    let correct = 0;
    const t0 = performance.now();
    for (let from = 0; from < count;) {
      if (control?.stopped || this.disposed) return null;
      const size =
        this.sliceMs == null
          ? Math.min(256, count - from)
          : Math.max(
              1,
              Math.min(count - from, Math.floor(this.sliceMs / Math.max(1e-3, this.predictMsPerImage))),
            );
      const ts = performance.now();
      const { xs, labels } = fillBatch(test, indices, from, size, this.input);
      const classes = tidy(() => argMax(this.model.predict(tensor4d(xs, [size, ...this.input.shape])), 1));
      this.learnSpeed('predict', performance.now() - ts, size);
      let p: Int32Array;
      try {
        p = (await readBack(this.backend, () => classes.data())) as Int32Array;
      } finally {
        classes.dispose();
      }
      for (let i = 0; i < size; i++) {
        const actual = labels[i]!;
        const guess = p[i]!;
        predicted[from + i] = guess;
        confusion[actual]![guess]!++;
        if (actual === guess) correct++;
      }
      from += size;
      await yieldToEventLoop(); // in a Worker too: a stop (or a predict call) gets through between chunks
    }
    const ms = performance.now() - t0;
    return {
      accuracy: correct / count,
      confusion,
      predicted,
      count,
      imagesPerSecond: ms > 0 ? (count * 1000) / ms : 0,
    };
  }

  /** Class probabilities [n, classes] (row-major) for n × H × W × C pixels in 0..1 (784 per MNIST image). */
  async predict(pixels: Float32Array, n: number): Promise<Float32Array> {
    this.assertUsable();
    const { pixels: P, shape } = this.input;
    if (!(Number.isInteger(n) && n >= 1 && pixels.length >= n * P)) {
      throw new RangeError(
        `predict needs ${P} pixels per image (${shape.join('×')}; got ${pixels.length} for ${n}).`,
      );
    }
    // Batches of 256 (the fastest size measured on every backend here), each in its own tidy so that only its
    // [b, 10] result outlives it — one pass over 10,000 images at once would hold ~400 MB of activations.
    const parts: Tensor[] = [];
    let out: Tensor;
    try {
      for (let from = 0; from < n; from += 256) {
        const b = Math.min(256, n - from);
        const x = standardised(pixels.subarray(from * P, (from + b) * P), this.input);
        parts.push(tidy(() => softmax(this.model.predict(tensor4d(x, [b, ...shape])))));
      }
      out = parts.length === 1 ? parts.pop()! : concat(parts);
    } finally {
      dispose(parts);
    }
    try {
      return (await readBack(this.backend, () => out.data())) as Float32Array;
    } finally {
      out.dispose();
    }
  }

  /** Activations of the named layers for one image (shape without the batch axis, e.g. [26, 26, 16]). */
  async activations(
    pixels: Float32Array,
    layers: string[],
  ): Promise<Record<string, { shape: number[]; data: Float32Array }>> {
    this.assertUsable();
    const { pixels: P, shape } = this.input;
    if (pixels.length < P)
      throw new RangeError(`activations need ${P} pixels (${shape.join('×')}; got ${pixels.length}).`);
    const names = [...new Set(layers)];
    for (const name of names) this.model.getLayer(name); // a RangeError naming the layers there are
    // One pass that stops after the last requested layer; the requested activations are its only survivors.
    const outs = tidy(() => {
      const { activations } = this.model.forward(
        tensor4d(standardised(pixels.subarray(0, P), this.input), [1, ...shape]),
        {
          outputs: names,
          upTo: true,
        },
      );
      return names.map((nm) => activations[nm]!);
    });
    try {
      const datas = await readBack(this.backend, () => Promise.all(outs.map((t) => t.data())));
      const result: Record<string, { shape: number[]; data: Float32Array }> = {};
      for (let i = 0; i < names.length; i++) {
        result[names[i]!] = { shape: outs[i]!.shape.slice(1), data: datas[i] as Float32Array };
      }
      return result;
    } finally {
      dispose(outs);
    }
  }

  /** The current weights by name (for saving or for a widget on another thread). */
  async weights(): Promise<{ name: string; shape: number[]; data: Float32Array }[]> {
    this.assertUsable();
    const weights = this.model.weights;
    // On a GPU backend the weights live on the GPU: the same guarded read as every other.
    const datas = await readBack(this.backend, () => Promise.all(weights.map((w) => w.variable.data())));
    return weights.map((w, i) => ({
      name: w.name,
      shape: w.variable.shape.slice(),
      data: datas[i] as Float32Array,
    }));
  }

  /** Loads named weights into the model (checked first: a mismatch throws and changes nothing). */
  setWeights(weights: NamedWeights): void {
    this.assertUsable();
    setModelWeights(this.model, weights);
    this.helpersStale = true; // the helpers' replicas get them with the next share
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('This training session was disposed.');
  }

  /** Frees the model, the optimizer's slots and everything else this core created. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const h of this.helpers) h.close();
    this.optimizer.dispose();
    this.model.dispose();
  }
}
