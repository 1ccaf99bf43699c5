/**
 * Data-parallel training in a PIPELINE, where no worker waits for another at a step: the engine's `pipeline: true`
 * (training/parallel.ts has the default, LOCKSTEP, and why several workers at all).
 *
 * WHY. In lockstep every step ends at a barrier: the faster worker waits for the slower one's gradient, falls
 * asleep, and is woken when it comes — on a 2-core VM a third of the wake-ups came 1.4–2.1 ms late, and whatever
 * holds one worker up (the page, the browser, a collection) holds up both. Measured there over a full epoch of the
 * lesson's cnn: 2 Workers trained 1.28–1.37× faster than one in the pipeline, 1.13–1.28× in lockstep. The price is a stale
 * gradient: as accurate at the lesson's Adam 0.001 (97.9 % after one epoch, 98.7 % after two, as one worker), 6
 * points less accurate on the notebook's recipe (Adam 0.01, batch 20) — so it is not the default.
 *
 * THE SCHEME (W workers: the leader, number 0, and helpers 1 … W−1, each with a replica of the model and its
 * optimizer). At step t every worker k computes the gradient g_t^k of its share k of batch t, posts it to every
 * other worker directly (a full mesh of MessagePorts), and then — instead of waiting for the others' g_t —
 * applies the update of the PREVIOUS step, G_{t−1} = g_{t−1}^0 + g_{t−1}^1 + … (summed in worker order, the same
 * float32 additions on every worker, so every replica stays exactly the same). The others posted their g_{t−1}
 * one whole step earlier: it is already there, nobody sleeps. The price: batch t's gradient is taken at the
 * weights before the update of batch t−1 (one step stale), as in pipelined data-parallel training (PipeDream's
 * 1-stale updates, or DC-ASGD without its correction); every batch still gives exactly one update, in order,
 * with its own learning rate, and the same seed and the same number of workers give the same numbers, run after
 * run, whenever the messages arrive. Batches 0 and 1 are both computed at the initial weights; the pipeline ENDS
 * (`end`) by applying the last batch's update, at the end of an epoch, at a pause or a stop, and before anything
 * else uses the helpers — the weights are then exactly those of a finished step.
 *
 * The leader posts every helper its share of a batch LAG + 1 steps ahead (`PipeShare`: the examples' bytes, which the
 * helper standardises, and the weights when the replica may differ), so a helper never waits for its data
 * either. Every message carries the pipeline's generation: what a previous pipeline left in flight (a share
 * posted ahead, a gradient of a step after its end) is dropped, never mixed in.
 *
 * ONLY WITH 2 WORKERS (core.ts `pipelined`): with 3 or more, where a helper also hears the other helpers on their
 * own ports, CI under load saw one replica end an update apart; until that is found, such runs step in lockstep.
 */

import { fillBatch, type BatchArrays } from './pixels.js';
import type { GradientSource } from './parallel.js';

/**
 * How many steps an update lags behind its batch's gradient: 1, applied once the next batch's is computed. (2 was
 * tried: no faster on 2 cores, and staler.)
 */
export const LAG = 1;

/** What the leader posts a helper for its share of step `step` of pipeline `gen`. */
export interface PipeShare {
  type: 'pshare';
  gen: number;
  step: number;
  pixels: Uint8Array;
  labels: Uint8Array;
  /** The whole batch's size B (the share's loss is divided by it: the shares' sum is the batch mean). */
  divisor: number;
  /** The leader's weights (flat), with a pipeline's first share when the replica may differ. */
  weights?: Float32Array;
}

/** The leader ends pipeline `gen` after `steps` steps: apply the update of step `steps − 1`, drop the rest. */
export interface PipeEnd {
  type: 'pend';
  gen: number;
  steps: number;
}

