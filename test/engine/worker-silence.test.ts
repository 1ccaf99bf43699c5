// A training Worker that hangs without crashing — no 'error' event, no reply — must not leave the page waiting
// forever: init/serve (proxy.ts) and each data-parallel share (parallel.ts) have a watchdog (worker/watchdog.ts)
// that ends it with a sentence the reader can act on. The watchdog counts running time, not a frozen tab's sleep.
import { expect } from '@esm-bundle/chai';
import { watchdog } from '../../src/engine/worker/watchdog.js';
import { WorkerRunner } from '../../src/engine/worker/proxy.js';
import { HelperPort } from '../../src/engine/training/parallel.js';
import { messageOf } from '../../src/engine/messages.js';
import { TrainingSession } from '../../src/engine/tensor.js';
import { synthetic } from './fixtures/synthetic.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NO_EVENTS = { onBatch() {}, onEpoch() {}, onEvaluation() {} };

/** A Worker that says nothing, ever (as a hung one). */
function silentWorker(): Worker {
  const url = URL.createObjectURL(new Blob(['onmessage = () => {};'], { type: 'text/javascript' }));
  return new Worker(url);
}

describe('a training worker that stops answering', function () {
  this.timeout(30000);

  it('the watchdog fires after its time of running, and a frozen stretch counts as one tick only', async () => {
    let fired = 0;
    const t0 = performance.now();
    const dog = watchdog(300, () => fired++, 50);
    const busy = performance.now();
    while (performance.now() - busy < 600) {
      /* the thread is frozen: no tick runs */
    }
    await sleep(60);
    expect(fired, 'fired for the frozen 600 ms').to.equal(0);
    for (let i = 0; i < 100 && !fired; i++) await sleep(50);
    expect(fired).to.equal(1);
    expect(performance.now() - t0).to.be.above(600 + 150);
    await sleep(200);
    expect(fired, 'once').to.equal(1);
    dog.done();
    // Done in time: never fires.
    let late = 0;
    const quiet = watchdog(100, () => late++, 20);
    quiet.done();
    await sleep(250);
    expect(late).to.equal(0);
  });

  it('init: ends the silent worker with a clear message (terminated, every call rejected)', async () => {
    const worker = silentWorker();
    let terminated = false;
    const terminate = worker.terminate.bind(worker);
    worker.terminate = () => {
      terminated = true;
      terminate();
    };
    const Runner = WorkerRunner as unknown as new (w: Worker, how: string, events: object) => WorkerRunner;
    const runner = new Runner(worker, 'module', NO_EVENTS);
    let dead: Error | null = null;
    runner.onDead = (e) => (dead = e);
    const limit = WorkerRunner.startLimitMs;
    WorkerRunner.startLimitMs = 400;
    try {
      const data = { train: synthetic(10, 1), test: synthetic(10, 2) };
      const config = { trainSize: 10, testSize: 10, backend: 'wasm' } as never;
      const error = await runner.init(config, data).then(
        () => null,
        (e: Error) => e,
      );
      expect(error, 'init settled').to.be.instanceOf(Error);
      expect(messageOf(error)?.key).to.equal('session.workerSilent');
      expect(error!.message).to.contain('did not answer for 0 s').and.contain('reload the page');
      expect(terminated, 'terminated').to.equal(true);
      expect(dead).to.equal(error);
      const later = await runner.numTensors().catch((e: Error) => e);
      expect(later).to.equal(error);
    } finally {
      WorkerRunner.startLimitMs = limit;
      runner.dispose();
    }
  });

  it('a session whose worker never gets going ends in an error event with that message, not a wait forever', async () => {
    const limit = WorkerRunner.startLimitMs;
    WorkerRunner.startLimitMs = 1; // no real worker loads TF.js and builds the model in a millisecond
    const s = new TrainingSession({
      data: { train: synthetic(40, 1), test: synthetic(20, 2) },
      trainSize: 40,
      testSize: 20,
      epochs: 1,
      backend: 'wasm',
      thread: 'worker',
      workers: 2,
    });
    try {
      const failed = new Promise<CustomEvent>((r) =>
        s.addEventListener('train-error', (e) => r(e as CustomEvent), { once: true }),
      );
      await s.start();
      const e = await failed;
      expect(s.state).to.equal('error');
      expect(messageOf(s.error)?.key, e.detail.message).to.equal('session.workerSilent');
    } finally {
      WorkerRunner.startLimitMs = limit;
      s.dispose();
    }
  });

  it('a data-parallel share: a helper silent past the limit fails the step with a clear message', async () => {
    const channel = new MessageChannel(); // port2 never answers
    const helper = new HelperPort(channel.port1, 300);
    const t0 = performance.now();
    const error = await helper
      .request({ type: 'share', pixels: new Uint8Array(784), labels: new Uint8Array(1), divisor: 1 })
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(error).to.be.instanceOf(Error);
    expect(messageOf(error)?.key).to.equal('session.helperSilent');
    expect(error!.message).to.contain('workers="1"');
    expect(performance.now() - t0).to.be.within(250, 10000);
    // An answer in time resolves as before (the watchdog stops).
    channel.port2.onmessage = () =>
      channel.port2.postMessage({ ok: true, grads: new Float32Array(1), loss: 0, correct: 0, numTensors: 0 });
    const reply = await helper.request({
      type: 'share',
      pixels: new Uint8Array(784),
      labels: new Uint8Array(1),
      divisor: 1,
    });
    expect(reply.ok).to.equal(true);
    await sleep(500);
    helper.close();
  });
});
