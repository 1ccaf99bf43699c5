// The fast paths are the lesson networks' and a writer's own alike: a network written in PyTorch's words runs
// its conv/dense + ReLU as one fused kernel (FusedConv2D / _FusedMatMul, models/build.ts), a conv + ReLU +
// 2×2 max-pool as one (kernels/conv-relu-pool.ts) where the backend has it, and trains with the backend's fast
// Adam (FusedAdam on wasm/cpu, FlatAdam on WebGL/WebGPU; training/core.ts) — and where a layer does not fit a
// fast path (a LeakyReLU, a padded conv before an AvgPool), it runs op by op.
import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import {
  TrainerCore,
  buildModel,
  detectWebGl,
  getTf,
  resolveConfig,
  type TrainConfig,
} from '../../src/engine/tensor.js';
import { synthetic } from './fixtures/synthetic.js';
import { parseNetwork } from '../../src/engine/models/pytorch-network.js';
import { CONV_RELU_POOL } from '../../src/engine/kernels/conv-relu-pool.js';
import { FlatAdamOptimizer } from '../../src/engine/optimizers/flat-adam.js';
import { FusedAdamOptimizer } from '../../src/engine/optimizers/fused-adam.js';

const MNIST = { inputShape: [1, 28, 28], classes: 10 };
const specOf = (text: string) => {
  const r = parseNetwork(text, MNIST);
  if (!r.ok) throw new Error(r.error.message);
  return r.spec;
};
/** conv1+ReLU+pool1 fit the one-kernel block; conv2 (padded, then AvgPool) and fc1 fuse their ReLU. */
const OWN = specOf(
  'Conv2d(1, 8, 3), ReLU(), MaxPool2d(2), Conv2d(8, 4, 3, padding=1), ReLU(), AvgPool2d(2), Flatten(), Linear(144, 32), ReLU(), Dropout(0.2), Linear(32, 10)',
);
/** The same shapes with LeakyReLU: nothing to fuse an activation into. */
const LEAKY = specOf(
  'Conv2d(1, 8, 3), LeakyReLU(), MaxPool2d(2), Conv2d(8, 4, 3, padding=1), LeakyReLU(), AvgPool2d(2), Flatten(), Linear(144, 32), LeakyReLU(), Linear(32, 10)',
);

/** The kernels one prediction (or one training forward pass) of a spec runs on a backend. */
async function kernelsOf(backend: 'wasm' | 'cpu' | 'webgl', spec: typeof OWN, training = false) {
  await getTf(backend);
  expect(tf.getBackend()).to.equal(backend);
  const model = buildModel(null, spec, { seed: 2 });
  const x = tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 5);
  const profile = await tf.profile(() =>
    tf.tidy(() => (training ? model.apply(x, { training: true }) : model.predict(x))),
  );
  x.dispose();
  model.dispose();
  const names = profile.kernels.map((k) => k.name);
  const count = (n: string) => names.filter((k) => k === n).length;
  return { names, count };
}

describe('a writer’s own network takes the fast paths where they apply', function () {
  this.timeout(120000);

  it('wasm: conv1+ReLU+MaxPool as one kernel, conv2 and fc1 with their ReLU fused, in prediction and in training', async () => {
    for (const training of [false, true]) {
      const { names, count } = await kernelsOf('wasm', OWN, training);
      const what = training ? 'training' : 'prediction';
      expect(count(CONV_RELU_POOL), `${what}: ${names.join(' ')}`).to.equal(1);
      expect(count('FusedConv2D'), what).to.equal(1);
      expect(count('_FusedMatMul'), what).to.equal(2);
      for (const plain of ['Relu', 'MaxPool', 'Conv2D', 'BatchMatMul'])
        expect(names, what).to.not.include(plain);
      expect(count('AvgPool'), what).to.equal(1);
    }
    // With LeakyReLU nothing fuses into the conv/dense kernels: each activation is a kernel of its own.
    const leaky = await kernelsOf('wasm', LEAKY);
    expect(leaky.count(CONV_RELU_POOL)).to.equal(0);
    expect(leaky.count('LeakyRelu') + leaky.count('Prelu')).to.equal(3);
    expect(leaky.count('MaxPool')).to.equal(1);
  });

  it('cpu and WebGL (where it starts): the ReLUs fused into the conv and dense kernels too', async () => {
    const backends: ('cpu' | 'webgl')[] = ['cpu'];
    if (detectWebGl().kind !== 'unavailable') backends.push('webgl');
    for (const backend of backends) {
      const { names, count } = await kernelsOf(backend, OWN, true);
      expect(names, backend).to.not.include('Relu');
      // conv1 is either the one-kernel block or a fused conv with its pool after it.
      expect(count(CONV_RELU_POOL) + count('FusedConv2D'), `${backend}: ${names.join(' ')}`).to.equal(2);
      expect(count('_FusedMatMul'), backend).to.equal(2);
    }
  });

  it('trains with the backend’s fast Adam: FusedAdam on wasm and cpu, FlatAdam on WebGL (where it starts)', async () => {
    const data = { train: synthetic(40, 1), test: synthetic(20, 2) };
    const backends: ('wasm' | 'cpu' | 'webgl')[] = ['wasm', 'cpu'];
    if (detectWebGl().kind !== 'unavailable') backends.push('webgl');
    for (const backend of backends) {
      const config = resolveConfig({
        spec: OWN,
        backend,
        trainSize: 40,
        testSize: 20,
        epochs: 1,
        batchSize: 20,
      }) as TrainConfig;
      expect(config, backend).to.have.property('spec');
      const core = await TrainerCore.create(config, data, { sliceMs: null });
      try {
        expect(core.backend).to.equal(backend);
        const optimizer = (core as unknown as { optimizer: object }).optimizer;
        expect(optimizer, backend).to.be.instanceOf(
          backend === 'webgl' ? FlatAdamOptimizer : FusedAdamOptimizer,
        );
      } finally {
        core.dispose();
      }
    }
  });
});
