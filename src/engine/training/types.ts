/**
 * The types of a training run as the elements see it: the session a `<cnn-trainer>` exposes, the details of
 * its events, and the trainer as the widgets that follow it (`for="id"`) see it.
 *
 * Why here: `<cnn-trainer>` and its four followers (`<confusion-matrix>`, `<feature-map>`, `<digit-pad>`,
 * `<model-summary>`) each wrote their own copy of these shapes; one definition in the engine keeps them in
 * step. Types only: importing this module loads nothing (no TensorFlow.js, no DOM code).
 */
import type { BackendReport, FallbackNote } from '../backend.js';
import type { BackendName, TrainState } from './config.js';
import type { NamedWeights } from './protocol.js';
import type { ModelSpec } from '../conv-math.js';
import type { FineTuneOptions, FineTuneResult, TaughtExample } from './fine-tune.js';
import type { BatchInfo } from './events.js';

export type { FineTuneOptions, FineTuneResult, TaughtExample };

/** Where a trainer's run is: idle → loading → training ⇄ paused → done | error (the engine's `TrainState`). */
export type TrainerState = TrainState;

/** One training batch, as the session reports it (the loop's `BatchInfo`, the fields every element may rely on). */
export type TrainerBatch = Pick<
  BatchInfo,
  'epoch' | 'batch' | 'batches' | 'loss' | 'accuracy' | 'imagesPerSecond'
>;
/** One finished epoch. */
export interface TrainerEpoch {
  epoch: number;
  loss: number;
  accuracy: number;
  testAccuracy: number;
}
/** What a run has recorded so far. */
export interface TrainerHistory {
  batches: TrainerBatch[];
  epochs: TrainerEpoch[];
}

/** `data-progress` detail: the dataset's download progress (`fraction` is 0..1 and never decreases). */
export interface TrainerProgressDetail {
  loaded: number;
  total: number;
  fraction: number;
  split: string;
  /** The dataset's name (`MNIST`, `Fashion-MNIST`…). */
  dataset?: string;
}
/** `train-start` detail: what the run is about to do. */
export interface TrainerStartDetail {
  backend: BackendName | null;
  trainSize: number;
  testSize: number;
  batchesPerEpoch: number;
  epochs: number;
  thread?: 'worker' | 'main' | null;
  [key: string]: unknown;
}
/** `train-end` detail: `stopped` is true when the reader (or `stop()`) ended the run early. */
export interface TrainerEndDetail {
  stopped: boolean;
  testAccuracy: number | null;
  confusion: number[][] | null;
  history?: TrainerHistory;
}
/** `train-error` detail. */
export interface TrainerErrorDetail {
  error: unknown;
  message?: string;
}

/**
 * The part of the engine's `TrainingSession` that `<cnn-trainer>` uses and shows as its `session` property (see
 * docs/ENGINE-API.md). Written out as an interface so tests can inject a stand-in (override `createSession`)
 * and so sibling widgets know what `session` offers.
 */
export interface TrainerSession extends EventTarget {
  readonly state: TrainerState;
  /**
   * The settings of the run: the lesson's `model`, or the writer's own network (`spec`), whose layers it names.
   * Once its data is known (a `TrainingSession`'s dataset.json loaded), `spec` is the network that trains on it:
   * the writer's, or the `model` fitted to the data's channels, size and classes.
   */
  readonly config?: { readonly model?: string; readonly spec?: ModelSpec };
  readonly backend: BackendName | null;
  readonly history: TrainerHistory;
  readonly testAccuracy: number | null;
  readonly confusion: number[][] | null;
  /** How the training thread chose its backend (with `fallback` when it is not the one wanted). */
  readonly backendReport?: BackendReport | null;
  /** Why training runs on the page's own thread instead of a Worker, if it does. */
  readonly threadFallback?: FallbackNote | null;
  /** What the run trains on, once its dataset.json has loaded (else null); the session fires `dataset` then. */
  readonly dataset?: DatasetInfo | null;
  start(): Promise<void>;
  pause(): void;
  resume(): void;
  stop(): void;
  dispose(): void;
  predict?(pixels: Float32Array, n: number): Promise<Float32Array>;
  activations?(
    pixels: Float32Array,
    layers: string[],
  ): Promise<Record<string, { shape: number[]; data: Float32Array }>>;
  testExamples?(actual: number, predicted: number, limit: number): Promise<TestExample[]>;
  /** Test image `index` (modulo the test count) with its label (bytes, h×w×c), or null before the data loaded. */
  testImage?(index: number): { index: number; label: number; pixels: Uint8Array } | null;
  /** The current weights by name (the engine's names and layouts). */
  weights?(): Promise<NamedWeights>;
  /** Loads named weights into the model; rejects (changing nothing) when they do not fit. */
  setWeights?(weights: NamedWeights): Promise<void>;
  /** A few seeded steps on taught examples once the run is done; rejects with a sentence when it cannot. */
  fineTune?(examples: readonly TaughtExample[], options?: FineTuneOptions): Promise<FineTuneResult>;
}

