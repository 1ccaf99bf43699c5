/**
 * `TrainingSession`: one training run of the lesson's CNN or FNN, as an EventTarget the elements listen to.
 *
 * WHERE IT RUNS. In a Worker whenever one can start (worker/spawn.ts: same-origin module URL, else a blob:
 * wrapper for a library loaded from a CDN), so the page never waits on TensorFlow.js. If no Worker can start
 * (strict CSP, old browser) — or `thread: 'main'` is asked for — the same loop runs here on the main thread,
 * cut into slices of ~20 ms that yield to the event loop (training/core.ts explains how the batch maths stays
 * exact). Either way the session's API and events are the same; `thread` says which.
 *
 * LIFECYCLE. idle → loading (MNIST download, TF.js + backend start) → training ⇄ paused → done (also after
 * `stop()`; the results so far stay readable) | error. `start()` never rejects: failures set `state = 'error'`,
 * `error`, and fire `train-error` with `{ error, message }`.
 *
 * DATA. Any dataset of the library's format (data/dataset.ts): its dataset.json first, which says what the data
 * is (`dataset`) and lets the network be fitted to it (a preset) or checked against it (a writer's `spec`: a
 * count that does not fit fails here, before any image downloads), then its test and training shards.
 *
 * EVENTS (CustomEvent, detail in brackets): `state` [state], `dataset` [what the data is], `data-progress`
 * [DatasetProgress], `train-start`
 * [StartInfo + thread], `train-batch` [BatchInfo], `train-epoch` [EpochInfo], `evaluation` [Evaluation],
 * `train-end` [{ stopped, testAccuracy, confusion, history }], `train-error` [{ error, message }], and after a
 * run, `fine-tune` [FineTuneResult] (with an `evaluation` before it).
 * Session events do not bubble (it is not in the DOM); `<cnn-trainer>` re-emits them from the element.
 */
import { loadDataset, loadDatasetInfo, type DatasetMeta, type DatasetProgress } from '../data/dataset.js';
import type { ModelSpec } from '../conv-math.js';
import { fitSpec } from '../models/fit.js';
import { MODEL_SPECS } from '../models/specs.js';
import type { BackendReport, FallbackNote } from '../backend.js';
import { MessageError, messagesOf, withDetail, type Message } from '../messages.js';
import { FALLBACK_MESSAGES } from '../fallback.messages.js';
import { SESSION_MESSAGES } from './session.messages.js';
import { threadNote } from '../worker/spawn.js';
import {
  MNIST_DATASET,
  resolveConfig,
  specFitMessage,
  type BackendName,
  type MnistSplit,
  type PresetName,
  type TrainConfig,
  type TrainDataset,
  type TrainState,
} from './config.js';
// TrainerCore and the fine-tune loop are TensorFlow.js: imported here only as types, and loaded with import() by
// LocalRunner, the one place a run trains on the page's thread. In a Worker (the default) the page evaluates
// no TensorFlow.js at all — compiling and running tfjs-core was a main-thread task of 50–250 ms after Start.
import type { TrainerCore } from './core.js';
import { Control } from './events.js';
import { resolveWorkers } from './parallel.js';
import {
  checkExamples,
  checkSteps,
  type FineTuneOptions,
  type FineTuneResult,
  type TaughtExample,
} from './fine-tune.js';
import type {
  Activations,
  BatchInfo,
  CoreEvents,
  EpochInfo,
  Evaluation,
  FineTuneOutcome,
  NamedWeights,
  Runner,
  StartInfo,
} from './protocol.js';

const say = messagesOf(FALLBACK_MESSAGES);
const tell = messagesOf(SESSION_MESSAGES);

export type { BatchInfo, EpochInfo, Evaluation, StartInfo, TrainConfig, TrainState, Activations };
export type { FineTuneOptions, FineTuneResult, TaughtExample };

/** Runs the core right here (main thread), in time slices. */
class LocalRunner implements Runner {
  readonly thread = 'main' as const;
  readonly how = 'main' as const;
  readonly workers = 1;
  private core: TrainerCore | null = null;
  private readonly control = new Control();
  private disposed = false;

