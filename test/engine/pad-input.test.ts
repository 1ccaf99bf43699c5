import { expect } from '@esm-bundle/chai';
import { padToInput, shapeSize, shapeText } from '../../src/engine/pad-input.js';
import { preprocessDigit, greyFromRgba, boundingBox } from '../../src/engine/images.js';
import { datasetOf, labelIndex, MNIST_DATASET, networkOf } from '../../src/engine/models/followed.js';
import { CNN, FNN } from '../../src/engine/models/specs.js';
import { parseNetworkValue } from '../../src/engine/models/network-value.js';
import { areDigitClasses, isMnistShaped } from '../../src/engine/models/dataset-of.js';
import type { TrainerLike } from '../../src/engine/training/types.js';

/** RGBA bytes of a w×h canvas: transparent, with an opaque `[r, g, b]` rectangle (x0..x1, y0..y1). */
function canvasBytes(
  w: number,
  h: number,
  rect: [number, number, number, number],
  rgb: number[],
  paper?: number[],
) {
  const px = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const inside = x >= rect[0] && x < rect[1] && y >= rect[2] && y < rect[3];
      const c = inside ? rgb : paper;
      if (!c) continue;
      px[o] = c[0]!;
      px[o + 1] = c[1]!;
      px[o + 2] = c[2]!;
      px[o + 3] = 255;
    }
  return px;
}

describe('pad input: a drawing as a dataset’s input', () => {
  it('names and sizes shapes', () => {
    expect(shapeText([28, 28, 1])).to.equal('28×28');
    expect(shapeText([32, 24, 3])).to.equal('32×24×3');
    expect(shapeSize([32, 24, 3])).to.equal(2304);
  });

  it('MNIST: exactly the MNIST preprocessing; another square side: the same at that side', () => {
    const rgba = canvasBytes(280, 280, [120, 160, 40, 240], [0, 0, 0]);
    const mnist = padToInput(rgba, 280, 280, [28, 28, 1]);
    expect(Array.from(mnist)).to.deep.equal(Array.from(preprocessDigit(greyFromRgba(rgba, 280, 280))));
    const small = padToInput(rgba, 280, 280, [14, 14, 1]);
    expect(small.length).to.equal(196);
    const b = boundingBox({ data: small, width: 14, height: 14 })!;
    expect(b.y1 - b.y0).to.equal(10); // 20/28 of the side, as MNIST's 20 of 28
  });

  it('grey, not square: the whole pad scaled to the size', () => {
    const rgba = canvasBytes(280, 280, [0, 140, 0, 280], [0, 0, 0]); // the left half inked
    const out = padToInput(rgba, 280, 280, [10, 20, 1]);
    expect(out.length).to.equal(200);
    expect(out[0]).to.equal(1);
    expect(out[19]).to.equal(0);
    expect(out[9]).to.equal(1);
    expect(out[10]).to.equal(0);
  });

  it('RGB: every channel of the whole pad scaled, channels last', () => {
    // White paper, a red left half.
    const rgba = canvasBytes(280, 280, [0, 140, 0, 280], [255, 0, 0], [255, 255, 255]);
    const out = padToInput(rgba, 280, 280, [4, 4, 3]);
    expect(out.length).to.equal(48);
    expect(Array.from(out.subarray(0, 3))).to.deep.equal([1, 0, 0]); // (0, 0): red
    expect(Array.from(out.subarray(9, 12))).to.deep.equal([1, 1, 1]); // (0, 3): white
  });
});

