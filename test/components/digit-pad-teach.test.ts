// <digit-pad for> follows its trainer's network and data, and teach mode: draw, pick the label, Teach, Fine-tune.
import { expect } from '@esm-bundle/chai';
import '../../src/define/digit-pad.js';
import '../../src/define/cnn-trainer.js';
import type { DigitPad, TeachDetail } from '../../src/components/digit-pad/digit-pad.js';
import { CnnTrainer, type FineTuneResult } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { MnistSplit as Split, TrainConfig, TrainDataset } from '../../src/engine/training/config.js';
import type { TrainerSession } from '../../src/engine/training/types.js';
import { mulberry32 } from '../../src/engine/random.js';
import { KNOWN } from '../../bin/pack/known.mjs';
import { loadMnist, type MnistSplit } from '../../src/engine/data/mnist.js';
import { mnistImage } from '../../src/engine/images.js';
import { cleanup, expectAccessible, fixture, nextEvent, settle, shadowText, typeInto } from '../helpers.js';
import { expectNoBadNumbers, expectVisibleFocus } from './quality.js';

const q = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const button = (el: Element, text: RegExp) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''))!;
// Fashion-MNIST's class names, from the one place they live (the packer's list of known datasets).
const FASHION = [...KNOWN.fashionmnist.classes];

/** A stand-in trainer: a plain element with the members a follower reads, and a session that answers `answer`. */
function standIn(
  id: string,
  options: {
    dataset?: unknown;
    network?: string;
    answer?: (pixels: Float32Array) => number;
    classes?: number;
    testImage?: (i: number) => { index: number; label: number; pixels: Uint8Array } | null;
  },
) {
  const trainer = document.createElement('div') as HTMLDivElement & Record<string, unknown>;
  trainer.id = id;
  trainer.model = 'cnn';
  if (options.network) trainer.network = options.network;
  // `dataset` is HTMLElement's data-* map: a stand-in shadows it on the instance, as a trainer's getter does.
  if (options.dataset) Object.defineProperty(trainer, 'dataset', { value: options.dataset });
  const seen: Float32Array[] = [];
  const layersAsked: string[][] = [];
  trainer.session = options.answer
    ? {
        predict: async (px: Float32Array) => {
          seen.push(px.slice());
          const out = new Float32Array(options.classes ?? 10).fill(0.01);
          out[options.answer!(px)] = 1 - 0.01 * ((options.classes ?? 10) - 1);
          return out;
        },
        activations: async (_px: Float32Array, layers: string[]) => {
          layersAsked.push(layers);
          return {};
        },
        ...(options.testImage ? { testImage: options.testImage } : {}),
      }
    : null;
  return { trainer, seen, layersAsked };
}

async function mountWith(trainer: HTMLElement, attrs = '') {
  const host = await fixture<HTMLDivElement>('<div></div>');
  host.innerHTML = `<digit-pad for="${trainer.id}" ${attrs}></digit-pad>`;
  host.append(trainer);
  const el = host.querySelector<DigitPad>('digit-pad')!;
  await settle(el);
  trainer.dispatchEvent(new CustomEvent('train-start'));
  await settle(el);
  return el;
}

/** Real PointerEvents along a path of pad fractions. */
function stroke(el: DigitPad, points: [number, number][]) {
  const pad = q<HTMLCanvasElement>(el, 'canvas.pad');
  const r = pad.getBoundingClientRect();
  const at = (type: string, [fx, fy]: [number, number]) =>
    pad.dispatchEvent(
      new PointerEvent(type, {
        pointerId: 3,
        pointerType: 'mouse',
        isPrimary: true,
        button: type === 'pointermove' ? -1 : 0,
        buttons: type === 'pointerup' ? 0 : 1,
        clientX: r.left + fx * r.width,
        clientY: r.top + fy * r.height,
        bubbles: true,
        composed: true,
      }),
    );
  at('pointerdown', points[0]!);
  for (const p of points.slice(1)) at('pointermove', p);
  at('pointerup', points.at(-1)!);
}
const line = (n = 20): [number, number][] =>
  Array.from({ length: n + 1 }, (_, i) => [0.5, 0.15 + (0.7 * i) / n]);