/** One worker's gradient of its share of step `step`, to every other worker. */
export interface PipeGrad {
  type: 'pgrad';
  gen: number;
  step: number;
  /** Who computed it (0 = the leader). */
  from: number;
  grads: Float32Array;
  /** The share's loss sum / B and correct count (the leader reports the batch with them). */
  loss: number;
  correct: number;
  numTensors: number;
  /** The leader's only: the learning rate of this step's update, which every worker applies. */
  learningRate?: number;
  /** To the leader only: the share's buffers back, for a later share (nothing allocated per step). */
  pixels?: Uint8Array;
  labels?: Uint8Array;
}

/** A helper that failed tells the leader (which ends the run with it). */
export interface PipeFailure {
  type: 'pfail';
  message: string;
  stack?: string;
}

export type PipeMessage = PipeShare | PipeEnd | PipeGrad | PipeFailure;

/** One number for (pipeline, step): a pipeline never runs 2^32 steps (an epoch at most). */
const keyOf = (gen: number, step: number) => gen * 2 ** 32 + step;

export const isPipeMessage = (m: unknown): m is PipeMessage =>
  typeof m === 'object' &&
  m !== null &&
  ['pshare', 'pend', 'pgrad', 'pfail'].includes((m as { type?: string }).type ?? '');

/**
 * G = parts[0] + parts[1] + … element by element in this order, each addition rounded to float32 (as a tensor
 * `add`), into `out` (which may be one of the parts). The same order on every worker: the same bits.
 */
export function foldInOrder(parts: readonly Float32Array[], out: Float32Array): Float32Array {
  const n = out.length;
  for (const p of parts)
    if (p.length !== n) throw new RangeError(`a gradient has ${p.length} values, expected ${n}.`);
  const W = parts.length;
  if (W === 2) {
    const a = parts[0]!;
    const b = parts[1]!;
    for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!;
    return out;
  }
  const first = parts[0]!;
  for (let i = 0; i < n; i++) {
    let s = first[i]!;
    for (let k = 1; k < W; k++) s = Math.fround(s + parts[k]![i]!);
    out[i] = s;
  }
  return out;
}

/**
 * One worker's end of the gradient exchange: posts its gradients to the others (copies in recycled buffers),
 * collects theirs by step, and sums a step's once all are in. The same on the leader and on the helpers.
 */
export class GradExchange {
  gen = 0;
  /**
   * The others' gradients by pipeline and step (`key`; index = worker, the own slot stays empty): of this
   * pipeline, or of the next one, which another helper may have begun before this worker ended this one.
   */
  private readonly inbox = new Map<number, (PipeGrad | undefined)[]>();
  /** Buffers of the flat size, free to carry a gradient out (received ones, once summed, come back here). */
  private readonly spare: Float32Array[] = [];
  /** Called when a step's gradients have all arrived (the leader awaits them; helpers pump). */
  onArrival: (() => void) | null = null;

  constructor(
    readonly me: number,
    readonly workers: number,
    /** Posts to worker k (never `me`), transferring `transfer`. */
    private readonly send: (k: number, m: PipeGrad, transfer: Transferable[]) => void,
  ) {}

  /** A message from another worker: kept for its step, or dropped (and its buffer kept) if of another pipeline. */
  receive(m: PipeGrad): void {
    if (m.gen < this.gen || m.from === this.me || m.from < 0 || m.from >= this.workers) {
      this.recycle(m.grads);
      return;
    }
    const key = keyOf(m.gen, m.step);
    let row = this.inbox.get(key);
    if (!row) this.inbox.set(key, (row = new Array<PipeGrad | undefined>(this.workers)));
    row[m.from] = m;
    this.onArrival?.();
  }

