/**
 * The main-thread side of a training Worker: a `Runner` (training/protocol.ts) whose every method is a message.
 * Replies are matched by id; events (batch/epoch/evaluation) are forwarded to the session's callbacks.
 * A crash of the worker (an uncaught error, or it being killed) rejects every pending call with a clear error
 * instead of leaving the page waiting forever.
 */
import { assetBaseOverride } from '../assets.js';
import { MNIST_DATASET, type MnistSplit, type TrainConfig } from '../training/config.js';
import {
  fromWire,
  type Activations,
  type CallMethod,
  type CoreEvents,
  type FineTuneOutcome,
  type FromWorker,
  type NamedWeights,
  type Runner,
  type StartInfo,
  type ToWorker,
} from '../training/protocol.js';
import type { FineTuneOptions, TaughtExample } from '../training/fine-tune.js';
import { startTrainWorker } from './spawn.js';
import { yieldToEventLoop } from '../training/events.js';
import { MessageError, messagesOf } from '../messages.js';
import { SESSION_MESSAGES } from '../training/session.messages.js';
import { watchdog } from './watchdog.js';

const tell = messagesOf(SESSION_MESSAGES);

/** Bytes copied per main-thread task: ~4 MB, a few milliseconds even on a slow laptop. */
const COPY_SLICE = 1 << 22;

/** The first `n` bytes of `src` as a new array of their own, copied a slice per task. */
export async function copyInSlices(src: Uint8Array, n: number): Promise<Uint8Array<ArrayBuffer>> {
  n = Math.min(n, src.length);
  if (n <= COPY_SLICE) return src.slice(0, n);
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += COPY_SLICE) {
    if (at > 0) await yieldToEventLoop();
    out.set(src.subarray(at, Math.min(n, at + COPY_SLICE)), at);
  }
  return out;
}

