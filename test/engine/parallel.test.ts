/**
 * Data-parallel training over several Workers (training/parallel.ts, training/pipeline.ts, worker/multi.ts): the
 * pure pieces (how a batch is cut, the order of the gradient sum, how many workers `auto` means, the pipeline's
 * exchange and helper, validation), then real runs in Chromium Workers on wasm: reproducible with the same seed
 * and workers, lockstep the same maths as one worker and the pipeline exactly its one-step-stale maths, no leak
 * in any worker, pause/stop within one batch, and dispose terminating every worker.
 */
import { expect } from '@esm-bundle/chai';
import {
  TrainingSession,
  resolveConfig,
  type BatchInfo,
  type SessionOptions,
} from '../../src/engine/tensor.js';
import {
  resolveWorkers,
  serveGradients,
  shares,
  sumInOrder,
  type GradientSource,
  type ShareReply,
} from '../../src/engine/training/parallel.js';
import { fillBatch, inputFormat } from '../../src/engine/training/pixels.js';
import {
  GradExchange,
  PipeHelper,
  foldInOrder,
  type PipeGrad,
  type PipeMessage,
} from '../../src/engine/training/pipeline.js';
import { TrainerCore } from '../../src/engine/training/core.js';
import { learningRateAt } from '../../src/engine/training/config.js';
import { deriveSeed, mulberry32, shuffledIndices } from '../../src/engine/random.js';
import { readFlat } from '../../src/engine/training/flat-vars.js';
import { getTf } from '../../src/engine/tensor.js';
import { detectWebGl } from '../../src/engine/backend-detect.js';
import { synthetic } from './fixtures/synthetic.js';

const DATA = { train: synthetic(200, 1), test: synthetic(100, 2) };

/** A short seeded run on wasm in Workers: its losses, weights, batch events and worker count. */
async function run(options: SessionOptions) {
  const s = new TrainingSession({
    data: DATA,
    trainSize: 120,
    testSize: 20,
    epochs: 2,
    batchSize: 20,
    learningRate: 0.01,
    evaluateEachEpoch: false,
    backend: 'wasm',
    thread: 'worker',
    ...options,
  });
  await s.start();
  expect(s.error).to.equal(null);
  expect(s.state).to.equal('done');
  const weights = (await s.weights()).map((w) => Array.from(w.data));
  const perWorker = await s.numTensorsPerWorker();
  const workers = s.workers;
  s.dispose();
  return {
    losses: s.history.batches.map((b) => b.loss),
    batches: s.history.batches,
    weights,
    workers,
    perWorker,
  };
}

/** A run in 2 Workers long enough to pause, set weights and resume in (started by the test). */
const longRun = (options: SessionOptions) =>
  new TrainingSession({
    data: DATA,
    trainSize: 200,
    testSize: 20,
    epochs: 50,
    learningRate: 0.01,
    evaluateEachEpoch: false,
    backend: 'wasm',
    thread: 'worker',
    workers: 2,
    ...options,
  });

/** How many values two workers' weights differ in (a count, not a deep-equal: a failing diff of 45,000 numbers
 * takes minutes to print). */
const differ = (a: { data: Float32Array }[], b: { data: Float32Array }[]) =>
  a.reduce((n, w, i) => n + w.data.filter((v, j) => !Object.is(v, b[i]!.data[j])).length, 0);

const until = (s: TrainingSession, name: string) =>
  new Promise<CustomEvent>((resolve) =>
    s.addEventListener(name, (e) => resolve(e as CustomEvent), { once: true }),
  );

