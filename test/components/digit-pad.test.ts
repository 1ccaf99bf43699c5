import { expect } from '@esm-bundle/chai';
import '../../src/define/digit-pad.js';
import type { DigitPad, DigitPrediction } from '../../src/components/digit-pad/digit-pad.js';
import { loadMnist, type MnistSplit } from '../../src/engine/data/mnist.js';
import { boundingBox, mnistImage } from '../../src/engine/images.js';
import { cleanup, expectAccessible, fixture, nextEvent, settle, shadowText } from '../helpers.js';
import { describeBadInput, expectNoBadNumbers, expectVisibleFocus } from './quality.js';

const mount = (attrs = '') => fixture<DigitPad>(`<digit-pad ${attrs}></digit-pad>`);
const q = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const button = (el: DigitPad, text: RegExp) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''))!;

let test: MnistSplit;
const digitOf = (i: number) => mnistImage(test.images, i);

/** A pad following a stand-in trainer (an element with the trainer's `model` and `session`), in a fixture. */
function padFollowing(id: string, model: string) {
  const host = document.createElement('div');
  host.className = 'fixture';
  document.body.append(host);
  const trainer = document.createElement('div') as HTMLDivElement & { model: string; session: unknown };
  trainer.id = id;
  trainer.model = model;
  trainer.session = null;
  const el = document.createElement('digit-pad');
  el.htmlFor = id;
  host.append(el, trainer);
  return { el, trainer };
}

