// The page's main thread while <cnn-trainer> trains in its default Worker mode: it evaluates no TensorFlow.js.
// Compiling and running tfjs-core on the page after Start was a main-thread task of 50–250 ms (issue #19; the
// responsiveness table of `npm run bench` measures the tasks themselves). tfjs-core registers its engine on the
// global object when it is evaluated (`globalThis._tfengine`), so its absence says that no TensorFlow.js module
// ran on this page — a check that holds on any machine, fast or slow. This file imports no TensorFlow.js itself,
// and each test file runs in a page of its own.
import { expect } from '@esm-bundle/chai';
import '../../src/define/cnn-trainer.js';
import '../../src/define/confusion-matrix.js';
import '../../src/define/feature-map.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import { cleanup, fixture, nextEvent, settle } from '../helpers.js';
import { synthetic } from '../engine/fixtures/synthetic.js';

const tfOnPage = () => '_tfengine' in globalThis;
const threadOf = (el: CnnTrainer) => (el.session as unknown as { thread: string }).thread;

/** A short cnn run on wasm, with `thread` ('auto': the default Worker) and the data injected. */
async function train(thread: 'auto' | 'main') {
  const host = await fixture<HTMLDivElement>(
    `<div><cnn-trainer id="mt" model="cnn" backend="wasm" epochs="1" batch-size="32" seed="3"></cnn-trainer>
     <confusion-matrix for="mt"></confusion-matrix></div>`,
  );
  const el = host.querySelector<CnnTrainer>('cnn-trainer')!;
  await settle(el);
  const created = (el as unknown as { createSession(c: unknown): Promise<unknown> }).createSession.bind(el);
  (el as unknown as { createSession(c: object): Promise<unknown> }).createSession = (c: object) =>
    created({
      ...c,
      thread,
      trainSize: 128,
      testSize: 64,
      data: { train: synthetic(128, 1), test: synthetic(64, 2) },
    });
  const end = nextEvent(el, 'train-end', 170000);
  await el.start();
  const detail = (await end) as CustomEvent<{ confusion: number[][] | null }>;
  await settle(host.querySelector('confusion-matrix')!);
  return { el, host, detail: detail.detail };
}

describe('<cnn-trainer> in its Worker leaves the page free of TensorFlow.js', function () {
  this.timeout(180000);
  afterEach(cleanup);

  it('trains, evaluates and feeds its followers without evaluating TensorFlow.js on the page', async () => {
    expect(tfOnPage(), 'TensorFlow.js before the run').to.equal(false);
    const { el, host, detail } = await train('auto');
    expect(threadOf(el)).to.equal('worker');
    expect(detail.confusion).to.have.length(10);
    const cm = host.querySelector('confusion-matrix') as unknown as { matrix: number[][] | null };
    expect(cm.matrix).to.deep.equal(detail.confusion);
    // A feature map that follows the trainer reads its activations through the session (from the Worker).
    const fm = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      '<feature-map for="mt" layer="conv1"></feature-map>',
    );
    const activations = await el.session!.activations!(new Float32Array(784), ['conv1']);
    expect(Object.keys(activations)).to.include('conv1');
    await fm.updateComplete;
    expect(tfOnPage(), 'TensorFlow.js on the page after a Worker run').to.equal(false);
  });

  // The check can fail: where the run trains on the page's own thread, TensorFlow.js is evaluated here.
  it('a run on the page thread (thread: "main") does load it here', async () => {
    const { el } = await train('main');
    expect(threadOf(el)).to.equal('main');
    expect(tfOnPage()).to.equal(true);
  });
});
