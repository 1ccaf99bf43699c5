/**
 * Data-parallel training over several Workers, without SharedArrayBuffer (a blog is not cross-origin isolated).
 *
 * THE SCHEME. One Worker, the LEADER, runs the ordinary training loop (training/core.ts) with the data, the
 * optimizer and the events. The others, HELPERS, hold only a replica of the model. For each batch of B examples
 * the leader cuts it into W contiguous shares (`shares`), posts each helper its share — the already standardised
 * pixels and labels — together with the current weights, computes the gradient of its own share meanwhile, then
 * adds the helpers' gradients to its own in a FIXED order (share 0, 1, 2, …: `sumInOrder`) and applies ONE
 * optimizer update. The loss of every share is divided by B, not by the share's size, so the sum is exactly
 * the full batch's mean-loss gradient: the same maths as the main thread's micro-batches (core.ts).
 *
 * WHY BROADCAST THE WEIGHTS (rather than every replica applying the same update): a helper then needs no
 * optimizer state and no data, it cannot drift from the leader, and the message is the same size as a gradient
 * (45,424 floats, ~180 KB for the cnn, moved as a transferable ArrayBuffer: no copy on either side).
 *
 * WHY WORKER-TO-WORKER PORTS: the page creates one MessageChannel per helper and gives one end to the leader,
 * the other to the helper. The page's thread is then not on the path of a single training step: a busy page
 * does not slow training, and training adds no work to the page.
 *
 * REPRODUCIBILITY. Float sums depend on how a batch is cut: the same seed and the same number of workers give
 * the same losses and weights run after run; another number of workers gives (slightly) other numbers. One
 * worker is exactly today's single-Worker path (no shares at all).
 */

/** What the leader posts to a helper for one step. */
export interface ShareRequest {
  /** The leader's current weights, every variable flattened in the model's order. */
  weights: Float32Array;
  /** Standardised pixels of the share, n × H × W × C. */
  xs: Float32Array;
  labels: Int32Array;
  /** n×10 one-hot targets. */
  oneHot: Float32Array;
  /** The whole batch's size B (each share's loss is divided by it, so the shares' sum is the batch mean). */
  divisor: number;
}

/** What a helper answers: its share's gradient (flat, model order), loss sum / B, correct count, tensors alive. */
export type ShareReply =
  | { ok: true; grads: Float32Array; loss: number; correct: number; numTensors: number }
  | { ok: false; message: string };

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
 * Σ parts, added in the given order into a fresh float32 array (each addition rounded to float32, as a tensor
 * `add` would). The order is fixed by share index, never by which worker answered first: that is what makes a
 * run with the same seed and workers reproducible.
 */
export function sumInOrder(parts: readonly Float32Array[]): Float32Array {
  const first = parts[0];
  if (!first) throw new RangeError('sumInOrder needs at least one part.');
  const out = new Float32Array(first);
  for (let p = 1; p < parts.length; p++) {
    const g = parts[p]!;
    if (g.length !== out.length)
      throw new RangeError(`gradient ${p} has ${g.length} values, expected ${out.length}.`);
    for (let i = 0; i < out.length; i++) out[i] = out[i]! + g[i]!;
  }
  return out;
}

/** How many workers `workers: 'auto' | n` means on a machine with `cores` logical cores. */
export function resolveWorkers(workers: 'auto' | number | undefined, cores: number | undefined): number {
  if (typeof workers === 'number') return workers;
  const c = Number.isInteger(cores) && cores! > 0 ? cores! : 1;
  // Cores minus one, at least 1, at most 4: the workers step in lockstep (one barrier per batch), so a worker that
  // has to share its core with the page (or another program) holds every other one up. Measured on a loaded
  // 2-core machine (load average ~12): 2 workers trained the cnn at 0.6× the rate of 1.
  return Math.max(1, Math.min(4, c - 1));
}

/**
 * The leader's end of one helper: posts requests and resolves them in order (a port delivers in order, and the
 * leader has at most one request outstanding per helper).
 */
export class HelperPort {
  private waiting: { resolve: (r: ShareReply) => void; reject: (e: Error) => void } | null = null;

  constructor(private readonly port: MessagePort) {
    port.onmessage = (e: MessageEvent<ShareReply>) => {
      const w = this.waiting;
      this.waiting = null;
      w?.resolve(e.data);
    };
    port.onmessageerror = () => this.fail(new Error('A training helper sent an unreadable message.'));
  }

  /** Sends one share (its buffers are transferred: do not use them after) and resolves with the reply. */
  request(r: ShareRequest): Promise<ShareReply> {
    if (this.waiting) return Promise.reject(new Error('A training helper is still busy with a share.'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.port.postMessage(r, [r.weights.buffer, r.xs.buffer, r.labels.buffer, r.oneHot.buffer]);
    });
  }

  private fail(e: Error): void {
    const w = this.waiting;
    this.waiting = null;
    w?.reject(e);
  }

  close(): void {
    this.fail(new Error('This training session was disposed.'));
    this.port.close();
  }
}

/** What a helper's model must offer (TrainerCore does). */
export interface GradientSource {
  setFlatWeights(flat: Float32Array): void;
  shareGradients(
    xs: Float32Array,
    labels: Int32Array,
    oneHot: Float32Array,
    divisor: number,
  ): { grads: Float32Array; loss: number; correct: number };
  numTensors(): number;
}

/** The helper's side: answers every request on `port` with its share's gradient, until the port closes. */
export function serveGradients(source: GradientSource, port: MessagePort): void {
  port.onmessage = (e: MessageEvent<ShareRequest>) => {
    const r = e.data;
    let reply: ShareReply;
    try {
      source.setFlatWeights(r.weights);
      const g = source.shareGradients(r.xs, r.labels, r.oneHot, r.divisor);
      reply = { ok: true, ...g, numTensors: source.numTensors() };
    } catch (err) {
      reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply, reply.ok ? [reply.grads.buffer] : []);
  };
}
