// <feature-map> and a network in PyTorch's words: its own chain written as `layers="Conv2d(…), ReLU(), …"` beside
// the JSON form, and a trainer's own network (`<cnn-trainer layers>`) shown layer by layer by the summary's names.
import { expect } from '@esm-bundle/chai';
import '../../src/define/feature-map.js';
import '../../src/define/cnn-trainer.js';
import '../../src/define/model-summary.js';
import '../../src/define/confusion-matrix.js';
import type { ConfusionMatrix } from '../../src/components/confusion-matrix/confusion-matrix.js';
import type { FeatureMap } from '../../src/components/feature-map/feature-map.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { ModelSummary } from '../../src/components/model-summary/model-summary.js';
import { cleanup, nextEvent, settle } from '../helpers.js';

/** A W×H opaque PNG with a gradient in red, stripes in green and a block in blue, as a data URL. */
function picture(w: number, h: number): string {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const ctx = c.getContext('2d')!;
  const img = ctx.createImageData(w, h);
  for (let i = 0; i < w * h; i++) {
    const x = i % w;
    const y = Math.floor(i / w);
    img.data.set([(x * 255) / w, y % 6 < 3 ? 200 : 30, x > w / 3 && y > h / 3 ? 250 : 0, 255], i * 4);
  }
  ctx.putImageData(img, 0, 0);
  return c.toDataURL('image/png');
}

/** Mounts a feature-map and waits until it has maps or an error. */
async function mapOf(attrs: string): Promise<FeatureMap> {
  const host = document.createElement('div');
  host.className = 'fixture';
  host.innerHTML = `<feature-map ${attrs}></feature-map>`;
  document.body.appendChild(host);
  const el = host.firstElementChild as FeatureMap;
  for (let i = 0; i < 600 && !el.maps && !el.error; i++) await new Promise((r) => setTimeout(r, 20));
  await settle(el);
  return el;
}

describe('<feature-map layers> in PyTorch’s words', function () {
  this.timeout(60000);
  afterEach(cleanup);
  const src = picture(40, 32);

  it('is the same chain as its JSON: the same filters (same seed), shapes and maps', async () => {
    const json = JSON.stringify([
      { filters: '4', kernelSize: 5, activation: 'relu', pool: 2 },
      { filters: '3', kernelSize: 3, padding: 1, stride: 2 },
    ]);
    const a = await mapOf(`src="${src}" layers='${json}'`);
    const b = await mapOf(
      `src="${src}" layers="nn.Conv2d(3, 4, 5), nn.ReLU(), nn.MaxPool2d(2)
        Conv2d(4, 3, kernel_size=3, padding=1, stride=2)  # the second"`,
    );
    expect(b.error).to.equal(null);
    expect(b.maps!.shape).to.deep.equal([3, 7, 9]); // 32×40 → 28×36 → 14×18 → 7×9
    expect(b.maps!.shape).to.deep.equal(a.maps!.shape);
    expect(b.layerWeights).to.deep.equal(a.layerWeights);
    expect(b.maps!.data).to.deep.equal(a.maps!.data);
    // ReLU after the pooling is the same layer (they commute); padding='same' keeps the size.
    const c = await mapOf(
      `src="${src}" layers="Conv2d(3, 4, 5), MaxPool2d(2), ReLU(), Conv2d(4, 3, 3, padding='same')"`,
    );
    expect(c.maps!.shape).to.deep.equal([3, 14, 18]);
    expect(c.layerWeights![0]).to.deep.equal(a.layerWeights![0]);
  });

  it('Conv2d(1, …) looks at the photo in grey: each filter is one kernel spread by luminance', async () => {
    const el = await mapOf(`src="${src}" layers="Conv2d(1, 4, 3), ReLU(), MaxPool2d(2)"`);
    expect(el.error).to.equal(null);
    expect(el.maps!.shape).to.deep.equal([4, 15, 19]);
    const w = el.layerWeights![0]!;
    expect(w.shape).to.deep.equal([4, 3, 3, 3]);
    for (let o = 0; o < 4; o++)
      for (let i = 0; i < 9; i++) {
        const r = w.weights[o * 27 + i]!;
        expect(w.weights[o * 27 + 9 + i]! / r).to.be.closeTo(0.587 / 0.299, 1e-5);
        expect(w.weights[o * 27 + 18 + i]! / r).to.be.closeTo(0.114 / 0.299, 1e-5);
        // drawn like a fresh nn.Conv2d(1, 4, 3): |w| ≤ 1/√(1·3·3) on the grey image
        expect(Math.abs(r / 0.299)).to.be.at.most(1 / 3 + 1e-6);
      }
  });

  const bad: [string, RegExp][] = [
    ['Conv2d(2, 4, 3)', /in_channels is 2, but 3 channels arrive here \(the photo is RGB\): write 3/],
    ['Conv2d(3, 4, 3), Conv2d(5, 2, 3)', /Layer 2: in_channels is 5, but 4 channels arrive/],
    ['Conv2d(3, 4, 3), Tanh()', /Line 1, column 18: Tanh is not shown on a photo: .*<cnn-trainer layers>/],
    ['Conv2d(3, 4, 3), MaxPool2d(3)', /MaxPool2d\(3\): the feature maps here pool 2×2 with stride 2/],
    ['ReLU(), Conv2d(3, 4, 3)', /starts with a Conv2d/],
    ['Conv2d(3, 4, 3, strid=2)', /Layers: Line 1, column 17: .*"strid".*"stride"/],
    ['Conv2d(3, 4, 3), ReLU(), ReLU()', /already has a ReLU/],
    ['Conv2d(3, 4, 3, dilation=2)', /dilation/],
    ['Conv2d(3, 4, 3), Conv2d(4, 4, 3), Conv2d(4, 4, 3), Conv2d(4, 4, 3), Conv2d(4, 4, 3)', /at most 4/],
  ];
  for (const [layers, message] of bad) {
    it(`explains ${layers}`, async () => {
      const el = await mapOf(`src="${src}" layers="${layers}"`);
      expect(el.error).to.match(message);
      expect(el.maps).to.equal(null);
    });
  }
});

