// <digit-pad>'s controllers seen from outside: predictions on one network never overlap, a stroke drawn faster
// than the network answers still shows live guesses, and `state` is the lifecycle property (`status` its alias).
import { expect } from '@esm-bundle/chai';
import '../../src/define/digit-pad.js';
import type { DigitPad, DigitPrediction } from '../../src/components/digit-pad/digit-pad.js';
import { cleanup, fixture, nextEvent, settle } from '../helpers.js';

const frame = () => new Promise((r) => requestAnimationFrame(r));

/** A stand-in trainer whose session answers each prediction only when the test says so. */
function slowTrainer(id: string) {
  const calls: { pixels: Float32Array; answer: () => void }[] = [];
  let running = 0;
  let most = 0;
  const trainer = document.createElement('div') as HTMLDivElement & { model: string; session: unknown };
  trainer.id = id;
  trainer.model = 'fnn';
  trainer.session = {
    predict: (pixels: Float32Array) => {
      most = Math.max(most, ++running);
      return new Promise<Float32Array>((resolve) => {
        calls.push({
          pixels: pixels.slice(),
          answer: () => {
            running--;
            const out = new Float32Array(10);
            out[Math.min(9, Math.round(pixels[0]! * 9))] = 1; // the digit is the first pixel's level
            resolve(out);
          },
        });
      });
    },
  };
  return { trainer, calls, most: () => most };
}

async function mountWithTrainer(id: string) {
  const t = slowTrainer(id);
  const host = await fixture<HTMLDivElement>(`<div></div>`);
  const el = document.createElement('digit-pad');
  el.htmlFor = id;
  host.append(el, t.trainer);
  await settle(el);
  return { el, ...t };
}

/** Waits a frame at a time until `ok()`, failing after `n` frames. */
async function until(ok: () => boolean, what: string, n = 120) {
  for (let i = 0; i < n && !ok(); i++) await frame();
  expect(ok(), what).to.equal(true);
}

const image = (level: number) => {
  const px = new Float32Array(784);
  px[0] = level;
  return px;
};

/** Real pointer events on the pad, at pad fractions. */
function pointer(el: DigitPad, type: string, fx: number, fy: number) {
  const pad = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.pad')!;
  const r = pad.getBoundingClientRect();
  pad.dispatchEvent(
    new PointerEvent(type, {
      pointerId: 3,
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
}

describe('<digit-pad> controllers', function () {
  this.timeout(60000);
  afterEach(cleanup);

  it('never runs two predictions at once; of the inputs set meanwhile only the newest is predicted', async () => {
    const { el, calls, most } = await mountWithTrainer('slow-1');
    expect(el.state).to.equal('ready');
    void el.setPixels(image(0.9));
    await until(() => calls.length === 1, 'the first prediction starts');
    void el.setPixels(image(0.5));
    const last = el.setPixels(image(0.2));
    for (let f = 0; f < 3; f++) await frame();
    expect(calls, 'no second prediction while the first runs').to.have.length(1);
    calls[0]!.answer();
    await until(() => calls.length === 2, 'the newest input is predicted next');
    expect(calls[1]!.pixels[0]).to.be.closeTo(0.2, 1e-6);
    calls[1]!.answer();
    expect((await last)!.digit).to.equal(2);
    expect(el.prediction!.digit).to.equal(2);
    expect(calls).to.have.length(2); // 0.5 was overtaken while it waited: never predicted
    expect(most()).to.equal(1);
  });

  it('a stroke faster than the network still shows live guesses, one prediction at a time', async () => {
    const { el, calls, most } = await mountWithTrainer('slow-2');
    pointer(el, 'pointerdown', 0.5, 0.2);
    pointer(el, 'pointermove', 0.5, 0.3);
    await until(() => calls.length === 1, 'a live prediction starts');
    // The reader keeps drawing over several frames while the network is busy.
    for (let f = 0; f < 4; f++) {
      pointer(el, 'pointermove', 0.5, 0.4 + f * 0.1);
      await frame();
    }
    expect(calls).to.have.length(1);
    // Its answer is shown mid-stroke (not dropped for being older than the ink)…
    const shown = nextEvent<DigitPrediction>(el, 'predict');
    calls[0]!.answer();
    await shown;
    // …and the frame after it, the ink drawn meanwhile is predicted.
    await until(() => calls.length === 2, 'the next live prediction');
    calls[1]!.answer();
    pointer(el, 'pointerup', 0.5, 0.8);
    await until(() => calls.length === 3, 'the final prediction');
    const final = nextEvent<DigitPrediction>(el, 'predict');
    calls[2]!.answer();
    await final;
    expect(most()).to.equal(1);
  });

  it('`state` is the lifecycle property; `status` is the same value', async () => {
    const el = await fixture<DigitPad>('<digit-pad for="no-such-trainer"></digit-pad>');
    await settle(el);
    expect([el.state, el.status]).to.deep.equal(['waiting', 'waiting']);
    el.htmlFor = null;
    await settle(el);
    expect(el.state).to.equal('loading');
    await el.setPixels(image(0.5));
    expect([el.state, el.status]).to.deep.equal(['ready', 'ready']);
    el.weightsSrc = '/src/assets/weights/missing.json';
    await settle(el);
    await until(() => el.state === 'error', 'the download fails');
    expect(el.status).to.equal('error');
  });
});
