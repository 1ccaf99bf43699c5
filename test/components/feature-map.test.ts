import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import '../../src/define/feature-map.js';
import type {
  FeatureMap,
  FeatureMaps,
  MapsReadyDetail,
} from '../../src/components/feature-map/feature-map.js';
import { loadMnist } from '../../src/engine/data/mnist.js';
import { colourAt, drawHeatmap, valueRange } from '../../src/components/shared/colour-scale.js';
import { cleanup, expectAccessible, fixture, nextEvent, settle, shadowText } from '../helpers.js';
import { describeBadInput, expectNoBadNumbers, expectVisibleFocus } from './quality.js';

const q = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const qa = <T extends Element>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

// ---------------------------------------------------------------------------------------------------------
// Test images: exact bytes written with putImageData (opaque, so PNG round-trips them losslessly).
// ---------------------------------------------------------------------------------------------------------

interface TestImage {
  url: string;
  width: number;
  height: number;
  /** Channel-major RGB in 0..1: [3][H*W]. */
  chw: Float32Array[];
}

function makeImage(width: number, height: number, seed = 1): TestImage {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  const ctx = c.getContext('2d')!;
  const id = ctx.createImageData(width, height);
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const chw = [0, 1, 2].map(() => new Float32Array(width * height));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // Structure (a bright square, a ramp, stripes) plus noise, so every filter has something to find.
      const square = x > width / 4 && x < (3 * width) / 4 && y > height / 3 && y < (2 * height) / 3 ? 150 : 0;
      const rgb = [
        (x * 7 + square + Math.floor(rnd() * 40)) % 256,
        (y * 5 + (x % 4 < 2 ? 80 : 0) + Math.floor(rnd() * 40)) % 256,
        (square + Math.floor(rnd() * 255)) % 256,
      ];
      for (let k = 0; k < 3; k++) {
        id.data[i * 4 + k] = rgb[k]!;
        chw[k]![i] = rgb[k]! / 255;
      }
      id.data[i * 4 + 3] = 255;
    }
  }
  ctx.putImageData(id, 0, 0);
  return { url: c.toDataURL('image/png'), width, height, chw };
}

// ---------------------------------------------------------------------------------------------------------
// Reference arithmetic, written independently of the element: plain loops over channel-major arrays.
// ---------------------------------------------------------------------------------------------------------

/** conv2d: input [C][H*W], weights [O][C][K][K] flattened, zero padding, stride; returns [O][Ho*Wo]. */
function refConv(
  input: Float32Array[],
  h: number,
  w: number,
  weights: ArrayLike<number>,
  bias: ArrayLike<number>,
  k: number,
  pad: number,
  stride: number,
) {
  const C = input.length;
  const O = weights.length / (C * k * k);
  const ho = Math.floor((h + 2 * pad - k) / stride) + 1;
  const wo = Math.floor((w + 2 * pad - k) / stride) + 1;
  const out: Float32Array[] = [];
  for (let o = 0; o < O; o++) {
    const m = new Float32Array(ho * wo);
    for (let y = 0; y < ho; y++)
      for (let x = 0; x < wo; x++) {
        let s = bias[o] ?? 0;
        for (let c = 0; c < C; c++)
          for (let i = 0; i < k; i++)
            for (let j = 0; j < k; j++) {
              const yy = y * stride + i - pad;
              const xx = x * stride + j - pad;
              if (yy < 0 || xx < 0 || yy >= h || xx >= w) continue;
              s += input[c]![yy * w + xx]! * weights[((o * C + c) * k + i) * k + j]!;
            }
        m[y * wo + x] = s;
      }
    out.push(m);
  }
  return { maps: out, h: ho, w: wo };
}
const refRelu = (maps: Float32Array[]) => maps.map((m) => m.map((v) => Math.max(0, v)));
function refPool(maps: Float32Array[], h: number, w: number) {
  const ho = Math.floor(h / 2);
  const wo = Math.floor(w / 2);
  return {
    maps: maps.map((m) => {
      const o = new Float32Array(ho * wo);
      for (let y = 0; y < ho; y++)
        for (let x = 0; x < wo; x++)
          o[y * wo + x] = Math.max(
            m[2 * y * w + 2 * x]!,
            m[2 * y * w + 2 * x + 1]!,
            m[(2 * y + 1) * w + 2 * x]!,
            m[(2 * y + 1) * w + 2 * x + 1]!,
          );
      return o;
    }),
    h: ho,
    w: wo,
  };
}
/** A 2-D kernel on a photo is applied to its grey: luminance weights spread over R, G, B. */
const spread = (k2: number[][]) => [0.299, 0.587, 0.114].flatMap((s) => k2.flat().map((v) => v * s));

