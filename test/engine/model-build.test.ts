import { expect } from '@esm-bundle/chai';
import { walkModel, type ModelSpec } from '../../src/engine/conv-math.js';
import { CNN, FNN } from '../../src/engine/models/specs.js';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { getTf, buildModel, spatialLayerNames, toNhwc, type SpecModel } from '../../src/engine/tensor.js';
import { deriveSeed } from '../../src/engine/random.js';

/** The walk's channels-first shapes in the model's channels-last layout. */
const expectedShapes = (spec: ModelSpec) => {
  const walk = walkModel(spec);
  if (!walk.ok) throw new Error(walk.error);
  return { walk, shapes: Object.fromEntries(walk.layers.map((l) => [l.name, toNhwc(l.outputShape)])) };
};

const weightsOf = (m: SpecModel) =>
  Promise.all(m.weights.map(async (w) => Array.from(await w.variable.data())));

describe('models/build: spec → TF.js model', () => {
  before(async () => {
    await getTf('cpu');
  });

  for (const spec of [CNN, FNN]) {
    it(`${spec.name}: every layer's shape and the parameter count equal conv-math's walk`, async () => {
      const { tf } = await getTf('cpu');
      const before = tf.memory().numTensors;
      const model = buildModel(tf, spec, { seed: 1 });
      const { walk, shapes } = expectedShapes(spec);
      for (const layer of spec.layers) {
        const built = model.getLayer(layer.name!);
        expect(built.outputShape, layer.name).to.deep.equal(shapes[layer.name!]);
        expect(built.params, `${layer.name} params`).to.equal(
          walk.layers.find((l) => l.name === layer.name)!.params,
        );
      }
      expect(model.countParams()).to.equal(walk.totalParams);
      expect(model.inputShape).to.deep.equal([28, 28, 1]);
      // the real forward pass agrees with the declared shapes
      const outs = tf.tidy(() => {
        const { activations } = model.forward(tf.ones([2, 28, 28, 1]), {
          outputs: spec.layers.map((l) => l.name!),
        });
        return spec.layers.map((l) => activations[l.name!]!);
      });
      spec.layers.forEach((l, i) =>
        expect(outs[i]!.shape.slice(1), `${l.name} computed`).to.deep.equal(shapes[l.name!]),
      );
      tf.dispose(outs);
      model.dispose();
      expect(tf.memory().numTensors).to.equal(before);
    });
  }

  it('has the lesson’s parameter counts: cnn 45,424, fnn 40,480', async () => {
    const { tf } = await getTf('cpu');
    const cnn = buildModel(tf, CNN);
    const fnn = buildModel(tf, FNN);
    expect(cnn.countParams()).to.equal(45424);
    expect(fnn.countParams()).to.equal(40480);
    expect(spatialLayerNames(cnn)).to.deep.equal(['conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2']);
    cnn.dispose();
    fnn.dispose();
  });

  it('expresses padding, stride, dilation, average and adaptive pooling like the walk', async () => {
    const { tf } = await getTf('cpu');
    const spec: ModelSpec = {
      name: 'odd',
      inputShape: [3, 20, 20],
      layers: [
        { type: 'conv2d', name: 'c1', filters: 5, kernelSize: 5, padding: 2, stride: 2 }, // 20 → 10
        { type: 'relu', name: 'r1' },
        { type: 'conv2d', name: 'c2', filters: 4, kernelSize: 3, dilation: 2, bias: false }, // 10 → 6
        { type: 'avgpool2d', name: 'p1', poolSize: 2 }, // 6 → 3
        { type: 'conv2d', name: 'c3', filters: 2, kernelSize: [3, 1], padding: [1, 0] }, // 3 → 3
        { type: 'maxpool2d', name: 'p2', poolSize: 3, stride: 1 }, // 3 → 1
        { type: 'adaptiveavgpool2d', name: 'a', outputSize: [1, 1] },
        { type: 'flatten', name: 'f' },
        { type: 'dropout', name: 'd', rate: 0.5 },
        { type: 'dense', name: 'fc', units: 3 },
        { type: 'softmax', name: 'sm' },
      ],
    };
    const model = buildModel(tf, spec);
    const { walk, shapes } = expectedShapes(spec);
    for (const layer of spec.layers)
      expect(model.getLayer(layer.name!).outputShape, layer.name).to.deep.equal(shapes[layer.name!]);
    expect(model.countParams()).to.equal(walk.totalParams);
    const outs = tf.tidy(() => {
      const { activations } = model.forward(tf.ones([2, 20, 20, 3]), {
        outputs: spec.layers.map((l) => l.name!),
        training: true,
      });
      return spec.layers.map((l) => activations[l.name!]!);
    });
    spec.layers.forEach((l, i) =>
      expect(outs[i]!.shape.slice(1), `${l.name} computed`).to.deep.equal(shapes[l.name!]),
    );
    tf.dispose(outs);
    // the built model really computes: a softmax over 3 classes per example
    const y = tf.tidy(() => tf.sum(model.predict(tf.ones([2, 20, 20, 3]))));
    expect((await y.data())[0]).to.be.closeTo(2, 1e-5);
    y.dispose();
    model.dispose();
  });

  it('initialises like PyTorch (U(±1/√fanIn)), seeded: same seed → same weights, other seed → others', async () => {
    const { tf } = await getTf('cpu');
    const a = buildModel(tf, CNN, { seed: 1234 });
    const b = buildModel(tf, CNN, { seed: 1234 });
    const c = buildModel(tf, CNN, { seed: 1235 });
    const wa = await weightsOf(a);
    const wb = await weightsOf(b);
    const wc = await weightsOf(c);
    expect(a.weights.map((w) => w.name)).to.deep.equal([
      'conv1/kernel',
      'conv1/bias',
      'conv2/kernel',
      'conv2/bias',
      'fc1/kernel',
      'fc1/bias',
      'fc2/kernel',
      'fc2/bias',
      'fc3/kernel',
      'fc3/bias',
    ]);
    expect(wa).to.deep.equal(wb);
    expect(wa[0]).to.not.deep.equal(wc[0]);
    // conv1: kernel and bias in ±1/3 (fanIn 9), and spread over most of it; fc1: ±1/√250
    const conv1 = [...wa[0]!, ...wa[1]!];
    expect(Math.max(...conv1.map(Math.abs)))
      .to.be.below(1 / 3 + 1e-6)
      .and.above(0.25);
    expect(Math.max(...wa[4]!.map(Math.abs))).to.be.below(1 / Math.sqrt(250) + 1e-6);
    for (const m of [a, b, c]) m.dispose();
  });

  it('gives the same initial weights and outputs as the tfjs-layers model it replaced (same seeds)', async () => {
    const { tf } = await getTf('cpu');
    const seed = 1234;
    const ours = buildModel(tf, CNN, { seed });
    // The former builder, spelled out with tfjs-layers: PyTorch-default initialisers seeded per weight name.
    const init = (name: string, fanIn: number) => ({
      kernelInitializer: tfl.initializers.varianceScaling({
        scale: 1 / 3,
        mode: 'fanIn',
        distribution: 'uniform',
        seed: deriveSeed(seed, `${name}.kernel`),
      }),
      biasInitializer: tfl.initializers.randomUniform({
        minval: -1 / Math.sqrt(fanIn),
        maxval: 1 / Math.sqrt(fanIn),
        seed: deriveSeed(seed, `${name}.bias`),
      }),
    });
    const ref = tfl.sequential({
      layers: [
        tfl.layers.conv2d({
          name: 'conv1',
          inputShape: [28, 28, 1],
          filters: 16,
          kernelSize: 3,
          ...init('conv1', 9),
        }),
        tfl.layers.reLU(),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.conv2d({ name: 'conv2', filters: 10, kernelSize: 3, ...init('conv2', 144) }),
        tfl.layers.reLU(),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.flatten(),
        tfl.layers.dense({ name: 'fc1', units: 128, ...init('fc1', 250) }),
        tfl.layers.reLU(),
        tfl.layers.dense({ name: 'fc2', units: 84, ...init('fc2', 128) }),
        tfl.layers.reLU(),
        tfl.layers.dense({ name: 'fc3', units: 10, ...init('fc3', 84) }),
      ],
    });
    const refWeights = await Promise.all(ref.getWeights().map(async (w) => Array.from(await w.data())));
    expect(await weightsOf(ours)).to.deep.equal(refWeights);
    const x = tf.tensor4d(
      Array.from({ length: 3 * 784 }, (_, i) => ((i * 37) % 101) / 100),
      [3, 28, 28, 1],
    );
    const [a, b] = [
      tf.tidy(() => ours.predict(x)),
      tf.tidy(() => ref.predict(x) as ReturnType<typeof tf.ones>),
    ];
    const [da, db] = [await a.data(), await b.data()];
    for (let i = 0; i < da.length; i++) expect(da[i]).to.be.closeTo(db[i]!, 1e-5);
    tf.dispose([x, a, b]);
    ref.dispose();
    ours.dispose();
  });

  it('frees its variables on dispose, and forward() refuses unknown layer names', async () => {
    const { tf } = await getTf('cpu');
    const before = tf.memory().numTensors;
    const m = buildModel(tf, CNN, { seed: 3 });
    expect(tf.memory().numTensors - before).to.equal(10);
    expect(() => tf.tidy(() => m.forward(tf.ones([1, 28, 28, 1]), { outputs: ['nope'] }).output)).to.throw(
      RangeError,
      /nope.*conv1/,
    );
    // upTo stops after the last requested layer
    const y = tf.tidy(() => m.forward(tf.ones([1, 28, 28, 1]), { outputs: ['pool1'], upTo: true }).output);
    expect(y.shape).to.deep.equal([1, 13, 13, 16]);
    y.dispose();
    m.dispose();
    expect(tf.memory().numTensors).to.equal(before);
  });

  it('refuses specs it cannot express, naming the layer', async () => {
    const { tf } = await getTf('cpu');
    const before = tf.memory().numTensors;
    const bad: ModelSpec = {
      name: 'bad',
      inputShape: [1, 28, 28],
      layers: [{ type: 'dense', name: 'fc', units: 3 }],
    };
    expect(() => buildModel(tf, bad)).to.throw(/fc.*flatten/);
    const twice: ModelSpec = {
      name: 'twice',
      inputShape: [1, 28, 28],
      layers: [
        { type: 'relu', name: 'x' },
        { type: 'relu', name: 'x' },
      ],
    };
    expect(() => buildModel(tf, twice)).to.throw(/"x"/);
    // TF.js convolves with a stride or a dilation, not both (the layer before it had made its weights).
    const strideAndDilation: ModelSpec = {
      name: 'sd',
      inputShape: [1, 28, 28],
      layers: [
        { type: 'conv2d', name: 'ok', filters: 2, kernelSize: 3 },
        { type: 'conv2d', name: 'both', filters: 2, kernelSize: 3, stride: 2, dilation: 2 },
      ],
    };
    expect(() => buildModel(tf, strideAndDilation)).to.throw(/"both".*stride and a dilation/);
    expect(tf.memory().numTensors).to.equal(before);
  });

  // From here on in this file: it replaces our gradients by tfjs-core's own for the rest of the page. tfjs-core
  // has no gradient for the FusedConv2D / _FusedMatMul kernels (its fused ops wrap them in a customGrad), so
  // the models' conv and dense layers keep ours in both runs; the test after next checks those against tfjs'
  // unfused ops, and the plain conv2d / matMul below check our Conv2D and BatchMatMul gradients.
  it('our registered gradients (gradients.ts) give exactly tfjs-core’s gradients', async () => {
    await getTf('cpu');
    const odd: ModelSpec = {
      name: 'odd-grad',
      inputShape: [2, 12, 12],
      layers: [
        { type: 'conv2d', name: 'c1', filters: 3, kernelSize: 3, padding: 1, stride: 2 }, // 12 → 6
        { type: 'relu', name: 'r1' },
        { type: 'avgpool2d', name: 'p1', poolSize: 2, padding: 1 }, // 6 → 4
        { type: 'conv2d', name: 'c2', filters: 4, kernelSize: 3, padding: 'same' },
        { type: 'maxpool2d', name: 'p2', poolSize: 2 }, // 4 → 2
        { type: 'flatten', name: 'f' },
        { type: 'dense', name: 'fc', units: 5 },
        { type: 'softmax', name: 'sm' },
      ],
    };
    const cases = [
      {
        model: buildModel(tf, CNN, { seed: 7 }),
        x: tf.tensor4d(
          Array.from({ length: 4 * 784 }, (_, i) => ((i * 13) % 29) / 29),
          [4, 28, 28, 1],
        ),
        classes: 10,
      },
      {
        model: buildModel(tf, odd, { seed: 7 }),
        x: tf.tensor4d(
          Array.from({ length: 3 * 288 }, (_, i) => ((i * 7) % 17) / 17 - 0.3),
          [3, 12, 12, 2],
        ),
        classes: 5,
      },
    ];
    const gradsOf = async ({ model, x, classes }: (typeof cases)[number]) => {
      const y = tf.oneHot(
        tf.tensor1d(
          Array.from({ length: x.shape[0] }, (_, i) => i % classes),
          'int32',
        ),
        classes,
      );
      const { value, grads } = tf.variableGrads(
        () =>
          tf.div(
            tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(model.apply(x, { training: true }))))),
            x.shape[0],
          ) as tf.Scalar,
        model.trainableVariables,
      );
      const out = {
        loss: (await value.data())[0]!,
        grads: await Promise.all(
          model.trainableVariables.map(async (v) => Array.from(await grads[v.name]!.data())),
        ),
      };
      tf.dispose([y, value, ...Object.values(grads)]);
      return out;
    };
    // The plain ops a spec model no longer runs (its layers are fused kernels): Conv2D, BatchMatMul, Relu, Add.
    const px = tf.tensor4d(
      Array.from({ length: 2 * 7 * 7 * 3 }, (_, i) => ((i * 11) % 23) / 23 - 0.4),
      [2, 7, 7, 3],
    );
    const pw = tf.variable(tf.randomUniform([3, 3, 3, 4], -1, 1, 'float32', 5), true, `pw_${Math.random()}`);
    const pb = tf.variable(tf.randomUniform([4], -1, 1, 'float32', 6), true, `pb_${Math.random()}`);
    const pm = tf.variable(tf.randomUniform([16, 3], -1, 1, 'float32', 7), true, `pm_${Math.random()}`);
    const plainGrads = async () => {
      const { value, grads } = tf.variableGrads(() => {
        const conv = tf.relu(tf.add(tf.conv2d(px, pw as tf.Tensor4D, 2, 'same'), pb)); // [2, 4, 4, 4]
        const flat = tf.reshape(conv, [2, 64]);
        const a = tf.matMul(tf.reshape(flat, [8, 16]), pm); // [8, 3]
        const b = tf.matMul(pm, tf.reshape(flat, [8, 16]), true, true); // [3, 8]
        return tf.add(tf.sum(tf.square(a)), tf.sum(b)) as tf.Scalar;
      }, [pw, pb, pm]);
      const out = await Promise.all(
        [value, grads[pw.name]!, grads[pb.name]!, grads[pm.name]!].map(async (t) =>
          Array.from(await t.data()),
        ),
      );
      tf.dispose([value, ...Object.values(grads)]);
      return out;
    };
    const oursPlain = await plainGrads();
    const ours = await Promise.all(cases.map(gradsOf));
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
    const theirs = await Promise.all(cases.map(gradsOf));
    const theirsPlain = await plainGrads();
    expect(oursPlain).to.deep.equal(theirsPlain);
    expect(oursPlain.slice(1).every((g) => g.some((v) => v !== 0))).to.equal(true);
    tf.dispose([px, pw, pb, pm]);
    for (let i = 0; i < cases.length; i++) {
      expect(ours[i]!.loss).to.equal(theirs[i]!.loss);
      expect(ours[i]!.grads).to.deep.equal(theirs[i]!.grads);
      expect(ours[i]!.grads.flat().some((g) => g !== 0)).to.equal(true);
      cases[i]!.model.dispose();
      cases[i]!.x.dispose();
    }
  });

  it('fuses conv/dense + ReLU only when the pre-activation is not asked for, with identical results', async () => {
    for (const backend of ['cpu', 'wasm'] as const) {
      await getTf(backend);
      const model = buildModel(null, CNN, { seed: 3 });
      const x = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 11);
      const fusedOut = model.forward(x).output;
      // Asking for conv1, fc1 and fc2 (pre-ReLU) forces the unfused path through those layers.
      const { output: plainOut, activations } = model.forward(x, {
        outputs: ['conv1', 'relu1', 'fc1', 'fc2'],
      });
      expect(Array.from(await fusedOut.data())).to.deep.equal(Array.from(await plainOut.data()));
      const conv1 = await activations['conv1']!.data();
      const relu1 = await activations['relu1']!.data();
      expect(
        Array.from(conv1).some((v) => v < 0),
        `${backend}: conv1 is the pre-activation`,
      ).to.equal(true);
      expect(Array.from(relu1)).to.deep.equal(Array.from(conv1, (v) => Math.max(0, v)));
      // relu1 alone comes from the fused op and equals the unfused one.
      const onlyRelu = model.forward(x, { outputs: ['relu1'], upTo: true }).activations['relu1']!;
      expect(Array.from(await onlyRelu.data())).to.deep.equal(Array.from(relu1));
      tf.dispose([x, fusedOut, plainOut, onlyRelu, ...Object.values(activations)]);
      model.dispose();
    }
  });

  it('the fused conv/dense kernels train like tfjs’ unfused ops: the same outputs and gradients', async () => {
    await import('@tensorflow/tfjs-core/dist/register_all_gradients'); // tfjs' own Conv2D, Add, Relu… gradients
    const seeded = (shape: number[], seed: number) => tf.randomUniform(shape, -1, 1, 'float32', seed);
    const convCases: {
      x: number[];
      f: [number, number, number, number];
      strides: number | [number, number];
      pad: 'valid' | 'same';
    }[] = [
      { x: [2, 7, 7, 3], f: [3, 3, 3, 4], strides: 1, pad: 'valid' },
      { x: [2, 8, 9, 2], f: [3, 2, 2, 5], strides: 2, pad: 'same' },
      { x: [1, 6, 6, 1], f: [2, 2, 1, 3], strides: [2, 1], pad: 'valid' },
    ];
    for (const backend of ['cpu', 'wasm'] as const) {
      await getTf(backend);
      // Exact on cpu (the same kernels in the same order); wasm's conv adds the bias inside XNNPACK, which
      // rounds differently in the last bit.
      const same = (a: number[], b: number[], what: string) => {
        expect(a.length, what).to.equal(b.length);
        const worst = Math.max(0, ...a.map((v, i) => Math.abs(v - b[i]!) / Math.max(1, Math.abs(b[i]!))));
        expect(worst, `${backend} ${what}: max relative difference`).to.be.at.most(
          backend === 'cpu' ? 0 : 1e-5,
        );
        expect(
          a.some((v) => v !== 0),
          `${backend} ${what} is not all zeros`,
        ).to.equal(true);
      };
      for (const [k, c] of convCases.entries()) {
        for (const activation of ['linear', 'relu'] as const) {
          for (const withBias of [true, false]) {
            const what = `conv case ${k}, ${activation}${withBias ? ', bias' : ''}`;
            const x = seeded(c.x, 10 + k);
            const filter = seeded(c.f, 20 + k);
            const bias = seeded([c.f[3]], 30 + k);
            const fused = (xx: tf.Tensor, ff: tf.Tensor, bb: tf.Tensor) =>
              tf
                .engine()
                .runKernel(
                  'FusedConv2D',
                  withBias ? { x: xx, filter: ff, bias: bb } : { x: xx, filter: ff },
                  { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dilations: [1, 1], activation },
                ) as tf.Tensor;
            const plain = (xx: tf.Tensor, ff: tf.Tensor, bb: tf.Tensor) => {
              let y: tf.Tensor = tf.conv2d(xx as tf.Tensor4D, ff as tf.Tensor4D, c.strides, c.pad);
              if (withBias) y = tf.add(y, bb);
              return activation === 'relu' ? tf.relu(y) : y;
            };
            // A loss weighting every output differently.
            const r = seeded(
              tf.tidy(() => plain(x, filter, bias).shape),
              40 + k,
            );
            const run = async (f: typeof fused) => {
              const out = f(x, filter, bias);
              // Without a bias, the gradient is taken with respect to x and the filter only.
              const grads = tf.grads((...t: tf.Tensor[]) => tf.sum(tf.mul(f(t[0]!, t[1]!, t[2] ?? bias), r)))(
                withBias ? [x, filter, bias] : [x, filter],
              );
              const values = await Promise.all([out, ...grads].map(async (t) => Array.from(await t.data())));
              tf.dispose([out, ...grads]);
              return values;
            };
            const [ours, theirs] = [await run(fused), await run(plain)];
            same(ours[0]!, theirs[0]!, `${what}: output`);
            same(ours[1]!, theirs[1]!, `${what}: dx`);
            same(ours[2]!, theirs[2]!, `${what}: dfilter`);
            if (withBias) same(ours[3]!, theirs[3]!, `${what}: dbias`);
            if (activation === 'relu')
              expect(
                ours[0]!.some((v) => v === 0),
                `${what}: the ReLU clips`,
              ).to.equal(true);
            tf.dispose([x, filter, bias, r]);
          }
        }
      }
      // Dense: [1, B, n] × [1, n, units] (what a spec model's dense layer runs), and b transposed. Not the
      // latter on wasm: tfjs-backend-wasm 4.22's _FusedMatMul adds the bias to the wrong outputs when b is
      // transposed (found by this test: rows after the first come out wrong, while matMul + add is right).
      // A spec model never transposes b.
      for (const transposeB of backend === 'wasm' ? [false] : [false, true]) {
        for (const [activation, withBias] of [
          ['linear', true],
          ['relu', true],
          ['relu', false],
        ] as const) {
          const what = `dense, ${activation}${withBias ? ', bias' : ''}${transposeB ? ', b transposed' : ''}`;
          const a = seeded([1, 5, 6], 50);
          const b = seeded(transposeB ? [1, 4, 6] : [1, 6, 4], 51);
          const bias = seeded([4], 52);
          const r = seeded([1, 5, 4], 53);
          const fused = (aa: tf.Tensor, bb: tf.Tensor, cc: tf.Tensor) =>
            tf.engine().runKernel('_FusedMatMul', withBias ? { a: aa, b: bb, bias: cc } : { a: aa, b: bb }, {
              transposeA: false,
              transposeB,
              activation,
            }) as tf.Tensor;
          const plain = (aa: tf.Tensor, bb: tf.Tensor, cc: tf.Tensor) => {
            let y = tf.matMul(aa, bb, false, transposeB);
            if (withBias) y = tf.add(y, cc);
            return activation === 'relu' ? tf.relu(y) : y;
          };
          const run = async (f: typeof fused) => {
            const grads = tf.grads((...t: tf.Tensor[]) => tf.sum(tf.mul(f(t[0]!, t[1]!, t[2] ?? bias), r)))(
              withBias ? [a, b, bias] : [a, b],
            );
            const out = f(a, b, bias);
            const values = await Promise.all([out, ...grads].map(async (t) => Array.from(await t.data())));
            tf.dispose([out, ...grads]);
            return values;
          };
          const [ours, theirs] = [await run(fused), await run(plain)];
          same(ours[0]!, theirs[0]!, `${what}: output`);
          same(ours[1]!, theirs[1]!, `${what}: da`);
          same(ours[2]!, theirs[2]!, `${what}: db`);
          if (withBias) same(ours[3]!, theirs[3]!, `${what}: dbias`);
          tf.dispose([a, b, bias, r]);
        }
      }
    }
  });
});