  constructor(
    private readonly events: CoreEvents,
    private readonly sliceMs: number,
  ) {}

  async init(config: TrainConfig, data: { train: MnistSplit; test: MnistSplit }): Promise<StartInfo> {
    const { TrainerCore } = await import('./core.js');
    const core = await TrainerCore.create(config, data, { sliceMs: this.sliceMs });
    if (this.disposed) {
      core.dispose();
      throw new MessageError(tell('session.disposed'));
    }
    this.core = core;
    return core.startInfo;
  }
  private need(): TrainerCore {
    if (!this.core) throw new MessageError(tell(this.disposed ? 'session.disposed' : 'session.notReady'));
    return this.core;
  }
  train(): Promise<'done' | 'stopped'> {
    return this.need().train(this.events, this.control);
  }
  pause(): void {
    this.control.pause();
  }
  resume(): void {
    this.control.resume();
  }
  stop(): void {
    this.control.stop();
  }
  async predict(pixels: Float32Array, n: number): Promise<Float32Array> {
    return this.need().predict(pixels, n);
  }
  async activations(pixels: Float32Array, layers: string[]): Promise<Activations> {
    return this.need().activations(pixels, layers);
  }
  async weights(): Promise<NamedWeights> {
    return this.need().weights();
  }
  async setWeights(weights: NamedWeights): Promise<void> {
    this.need().setWeights(weights);
  }
  fineTune(
    examples: TaughtExample[],
    options: FineTuneOptions & { steps: number },
  ): Promise<FineTuneOutcome> {
    const core = this.need();
    const run = import('./fine-tune-run.js').then(({ fineTuneCore }) =>
      fineTuneCore(core, examples, options, () => this.disposed),
    );
    this.idle = run.catch(() => undefined); // a dispose meanwhile frees the model once the steps let go
    return run;
  }
  async numTensors(): Promise<number> {
    return this.core ? this.core.tf.memory().numTensors : 0;
  }
  dispose(): void {
    this.disposed = true;
    this.control.stop();
    // The loop notices `stopped` after its current step; disposing the model under a running step would make
    // that step fail, so free it once the loop has let go (or now, if it is idle).
    const core = this.core;
    this.core = null;
    if (core) void this.idle.then(() => core.dispose());
  }
  /** Resolves when no training loop is running (set by the session). */
  idle: Promise<unknown> = Promise.resolve();
}

/** Construction options on top of the training settings. */
export interface SessionOptions extends Partial<TrainConfig> {
  /** Apply a preset first (`notebook`); explicit settings override it. */
  preset?: PresetName | null;
  /** Main-thread slice length in ms (default 20). */
  sliceMs?: number;
}

/** The most pixel bytes (train + test) a run may hold: 60,000 MNIST images are 47 MB, 60,000 of 64×64 RGB 737 MB. */
export const MAX_DATA_BYTES = 256_000_000;

/** An Error that Retry cannot fix (a setting or the data must change). */
const notRetryable = (m: Message) => withDetail(Object.assign(new Error(m.text), { retryable: false }), m);

export class TrainingSession extends EventTarget {
  /**
   * The complete, validated settings of this run; once its data is known, with `dataset` (what the data is) and
   * `spec` (the network that trains on it: the writer's, or the preset fitted to the data) filled in.
   */
  config: TrainConfig;
  /** The settings as given (before the data was known). */
  private readonly asked: TrainConfig;
  /** Where the state machine is. */
  state: TrainState = 'idle';
  /** The backend training runs on (null until training starts). */
  backend: BackendName | null = null;
  /** Why `auto` chose it (from the training thread). */
  backendReport: BackendReport | null = null;
  /** 'worker' or 'main' once started. */
  thread: 'worker' | 'main' | null = null;
  /** How the worker was started ('module' | 'blob'), or 'main'. */
  threadHow: 'module' | 'blob' | 'main' | null = null;
  /** Why training runs on the main thread although a Worker was wanted (a CSP, Trusted Types…), else null. */
  threadFallback: FallbackNote | null = null;
  /**
   * How many Workers train (data-parallel, training/parallel.ts): the `workers` setting resolved against the
   * reader's cores and what the backend allows (1 on a GPU backend or the main thread); null until started.
   */
  workers: number | null = null;
  /** Every batch and epoch so far. */
  readonly history: { batches: BatchInfo[]; epochs: EpochInfo[] } = { batches: [], epochs: [] };
  /** Accuracy on the evaluated test images after the latest evaluation, else null. */
  testAccuracy: number | null = null;
  /** 10×10 counts of the latest evaluation, rows = actual class, columns = predicted; else null. */
  confusion: number[][] | null = null;
  /** The error that ended the run, else null. */
  error: Error | null = null;
  /** Start information (sizes, batches per epoch), once training started. */
  info: StartInfo | null = null;
  /**
   * What the run trains on (name, classes, shape, standardisation), once its dataset.json has loaded (at once
   * for injected `data`: `config.dataset`, else MNIST's); null before.
   */
  dataset: (TrainDataset & Partial<DatasetMeta>) | null = null;

