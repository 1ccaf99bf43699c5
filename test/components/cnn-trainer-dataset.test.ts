// <cnn-trainer data-src> on datasets packed by the packer (`cnn-widgets pack`, run by the test server's
// `dataset` command into .cache/datasets/, see scripts/lib/datasets.mjs): Fashion-MNIST from Debian's
// dataset-fashion-mnist (real data nobody here made) and a small RGB dataset of coloured shapes drawn as PNGs and
// packed through the folder path. Each skips, saying why, where its source is missing (no Debian package, no
// sharp); CI names both in DATASETS, so there a missing one fails instead.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define/cnn-trainer.js';
import '../../src/define/confusion-matrix.js';
import '../../src/define/feature-map.js';
import '../../src/define/digit-pad.js';
import type { CnnTrainer, DatasetInfo } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { DigitPad } from '../../src/components/digit-pad/digit-pad.js';
import type { ConfusionMatrix } from '../../src/components/confusion-matrix/confusion-matrix.js';
import type { FeatureMap, MapsReadyDetail } from '../../src/components/feature-map/feature-map.js';
import { TrainingSession } from '../../src/engine/tensor.js';
import { clearDatasetCache } from '../../src/engine/data/dataset.js';
import { setDownloadTimeout } from '../../src/engine/data/download.js';
import { KNOWN } from '../../bin/pack/known.mjs';
import { formatValue } from '../../src/components/shared/format.js';
import { cleanup, expectAccessible, fixture, nextEvent, settle } from '../helpers.js';

type Packed = { url: string; output: string; skipped?: undefined } | { skipped: string };
const packed: Record<string, Promise<Packed>> = {};
/** The URL of a packed dataset folder, or skips the test with the reason. */
async function dataset(ctx: Mocha.Context, name: 'fashion-mnist' | 'shapes-rgb'): Promise<string> {
  ctx.timeout(300_000); // packing Fashion-MNIST the first time takes a while on a busy machine
  const r = await (packed[name] ??= executeServerCommand<Packed, unknown>('dataset', { name }));
  if (r.skipped !== undefined) {
    console.warn(`${name} skipped: ${r.skipped}`);
    ctx.skip();
  }
  return (r as { url: string }).url;
}

const q = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const texts = (el: Element, sel: string) =>
  [...el.shadowRoot!.querySelectorAll(sel)].map((t) => t.textContent!.replace(/\s+/g, ' ').trim());
const SHAPES: DatasetInfo = {
  name: 'Shapes',
  classes: ['blue-bar', 'green-disc', 'red-square'],
  shape: [16, 16, 3],
};
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const errorText = (el: Element) => q(el, '[part=error]')?.textContent?.trim() ?? '';

/** Waits (a frame at a time) until `ok()`, or fails after `ms`. */
async function until(el: Element, ok: () => boolean, what: string, ms = 20000): Promise<void> {
  const t0 = performance.now();
  while (!ok()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await settle(el);
  }
}

const toBase64 = (b: Uint8Array) => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
};

let n = 0;
/** The fault server's prefix (web-test-runner.config.mjs): `kind` for every request of `file` under `url`. */
const fault = (kind: string, file: string, url: string) =>
  `/__fault/${kind},inf,${file},d${Date.now()}x${n++}${url}`;