function expectMapsClose(actual: FeatureMaps, expected: Float32Array[], tol = 2e-3) {
  expect(actual.data.length).to.equal(expected.length);
  let worst = 0;
  actual.data.forEach((m, c) => {
    expect(m.length).to.equal(expected[c]!.length);
    m.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - expected[c]![i]!))));
  });
  expect(worst, `largest difference from the reference: ${worst}`).to.be.below(tol);
}

async function mount(attrs: string): Promise<FeatureMap> {
  const host = document.createElement('div');
  host.className = 'fixture';
  host.innerHTML = `<feature-map ${attrs}></feature-map>`;
  const el = host.firstElementChild as FeatureMap;
  const ready = nextEvent<MapsReadyDetail>(el, 'maps-ready', 60000);
  document.body.appendChild(host);
  await ready;
  await settle(el);
  return el;
}

/** Mounts an element expected to fail and waits until it says so. */
async function mountError(attrs: string): Promise<FeatureMap> {
  const host = document.createElement('div');
  host.className = 'fixture';
  host.innerHTML = `<feature-map ${attrs}></feature-map>`;
  document.body.appendChild(host);
  const el = host.firstElementChild as FeatureMap;
  await settle(el);
  for (let i = 0; i < 200 && !el.error; i++) await new Promise((r) => requestAnimationFrame(r)); // image decode is async
  await settle(el);
  return el;
}

const TEXTBOOK: Record<string, number[][]> = {
  identity: [
    [0, 0, 0],
    [0, 1, 0],
    [0, 0, 0],
  ],
  edge: [
    [-1, -1, -1],
    [-1, 8, -1],
    [-1, -1, -1],
  ],
  'sobel-x': [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ],
  'sobel-y': [
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ],
  laplacian: [
    [0, 1, 0],
    [1, -4, 1],
    [0, 1, 0],
  ],
  blur: [
    [1 / 9, 1 / 9, 1 / 9],
    [1 / 9, 1 / 9, 1 / 9],
    [1 / 9, 1 / 9, 1 / 9],
  ],
  sharpen: [
    [0, -1, 0],
    [-1, 5, -1],
    [0, -1, 0],
  ],
  emboss: [
    [-2, -1, 0],
    [-1, 1, 1],
    [0, 1, 2],
  ],
};