describe('<feature-map for layer> follows a trainer’s own network', function () {
  this.timeout(180000);
  afterEach(cleanup);

  it('shows every named image layer of <cnn-trainer layers>, as the summary names and shapes it (the confusion matrix follows too); other names are explained', async () => {
    const net =
      'Conv2d(1, 4, 3), LeakyReLU(0.1), AvgPool2d(2), Conv2d(4, 6, 3), Tanh(), MaxPool2d(2), Dropout(0.2), Flatten(), Linear(150, 10)';
    const host = document.createElement('div');
    host.className = 'fixture';
    host.innerHTML = `<cnn-trainer id="own" layers="${net}" epochs="1" train-size="200" test-size="200" batch-size="50" backend="wasm"></cnn-trainer>
      <model-summary for="own"></model-summary><feature-map for="own" layer="conv1"></feature-map>
      <confusion-matrix for="own"></confusion-matrix>`;
    document.body.appendChild(host);
    const trainer = host.querySelector('cnn-trainer') as CnnTrainer;
    const summary = host.querySelector('model-summary') as ModelSummary;
    const fm = host.querySelector('feature-map') as FeatureMap;
    await settle(trainer);
    const end = nextEvent(trainer, 'train-end', 120000);
    await trainer.start();
    await end;
    // The confusion matrix follows the custom network's run too: the same counts, over the 200 test images.
    const matrix = host.querySelector('confusion-matrix') as ConfusionMatrix;
    await settle(matrix);
    expect(matrix.matrix).to.deep.equal(trainer.confusion);
    expect(matrix.matrix!.flat().reduce((a, b) => a + b, 0)).to.equal(200);
    const images = summary.layers.filter((l) => l.outputShape.length === 3);
    expect(images.map((l) => l.name)).to.deep.equal([
      'conv1',
      'leakyrelu1',
      'pool1',
      'conv2',
      'tanh1',
      'pool2',
      'dropout1',
    ]);
    // Last layer first, so that every step changes `layer` (it starts at conv1, whose maps may already be out:
    // setting the same layer again is no change and gives no new event); a stale answer is ignored by the element.
    for (const row of images.slice().reverse()) {
      expect(fm.layer).to.not.equal(row.name);
      fm.layer = row.name;
      const ready = nextEvent(fm, 'maps-ready', 60000);
      await ready;
      expect(fm.error, row.name).to.equal(null);
      expect(fm.maps!.shape, row.name).to.deep.equal(row.outputShape);
      if (row.name === 'tanh1')
        expect(fm.maps!.data.flatMap((d) => [...d]).every((v) => Math.abs(v) <= 1)).to.equal(true);
    }
    for (const [layer, message] of [
      [
        'relu1',
        /no layer "relu1": its image layers are conv1, leakyrelu1, pool1, conv2, tanh1, pool2, dropout1\./,
      ],
      ['fc1', /Layer "fc1" gives 10 values, not an image.*: its image layers are conv1, leakyrelu1/],
    ] as const) {
      fm.layer = layer;
      for (let i = 0; i < 300 && !message.test(fm.error ?? ''); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(fm.error).to.match(message);
    }
  });
});
