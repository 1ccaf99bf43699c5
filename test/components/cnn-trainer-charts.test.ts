import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/cnn-trainer.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { TrainingCurves } from '../../src/components/cnn-trainer/training-curves.js';
import { loadTranslation } from '../../src/components/shared/localize.js';
import { cleanup, expectAccessible, settle } from '../helpers.js';
import { expectNoBadNumbers } from './quality.js';
import { FakeSession, fakeTrainer, frame } from './fake-trainer.js';

/** The stand-in session, recording what it reports in `history` as the real one does. */
class ChartsSession extends FakeSession {
  begin() {
    this.backend = 'wasm';
    this.set('training');
    this.fire('train-start', {});
  }
  batch(epoch: number, batch: number, batches: number) {
    const b = {
      epoch,
      batch,
      batches,
      loss: 2 / (epoch * batches + batch),
      accuracy: 0.05 * batch,
      imagesPerSecond: 900,
    };
    this.history.batches.push(b);
    this.fire('train-batch', b);
  }
  epoch(epoch: number, testAccuracy: number) {
    const e = { epoch, loss: 1 / epoch, accuracy: 0.5, testAccuracy };
    this.history.epochs.push(e);
    this.testAccuracy = testAccuracy;
    this.fire('train-epoch', e);
  }
}
const { sessions, mount, started } = fakeTrainer('charts-cnn-trainer', (config) => new ChartsSession(config));

const q = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const refresh = async (el: CnnTrainer) => {
  await frame();
  await settle(el);
  await settle(q<TrainingCurves>(el, 'cnn-training-curves')!);
};
const toggle = (el: Element) => q<HTMLButtonElement>(el, 'button[part=data-toggle]')!;
/** The table's body, cell by cell (the row header first). */
const cells = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part=data-table] tbody tr')].map((tr) =>
    [...tr.children].map((c) => c.textContent!.trim()),
  );

/** Plays two epochs of 8 batches (the second with a test accuracy still to come) and half of a third. */
async function play(el: CnnTrainer) {
  const s = await started(el);
  s.begin();
  for (let b = 1; b <= 8; b++) s.batch(1, b, 8);
  s.epoch(1, 0.625);
  for (let b = 1; b <= 8; b++) s.batch(2, b, 8);
  s.epoch(2, 0.8125);
  for (let b = 1; b <= 4; b++) s.batch(3, b, 8);
  await refresh(el);
  return s;
}