describe('<feature-map>', function () {
  this.timeout(120000);
  afterEach(cleanup);
  const img = makeImage(24, 20);

  it('is accessible, in light and dark, compare mode included', async () => {
    const el = await mount(`src="${img.url}" filters="sobel-x,blur" activation="relu" pool="2" compare`);
    await expectAccessible(el);
    el.theme = 'dark';
    await settle(el);
    await expectAccessible(el);
    const canvases = qa<HTMLCanvasElement>(el, 'canvas');
    expect(canvases.length).to.equal(1 + 2 * 2);
    for (const c of canvases) expect(c.getAttribute('role')).to.equal('img');
    expect(canvases[1]!.getAttribute('aria-label')).to.match(/sobel-x.*values/);
  });

  it('every preset matches the textbook 3×3 kernel on the grey photo (reference convolution)', async () => {
    const names = Object.keys(TEXTBOOK);
    const el = await mount(`src="${img.url}" filters="${names.join(',')}"`);
    expect(el.maps!.shape).to.deep.equal([8, 18, 22]);
    expect(q(el, '[data-testid=shape]').textContent).to.equal('8 × 18 × 22');
    // The loader read exactly the bytes we wrote.
    expectMapsClose(el.inputImage!, img.chw, 1e-6);
    const weights = names.flatMap((n) => spread(TEXTBOOK[n]!));
    const ref = refConv(img.chw, img.height, img.width, weights, [], 3, 0, 1);
    expectMapsClose(el.maps!, ref.maps);
    // Each map's value range is shown beside it.
    const r = (i: number) => qa(el, '[data-testid=range]')[i]!.textContent!.replace(/\s+/g, ' ');
    const min = Math.min(...ref.maps[2]!);
    expect(r(2)).to.contain(`${Math.round(min * 100) / 100}`.replace('-', '−'));
  });

  it('random filters are a seeded fresh nn.Conv2d (kaiming-uniform bounds) and match the reference', async () => {
    const el = await mount(`src="${img.url}" filters="4" kernel-size="5" padding="2" stride="2" seed="42"`);
    const [lw] = el.layerWeights!;
    expect(lw!.shape).to.deep.equal([4, 3, 5, 5]);
    const bound = 1 / Math.sqrt(3 * 5 * 5);
    expect(Math.max(...lw!.weights.map(Math.abs))).to.be.at.most(bound);
    expect(Math.max(...lw!.weights.map(Math.abs))).to.be.above(bound * 0.8); // spread over the whole range
    expect(Math.max(...lw!.bias.map(Math.abs))).to.be.at.most(bound);
    const ref = refConv(img.chw, img.height, img.width, lw!.weights, lw!.bias, 5, 2, 2);
    expect(el.maps!.shape).to.deep.equal([4, ref.h, ref.w]);
    expectMapsClose(el.maps!, ref.maps);
    const same = await mount(`src="${img.url}" filters="4" kernel-size="5" padding="2" stride="2" seed="42"`);
    expect(same.layerWeights![0]!.weights).to.deep.equal(lw!.weights);
    const other = await mount(`src="${img.url}" filters="4" kernel-size="5" seed="43"`);
    expect(other.layerWeights![0]!.weights).not.to.deep.equal(lw!.weights);
  });

  it('ReLU zeroes negatives and max-pool halves each side; compare shows before and after', async () => {
    const el = await mount(`src="${img.url}" filters="sobel-x,laplacian" activation="relu" pool="2" compare`);
    const conv = refConv(
      img.chw,
      img.height,
      img.width,
      [...spread(TEXTBOOK['sobel-x']!), ...spread(TEXTBOOK['laplacian']!)],
      [],
      3,
      0,
      1,
    );
    const pooled = refPool(refRelu(conv.maps), conv.h, conv.w);
    expect(el.maps!.shape).to.deep.equal([2, 9, 11]);
    expectMapsClose(el.maps!, pooled.maps);
    expect(el.mapsBefore!.shape).to.deep.equal([2, 18, 22]);
    expectMapsClose(el.mapsBefore!, conv.maps);
    expect(Math.min(...el.maps!.data.flatMap((m) => [...m]))).to.be.at.least(0);
    expect(shadowText(el)).to.contain('2 × 18 × 22');
    expect(q(el, '[data-testid=shape]').textContent).to.equal('2 × 9 × 11');
    // The reader's toggles: untick ReLU → negatives come back.
    const relu = q<HTMLInputElement>(el, 'input[data-field=relu]');
    const again = nextEvent(el, 'maps-ready', 60000);
    relu.click();
    await again;
    expect(el.activation).to.equal('none');
    expectMapsClose(el.maps!, refPool(conv.maps, conv.h, conv.w).maps);
  });

  it('a custom kernel: 2-D on the grey image, 3-D per colour channel', async () => {
    const k2 = [
      [1, 2],
      [3, 4],
    ];
    const el = await mount(`src="${img.url}" kernel="${JSON.stringify(k2)}"`);
    expectMapsClose(el.maps!, refConv(img.chw, img.height, img.width, spread(k2), [], 2, 0, 1).maps);
    const k3 = [
      [
        [1, 0],
        [0, 0],
      ],
      [
        [0, -1],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 2],
      ],
    ];
    el.kernel = JSON.stringify(k3);
    await nextEvent(el, 'maps-ready', 60000);
    expectMapsClose(el.maps!, refConv(img.chw, img.height, img.width, k3.flat(2), [], 2, 0, 1).maps);
    expect(el.maps!.shape).to.deep.equal([1, 19, 23]);
  });

  it('reproduces the lesson on a 320×320 RGB photo: Conv2d(3→5, K5) → 5×316×316, then Conv2d(5→8, K10, P2, S2) → 8×156×156', async () => {
    const big = makeImage(320, 320, 7);
    const one = await mount(`src="${big.url}" filters="5" kernel-size="5"`);
    expect(one.maps!.shape).to.deep.equal([5, 316, 316]);
    expect(q(one, '[data-testid=shape]').textContent).to.equal('5 × 316 × 316');
    const w1 = one.layerWeights![0]!;
    const ref1 = refConv(big.chw, 320, 320, w1.weights, w1.bias, 5, 0, 1);
    expectMapsClose(one.maps!, ref1.maps);

    const layers = JSON.stringify([
      { filters: '5', kernelSize: 5 },
      { filters: '8', kernelSize: 10, padding: 2, stride: 2 },
    ]);
    const two = await mount(`src="${big.url}" layers='${layers}'`);
    expect(two.maps!.shape).to.deep.equal([8, 156, 156]);
    expect(shadowText(two)).to.match(/3 × 320 × 320.*5 × 316 × 316.*8 × 156 × 156/s);
    const [l1, l2] = two.layerWeights!;
    expect(l1!.weights).to.deep.equal(w1.weights); // same seed, same first layer
    expect(l2!.shape).to.deep.equal([8, 5, 10, 10]);
    // Second layer checked on a strip of rows (the full reference is ~100 M multiply-adds).
    const strip = ref1.maps.map((m) => m.slice(0, 40 * 316));
    const ref2 = refConv(strip, 40, 316, l2!.weights, l2!.bias, 10, 2, 2);
    const rows = 15; // output rows fully inside the strip
    const got = {
      shape: [8, rows, 156] as [number, number, number],
      data: two.maps!.data.map((m) => m.slice(0, rows * 156)),
    };
    expectMapsClose(
      got,
      ref2.maps.map((m) => m.slice(0, rows * 156)),
    );
  });

  it('uses the bundled sample photo by default', async function () {
    const res = await fetch('/src/assets/images/chelsea-320.png', { method: 'HEAD' });
    if (!res.ok) this.skip(); // built by scripts/assets/30-images.mjs
    const el = await mount('');
    expect(el.maps!.shape).to.deep.equal([4, 318, 318]);
    expect(el.inputImage!.shape).to.deep.equal([3, 320, 320]);
  });

  it('downscales a large image to 512 px on the long side, and says so', async () => {
    const wide = makeImage(700, 350, 3);
    const el = await mount(`src="${wide.url}" filters="blur"`);
    expect(el.inputImage!.shape).to.deep.equal([3, 256, 512]);
    expect(el.maps!.shape).to.deep.equal([1, 254, 510]);
    expect(shadowText(el)).to.contain('downscaled to 512×256');
  });

  it('frees every tensor, also when removed mid-render', async () => {
    await mount(`src="${img.url}" filters="2"`); // warm up: backend and its own state
    cleanup();
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 8; i++) {
      const host = document.createElement('div');
      host.className = 'fixture';
      host.innerHTML = `<feature-map src="${img.url}" filters="3" activation="relu" pool="2" compare></feature-map>`;
      document.body.appendChild(host);
      const el = host.firstElementChild as FeatureMap;
      if (i % 2) await nextEvent(el, 'maps-ready', 60000);
      else await settle(el);
      host.remove();
    }
    // One last full render: the aborted runs' reads were queued before its own, so they have finished.
    await mount(`src="${img.url}" filters="1"`);
    cleanup();
    expect(tf.memory().numTensors).to.equal(baseline);
  });

  it('a removed element stops: no maps-ready after removal', async () => {
    const host = document.createElement('div');
    host.className = 'fixture';
    host.innerHTML = `<feature-map src="${img.url}" filters="3"></feature-map>`;
    const el = host.firstElementChild as FeatureMap;
    let fired = 0;
    el.addEventListener('maps-ready', () => fired++);
    document.body.appendChild(host);
    host.remove();
    await mount(`src="${img.url}" filters="1"`);
    expect(fired).to.equal(0);
    expect(el.maps).to.equal(null);
  });

  it('colour scale: viridis ends, and a heat map paints min low and max high', () => {
    expect(colourAt(0)).to.deep.equal([0x44, 0x01, 0x54]);
    expect(colourAt(1)).to.deep.equal([0xfd, 0xe7, 0x25]);
    expect(colourAt(Number.NaN)).to.deep.equal(colourAt(0));
    const cv = document.createElement('canvas');
    drawHeatmap(cv, [-3, 0, 5, 1], 2, 2);
    const px = cv.getContext('2d')!.getImageData(0, 0, 2, 2).data;
    expect([...px.slice(0, 3)]).to.deep.equal(colourAt(0));
    expect([...px.slice(8, 11)]).to.deep.equal(colourAt(1));
    expect(valueRange([2, Number.NaN, -1])).to.deep.equal({ min: -1, max: 2 });
  });

  describe('with a trainer (for + layer)', () => {
    /** A stand-in for <cnn-trainer> with the documented surface: `session.activations`, train-* events. */
    function fakeTrainer(id: string, state = 'training') {
      const t = document.createElement('div') as HTMLDivElement & {
        session: unknown;
        calls: Float32Array[];
        gate: Promise<void> | null;
      };
      t.gate = null;
      t.id = id;
      t.calls = [];
      t.session = {
        state,
        // conv1 of the lesson's CNN: 26×26×16, NHWC. Value = pixel under the window's centre × (channel + 1) × calls.
        activations: async (pixels: Float32Array, layers: string[]) => {
          t.calls.push(pixels);
          if (t.gate) await t.gate; // lets a test hold a refresh in flight
          const out: Record<string, { shape: number[]; data: Float32Array }> = {};
          for (const name of layers) {
            if (name !== 'conv1') continue;
            const data = new Float32Array(26 * 26 * 16);
            for (let y = 0; y < 26; y++)
              for (let x = 0; x < 26; x++)
                for (let c = 0; c < 16; c++)
                  data[(y * 26 + x) * 16 + c] = pixels[(y + 1) * 28 + x + 1]! * (c + 1) * t.calls.length;
            out[name] = { shape: [1, 26, 26, 16], data };
          }
          return out;
        },
      };
      return t;
    }

    it('shows the layer for the chosen test digit, refreshes on train-epoch, and is accessible', async () => {
      const test = await loadMnist({ split: 'test', count: 200 });
      const first3 = [...test.labels].indexOf(3);
      const trainer = fakeTrainer('tr1');
      const host = document.createElement('div');
      host.className = 'fixture';
      host.appendChild(trainer);
      const el = document.createElement('feature-map');
      el.setAttribute('for', 'tr1');
      el.setAttribute('layer', 'conv1');
      el.setAttribute('digit', '3');
      host.appendChild(el);
      const ready = nextEvent<MapsReadyDetail>(el, 'maps-ready', 60000);
      document.body.appendChild(host);
      expect((await ready).detail.source).to.equal('trainer');
      const px = Float32Array.from(test.images.subarray(first3 * 784, first3 * 784 + 784), (v) => v / 255);
      expect([...trainer.calls[0]!]).to.deep.equal([...px]);
      expect(el.maps!.shape).to.deep.equal([16, 26, 26]);
      // NHWC → channel maps: channel 4 at (5, 7) is pixel (6, 8) × 5.
      expect(el.maps!.data[4]![5 * 26 + 7]).to.be.closeTo(px[6 * 28 + 8]! * 5, 1e-6);
      await settle(el);
      await expectAccessible(el);
      const again = nextEvent(el, 'maps-ready', 60000);
      trainer.dispatchEvent(new CustomEvent('train-epoch', { detail: { epoch: 1 } }));
      await again;
      expect(trainer.calls.length).to.equal(2);
      expect(el.maps!.data[4]![5 * 26 + 7]).to.be.closeTo(px[6 * 28 + 8]! * 5 * 2, 1e-6);
      expect(shadowText(el)).to.contain('16 × 26 × 26');
      // A layer's maps are its channels, named so in order.
      const names = [...el.shadowRoot!.querySelectorAll('[part="map"] .name')].map((n) => n.textContent);
      expect(names).to.deep.equal(Array.from({ length: 16 }, (_, i) => `channel ${i + 1}`));
      // Another digit while a refresh is in flight: in the end the first test image of 1 is shown.
      const first1 = [...test.labels].indexOf(1);
      const px1 = Float32Array.from(test.images.subarray(first1 * 784, first1 * 784 + 784), (v) => v / 255);
      const expected = () => {
        const m = new Float32Array(26 * 26);
        for (let y = 0; y < 26; y++)
          for (let x = 0; x < 26; x++) m[y * 26 + x] = px1[(y + 1) * 28 + x + 1]! * trainer.calls.length;
        return m;
      };
      const shows1 = () => !!el.maps && el.maps.data[0]!.every((v, i) => Math.abs(v - expected()[i]!) < 1e-6);
      let release!: () => void;
      trainer.gate = new Promise<void>((r) => (release = r));
      trainer.dispatchEvent(new CustomEvent('train-epoch', { detail: { epoch: 2 } }));
      el.digit = 1;
      await settle(el);
      trainer.gate = null;
      release();
      for (let i = 0; i < 4 && !shows1(); i++) await nextEvent(el, 'maps-ready', 10000);
      expect(shows1()).to.equal(true);
      expect([...trainer.calls[trainer.calls.length - 1]!]).to.deep.equal([...px1]);
      const calls = trainer.calls.length;
      // Unbinding: after removal, events no longer reach it.
      host.removeChild(el);
      trainer.dispatchEvent(new CustomEvent('train-epoch', { detail: { epoch: 3 } }));
      expect(trainer.calls.length).to.equal(calls);
    });

    it('waits for a trainer that appears later, and for one that has not started', async () => {
      const host = document.createElement('div');
      host.className = 'fixture';
      host.innerHTML = '<feature-map for="tr2" layer="conv1"></feature-map>';
      document.body.appendChild(host);
      const el = host.firstElementChild as FeatureMap;
      await settle(el);
      expect(el.status).to.equal('waiting');
      expect(el.error).to.equal(null);
      expect(shadowText(el)).to.contain('tr2');
      const idle = fakeTrainer('tr2', 'idle');
      host.appendChild(idle);
      await settle(el);
      await settle(el);
      expect(el.status).to.equal('waiting');
      idle.remove();
      const ready = nextEvent(el, 'maps-ready', 60000);
      host.appendChild(fakeTrainer('tr2'));
      await ready;
      expect(el.maps!.shape).to.deep.equal([16, 26, 26]);
    });

    it('binds to a trainer whose tag is defined after the feature-map mounted (per-tag CDN files)', async () => {
      const tag = `lazy-trainer-${Date.now().toString(36)}`;
      const host = document.createElement('div');
      host.className = 'fixture';
      host.innerHTML = `<${tag} id="tr-lazy"></${tag}><feature-map for="tr-lazy" layer="conv1"></feature-map>`;
      document.body.appendChild(host);
      const el = host.querySelector('feature-map')!;
      await settle(el);
      expect(el.status).to.equal('waiting');
      // Only now does the trainer's module "load": the element upgrades in place (no DOM mutation).
      const stand = fakeTrainer('unused');
      class LazyTrainer extends HTMLElement {
        session = stand.session;
      }
      const ready = nextEvent<MapsReadyDetail>(el, 'maps-ready', 60000);
      customElements.define(tag, LazyTrainer);
      expect((await ready).detail.source).to.equal('trainer');
      expect(el.maps!.shape).to.deep.equal([16, 26, 26]);
    });

    it('explains an unknown layer', async () => {
      const host = document.createElement('div');
      host.className = 'fixture';
      host.appendChild(fakeTrainer('tr3'));
      host.insertAdjacentHTML('beforeend', '<feature-map for="tr3" layer="conv9"></feature-map>');
      document.body.appendChild(host);
      const el = host.querySelector('feature-map')!;
      for (let i = 0; i < 200 && !el.error; i++) await new Promise((r) => requestAnimationFrame(r));
      expect(el.error).to.match(/no layer "conv9"/);
    });
  });

  const bad: [string, RegExp][] = [
    ['filters="sobel,blur"', /Unknown filter "sobel"/],
    ['filters="edge,,blur"', /empty name/],
    ['filters=""', /empty/],
    ['filters="0"', /at least 1/],
    ['filters="33"', /at most 32/],
    ['filters="2.5"', /whole number/],
    ['kernel="[[1,2],[3"', /not valid JSON/],
    ['kernel="[[1,2],[3]]"', /ragged/],
    ['kernel="[[1,2,3],[4,5,6]]"', /square/],
    ['kernel="[[[1]],[[2]]]"', /2 channel slices but the input has 3/],
    ['kernel-size="0"', /at least 1/],
    ['kernel-size="16"', /at most 15/],
    ['kernel-size="abc"', /must be a number/],
    ['kernel-size="25"', /at most 15/],
    ['kernel-size="15" padding="0"', /larger than the padded input/],
    ['stride="0"', /stride of 0/i],
    ['padding="-1"', /at least 0/],
    ['activation="tanh"', /"none" or "relu"/],
    ['pool="3"', /0 \(none\) or 2/],
    [`layers="[{"`, /not valid JSON/],
    [`layers='[{"filters":"2","size":3}]'`, /unknown key "size"/],
    [`layers='[{"filters":"2"},{"filters":"nope"}]'`, /Layer 2: Unknown filter "nope"/],
    [`layers='[]'`, /non-empty/],
  ];
  for (const [attrs, message] of bad) {
    it(`explains bad input: ${attrs}`, async () => {
      const small = makeImage(12, 12);
      const el = await mountError(`src="${small.url}" ${attrs}`);
      expect(el.error).to.match(message);
      expect(el.maps).to.equal(null);
      const alert = q(el, '[part=error]');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.match(message);
      expect(shadowText(el)).not.to.match(/NaN|Infinity|undefined/);
    });
  }

  it('explains an image that cannot be loaded, or read (CORS)', async () => {
    const el = await mountError('src="/nowhere/cat.png"');
    expect(el.error).to.match(/Could not load the image "\/nowhere\/cat.png"/);
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const cross = await mountError(`src="http://${other}:${location.port}/nowhere.png"`);
    expect(cross.error).to.match(/CORS/);
  });

  it('recovers when the input becomes valid again', async () => {
    const el = await mountError(`src="${img.url}" filters="nope"`);
    expect(el.error).to.be.a('string');
    const ready = nextEvent(el, 'maps-ready', 60000);
    el.filters = 'edge';
    await ready;
    expect(el.error).to.equal(null);
    expect(q(el, '[part=error]').textContent).to.equal('');
  });

  it('two copies on one page are independent: own filters, own maps, removing one mid-render keeps the other', async () => {
    const small = makeImage(16, 16);
    const host = await fixture<HTMLDivElement>(
      `<div><feature-map src="${small.url}" filters="sobel-x"></feature-map><feature-map src="${small.url}" filters="3" seed="7" activation="relu"></feature-map></div>`,
    );
    const [a, b] = [...host.querySelectorAll<FeatureMap>('feature-map')] as [FeatureMap, FeatureMap];
    const done = (el: FeatureMap) =>
      el.maps ? Promise.resolve() : nextEvent(el, 'maps-ready', 60000).then(() => undefined);
    await Promise.all([done(a), done(b)]);
    expect(a.maps!.shape).to.deep.equal([1, 14, 14]);
    expect(b.maps!.shape).to.deep.equal([3, 14, 14]);
    expect(Math.min(...b.maps!.data.map((d) => Math.min(...d)))).to.be.at.least(0); // b's ReLU only
    expect(Math.min(...a.maps!.data[0]!)).to.be.lessThan(0);
    const first = a.maps!.data[0]!.slice();
    b.filters = 'nope';
    a.padding = 1;
    b.remove(); // mid-render
    await nextEvent(a, 'maps-ready', 60000);
    expect(a.error).to.equal(null);
    expect(a.maps!.shape).to.deep.equal([1, 16, 16]);
    expect(a.maps!.data[0]!.length).to.not.equal(first.length);
  });

  it('shows a visible focus ring on every control, in light and dark', async () => {
    const small = makeImage(16, 16);
    const el = await fixture<FeatureMap>(
      `<feature-map src="${small.url}" filters="sobel-x" compare></feature-map>`,
    );
    if (!el.maps) await nextEvent(el, 'maps-ready', 60000);
    await settle(el);
    const focusable = el.shadowRoot!.querySelectorAll(
      'button, input, select, [tabindex]:not([tabindex="-1"])',
    ).length;
    if (focusable) {
      await expectVisibleFocus(el);
      el.theme = 'dark';
      await settle(el);
      await expectVisibleFocus(el);
    }
    expectNoBadNumbers(el);
  });
});

