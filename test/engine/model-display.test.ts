// engine/models/display.ts: which layers the widgets show and the shapes they will have, from the specs alone.
// Plain inputs → outputs, no DOM.
import { expect } from '@esm-bundle/chai';
import {
  denseVersusConv,
  displayLayers,
  expectedShapes,
  layerGeometry,
  layerImage,
  parseInputShape,
  spatialStages,
  TORCH_TYPE_NAMES,
} from '../../src/engine/models/display.js';
import { ALEXNET, CNN, FNN } from '../../src/engine/models/specs.js';
import { walkModel, type ModelSpec } from '../../src/engine/conv-math.js';

describe('models/display: the layers <digit-pad> shows', () => {
  it('shows a layer after its ReLU, pooling as itself and the last layer as the scores', () => {
    const plain = (s: ModelSpec) => displayLayers(s).map(({ name, label }) => ({ name, label }));
    expect(plain(CNN)).to.deep.equal([
      { name: 'relu1', label: 'conv1 + ReLU' },
      { name: 'pool1', label: 'pool1' },
      { name: 'relu2', label: 'conv2 + ReLU' },
      { name: 'pool2', label: 'pool2' },
      { name: 'relu3', label: 'fc1 + ReLU' },
      { name: 'relu4', label: 'fc2 + ReLU' },
      { name: 'fc3', label: 'fc3 (scores)' },
    ]);
    expect(plain(FNN).at(-1)).to.deep.equal({ name: 'fc3', label: 'fc3 (scores)' });
    // Each label travels as a message too, for the reader's language: key and values.
    const scores = displayLayers(CNN).at(-1)!.message;
    expect([scores.key, scores.params, scores.text]).to.deep.equal([
      'layer.scores',
      { layer: 'fc3' },
      'fc3 (scores)',
    ]);
    expect(displayLayers(CNN)[0]!.message.key).to.equal('layer.withRelu');
  });

  it('names unnamed layers by type and position, and skips flatten and dropout', () => {
    const spec: ModelSpec = {
      name: 'x',
      inputShape: [1, 8, 8],
      layers: [
        { type: 'conv2d', filters: 2, kernelSize: 3 },
        { type: 'flatten' },
        { type: 'dropout', rate: 0.5 },
        { type: 'dense', units: 3 },
      ],
    };
    expect(displayLayers(spec).map(({ name, label }) => ({ name, label }))).to.deep.equal([
      { name: 'conv2d1', label: 'conv2d1' },
      { name: 'dense4', label: 'dense4 (scores)' },
    ]);
    expect(expectedShapes(spec).get('dense4')).to.deep.equal([3]);
  });

  it('knows each shown layer’s activation shape, channels last as the engine reports it', () => {
    const shapes = expectedShapes(CNN);
    expect(displayLayers(CNN).map((l) => shapes.get(l.name))).to.deep.equal([
      [26, 26, 16],
      [13, 13, 16],
      [11, 11, 10],
      [5, 5, 10],
      [128],
      [84],
      [10],
    ]);
    expect(expectedShapes(CNN)).to.equal(shapes); // worked out once per spec
  });

  it('lays a layer’s channels out in up to 8 columns, a flat layer in one row', () => {
    expect(layerGeometry([26, 26, 16])).to.deep.equal({
      spatial: true,
      h: 26,
      w: 26,
      c: 16,
      cols: 8,
      width: 8 * 27 - 1,
      height: 2 * 27 - 1,
    });
    expect(layerGeometry([1, 5, 5, 3])).to.include({ cols: 3, width: 17, height: 5 });
    expect(layerGeometry([1, 84])).to.deep.equal({
      spatial: false,
      h: 1,
      w: 84,
      c: 1,
      cols: 1,
      width: 84,
      height: 1,
    });
  });
});