describe('<digit-pad for> follows the trainer’s network and data', function () {
  this.timeout(60000);
  afterEach(cleanup);

  it('shows the trainer’s own `layers` network in the layer strip, with its shapes', async () => {
    const { trainer, layersAsked } = standIn('t-layers', {
      network: 'Conv2d(1, 6, 5), ReLU(), MaxPool2d(2), Flatten(), Linear(864, 32), ReLU(), Linear(32, 10)',
      answer: () => 4,
    });
    const el = await mountWith(trainer);
    const captions = [...el.shadowRoot!.querySelectorAll('[part=layers] figcaption')].map((f) =>
      f.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(captions).to.deep.equal([
      'conv1 + ReLU 6×24×24',
      'pool1 6×12×12',
      'fc1 + ReLU 32',
      'fc2 (scores) 10',
    ]);
    const px = mnistImage(new Uint8Array(784).fill(200), 0);
    expect((await el.setPixels(px))!.digit).to.equal(4);
    expect(layersAsked.at(-1)).to.deep.equal(['relu1', 'pool1', 'relu2', 'fc2']);
  });

  it('names the bars by the dataset’s classes (Fashion-MNIST), and predicts by name', async () => {
    const { trainer } = standIn('t-fashion', {
      dataset: { name: 'Fashion-MNIST', classes: FASHION, shape: [28, 28, 1] },
      answer: () => 7,
    });
    const el = await mountWith(trainer);
    const names = [...el.shadowRoot!.querySelectorAll('[part=probabilities] .d')].map((d) => d.textContent);
    expect(names).to.deep.equal(FASHION);
    expect(q(el, '[part=probabilities]').getAttribute('aria-label')).to.equal('Probability of each class');
    expect(button(el, /Try a test image/)).to.not.equal(undefined);
    const px = new Float32Array(784).fill(0.5);
    const p = await el.setPixels(px);
    expect(p).to.deep.include({ digit: 7, label: 'Sneaker' });
    await settle(el);
    expect(q(el, '[data-testid=digit]').textContent!.trim()).to.equal('Sneaker');
    expect(q(el, '[part=probabilities] li.top').textContent).to.contain('Sneaker');
    expect(q(el, '[data-testid=announce]').textContent).to.match(/reads Sneaker/);
    expect(q(el, '[part=probabilities] li.top [role=meter]').getAttribute('aria-label')).to.equal('Sneaker');
    await expectAccessible(el);
    // No test images before the trainer has its data: a message, not an exception.
    button(el, /Try a test image/).click();
    for (let i = 0; i < 60 && !el.error; i++) await settle(el);
    expect(el.error).to.match(
      /Fashion-MNIST test images load with #t-fashion's data: press its Start button/,
    );
  });

  it('a dataset that is not usable (or HTMLElement’s own data-* map) reads as MNIST', async () => {
    for (const dataset of [
      undefined,
      { classes: ['a'], shape: [28, 28, 1] },
      { classes: FASHION, shape: [28, 28, 2] },
    ]) {
      const { trainer } = standIn(`t-bad-${String(Math.random()).slice(2)}`, { dataset, answer: () => 1 });
      const el = await mountWith(trainer);
      expect(
        [...el.shadowRoot!.querySelectorAll('[part=probabilities] .d')].map((d) => d.textContent),
      ).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(el.pixels.length).to.equal(784);
      cleanup();
    }
  });

  it('draws at the dataset’s size, in colour for an RGB dataset, and feeds the network that size', async () => {
    const classes = ['red', 'green', 'blue'];
    const testPixels = new Uint8Array(12 * 16 * 3).map((_, i) => (i % 3 === 1 ? 255 : 0)); // all green
    const { trainer, seen } = standIn('t-rgb', {
      dataset: { name: 'Colours', classes, shape: [12, 16, 3] },
      classes: 3,
      answer: (px) => {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let i = 0; i < px.length; i += 3) {
          r += px[i]!;
          g += px[i + 1]!;
          b += px[i + 2]!;
        }
        return r > g && r > b ? 0 : g > r && g > b ? 1 : 2; // red ink on white keeps red, takes green and blue
      },
      testImage: (i) => ({ index: i % 50, label: 1, pixels: testPixels }),
    });
    const el = await mountWith(trainer);
    const pad = q<HTMLCanvasElement>(el, 'canvas.pad');
    expect(pad.classList.contains('colour')).to.equal(true);
    expect(getComputedStyle(pad).backgroundColor).to.equal('rgb(255, 255, 255)');
    const input = q<HTMLCanvasElement>(el, 'canvas.input');
    expect([input.width, input.height]).to.deep.equal([16, 12]);
    expect(input.getAttribute('aria-label')).to.match(/12×16×3 input/);
    // The pen colour is a labelled colour control; a red stroke on white paper.
    const pen = q<HTMLInputElement>(el, '.pen input[type=color]');
    expect(pen.closest('label')!.textContent).to.match(/Pen/);
    pen.value = '#ff0000';
    pen.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    const predicted = nextEvent(el, 'predict');
    stroke(el, line());
    await predicted;
    const px = el.pixels;
    expect(px.length).to.equal(12 * 16 * 3);
    // A red stroke takes green and blue away where it is; red stays 1 everywhere (white paper, red ink).
    let minG = 1;
    let minR = 1;
    for (let i = 0; i < px.length; i += 3) {
      minR = Math.min(minR, px[i]!);
      minG = Math.min(minG, px[i + 1]!);
    }
    expect(minR).to.be.above(0.95);
    expect(minG).to.be.below(0.5);
    expect(seen.at(-1)!.length).to.equal(576);
    expect(el.prediction!.label).to.equal('red');
    // setPixels takes the dataset's size, and says which when given another.
    expect(await el.setPixels(new Float32Array(784))).to.equal(null);
    expect(el.error).to.match(/576 numbers \(12×16×3\), got 784/);
    // A test image from the trainer's own data.
    const shown = nextEvent(el, 'predict');
    button(el, /Try a test image/).click();
    await shown;
    await settle(el);
    expect(el.error).to.equal(null);
    expect(el.testDigit!.label).to.equal(1);
    expect(shadowText(el)).to.match(/Colours test #\d+, label green/);
    expect(el.prediction!.label).to.equal('green');
    expectNoBadNumbers(el);
    await expectAccessible(el);
  });
});

describe('<digit-pad mode="teach">: teach it my handwriting', function () {
  this.timeout(240000);
  let test: MnistSplit;
  before(async () => {
    test = await loadMnist({ split: 'test' });
  });
  afterEach(cleanup);

  it('a labelled label picker and Teach, keyboard reachable; teach() adds the input, fires `teach`', async () => {
    const { trainer } = standIn('t-teach', {
      dataset: { name: 'Fashion-MNIST', classes: FASHION, shape: [28, 28, 1] },
      answer: () => 0,
    });
    const el = await mountWith(trainer, 'mode="teach"');
    const row = q(el, '[part=teach]');
    const select = row.querySelector('select')!;
    expect(select.closest('label')!.textContent).to.match(/Right label/);
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Pick…', ...FASHION]);
    await expectAccessible(el);
    await expectVisibleFocus(el);
    // Nothing picked, or nothing drawn: a message, nothing taught.
    q<HTMLButtonElement>(el, '[part=teach-button]').click();
    await settle(el);
    expect(el.error).to.match(/Pick the right label first/);
    typeInto(select, 'Sneaker');
    await settle(el);
    q<HTMLButtonElement>(el, '[part=teach-button]').click();
    await settle(el);
    expect(el.error).to.match(/The pad is blank: draw first/);
    expect(el.examples).to.deep.equal([]);
    // Draw, then Teach (the picked label), then teach() by name and by number.
    await el.setPixels(mnistImage(test.images, 0));
    const taught = nextEvent<TeachDetail>(el, 'teach');
    q<HTMLButtonElement>(el, '[part=teach-button]').click();
    const e = await taught;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail.count).to.equal(1);
    expect(e.detail.example.label).to.equal(7);
    expect(Array.from(e.detail.example.pixels)).to.deep.equal(Array.from(mnistImage(test.images, 0)));
    expect(el.error).to.equal(null);
    expect(el.teach('Bag')!.label).to.equal(8);
    expect(el.teach(2)!.label).to.equal(2);
    expect(el.examples.map((x) => x.label)).to.deep.equal([7, 8, 2]);
    await settle(el);
    expect(q(el, '[data-testid=teach-status]').textContent).to.match(/3 examples so far/);
    // A label that is not one: the message names the labels there are.
    expect(el.teach('Hat')).to.equal(null);
    expect(el.error).to.match(/"Hat" is not a label here: pick one of T-shirt\/top, Trouser.*0 to 9/);
    expect(el.teach(10)).to.equal(null);
    expect(el.examples).to.have.length(3);
    // `examples` is read/write; bad values change nothing and say why; null forgets.
    const copy = el.examples;
    copy[0]!.pixels[0] = 0.5; // a copy: the pad's own are untouched
    expect(el.examples[0]!.pixels[0]).to.equal(0);
    el.examples = [{ pixels: new Float32Array(10), label: 1 }];
    expect(el.error).to.match(/examples: Example 1 has 10 pixel values; this network takes 784/);
    expect(el.examples).to.have.length(3);
    el.examples = [copy[1]!];
    expect(el.error).to.equal(null);
    expect(el.examples.map((x) => x.label)).to.deep.equal([8]);
    el.examples = null;
    expect(el.examples).to.deep.equal([]);
    // Without a trainer, the row has no Fine-tune; a mode that is not one is a message.
    el.mode = 'sing';
    await settle(el);
    expect(el.error).to.match(/mode must be "draw" or "teach", not "sing"/);
    el.mode = 'draw';
    await settle(el);
    expect(el.error).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=teach]')).to.equal(null);
  });

  it('a real trainer: Fine-tune learns the taught digits without forgetting the test set, and the pad follows', async () => {
    const host = await fixture<HTMLDivElement>(
      '<div><cnn-trainer id="tt" epochs="1" train-size="12000" test-size="2000" batch-size="64" backend="wasm"></cnn-trainer><digit-pad for="tt" mode="teach"></digit-pad></div>',
    );
    const trainer = host.querySelector<CnnTrainer>('cnn-trainer')!;
    const pad = host.querySelector<DigitPad>('digit-pad')!;
    await settle(trainer);
    // Before training: no Fine-tune button on the trainer; fineTune() says why, never throws.
    expect(trainer.shadowRoot!.querySelector('[part=fine-tune]')).to.equal(null);
    expect(await trainer.fineTune()).to.equal(null);
    await settle(trainer);
    expect(trainer.error).to.match(/needs a trained network: press Start/);
    expect(q(trainer, '[part=error]').textContent).to.contain(trainer.error!);
    const end = nextEvent(trainer, 'train-end', 200000);
    await trainer.start();
    await end;
    await settle(trainer);
    expect(trainer.error).to.equal(null);
    const before = trainer.testAccuracy!;
    // No examples taught yet: the button says so.
    button(trainer, /Fine-tune on taught examples/).click();
    for (let i = 0; i < 20 && !trainer.error; i++) await settle(trainer);
    expect(trainer.error).to.match(
      /no examples to learn from yet: draw in a <digit-pad for="tt" mode="teach">/,
    );
    // Bad examples given directly: a message.
    expect(await trainer.fineTune([{ pixels: new Float32Array(784), label: 11 }])).to.equal(null);
    expect(trainer.error).to.match(/Could not fine-tune: Example 1 has label 11/);
    // Three test digits this network reads wrong, taught with their true labels through the pad.
    const session = trainer.session!;
    const wrong: number[] = [];
    for (let i = 0; i < 2000 && wrong.length < 3; i += 100) {
      const px = new Float32Array(100 * 784);
      for (let k = 0; k < 100 * 784; k++) px[k] = test.images[i * 784 + k]! / 255;
      const probs = await session.predict!(px, 100);
      for (let k = 0; k < 100 && wrong.length < 3; k++) {
        const row = Array.from(probs.subarray(k * 10, k * 10 + 10));
        if (row.indexOf(Math.max(...row)) !== test.labels[i + k]) wrong.push(i + k);
      }
    }
    expect(wrong).to.have.length(3);
    for (const i of wrong) {
      const p = await pad.setPixels(mnistImage(test.images, i));
      expect(p!.digit).to.not.equal(test.labels[i]);
      expect(pad.teach(test.labels[i]!)).to.not.equal(null);
    }
    await settle(pad);
    // The trainer's button fine-tunes on the pad's examples; the pad predicts its input again.
    const tuned = nextEvent<FineTuneResult>(trainer, 'fine-tune', 120000);
    const repredicted = nextEvent(pad, 'predict', 120000);
    button(trainer, /Fine-tune on taught examples/).click();
    const r = (await tuned).detail;
    await repredicted;
    await settle(trainer);
    expect(r).to.include({ examples: 3, steps: 30, correct: 3 });
    expect(r.predicted).to.deep.equal(wrong.map((i) => test.labels[i]));
    expect(r.previousTestAccuracy).to.equal(before);
    expect(Math.abs(r.testAccuracy! - before), `${before} → ${r.testAccuracy}`).to.be.at.most(0.01);
    expect(trainer.testAccuracy).to.equal(r.testAccuracy);
    expect(q(trainer, '[data-testid=fine-tune-result]').textContent).to.match(
      /3 of 3 taught examples now read right after 30 steps; test accuracy/,
    );
    expect(pad.prediction!.digit).to.equal(test.labels[wrong.at(-1)!]);
    // The pad's own Fine-tune button asks the same trainer (a second round: already right, still right).
    button(pad, /^\s*Fine-tune\s*$/).click();
    for (let i = 0; i < 600 && !/Fine-tuned:/.test(q(pad, '[data-testid=teach-status]').textContent!); i++)
      await new Promise((res) => setTimeout(res, 50));
    expect(q(pad, '[data-testid=teach-status]').textContent).to.match(
      /Fine-tuned: 3 of 3 examples now read right/,
    );
    expect(pad.error).to.equal(null);
    expectNoBadNumbers(trainer);
    expectNoBadNumbers(pad);
  });
});