describe('data-parallel: the pieces', () => {
  it('cuts a batch into contiguous, even shares that cover it exactly (empty ones when it is smaller)', () => {
    expect(shares(64, 2)).to.deep.equal([
      [0, 32],
      [32, 64],
    ]);
    expect(shares(10, 3)).to.deep.equal([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(shares(1, 2)).to.deep.equal([
      [0, 0],
      [0, 1],
    ]);
    for (const [n, w] of [
      [64, 4],
      [7, 3],
      [33, 8],
    ] as const) {
      const s = shares(n, w);
      expect(s[0]![0]).to.equal(0);
      expect(s.at(-1)![1]).to.equal(n);
      for (let k = 1; k < w; k++) expect(s[k]![0]).to.equal(s[k - 1]![1]);
      const sizes = s.map(([a, b]) => b - a);
      expect(Math.max(...sizes) - Math.min(...sizes)).to.be.at.most(1);
    }
  });

  it('sums gradients in the given (share) order, rounding each addition to float32', () => {
    // 1 + 2⁻²⁴ + 2⁻²⁴ in float32: in this order each tiny part is rounded away; the other way round they count.
    const big = new Float32Array([1, 5]);
    const tiny = new Float32Array([2 ** -24, 0]);
    const a = sumInOrder([big, tiny, tiny]);
    const b = sumInOrder([tiny, tiny, big]);
    expect(Array.from(a)).to.deep.equal([1, 5]);
    expect(a[0]).to.not.equal(b[0]); // the order matters, so it must be fixed
    expect(b[0]).to.equal(Math.fround(Math.fround(2 ** -23) + 1));
    // A fresh array: the parts are not changed.
    expect(Array.from(big)).to.deep.equal([1, 5]);
    expect(() => sumInOrder([big, new Float32Array(3)])).to.throw(/3 values, expected 2/);
  });

  it('folds gradients in worker order into a given buffer: the same float32 additions as the lockstep sum', () => {
    const big = new Float32Array([1, 5]);
    const tiny = new Float32Array([2 ** -24, 0]);
    // Into one of the parts (a worker sums into its own gradient): read before written, element by element.
    const own = Float32Array.from(tiny);
    expect(Array.from(foldInOrder([big, tiny, own], own))).to.deep.equal([1, 5]);
    const again = Float32Array.from(tiny);
    expect(foldInOrder([tiny, again, big], again)[0]).to.equal(Math.fround(Math.fround(2 ** -23) + 1));
    // Two parts and many: bit for bit sumInOrder's (which adds into its first part).
    const r = mulberry32(3);
    const parts = [0, 1, 2].map(() =>
      Float32Array.from({ length: 1000 }, () => (r() - 0.5) * 10 ** (r() * 8 - 4)),
    );
    for (const n of [2, 3]) {
      const folded = foldInOrder(parts.slice(0, n), new Float32Array(1000));
      const summed = sumInOrder(parts.slice(0, n).map((p) => Float32Array.from(p)));
      expect(Array.from(folded)).to.deep.equal(Array.from(summed));
    }
    expect(() => foldInOrder([big, new Float32Array(3)], new Float32Array(2))).to.throw(
      /3 values, expected 2/,
    );
  });

  it('an exchange keeps gradients by pipeline and step, drops an ended pipeline’s, keeps the next one’s', () => {
    const sent: [number, PipeGrad][] = [];
    const ex = new GradExchange(1, 3, (k, m) => void sent.push([k, m]));
    const grad = (gen: number, step: number, from: number, v: number): PipeGrad => ({
      type: 'pgrad',
      gen,
      step,
      from,
      grads: new Float32Array([v, v]),
      loss: v,
      correct: 1,
      numTensors: 0,
    });
    // Posts a copy to each other worker (the leader 0 and helper 2), never to itself; its own stays.
    const own = new Float32Array([10, 20]);
    ex.post(0, own, { loss: 0.5, correct: 2, numTensors: 7 });
    expect(sent.map(([k]) => k)).to.deep.equal([0, 2]);
    expect(sent.every(([, m]) => m.grads !== own && m.from === 1 && m.step === 0)).to.equal(true);
    expect(Array.from(sent[0]![1].grads)).to.deep.equal([10, 20]);
    ex.receive(grad(0, 0, 0, 1));
    expect(ex.has(0)).to.equal(false); // helper 2's is still missing
    ex.receive(grad(1, 0, 2, 100)); // the next pipeline's, begun elsewhere: kept for later
    ex.receive(grad(0, 0, 2, 2));
    expect(ex.has(0)).to.equal(true);
    const { sum, others } = ex.reduce(0, own);
    expect(sum).to.equal(own);
    expect(Array.from(sum)).to.deep.equal([1 + 10 + 2, 1 + 20 + 2]);
    expect(others.map((m) => m.from)).to.deep.equal([0, 2]);
    ex.receive(grad(0, 1, 0, 5));
    ex.next(); // pipeline 0 ends: its step-1 gradient is dropped, pipeline 1's kept
    expect(ex.gen).to.equal(1);
    ex.receive(grad(0, 1, 2, 5)); // late, of the ended pipeline: dropped
    ex.receive(grad(1, 0, 0, 1));
    expect(ex.has(0)).to.equal(true);
    expect(ex.has(1)).to.equal(false);
    expect(Array.from(ex.reduce(0, new Float32Array([0, 0])).sum)).to.deep.equal([101, 101]);
  });

  it('a pipeline helper computes each share as it comes and applies each step’s sum after the next share', () => {
    // A stand-in replica: its gradient of a share is [share's label sum, step's weight marker]; it records every
    // update (sum and learning rate) and every share it computes.
    const log: string[] = [];
    let weight = 0;
    const source: GradientSource = {
      input: inputFormat(),
      setFlatWeights: (w) => void (weight = w[0]!),
      setLearningRate: (lr) => void log.push(`lr ${lr}`),
      applyFlat: (g) => {
        weight += g[0]!;
        log.push(`apply ${Array.from(g).join(',')}`);
      },
      numTensors: () => 3,
      shareGradients(_xs, labels) {
        const l = labels.reduce((a, v) => a + v, 0);
        log.push(`share ${l} at ${weight}`);
        return { grads: new Float32Array([l, weight]), loss: l / 10, correct: 1 };
      },
    };
    const out: [number, PipeMessage][] = [];
    const helper = new PipeHelper(source, 1, 2, (k, m) => void out.push([k, m]));
    const share = (gen: number, step: number, label: number, weights?: number): PipeMessage => ({
      type: 'pshare',
      gen,
      step,
      pixels: new Uint8Array(784),
      labels: Uint8Array.from([label]),
      divisor: 2,
      ...(weights !== undefined ? { weights: new Float32Array([weights]) } : {}),
    });
    const leader = (gen: number, step: number, g: number, lr: number): PipeGrad => ({
      type: 'pgrad',
      gen,
      step,
      from: 0,
      grads: new Float32Array([g, 0]),
      loss: 0,
      correct: 0,
      numTensors: 0,
      learningRate: lr,
    });
    helper.fromLeader(share(0, 0, 1, 1000) as never);
    helper.fromLeader(share(0, 1, 2) as never);
    helper.fromLeader(share(0, 2, 3) as never);
    // Steps 0 and 1 at the first weights; step 2 waits for step 0's update (the leader's gradient of it).
    expect(log).to.deep.equal(['share 1 at 1000', 'share 2 at 1000']);
    expect(out.map(([k, m]) => `${k}:${m.type}:${(m as PipeGrad).step}`)).to.deep.equal([
      '0:pgrad:0',
      '0:pgrad:1',
    ]);
    helper.exchange.receive(leader(0, 0, 10, 0.5));
    // Step 0's sum (leader's first: 10 + 1, and 0 + 1000), then share 2 at the updated weight.
    expect(log.slice(2)).to.deep.equal(['lr 0.5', 'apply 11,1000', 'share 3 at 1011']);
    // The leader ends the pipeline after 2 steps: step 1's update is applied, share 2's gradient is never summed.
    helper.fromLeader({ type: 'pend', gen: 0, steps: 2 } as never);
    expect(log.length).to.equal(5); // waits for the leader's gradient of step 1
    helper.exchange.receive(leader(0, 1, 20, 0.25));
    expect(log.slice(5)).to.deep.equal(['lr 0.25', 'apply 22,1000']);
    expect(helper.exchange.gen).to.equal(1);
    // A late message of the ended pipeline changes nothing; the next pipeline starts from its weights.
    helper.exchange.receive(leader(0, 2, 99, 9));
    helper.fromLeader(share(1, 0, 4, 7) as never);
    expect(log.slice(7)).to.deep.equal(['share 4 at 7']);
    // The share's buffers go back to the leader with the gradient; other helpers get the gradient only.
    const last = out.at(-1)![1] as PipeGrad;
    expect(last.gen).to.equal(1);
    expect(last.pixels!.length).to.equal(784);
  });

  it('a helper takes the leader’s next request, and tells its weights, only once the pipeline it ended is applied', async () => {
    // Helper 2 of 3 (real MessagePorts, as in the Workers). The leader's messages come on one port, helper 1's
    // gradients on another: the leader may end a pipeline and send its next lockstep share (or the page ask for
    // the replica's weights) while helper 1's last gradient is still on its way. Computing that share, or telling
    // the weights, before the pipeline's last update would give a gradient at other weights than the leader's.
    const log: string[] = [];
    let weight = 0;
    const source: GradientSource = {
      input: inputFormat(),
      setFlatWeights: (w) => void (weight = w[0]!),
      setLearningRate: () => {},
      applyFlat: (g) => {
        weight += g[0]!;
        log.push(`apply ${g[0]}`);
      },
      numTensors: () => 0,
      shareGradients(_xs, labels) {
        log.push(`share ${labels[0]} at ${weight}`);
        return { grads: new Float32Array([1, 0]), loss: 0, correct: 0 };
      },
    };
    const toLeader = new MessageChannel();
    const toPeer1 = new MessageChannel();
    const served = serveGradients(source, toLeader.port2, {
      me: 2,
      workers: 3,
      peers: [null, toPeer1.port2, null],
    });
    const replies: ShareReply[] = [];
    toLeader.port1.onmessage = (e) => {
      if (!('type' in e.data)) replies.push(e.data as ShareReply);
    };
    const tick = () => new Promise((r) => setTimeout(r, 30));
    const grad = (from: number, step: number, g: number): PipeGrad => ({
      type: 'pgrad',
      gen: 0,
      step,
      from,
      grads: new Float32Array([g, 0]),
      loss: 0,
      correct: 0,
      numTensors: 0,
      learningRate: 0.1,
    });
    const leader = toLeader.port1;
    for (const step of [0, 1])
      leader.postMessage({
        type: 'pshare',
        gen: 0,
        step,
        pixels: new Uint8Array(784),
        labels: Uint8Array.from([step]),
        divisor: 3,
        ...(step === 0 ? { weights: new Float32Array([100, 0]) } : {}),
      });
    leader.postMessage(grad(0, 0, 10));
    leader.postMessage(grad(0, 1, 20));
    toPeer1.port1.postMessage(grad(1, 0, 30));
    await tick();
    expect(log).to.deep.equal(['share 0 at 100', 'share 1 at 100', 'apply 41']);
    // The leader ends the pipeline after 2 steps and sends a lockstep share; helper 1's step 1 has not come yet.
    leader.postMessage({ type: 'pend', gen: 0, steps: 2 });
    leader.postMessage({
      type: 'share',
      pixels: new Uint8Array(784),
      labels: Uint8Array.from([7]),
      divisor: 1,
    });
    await tick();
    expect(log.slice(3), 'nothing before step 1 is summed').to.deep.equal([]);
    let told = false;
    const weights = served.settled().then(() => (told = true));
    await tick();
    expect([replies.length, told]).to.deep.equal([0, false]);
    toPeer1.port1.postMessage(grad(1, 1, 40));
    await weights;
    await tick();
    // Step 1's update (20 + 40 + 1), then the share at those weights; the weights told after that update.
    expect(log.slice(3)).to.deep.equal(['apply 61', 'share 7 at 202']);
    expect(replies).to.have.length(1);
    expect(replies[0]!.ok).to.equal(true);
    for (const p of [toLeader.port1, toLeader.port2, toPeer1.port1, toPeer1.port2]) p.close();
  });

  it('a pipeline helper that fails tells the leader, once, and computes nothing after', () => {
    const out: PipeMessage[] = [];
    let calls = 0;
    const source = {
      input: inputFormat(),
      setFlatWeights() {},
      setLearningRate() {},
      applyFlat() {},
      numTensors: () => 0,
      shareGradients() {
        calls++;
        throw new Error('out of memory');
      },
    } as GradientSource;
    const helper = new PipeHelper(source, 1, 2, (_k, m) => void out.push(m));
    for (const step of [0, 1])
      helper.fromLeader({
        type: 'pshare',
        gen: 0,
        step,
        pixels: new Uint8Array(784),
        labels: Uint8Array.from([1]),
        divisor: 1,
      });
    expect(calls).to.equal(1);
    expect(out).to.have.length(1);
    expect(out[0]).to.include({ type: 'pfail', message: 'out of memory' });
  });

  it('"auto" gives each worker a share of 32 examples or more, up to the cores less one (at most 4); 1 without a convolution', () => {
    // The lesson's cnn at batch 64: 2 shares of 32 wherever a core is left to the page.
    expect([1, 2, 3, 4, 6, 8, 16].map((c) => resolveWorkers('auto', c))).to.deep.equal([1, 1, 2, 2, 2, 2, 2]);
    const cnn = (batchSize: number) => ({ batchSize, convolutional: true });
    expect([1, 2, 3, 4, 5, 8].map((c) => resolveWorkers('auto', c, cnn(128)))).to.deep.equal([
      1, 1, 2, 3, 4, 4,
    ]);
    expect(resolveWorkers('auto', 16, cnn(512))).to.equal(4);
    expect(resolveWorkers('auto', 8, cnn(20))).to.equal(1); // the notebook's batch: shares of 10
    expect(resolveWorkers('auto', 8, cnn(63))).to.equal(1);
    expect(resolveWorkers('auto', 8, { batchSize: 256, convolutional: false })).to.equal(1); // the fnn
    expect(resolveWorkers('auto', undefined)).to.equal(1);
    expect(resolveWorkers('auto', 0)).to.equal(1);
    expect(resolveWorkers(undefined, 4)).to.equal(2);
    expect(resolveWorkers(3, 2, { batchSize: 8, convolutional: false })).to.equal(3); // asked for: as asked
  });

  it('fills a batch into the arrays of the previous one when the sizes fit, one-hot targets cleared', () => {
    const input = inputFormat();
    const split = {
      images: Uint8Array.from({ length: 3 * 784 }, (_, i) => i % 256),
      labels: Uint8Array.from([3, 7, 1]),
      count: 3,
    };
    const first = fillBatch(split, [0, 1], 0, 2, input);
    const again = fillBatch(split, [2, 0], 0, 2, input, first);
    expect(again.xs).to.equal(first.xs); // the same arrays…
    expect(again.oneHot).to.equal(first.oneHot);
    const fresh = fillBatch(split, [2, 0], 0, 2, input);
    // …with exactly what new ones would hold: example 1's label 7 no longer marked.
    expect(Array.from(again.xs)).to.deep.equal(Array.from(fresh.xs));
    expect(Array.from(again.labels)).to.deep.equal([1, 3]);
    expect(Array.from(again.oneHot)).to.deep.equal(Array.from(fresh.oneHot));
    expect(again.oneHot.reduce((a, v) => a + v, 0)).to.equal(2);
    // Another size: new arrays.
    expect(fillBatch(split, [0, 1, 2], 0, 3, input, again).xs).to.not.equal(again.xs);
  });

  it('reads tensors into a given flat buffer (straight from the WASM heap), and refuses one of another size', async () => {
    const { tf, backend } = await getTf('wasm');
    expect(backend).to.equal('wasm');
    const a = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const b = tf.tensor1d([5, -6, 7]);
    try {
      const out = new Float32Array(7).fill(NaN);
      expect(readFlat([a, b], out)).to.equal(out);
      expect(Array.from(out)).to.deep.equal([1, 2, 3, 4, 5, -6, 7]);
      expect(Array.from(readFlat([b, a]))).to.deep.equal([5, -6, 7, 1, 2, 3, 4]);
      expect(() => readFlat([a, b], new Float32Array(6))).to.throw(/6 values given, 7 needed/);
    } finally {
      tf.dispose([a, b]);
    }
  });

  it("a helper answers each share in the buffers it was sent: the update's for the gradient, the share's own back", async () => {
    // A stand-in replica: its gradient is the share's standardised pixel sum and label sum per slot, so a stale
    // or shared buffer shows in the numbers.
    /** The length of the buffer each share was given to read its gradient into (it leaves with the reply). */
    const outs: (number | null)[] = [];
    const applied: number[][] = [];
    const seen: { xs: number[]; labels: number[]; oneHot: number }[] = [];
    const source: GradientSource = {
      input: inputFormat(),
      setFlatWeights() {},
      setLearningRate() {},
      applyFlat: (flat) => void applied.push(Array.from(flat)),
      numTensors: () => 0,
      shareGradients(xs, labels, oneHot, divisor, out) {
        outs.push(out ? out.length : null);
        seen.push({
          xs: Array.from(xs.slice(0, 2)),
          labels: Array.from(labels),
          oneHot: oneHot.reduce((a, v) => a + v, 0),
        });
        const grads = out && out.length === 3 ? out : new Float32Array(3);
        grads[0] = xs.reduce((a, v) => a + v, 0);
        grads[1] = labels.reduce((a, v) => a + v, 0);
        grads[2] = divisor;
        return { grads, loss: 0.5, correct: 1 };
      },
    };
    const { port1, port2 } = new MessageChannel();
    serveGradients(source, port2);
    const replies: ShareReply[] = [];
    port1.onmessage = (e: MessageEvent<ShareReply>) => void replies.push(e.data);
    const next = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (replies.length >= count ? resolve() : setTimeout(check, 5));
        check();
      });
    const share = (labels: number[], value: number) => {
      const pixels = new Uint8Array(labels.length * 784).fill(value);
      port1.postMessage({ type: 'share', pixels, labels: Uint8Array.from(labels), divisor: 4 }, [
        pixels.buffer,
      ]);
    };
    share([2, 5], 0);
    await next(1);
    port1.postMessage({ type: 'update', grads: new Float32Array([9, 8, 7]), learningRate: 0.1 });
    share([4, 1], 255);
    await next(2);
    expect(applied).to.deep.equal([[9, 8, 7]]);
    // The first share had no buffer to reuse; the second was read into the update's.
    expect(outs).to.deep.equal([null, 3]);
    const [r1, r2] = replies as Extract<ShareReply, { ok: true }>[];
    expect(r1!.ok && r2!.ok).to.equal(true);
    const t = inputFormat().tables[0]!;
    expect(Array.from(r1!.grads)).to.deep.equal([Math.fround(t[0]! * 1568), 7, 4].map(Math.fround));
    expect(r2!.grads[1]).to.equal(5);
    expect(r2!.grads[0]).to.be.closeTo(t[255]! * 1568, 1e-2);
    // The second batch reused the first one's arrays: its one-hot holds only its own two labels.
    expect(seen[1]).to.deep.equal({ xs: [t[255]!, t[255]!].map(Math.fround), labels: [4, 1], oneHot: 2 });
    // Each reply sends the share's own bytes back, for the leader's next share.
    expect(r2!.pixels!.length).to.equal(2 * 784);
    expect(r2!.pixels![0]).to.equal(255);
    expect(Array.from(r2!.labels!)).to.deep.equal([4, 1]);
    port1.close();
  });

  it('validates `workers` like every other setting', () => {
    expect(resolveConfig({})).to.include({ workers: 'auto' });
    expect(resolveConfig({ workers: 2 })).to.include({ workers: 2 });
    for (const bad of [0, 9, 1.5, -1, 'two', NaN]) {
      const r = resolveConfig({ workers: bad as number });
      // The English, the field, and the message as data (said in the reader's language by the element).
      expect(r, String(bad)).to.deep.equal({
        error: 'workers must be "auto" or a whole number from 1 to 8.',
        field: 'workers',
        message: {
          key: 'config.workers',
          params: { max: 8 },
          text: 'workers must be "auto" or a whole number from 1 to 8.',
        },
      });
    }
  });
});

