import { expect } from '@esm-bundle/chai';
import { TrainingSession, getTf, type SessionOptions } from '../../src/engine/tensor.js';
import {
  checkExamples,
  checkSteps,
  fineTunePlan,
  shiftedBytes,
  type FineTuneResult,
  type TaughtExample,
} from '../../src/engine/training/fine-tune.js';
import { synthetic } from './fixtures/synthetic.js';

const MNIST: { shape: [number, number, number]; classes: number } = { shape: [28, 28, 1], classes: 10 };
const DATA = { train: synthetic(300, 1), test: synthetic(100, 2) };

/** A "handwriting" the synthetic data never shows: a vertical bar at column `x` (its classes are horizontal bars). */
function verticalBar(x: number, label: number): TaughtExample {
  const pixels = new Float32Array(784);
  for (let y = 5; y < 23; y++) pixels[y * 28 + x] = pixels[y * 28 + x + 1] = 1;
  return { pixels, label };
}

describe('fine-tune: the plain-data half', () => {
  it('checks examples: clean copies, or a sentence naming the first bad one', () => {
    const good = verticalBar(10, 3);
    const ok = checkExamples([good, { pixels: Array.from(good.pixels, (v) => v * 2), label: 0 }], MNIST);
    expect(Array.isArray(ok)).to.equal(true);
    const [a, b] = ok as TaughtExample[];
    expect(a!.pixels).to.not.equal(good.pixels); // a copy
    expect(Math.max(...b!.pixels)).to.equal(1); // clamped to 0..1
    const bad: [unknown, RegExp][] = [
      [[], /no examples to learn from yet/],
      ['nope', /must be an array/],
      [[null], /Example 1 is not \{ pixels, label \}/],
      [[good, { pixels: good.pixels, label: 10 }], /Example 2 has label 10: .*0 to 9/],
      [[{ pixels: good.pixels, label: 1.5 }], /label 1\.5/],
      [[{ pixels: good.pixels, label: '3' }], /label "3"/],
      [[{ pixels: new Float32Array(100), label: 1 }], /100 pixel values; this network takes 784 \(28×28\)/],
      [[{ label: 1 }], /no pixel values/],
      [[{ pixels: [...new Array(783).fill(0), NaN], label: 1 }], /pixel 783 is not a finite number/],
      [Array.from({ length: 1001 }, () => good), /At most 1,000/],
    ];
    for (const [value, message] of bad) {
      const r = checkExamples(value, MNIST);
      expect('error' in r && r.error, String(message)).to.match(message);
    }
    expect(
      checkExamples([{ pixels: new Float32Array(12), label: 2 }], { shape: [2, 2, 3], classes: 3 }),
    ).to.have.length(1);
    expect(
      (
        checkExamples([{ pixels: new Float32Array(4), label: 2 }], { shape: [2, 2, 3], classes: 3 }) as {
          error: string;
        }
      ).error,
    ).to.match(/takes 12 \(2×2×3\)/);
  });

  it('checks the number of steps', () => {
    expect(checkSteps(undefined)).to.equal(30);
    expect(checkSteps(5)).to.equal(5);
    for (const bad of [0, 201, 2.5, '5', NaN]) expect(checkSteps(bad)).to.have.property('error');
  });

  it('shifts an image by whole pixels, channels kept together, as bytes', () => {
    const shape: [number, number, number] = [2, 3, 2];
    const px = new Float32Array(12).map((_, i) => i / 11);
    const out = new Uint8Array(14).fill(7);
    shiftedBytes(px, shape, 1, 0, out, 1);
    expect(out[0]).to.equal(7); // outside the image: untouched
    expect(out[13]).to.equal(7);
    // Row 0: [0, p(0,0), p(0,1)] per channel; what came in from the left is 0.
    expect(Array.from(out.subarray(1, 7))).to.deep.equal([0, 0, 0, 23, 46, 70]);
    shiftedBytes(px, shape, 0, -1, out, 1); // up by one: row 1 moves to row 0, row 1 is empty
    expect(Array.from(out.subarray(1, 13))).to.deep.equal([139, 162, 185, 209, 232, 255, 0, 0, 0, 0, 0, 0]);
  });

  it('plans seeded batches: taught copies a tenth of the training images, in turn, then training images', () => {
    const examples = [verticalBar(5, 3), verticalBar(20, 7)];
    const opts = { shape: MNIST.shape, batchSize: 64, seed: 1234, train: DATA.train };
    const a = fineTunePlan(examples, opts);
    const b = fineTunePlan(examples, opts);
    const c = fineTunePlan(examples, { ...opts, seed: 1 });
    const first = a.next();
    expect(first.count).to.equal(7 + 64);
    expect(Array.from(first.labels.subarray(0, 7))).to.deep.equal([3, 7, 3, 7, 3, 7, 3]);
    // The first copies are the drawings as given (bytes), the later ones shifted by at most a pixel.
    expect(Array.from(first.images.subarray(0, 784))).to.deep.equal(
      Array.from(examples[0]!.pixels, (v) => v * 255),
    );
    for (let i = 2; i < 7; i++) {
      const ink = [...first.images.subarray(i * 784, (i + 1) * 784).keys()].filter(
        (p) => first.images[i * 784 + p]! > 0,
      );
      const xs = ink.map((p) => p % 28);
      const home = i % 2 ? 20 : 5;
      expect(Math.min(...xs)).to.be.within(home - 1, home + 1);
    }
    // Then training images with their own labels.
    for (let i = 7; i < 71; i++) {
      const img = first.images.subarray(i * 784, (i + 1) * 784);
      const idx = [...Array(DATA.train.count).keys()].find((k) =>
        DATA.train.images.subarray(k * 784, (k + 1) * 784).every((v, p) => v === img[p]),
      );
      expect(idx, `batch image ${i}`).to.not.equal(undefined);
      expect(first.labels[i]).to.equal(DATA.train.labels[idx!]);
    }
    // Seeded: the same options give the same batches; another seed others.
    expect(Array.from(b.next().images)).to.deep.equal(Array.from(first.images));
    expect(Array.from(c.next().images)).to.not.deep.equal(Array.from(first.images));
    const second = a.next(); // each step its own images, and the examples taken in turn
    expect(Array.from(second.images)).to.not.deep.equal(Array.from(first.images));
    expect(Array.from(second.labels.subarray(0, 7))).to.deep.equal([7, 3, 7, 3, 7, 3, 7]);
    // A small batch still carries a taught example every step (one, in turn).
    const small = fineTunePlan(examples, { ...opts, batchSize: 8 });
    expect([small.next(), small.next(), small.next()].map((b) => [b.count, b.labels[0]])).to.deep.equal([
      [9, 3],
      [9, 7],
      [9, 3],
    ]);
  });
});