describe('<cnn-trainer data-src>: your own dataset', () => {
  beforeEach(() => clearDatasetCache());
  afterEach(() => {
    cleanup();
    setDownloadTimeout(null);
  });

  it('knows MNIST without data-src, and another dataset from its dataset.json before Start', async function () {
    const url = await dataset(this, 'shapes-rgb');
    const el = await fixture<CnnTrainer>('<cnn-trainer></cnn-trainer>');
    expect(el.datasetInfo).to.deep.equal({
      name: 'MNIST',
      classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      shape: [28, 28, 1],
    });
    expect(el.dataset).to.be.instanceOf(DOMStringMap); // every element's data-* map stays what it is
    // Served a second late, so the element is seen while it reads the dataset.json (its updateComplete waits).
    el.dataSrc = fault('slow', 'dataset.json', url);
    await new Promise((r) => setTimeout(r, 300));
    expect(el.datasetInfo).to.equal(null); // reading its dataset.json
    await el.updateComplete;
    expect(el.datasetInfo).to.not.equal(null);
    expect(el.datasetInfo).to.deep.equal({
      name: 'Shapes',
      classes: ['blue-bar', 'green-disc', 'red-square'],
      shape: [16, 16, 3],
    });
    // What Start would do says how many images there really are (240, not the default 60,000).
    expect(q(el, '[part=progress]')!.textContent).to.contain('on 240 images');
    await expectAccessible(el);
  });

  it('fires `dataset` once data-src is read: the pad, the matrix and the feature map follow before Start, and the text counts its images', async function () {
    const url = await dataset(this, 'shapes-rgb');
    const host = await fixture<HTMLDivElement>(
      `<div><cnn-trainer id="ds"></cnn-trainer><digit-pad for="ds" mode="teach"></digit-pad>
        <confusion-matrix for="ds"></confusion-matrix><feature-map for="ds"></feature-map></div>`,
    );
    const el = host.querySelector('cnn-trainer') as CnnTrainer;
    const pad = host.querySelector('digit-pad') as DigitPad;
    const cm = host.querySelector('confusion-matrix') as ConfusionMatrix;
    const fm = host.querySelector('feature-map') as FeatureMap;
    for (const x of [el, pad, cm, fm]) await settle(x);
    cm.matrix = [
      [8, 1, 1],
      [0, 9, 1],
      [2, 0, 8],
    ];
    await settle(cm);
    // MNIST to begin with: grey digits, numbered axes.
    expect(texts(cm, 'thead th.label')).to.deep.equal(['0', '1', '2']);
    expect(q(pad, 'canvas.pad')!.classList.contains('colour')).to.equal(false);
    expect(texts(pad, '[part=probabilities] .d')).to.deep.equal(DIGITS);
    expect(q(fm, '[part=controls] label')!.textContent).to.match(/^\s*Test digit/);
    const known = nextEvent<DatasetInfo>(el, 'dataset');
    el.dataSrc = url;
    const e = await known;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail).to.deep.equal(SHAPES);
    expect(el.datasetInfo).to.deep.equal(SHAPES);
    // The followers take it from the event (no Start, no polling): colour pad at 16×16, the classes named.
    for (const x of [pad, cm, fm]) await settle(x);
    expect(q(pad, 'canvas.pad')!.classList.contains('colour')).to.equal(true);
    const input = q<HTMLCanvasElement>(pad, 'canvas.input')!;
    expect([input.width, input.height]).to.deep.equal([16, 16]);
    expect(texts(pad, '[part=probabilities] .d')).to.deep.equal(SHAPES.classes);
    // Teach mode's label picker too: the reader teaches it by the dataset's names.
    expect(texts(pad, '[part=teach] select option')).to.deep.equal(['Pick…', ...SHAPES.classes]);
    expect(texts(cm, 'thead th.label')).to.deep.equal(SHAPES.classes);
    // The feature map's picker names the dataset's classes: "Test image: blue-bar".
    const label = q(fm, '[part=controls] label')!;
    expect(label.textContent).to.match(/^\s*Test image/);
    expect([...label.querySelectorAll('option')].map((o) => o.textContent)).to.deep.equal(SHAPES.classes);
    // The default 7 is an MNIST digit: on three classes it starts at the first.
    expect(label.querySelector('select')!.selectedOptions[0]!.textContent).to.equal('blue-bar');
    // The trainer's own text counts the dataset's images (240 training images, not 60,000).
    await settle(el);
    const train = q<HTMLInputElement>(el, 'input[data-field=trainSize]')!;
    expect([train.value, train.max]).to.deep.equal(['240', '240']);
    expect(q(el, '[part=progress]')!.textContent).to.contain(
      'Ready: 2 epochs on 240 images of Shapes (3 classes: blue-bar, green-disc, red-square)',
    );
    expect(q(el, '[part=controls]')!.textContent).to.not.match(/60,?000/);
    await expectAccessible(fm);
    // Back to MNIST: `dataset` again, and the followers with it.
    const back = nextEvent<DatasetInfo>(el, 'dataset');
    el.dataSrc = null;
    expect((await back).detail.name).to.equal('MNIST');
    for (const x of [pad, cm, fm]) await settle(x);
    expect(q(pad, 'canvas.pad')!.classList.contains('colour')).to.equal(false);
    expect(texts(pad, '[part=probabilities] .d')).to.deep.equal(DIGITS);
    expect(texts(cm, 'thead th.label')).to.deep.equal(['0', '1', '2']);
    expect(q(fm, '[part=controls] label')!.textContent).to.match(/^\s*Test digit/);
    await settle(el);
    expect(q<HTMLInputElement>(el, 'input[data-field=trainSize]')!.value).to.equal('60000');
    expect(q(el, '[data-testid=progress-text]')!.textContent!.trim()).to.equal(
      'Ready: 2 epochs on 60,000 images',
    );
  });

  it('a layers network that does not fit the data says so in part="error": channels, then classes', async function () {
    const url = await dataset(this, 'shapes-rgb');
    const el = await fixture<CnnTrainer>(
      `<cnn-trainer data-src="${url}" layers="Conv2d(1, 4, 3), ReLU(), Flatten(), Linear(784, 10)"></cnn-trainer>`,
    );
    await until(el, () => el.error !== null, 'the error');
    expect(el.config).to.equal(null);
    expect(errorText(el)).to.match(/Conv2d\(1, 4, 3\).*3 channels.*Conv2d\(3, 4, 3\)/);
    expect(q<HTMLButtonElement>(el, 'button[part=start]')!.disabled).to.equal(true);
    el.network = 'Conv2d(3, 4, 3), ReLU(), Flatten(), Linear(784, 10)';
    await settle(el);
    expect(errorText(el)).to.match(/10 outputs, but the data has 3 classes/);
    el.network = 'Conv2d(3, 4, 3), ReLU(), Flatten(), Linear(784, 3)';
    await settle(el);
    expect(el.error).to.equal(null);
    expect(el.config!.spec!.inputShape).to.deep.equal([3, 16, 16]);
  });

  it('a data-src that holds no dataset is a clear error at once, with Retry', async () => {
    const el = await fixture<CnnTrainer>('<cnn-trainer data-src="/nowhere/at-all/"></cnn-trainer>');
    await until(el, () => el.error !== null, 'the error');
    expect(el.error).to.match(/HTTP 404 for .*\/nowhere\/at-all\/dataset\.json/);
    expect(el.error).to.contain('data-src');
    expect(el.datasetInfo).to.equal(null);
    expect(q(el, 'button[part=retry]')).to.not.equal(null);
  });

  it('trains the default CNN on RGB images (a folder of PNGs, packed) above chance, in the Worker', async function () {
    const url = await dataset(this, 'shapes-rgb');
    const host = await fixture<HTMLDivElement>(
      `<div><cnn-trainer id="rgb" data-src="${url}" epochs="4" batch-size="16" learning-rate="0.01"></cnn-trainer>
        <confusion-matrix for="rgb"></confusion-matrix><feature-map for="rgb" layer="conv1"></feature-map></div>`,
    );
    const el = host.querySelector('cnn-trainer') as CnnTrainer;
    const cm = host.querySelector('confusion-matrix') as ConfusionMatrix;
    const progress: string[] = [];
    const named: string[] = [];
    el.addEventListener('data-progress', (e) => {
      named.push((e as CustomEvent<{ dataset?: string }>).detail.dataset ?? '');
      // What the reader sees once the element has drawn it (the event comes before the render).
      void el.updateComplete.then(() => {
        if (el.state === 'loading') progress.push(q(el, '[part=progress]')!.textContent!.trim());
      });
    });
    const end = nextEvent(el, 'train-end', 240_000);
    await el.start();
    await end;
    expect(el.state).to.equal('done');
    expect(el.session!.config!.spec!.inputShape).to.deep.equal([3, 16, 16]); // the cnn, fitted to the data
    expect(el.session!.config!.spec!.layers.at(-1)).to.include({ name: 'fc3', units: 3 });
    expect(el.testAccuracy).to.be.above(0.6); // chance is 1/3
    expect(el.confusion!.length).to.equal(3);
    expect(el.confusion!.flat().reduce((a, b) => a + b, 0)).to.equal(60);
    // The class names flow to the confusion matrix's axes.
    await settle(cm);
    const heads = [...cm.shadowRoot!.querySelectorAll('thead th.label')].map((t) => t.textContent!.trim());
    expect(heads).to.deep.equal(['blue-bar', 'green-disc', 'red-square']);
    // A cell's thumbnails are the dataset's own 16×16 colour images.
    cm.shadowRoot!.querySelector<HTMLButtonElement>('button[data-r="0"][data-c="0"]')!.click();
    await until(cm, () => cm.examples.length > 0, 'the thumbnails');
    expect(cm.examples[0]!.shape).to.deep.equal([16, 16, 3]);
    const canvas = cm.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[data-thumb]')!;
    expect([canvas.width, canvas.height]).to.deep.equal([16, 16]);
    expect(named).to.include('Shapes');
    // In a burst (WebKit's Worker) the download may be over before a frame shows it; what is shown names it.
    for (const t of progress.filter((t) => t.startsWith('Downloading')))
      expect(t).to.contain('Downloading Shapes');
    // <feature-map for> feeds the network one of the trainer's own test images: 16×16 RGB in, 16 maps of 14×14.
    const fm = host.querySelector('feature-map') as FeatureMap;
    // Following a trainer, it paints its canvases over a few frames: `maps-ready` says a result is all painted.
    let painted: unknown = null;
    fm.addEventListener('maps-ready', (e) => (painted = (e as CustomEvent<MapsReadyDetail>).detail.maps));
    await until(fm, () => fm.maps !== null || fm.error !== null, 'the feature maps', 60_000);
    expect(fm.error).to.equal(null);
    expect(fm.maps!.shape).to.deep.equal([16, 14, 14]);
    expect(q(fm, 'canvas[data-input]')!.getAttribute('aria-label')).to.equal(
      'The test image blue-bar fed to the network, 16×16 in colour',
    );
    expect(q(fm, '[part=input] figcaption')!.textContent!.trim()).to.equal('blue-bar');
    // …and its first layer's kernels, one per colour channel: the trainer's own weights (HWIO [3][3][3][16]).
    const w = (await el.session!.weights!()).find((x) => x.name === 'conv1/kernel')!;
    expect(w.shape).to.deep.equal([3, 3, 3, 16]);
    const slice = (o: number, c: number) => Array.from({ length: 9 }, (_, p) => w.data[p * 48 + c * 16 + o]!);
    const shows = () => fm.kernels?.data[4]?.[1]?.every((v, p) => v === slice(4, 1)[p]) === true;
    await until(fm, shows, 'the final kernels', 30_000);
    await until(fm, () => painted === fm.maps, 'the final maps painted', 30_000);
    expect(fm.kernels!.shape).to.deep.equal([16, 3, 3, 3]);
    const kernels = [...fm.shadowRoot!.querySelectorAll('[part=kernel]')];
    expect(kernels).to.have.length(48);
    expect(kernels.slice(0, 3).map((k) => k.querySelector('figcaption')!.textContent!.trim())).to.deep.equal([
      'R',
      'G',
      'B',
    ]);
    const all5 = [0, 1, 2].flatMap((c) => slice(4, c));
    const green5 = kernels[4 * 3 + 1]!.querySelector('canvas')!;
    expect(green5.getAttribute('aria-label')).to.equal(
      `Filter 5, green channel: 3×3 kernel, weights ${formatValue(Math.min(...all5))} to ${formatValue(Math.max(...all5))}`,
    );
    expect([green5.width, green5.height]).to.deep.equal([3, 3]);
    expect(q(fm, '[part=kernels]')!.textContent).to.match(/Kernels of conv1, one per colour channel/);
    await expectAccessible(fm);
    // The trainer's result counts the dataset's 60 test images.
    await settle(el);
    expect(q(el, '[part=result]')!.textContent).to.match(/on 60 images/);

    // To PyTorch: the script reads the packed folder itself, and the browser's weights give its accuracy there.
    const script = el.toPyTorch({ weights: 'model.safetensors' });
    expect(script).to.contain('INPUT_SHAPE = (3, 16, 16)');
    expect(script).to.contain('CLASSES = 3');
    expect(script).to.contain('DEFAULT_DATA = "shapes-rgb"');
    expect(script).to.match(/MEAN, STD = \(0\.\d+, 0\.\d+, 0\.\d+,\), \(/);
    const weights = new Uint8Array(await (await el.exportWeights()).arrayBuffer());
    type Py = { skipped?: string; code: number; stdout: string; stderr: string };
    const python = (payload: unknown) => executeServerCommand<Py, unknown>('run-python', payload);
    // A server command must answer within 20 s: the first call (which checks that torch imports) on its own.
    await python({ args: ['-c', 'pass'] });
    const r = await python({
      files: { 'train.py': { text: script }, 'model.safetensors': { base64: toBase64(weights) } },
      args: ['train.py', '--data', '{datasets}/shapes-rgb', '--eval'],
      timeoutMs: 19_000,
    });
    if (r.skipped) console.warn(`PyTorch round trip skipped: ${r.skipped}`);
    else {
      expect(r.code, r.stderr).to.equal(0);
      const acc = Number(/test accuracy: ([\d.]+) %/.exec(r.stdout)![1]) / 100;
      expect(acc).to.be.closeTo(el.testAccuracy!, 0.005);
    }
  });

  it('trains on RGB on the main thread too (the fallback path), and predicts 16×16×3 images', async function () {
    const url = await dataset(this, 'shapes-rgb');
    const s = new TrainingSession({
      dataSrc: url,
      thread: 'main',
      epochs: 3,
      batchSize: 16,
      learningRate: 0.01,
    });
    try {
      await s.start();
      expect(s.state, s.error?.message).to.equal('done');
      expect(s.thread).to.equal('main');
      expect(s.dataset!.name).to.equal('Shapes');
      expect(s.testAccuracy).to.be.above(0.6);
      const p = await s.predict(new Float32Array(2 * 16 * 16 * 3).fill(0.5), 2);
      expect(p.length).to.equal(2 * 3);
      let err: unknown;
      await s.predict(new Float32Array(700), 1).catch((e: unknown) => (err = e));
      expect(String(err)).to.contain('768 pixels per image (16×16×3');
    } finally {
      s.dispose();
    }
  });

  it('a shard with flipped bytes is an error naming it, never training on garbage', async function () {
    const url = await dataset(this, 'shapes-rgb');
    setDownloadTimeout(2000);
    const el = await fixture<CnnTrainer>(
      `<cnn-trainer data-src="${fault('flip', 'train-0.u8z', url)}" epochs="1" batch-size="16"></cnn-trainer>`,
    );
    let batches = 0;
    el.addEventListener('train-batch', () => batches++);
    const failed = nextEvent(el, 'train-error', 60_000);
    await el.start();
    await failed;
    expect(el.state).to.equal('error');
    expect(el.error).to.match(/train-0\.u8z arrived damaged/);
    expect(batches).to.equal(0);
    expect(q(el, 'button[part=retry]')).to.not.equal(null); // damage on the way may be gone next time
  });

  it('trains the default CNN one epoch on Fashion-MNIST’s 60,000 images to at least 80 %', async function () {
    const url = await dataset(this, 'fashion-mnist');
    this.timeout(600_000);
    const host = await fixture<HTMLDivElement>(
      `<div><cnn-trainer id="fm" data-src="${url}" epochs="1"></cnn-trainer><confusion-matrix for="fm"></confusion-matrix></div>`,
    );
    const el = host.querySelector('cnn-trainer') as CnnTrainer;
    const cm = host.querySelector('confusion-matrix') as ConfusionMatrix;
    await until(el, () => el.datasetInfo?.name === 'Fashion-MNIST', 'the dataset.json');
    expect(el.datasetInfo!.classes).to.deep.equal(KNOWN.fashionmnist.classes); // as the packer knows them
    const start = nextEvent<{ trainSize: number; testSize: number }>(el, 'train-start', 300_000);
    const end = nextEvent(el, 'train-end', 600_000);
    await el.start();
    const info = (await start).detail;
    expect([info.trainSize, info.testSize]).to.deep.equal([60000, 10000]);
    await end;
    expect(el.state).to.equal('done');
    console.log(
      `Fashion-MNIST, 1 epoch of the cnn: ${(el.testAccuracy! * 100).toFixed(2)} % (${el.backend})`,
    );
    expect(el.testAccuracy).to.be.at.least(0.8);
    await settle(cm);
    const heads = [...cm.shadowRoot!.querySelectorAll('thead th.label')].map((t) => t.textContent!.trim());
    expect(heads[9]).to.equal(KNOWN.fashionmnist.classes[9]);
    expect(cm.accuracy).to.be.closeTo(el.testAccuracy!, 1e-9);
  });
});
