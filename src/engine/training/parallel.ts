/**
 * Data-parallel training over several Workers, without SharedArrayBuffer (a blog is not cross-origin isolated).
 *
 * THE SCHEME. One Worker, the LEADER, runs the ordinary training loop (training/core.ts) with the data, the
 * schedule and the events. The others, HELPERS, each hold a REPLICA of the model and of its optimizer. For each
 * batch of B examples the leader cuts it into W contiguous shares (`shares`) and posts each helper its share —
 * the examples' raw bytes and labels, which the helper standardises itself — then computes the gradient of its
 * own share meanwhile. It adds the helpers' gradients to its own in a FIXED order (share 0, 1, 2, …:
 * `sumInOrder`), posts the sum to every helper, and applies ONE optimizer update with it; every helper applies
 * the very same update (the same sum, the same learning rate) to its replica, at the same time. The loss of
 * every share is divided by B, not by the share's size, so the sum is exactly the full batch's mean-loss
 * gradient: the same maths as the main thread's micro-batches (core.ts).
 *
 * WHY EVERY REPLICA APPLIES THE UPDATE (rather than the leader broadcasting its weights each step, as this
 * scheme first did): the broadcast put the leader's weight read-out, the helpers' weight write and a second
 * message on every step's critical path, with the helper idle meanwhile — measured on 2 cores, 2 Workers trained
 * at 0.70× the rate of one. Now the helpers only wait for the sum. The replicas stay EXACTLY the leader's: the
 * same float32 sum goes through the same kernels from the same state (same seed, same optimizer, same backend:
 * the leader passes its backend to the helpers). Every change of the leader's weights outside a step
 * (`setWeights`) marks the replicas stale, and the next share then carries the weights (as does the first).
 *
 * WHY WORKER-TO-WORKER PORTS: the page creates one MessageChannel per helper and gives one end to the leader,
 * the other to the helper. The page's thread is then not on the path of a single training step: a busy page
 * does not slow training, and training adds no work to the page. Messages on a port arrive in order, so an
 * update always reaches a helper before the next share.
 *
 * REPRODUCIBILITY. Float sums depend on how a batch is cut: the same seed and the same number of workers give
 * the same losses and weights run after run; another number of workers gives (slightly) other numbers. One
 * worker is exactly today's single-Worker path (no shares at all).
 */

import { fillBatch, type BatchArrays, type InputFormat } from './pixels.js';
import { watchdog, type Watchdog } from '../worker/watchdog.js';
import { MessageError, messagesOf } from '../messages.js';
import { SESSION_MESSAGES } from './session.messages.js';
import { PipeHelper, type PipeFailure, type PipeGrad, type PipeMessage } from './pipeline.js';

const tell = messagesOf(SESSION_MESSAGES);

/** What the leader posts to a helper for one step's share. */
export interface ShareRequest {
  type: 'share';
  /** The share's examples as stored (n × H × W × C bytes, in the batch's order): the helper standardises them. */
  pixels: Uint8Array;
  labels: Uint8Array;
  /** The whole batch's size B (each share's loss is divided by it, so the shares' sum is the batch mean). */
  divisor: number;
  /** The leader's weights, flat in the model's order, when the helper's replica may differ (first share, setWeights). */
  weights?: Float32Array;
}

/** What the leader posts to every helper after a step: the summed gradient, to apply as the leader does. */
export interface UpdateRequest {
  type: 'update';
  grads: Float32Array;
  learningRate: number;
}

/**
 * What a helper answers: its share's gradient (flat, model order), loss sum / B, correct count, tensors alive;
 * and the share's own buffers back, for the leader to send the next share in (nothing is allocated per step).
 */
export type ShareReply =
  | {
      ok: true;
      grads: Float32Array;
      loss: number;
      correct: number;
      numTensors: number;
      pixels?: Uint8Array;
      labels?: Uint8Array;
    }
  | { ok: false; message: string; stack?: string };

/**
 * The contiguous shares `[start, end)` (relative to the batch) of a batch of `n` examples over `workers`: as
 * even as possible, the larger ones last (share k = [⌊k·n/W⌋, ⌊(k+1)·n/W⌋)). A share may be empty when n < W.
 */
export function shares(n: number, workers: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < workers; k++)
    out.push([Math.floor((k * n) / workers), Math.floor(((k + 1) * n) / workers)]);
  return out;
}

/**
 * Σ parts, added in the given order (each addition rounded to float32, as a tensor `add` would) INTO the first
 * part, which is returned: no allocation per step. The order is fixed by share index, never by which worker
 * answered first: that is what makes a run with the same seed and workers reproducible.
 */
