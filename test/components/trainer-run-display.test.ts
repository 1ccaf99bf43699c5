/**
 * What the trainer shows of a run is the run's, whatever happens to the settings meanwhile, and a run that ends
 * before the test set is evaluated says so (in the trainer and in a `<confusion-matrix for>`), instead of waiting
 * for results that will never come. Found by a newcomer trying the element: a bad attribute set during a run left
 * "Preparing the first batch…" for the whole run and "Fix the settings to start" at its end; `epochs="5"` set
 * during a 2-epoch run showed "Done · epoch 2/5"; a Stop in the first epoch left both elements waiting.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/define/cnn-trainer.js';
import '../../src/define/confusion-matrix.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import { cleanup, fixture, nextEvent, settle } from '../helpers.js';

const q = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const progress = (el: Element) => q(el, '[data-testid=progress-text]').textContent!.trim();

/** Resolves after `n` more batch events. */
function batches(el: Element, n: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const h = () => {
      if (++seen < n) return;
      el.removeEventListener('train-batch', h);
      resolve();
    };
    el.addEventListener('train-batch', h);
  });
}

describe('<cnn-trainer>: the run’s display belongs to the run', function () {
  this.timeout(120000);
  afterEach(cleanup);

  it('a bad setting, then another number of epochs, set during a run: its progress, charts and end stay the run’s', async () => {
    const el = await fixture<CnnTrainer>(
      '<cnn-trainer epochs="2" train-size="3000" test-size="200" backend="wasm"></cnn-trainer>',
    );
    const end = nextEvent(el, 'train-end', 100000);
    q<HTMLButtonElement>(el, 'button[part=start]').click();
    await batches(el, 3);
    el.setAttribute('workers', 'lots');
    await batches(el, 3);
    await settle(el);
    // The bad setting is said (it holds the next Start), and the run's progress goes on being shown.
    expect(el.error).to.match(/Workers/);
    expect(progress(el)).to.match(/^epoch 1\/2 · batch \d+\/47/);
    el.setAttribute('workers', 'auto');
    el.setAttribute('epochs', '5'); // for the next run: this one was started for 2
    await batches(el, 2);
    await settle(el);
    expect(progress(el)).to.match(/epoch \d\/2 · batch/);
    await end;
    await settle(el);
    expect(progress(el)).to.match(/^Done · epoch 2\/2 · batch 47\/47/);
    const bar = q(el, '[role=progressbar]');
    expect(bar.getAttribute('aria-valuenow')).to.equal('100');
    // The charts' x axis spans the run's 2 epochs.
    const curves = q<HTMLElement & { epochs: number }>(el, 'cnn-training-curves');
    expect(curves.epochs).to.equal(2);
  });

  it('stopped before the test set was evaluated: the trainer and its <confusion-matrix for> say so', async () => {
    const host = await fixture<HTMLElement>(
      `<div><cnn-trainer id="rd" epochs="3" train-size="3000" test-size="200" backend="wasm"></cnn-trainer>
       <confusion-matrix for="rd"></confusion-matrix></div>`,
    );
    const el = host.querySelector<CnnTrainer>('cnn-trainer')!;
    const cm = host.querySelector<HTMLElement>('confusion-matrix')!;
    await settle(el);
    await settle(cm);
    expect(q(cm, '[part=placeholder]').textContent).to.match(/Waiting for the trainer/);
    const end = nextEvent<{ stopped: boolean }>(el, 'train-end', 100000);
    q<HTMLButtonElement>(el, 'button[part=start]').click();
    await batches(el, 3);
    q<HTMLButtonElement>(el, 'button[part=stop]').click();
    expect((await end).detail.stopped).to.equal(true);
    await settle(el);
    await settle(cm);
    expect(progress(el)).to.match(/^Stopped · epoch 1\/3 · batch \d+\/47/);
    expect(q(el, '[data-testid=result]').textContent!.trim()).to.equal(
      'The run ended before the test set was evaluated: no test accuracy.',
    );
    expect(q(cm, '[part=placeholder]').textContent!.trim()).to.equal(
      'The trainer’s run ended before the test set was evaluated: start it again for a confusion matrix.',
    );
    // A new run waits again.
    const started = nextEvent(el, 'train-start', 100000);
    q<HTMLButtonElement>(el, 'button[part=start]').click();
    await started;
    await settle(cm);
    expect(q(cm, '[part=placeholder]').textContent).to.match(/Waiting for the trainer/);
    el.stop();
  });

  it('keyboard focus is handed on when the focused button is disabled: Start to Pause, Stop to Start', async () => {
    const el = await fixture<CnnTrainer>(
      '<cnn-trainer epochs="3" train-size="3000" test-size="200" backend="wasm"></cnn-trainer>',
    );
    const button = (part: string) => q<HTMLButtonElement>(el, `button[part=${part}]`);
    const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('part');
    button('start').focus();
    button('start').click(); // what Enter on a focused button does
    await settle(el);
    expect(button('start').disabled).to.equal(true);
    expect(focused(), 'after Start').to.equal('pause');
    await batches(el, 2);
    const end = nextEvent(el, 'train-end', 100000);
    button('stop').focus();
    button('stop').click();
    await end;
    await settle(el);
    expect(button('stop').disabled).to.equal(true);
    expect(focused(), 'after Stop').to.equal('start');
  });

  it('a train size over the dataset’s is shown as written next to its message, not as the count it is cut to', async () => {
    const el = await fixture<CnnTrainer>('<cnn-trainer train-size="99999999"></cnn-trainer>');
    await settle(el);
    expect(el.error).to.match(/Train size must be a whole number from 1 to 60,000/);
    expect(q<HTMLInputElement>(el, 'input[data-field=trainSize]').value).to.equal('99999999');
    // A valid one above a dataset's count is still shown as what will be used (MNIST's 60,000 here).
    el.setAttribute('train-size', '60000');
    await settle(el);
    expect(el.error).to.equal(null);
    expect(q<HTMLInputElement>(el, 'input[data-field=trainSize]').value).to.equal('60000');
  });
});
