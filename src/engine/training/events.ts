/**
 * What the training loop (core.ts) reports — a batch, an epoch, an evaluation, the start — and how it is told to
 * pause or stop between batches (`Control`), with the one way it yields to its thread's event loop. Kept apart
 * from the loop so the protocol and the session can name them without the loop's code.
 */
import type { BackendReport } from '../backend.js';
import type { BackendName } from './config.js';

export interface BatchInfo {
  /** 1-based epoch. */
  epoch: number;
  /** 1-based batch within the epoch. */
  batch: number;
  /** Batches per epoch. */
  batches: number;
  /** Mean cross-entropy of this batch (before the update). */
  loss: number;
  /** Fraction of this batch classified correctly (before the update). */
  accuracy: number;
  /** Training throughput over the epoch so far (pauses excluded). */
  imagesPerSecond: number;
  /** The learning rate of this batch's update (it moves when `lrSchedule` is not 'constant'). */
  learningRate: number;
  /**
   * `tf.memory().numTensors` after the step, not counting the next batch's result when it is already queued
   * (constant from the 2nd batch on; for leak tests).
   */
  numTensors: number;
  /**
   * With data-parallel workers (training/parallel.ts): `tf.memory().numTensors` of every worker after this step,
   * the leader first (for leak tests: each must stay constant). Absent with one worker.
   */
  workerTensors?: number[];
}

export interface EpochInfo {
  epoch: number;
  /** Mean training loss over the epoch. */
  loss: number;
  /** Training accuracy over the epoch. */
  accuracy: number;
  /** Accuracy on the test set after the epoch (NaN when not evaluated this epoch). */
  testAccuracy: number;
  imagesPerSecond: number;
}

export interface Evaluation {
  /** Fraction correct over the evaluated test images. */
  accuracy: number;
  /** 10×10 counts, rows = actual class, columns = predicted class. */
  confusion: number[][];
  /** Predicted class of each evaluated test image. */
  predicted: Uint8Array;
  /** How many test images were evaluated. */
  count: number;
  imagesPerSecond: number;
}

export interface StartInfo {
  backend: BackendName;
  report: BackendReport | null;
  trainSize: number;
  testSize: number;
  batchesPerEpoch: number;
  epochs: number;
  /** How many Workers compute each batch's gradient (1: the leader alone; see training/parallel.ts). */
  workers: number;
}

export interface CoreEvents {
  onBatch(b: BatchInfo): void;
  onEpoch(e: EpochInfo): void;
  onEvaluation(e: Evaluation): void;
}

/**
 * Pause/stop flags the loop checks between batches. `pause()` takes effect after the current batch.
 */
export class Control {
  paused = false;
  stopped = false;
  private wake: (() => void) | null = null;
  pause(): void {
    if (!this.stopped) this.paused = true;
  }
  resume(): void {
    this.paused = false;
    this.wake?.();
    this.wake = null;
  }
  stop(): void {
    this.stopped = true;
    this.resume();
  }
  /** Resolves when not paused (at once if running). */
  whilePaused(): Promise<void> {
    if (!this.paused) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }
}

/**
 * Yields to the event loop: a new task (a MessageChannel round trip: no 4 ms clamp, unlike nested setTimeout), so
 * that messages, timers and input queued meanwhile run first.
 *
 * NOT `scheduler.yield()`: its continuation is queued at a raised priority, ahead of ordinary tasks. In a
 * Chromium Worker that means the page's `message` events (pause, stop, numTensors…) never get through while a
 * run goes on; on the main thread the page's own timers starved (a 10 ms `setTimeout` set at `train-start`
 * fired after the run). Both are tested (test/components/trainer-control.test.ts).
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!yieldChannel) {
    // One channel for every yield: creating a channel per batch cost ~2 % of a training step in a Worker.
    yieldChannel = new MessageChannel();
    yieldChannel.port1.onmessage = () => waking.shift()?.();
    // Node (the unit tests) would otherwise keep the process alive for an idle port.
    for (const p of [yieldChannel.port1, yieldChannel.port2]) (p as { unref?: () => void }).unref?.();
  }
  const ch = yieldChannel;
  return new Promise((resolve) => {
    waking.push(resolve);
    ch.port2.postMessage(0);
  });
}

let yieldChannel: MessageChannel | null = null;
/** The yields waiting for their message, in the order they were posted (a port delivers in order). */
const waking: (() => void)[] = [];