/** A short trained run on synthetic data, fine-tuned on `examples`; returns what the test needs. */
async function tunedRun(options: SessionOptions, examples: TaughtExample[], steps?: number) {
  const s = new TrainingSession({
    data: DATA,
    trainSize: 300,
    testSize: 100,
    epochs: 2,
    batchSize: 20,
    learningRate: 0.01,
    lrSchedule: 'constant',
    ...options,
  });
  await s.start();
  expect(s.state, s.error?.message).to.equal('done');
  const before = s.testAccuracy!;
  const pixels = new Float32Array(examples.length * 784);
  examples.forEach((e, i) => pixels.set(e.pixels, i * 784));
  const probs = await s.predict(pixels, examples.length);
  const argmax = (i: number) => {
    const row = Array.from(probs.subarray(i * 10, i * 10 + 10));
    return row.indexOf(Math.max(...row));
  };
  // The examples are new to the network: before fine-tuning it reads at least one of them wrong.
  expect(
    examples.some((e, i) => argmax(i) !== e.label),
    'already right before',
  ).to.equal(true);
  const events: string[] = [];
  s.addEventListener('evaluation', () => events.push('evaluation'));
  s.addEventListener('fine-tune', () => events.push('fine-tune'));
  const tensors = await s.numTensors();
  const result = await s.fineTune(examples, steps ? { steps } : {});
  const after = await s.numTensors();
  const weights = (await s.weights()).map((w) => Array.from(w.data));
  return { s, before, result, weights, events, tensors, after };
}