/**
 * What a trainer trains on, as its followers need it (`trainer.datasetInfo`): the dataset's name, its class names (in
 * label order: `classes[k]` is label k) and its image shape `[height, width, channels]` (channels 1 = grey, 3 = RGB).
 * MNIST is `{ name: 'MNIST', classes: ['0', …, '9'], shape: [28, 28, 1] }`. See DESIGN.md, "Your own data".
 */
export interface DatasetInfo {
  name: string;
  classes: string[];
  shape: [number, number, number];
}

/** One test image, as `TrainerSession.testExamples` returns it. */
export interface TestExample {
  /** Its index in the test set. */
  index: number;
  /** H × W × C bytes, 0..255, row-major with the channels interleaved (784 for an MNIST digit). */
  pixels: Uint8Array;
  /** `[height, width, channels]` of the image (absent: MNIST's 28×28×1). */
  shape?: [number, number, number];
}

/** Each event a trainer fires (bubbling, composed), with its `detail`. */
export interface TrainerEventMap {
  'data-progress': TrainerProgressDetail;
  'train-start': TrainerStartDetail;
  'train-batch': TrainerBatch;
  'train-epoch': TrainerEpoch;
  'train-end': TrainerEndDetail;
  'train-error': TrainerErrorDetail;
  /** A fine-tune on taught examples finished (`trainer.fineTune()`); the weights and the test results changed. */
  'fine-tune': FineTuneResult;
  /**
   * What the trainer trains on is known, or changed (`trainer.datasetInfo`): MNIST at once, a `data-src`'s
   * dataset.json once read. Followers take its class names and image shape from it, without polling.
   */
  dataset: DatasetInfo;
}

/** The name of a trainer event. */
export type TrainerEventName = keyof TrainerEventMap;

/**
 * A trainer as the widgets that follow one see it: `<cnn-trainer>`, or any element with these members (a test's
 * stand-in, a writer's own trainer). Everything is optional and read defensively: a target may not be upgraded
 * yet, and a stand-in's `session` may offer only the methods one widget needs.
 */
export interface TrainerLike extends Element {
  /** The current run's session, or `null` between runs. */
  readonly session?: Partial<TrainerSession> | null;
  /** The last confusion matrix (rows = actual class), or `null`. */
  readonly confusion?: unknown;
  /** Where its run is (`<cnn-trainer>`'s `state`: 'idle', 'loading', 'training', 'paused', 'done', 'error'). */
  readonly state?: unknown;
  /** The model name (`cnn` | `fnn`); `<cnn-trainer>` reflects it to the `model` attribute. */
  readonly model?: unknown;
  /** The trainer's own network text (`layers`), or empty; `<cnn-trainer>` reflects it to the `layers` attribute. */
  readonly network?: unknown;
  /**
   * What it trains on (class names, image shape), or `null`/absent before it is known: read it defensively.
   * `<cnn-trainer>` names it `datasetInfo`, because every HTML element's `dataset` is already its `data-*`
   * attribute map (the precedent of `<confusion-matrix>`'s `normalized`); a stand-in may use either name.
   */
  readonly datasetInfo?: DatasetInfo | null;
  /** The same as `datasetInfo`, for a trainer that is not an HTML element (an HTML element's is its data-* map). */
  readonly dataset?: DatasetInfo | null;
  /**
   * Fine-tunes the trained network on taught examples (default: those of the `<digit-pad>`s that follow it);
   * resolves with the result, or `null` when it cannot (the trainer shows why).
   */
  fineTune?(examples?: readonly TaughtExample[], options?: FineTuneOptions): Promise<FineTuneResult | null>;
}
