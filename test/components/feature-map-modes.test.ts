// <feature-map>'s two modes as controllers (photo: src → filters → maps; trainer: for + layer): the lifecycle
// name they share (`state`, with `status` as its alias), what a re-attached element does, how trainer refreshes
// supersede each other, and the input picture each mode paints.
import { expect } from '@esm-bundle/chai';
import '../../src/define/feature-map.js';
import type { FeatureMap, MapsReadyDetail } from '../../src/components/feature-map/feature-map.js';
import { loadMnist } from '../../src/engine/data/mnist.js';
import { cleanup, nextEvent, settle } from '../helpers.js';
import { photo } from './photo.js';

/** A 16×16 opaque PNG as a data URL, with a known colour at (3, 5). */
const knownPhoto = () => photo(16, 16, { x: 3, y: 5, size: 1, colour: 'rgb(200, 40, 90)' });

/** A stand-in trainer: `session.activations` answers conv1 (26×26×16) with `calls` as every value. */
function fakeTrainer(id: string) {
  const t = document.createElement('div') as HTMLDivElement & {
    session: unknown;
    calls: number;
    gate: Promise<void> | null;
  };
  t.id = id;
  t.calls = 0;
  t.gate = null;
  t.session = {
    state: 'training',
    activations: async (_pixels: Float32Array, layers: string[]) => {
      const call = ++t.calls;
      if (t.gate) await t.gate;
      const data = new Float32Array(26 * 26 * 16).fill(call);
      return Object.fromEntries(layers.map((l) => [l, { shape: [1, 26, 26, 16], data }]));
    },
  };
  return t;
}

function place(markup: string): HTMLDivElement {
  const host = document.createElement('div');
  host.className = 'fixture';
  host.innerHTML = markup;
  document.body.appendChild(host);
  return host;
}

const pixel = (cv: HTMLCanvasElement, x: number, y: number) => [
  ...cv.getContext('2d')!.getImageData(x, y, 1, 1).data,
];