describe('followed: what a follower reads of its trainer', () => {
  const el = (props: Record<string, unknown>, attrs: Record<string, string> = {}) => {
    const e = document.createElement('div');
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const [k, v] of Object.entries(props)) Object.defineProperty(e, k, { value: v });
    return e as unknown as TrainerLike;
  };

  it('reads a usable dataset, else MNIST (HTMLElement’s data-* map, junk, a throwing getter)', () => {
    const fashion = { name: 'Fashion-MNIST', classes: ['a', 'b', 'c'], shape: [28, 28, 1] };
    expect(datasetOf(el({ dataset: fashion }))).to.deep.equal(fashion);
    expect(datasetOf(el({ dataset: { ...fashion, name: '', classes: ['x', 7, ''] } }))).to.deep.equal({
      name: 'the dataset',
      classes: ['x', '1', '2'],
      shape: [28, 28, 1],
    });
    expect(datasetOf(document.createElement('div') as unknown as TrainerLike)).to.equal(MNIST_DATASET);
    expect(datasetOf(null)).to.equal(MNIST_DATASET);
    for (const bad of [
      7,
      { classes: ['a'], shape: [28, 28, 1] },
      { classes: ['a', 'b'], shape: [28, 28, 4] },
      { classes: ['a', 'b'], shape: [28, 0, 1] },
    ])
      expect(datasetOf(el({ dataset: bad }))).to.equal(MNIST_DATASET);
    const throwing = document.createElement('div');
    Object.defineProperty(throwing, 'dataset', {
      get() {
        throw new Error('not yet');
      },
    });
    expect(datasetOf(throwing as unknown as TrainerLike)).to.equal(MNIST_DATASET);
  });

  it('digit classes are exactly 0..9 in order; MNIST-shaped is 28×28×1 in 10 classes (Fashion-MNIST too)', () => {
    const digits = MNIST_DATASET.classes;
    expect(areDigitClasses(digits)).to.equal(true);
    expect(areDigitClasses([...digits].reverse())).to.equal(false);
    expect(areDigitClasses(digits.slice(0, 9))).to.equal(false);
    expect(areDigitClasses(['0,1', ...digits.slice(2)])).to.equal(false);
    expect(areDigitClasses(['0123456789', 'x'])).to.equal(false);
    const fashion = {
      classes: Array.from({ length: 10 }, (_, i) => `c${i}`),
      shape: [28, 28, 1] as [number, number, number],
    };
    expect(isMnistShaped(MNIST_DATASET)).to.equal(true);
    expect(isMnistShaped(fashion)).to.equal(true);
    expect(isMnistShaped({ ...fashion, shape: [28, 28, 3] })).to.equal(false);
    expect(isMnistShaped({ ...fashion, classes: fashion.classes.slice(1) })).to.equal(false);
  });

  it('the network: the session’s spec or model, else the `layers` text for the dataset, else `model`', () => {
    const spec = {
      name: 'x',
      inputShape: [1, 28, 28],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 10, name: 'fc1' }],
    };
    expect(networkOf(el({ session: { config: { spec } } }))).to.equal(spec);
    expect(networkOf(el({ session: { config: { model: 'fnn' } } }))).to.equal(FNN);
    const text = 'Conv2d(3, 4, 3), ReLU(), Flatten(), Linear(400, 3)';
    const rgb = { name: 'c', classes: ['r', 'g', 'b'], shape: [12, 12, 3] };
    const parse = parseNetworkValue;
    const parsed = networkOf(el({ network: text, dataset: rgb }), undefined, parse);
    expect(parsed.layers.map((l) => l.name)).to.deep.equal(['conv1', 'relu1', 'flatten', 'fc1']);
    expect(parsed.inputShape).to.deep.equal([3, 12, 12]);
    // A text that does not fit the data: the trainer says why; the follower shows its model.
    expect(networkOf(el({ network: text, model: 'fnn' }), undefined, parse)).to.equal(FNN);
    expect(
      networkOf(el({}, { layers: 'Flatten(), Linear(784, 10)' }), undefined, parse).layers,
    ).to.have.length(2);
    // Before the parser has loaded (the elements load it on first need), the trainer's model stands in.
    expect(networkOf(el({}, { layers: 'Flatten(), Linear(784, 10)', model: 'fnn' }))).to.equal(FNN);
    expect(networkOf(el({}, { model: 'fnn' }))).to.equal(FNN);
    expect(networkOf(el({ model: 'alexnet' }))).to.equal(CNN);
  });

  it('labels: a class number or name, else a sentence naming the labels', () => {
    const classes = ['T-shirt/top', 'Trouser', 'Sneaker'];
    expect(labelIndex(2, classes)).to.equal(2);
    expect(labelIndex('Trouser', classes)).to.equal(1);
    expect(labelIndex(' Sneaker ', classes)).to.equal(2);
    expect(labelIndex('1', classes)).to.equal(1);
    expect(labelIndex('7', MNIST_DATASET.classes)).to.equal(7);
    for (const bad of [3, -1, 1.5, 'Hat', '3', null, undefined, {}]) {
      const r = labelIndex(bad, classes);
      expect(r, String(bad))
        .to.have.property('error')
        .that.matches(
          /is not a label here: pick one of T-shirt\/top, Trouser, Sneaker \(or its number, 0 to 2\)/,
        );
    }
  });
});
