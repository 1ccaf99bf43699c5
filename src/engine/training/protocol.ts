/**
 * Messages between the main-thread proxy (worker/proxy.ts) and the training Worker (worker/train-worker.ts),
 * and the `Runner` interface both the proxy and the main-thread fallback implement. Types only (light).
 */
import type { BackendName, MnistSplit, TrainConfig } from './config.js';
import { messageOf, type Message } from '../messages.js';
import type { BatchInfo, CoreEvents, EpochInfo, Evaluation, StartInfo } from './events.js';
import type { FineTuneOptions, TaughtExample } from './fine-tune.js';
import type { FineTuneOutcome } from './fine-tune-run.js';

export type { BatchInfo, CoreEvents, EpochInfo, Evaluation, FineTuneOutcome, StartInfo };

export type Activations = Record<string, { shape: number[]; data: Float32Array }>;
export type NamedWeights = { name: string; shape: number[]; data: Float32Array }[];

/** Where and how a training run executes; TrainingSession talks only to this. */
export interface Runner {
  readonly thread: 'worker' | 'main';
  /** How many threads train (data-parallel Workers, training/parallel.ts); 1 for one Worker or the main thread. */
  readonly workers: number;
  /** How the Worker was started ('module' same-origin URL, 'blob' wrapper for a cross-origin library), or 'main'. */
  readonly how: 'module' | 'blob' | 'main';
  init(config: TrainConfig, data: { train: MnistSplit; test: MnistSplit }): Promise<StartInfo>;
  train(): Promise<'done' | 'stopped'>;
  pause(): void;
  resume(): void;
  stop(): void;
  predict(pixels: Float32Array, n: number): Promise<Float32Array>;
  activations(pixels: Float32Array, layers: string[]): Promise<Activations>;
  weights(): Promise<NamedWeights>;
  /**
   * Loads named weights (the engine's names and layouts, as `weights()` gives them) into the model on the
   * thread that trains. Rejects, and changes nothing, when a name or a shape does not fit the network.
   */
  setWeights(weights: NamedWeights): Promise<void>;
  /**
   * A few seeded steps on a reader's checked examples mixed with training images (training/fine-tune.ts), then
   * the test set evaluated again, on the thread that trains. Only between runs (the loop is not running).
   */
  fineTune(examples: TaughtExample[], options: FineTuneOptions & { steps: number }): Promise<FineTuneOutcome>;
  /** tf.memory().numTensors on the thread that trains. */
  numTensors(): Promise<number>;
  /** Frees the model and stops the thread's work; further calls reject. */
  dispose(): void;
}

export type CallMethod =
  | 'init'
  | 'serve'
  | 'train'
  | 'predict'
  | 'activations'
  | 'weights'
  | 'setWeights'
  | 'fineTune'
  | 'numTensors'
  | 'dispose';

export type ToWorker =
  { type: 'call'; id: number; method: CallMethod; args: unknown[] } | { type: 'pause' | 'resume' | 'stop' };

/** An Error flattened for postMessage (class identity does not cross threads; name + message do). */
export interface WireError {
  name: string;
  message: string;
  retryable?: boolean;
  backend?: BackendName;
  /** The failure's message as data (key and values), so the page says it in the reader's language. */
  detail?: Message;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WireError }
  | { type: 'event'; name: 'batch'; detail: BatchInfo }
  | { type: 'event'; name: 'epoch'; detail: EpochInfo }
  | { type: 'event'; name: 'evaluation'; detail: Evaluation };

export function toWire(e: unknown): WireError {
  if (e instanceof Error) {
    const extra = e as Error & { retryable?: unknown; backend?: unknown };
    const w: WireError = { name: e.name, message: e.message };
    if (typeof extra.retryable === 'boolean') w.retryable = extra.retryable;
    if (typeof extra.backend === 'string') w.backend = extra.backend as BackendName;
    const detail = messageOf(e);
    if (detail) w.detail = detail;
    return w;
  }
  return { name: 'Error', message: String(e) };
}

/** Rebuilds an Error on this side (same name and message, `retryable`/`backend` kept). */
export function fromWire(w: WireError): Error {
  const e = new Error(w.message) as Error & { retryable?: boolean; backend?: BackendName; detail?: Message };
  e.name = w.name;
  if (w.retryable !== undefined) e.retryable = w.retryable;
  if (w.backend !== undefined) e.backend = w.backend;
  if (w.detail !== undefined) e.detail = w.detail;
  return e;
}