/**
 * A colour dataset made here: 12×12 RGB, white paper with one stroke-like bar of red, green or blue (its class),
 * at a random place — what a reader draws on the colour pad.
 */
function colourBars(count: number, seed: number): Split {
  const r = mulberry32(seed);
  const images = new Uint8Array(count * 432).fill(255);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const k = i % 3;
    labels[i] = k;
    const vertical = r() < 0.5;
    const at = 2 + Math.floor(r() * 8);
    for (let t = 2; t < 10; t++)
      for (let w = 0; w < 2; w++) {
        const [y, x] = vertical ? [t, at + w] : [at + w, t];
        for (let ch = 0; ch < 3; ch++)
          if (ch !== k) images[i * 432 + (y! * 12 + x!) * 3 + ch] = Math.floor(r() * 60);
      }
  }
  return { images, labels, count };
}
const COLOURS: TrainDataset = {
  name: 'Colour bars',
  classes: ['red', 'green', 'blue'],
  shape: [12, 12, 3],
  normalize: { mean: [0.9, 0.9, 0.9], std: [0.25, 0.25, 0.25] },
};
/** A `<cnn-trainer>` whose runs train on `colourBars` (injected data, as a custom lesson may do). */
class ColourTrainer extends CnnTrainer {
  protected override createSession(config: TrainConfig): Promise<TrainerSession> {
    const data = { train: colourBars(300, 1), test: colourBars(90, 2) };
    return super.createSession({ ...config, data, dataset: COLOURS, trainSize: 300, testSize: 90 });
  }
}
if (!customElements.get('colour-trainer')) customElements.define('colour-trainer', ColourTrainer);