describe('models/display: what <model-summary> reads and draws', () => {
  it('parses input-shape as C×H×W, H×W or W (keeping the model’s channels)', () => {
    expect(parseInputShape('3x224x224', 1)).to.deep.equal([3, 224, 224]);
    expect(parseInputShape(' 32 × 16 ', 3)).to.deep.equal([3, 32, 16]);
    expect(parseInputShape('28', 1)).to.deep.equal([1, 28, 28]);
    expect(parseInputShape('1*28,28', 1)).to.deep.equal([1, 28, 28]);
    expect(parseInputShape('', 1)).to.deep.include({
      error: 'Input shape is empty: give "W", "H×W" or "C×H×W", e.g. "28" or "3x224x224".',
    });
    expect(parseInputShape('', 1)).to.have.nested.property('message.key', 'shape.empty');
    expect(parseInputShape('1x2x3x4', 1))
      .to.have.property('error')
      .that.matches(/too many parts/);
    expect(parseInputShape('axb', 1))
      .to.have.property('error')
      .that.matches(/not a list of numbers/);
    expect(parseInputShape('0x28', 1))
      .to.have.property('error')
      .that.matches(/^Height/);
  });

  it('walks the spatial stages: AlexNet 224 → 55 → 27 → 13 → 6, then the scores', () => {
    const walk = walkModel(ALEXNET);
    const stages = spatialStages(ALEXNET.inputShape, walk.layers);
    expect(stages[0]).to.deep.equal({ name: 'input', shape: [3, 224, 224] });
    const sides = [...new Set(stages.slice(0, -1).map((s) => s.shape[1]))];
    expect(sides).to.deep.equal([224, 55, 27, 13, 6]);
    expect(stages.at(-1)!.shape).to.deep.equal([1000]);
    // The FNN's input is flat for the diagram's purpose (no conv/pool stage): nothing to draw.
    expect(spatialStages([1, 28, 28], walkModel(FNN).layers)).to.deep.equal([]);
    expect(spatialStages([784], walkModel(CNN).layers)).to.deep.equal([]);
  });

  it('counts the lesson’s point: a dense layer on 100×100 needs 5,000,000 weights', () => {
    const walk = walkModel(CNN, [1, 100, 100]);
    const r = denseVersusConv([1, 100, 100], 500, walk.layers);
    expect([r.inputs, r.dense, r.convLayers]).to.deep.equal([10_000, 5_000_000, 2]);
    expect(r.convParams).to.equal(16 * 9 + 16 + 10 * 16 * 9 + 10);
    expect(r.ratio).to.equal(5_000_000 / r.convParams);
    expect(denseVersusConv([1, 28, 28], 500, walkModel(FNN).layers).ratio).to.equal(0);
  });

  it('names every layer type as PyTorch does', () => {
    expect(TORCH_TYPE_NAMES.dense).to.equal('Linear');
    expect(TORCH_TYPE_NAMES.conv2d).to.equal('Conv2d');
  });

  it('lays a layer out as a picture: channels in tiles with dark gaps, ReLU by its maximum, scores min–max', () => {
    // [H=1, W=2, C=3], channels last: pixel (0,0) has channels 0,1,2 = 0, 2, 4; pixel (0,1) = 1, 3, 0.
    const spatial = layerImage([1, 2, 3], [0, 2, 4, 1, 3, 0], { min: 0, max: 4 });
    expect([spatial.width, spatial.height]).to.deep.equal([3 * 3 - 1, 1]);
    expect(Array.from(spatial.values)).to.deep.equal([0, 0.25, 0, 0.5, 0.75, 0, 1, 0]);
    const scores = layerImage([3], [-2, 0, 2], { min: -2, max: 2 });
    expect(Array.from(scores.values)).to.deep.equal([0, 0.5, 1]);
    // A silent layer (all zero) stays dark rather than dividing by zero.
    expect(Array.from(layerImage([2], [0, 0], { min: 0, max: 0 }).values)).to.deep.equal([0, 0]);
  });
});