export function sumInOrder(parts: readonly Float32Array[]): Float32Array {
  const out = parts[0];
  if (!out) throw new RangeError('sumInOrder needs at least one part.');
  const n = out.length;
  for (let p = 1; p < parts.length; p++) {
    const g = parts[p]!;
    if (g.length !== n) throw new RangeError(`gradient ${p} has ${g.length} values, expected ${n}.`);
    for (let i = 0; i < n; i++) out[i] += g[i]!;
  }
  return out;
}

/** The fewest examples a worker's share of a batch must have for `auto` to give it one (measured: see below). */
export const MIN_AUTO_SHARE = 32;

/**
 * How many workers `workers: 'auto' | n` means on a machine with `cores` logical cores, for a network trained in
 * batches of `batchSize` (`convolutional`: whether it has a convolution).
 *
 * `auto`: as many as the batch has shares of at least 32 examples, no more than the cores less one (the page's),
 * at most 4 — and one for a network without a convolution. Measured on a 2-core VM over a full epoch of MNIST (a
 * reader's run; README, "How many Workers"): the lesson's cnn at batch 64 (shares of 32) trained 1.13–1.28×
 * faster in 2 Workers than in one; at batch 32 (shares of 16) 1.01×; at the notebook's batch 20 slower; the fnn
 * (dense layers only, a step of 0.7 ms) 0.81× — there a step's fixed costs (the gradient sent and summed, the
 * update every replica applies) outweigh the halved work. And with 2 Workers on those 2 cores the page's thread
 * had a task over 50 ms in about one run in five (58–64 ms), against none in 8 runs with one Worker: the page
 * keeps a core.
 */
export function resolveWorkers(
  workers: 'auto' | number | undefined,
  cores: number | undefined,
  net: { batchSize: number; convolutional: boolean } = { batchSize: 64, convolutional: true },
): number {
  if (typeof workers === 'number') return workers;
  const c = Number.isInteger(cores) && cores! > 0 ? cores! : 1;
  if (!net.convolutional) return 1;
  return Math.max(1, Math.min(4, c - 1, Math.floor(net.batchSize / MIN_AUTO_SHARE)));
}

/**
 * The leader's end of one helper: posts shares and updates, and resolves the shares' replies in order (a port
 * delivers in order, and the leader has at most one share outstanding per helper; updates get no reply).
 */
export class HelperPort {
  private waiting: { resolve: (r: ShareReply) => void; reject: (e: Error) => void } | null = null;
  private dog: Watchdog | null = null;
  /** The pipeline's messages from this helper (training/pipeline.ts): its gradients, or its failure. */
  onPipe: ((m: PipeGrad | PipeFailure) => void) | null = null;

  /**
   * `limitMs`: how long a share may take before the helper is taken for hung (a share takes milliseconds; a
   * helper that stops answering without crashing would otherwise hold the run forever).
   */
  constructor(
    private readonly port: MessagePort,
    private readonly limitMs = 60_000,
  ) {
    port.onmessage = (e: MessageEvent<ShareReply | PipeGrad | PipeFailure>) => {
      const m = e.data;
      if ('type' in m) return this.onPipe?.(m);
      const w = this.waiting;
      this.waiting = null;
      this.dog?.done();
      w?.resolve(m);
    };
    port.onmessageerror = () => this.fail(new Error('A training helper sent an unreadable message.'));
  }

  /** Sends one share (its buffers are transferred: do not use them after) and resolves with the reply. */
  request(r: ShareRequest): Promise<ShareReply> {
    if (this.waiting) return Promise.reject(new Error('A training helper is still busy with a share.'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      const seconds = Math.round(this.limitMs / 1000);
      this.dog = watchdog(this.limitMs, () =>
        this.fail(new MessageError(tell('session.helperSilent', { seconds }))),
      );
      const transfer: Transferable[] = [r.pixels.buffer, r.labels.buffer];
      if (r.weights) transfer.push(r.weights.buffer);
      this.port.postMessage(r, transfer);
    });
  }

  /** A pipeline's message (its buffers transferred). */
  post(m: PipeMessage, transfer: Transferable[]): void {
    this.port.postMessage(m, transfer);
  }

  /** Sends the step's summed gradient (transferred: pass a copy of one's own). */
  update(u: UpdateRequest): void {
    this.port.postMessage(u, [u.grads.buffer]);
  }

  private fail(e: Error): void {
    const w = this.waiting;
    this.waiting = null;
    this.dog?.done();
    w?.reject(e);
  }

  close(): void {
    this.fail(new Error('This training session was disposed.'));
    this.port.close();
  }
}

