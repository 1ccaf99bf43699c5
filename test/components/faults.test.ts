// The elements under real network faults (the test server's /__fault/ route, see web-test-runner.config.mjs):
// a damaged or stalled download is an error in the element (`part="error"`, `role="alert"`, `error`), with a
// Retry button that works once the fault is gone, and `state` never stays at `loading`.
import { expect } from '@esm-bundle/chai';
import '../../src/define/cnn-trainer.js';
import '../../src/define/digit-pad.js';
import '../../src/define/feature-map.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { DigitPad } from '../../src/components/digit-pad/digit-pad.js';
import type { FeatureMap } from '../../src/components/feature-map/feature-map.js';
import { assetBase, setAssetBase } from '../../src/engine/assets.js';
import { setDownloadTimeout } from '../../src/engine/data/download.js';
import { clearMnistCache } from '../../src/engine/data/mnist.js';
import { cleanup, fixture, nextEvent, settle } from '../helpers.js';

let n = 0;
/** A URL prefix that gives `kind` to the first `times` requests for `file` (fresh counters per call). */
const fault = (kind: string, file: string, times = 1) =>
  `/__fault/${kind},${times},${file},c${Date.now()}x${n++}/dist/assets/`;
const q = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);

/** Waits (by polling the element's own updates, each a frame) until `ok()` or fails after `ms`. */
async function until(el: Element, ok: () => boolean, what: string, ms = 20000): Promise<void> {
  const t0 = performance.now();
  while (!ok()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await settle(el);
  }
}

describe('faults in the elements', () => {
  let saved: string;
  beforeEach(() => {
    saved = assetBase();
    clearMnistCache();
    setDownloadTimeout(400);
  });
  afterEach(() => {
    cleanup();
    setAssetBase(saved);
    setDownloadTimeout(null);
  });

  it('<feature-map>: a sample photo with 256 flipped bytes is an error with Retry; Retry works', async () => {
    setAssetBase(fault('flip', 'chelsea-320.png'));
    const el = await fixture<FeatureMap>('<feature-map filters="edge"></feature-map>');
    await until(el, () => el.status === 'error', 'the error');
    expect(el.error).to.match(/chelsea-320\.png arrived damaged/);
    expect(el.maps).to.equal(null);
    const alert = q(el, '[part=error]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.match(/damaged/);
    const retry = q<HTMLButtonElement>(el, 'button[part=retry]')!;
    expect(retry.textContent!.trim()).to.equal('Retry');
    const ready = nextEvent(el, 'maps-ready', 60000);
    retry.click();
    await ready;
    expect(el.error).to.equal(null);
    expect(el.maps!.shape).to.deep.equal([1, 318, 318]);
    expect(q(el, 'button[part=retry]')).to.equal(null);
  });

  it('<feature-map>: a truncated or stalled photo is an error, never a half image', async () => {
    for (const kind of ['truncate', 'stall']) {
      const src = fault(kind, 'coffee-320.png', 99) + 'images/coffee-320.png';
      const el = await fixture<FeatureMap>(`<feature-map src="${src}" filters="edge"></feature-map>`);
      await until(el, () => el.status === 'error', `the ${kind} error`);
      expect(el.error, kind).to.match(kind === 'stall' ? /stalled/ : /cut short/);
      expect(el.error).to.contain('coffee-320.png');
      expect(q(el, 'button[part=retry]'), kind).not.to.equal(null);
    }
  });

  it('<digit-pad>: weights with 256 flipped bytes are refused with Retry; Retry works', async () => {
    const src = fault('flip', 'cnn-mnist.bin') + 'weights/cnn-mnist.json';
    const el = await fixture<DigitPad>(`<digit-pad weights-src="${src}"></digit-pad>`);
    await until(el, () => el.status === 'error', 'the error');
    expect(el.error).to.match(/cnn-mnist\.bin arrived damaged/);
    expect(q(el, '[part=error]')!.textContent).to.match(/damaged/);
    q<HTMLButtonElement>(el, 'button[part=retry]')!.click();
    await until(el, () => el.status === 'ready', 'the network', 60000);
    expect(el.error).to.equal(null);
  });

  it('<cnn-trainer>: a stalled download fails (never loading forever) with Retry; Retry trains', async () => {
    const dataSrc = fault('stall', 'test-0.u8z') + 'mnist/';
    const el = await fixture<CnnTrainer>(
      `<cnn-trainer data-src="${dataSrc}" train-size="200" epochs="1" backend="cpu"></cnn-trainer>`,
    );
    const failed = nextEvent(el, 'train-error', 20000);
    void el.start();
    await failed;
    await settle(el);
    expect(el.state).to.equal('error');
    expect(el.error).to.match(/test-0\.u8z.*stalled; check your connection and press Retry/);
    expect(q(el, '[part=error]')!.textContent).to.match(/stalled/);
    const started = nextEvent(el, 'train-start', 60000);
    q<HTMLButtonElement>(el, 'button[part=retry]')!.click();
    await started;
    expect(el.state).not.to.equal('loading');
    expect(el.error).to.equal(null);
    el.stop();
  });

  it('<cnn-trainer>: a dropped connection on the manifest is retryable, not a format error', async () => {
    const dataSrc = fault('reset', 'dataset.json', 99) + 'mnist/';
    const el = await fixture<CnnTrainer>(
      `<cnn-trainer data-src="${dataSrc}" train-size="200"></cnn-trainer>`,
    );
    // data-src's dataset.json is read at once (its class names, its shape), so the fault shows before Start.
    await until(el, () => el.error !== null, 'the error');
    expect(el.state).not.to.equal('loading');
    expect(el.error).not.to.match(/not in the format/);
    expect(el.error).to.contain('dataset.json');
    expect(q(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
    const retry = q<HTMLButtonElement>(el, 'button[part=retry]')!;
    expect(retry).not.to.equal(null);
    // Retry reads it again (still cut here): the same retryable error, never a format error or a hang.
    retry.click();
    await el.updateComplete;
    expect(el.error).to.contain('dataset.json');
    expect(el.error).not.to.match(/not in the format/);
    expect(q(el, 'button[part=retry]')).not.to.equal(null);
  });
});
