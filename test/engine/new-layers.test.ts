import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import { getTf, buildModel, TrainingSession } from '../../src/engine/tensor.js';
import { synthetic } from './fixtures/synthetic.js';
import { parseNetwork } from '../../src/engine/models/pytorch-network.js';

/** A writer's network with every layer type the lesson's presets do not use. */
const net = parseNetwork(
  'Conv2d(2, 4, 3, padding=1), LeakyReLU(0.2), AvgPool2d(2), Conv2d(4, 3, 3), Tanh(), Flatten(), Dropout(0.3), Linear(12, 6), Sigmoid(), Linear(6, 5)',
  { inputShape: [2, 8, 8], classes: 5 },
);

describe('new layers: LeakyReLU, Tanh, Sigmoid, AvgPool2d, Dropout train', () => {
  it('our gradients (gradients.ts) equal tfjs-core’s own, on wasm and cpu, with dropout seeded', async () => {
    if (!net.ok) throw new Error(net.error.message);
    const gradsOf = async (backend: 'wasm' | 'cpu') => {
      await getTf(backend);
      const model = buildModel(null, net.spec, { seed: 4 });
      const x = tf.randomUniform([3, 8, 8, 2], -1, 1, 'float32', 9);
      const y = tf.oneHot(tf.tensor1d([0, 3, 4], 'int32'), 5);
      const { value, grads } = tf.variableGrads(
        () => tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(model.apply(x, { training: true }))))) as tf.Scalar,
        model.trainableVariables,
      );
      const out = await Promise.all(
        model.trainableVariables.map(async (v) => Array.from(await grads[v.name]!.data())),
      );
      const loss = (await value.data())[0]!;
      // Evaluation: dropout off, and the same output twice; training: dropout on, so it differs.
      const a = model.apply(x);
      const b = model.apply(x);
      const t = model.apply(x, { training: true });
      const same = Array.from(await a.data()).every((v, i) => v === b.dataSync()[i]);
      const differs = Array.from(await t.data()).some((v, i) => v !== a.dataSync()[i]);
      tf.dispose([x, y, value, a, b, t, ...Object.values(grads)]);
      model.dispose();
      return { out, loss, same, differs };
    };
    const ours = { wasm: await gradsOf('wasm'), cpu: await gradsOf('cpu') };
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
    const theirs = { wasm: await gradsOf('wasm'), cpu: await gradsOf('cpu') };
    for (const backend of ['wasm', 'cpu'] as const) {
      expect(ours[backend].loss, backend).to.equal(theirs[backend].loss); // same seed → same dropout masks
      expect(ours[backend].out, backend).to.deep.equal(theirs[backend].out);
      expect(
        ours[backend].out.every((g) => g.some((v) => v !== 0)),
        `${backend}: every gradient non-zero`,
      ).to.equal(true);
      expect(ours[backend].same && ours[backend].differs, `${backend}: dropout only in training`).to.equal(
        true,
      );
    }
    // wasm and cpu agree to float rounding
    const worst = Math.max(...ours.wasm.out.flat().map((v, i) => Math.abs(v - ours.cpu.out.flat()[i]!)));
    expect(worst).to.be.below(1e-4);
  });

  it('a network with every layer type trains on every backend that starts: the same first loss, the loss falls, no leak', async function () {
    this.timeout(240_000);
    const own = parseNetwork(
      'Conv2d(1, 4, 3, padding=1), LeakyReLU(0.1), AvgPool2d(2), Conv2d(4, 4, 3), Tanh(), MaxPool2d(2), Flatten(), Dropout(0.3), Linear(144, 16), Sigmoid(), Linear(16, 10)',
      { inputShape: [1, 28, 28], classes: 10 },
    );
    if (!own.ok) throw new Error(own.error.message);
    const runs: Record<string, { first: number; last: number; tensors: number[] }> = {};
    for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) {
      const s = new TrainingSession({
        data: { train: synthetic(120, 1), test: synthetic(20, 2) },
        spec: own.spec,
        trainSize: 120,
        testSize: 20,
        epochs: 3,
        batchSize: 20,
        learningRate: 0.02,
        seed: 8,
        backend,
        thread: 'worker',
        evaluateEachEpoch: false,
      });
      await s.start();
      expect(s.error, `${backend}: ${s.error?.message}`).to.equal(null);
      const used = s.backend!;
      const b = s.history.batches;
      s.dispose();
      if (used !== backend) continue; // this browser has no such backend here (it said which it used)
      runs[backend] = {
        first: b[0]!.loss,
        last: b[b.length - 1]!.loss,
        tensors: b.slice(1).map((x) => x.numTensors),
      };
    }
    expect(Object.keys(runs)).to.include.members(['cpu', 'wasm']);
    for (const [backend, r] of Object.entries(runs)) {
      // Same seed, same data, same dropout masks: the first step's loss is the same maths everywhere.
      expect(r.first, `${backend}: first loss`).to.be.closeTo(runs['cpu']!.first, 1e-3);
      expect(r.last, `${backend}: it learns`).to.be.below(r.first);
      expect(new Set(r.tensors).size, `${backend}: tensors per batch ${r.tensors.join(', ')}`).to.equal(1);
    }
  });
});
