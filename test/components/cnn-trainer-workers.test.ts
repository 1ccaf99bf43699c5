// <cnn-trainer workers>: how many Workers share each batch (data-parallel training, engine/training/parallel.ts).
// The attribute and its property twin, the configuration they give, bad values with a clear message, and real
// runs in 1 and 2 Workers on wasm.
import { expect } from '@esm-bundle/chai';
import '../../src/define/cnn-trainer.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import { cleanup, fixture, nextEvent, settle } from '../helpers.js';
import { describeBadInput } from './quality.js';
import { synthetic } from '../engine/fixtures/synthetic.js';

const mount = async (attrs = '') => {
  const el = await fixture<CnnTrainer>(`<cnn-trainer ${attrs}></cnn-trainer>`);
  await settle(el);
  return el;
};
const errorText = (el: CnnTrainer) => el.shadowRoot!.querySelector('[part=error]')!.textContent!.trim();

describe('<cnn-trainer workers>', () => {
  afterEach(cleanup);

  it('defaults to "auto" (shares of 32 examples or more, up to the reader’s logical cores less one)', async () => {
    const el = await mount();
    expect(el.workers).to.equal('auto');
    expect(el.config!.workers).to.equal('auto');
    expect(el.error).to.equal(null);
  });

  it('takes a number from the attribute or the property, and "auto" back', async () => {
    const el = await mount('workers="2"');
    expect(el.workers).to.equal(2);
    expect(el.config!.workers).to.equal(2);
    el.workers = 3;
    await settle(el);
    expect(el.config!.workers).to.equal(3);
    el.workers = '8';
    await settle(el);
    expect(el.config!.workers).to.equal(8);
    el.setAttribute('workers', ' auto ');
    await settle(el);
    expect(el.config!.workers).to.equal('auto');
    el.workers = null as unknown as number; // a framework clearing the prop: the default
    await settle(el);
    expect(el.workers).to.equal('auto');
    expect(el.error).to.equal(null);
  });

  it('a bad value is a clear message in part="error", and Start does nothing', async () => {
    const el = await mount('workers="9"');
    expect(el.config).to.equal(null);
    expect(errorText(el)).to.equal('Workers must be "auto" or a whole number from 1 to 8.');
    await el.start();
    expect(el.session).to.equal(null);
    el.workers = 1;
    await settle(el);
    expect(el.error).to.equal(null);
    el.workers = { n: 2 } as unknown as number;
    await settle(el);
    expect(el.error).to.match(/workers/i);
    expect(el.config).to.equal(null);
  });
});

describeBadInput('cnn-trainer', {
  workers: {
    empty: 'ok', // an empty attribute is the default, auto
    negative: /Workers must be "auto" or a whole number from 1 to 8/,
    zero: /Workers must be "auto" or a whole number from 1 to 8/,
    huge: /Workers must be "auto" or a whole number from 1 to 8/,
    fractional: /Workers must be "auto" or a whole number from 1 to 8/,
    nonNumeric: /Workers must be "auto" or a whole number from 1 to 8/,
  },
});

describe('<cnn-trainer workers> with the real engine', function () {
  this.timeout(180000);
  afterEach(cleanup);

  /** A short cnn run on wasm with the given `workers`; the trainer's data is set as a custom lesson would. */
  async function train(workers: number) {
    const el = await mount(
      `model="cnn" backend="wasm" epochs="1" batch-size="32" seed="3" workers="${workers}"`,
    );
    const created = (el as unknown as { createSession(c: unknown): Promise<unknown> }).createSession.bind(el);
    (el as unknown as { createSession(c: object): Promise<unknown> }).createSession = (c: object) =>
      created({
        ...c,
        trainSize: 256,
        testSize: 64,
        data: { train: synthetic(256, 1), test: synthetic(64, 2) },
      });
    const losses: number[] = [];
    el.addEventListener('train-batch', (e) => losses.push((e as CustomEvent<{ loss: number }>).detail.loss));
    const end = nextEvent(el, 'train-end', 170000);
    await el.start();
    await end;
    const used = (el.session as unknown as { workers: number | null }).workers;
    el.remove();
    return { used, losses };
  }

  it('trains in as many Workers as asked; the same seed and workers give the same losses', async () => {
    const two = await train(2);
    expect(two.used).to.equal(2);
    expect(two.losses.length).to.equal(8);
    const again = await train(2);
    expect(again.losses).to.deep.equal(two.losses);
    const one = await train(1);
    expect(one.used).to.equal(1);
    // The same maths cut another way: close, not necessarily identical.
    one.losses.forEach((l, i) => expect(l).to.be.closeTo(two.losses[i]!, 1e-3));
  });
});