/** What a helper's replica must offer (TrainerCore does). */
export interface GradientSource {
  /** Pixels per example and how to standardise them (training/pixels.ts). */
  readonly input: InputFormat;
  setFlatWeights(flat: Float32Array): void;
  /** Into `out` when given and of the flat size (else a new array). */
  shareGradients(
    xs: Float32Array,
    labels: Int32Array,
    oneHot: Float32Array,
    divisor: number,
    out?: Float32Array | null,
  ): { grads: Float32Array; loss: number; correct: number };
  setLearningRate(lr: number): void;
  applyFlat(flat: Float32Array): void;
  numTensors(): number;
}

/**
 * The helper's side: applies every update and answers every share on `port` with its gradient, until the port
 * closes. An update that fails is reported in the reply to the next share (updates get no reply of their own).
 *
 * IN ORDER WITH A PIPELINE. The leader ends a pipeline (its `pend`) and may at once send a lockstep share or
 * update (a short last batch, a fine-tune) on the same port; but this helper may still wait for another helper's
 * last gradient of the pipeline, which comes on another port. Such a request waits until the pipeline's last
 * update is applied here: taken at once it would compute at other weights than the leader's, and the replicas
 * would drift apart silently (3 Workers, under load). `settled()` resolves at the same point (the replica's
 * weights, as the page asks for them, are those of a finished step).
 */
export function serveGradients(
  source: GradientSource,
  port: MessagePort,
  mesh: { me: number; workers: number; peers: (MessagePort | null)[] } = { me: 1, workers: 2, peers: [] },
): { settled(): Promise<void> } {
  let failed: Error | null = null;
  // The pipeline (training/pipeline.ts): shares and ends from the leader on `port`, gradients from every worker
  // (the leader on `port`, the other helpers on their own ports).
  const to = (k: number) => (k === 0 ? port : mesh.peers[k]);
  const pipe = new PipeHelper(source, mesh.me, mesh.workers, (k, m, transfer) =>
    to(k)?.postMessage(m, transfer),
  );
  mesh.peers.forEach((p, k) => {
    if (!p || k === 0) return;
    p.onmessage = (e: MessageEvent<PipeGrad>) => pipe.exchange.receive(e.data);
  });
  const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
  // Reused from share to share: the batch arrays, the examples' indices, and the latest update's buffer, which
  // the next reply's gradient is read into (and so goes back to the leader).
  let batch: BatchArrays | null = null;
  let all = new Uint32Array(0);
  let spare: Float32Array | null = null;
  /** The leader's lockstep requests that came while a pipeline was still being finished here, in order. */
  const deferred: (ShareRequest | UpdateRequest)[] = [];
  const waiters: (() => void)[] = [];
  const settledNow = () => pipe.idle && deferred.length === 0;
  pipe.onIdle = () => {
    while (deferred.length && pipe.idle) serve(deferred.shift()!);
    if (settledNow()) for (const w of waiters.splice(0)) w();
  };
  port.onmessage = (e: MessageEvent<ShareRequest | UpdateRequest | PipeMessage>) => {
    const r = e.data;
    if (r.type === 'pgrad') return pipe.exchange.receive(r);
    if (r.type === 'pshare' || r.type === 'pend') return pipe.fromLeader(r);
    if (r.type === 'pfail') return;
    if (!settledNow()) deferred.push(r);
    else serve(r);
  };
  return {
    settled: () => (settledNow() ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
  };

  function serve(r: ShareRequest | UpdateRequest): void {
    if (r.type === 'update') {
      if (failed) return;
      try {
        source.setLearningRate(r.learningRate);
        source.applyFlat(r.grads);
        spare = r.grads;
      } catch (err) {
        failed = asError(err);
      }
      return;
    }
    let reply: ShareReply;
    try {
      if (failed) throw failed;
      if (r.weights) source.setFlatWeights(r.weights);
      const n = r.labels.length;
      if (n === 0) {
        // A share of nothing (a batch smaller than the workers), sent only to carry the weights.
        port.postMessage({
          ok: true,
          grads: new Float32Array(0),
          loss: 0,
          correct: 0,
          numTensors: source.numTensors(),
        });
        return;
      }
      if (all.length !== n) all = Uint32Array.from({ length: n }, (_, i) => i);
      const share = { images: r.pixels, labels: r.labels, count: n };
      batch = fillBatch(share, all, 0, n, source.input, batch);
      const g = source.shareGradients(batch.xs, batch.labels, batch.oneHot, r.divisor, spare);
      spare = null; // it leaves with this reply
      reply = { ok: true, ...g, numTensors: source.numTensors(), pixels: r.pixels, labels: r.labels };
    } catch (err) {
      const e = asError(err);
      reply = { ok: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
    }
    port.postMessage(
      reply,
      reply.ok
        ? [
            reply.grads.buffer,
            ...(reply.pixels ? [reply.pixels.buffer] : []),
            ...(reply.labels ? [reply.labels.buffer] : []),
          ]
        : [],
    );
  }
}