describe('<feature-map> modes', function () {
  this.timeout(60000);
  afterEach(cleanup);
  const src = knownPhoto();

  it('`state` names the lifecycle (`status` is its alias): ready, error, waiting', async () => {
    const host = document.createElement('div');
    host.className = 'fixture';
    host.innerHTML = `<feature-map src="${src}" filters="edge"></feature-map>`;
    const el = host.firstElementChild as FeatureMap;
    const ready = nextEvent(el, 'maps-ready');
    document.body.appendChild(host);
    await ready;
    expect(el.state).to.equal('ready');
    expect(el.status).to.equal(el.state);
    el.filters = 'nope';
    for (let i = 0; i < 100 && el.state !== 'error'; i++) await settle(el);
    expect([el.state, el.status]).to.deep.equal(['error', 'error']);
    expect(el.error).to.match(/Unknown filter "nope"/);
    el.htmlFor = 'no-such-trainer';
    for (let i = 0; i < 100 && el.state !== 'waiting'; i++) await settle(el);
    expect([el.state, el.status, el.error]).to.deep.equal(['waiting', 'waiting', null]);
  });

  it('re-attached after a removal before or during its run, it computes the maps', async () => {
    for (const wait of [false, true]) {
      const host = place(`<feature-map src="${src}" filters="edge"></feature-map>`);
      const el = host.firstElementChild as FeatureMap;
      if (wait) {
        await el.updateComplete; // the first update started the run
        expect(el.state).to.be.oneOf(['loading', 'computing']);
      }
      host.remove();
      await settle(el);
      expect(el.maps, `wait=${wait}`).to.equal(null);
      const ready = nextEvent<MapsReadyDetail>(el, 'maps-ready');
      document.body.appendChild(host);
      expect((await ready).detail.maps.shape, `wait=${wait}`).to.deep.equal([1, 14, 14]);
    }
  });

  it('a batch never supersedes a refresh in flight, and batches refresh at most once a second', async () => {
    const trainer = fakeTrainer('tr-batch');
    const host = place('');
    host.appendChild(trainer);
    host.insertAdjacentHTML('beforeend', '<feature-map for="tr-batch" layer="conv1"></feature-map>');
    const el = host.querySelector<FeatureMap>('feature-map')!;
    if (!el.maps) await nextEvent(el, 'maps-ready');
    expect(el.maps!.data[0]![0]).to.equal(1);
    let release!: () => void;
    trainer.gate = new Promise<void>((r) => (release = r));
    const epoch = nextEvent(el, 'maps-ready');
    trainer.dispatchEvent(new CustomEvent('train-epoch', { detail: { epoch: 1 } }));
    await settle(el);
    expect(trainer.calls).to.equal(2);
    for (let i = 0; i < 3; i++) trainer.dispatchEvent(new CustomEvent('train-batch', { detail: {} }));
    await settle(el);
    expect(trainer.calls, 'batches while the epoch refresh is in flight').to.equal(2);
    expect(el.state).to.equal('ready'); // the maps shown stay, and so does the state
    trainer.gate = null;
    release();
    await epoch;
    expect(el.maps!.data[0]![0], 'the epoch’s answer is shown').to.equal(2);
    const batch = nextEvent(el, 'maps-ready');
    trainer.dispatchEvent(new CustomEvent('train-batch', { detail: {} }));
    trainer.dispatchEvent(new CustomEvent('train-batch', { detail: {} }));
    await batch;
    expect(trainer.calls, 'one batch refresh, the second within the second').to.equal(3);
    expect(el.maps!.data[0]![0]).to.equal(3);
  });

  it('following a trainer, paints its canvases a few per frame, all of them before `maps-ready`', async () => {
    const trainer = fakeTrainer('tr-frames');
    const host = place('');
    host.appendChild(trainer);
    host.insertAdjacentHTML('beforeend', '<feature-map for="tr-frames" layer="conv1"></feature-map>');
    const el = host.querySelector<FeatureMap>('feature-map')!;
    if (!el.maps) await nextEvent(el, 'maps-ready');
    // Count the canvases painted in each animation frame of a refresh (each copies its pixels to the
    // compositor when the frame is shown).
    const perFrame: number[] = [0];
    const put = CanvasRenderingContext2D.prototype.putImageData;
    CanvasRenderingContext2D.prototype.putImageData = function (
      this: CanvasRenderingContext2D,
      ...a: Parameters<typeof put>
    ) {
      perFrame[perFrame.length - 1]!++;
      return put.apply(this, a);
    } as typeof put;
    let counting = true;
    const tick = () => {
      if (!counting) return;
      perFrame.push(0);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      const ready = nextEvent(el, 'maps-ready');
      trainer.dispatchEvent(new CustomEvent('train-epoch', { detail: { epoch: 1 } }));
      await ready;
    } finally {
      counting = false;
      CanvasRenderingContext2D.prototype.putImageData = put;
    }
    const canvases = el.shadowRoot!.querySelectorAll('canvas[data-map], canvas[data-input]').length;
    expect(canvases).to.equal(17);
    expect(
      perFrame.reduce((a, b) => a + b, 0),
      'every canvas painted before maps-ready',
    ).to.equal(canvases);
    expect(Math.max(...perFrame), 'canvases painted in one frame').to.be.at.most(4);
    // The last map shows the new answer (2 everywhere: a flat map paints the middle of the scale).
    expect(el.maps!.data[15]![0]).to.equal(2);
  });

  it('refreshes after a fine-tune (the same session, new weights) and on `dataset`', async () => {
    const trainer = fakeTrainer('tr-tune');
    const host = place('');
    host.appendChild(trainer);
    host.insertAdjacentHTML('beforeend', '<feature-map for="tr-tune" layer="conv1"></feature-map>');
    const el = host.querySelector<FeatureMap>('feature-map')!;
    if (!el.maps) await nextEvent(el, 'maps-ready');
    expect(el.maps!.data[0]![0]).to.equal(1);
    const tuned = nextEvent(el, 'maps-ready');
    trainer.dispatchEvent(new CustomEvent('fine-tune', { detail: { steps: 30, examples: 1 } }));
    await tuned;
    expect(trainer.calls).to.equal(2);
    expect(el.maps!.data[0]![0], 'the fine-tuned network’s answer').to.equal(2);
    const known = nextEvent(el, 'maps-ready');
    trainer.dispatchEvent(new CustomEvent('dataset', { detail: { name: 'MNIST' } }));
    await known;
    expect(el.maps!.data[0]![0]).to.equal(3);
  });

  it('paints the input: the photo in colour, the test digit in grey', async () => {
    const host = place(`<feature-map src="${src}" filters="edge"></feature-map>`);
    const el = host.firstElementChild as FeatureMap;
    if (!el.maps) await nextEvent(el, 'maps-ready');
    await settle(el);
    const input = () => el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[data-input]')!;
    expect([input().width, input().height]).to.deep.equal([16, 16]);
    expect(pixel(input(), 3, 5)).to.deep.equal([200, 40, 90, 255]);
    expect(pixel(input(), 4, 5)).to.deep.equal([10, 120, 230, 255]);

    const test = await loadMnist({ split: 'test', count: 200 });
    const first = [...test.labels].indexOf(4);
    host.appendChild(fakeTrainer('tr-paint'));
    const ready = nextEvent<MapsReadyDetail>(el, 'maps-ready');
    el.digit = 4;
    el.htmlFor = 'tr-paint';
    expect((await ready).detail.source).to.equal('trainer');
    await settle(el);
    expect([input().width, input().height]).to.deep.equal([28, 28]);
    // The brightest pixel of the digit, as MNIST's own byte (white ink on black).
    const bytes = test.images.subarray(first * 784, first * 784 + 784);
    const at = bytes.indexOf(Math.max(...bytes));
    const v = bytes[at]!;
    expect(pixel(input(), at % 28, Math.floor(at / 28))).to.deep.equal([v, v, v, 255]);
    expect(pixel(input(), 0, 0)).to.deep.equal([0, 0, 0, 255]);
  });
});