describe('data-parallel: training in several Workers (wasm)', function () {
  this.timeout(120000);

  it('is reproducible: the same seed and workers give the same losses and weights; lockstep close to one worker', async () => {
    const a = await run({ seed: 5, workers: 2 });
    const b = await run({ seed: 5, workers: 2 });
    const one = await run({ seed: 5, workers: 1 });
    expect(a.workers).to.equal(2);
    expect(one.workers).to.equal(1);
    expect(a.losses).to.have.length(12);
    expect(b.losses).to.deep.equal(a.losses);
    expect(b.weights).to.deep.equal(a.weights);
    // The same maths as the whole batch in one worker: the first loss (before any update) agrees to float
    // rounding, and the whole curve stays close (the sums are cut differently, so not bit for bit).
    expect(Math.abs(a.losses[0]! - one.losses[0]!)).to.be.below(1e-5);
    const gap = Math.max(...a.losses.map((l, i) => Math.abs(l - one.losses[i]!)));
    expect(gap, 'largest loss difference from one worker').to.be.below(0.05);
  });

  it('the pipeline is exactly its maths: each batch’s gradient at the weights one update before, summed in order', async () => {
    // The run in 2 Workers against the same steps taken here, on this thread's wasm: batch k's two shares' gradients
    // at the weights after k − 1 updates (batches 0 and 1 both at the initial ones), folded share 0 first, applied
    // after batch k + 1's are computed with batch k's learning rate, the last one at the epoch's end.
    const options = { seed: 8, workers: 2, epochs: 2, lrSchedule: 'cosine' as const, pipeline: true };
    const a = await run(options);
    const b = await run(options);
    expect(a.workers).to.equal(2);
    expect(b.losses).to.deep.equal(a.losses);
    expect(b.weights).to.deep.equal(a.weights);

    const config = resolveConfig({
      ...options,
      trainSize: 120,
      testSize: 20,
      batchSize: 20,
      learningRate: 0.01,
    });
    if ('error' in config) throw new Error(config.error);
    const core = await TrainerCore.create({ ...config, backend: 'wasm' }, DATA, { sliceMs: null });
    try {
      const { batchSize, epochs, trainSize: n } = config;
      const batches = Math.ceil(n / batchSize);
      const random = mulberry32(deriveSeed(config.seed, 'shuffle'));
      const order = new Uint32Array(n);
      const losses: number[] = [];
      for (let epoch = 1; epoch <= epochs; epoch++) {
        for (let i = 0; i < n; i++) order[i] = i;
        shuffledIndices(n, random, order);
        let pending: { sum: Float32Array; lr: number; loss: number } | null = null;
        const apply = () => {
          core.setLearningRate(pending!.lr);
          core.applyFlat(pending!.sum);
          losses.push(pending!.loss);
        };
        for (let k = 0; k < batches; k++) {
          const parts = shares(batchSize, 2).map(([s0, s1]) => {
            const { xs, labels, oneHot } = fillBatch(
              DATA.train,
              order,
              k * batchSize + s0,
              s1 - s0,
              core.input,
            );
            return core.shareGradients(xs, labels, oneHot, batchSize);
          });
          const lr = learningRateAt(config, (epoch - 1) * batches + k, epochs * batches);
          if (pending) apply();
          const sum = foldInOrder(
            parts.map((p) => p.grads),
            new Float32Array(parts[0]!.grads.length),
          );
          pending = { sum, lr, loss: parts[0]!.loss + parts[1]!.loss };
        }
        apply(); // the epoch's last update, before its evaluation
      }
      expect(a.losses).to.have.length(12);
      expect(a.losses).to.deep.equal(losses);
      expect(a.weights).to.deep.equal(
        core.model.weights.map((w) => Array.from(w.variable.dataSync() as Float32Array)),
      );
    } finally {
      core.dispose();
    }
  });

  /** A run on a machine of `cores` logical cores (as `navigator.hardwareConcurrency` says). */
  async function onCores(cores: number, options: SessionOptions) {
    const own = navigator.hardwareConcurrency;
    Object.defineProperty(navigator, 'hardwareConcurrency', { value: cores, configurable: true });
    try {
      return await run(options);
    } finally {
      delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency; // the prototype's getter again
      expect(navigator.hardwareConcurrency).to.equal(own);
    }
  }

  it('asked for 2 Workers on a GPU backend, trains in one: the helpers are let go, the run goes on', async function () {
    // On a GPU the leader alone trains (one GPU): the helpers it was given are disposed at init. Their end used to
    // be taken for a crash — "A training helper worker stopped" — and the run failed: every cnn run on WebGL or
    // WebGPU of a reader whose `auto` meant 2 Workers.
    if (detectWebGl().kind === 'unavailable') this.skip();
    const s = new TrainingSession({
      data: DATA,
      trainSize: 40,
      testSize: 20,
      epochs: 1,
      batchSize: 20,
      backend: 'webgl',
      thread: 'worker',
      workers: 2,
    });
    try {
      await s.start();
      expect(s.error?.message ?? null).to.equal(null);
      expect(s.state).to.equal('done');
      expect(s.backend).to.equal('webgl');
      expect(s.workers).to.equal(1);
      expect(s.history.batches).to.have.length(2);
    } finally {
      s.dispose();
    }
  });

  it('one worker is exactly the single-Worker path: the same losses as a run that asks for no workers at all', async () => {
    // `workers: 1` and a run where 'auto' means 1 (the notebook's small batch of 20 here) must both be today's
    // single Worker, number for number.
    const one = await run({ seed: 9, workers: 1 });
    const auto = await onCores(8, { seed: 9 });
    expect(auto.workers).to.equal(1);
    expect(auto.losses).to.deep.equal(one.losses);
    expect(auto.weights).to.deep.equal(one.weights);
  });

  it('"auto" trains the cnn at batch 64 in 2 Workers on 3 cores, in 1 on 2 cores, and the fnn in 1', async () => {
    const big = { seed: 2, batchSize: 64, trainSize: 128, epochs: 1 };
    const two = await onCores(3, big);
    expect(two.workers).to.equal(2);
    const asked = await run({ ...big, workers: 2 });
    expect(two.losses).to.deep.equal(asked.losses); // auto's 2 are the very same as 2 asked for
    expect((await onCores(2, big)).workers).to.equal(1);
    expect((await onCores(8, { ...big, model: 'fnn' })).workers).to.equal(1);
  });

  it('asked for a pipeline in 3 workers, steps in lockstep: the very same numbers', async () => {
    const piped = await run({ seed: 5, workers: 3, pipeline: true });
    const lockstep = await run({ seed: 5, workers: 3 });
    expect(piped.workers).to.equal(3);
    expect(piped.losses).to.deep.equal(lockstep.losses);
    expect(piped.weights).to.deep.equal(lockstep.weights);
  });

  // In lockstep (the default) and in a pipeline (training/pipeline.ts): the same guarantees.
  for (const pipeline of [false, true]) {
    const scheme = pipeline ? ' (pipeline)' : '';
    it(`keeps every helper's replica exactly the leader's model: after training, after setWeights and a fine-tune${scheme}`, async () => {
      const s = new TrainingSession({
        data: DATA,
        // The last batch is 1 example: shares of 0, 0 and 1 — the leader's and one helper's empty, and the step's
        // gradient all from the last helper, which every worker must still apply (with share 0's learning rate).
        trainSize: 101,
        testSize: 20,
        epochs: 1,
        batchSize: 20,
        learningRate: 0.01,
        evaluateEachEpoch: false,
        backend: 'wasm',
        thread: 'worker',
        workers: pipeline ? 2 : 3, // a pipeline runs in 2 workers only (in 3 it steps in lockstep)
        seed: 4,
        pipeline,
      });
      try {
        await s.start();
        expect(s.state).to.equal('done');
        expect(s.workers).to.equal(pipeline ? 2 : 3);
        expect(s.history.batches).to.have.length(6); // 5 of 20, then 1
        let per = await s.weightsPerWorker();
        expect(per).to.have.length(pipeline ? 2 : 3);
        const initial = per[0]!;
        per.slice(1).forEach((w, k) => expect(differ(w, initial), `helper ${k + 1}`).to.equal(0));
        // Weights set from the page (halved), then a fine-tune whose steps every replica takes from them.
        await s.setWeights(per[0]!.map((w) => ({ ...w, data: w.data.map((v) => v / 2) })));
        const examples = [0, 1, 2, 3].map((label) => ({
          pixels: new Float32Array(784).map((_, p) => ((p * 7 + label * 13) % 11) / 10),
          label,
        }));
        await s.fineTune(examples, { steps: 3 });
        per = await s.weightsPerWorker();
        const tuned = per[0]!;
        expect(differ(tuned, initial), 'changed by the fine-tune').to.be.above(0);
        per.slice(1).forEach((w, k) => expect(differ(w, tuned), `helper ${k + 1}`).to.equal(0));
      } finally {
        s.dispose();
      }
    });

    it(`weights set while paused reach every replica before the next batch (the shares posted ahead are dropped)${scheme}`, async () => {
      const s = longRun({ batchSize: 20, seed: 6, pipeline });
      try {
        const first = until(s, 'train-batch');
        void s.start();
        await first;
        s.pause();
        await new Promise((r) => setTimeout(r, 300));
        const [leader] = await s.weightsPerWorker();
        await s.setWeights(leader!.map((w) => ({ ...w, data: w.data.map((v) => v / 2) })));
        const more = s.history.batches.length + 3;
        s.resume();
        while (s.history.batches.length < more) await until(s, 'train-batch');
        s.stop();
        await new Promise((r) => setTimeout(r, 300));
        const per = await s.weightsPerWorker();
        expect(per).to.have.length(2);
        expect(differ(per[1]!, per[0]!), 'values the helper holds otherwise').to.equal(0);
      } finally {
        s.dispose();
      }
    });

    it(`weights set while it trains, between any two messages of a step, reach every replica${scheme}`, async () => {
      // A setWeights that the leader handled while it waited for the helpers' shares used to be sent with the
      // shares posted ahead, which the helpers then set over the step's update the leader still applied: the
      // replicas drifted from the leader, silently.
      const s = longRun({ batchSize: 10, seed: 7, pipeline });
      try {
        const first = until(s, 'train-batch');
        void s.start();
        await first;
        const [leader] = await s.weightsPerWorker();
        // Sets at random moments of the running steps (the timers do not wait for batches); after each, two more
        // batches and a look at every replica. A set lands in a step's wait for the shares about one time in four.
        for (let i = 0; i < 16; i++) {
          await new Promise((r) => setTimeout(r, Math.random() * 4));
          await s.setWeights(leader!.map((w) => ({ ...w, data: w.data.map((v) => v * (1 - i / 1000)) })));
          const more = s.history.batches.length + 2;
          while (s.history.batches.length < more) await until(s, 'train-batch');
          s.pause();
          await new Promise((r) => setTimeout(r, 150));
          const per = await s.weightsPerWorker();
          expect(per).to.have.length(2);
          expect(differ(per[1]!, per[0]!), `values the helper holds otherwise after set ${i + 1}`).to.equal(
            0,
          );
          s.resume();
        }
      } finally {
        s.dispose();
      }
    });

    it(`frees every tensor in every worker: each count constant from the 2nd batch on${scheme}`, async () => {
      const r = await run({ seed: 3, workers: 3, trainSize: 100, pipeline });
      expect(r.workers).to.equal(3);
      // From the 2nd (a pipeline's: the 3rd), the first gradients being taken before any update made Adam's slots.
      const per = r.batches.slice(pipeline ? 2 : 1).map((b: BatchInfo) => b.workerTensors!);
      expect(per[0]).to.have.length(3);
      for (let w = 0; w < 3; w++) expect(new Set(per.map((p) => p[w])).size, `worker ${w}`).to.equal(1);
      expect(r.perWorker).to.deep.equal(per.at(-1));
    });

    it(`pauses and stops within one batch, and after dispose every worker is gone and no batch arrives${scheme}`, async () => {
      const terminated: Worker[] = [];
      const terminate = Worker.prototype.terminate;
      Worker.prototype.terminate = function (this: Worker) {
        terminated.push(this);
        terminate.call(this);
      };
      try {
        const s = new TrainingSession({
          data: DATA,
          trainSize: 200,
          testSize: 20,
          epochs: 200,
          batchSize: 20,
          backend: 'wasm',
          thread: 'worker',
          workers: 2,
          pipeline,
        });
        let batches = 0;
        s.addEventListener('train-batch', () => batches++);
        const started = until(s, 'train-batch');
        void s.start();
        await started;
        expect(s.workers).to.equal(2);
        // The batch in flight may still report (late on a busy machine): wait for a quiet 400 ms, at most 5 s (a
        // run that does not pause is never quiet).
        const quiet = async () => {
          for (let t0 = performance.now(), seen = -1; seen !== batches && performance.now() - t0 < 5000;) {
            seen = batches;
            await new Promise((r) => setTimeout(r, 400));
          }
        };
        s.pause();
        await quiet();
        const atPause = batches;
        await new Promise((r) => setTimeout(r, 700));
        expect(batches - atPause, 'batches while paused').to.equal(0);
        s.resume();
        await until(s, 'train-batch');
        // A stop is seen after the batch in flight and ends the run there (a pipeline's last update applied):
        // resumed and stopped in one go from a pause, what is counted is mostly the Worker's own batches, not the
        // page's delay (a stop sent while it runs was heard 5 batches later in CI).
        s.pause();
        await quiet();
        const before = batches;
        const end = until(s, 'train-end');
        s.resume();
        s.stop();
        expect((await end).detail.stopped).to.equal(true);
        // The Worker sees the stop after the batch it starts on resuming, once the message is delivered: on a
        // loaded machine that can be a batch or two later (2 seen under load). A stop not heard would run on to
        // the end of 200 epochs (2,000 batches).
        expect(batches - before, 'batches between stop and train-end').to.be.at.most(5);

        // A second run, disposed while training: every Worker terminated, no event after.
        const t = new TrainingSession({ ...s.config, workers: 2 });
        let late = 0;
        const first = until(t, 'train-batch');
        void t.start();
        await first;
        terminated.length = 0;
        t.dispose();
        expect(terminated, 'workers terminated by dispose').to.have.length(2);
        t.addEventListener('train-batch', () => late++);
        await new Promise((r) => setTimeout(r, 500));
        expect(late, 'batch events after dispose').to.equal(0);
        s.dispose();
      } finally {
        Worker.prototype.terminate = terminate;
      }
    });
  }
});