describe('<digit-pad> on a real colour dataset', function () {
  this.timeout(180000);
  afterEach(cleanup);

  it('follows a trainer on RGB data: colour pad at 12×12×3, the real network predicts and fine-tunes on it', async () => {
    const host = await fixture<HTMLDivElement>(
      '<div><colour-trainer id="ct" epochs="3" batch-size="30" learning-rate="0.003" backend="wasm"></colour-trainer><digit-pad for="ct" mode="teach"></digit-pad></div>',
    );
    const trainer = host.querySelector<CnnTrainer>('colour-trainer')!;
    const pad = host.querySelector<DigitPad>('digit-pad')!;
    const end = nextEvent(trainer, 'train-end', 150000);
    await trainer.start();
    await end;
    await settle(pad);
    expect(trainer.datasetInfo).to.deep.include({ name: 'Colour bars', classes: ['red', 'green', 'blue'] });
    expect(q<HTMLCanvasElement>(pad, 'canvas.pad').classList.contains('colour')).to.equal(true);
    expect(
      [...pad.shadowRoot!.querySelectorAll('[part=probabilities] .d')].map((d) => d.textContent),
    ).to.deep.equal(['red', 'green', 'blue']);
    // The layer strip is the preset fitted to the data: 3 channels in, 3 scores out.
    expect(q(pad, '[part=layers]').textContent).to.match(/fc3 \(scores\)\s*3/);
    // A blue stroke on the pad: the trained network reads it.
    const pen = q<HTMLInputElement>(pad, '.pen input[type=color]');
    pen.value = '#0000ff';
    pen.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(pad);
    const blue = nextEvent(pad, 'predict', 30000);
    stroke(pad, line());
    await blue;
    expect(pad.pixels.length).to.equal(432);
    expect(pad.prediction!.label).to.equal('blue');
    // Teach it what a black stroke is, and fine-tune on the pad's examples.
    pen.value = '#000000';
    pen.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(pad, /Clear/).click();
    await settle(pad);
    const black = nextEvent(pad, 'predict', 30000);
    stroke(pad, line());
    await black;
    // (A label the network does not read it as yet, so the fine-tune has something to change.)
    const target = pad.prediction!.label === 'green' ? 'red' : 'green';
    expect(pad.teach(target)!.label).to.equal(COLOURS.classes.indexOf(target));
    const r = await trainer.fineTune();
    expect(r, trainer.error ?? '').to.not.equal(null);
    expect(r!.examples).to.equal(1);
    expect(r!.correct).to.equal(1);
    expect(Math.abs(r!.testAccuracy! - r!.previousTestAccuracy!)).to.be.at.most(0.05);
    await settle(pad);
    for (let i = 0; i < 100 && pad.prediction?.label !== target; i++) await settle(pad);
    expect(pad.prediction!.label).to.equal(target);
    expectNoBadNumbers(pad);
  });
});
