/**
 * The direct training step (training/direct-step.ts): a spec model's step straight on the WASM kernels, no
 * tape. It must be the tape's step exactly — the same losses and the same weights, bit for bit, after a run —
 * for the lesson's cnn and fnn, leave no tensor and no heap buffer behind (also when a kernel throws), and
 * step aside (null) for a network or a backend it does not know, which then trains on the tape as before.
 */
import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import {
  Control,
  TrainerCore,
  buildModel,
  getTf,
  resolveConfig,
  type TrainConfig,
} from '../../src/engine/tensor.js';
import { setDirectSteps } from '../../src/engine/training/core.js';
import { DirectStep } from '../../src/engine/training/direct-step.js';
import { parseNetwork } from '../../src/engine/models/pytorch-network.js';
import { synthetic } from './fixtures/synthetic.js';

const DATA = { train: synthetic(160, 1), test: synthetic(40, 2) };

/** Heap buffers of the wasm backend (engine tensors and a kernel's own outputs alike). */
const heapBuffers = () => (tf.engine().backend as unknown as { numDataIds(): number }).numDataIds();

/** A seeded run of 2 epochs × 8 batches on wasm in this page: every batch's loss and the final weights. */
async function train(model: 'cnn' | 'fnn' | null, direct: boolean, spec?: TrainConfig['spec']) {
  setDirectSteps(direct);
  const config = resolveConfig({
    ...(model ? { model } : { spec }),
    backend: 'wasm',
    trainSize: 160,
    testSize: 40,
    epochs: 2,
    batchSize: 20,
    learningRate: 0.01,
    seed: 7,
    evaluateEachEpoch: false,
  }) as TrainConfig;
  const core = await TrainerCore.create(config, DATA, { sliceMs: null });
  try {
    const losses: number[] = [];
    await core.train(
      { onBatch: (b) => losses.push(b.loss), onEpoch: () => {}, onEvaluation: () => {} },
      new Control(),
    );
    const used = (core as unknown as { direct: DirectStep | null | undefined }).direct;
    return { losses, weights: core.flatWeights(), used: used instanceof DirectStep };
  } finally {
    core.dispose();
    setDirectSteps(true);
  }
}

/** How many numbers differ (a count: a failing deep-equal of 45,000 numbers takes minutes to print). */
const differ = (a: Float32Array, b: Float32Array) =>
  a.length === b.length ? a.filter((v, i) => !Object.is(v, b[i])).length : Infinity;

describe('the direct training step', function () {
  this.timeout(120000);
  before(() => getTf('wasm'));

  for (const model of ['cnn', 'fnn'] as const) {
    it(`${model}: the tape’s losses and weights, bit for bit, after 16 steps`, async () => {
      const tape = await train(model, false);
      const direct = await train(model, true);
      expect(tape.used, 'the tape run used the tape').to.equal(false);
      expect(direct.used, 'the direct run used the direct step').to.equal(true);
      expect(direct.losses.length).to.equal(16);
      expect(direct.losses.every(Number.isFinite)).to.equal(true);
      expect(direct.losses[15]!, 'it learns').to.be.lessThan(direct.losses[0]!);
      expect(direct.losses).to.deep.equal(tape.losses);
      expect(differ(direct.weights, tape.weights), 'weights that differ').to.equal(0);
    });
  }

  it('leaves no engine tensor and no heap buffer behind, also when a kernel throws', async () => {
    await getTf('wasm');
    const model = buildModel(null, (await import('../../src/engine/models/specs.js')).CNN, { seed: 3 });
    try {
      const step = DirectStep.create(model, 10)!;
      expect(step).to.be.instanceOf(DirectStep);
      const xs = new Float32Array(4 * 784).map((_, i) => Math.sin(i));
      const labels = new Int32Array([3, 1, 4, 1]);
      const tensors = tf.memory().numTensors;
      const buffers = heapBuffers();
      const r = step.run(xs, labels, 4);
      expect(Object.keys(r.grads).sort()).to.deep.equal(model.trainableVariables.map((v) => v.name).sort());
      for (const v of model.trainableVariables) expect(r.grads[v.name]!.shape).to.deep.equal(v.shape);
      expect(Number.isFinite(r.loss) && r.correct >= 0 && r.correct <= 4).to.equal(true);
      tf.dispose(Object.values(r.grads));
      expect(tf.memory().numTensors).to.equal(tensors);
      expect(heapBuffers()).to.equal(buffers);
      // A kernel failing half-way through the backward pass: every buffer made so far is freed.
      const kernels = (step as unknown as { kernels: Record<string, (a: unknown) => unknown> }).kernels;
      // (Transpose: Wᵀ for a dense layer's dx, after the forward pass's packed weights and products were made.)
      const transpose = kernels['Transpose']!;
      kernels['Transpose'] = () => {
        throw new Error('boom');
      };
      expect(() => step.run(xs, labels, 4)).to.throw('boom');
      kernels['Transpose'] = transpose;
      expect(tf.memory().numTensors).to.equal(tensors);
      expect(heapBuffers()).to.equal(buffers);
    } finally {
      model.dispose();
    }
  });

  it('steps aside for a network with a layer it does not know (the tape trains it), and off wasm', async () => {
    const parsed = parseNetwork(
      'Conv2d(1, 4, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(676, 16), ReLU(), Dropout(0.2), Linear(16, 10)',
      { inputShape: [1, 28, 28], classes: 10 },
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const run = await train(null, true, parsed.spec);
    expect(run.used).to.equal(false);
    expect(run.losses.length).to.equal(16);
    expect(run.losses.every(Number.isFinite)).to.equal(true);
    await getTf('cpu');
    const model = buildModel(null, (await import('../../src/engine/models/specs.js')).FNN, { seed: 1 });
    try {
      expect(DirectStep.create(model, 10)).to.equal(null);
    } finally {
      model.dispose();
      await getTf('wasm');
    }
  });
});
