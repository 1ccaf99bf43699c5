/**
 * The data-parallel runner: one leader Worker that trains (the same `WorkerRunner` as a single-Worker run) and
 * helper Workers that compute shares of each batch's gradient (training/parallel.ts explains the scheme). It
 * speaks the same `Runner` interface (training/protocol.ts), so the session does not know the difference.
 *
 * Every control message (pause, resume, stop) and every call (predict, weights, numTensors…) goes to the leader
 * alone: it owns the loop and the up-to-date weights, and the helpers only ever answer its requests — so pause
 * and stop take effect within one batch exactly as with one Worker. The page creates one MessageChannel per
 * helper and gives its ends to the leader and to that helper: no step of training passes through the page.
 *
 * A helper that dies (crash, killed) ends the run with a clear error rather than leaving the leader waiting on
 * it; `dispose()` terminates every Worker at once.
 */
import type { MnistSplit, TrainConfig } from '../training/config.js';
import type { FineTuneOptions, TaughtExample } from '../training/fine-tune.js';
import type {
  Activations,
  CoreEvents,
  FineTuneOutcome,
  NamedWeights,
  Runner,
  StartInfo,
} from '../training/protocol.js';
import { WorkerRunner } from './proxy.js';
import { MessageError, messageOf, messagesOf } from '../messages.js';
import { SESSION_MESSAGES } from '../training/session.messages.js';

const tell = messagesOf(SESSION_MESSAGES);

/** Helpers report nothing to the page: only the leader's events are the run's. */
const NO_EVENTS: CoreEvents = { onBatch() {}, onEpoch() {}, onEvaluation() {} };

export class MultiWorkerRunner implements Runner {
  readonly thread = 'worker' as const;
  private disposed = false;
  private active = 1;

  private constructor(
    private readonly leader: WorkerRunner,
    private helpers: WorkerRunner[],
  ) {
    for (const h of helpers) h.onDead = (e) => this.helperDied(e);
  }

  /**
   * Starts `count` Workers (through worker/spawn.ts, like a single one). The leader must start (else this rejects,
   * and the session falls back as it does for one Worker); a helper that fails to start is left out, so the run
   * uses fewer workers (`workers` says how many).
   */
  static async start(events: CoreEvents, count: number): Promise<Runner> {
    const started = await Promise.allSettled(
      Array.from({ length: count }, (_, i) => WorkerRunner.start(i === 0 ? events : NO_EVENTS)),
    );
    const [first, ...rest] = started;
    const helpers = rest.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    if (first!.status === 'rejected') {
      for (const h of helpers) h.dispose();
      throw first!.reason;
    }
    if (!helpers.length) return first!.value;
    return new MultiWorkerRunner(first!.value, helpers);
  }

  get how(): 'module' | 'blob' {
    return this.leader.how;
  }

  /** Workers computing each batch (known after `init`: helpers stay idle on a GPU backend). */
  get workers(): number {
    return this.active;
  }

  async init(config: TrainConfig, data: { train: MnistSplit; test: MnistSplit }): Promise<StartInfo> {
    const channels = this.helpers.map(() => new MessageChannel());
    const info = await this.leader.init(
      config,
      data,
      channels.map((c) => c.port1),
    );
    if (info.workers === 1) {
      // A GPU backend: one GPU, nothing to share. Free the helpers now — their end is no crash to report.
      for (const h of this.helpers) {
        h.onDead = null;
        h.dispose();
      }
      this.helpers = [];
      return info;
    }
    // Helpers on the leader's backend (the same kernels, so the same sums); they build their replica meanwhile.
    const same: TrainConfig = { ...config, backend: info.backend };
    // A pipeline's gradients go from every worker to every other (training/pipeline.ts): a port between every
    // two helpers too (helper i is worker i + 1; the leader's ports are `channels`).
    const W = 1 + this.helpers.length;
    const peers = this.helpers.map(() => new Array<MessagePort | null>(W).fill(null));
    for (let a = 1; a < W; a++)
      for (let b = a + 1; b < W; b++) {
        const c = new MessageChannel();
        peers[a - 1]![b] = c.port1;
        peers[b - 1]![a] = c.port2;
      }
    await Promise.all(
      this.helpers.map((h, i) =>
        h.serve(same, channels[i]!.port2, { me: i + 1, workers: W, peers: peers[i]! }),
      ),
    );
    this.active = info.workers;
    return info;
  }

  private helperDied(e: Error): void {
    if (this.disposed) return;
    this.disposed = true;
    const silent = messageOf(e);
    this.leader.kill(
      silent?.key === 'session.workerSilent'
        ? new MessageError(tell('session.helperSilent', silent.params as { seconds: number }))
        : new Error(`A training helper worker stopped (${e.message}).`),
    );
    for (const h of this.helpers) h.dispose();
  }

  train(): Promise<'done' | 'stopped'> {
    return this.leader.train();
  }
  pause(): void {
    this.leader.pause();
  }
  resume(): void {
    this.leader.resume();
  }
  stop(): void {
    this.leader.stop();
  }
  predict(pixels: Float32Array, n: number): Promise<Float32Array> {
    return this.leader.predict(pixels, n);
  }
  activations(pixels: Float32Array, layers: string[]): Promise<Activations> {
    return this.leader.activations(pixels, layers);
  }
  weights(): Promise<NamedWeights> {
    return this.leader.weights();
  }
  /** On the leader; the helpers' replicas get them with the next share (training/parallel.ts). */
  setWeights(weights: NamedWeights): Promise<void> {
    return this.leader.setWeights(weights);
  }
  /** On the leader, which shares each step with the helpers as in training. */
  fineTune(
    examples: TaughtExample[],
    options: FineTuneOptions & { steps: number },
  ): Promise<FineTuneOutcome> {
    return this.leader.fineTune(examples, options);
  }
  /** The leader's count (the thread that trains and reports); `numTensorsPerWorker` has every worker's. */
  numTensors(): Promise<number> {
    return this.leader.numTensors();
  }
  /** `tf.memory().numTensors` of every worker, the leader first. */
  numTensorsPerWorker(): Promise<number[]> {
    return Promise.all([this.leader, ...this.helpers].map((w) => w.numTensors()));
  }
  /** Every worker's weights, the leader first: the helpers' replicas (training/parallel.ts). */
  weightsPerWorker(): Promise<NamedWeights[]> {
    return Promise.all([this.leader, ...this.helpers].map((w) => w.weights()));
  }
  dispose(): void {
    this.disposed = true;
    this.leader.dispose();
    for (const h of this.helpers) h.dispose();
  }
}
