import { expect } from '@esm-bundle/chai';
import { walkModel, type ModelSpec } from '../../src/engine/conv-math.js';
import { CNN, FNN } from '../../src/engine/models/specs.js';
import { getTf, buildModel, spatialLayerNames, toNhwc } from '../../src/engine/tensor.js';

/** The walk's channels-first shapes in the model's channels-last layout. */
const expectedShapes = (spec: ModelSpec) => {
  const walk = walkModel(spec);
  if (!walk.ok) throw new Error(walk.error);
  return { walk, shapes: Object.fromEntries(walk.layers.map((l) => [l.name, toNhwc(l.outputShape)])) };
};

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
        expect(built.outputShape.slice(1), layer.name).to.deep.equal(shapes[layer.name!]);
        expect(built.countParams(), `${layer.name} params`).to.equal(walk.layers.find((l) => l.name === layer.name)!.params);
      }
      expect(model.countParams()).to.equal(walk.totalParams);
      expect(model.inputs[0]!.shape).to.deep.equal([null, 28, 28, 1]);
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
    for (const layer of spec.layers) expect(model.getLayer(layer.name!).outputShape.slice(1), layer.name).to.deep.equal(shapes[layer.name!]);
    expect(model.getLayer('c1_pad').outputShape).to.deep.equal([null, 24, 24, 3]);
    expect(model.countParams()).to.equal(walk.totalParams);
    // the built model really computes: a softmax over 3 classes per example
    const y = tf.tidy(() => tf.sum(model.predict(tf.ones([2, 20, 20, 3])) as ReturnType<typeof tf.ones>));
    expect((await y.data())[0]).to.be.closeTo(2, 1e-5);
    y.dispose();
    model.dispose();
  });

  it('initialises like PyTorch (U(±1/√fanIn)), seeded: same seed → same weights, other seed → others', async () => {
    const { tf } = await getTf('cpu');
    const a = buildModel(tf, CNN, { seed: 1234 });
    const b = buildModel(tf, CNN, { seed: 1234 });
    const c = buildModel(tf, CNN, { seed: 1235 });
    const wa = await Promise.all(a.getWeights().map((w) => w.data()));
    const wb = await Promise.all(b.getWeights().map((w) => w.data()));
    const wc = await Promise.all(c.getWeights().map((w) => w.data()));
    expect(wa.map((w) => Array.from(w))).to.deep.equal(wb.map((w) => Array.from(w)));
    expect(Array.from(wa[0]!)).to.not.deep.equal(Array.from(wc[0]!));
    // conv1: kernel and bias in ±1/3 (fanIn 9), and spread over most of it; fc1: ±1/√250
    const conv1 = [...wa[0]!, ...wa[1]!];
    expect(Math.max(...conv1.map(Math.abs))).to.be.below(1 / 3 + 1e-6).and.above(0.25);
    expect(Math.max(...Array.from(wa[4]!, Math.abs))).to.be.below(1 / Math.sqrt(250) + 1e-6);
    for (const m of [a, b, c]) m.dispose();
  });

  it('refuses specs it cannot express, naming the layer', async () => {
    const { tf } = await getTf('cpu');
    const before = tf.memory().numTensors;
    const bad: ModelSpec = { name: 'bad', inputShape: [1, 28, 28], layers: [{ type: 'dense', name: 'fc', units: 3 }] };
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
    expect(tf.memory().numTensors).to.equal(before);
  });
});
