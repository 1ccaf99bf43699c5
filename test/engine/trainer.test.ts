import { expect } from '@esm-bundle/chai';
import {
  getTf,
  TrainingSession,
  resolveConfig,
  learningRateAt,
  PRESETS,
  type BatchInfo,
  type SessionOptions,
} from '../../src/engine/tensor.js';
import { synthetic } from './fixtures/synthetic.js';
import { workerHasWebGl2 } from '../helpers.js';
import { startTrainWorker, trainWorkerUrl } from '../../src/engine/worker/spawn.js';
import { messageOf } from '../../src/engine/messages.js';

const DATA = { train: synthetic(200, 1), test: synthetic(100, 2) };

/**
 * Whether this browser reports long tasks at all: the Long Tasks API is Chromium's alone. Firefox and WebKit
 * ignore `observe({ type: 'longtask' })`, so a "no long task" assertion there would pass without checking anything.
 */
const hasLongTasks = () => PerformanceObserver.supportedEntryTypes?.includes('longtask') === true;

/**
 * Long tasks (over 50 ms) on this page's thread from start() to stop(). The observer's entries arrive a task
 * later, so stop() waits for them and takes what is still queued: disconnecting at once would drop the last ones.
 */
function longTasks() {
  const seen: number[] = [];
  const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration)));
  return {
    start: () => obs.observe({ type: 'longtask' }),
    stop: async () => {
      await new Promise((r) => setTimeout(r, 100));
      seen.push(...obs.takeRecords().map((e) => e.duration));
      obs.disconnect();
      return seen.map(Math.round);
    },
  };
}

/** A short seeded run (3 batches × 2 epochs, no evaluation): its losses, every weight's values, its thread. */
async function seededRun(options: SessionOptions) {
  const s = new TrainingSession({
    data: DATA,
    trainSize: 60,
    testSize: 20,
    epochs: 2,
    batchSize: 20,
    learningRate: 0.01,
    evaluateEachEpoch: false,
    ...options,
  });
  await s.start();
  expect(s.state).to.equal('done');
  const weights = (await s.weights()).map((w) => Array.from(w.data));
  const thread = s.thread;
  s.dispose();
  return { losses: s.history.batches.map((b) => b.loss), weights, thread };
}

const until = (s: TrainingSession, name: string) =>
  new Promise<CustomEvent>((resolve) =>
    s.addEventListener(name, (e) => resolve(e as CustomEvent), { once: true }),
  );