  /** Posts `grads` (a copy to each other worker; `grads` itself stays here) with the share's numbers. */
  post(
    step: number,
    grads: Float32Array,
    extra: { loss: number; correct: number; numTensors: number; learningRate?: number },
    toLeader?: { pixels?: Uint8Array; labels?: Uint8Array },
  ): void {
    for (let k = 0; k < this.workers; k++) {
      if (k === this.me) continue;
      const copy = this.takeSpare(grads.length);
      copy.set(grads);
      const m: PipeGrad = { type: 'pgrad', gen: this.gen, step, from: this.me, grads: copy, ...extra };
      const transfer: Transferable[] = [copy.buffer];
      if (k === 0 && toLeader?.pixels && toLeader.labels) {
        m.pixels = toLeader.pixels;
        m.labels = toLeader.labels;
        transfer.push(toLeader.pixels.buffer, toLeader.labels.buffer);
      }
      this.send(k, m, transfer);
    }
  }

  /** Whether every other worker's gradient of `step` is here. */
  has(step: number): boolean {
    if (this.workers === 1) return true;
    const row = this.inbox.get(keyOf(this.gen, step));
    if (!row) return false;
    for (let k = 0; k < this.workers; k++) if (k !== this.me && !row[k]) return false;
    return true;
  }

  /**
   * Sums step `step`'s gradients in worker order INTO `own` (this worker's, of that step) and returns the others'
   * messages (their numbers; their buffers are recycled here, so read only the numbers). `has(step)` first.
   */
  reduce(step: number, own: Float32Array): { sum: Float32Array; others: PipeGrad[] } {
    const key = keyOf(this.gen, step);
    const row = this.inbox.get(key);
    this.inbox.delete(key);
    const parts: Float32Array[] = [];
    const others: PipeGrad[] = [];
    for (let k = 0; k < this.workers; k++) {
      if (k === this.me) parts.push(own);
      else {
        const m = row?.[k];
        if (!m) throw new Error(`The gradient of worker ${k} for step ${step} is missing.`);
        parts.push(m.grads);
        others.push(m);
      }
    }
    foldInOrder(parts, own);
    for (const m of others) this.recycle(m.grads);
    return { sum: own, others };
  }

  /** Ends this pipeline: what is still here or in flight for it is dropped as it comes. */
  next(): void {
    for (const [key, row] of this.inbox) {
      if (key >= keyOf(this.gen + 1, 0)) continue; // the next pipeline's, already begun elsewhere
      for (const m of row) if (m) this.recycle(m.grads);
      this.inbox.delete(key);
    }
    this.gen++;
  }

  private takeSpare(n: number): Float32Array {
    while (this.spare.length) {
      const b = this.spare.pop()!;
      if (b.length === n) return b;
    }
    return new Float32Array(n);
  }

  private recycle(b: Float32Array): void {
    if (this.spare.length < 2 * this.workers) this.spare.push(b);
  }
}

/**
 * A helper's side of the pipeline: computes each share as it comes (in step order), posts its gradient, and
 * applies each step's update once every worker's gradient of it is in — driven by messages, never blocking.
 */
export class PipeHelper {
  readonly exchange: GradExchange;
  private readonly queue: (PipeShare | PipeEnd)[] = [];
  /** This worker's gradient of each step not yet summed. */
  private readonly own = new Map<number, Float32Array>();
  private readonly free: Float32Array[] = [];
  /** The step whose update is due next (after the share of the step after it), or null. */
  private toReduce: number | null = null;
  /** Updates applied in this pipeline (steps 0 … applied − 1). */
  private applied = 0;
  /** Where the leader ended this pipeline (its `PipeEnd`), once known. */
  private endAt: number | null = null;
  private batch: BatchArrays | null = null;
  private all = new Uint32Array(0);
  private failed = false;

  constructor(
    private readonly source: GradientSource,
    me: number,
    workers: number,
    send: (k: number, m: PipeMessage, transfer: Transferable[]) => void,
  ) {
    this.exchange = new GradExchange(me, workers, send);
    this.exchange.onArrival = () => this.pump();
    this.fail = (e) => {
      if (this.failed) return;
      this.failed = true;
      send(0, { type: 'pfail', message: e.message, ...(e.stack ? { stack: e.stack } : {}) }, []);
    };
  }