describe('fine-tune: a trained session learns a reader’s examples', function () {
  this.timeout(120000);
  const taught = [verticalBar(8, 3), verticalBar(9, 3), verticalBar(19, 6)];

  for (const thread of ['main', 'worker'] as const) {
    it(`on the ${thread === 'main' ? 'main thread' : 'Worker'}: taught examples read as their labels, the test set kept, seeded`, async () => {
      const backend = thread === 'main' ? 'cpu' : 'wasm';
      const one = await tunedRun({ thread, backend, model: 'fnn' }, taught);
      try {
        expect(one.s.thread).to.equal(thread);
        const r: FineTuneResult = one.result;
        expect(r).to.include({ steps: 30, examples: 3, correct: 3 });
        expect(r.predicted).to.deep.equal([3, 3, 6]);
        expect(Number.isFinite(r.loss)).to.equal(true);
        expect(r.previousTestAccuracy).to.equal(one.before);
        expect(r.testAccuracy).to.equal(one.s.testAccuracy);
        expect(Math.abs(r.testAccuracy! - one.before), `${one.before} → ${r.testAccuracy}`).to.be.at.most(
          0.01,
        );
        expect(one.events).to.deep.equal(['evaluation', 'fine-tune']);
        expect(one.after).to.equal(one.tensors); // every step's tensors freed
        // The predictions the pad would get agree.
        const probs = await one.s.predict(taught[2]!.pixels, 1);
        expect(probs.indexOf(Math.max(...probs))).to.equal(6);
      } finally {
        one.s.dispose();
      }
      // Same seed, data and examples → the same weights; other examples → others.
      const two = await tunedRun({ thread, backend, model: 'fnn' }, taught);
      const other = await tunedRun({ thread, backend, model: 'fnn' }, [verticalBar(12, 1)]);
      two.s.dispose();
      other.s.dispose();
      expect(two.weights).to.deep.equal(one.weights);
      expect(other.weights).to.not.deep.equal(one.weights);
    });
  }

  it('the cnn on the GPU-less default path (wasm in a Worker) learns them too', async () => {
    const run = await tunedRun({ model: 'cnn', backend: 'wasm' }, taught, 30);
    run.s.dispose();
    expect(run.result.correct).to.equal(3);
    expect(Math.abs(run.result.testAccuracy! - run.before)).to.be.at.most(0.01);
  });

  it('refuses clearly (and changes nothing) before a run is done, for bad examples, and when disposed', async () => {
    const s = new TrainingSession({
      data: DATA,
      trainSize: 40,
      testSize: 20,
      epochs: 1,
      batchSize: 20,
      thread: 'main',
      backend: 'cpu',
      model: 'fnn',
    });
    let error = await s.fineTune(taught).catch((e: Error) => e);
    expect(String(error)).to.match(/not ready yet/);
    const started = s.start();
    await new Promise((r) => s.addEventListener('train-start', r, { once: true }));
    s.pause();
    error = await s.fineTune(taught).catch((e: Error) => e);
    expect(String(error)).to.match(/wait for the run to end/);
    s.resume();
    await started;
    const weights = (await s.weights()).map((w) => Array.from(w.data));
    for (const [bad, message] of [
      [[], /no examples/],
      [[{ pixels: new Float32Array(3), label: 1 }], /takes 784/],
      [[{ pixels: taught[0]!.pixels, label: 12 }], /label 12/],
    ] as [unknown, RegExp][]) {
      error = await s.fineTune(bad as TaughtExample[]).catch((e: Error) => e);
      expect(String(error)).to.match(message);
    }
    error = await s.fineTune(taught, { steps: 0 }).catch((e: Error) => e);
    expect(String(error)).to.match(/steps must be a whole number/);
    error = await s.fineTune(taught, { learningRate: -1 }).catch((e: Error) => e);
    expect(String(error)).to.match(/learning rate/);
    // Two at once: the second is refused, the first completes.
    const first = s.fineTune(taught, { steps: 2 });
    error = await s.fineTune(taught).catch((e: Error) => e);
    expect(String(error)).to.match(/already running/);
    await first;
    expect((await s.weights()).map((w) => Array.from(w.data))).to.not.deep.equal(weights);
    s.dispose();
    error = await s.fineTune(taught).catch((e: Error) => e);
    expect(String(error)).to.match(/disposed/);
  });

  it('a dispose during a fine-tune frees everything (main thread)', async () => {
    const { tf } = await getTf('cpu');
    const baseline = tf.memory().numTensors;
    const s = new TrainingSession({
      data: DATA,
      trainSize: 40,
      testSize: 20,
      epochs: 1,
      batchSize: 20,
      thread: 'main',
      backend: 'cpu',
      model: 'cnn',
    });
    await s.start();
    const tuning = s.fineTune(taught, { steps: 50 }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 30));
    s.dispose();
    expect(String(await tuning)).to.match(/disposed/);
    await new Promise((r) => setTimeout(r, 100));
    expect(tf.memory().numTensors).to.equal(baseline);
  });
});