const tiny = makeImage(12, 12);
const NUM = (what: RegExp) => ({
  empty: what,
  negative: what,
  zero: what,
  huge: what,
  fractional: what,
  nonNumeric: what,
});
describeBadInput(
  'feature-map',
  {
    src: {
      empty: 'ok',
      negative: /Could not load the image/,
      zero: /Could not load the image/,
      huge: /Could not load the image/,
      fractional: /Could not load the image/,
      nonNumeric: /Could not load the image/,
    },
    filters: {
      empty: /empty/,
      negative: /at least 1|Unknown filter/,
      zero: /at least 1/,
      huge: /at most 32|Unknown filter "1e9"/,
      fractional: /whole number/,
      nonNumeric: /Unknown filter "abc"/,
    },
    kernel: {
      empty: 'ok',
      negative: /array|square|rows/i,
      zero: /array|square|rows/i,
      huge: /array|square|rows/i,
      fractional: /array|square|rows/i,
      nonNumeric: /not valid JSON/,
      malformedJson: /not valid JSON/,
    },
    'kernel-size': { ...NUM(/Kernel size/), huge: /at most 15/, nonNumeric: /must be a number/ },
    padding: { ...NUM(/Padding/), zero: 'ok' },
    stride: NUM(/Stride/),
    activation: NUM(/"none" or "relu"/),
    pool: { ...NUM(/0 \(none\) or 2/), zero: 'ok' },
    seed: { ...NUM(/Seed must be a whole number/), negative: 'ok', zero: 'ok', huge: 'ok' },
    compare: { empty: 'ok', negative: 'ok', zero: 'ok', huge: 'ok', fractional: 'ok', nonNumeric: 'ok' },
    // Text that is not JSON is read as PyTorch layers (`Conv2d(3, 4, 3), ReLU()`), and explained as such.
    layers: {
      empty: 'ok',
      negative: /expected a layer like Conv2d/,
      zero: /expected a layer like Conv2d/,
      huge: /expected a layer like Conv2d/,
      fractional: /expected a layer like Conv2d/,
      nonNumeric: /unknown layer "abc"/,
      malformedJson: /not valid JSON/,
    },
  },
  {
    json: ['kernel', 'layers'],
    base: `src="${tiny.url}"`,
    ready: async (el) => {
      const fm = el as unknown as FeatureMap;
      for (let i = 0; i < 600 && ['idle', 'loading', 'computing'].includes(fm.status); i++) {
        await new Promise((r) => requestAnimationFrame(r));
      }
    },
  },
);