  private readonly fail: (e: Error) => void;

  /**
   * Nothing queued, no update due and no pipeline open (every gradient of this worker summed or dropped), or
   * failed: the replica holds the weights of a finished step, and the leader's other requests may be served.
   */
  get idle(): boolean {
    return this.failed || (this.queue.length === 0 && this.toReduce === null && this.own.size === 0);
  }

  /** Called after every message the helper handled that left it `idle`. */
  onIdle: (() => void) | null = null;

  /** A message of the leader's: a share, or the end of a pipeline. */
  fromLeader(m: PipeShare | PipeEnd): void {
    if (m.type === 'pend' && m.gen === this.exchange.gen) {
      // Shares posted ahead past the end are not computed at all.
      this.endAt = m.steps;
      for (let i = this.queue.length - 1; i >= 0; i--) {
        const q = this.queue[i]!;
        if (q.type === 'pshare' && q.gen === m.gen && q.step >= m.steps) this.queue.splice(i, 1);
      }
    }
    this.queue.push(m);
    this.pump();
  }

  private pump(): void {
    this.step();
    if (this.idle) this.onIdle?.();
  }

  private step(): void {
    try {
      while (!this.failed) {
        if (this.toReduce !== null) {
          const s = this.toReduce;
          if (this.endAt !== null && s >= this.endAt)
            this.toReduce = null; // past the end: never applied
          else if (!this.exchange.has(s)) return;
          else {
            this.apply(s);
            this.toReduce = null;
          }
          continue;
        }
        const item = this.queue[0];
        if (!item) return;
        if (item.gen < this.exchange.gen) {
          this.queue.shift(); // of a pipeline already ended
          continue;
        }
        if (item.type === 'pend') {
          while (this.applied < item.steps) {
            const s = this.applied;
            if (!this.own.has(s)) throw new Error(`Step ${s} ended a pipeline before its share came.`);
            if (!this.exchange.has(s)) return;
            this.apply(s);
          }
          this.queue.shift();
          for (const b of this.own.values()) this.free.push(b);
          this.own.clear();
          this.applied = 0;
          this.endAt = null;
          this.exchange.next();
          continue;
        }
        this.queue.shift();
        this.compute(item);
      }
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private compute(r: PipeShare): void {
    if (r.weights) this.source.setFlatWeights(r.weights);
    const n = r.labels.length;
    if (this.all.length !== n) this.all = Uint32Array.from({ length: n }, (_, i) => i);
    this.batch = fillBatch(
      { images: r.pixels, labels: r.labels, count: n },
      this.all,
      0,
      n,
      this.source.input,
      this.batch,
    );
    const { xs, labels, oneHot } = this.batch;
    const g = this.source.shareGradients(xs, labels, oneHot, r.divisor, this.free.pop());
    this.own.set(r.step, g.grads);
    this.exchange.post(
      r.step,
      g.grads,
      { loss: g.loss, correct: g.correct, numTensors: this.source.numTensors() },
      { pixels: r.pixels, labels: r.labels },
    );
    if (r.step >= LAG) this.toReduce = r.step - LAG;
  }

  /** Sums step `s`'s gradients (every worker's, in order) and applies them with the leader's learning rate. */
  private apply(s: number): void {
    const own = this.own.get(s);
    if (!own) throw new Error(`No gradient of this worker for step ${s}.`);
    this.own.delete(s);
    const { sum, others } = this.exchange.reduce(s, own);
    const lr = others.find((m) => m.from === 0)?.learningRate;
    if (lr === undefined) throw new Error(`The leader's gradient of step ${s} came without a learning rate.`);
    this.source.setLearningRate(lr);
    this.source.applyFlat(sum);
    this.free.push(sum);
    this.applied = s + 1;
  }
}