describe('<cnn-trainer> charts without sight', () => {
  beforeEach(() => (sessions.length = 0));
  afterEach(cleanup);

  it('a visible Data table toggle (a button with aria-expanded) opens the charts’ numbers as a table', async () => {
    const el = await mount('epochs="3"');
    const button = toggle(el);
    expect(button.tagName).to.equal('BUTTON');
    expect(button.textContent!.trim()).to.equal('Data table');
    expect(button.getBoundingClientRect().height).to.be.greaterThan(20); // visible, not only for screen readers
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(q(el, '[part=data-table]')).to.equal(null);
    await play(el);
    button.click();
    await refresh(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const region = q(el, '[part=data-table]')!;
    expect(button.getAttribute('aria-controls')).to.equal(region.id);
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.querySelector('caption')!.textContent).to.match(/by epoch/);
    expect([...region.querySelectorAll('thead th')].map((t) => t.textContent!.trim())).to.deep.equal([
      'Epoch',
      'Batches',
      'Loss',
      'Train accuracy',
      'Test accuracy',
    ]);
    await expectAccessible(el);
    button.click();
    await refresh(el);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(q(el, '[part=data-table]')).to.equal(null);
  });

  it('the table’s numbers are the curves’ (smoothed, at each epoch’s last batch) and the history’s', async () => {
    const el = await mount('epochs="3"');
    await play(el);
    toggle(el).click();
    await refresh(el);
    const curves = q<TrainingCurves>(el, 'cnn-training-curves')!.curves;
    const history = el.history;
    const rows = cells(el);
    expect(rows.map((r) => r[0])).to.deep.equal(['1', '2', '3']);
    rows.forEach(([, batches, loss, acc, test], i) => {
      const k = i + 1;
      // The curves' points of epoch k lie in (k − 1, k]; the table shows the last one's values.
      const last = curves.x
        .map((x, j) => (x > k - 1 && x <= k ? j : -1))
        .filter((j) => j >= 0)
        .at(-1)!;
      const ofEpoch = history.batches.filter((b) => b.epoch === k).length;
      expect(Number(batches), `batches of epoch ${k}`).to.equal(ofEpoch);
      expect(loss, `loss of epoch ${k}`).to.equal(curves.loss[last]!.toFixed(3));
      expect(acc, `train accuracy of epoch ${k}`).to.equal(`${(curves.acc[last]! * 100).toFixed(1)}%`);
      const tested = history.epochs.find((e) => e.epoch === k);
      expect(test, `test accuracy of epoch ${k}`).to.equal(
        tested ? `${(tested.testAccuracy * 100).toFixed(1)}%` : '—',
      );
      const at = curves.testX.indexOf(k);
      if (at >= 0) expect(test).to.equal(`${(curves.test[at]! * 100).toFixed(1)}%`);
    });
    expect(rows[0]![4]).to.equal('62.5%');
    expect(rows[1]![4]).to.equal('81.3%');
    expect(rows[2]!.slice(1, 2)).to.deep.equal(['4']); // the epoch in progress: its 4 batches so far
    expectNoBadNumbers(el);
    // More batches arrive while it is open: the table follows.
    const s = sessions.at(-1)!;
    for (let b = 5; b <= 8; b++) s.batch(3, b, 8);
    s.epoch(3, 0.9);
    await refresh(el);
    expect(cells(el)[2]!.slice(1)).to.deep.include.members(['8', '90.0%']);
  });

  it('the toggle works from the keyboard: focused, Enter and Space', async function () {
    const el = await mount('epochs="3"');
    await play(el);
    const button = toggle(el);
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
    try {
      await sendKeys({ press: 'Enter' });
    } catch (e) {
      // WebKitGTK's WebDriver sends no keys, and a synthetic key event does not press a real button.
      if (/not supported/.test(String(e))) this.skip();
      throw e;
    }
    await refresh(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(cells(el).length).to.equal(3);
    await sendKeys({ press: ' ' }); // the space bar
    await refresh(el);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(q(el, '[part=data-table]')).to.equal(null);
  });

  it('the table speaks the reader’s language, numbers included', async () => {
    await loadTranslation('de');
    const el = await mount('epochs="3" lang="de"');
    await play(el);
    await refresh(el);
    expect(toggle(el).textContent!.trim()).to.equal('Datentabelle');
    toggle(el).click();
    await refresh(el);
    expect(q(el, '[part=data-table] caption')!.textContent).to.match(/pro Epoche/);
    expect(q(el, '[part=data-table] thead')!.textContent).to.match(/Verlust/);
    const curves = q<TrainingCurves>(el, 'cnn-training-curves')!.curves;
    const last = curves.x.filter((x) => x <= 1).length - 1;
    expect(cells(el)[0]![2]).to.equal(curves.loss[last]!.toFixed(3).replace('.', ','));
    expect(cells(el)[0]![4]).to.match(/^62,5\s?%$/);
  });
});

/** The live region's texts as they change, each with when (ms since `watch` began). */
function watch(live: Element) {
  const t0 = performance.now();
  const said: { at: number; text: string }[] = [];
  const note = () => {
    const text = live.textContent!.replace(/\s+/g, ' ').trim();
    if (text && text !== said.at(-1)?.text) said.push({ at: performance.now() - t0, text });
  };
  const obs = new MutationObserver(note);
  obs.observe(live, { childList: true, characterData: true, subtree: true });
  return { said, stop: () => obs.disconnect() };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<cnn-trainer> announces epochs at most every 5 s', () => {
  beforeEach(() => (sessions.length = 0));
  afterEach(cleanup);

  it('says an epoch’s result in the polite live region', async () => {
    const el = await mount('epochs="4"');
    const s = await started(el);
    const live = q(el, '[data-testid=live]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.getAttribute('role')).to.equal('status');
    s.begin();
    for (let b = 1; b <= 8; b++) s.batch(1, b, 8);
    s.epoch(1, 0.5);
    await settle(el);
    expect(live.textContent!.trim()).to.equal('Epoch 1 of 4 done: test accuracy 50.0%.');
  });

  it('coalesces fast epochs: none within 5 s of the last said, then the newest; the last epoch always said', async function () {
    this.timeout(20000);
    const el = await mount('epochs="6"');
    const s = await started(el);
    const live = q(el, '[data-testid=live]')!;
    s.begin();
    await settle(el);
    const w = watch(live);
    // Six epochs in well under 5 s (a small network on a fast machine): said are the first, then after 5 s the
    // newest of those that came meanwhile, then the last with the run's end.
    s.epoch(1, 0.5);
    await settle(el);
    for (let e = 2; e <= 4; e++) {
      await sleep(30);
      s.epoch(e, 0.5 + e / 20);
      await settle(el);
    }
    await sleep(300);
    expect(live.textContent!.trim()).to.equal('Epoch 1 of 6 done: test accuracy 50.0%.');
    for (let i = 0; i < 70 && !/Epoch 4/.test(live.textContent!); i++) await sleep(100);
    expect(live.textContent!.trim()).to.equal('Epoch 4 of 6 done: test accuracy 70.0%.');
    s.epoch(5, 0.75);
    await settle(el);
    await sleep(200);
    s.epoch(6, 0.8);
    s.testAccuracy = 0.8;
    s.set('done');
    s.fire('train-end', {});
    await settle(el);
    await sleep(200);
    w.stop();
    const epochs = w.said.filter((x) => /Epoch/.test(x.text));
    expect(
      epochs.map((x) => x.text),
      w.said.map((x) => `${Math.round(x.at)} ms: ${x.text}`).join(' | '),
    ).to.deep.equal([
      'Epoch 1 of 6 done: test accuracy 50.0%.',
      'Epoch 4 of 6 done: test accuracy 70.0%.',
      'Epoch 6 of 6 done: test accuracy 80.0%. Training finished: test accuracy 80.0%.',
    ]);
    // The second came 5 s after the first (not earlier, and not much later).
    expect(epochs[1]!.at - epochs[0]!.at).to.be.within(4900, 5600);
    expect(w.said.some((x) => /Epoch [235] /.test(x.text))).to.equal(false);
    // Nothing is said after the end: the timer of a coalesced epoch is gone.
    const before = live.textContent;
    await sleep(300);
    expect(live.textContent).to.equal(before);
  });

  it('an epoch waiting for its turn is said with a stop, and nothing after it or after a removal', async function () {
    this.timeout(15000);
    const stopped = await mount('epochs="3"');
    const removed = await mount('epochs="3"');
    const runs = [await started(stopped), await started(removed)];
    for (const s of runs) {
      s.begin();
      s.epoch(1, 0.5);
      s.epoch(2, 0.6); // within 5 s of epoch 1: waits for its turn
    }
    await settle(stopped);
    await settle(removed);
    const live = (el: Element) => q(el, '[data-testid=live]')!;
    expect(live(stopped).textContent).to.match(/Epoch 1 of 3/);
    expect(live(removed).textContent).to.match(/Epoch 1 of 3/);
    stopped.stop();
    removed.remove();
    await settle(stopped);
    expect(live(stopped).textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Epoch 2 of 3 done: test accuracy 60.0%. Training finished: test accuracy 60.0%.',
    );
    const after = [live(stopped).textContent, live(removed).textContent];
    await sleep(5300);
    expect([live(stopped).textContent, live(removed).textContent]).to.deep.equal(after);
    expect(live(removed).textContent).not.to.match(/Epoch 2/);
  });
});