describe('trainer: configuration', () => {
  it('fills defaults, applies the notebook preset, and refuses bad settings with a sentence', () => {
    const d = resolveConfig({});
    expect(d).to.include({
      model: 'cnn',
      batchSize: 64,
      learningRate: 0.001,
      optimizer: 'adam',
      backend: 'auto',
      epochs: 2,
      trainSize: 60000,
      testSize: 10000, // evaluation on the whole MNIST test set
      seed: 1234,
    });
    const nb = resolveConfig({}, 'notebook');
    expect(nb).to.include({
      trainSize: 500,
      testSize: 500,
      batchSize: 20,
      learningRate: 0.01,
      epochs: 200,
      seed: 1234,
    });
    expect(resolveConfig({ epochs: 3 }, 'notebook')).to.include({ epochs: 3, batchSize: 20 });
    expect(PRESETS.notebook.optimizer).to.equal('adam');
    for (const bad of [
      { epochs: 0 },
      { batchSize: 1.5 },
      { learningRate: NaN },
      { model: 'rnn' },
      { backend: 'gpu' },
    ]) {
      const r = resolveConfig(bad as never);
      expect(r, JSON.stringify(bad)).to.have.property('error').that.is.a('string');
    }
    expect(() => new TrainingSession({ epochs: -1 })).to.throw(RangeError, /epochs/);
    // The message travels with the RangeError, for an element to say it in the reader's language.
    let thrown: unknown;
    try {
      new TrainingSession({ epochs: -1 });
    } catch (e) {
      thrown = e;
    }
    expect(messageOf(thrown)).to.deep.include({ key: 'config.epochs', params: { max: 10000 } });
  });

  it('schedules the learning rate: cooldown by default, constant for the notebook, cosine on request', () => {
    expect(resolveConfig({})).to.include({ lrSchedule: 'cooldown' });
    expect(resolveConfig({}, 'notebook')).to.include({ lrSchedule: 'constant' });
    expect(resolveConfig({ lrSchedule: 'cosine' }, 'notebook')).to.include({ lrSchedule: 'cosine' });
    for (const bad of ['linear', '', 'Cooldown', 3]) {
      const r = resolveConfig({ lrSchedule: bad as never });
      expect(r, String(bad))
        .to.have.property('error')
        .that.matches(/^learning-rate schedule must be/);
    }
    const lr = 0.001;
    const at = (lrSchedule: 'constant' | 'cooldown' | 'cosine', total: number) =>
      Array.from({ length: total }, (_, i) => learningRateAt({ learningRate: lr, lrSchedule }, i, total));
    expect(at('constant', 50).every((v) => v === lr)).to.equal(true);
    // cooldown: the first 80 % of the updates at the full rate, then a straight line towards 0.
    const c = at('cooldown', 50);
    expect(c.slice(0, 41).every((v) => v === lr)).to.equal(true);
    for (let i = 41; i < 50; i++) {
      expect(c[i]!).to.be.below(c[i - 1]!);
      expect(c[i]!).to.be.closeTo((lr * (50 - i)) / 10, 1e-12);
    }
    expect(c[49]!).to.be.above(0);
    // cosine: the full rate first, half of it halfway, then down towards 0
    const k = at('cosine', 100);
    expect(k[0]).to.equal(lr);
    expect(k[50]!).to.be.closeTo(lr / 2, 1e-12);
    for (let i = 1; i < 100; i++) expect(k[i]!).to.be.below(k[i - 1]!);
    expect(k[99]!)
      .to.be.above(0)
      .and.below(lr / 1000);
    // a single update (or nonsense totals) keeps the rate as given: never NaN, never 0
    for (const s of ['cooldown', 'cosine'] as const) {
      expect(learningRateAt({ learningRate: lr, lrSchedule: s }, 0, 1)).to.equal(lr);
      expect(learningRateAt({ learningRate: lr, lrSchedule: s }, 0, NaN)).to.equal(lr);
      expect(learningRateAt({ learningRate: lr, lrSchedule: s }, 99, 10)).to.be.above(0);
    }
  });
});