  private runner: Runner | null = null;
  private run: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private testData: MnistSplit | null = null;
  private predicted: Uint8Array | null = null;
  private disposed = false;
  private readonly sliceMs: number;

  /** Throws a RangeError with a readable message when a setting is invalid (elements validate first with resolveConfig). */
  constructor(config: SessionOptions = {}) {
    super();
    const { preset, sliceMs, ...rest } = config;
    const resolved = resolveConfig(rest, preset ?? null);
    // The message travels with the error (`detail`): an element says it in the reader's language.
    if ('error' in resolved) throw withDetail(new RangeError(resolved.error), resolved.message);
    this.config = this.asked = resolved;
    this.sliceMs = sliceMs ?? 20;
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  private setState(s: TrainState): void {
    if (this.state === s) return;
    this.state = s;
    this.fire('state', s);
  }

  /** Loads data, starts the training thread and trains; resolves when done, stopped or failed (never rejects). */
  start(): Promise<void> {
    this.run ??= this.execute();
    return this.run;
  }

  private async execute(): Promise<void> {
    const events: CoreEvents = {
      onBatch: (b) => {
        this.history.batches.push(b);
        if (this.state === 'loading') this.setState('training');
        this.fire('train-batch', b);
      },
      onEpoch: (e) => {
        this.history.epochs.push(e);
        this.fire('train-epoch', e);
      },
      onEvaluation: (ev) => {
        this.testAccuracy = ev.accuracy;
        this.confusion = ev.confusion;
        this.predicted = ev.predicted;
        this.fire('evaluation', ev);
      },
    };
    try {
      this.setState('loading');
      const data = await this.loadData();
      if (this.disposed) return;
      const config = this.fitted();
      this.testData = data.test;
      const runner = await this.makeRunner(events);
      if (this.disposed) {
        runner.dispose();
        return;
      }
      this.runner = runner;
      this.thread = runner.thread;
      this.threadHow = runner.how;
      const info = await runner.init(config, data);
      this.info = info;
      this.workers = runner.workers;
      this.backend = info.backend;
      this.backendReport = info.report;
      if (this.disposed) return;
      this.fire('train-start', { ...info, thread: runner.thread });
      // A pause() during loading is honoured now.
      this.setState(this.pausedEarly ? 'paused' : 'training');
      if (this.pausedEarly) runner.pause();
      if (this.stoppedEarly) runner.stop();
      const training = runner.train();
      if (runner instanceof LocalRunner) runner.idle = training.catch(() => undefined);
      const result = await training;
      if (this.disposed) return;
      this.setState('done');
      this.fire('train-end', {
        stopped: result === 'stopped',
        testAccuracy: this.testAccuracy,
        confusion: this.confusion,
        history: this.history,
      });
    } catch (e) {
      if (this.disposed) return;
      const error = e instanceof Error ? e : new Error(String(e));
      if (this.stoppedEarly && error.name === 'AbortError') {
        this.setState('done');
        this.fire('train-end', { stopped: true, testAccuracy: null, confusion: null, history: this.history });
        return;
      }
      this.error = error;
      this.setState('error');
      this.fire('train-error', { error, message: error.message });
    }
  }

  private async loadData(): Promise<{ train: MnistSplit; test: MnistSplit }> {
    if (this.config.data) {
      this.setDataset(this.config.dataset ?? MNIST_DATASET);
      return this.config.data;
    }
    const { trainSize, testSize, dataSrc } = this.config;
    const signal = this.abort.signal;
    // dataset.json first (one small file): what the data is decides what may be loaded and trained.
    const meta = await loadDatasetInfo(dataSrc, signal);
    this.setDataset(meta);
    const nTrain = Math.min(trainSize, meta.counts.train);
    const nTest = Math.min(testSize ?? meta.counts.test, meta.counts.test);
    const [h, w, c] = meta.shape;
    const bytes = (nTrain + nTest) * h * w * c;
    if (bytes > MAX_DATA_BYTES) {
      const most = Math.max(1, Math.floor(MAX_DATA_BYTES / (h * w * c)) - nTest);
      const detail = tell('session.tooMuchData', {
        train: nTrain,
        test: nTest,
        width: w,
        height: h,
        channels: c,
        mb: Math.round(bytes / 1e6),
        maxMb: MAX_DATA_BYTES / 1e6,
        most,
      });
      throw notRetryable(detail);
    }
    // The network must fit the data before any image is downloaded: a wrong count is said at once.
    this.fitted();
    const onProgress = (p: DatasetProgress) => this.fire('data-progress', p);
    const base = { signal, onProgress, ...(dataSrc ? { baseUrl: dataSrc } : {}) };
    // Test first: it is small, and lets an evaluation widget show something early.
    const test = await loadDataset({ ...base, split: 'test', count: nTest });
    // An evaluation alone (loaded weights) needs no training images.
    if (this.config.evaluateOnly)
      return { train: { images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 }, test };
    const train = await loadDataset({ ...base, split: 'train', count: nTrain });
    return { train, test };
  }

  private setDataset(d: TrainDataset & Partial<DatasetMeta>): void {
    this.dataset = d;
    this.fire('dataset', d);
  }

  /**
   * The configuration the training thread gets: the dataset's facts and the network that trains on them (a
   * preset fitted to the data; the writer's spec checked against it). Throws a readable, not retryable Error
   * when the writer's network does not fit.
   */
  private fitted(): TrainConfig {
    const d = this.dataset ?? MNIST_DATASET;
    const dataset: TrainDataset = {
      name: d.name,
      classes: d.classes.slice(),
      shape: [...d.shape] as [number, number, number],
      normalize: { mean: d.normalize.mean.slice(), std: d.normalize.std.slice() },
    };
    let spec: ModelSpec;
    const asked = this.asked;
    if (asked.spec) {
      const error = specFitMessage(asked.spec, dataset);
      if (error) {
        const [h, w, c] = dataset.shape;
        const detail = tell('session.networkMisfit', {
          dataset: dataset.name,
          channels: c,
          height: h,
          width: w,
          classes: dataset.classes.length,
          error,
        });
        throw notRetryable(detail);
      }
      spec = { ...asked.spec, inputShape: [dataset.shape[2], dataset.shape[0], dataset.shape[1]] };
    } else spec = fitSpec(MODEL_SPECS[asked.model], dataset);
    return (this.config = { ...asked, dataset, spec });
  }

  private async makeRunner(events: CoreEvents): Promise<Runner> {
    const where = this.config.thread ?? 'auto';
    if (where !== 'main') {
      try {
        const { spec, model, batchSize } = this.config;
        const convolutional = spec ? spec.layers.some((l) => l.type === 'conv2d') : model === 'cnn';
        const count = resolveWorkers(this.config.workers, globalThis.navigator?.hardwareConcurrency, {
          batchSize,
          convolutional,
        });
        if (count > 1) {
          const { MultiWorkerRunner } = await import('../worker/multi.js');
          return await MultiWorkerRunner.start(events, count);
        }
        const { WorkerRunner } = await import('../worker/proxy.js');
        return await WorkerRunner.start(events);
      } catch (e) {
        if (where === 'worker') throw e;
        // Fall through: train on the main thread in small slices — and say why (worker/spawn.ts words it).
        this.threadFallback =
          (e as { note?: FallbackNote }).note ??
          threadNote('failed', say('thread.failed', { detail: e instanceof Error ? e.message : String(e) }));
      }
    }
    return new LocalRunner(events, this.sliceMs);
  }

  private pausedEarly = false;
  private stoppedEarly = false;

  /** Pauses after the current batch. */
  pause(): void {
    if (this.state === 'training') {
      this.runner?.pause();
      this.setState('paused');
    } else if (this.state === 'loading') {
      this.pausedEarly = true;
    }
  }

  /** Resumes a paused run. */
  resume(): void {
    this.pausedEarly = false;
    if (this.state !== 'paused') return;
    this.runner?.resume();
    this.setState('training');
  }

  /** Stops the run after the current batch; the weights and results so far stay usable. */
  stop(): void {
    if (this.state === 'done' || this.state === 'error' || this.state === 'idle') return;
    this.stoppedEarly = true;
    this.pausedEarly = false;
    if (this.runner) this.runner.stop();
    else if (this.state === 'loading' && !this.config.data) this.abort.abort();
  }

  /**
   * Stops everything and frees the model, the worker and its tensors. The session cannot be used after. A run
   * still going ends as a stop would: `state` becomes `done` and `train-end` fires with `stopped: true` (a
   * disposed session never goes on reporting `training`).
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const running = this.state === 'loading' || this.state === 'training' || this.state === 'paused';
    this.abort.abort();
    this.runner?.dispose();
    this.runner = null;
    if (running) {
      this.setState('done');
      this.fire('train-end', {
        stopped: true,
        testAccuracy: this.testAccuracy,
        confusion: this.confusion,
        history: this.history,
      });
    }
  }

  /** Class probabilities [n, classes] (row-major) for n × H × W × C pixels in 0..1, with the current weights. */
  predict(pixels: Float32Array, n: number): Promise<Float32Array> {
    if (!this.runner) return Promise.reject(this.notReady());
    return this.runner.predict(pixels, n);
  }

  /** Activations of named layers (e.g. ['conv1', 'pool1']) for one image (H × W × C values in 0..1). */
  activations(pixels: Float32Array, layers: string[]): Promise<Activations> {
    if (!this.runner) return Promise.reject(this.notReady());
    return this.runner.activations(pixels, layers);
  }

  /** The current weights by name (copies). */
  weights(): Promise<NamedWeights> {
    if (!this.runner) return Promise.reject(this.notReady());
    return this.runner.weights();
  }

  /**
   * Loads named weights (e.g. `importSafetensors` of a shared file) into the model, on the thread that trains.
   * Rejects with a message naming the layer when a name or a shape does not fit; nothing is changed then.
   */
  setWeights(weights: NamedWeights): Promise<void> {
    if (!this.runner) return Promise.reject(this.notReady());
    return this.runner.setWeights(weights);
  }

  /**
   * "Teach it my handwriting": a few seeded optimizer steps on a reader's examples (`{ pixels, label }`, the
   * pixels as the network sees them) mixed with training images (training/fine-tune.ts has the recipe), on the
   * thread that trains; then the test set is evaluated again (`testAccuracy`, `confusion` and an `evaluation`
   * event follow) and `fine-tune` fires with the result. Only once a run is done. Rejects with a sentence for
   * bad examples or options, a session not done, or a fine-tune already running; nothing changes then.
   */
  async fineTune(examples: readonly TaughtExample[], options: FineTuneOptions = {}): Promise<FineTuneResult> {
    if (this.disposed || !this.runner) throw this.notReady();
    if (this.state !== 'done')
      throw new MessageError(tell(this.state === 'error' ? 'session.runFailed' : 'session.notTrained'));
    if (this.tuning) throw new MessageError(tell('session.tuning'));
    const d = this.config.dataset ?? MNIST_DATASET; // the fitted config of the finished run
    const checked = checkExamples(examples, { shape: d.shape, classes: d.classes.length });
    // The message travels with the error (`detail`): an element says it in the reader's language.
    if ('error' in checked) throw withDetail(new RangeError(checked.error), checked.message);
    const steps = checkSteps(options.steps);
    if (typeof steps !== 'number') throw withDetail(new RangeError(steps.error), steps.message);
    const lr = options.learningRate;
    if (lr !== undefined && !(typeof lr === 'number' && Number.isFinite(lr) && lr > 0 && lr <= 10)) {
      const m = tell('session.tuneRate');
      throw withDetail(new RangeError(m.text), m);
    }
    this.tuning = true;
    try {
      const previousTestAccuracy = this.testAccuracy;
      const out = await this.runner.fineTune(checked, { ...options, steps });
      if (this.disposed) throw this.notReady();
      const ev = out.evaluation;
      if (ev) {
        this.testAccuracy = ev.accuracy;
        this.confusion = ev.confusion;
        this.predicted = ev.predicted;
        this.fire('evaluation', ev);
      }
      const result: FineTuneResult = {
        steps: out.steps,
        examples: checked.length,
        loss: out.loss,
        predicted: out.predicted,
        correct: out.predicted.filter((p, i) => p === checked[i]!.label).length,
        testAccuracy: ev ? ev.accuracy : null,
        previousTestAccuracy,
      };
      this.fire('fine-tune', result);
      return result;
    } finally {
      this.tuning = false;
    }
  }
  private tuning = false;

  private notReady(): Error {
    return new MessageError(tell(this.disposed ? 'session.disposed' : 'session.notStartedYet'));
  }

  /** `tf.memory().numTensors` on the training thread (for leak checks). */
  numTensors(): Promise<number> {
    return this.runner ? this.runner.numTensors() : Promise.resolve(0);
  }

  /** `tf.memory().numTensors` of every training Worker, the leader first (one entry with a single thread). */
  async numTensorsPerWorker(): Promise<number[]> {
    const r = this.runner as (Runner & { numTensorsPerWorker?: () => Promise<number[]> }) | null;
    if (!r) return [];
    return r.numTensorsPerWorker ? r.numTensorsPerWorker() : [await r.numTensors()];
  }

  /**
   * The weights of every training Worker's model, the leader first (one entry with a single thread): with
   * data-parallel Workers every helper holds a replica that must equal the leader's (training/parallel.ts).
   */
  async weightsPerWorker(): Promise<NamedWeights[]> {
    const r = this.runner as (Runner & { weightsPerWorker?: () => Promise<NamedWeights[]> }) | null;
    if (!r) return [];
    return r.weightsPerWorker ? r.weightsPerWorker() : [await r.weights()];
  }

  /**
   * Test image `index` (taken modulo the number of test images, so any whole number picks one) with its label, as
   * the data holds it (bytes 0..255, h×w×c); null before the test data has loaded.
   */
  testImage(index: number): { index: number; label: number; pixels: Uint8Array } | null {
    const test = this.testData;
    const count = Math.min(test?.count ?? 0, this.config.testSize ?? Infinity);
    if (!test || count < 1 || !Number.isFinite(index)) return null;
    const i = ((Math.floor(index) % count) + count) % count;
    const [h, w, c] = (this.config.dataset ?? MNIST_DATASET).shape;
    const n = h * w * c;
    return { index: i, label: test.labels[i]!, pixels: test.images.slice(i * n, (i + 1) * n) };
  }

  /**
   * Test images whose actual class is `actual` and predicted class (at the latest evaluation) is `predicted`,
   * at most `limit`, in test-set order. Empty before the first evaluation.
   */
  async testExamples(
    actual: number,
    predicted: number,
    limit: number,
  ): Promise<{ index: number; pixels: Uint8Array; shape: [number, number, number] }[]> {
    const test = this.testData;
    const guesses = this.predicted;
    if (!test || !guesses) return [];
    const shape = [...(this.dataset ?? MNIST_DATASET).shape] as [number, number, number];
    const p = shape[0] * shape[1] * shape[2];
    const out: { index: number; pixels: Uint8Array; shape: [number, number, number] }[] = [];
    const max = Math.max(0, Math.floor(limit));
    for (let i = 0; i < guesses.length && out.length < max; i++) {
      if (test.labels[i] === actual && guesses[i] === predicted) {
        out.push({ index: i, pixels: test.images.slice(i * p, (i + 1) * p), shape });
      }
    }
    return out;
  }
}