export class WorkerRunner implements Runner {
  /**
   * How long `init` and `serve` may take before the worker is taken for hung (a slow phone loads TF.js and the
   * data in seconds; a minute is ample). A static so that tests can shorten it.
   */
  static startLimitMs = 60_000;
  readonly thread = 'worker' as const;
  readonly workers = 1;
  /** Called once when this worker dies (crash, unreadable message or dispose), with the reason. */
  onDead: ((e: Error) => void) | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private dead: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly how: 'module' | 'blob',
    private readonly events: CoreEvents,
  ) {
    worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.onMessage(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(new Error(`The training worker crashed: ${e.message || 'unknown error'}`));
    });
    worker.addEventListener('messageerror', () =>
      this.fail(new Error('The training worker sent an unreadable message.')),
    );
  }

  /** Starts a worker (module URL, then blob: wrapper); rejects when neither works. */
  static async start(events: CoreEvents): Promise<WorkerRunner> {
    const { worker, how } = await startTrainWorker();
    return new WorkerRunner(worker, how, events);
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'reply') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(fromWire(m.error));
    } else if (m.type === 'event') {
      if (m.name === 'batch') this.events.onBatch(m.detail);
      else if (m.name === 'epoch') this.events.onEpoch(m.detail);
      else this.events.onEvaluation(m.detail);
    }
  }

  private fail(e: Error): void {
    if (this.dead) return;
    this.dead = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.worker.terminate();
    this.onDead?.(e);
  }

  /** Ends this worker at once with `e` as the reason every pending and later call rejects with. */
  kill(e: Error): void {
    this.fail(e);
  }

  /**
   * `limitMs`: for the calls that must answer in bounded time (init, serve: loading TF.js and building the model
   * take seconds, not minutes), a watchdog (watchdog.ts) that ends a worker which hangs without crashing, with a
   * clear error, instead of leaving the page waiting forever. Training calls run as long as the run does.
   */
  private call<T>(
    method: CallMethod,
    args: unknown[] = [],
    transfer: Transferable[] = [],
    limitMs: number | null = null,
  ): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const dog =
        limitMs == null
          ? null
          : watchdog(limitMs, () =>
              this.fail(
                new MessageError(tell('session.workerSilent', { seconds: Math.round(limitMs / 1000) })),
              ),
            );
      const settle =
        <A>(f: (a: A) => void) =>
        (a: A) => {
          dog?.done();
          f(a);
        };
      this.pending.set(id, { resolve: settle(resolve as (v: unknown) => void), reject: settle(reject) });
      this.post({ type: 'call', id, method, args }, transfer);
    });
  }

  private post(m: ToWorker, transfer: Transferable[] = []): void {
    if (!this.dead) this.worker.postMessage(m, transfer);
  }

  /** `helpers`: ports to data-parallel helper workers (training/parallel.ts), transferred to this worker. */
  async init(
    config: TrainConfig,
    data: { train: MnistSplit; test: MnistSplit },
    helpers: MessagePort[] = [],
  ): Promise<StartInfo> {
    // Copy only what is used (a subarray would clone its whole buffer) and hand the copies over without a
    // second copy. The page's own cached MNIST arrays are left intact for other widgets. The copy goes in
    // slices, yielding between them: 60,000 images in one piece were a main-thread task of 20–70 ms (#19).
    const [h, w, c] = (config.dataset ?? MNIST_DATASET).shape;
    const cut = async (s: MnistSplit, n: number): Promise<MnistSplit> => ({
      images: await copyInSlices(s.images, n * h * w * c),
      labels: s.labels.slice(0, n),
      count: n,
    });
    const train = await cut(data.train, Math.min(config.trainSize, data.train.count));
    const test = await cut(data.test, Math.min(config.testSize ?? data.test.count, data.test.count));
    const { data: _omit, ...plain } = config; // injected data travels separately (transferred)
    void _omit;
    return this.call<StartInfo>(
      'init',
      // Only a folder the page chose: the worker's own bundle knows where its bundler put the library's files.
      [plain, { train, test }, assetBaseOverride(), helpers],
      [train.images.buffer, train.labels.buffer, test.images.buffer, test.labels.buffer, ...helpers],
      WorkerRunner.startLimitMs,
    );
  }

  /**
   * Makes this worker a data-parallel helper answering the leader on `port`; resolves with its backend. `mesh`:
   * its number among the `workers` and its ports to the other helpers (by number; training/pipeline.ts).
   */
  serve(
    config: TrainConfig,
    port: MessagePort,
    mesh: { me: number; workers: number; peers: (MessagePort | null)[] } = { me: 1, workers: 2, peers: [] },
  ): Promise<string> {
    const { data: _omit, ...plain } = config;
    void _omit;
    const peers = mesh.peers.filter((p): p is MessagePort => p !== null);
    return this.call(
      'serve',
      [plain, assetBaseOverride(), port, mesh],
      [port, ...peers],
      WorkerRunner.startLimitMs,
    );
  }

  train(): Promise<'done' | 'stopped'> {
    return this.call('train');
  }
  pause(): void {
    this.post({ type: 'pause' });
  }
  resume(): void {
    this.post({ type: 'resume' });
  }
  stop(): void {
    this.post({ type: 'stop' });
  }
  predict(pixels: Float32Array, n: number): Promise<Float32Array> {
    return this.call('predict', [pixels, n]);
  }
  activations(pixels: Float32Array, layers: string[]): Promise<Activations> {
    return this.call('activations', [pixels, layers]);
  }
  weights(): Promise<NamedWeights> {
    return this.call('weights');
  }
  setWeights(weights: NamedWeights): Promise<void> {
    return this.call('setWeights', [weights]);
  }
  fineTune(
    examples: TaughtExample[],
    options: FineTuneOptions & { steps: number },
  ): Promise<FineTuneOutcome> {
    return this.call('fineTune', [examples, options]);
  }
  numTensors(): Promise<number> {
    return this.call('numTensors');
  }
  dispose(): void {
    if (this.dead) return;
    // Terminating frees everything the worker held (its TF.js, tensors, WASM heap, GPU device) at once.
    this.post({ type: 'stop' });
    this.fail(new Error('This training session was disposed.'));
  }
}