describe('trainer: main-thread loop (time-sliced)', () => {
  it('learns, reports per batch and epoch, evaluates with a confusion matrix (rows = actual)', async () => {
    // A test set with known mistakes: the class-3 images (bar at row 10) are labelled 5. The net, trained on
    // correct labels, predicts 3 for them: they must land in row 5 (actual), column 3 (predicted), which a
    // transposed matrix or a perfect score would not show.
    const mislabelled = { ...DATA.test, labels: DATA.test.labels.map((l) => (l === 3 ? 5 : l)) };
    const s = new TrainingSession({
      data: { train: DATA.train, test: mislabelled },
      trainSize: 200,
      testSize: 100,
      epochs: 3,
      batchSize: 20,
      learningRate: 0.01,
      seed: 7,
      backend: 'wasm',
      thread: 'main',
    });
    const states: string[] = [];
    s.addEventListener('state', (e) => states.push((e as CustomEvent).detail));
    const started = until(s, 'train-start');
    const ended = until(s, 'train-end');
    await s.start();
    expect((await started).detail).to.include({
      backend: 'wasm',
      thread: 'main',
      batchesPerEpoch: 10,
      trainSize: 200,
    });
    expect((await ended).detail.stopped).to.equal(false);
    expect(states).to.deep.equal(['loading', 'training', 'done']);
    expect(s.backend).to.equal('wasm');
    expect(s.history.batches).to.have.length(30);
    expect(s.history.epochs.map((e) => e.epoch)).to.deep.equal([1, 2, 3]);
    const b = s.history.batches;
    expect(b[0]).to.include({ epoch: 1, batch: 1, batches: 10 });
    expect(b.at(-1)).to.include({ epoch: 3, batch: 10 });
    expect(b.every((x) => Number.isFinite(x.loss) && x.imagesPerSecond > 0)).to.equal(true);
    // it learns: the last epoch's loss is well below the first batch's (ln 10 ≈ 2.3 at chance)
    expect(b[0]!.loss).to.be.above(1.8);
    expect(s.history.epochs[2]!.loss).to.be.below(b[0]!.loss / 2);
    expect(s.testAccuracy).to.be.within(0.7, 0.9); // at most 90 %: a tenth of the labels are wrong
    const m = s.confusion!;
    expect(m).to.have.length(10);
    // rows are actual classes: 10 test images of each class, none actually 3, 20 actually 5
    const rowSums = m.map((row) => row.reduce((a, c) => a + c, 0));
    expect(rowSums).to.deep.equal([10, 10, 10, 0, 10, 20, 10, 10, 10, 10]);
    expect(m[5]![3]).to.be.at.least(8); // actual 5 (the relabelled 3s), predicted 3
    expect(m[3]![5]).to.equal(0);
    const diag = m.reduce((a, row, i) => a + row[i]!, 0);
    expect(diag / 100).to.equal(s.testAccuracy);
    // testExamples finds images by (actual, predicted): actual 5, predicted 3 are the relabelled bars at row 10
    const ex = await s.testExamples(5, 3, 2);
    expect(ex.length).to.equal(2);
    for (const e of ex) {
      expect(mislabelled.labels[e.index]).to.equal(5);
      expect(DATA.test.labels[e.index]).to.equal(3);
    }
    const probs = await s.predict(
      new Float32Array(Array.from(DATA.test.images.subarray(0, 784 * 2), (v) => v / 255)),
      2,
    );
    expect(probs).to.have.length(20);
    expect(probs.slice(0, 10).reduce((a, v) => a + v, 0)).to.be.closeTo(1, 1e-4);
    // predict() (0..1 pixels in) agrees with the evaluation's own predictions on the whole test set: the input
    // preprocessing of both paths is the same.
    const n = DATA.test.count;
    const all = await s.predict(
      new Float32Array(Array.from(DATA.test.images.subarray(0, 784 * n), (v) => v / 255)),
      n,
    );
    let agree = 0;
    for (let i = 0; i < n; i++) {
      const row = Array.from(all.subarray(i * 10, i * 10 + 10));
      const guess = row.indexOf(Math.max(...row));
      if (m[mislabelled.labels[i]!]![guess]! > 0) agree++;
    }
    expect(agree).to.equal(n);
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const row = Array.from(all.subarray(i * 10, i * 10 + 10));
      if (row.indexOf(Math.max(...row)) === mislabelled.labels[i]) correct++;
    }
    expect(correct / n).to.be.closeTo(s.testAccuracy!, 0.011);
    const acts = await s.activations(new Float32Array(784), ['conv1', 'pool2', 'fc3']);
    expect(acts.conv1!.shape).to.deep.equal([26, 26, 16]);
    expect(acts.pool2!.shape).to.deep.equal([5, 5, 10]);
    expect(acts.fc3!.data).to.have.length(10);
    s.dispose();
  });

  it('is seeded: same seed → identical loss curve and weights; another seed → another', async () => {
    const run = async (seed: number, optimizer: 'adam' | 'sgd' = 'adam', momentum?: number) => {
      const r = await seededRun({
        ...(momentum == null ? {} : { momentum }),
        seed,
        backend: 'cpu',
        thread: 'main',
        optimizer,
      });
      return { losses: r.losses, w: r.weights[0]! };
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(a.losses).to.have.length(6);
    expect(b.losses).to.deep.equal(a.losses);
    expect(b.w).to.deep.equal(a.w);
    expect(c.losses).to.not.deep.equal(a.losses);
    const sgd = await run(5, 'sgd');
    expect(sgd.losses).to.not.deep.equal(a.losses);
    expect(sgd.losses.every(Number.isFinite)).to.equal(true);
    // SGD's momentum is applied: the first update is the same with or without it (the velocity starts at the
    // gradient), the second is not, so the losses agree for two batches and differ from the third on.
    const plain = await run(5, 'sgd', 0);
    expect(plain.losses.slice(0, 2)).to.deep.equal(sgd.losses.slice(0, 2));
    expect(plain.losses[2]).to.not.equal(sgd.losses[2]);
  });

  it('applies the schedule to the optimizer: a cooldown run matches a constant one until the cooldown starts', async () => {
    const run = async (lrSchedule: 'constant' | 'cooldown', optimizer: 'adam' | 'sgd') => {
      const s = new TrainingSession({
        data: DATA,
        trainSize: 100,
        testSize: 20,
        epochs: 3,
        batchSize: 10,
        seed: 3,
        backend: 'cpu',
        thread: 'main',
        model: 'fnn',
        optimizer,
        learningRate: 0.01,
        lrSchedule,
        evaluateEachEpoch: false,
      });
      await s.start();
      expect(s.state).to.equal('done');
      s.dispose();
      return s.history.batches;
    };
    for (const optimizer of ['adam', 'sgd'] as const) {
      const constant = await run('constant', optimizer);
      const cooldown = await run('cooldown', optimizer);
      expect(constant).to.have.length(30);
      // 30 updates: 0..24 at the full rate; update 25 is the first slower one, seen in batch 27's loss.
      const rates = cooldown.map((b) => b.learningRate);
      expect(rates).to.deep.equal(
        Array.from({ length: 30 }, (_, i) =>
          learningRateAt({ learningRate: 0.01, lrSchedule: 'cooldown' }, i, 30),
        ),
      );
      expect(constant.every((b) => b.learningRate === 0.01)).to.equal(true);
      const loss = (h: BatchInfo[]) => h.map((b) => b.loss);
      expect(loss(cooldown).slice(0, 26), optimizer).to.deep.equal(loss(constant).slice(0, 26));
      expect(loss(cooldown).slice(26), optimizer).to.not.deep.equal(loss(constant).slice(26));
    }
  });

  it('frees every tensor: constant count per batch, back to the baseline after dispose', async () => {
    const { tf } = await getTf('wasm');
    const before = tf.memory().numTensors;
    const s = new TrainingSession({
      data: DATA,
      trainSize: 100,
      testSize: 20,
      epochs: 2,
      batchSize: 10,
      backend: 'wasm',
      thread: 'main',
      model: 'fnn',
    });
    await s.start();
    const counts = s.history.batches.slice(1).map((b) => b.numTensors);
    expect(new Set(counts).size, String(counts)).to.equal(1);
    s.dispose();
    await new Promise((r) => setTimeout(r, 0));
    expect(tf.memory().numTensors).to.equal(before);
    // The cnn's batch of 64 is cut into slices whose gradients are summed before one update (the main thread's
    // own path): no tensor may survive a slice either.
    const c = new TrainingSession({
      data: DATA,
      trainSize: 192,
      testSize: 20,
      epochs: 1,
      batchSize: 64,
      backend: 'wasm',
      thread: 'main',
      model: 'cnn',
    });
    await c.start();
    expect(c.state).to.equal('done');
    const cnnCounts = c.history.batches.map((b) => b.numTensors);
    expect(cnnCounts).to.have.length(3);
    expect(new Set(cnnCounts.slice(1)).size, String(cnnCounts)).to.equal(1);
    c.dispose();
    await new Promise((r) => setTimeout(r, 0));
    expect(tf.memory().numTensors).to.equal(before);
  });

  it('keeps the page responsive: no main-thread task over 50 ms while training (Long Tasks API)', async function () {
    this.timeout(60000);
    if (!hasLongTasks()) this.skip(); // Chromium only: Firefox and WebKit have no Long Tasks API
    // wasm, and the plain-JavaScript cpu backend, where one cnn image takes ~5 ms: a batch of 32 in one go
    // (~150 ms) would be a long task, so this fails if the loop stops slicing its batches.
    for (const backend of ['wasm', 'cpu'] as const) {
      await getTf(backend); // backend start-up is not training
      const watch = longTasks();
      const s = new TrainingSession({
        data: DATA,
        trainSize: backend === 'wasm' ? 200 : 64,
        testSize: backend === 'wasm' ? 100 : 20,
        epochs: 1,
        batchSize: backend === 'wasm' ? 64 : 32,
        backend,
        thread: 'main',
      });
      s.addEventListener('train-start', watch.start);
      await s.start();
      const long = await watch.stop();
      expect(s.state).to.equal('done');
      expect(s.backend).to.equal(backend);
      expect(s.history.batches).to.have.length(backend === 'wasm' ? 4 : 2);
      expect(long, `${backend}: long tasks: ${long.join(', ')} ms`).to.deep.equal([]);
      s.dispose();
    }
  });

  it('pauses, resumes and stops after the current batch', async () => {
    const s = new TrainingSession({
      data: DATA,
      trainSize: 200,
      testSize: 20,
      epochs: 5,
      batchSize: 10,
      backend: 'cpu',
      thread: 'main',
      model: 'fnn',
    });
    const firstBatch = until(s, 'train-batch');
    const done = s.start();
    await firstBatch;
    s.pause();
    expect(s.state).to.equal('paused');
    const n = s.history.batches.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(s.history.batches.length).to.be.at.most(n + 1); // at most the batch in flight
    const resumed = until(s, 'train-batch');
    s.resume();
    expect(s.state).to.equal('training');
    await resumed;
    const ended = until(s, 'train-end');
    s.stop();
    expect((await ended).detail.stopped).to.equal(true);
    await done;
    expect(s.state).to.equal('done');
    expect(s.history.batches.length).to.be.below(100);
    s.dispose();
  });

  it('fails clearly (state error, train-error) when the data is unusable', async () => {
    const bad = {
      train: { images: new Uint8Array(10), labels: new Uint8Array(10), count: 10 },
      test: DATA.test,
    };
    const s = new TrainingSession({
      data: bad,
      trainSize: 10,
      testSize: 10,
      epochs: 1,
      backend: 'cpu',
      thread: 'main',
    });
    const err = until(s, 'train-error');
    await s.start();
    expect(s.state).to.equal('error');
    expect((await err).detail.message).to.match(/shorter/);
    expect(s.error).to.be.instanceOf(Error);
    s.dispose();
  });
});