/** Dispatches real PointerEvents along a path of points given in pad fractions (0..1). */
function stroke(el: DigitPad, points: [number, number][], pointerId = 7) {
  const pad = q<HTMLCanvasElement>(el, 'canvas.pad');
  const r = pad.getBoundingClientRect();
  const at = (type: string, [fx, fy]: [number, number]) =>
    pad.dispatchEvent(
      new PointerEvent(type, {
        pointerId,
        pointerType: 'pen',
        isPrimary: true,
        button: type === 'pointermove' ? -1 : 0,
        buttons: type === 'pointerup' ? 0 : 1,
        clientX: r.left + fx * r.width,
        clientY: r.top + fy * r.height,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  at('pointerdown', points[0]!);
  for (const p of points.slice(1)) at('pointermove', p);
  return () => at('pointerup', points.at(-1)!);
}
const line = (from: [number, number], to: [number, number], n = 20): [number, number][] =>
  Array.from({ length: n + 1 }, (_, i) => [
    from[0] + ((to[0] - from[0]) * i) / n,
    from[1] + ((to[1] - from[1]) * i) / n,
  ]);
const circle = (cx: number, cy: number, rx: number, ry: number, n = 40): [number, number][] =>
  Array.from({ length: n + 1 }, (_, i) => [
    cx + rx * Math.sin((2 * Math.PI * i) / n),
    cy - ry * Math.cos((2 * Math.PI * i) / n),
  ]);

describe('<digit-pad>', function () {
  this.timeout(120000);
  before(async () => {
    test = await loadMnist({ split: 'test' });
  });
  afterEach(cleanup);

  it('is accessible, in light and dark, before and after a prediction', async () => {
    const el = await mount();
    await expectAccessible(el);
    await el.setPixels(digitOf(0));
    await settle(el);
    await expectAccessible(el);
    el.theme = 'dark';
    await settle(el);
    await expectAccessible(el);
    const pad = q<HTMLCanvasElement>(el, 'canvas.pad');
    expect(pad.getAttribute('role')).to.equal('img');
    expect(getComputedStyle(pad).touchAction).to.equal('none');
    expect(q(el, 'canvas.input').getAttribute('aria-label')).to.match(/28×28/);
  });

  it('reads real MNIST test digits with the bundled network, and shows every layer', async () => {
    const el = await mount();
    const event = nextEvent<DigitPrediction>(el, 'predict');
    const p = await el.setPixels(digitOf(0));
    const e = await event;
    expect(p!.digit).to.equal(test.labels[0]);
    expect(e.detail).to.deep.equal(el.prediction);
    expect(e.bubbles && e.composed).to.equal(true);
    expect(p!.probabilities).to.have.length(10);
    expect(p!.probabilities.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-4);
    await settle(el);
    expect(q(el, '[data-testid=digit]').textContent!.trim()).to.equal(String(test.labels[0]));
    const acts = el.activations!;
    expect(acts['relu1']!.shape).to.deep.equal([26, 26, 16]);
    expect(acts['pool1']!.shape).to.deep.equal([13, 13, 16]);
    expect(acts['relu2']!.shape).to.deep.equal([11, 11, 10]);
    expect(acts['pool2']!.shape).to.deep.equal([5, 5, 10]);
    expect(acts['relu3']!.shape).to.deep.equal([128]);
    expect(acts['fc3']!.shape).to.deep.equal([10]);
    expect(Math.min(...acts['relu1']!.data)).to.be.at.least(0); // after ReLU
    const canvas = q<HTMLCanvasElement>(el, 'canvas[data-layer=relu1]');
    expect([canvas.width, canvas.height]).to.deep.equal([8 * 27 - 1, 2 * 27 - 1]);
    expect(canvas.getAttribute('aria-label')).to.equal('conv1 + ReLU: 16 feature maps of 26×26');
    const li = q(el, '[part=probabilities] li.top');
    expect(li.textContent).to.contain(String(test.labels[0]));
    expect(shadowText(el)).not.to.match(/NaN|undefined/);
  });

  it('draws with real pointer events, preprocesses MNIST-style and predicts live (≤ once per frame)', async () => {
    const el = await mount();
    await el.setPixels(digitOf(1)); // wait for the network
    el.clear();
    await settle(el);
    expect(el.prediction).to.equal(null);
    let count = 0;
    el.addEventListener('predict', () => count++);
    // A vertical stroke: a "1". All moves are dispatched in one task: at most one live prediction.
    const first = nextEvent<DigitPrediction>(el, 'predict');
    const up = stroke(el, line([0.5, 0.15], [0.47, 0.85], 60));
    await first;
    // Without the throttle each of the 61 moves would have started an inference of its own.
    for (let f = 0; f < 3; f++) await new Promise((r) => requestAnimationFrame(r));
    expect(count).to.equal(1);
    expect(q(el, '[data-testid=announce]').textContent).to.equal('Pad cleared.'); // no announcement mid-stroke
    const last = nextEvent<DigitPrediction>(el, 'predict');
    up();
    const e = await last;
    expect(e.detail.digit).to.equal(1);
    await settle(el);
    expect(q(el, '[data-testid=announce]').textContent).to.match(/reads 1/);
    // The input is the drawing scaled to a 20-pixel-high box, centred.
    const b = boundingBox({ data: el.pixels, width: 28, height: 28 })!;
    expect(b.y1 - b.y0).to.equal(20);
    expect(b.x1 - b.x0).to.be.below(8);
    // Clear, then a circle: a "0".
    button(el, /Clear/).click();
    await settle(el);
    expect(el.prediction).to.equal(null);
    expect(el.pixels.every((v) => v === 0)).to.equal(true);
    expect(q(el, '[data-testid=digit]').textContent!.trim()).to.equal('–');
    const zero = nextEvent<DigitPrediction>(el, 'predict');
    stroke(el, circle(0.5, 0.5, 0.22, 0.32), 8)();
    expect((await zero).detail.digit).to.equal(0);
  });

  it('"Try a test digit" shows a real MNIST test image and its label', async () => {
    const el = await mount();
    const event = nextEvent<DigitPrediction>(el, 'predict');
    button(el, /test digit/).click();
    await event;
    await settle(el);
    const t = el.testDigit!;
    expect(t.label).to.equal(test.labels[t.index]);
    expect(Array.from(el.pixels)).to.deep.equal(Array.from(digitOf(t.index)));
    expect(shadowText(el)).to.contain(`MNIST test #${t.index}, label ${t.label}`);
  });

  it('"Try a test digit" keeps the keyboard focus while it loads (it is not disabled, which drops the focus)', async () => {
    const el = await mount();
    const tryIt = button(el, /test digit/);
    tryIt.focus();
    const event = nextEvent<DigitPrediction>(el, 'predict');
    tryIt.click(); // what Enter or Space on the focused button does
    await settle(el);
    // Still loading (in Chromium here; a cached load may have ended already): marked, and focused.
    if (el.testDigit === null) {
      expect(tryIt.getAttribute('aria-disabled'), 'while loading').to.equal('true');
      expect(el.shadowRoot!.activeElement, 'while loading').to.equal(tryIt);
    }
    await event;
    await settle(el);
    expect(el.shadowRoot!.activeElement, 'after').to.equal(tryIt);
    expect(tryIt.getAttribute('aria-disabled')).to.equal('false');
  });

  it('the committed weights reach ≥ 98 % on the 10,000 test images, and setPixels agrees with them', async () => {
    const { getTf } = await import('../../src/engine/tensor.js');
    const { loadPretrainedCnn } = await import('../../src/engine/pretrained.js');
    const { tf } = await getTf();
    const { model, manifest } = await loadPretrainedCnn(tf);
    const predicted = new Uint8Array(test.count);
    const B = 1000;
    for (let s = 0; s < test.count; s += B) {
      const n = Math.min(B, test.count - s);
      const x = new Float32Array(n * 784);
      for (let i = 0; i < n * 784; i++) x[i] = test.images[s * 784 + i]! / 255;
      const out = tf.tidy(() =>
        tf.argMax(
          model.predict(tf.tensor4d(x, [n, 28, 28, 1])) as import('@tensorflow/tfjs-core').Tensor,
          -1,
        ),
      );
      predicted.set(await out.data(), s);
      out.dispose();
    }
    model.dispose();
    const correct = predicted.reduce((a, p, i) => a + (p === test.labels[i] ? 1 : 0), 0);
    const accuracy = correct / test.count;
    expect(accuracy, `accuracy ${accuracy}`).to.be.at.least(0.98);
    expect(Math.abs(accuracy - manifest.testAccuracy)).to.be.below(0.002); // the manifest tells the truth
    // The element, fed real test digits one by one, predicts what the batch did.
    const el = await mount();
    for (let i = 0; i < 150; i++) {
      const p = await el.setPixels(digitOf(i * 61));
      expect(p!.digit, `test image ${i * 61}`).to.equal(predicted[i * 61]);
    }
  });

  it('shows an error with Retry when the weights are missing (404) or truncated', async () => {
    const el = await mount('weights-src="/src/assets/weights/missing.json"');
    await el.setPixels(digitOf(0));
    await settle(el);
    expect(el.status).to.equal('error');
    expect(el.error).to.match(/HTTP 404/);
    expect(q(el, '[part=error]').getAttribute('role')).to.equal('alert');
    const retry = q<HTMLButtonElement>(el, '[part=retry]');
    expect(retry.textContent).to.equal('Retry');
    // Truncated binary (served cut short), then a retry that works.
    const realFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await realFetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      return url.endsWith('cnn-mnist.bin') ? new Response((await res.arrayBuffer()).slice(0, 5000)) : res;
    };
    try {
      el.weightsSrc = '/src/assets/weights/cnn-mnist.json?cut';
      await settle(el);
      await el.setPixels(digitOf(0));
      await settle(el);
      expect(el.error).to.match(/truncated.*5,000 of 181,696 bytes/);
    } finally {
      window.fetch = realFetch;
    }
    q<HTMLButtonElement>(el, '[part=retry]').click();
    const p = await el.setPixels(digitOf(0));
    expect(el.error).to.equal(null);
    expect(el.status).to.equal('ready');
    expect(p!.digit).to.equal(test.labels[0]);
  });

  it('uses a trainer’s live model with `for`, waiting until it has one', async () => {
    const { el, trainer } = padFollowing('pad-trainer', 'fnn');
    await settle(el);
    await new Promise((r) => setTimeout(r));
    expect(el.status).to.equal('waiting');
    expect(shadowText(el)).to.match(/Waiting for #pad-trainer to train/);
    const seen: string[][] = [];
    trainer.session = {
      predict: async (px: Float32Array) => {
        const out = new Float32Array(10);
        out[px[0]! > 0.5 ? 3 : 8] = 1; // a stand-in network whose answer we know
        return out;
      },
      activations: async (_px: Float32Array, layers: string[]) => {
        seen.push(layers);
        return Object.fromEntries(
          layers.map((l) => [l, { shape: [4], data: new Float32Array([0, 1, 2, 3]) }]),
        );
      },
    };
    trainer.dispatchEvent(new CustomEvent('train-start'));
    const px = new Float32Array(784);
    px[0] = 1;
    expect((await el.setPixels(px))!.digit).to.equal(3);
    expect(el.status).to.equal('ready');
    expect(seen[0]).to.deep.equal(['relu1', 'relu2', 'fc3']); // the fnn's layers
    px[0] = 0.2;
    expect((await el.setPixels(px))!.digit).to.equal(8);
  });

  it('shows a followed trainer’s own `layers` network before it trains (the parser loaded on that need)', async () => {
    const { el, trainer } = padFollowing('pad-own-trainer', 'cnn');
    trainer.setAttribute('layers', 'Conv2d(1, 4, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(676, 10)');
    await settle(el);
    const shown = () =>
      [...el.shadowRoot!.querySelectorAll('[part=layers] canvas[data-layer]')].map((c) =>
        c.getAttribute('data-layer'),
      );
    // Its layers, with the shapes of that network (4 maps of 26×26 after the conv, 13×13 after the pool), not
    // the lesson's CNN the trainer's `model` names.
    expect(shown()).to.include.members(['relu1', 'pool1', 'fc1']);
    expect(shown()).to.not.include('relu2');
    expect(shadowText(el)).to.match(/4×13×13/);
  });

  it('the layer section has its final size before the first prediction (no layout shift)', async () => {
    const el = await mount();
    const layers = q<HTMLElement>(el, '[part=layers]');
    const sizes = () =>
      [...layers.querySelectorAll('canvas')].map((c) => {
        const r = c.getBoundingClientRect();
        return `${c.dataset['layer']} ${Math.round(r.width)}×${Math.round(r.height)}`;
      });
    const before = sizes();
    const height = layers.getBoundingClientRect().height;
    expect(
      before.every((s) => !/ 0×|×0$/.test(s)),
      before.join(', '),
    ).to.equal(true);
    await el.setPixels(digitOf(0));
    await settle(el);
    expect(sizes()).to.deep.equal(before);
    expect(layers.getBoundingClientRect().height).to.be.closeTo(height, 1);
    // conv1 + ReLU of the lesson's CNN: 16 maps of 26×26, shown in the caption from the start.
    expect(layers.textContent).to.contain('16×26×26');
    el.clear();
    await settle(el);
    expect(sizes()).to.deep.equal(before);
  });

  it('`for` changes with no target on either side still switch between pretrained and waiting', async () => {
    const el = await mount();
    expect((await el.setPixels(digitOf(0)))!.digit).to.equal(test.labels[0]);
    expect(el.status).to.equal('ready');
    el.htmlFor = 'no-such-trainer'; // none → missing: both have no target element
    await settle(el);
    expect(el.status).to.equal('waiting');
    expect(el.prediction).to.equal(null);
    expect(shadowText(el)).to.match(/Waiting for a trainer with id "no-such-trainer"/);
    el.htmlFor = 'still-missing'; // missing → another missing
    await settle(el);
    expect(shadowText(el)).to.match(/"still-missing"/);
    el.removeAttribute('for'); // missing → none: back to the pretrained network
    await settle(el);
    expect(el.status).to.not.equal('waiting');
    expect((await el.setPixels(digitOf(1)))!.digit).to.equal(test.labels[1]);
    expect(el.status).to.equal('ready');
  });

  it('frees every tensor when removed (mount/unmount many times)', async () => {
    const { getTf } = await import('../../src/engine/tensor.js');
    const { tf } = await getTf();
    const el0 = await mount();
    await el0.setPixels(digitOf(0));
    el0.remove();
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 6; i++) {
      const el = await mount();
      await el.setPixels(digitOf(i));
      if (i % 2) stroke(el, line([0.3, 0.3], [0.7, 0.7]))(); // and a stroke in flight when removed
      cleanup();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(tf.memory().numTensors).to.equal(baseline);
  });

  const bad: [string, unknown, RegExp][] = [
    ['too few values', [1, 2, 3], /784 numbers.*got 3/],
    ['a NaN', Array.from({ length: 784 }, (_, i) => (i === 5 ? NaN : 0)), /Pixel 5 is not a finite number/],
    ['not an array', 'hello', /784 numbers.*got 5|array of 784/],
    ['null', null, /array of 784/],
  ];
  for (const [what, value, message] of bad) {
    it(`bad input: setPixels with ${what} → a message, never NaN`, async () => {
      const el = await mount();
      const p = await el.setPixels(value as number[]);
      await settle(el);
      expect(p).to.equal(null);
      expect(el.error).to.match(message);
      expect(q(el, '[part=error]').textContent).to.match(message);
      expect(shadowText(el)).not.to.match(/NaN|undefined/);
      // A good call clears the message.
      await el.setPixels(digitOf(0));
      expect(el.error).to.equal(null);
    });
  }

  it('the MNIST test digits failing to load (404) → a message with Retry, and Retry works', async () => {
    const el = await mount('data-src="/nowhere/mnist/"');
    await el.setPixels(digitOf(0)); // the network itself is fine
    button(el, /test digit/).click();
    for (let i = 0; i < 300 && !el.error; i++) await new Promise((r) => requestAnimationFrame(r));
    await settle(el);
    expect(el.error).to.match(/Could not load the MNIST test digits/);
    expect(q(el, '[part=error]').textContent).to.contain(el.error!);
    expectNoBadNumbers(el);
    el.dataSrc = ''; // the writer fixes the URL (or the network comes back)
    await settle(el);
    const predicted = nextEvent<DigitPrediction>(el, 'predict', 60000);
    q<HTMLButtonElement>(el, '[part=retry]').click();
    await predicted;
    await settle(el);
    expect(el.error).to.equal(null);
    expect(el.testDigit).to.not.equal(null);
  });

  it('shows a visible focus ring on every control, in light and dark', async () => {
    const el = await mount();
    await el.setPixels(digitOf(0));
    await settle(el);
    await expectVisibleFocus(el);
    el.theme = 'dark';
    await settle(el);
    await expectVisibleFocus(el);
  });

  it('two copies on one page are independent: own drawing, own prediction, removing one keeps the other', async () => {
    const host = await fixture<HTMLDivElement>('<div><digit-pad></digit-pad><digit-pad></digit-pad></div>');
    const [a, b] = [...host.querySelectorAll<DigitPad>('digit-pad')] as [DigitPad, DigitPad];
    await settle(a);
    await settle(b);
    const pa = await a.setPixels(digitOf(0));
    expect(pa!.digit).to.equal(test.labels[0]);
    expect(b.prediction).to.equal(null);
    expect(Array.from(b.pixels).every((v) => v === 0)).to.equal(true);
    const pb = await b.setPixels(digitOf(1));
    expect(pb!.digit).to.equal(test.labels[1]);
    expect(a.prediction!.digit).to.equal(test.labels[0]);
    a.clear();
    await settle(a);
    expect(b.prediction!.digit).to.equal(test.labels[1]);
    a.remove();
    const again = await b.setPixels(digitOf(2));
    expect(again!.digit).to.equal(test.labels[2]);
  });
});

// Bad URLs fail when fetched: weights at once (with Retry, tested above); the test digits on "Try a test digit".
describeBadInput(
  'digit-pad',
  {
    'weights-src': {
      empty: 'ok',
      negative: /HTTP 404|could not|failed/i,
      zero: /HTTP 404|could not|failed/i,
      huge: /HTTP 404|could not|failed/i,
      fractional: /HTTP 404|could not|failed/i,
      nonNumeric: /HTTP 404|could not|failed/i,
    },
    'data-src': { empty: 'ok', negative: 'ok', zero: 'ok', huge: 'ok', fractional: 'ok', nonNumeric: 'ok' },
    for: { empty: 'ok', negative: 'ok', zero: 'ok', huge: 'ok', fractional: 'ok', nonNumeric: 'ok' },
  },
  {
    ready: async (el) => {
      const pad = el as unknown as DigitPad;
      for (let i = 0; i < 600 && pad.status === 'loading'; i++)
        await new Promise((r) => requestAnimationFrame(r));
    },
  },
);