describe('trainer: in a Worker', () => {
  it('trains off the main thread, forwards events, predicts, and frees its tensors', async () => {
    const s = new TrainingSession({
      data: DATA,
      trainSize: 200,
      testSize: 100,
      epochs: 2,
      batchSize: 20,
      learningRate: 0.01,
      backend: 'wasm',
      thread: 'worker',
    });
    const watch = longTasks();
    s.addEventListener('train-start', watch.start);
    const epochs: number[] = [];
    s.addEventListener('train-epoch', (e) => epochs.push((e as CustomEvent).detail.epoch));
    await s.start();
    const long = await watch.stop();
    expect(s.error).to.equal(null);
    expect(s.thread).to.equal('worker');
    expect(s.threadHow).to.equal('module');
    expect(s.backend).to.equal('wasm');
    expect(epochs).to.deep.equal([1, 2]);
    expect(s.history.batches).to.have.length(20);
    expect(s.testAccuracy).to.be.above(0.5);
    if (hasLongTasks()) expect(long, `long tasks: ${long.join(', ')}`).to.deep.equal([]); // Chromium only
    const counts = s.history.batches.slice(1).map((b: BatchInfo) => b.numTensors);
    expect(new Set(counts).size).to.equal(1);
    const probs = await s.predict(new Float32Array(784 * 3), 3);
    expect(probs).to.have.length(30);
    expect(await s.numTensors()).to.equal(counts[0]);
    const acts = await s.activations(new Float32Array(784), ['conv2']);
    expect(acts.conv2!.shape).to.deep.equal([11, 11, 10]);
    s.dispose();
    let error: unknown = null;
    await s.predict(new Float32Array(784), 1).catch((e) => (error = e));
    expect(String(error)).to.match(/disposed/);
  });

  it('is seeded in the Worker too: same seed and backend → the same losses and weights', async () => {
    // (Not the same numbers as the main thread: there a batch's gradient is summed over slices, and float sums
    // depend on how they are cut. Each thread is reproducible on its own.)
    const run = async (seed: number) => {
      const r = await seededRun({ seed, backend: 'wasm', thread: 'worker' });
      expect(r.thread).to.equal('worker');
      return { losses: r.losses, w: r.weights.at(-1)! };
    };
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(a.losses).to.have.length(6);
    expect(b.losses).to.deep.equal(a.losses);
    expect(b.w).to.deep.equal(a.w);
    expect(c.losses).to.not.deep.equal(a.losses);
  });

  it('starts through a blob: module worker too (how a library on a CDN origin gets its worker)', async () => {
    // Source names the shipped `.js` file; the test server serves train-worker.ts for it.
    expect(trainWorkerUrl().href).to.match(/\/src\/engine\/worker\/train-worker\.js$/);
    const { worker, how } = await startTrainWorker(30000, ['blob']);
    expect(how).to.equal('blob');
    const reply = new Promise<{ ok: boolean; value: unknown }>((resolve) =>
      worker.addEventListener('message', (e) => resolve(e.data), { once: true }),
    );
    worker.postMessage({ type: 'call', id: 1, method: 'numTensors', args: [] });
    expect(await reply).to.deep.include({ ok: true, value: 0 });
    worker.terminate();
  });

  it('on a GPU backend queues the next batch before reading one back: the same numbers, in order, no leak', async function () {
    if (!(await workerHasWebGl2())) this.skip(); // WebKitGTK: no WebGL in a Worker, so it trains on wasm there
    const run = async (thread: 'main' | 'worker', stopAfter = 0) => {
      const s = new TrainingSession({
        data: DATA,
        trainSize: 120,
        testSize: 20,
        epochs: 2,
        batchSize: 20,
        seed: 11,
        model: 'fnn', // its main-thread slices are whole batches of 20: the same arithmetic in both places
        learningRate: 0.01,
        backend: 'webgl',
        thread,
        evaluateEachEpoch: false,
      });
      if (stopAfter) {
        s.addEventListener('train-batch', (e) => {
          if ((e as CustomEvent).detail.batch === stopAfter) s.stop();
        });
      }
      await s.start();
      expect(s.error, s.error?.message).to.equal(null);
      expect(s.backend).to.equal('webgl');
      expect(s.thread).to.equal(thread);
      const tensors = thread === 'worker' ? await s.numTensors() : null;
      s.dispose();
      return { batches: s.history.batches, tensors };
    };
    const direct = await run('main'); // read at once (time-sliced main thread)
    const queued = await run('worker'); // read one batch behind
    expect(queued.batches.map((b) => [b.epoch, b.batch])).to.deep.equal(
      direct.batches.map((b) => [b.epoch, b.batch]),
    );
    expect(queued.batches.map((b) => b.loss)).to.deep.equal(direct.batches.map((b) => b.loss));
    expect(queued.batches.map((b) => b.accuracy)).to.deep.equal(direct.batches.map((b) => b.accuracy));
    // One count for every batch (the queued result behind a batch is not counted), and nothing left after.
    const counts = queued.batches.slice(1).map((b) => b.numTensors);
    expect(new Set(counts).size, String(counts)).to.equal(1);
    expect(queued.tensors).to.equal(counts[0]);
    // Stopping reads the queued batch first: the history is whole and in order, and ends soon after the stop
    // (the message reaches the Worker a few batches late at most; a whole run is 12).
    const stopped = await run('worker', 2);
    const numbers = stopped.batches.map((b) => b.batch);
    expect(numbers).to.deep.equal(numbers.map((_, i) => i + 1));
    expect(numbers.length).to.be.within(2, 8);
  });

  for (const backend of ['cpu', 'webgl', 'webgpu'] as const) {
    it(`trains a few batches on ${backend} in the worker (or reports the backend it fell back to)`, async () => {
      const s = new TrainingSession({
        data: DATA,
        trainSize: 40,
        testSize: 20,
        epochs: 1,
        batchSize: 20,
        backend,
        thread: 'worker',
        seed: 3,
      });
      await s.start();
      expect(s.error, s.error?.message).to.equal(null);
      expect(s.backend).to.be.oneOf(['webgpu', 'webgl', 'wasm', 'cpu']);
      if (backend === 'cpu') expect(s.backend).to.equal('cpu');
      expect(s.history.batches).to.have.length(2);
      expect(s.history.batches.every((b) => Number.isFinite(b.loss) && b.loss > 0)).to.equal(true);
      expect(s.confusion!.flat().reduce((a, c) => a + c, 0)).to.equal(20);
      s.dispose();
    });
  }
});
