import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import { GPGPUContext, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import {
  TrainingSession,
  TrainerCore,
  resolveConfig,
  detectWebGl,
  type BatchInfo,
  type TrainConfig,
} from '../../src/engine/tensor.js';
import { synthetic } from './fixtures/synthetic.js';
import type { CoreEvents } from '../../src/engine/training/protocol.js';
import { WorkerRunner } from '../../src/engine/worker/proxy.js';

// A GPU lost DURING work (driver reset, `device.destroy()`, WEBGL_lose_context) used to hang whatever was
// waiting on a read-back: WebGL's fence never passes on a lost context, so `tensor.data()` never settles, and the
// training session stayed in 'training' forever. Every test here loses the GPU in the middle of real work and
// expects a prompt, clear BackendLostError instead. `within` turns a hang into a failure after a few seconds
// (instead of mocha's timeout) and says which step hung.

const DATA = { train: synthetic(200, 1), test: synthetic(100, 2) };
/** Settings of every run here: 10 batches per epoch, so a loss after batch 3 is well inside the first epoch. */
const RUN = {
  data: DATA,
  trainSize: 200,
  testSize: 100,
  epochs: 2,
  batchSize: 20,
  learningRate: 0.01,
  seed: 5,
};
/** What a BackendLostError says (backend.ts). */
const LOST = /backend lost its GPU \((WebGL context lost|WebGPU device lost.*)\); results would be wrong/;

/** Rejects with a readable "hung" error when `p` has not settled after `ms`. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer = 0;
  const hung = new Promise<never>((_, reject) => {
    timer = window.setTimeout(
      () => reject(new Error(`${what} did not settle within ${ms} ms (it hangs)`)),
      ms,
    );
  });
  return Promise.race([p, hung]).finally(() => clearTimeout(timer));
}

/** The error `p` rejects with within `ms` (fails the test when it resolves or hangs). */
async function rejection(p: Promise<unknown>, ms: number, what: string): Promise<Error> {
  const outcome = await within(
    p.then(
      () => null,
      (e: unknown) => e as Error,
    ),
    ms,
    what,
  );
  expect(outcome, `${what} resolved instead of failing`).to.be.instanceOf(Error);
  return outcome!;
}

interface GpuBackend {
  device?: { destroy(): void };
  /** tfjs-backend-webgl's GPGPUContext; `itemsToPoll` are the fences its read-backs wait for (internal). */
  gpgpu?: { gl: WebGL2RenderingContext; itemsToPoll?: unknown[] };
}

/** backend.ts's page-wide state (on globalThis, see there). */
const engineState = () =>
  (globalThis as unknown as Record<symbol, { lost: Map<string, string>; lostListeners: Set<unknown> }>)[
    Symbol.for('cnn-widgets.engine.backend')
  ];

/** Unhandled promise rejections seen on this page (a read left behind by the loss must not leave one). */
const unhandled: string[] = [];
window.addEventListener('unhandledrejection', (e) => unhandled.push(String(e.reason)));
async function expectNoUnhandledRejection(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100)); // they are reported a task later
  expect(unhandled).to.deep.equal([]);
}

/** Loses the page's WebGL context, as a driver reset would. */
function loseWebGl(): void {
  const backend = tf.findBackend('webgl') as unknown as GpuBackend;
  backend.gpgpu!.gl.getExtension('WEBGL_lose_context')!.loseContext();
}

/** Destroys the page's WebGPU device (its `lost` promise resolves, as after a driver reset). */
function loseWebGpu(): void {
  (tf.findBackend('webgpu') as unknown as GpuBackend).device!.destroy();
}

async function hasWebGpuAdapter(): Promise<boolean> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  return !!gpu && (await gpu.requestAdapter().catch(() => null)) != null;
}

/**
 * Gives the page working GPU backends again after a test lost one, so the next test starts fresh (backend.ts
 * never hands out a lost backend, by design). The WebGL backend is rebuilt on a NEW context with its own program
 * cache: tfjs-backend-webgl's shared cache would hand the new context programs compiled for the lost one. The
 * WebGPU factory asks for a new device by itself. Other test files run in pages of their own.
 */
function forgetLostGpus(): void {
  const state = engineState();
  for (const name of ['webgl', 'webgpu'] as const) {
    if (!state?.lost.has(name)) continue;
    state.lost.delete(name);
    const factory = tf.findBackendFactory(name);
    tf.removeBackend(name);
    if (name === 'webgl') tf.registerBackend(name, () => new MathBackendWebGL(new GPGPUContext()), 2);
    else if (factory) tf.registerBackend(name, factory, 3);
  }
}

describe('gpu loss: work in flight fails clearly instead of hanging', () => {
  afterEach(forgetLostGpus);

  for (const backend of ['webgl', 'webgpu'] as const) {
    it(`${backend}, main thread: a GPU lost after batch 3 fails the session (state 'error', train-error)`, async function () {
      this.timeout(120000);
      if (backend === 'webgl' && detectWebGl().kind === 'unavailable') this.skip();
      if (backend === 'webgpu' && !(await hasWebGpuAdapter())) this.skip(); // no adapter in this browser
      const s = new TrainingSession({ ...RUN, backend, thread: 'main' });
      const listeners = engineState()?.lostListeners.size ?? 0;
      let lostAt = 0;
      let gpgpu: GpuBackend['gpgpu'];
      const errors: CustomEvent<{ error: Error; message: string }>[] = [];
      s.addEventListener('train-error', (e) => errors.push(e as CustomEvent));
      const states: string[] = [];
      s.addEventListener('state', (e) => states.push((e as CustomEvent<string>).detail));
      s.addEventListener('train-batch', (e) => {
        if ((e as CustomEvent<BatchInfo>).detail.batch !== 3) return;
        lostAt = performance.now();
        gpgpu = (tf.findBackend(backend) as unknown as GpuBackend).gpgpu;
        if (backend === 'webgl') loseWebGl();
        else loseWebGpu();
      });
      try {
        await within(s.start(), 60000, 'the training session, after its GPU was lost');
      } finally {
        s.dispose(); // stops the loop if it still runs (a failed check), frees the model
      }
      expect(lostAt, 'the GPU was lost after batch 3').to.be.above(0);
      // Prompt, not waiting for the run to end: a generous bound, as a busy 2-core CI machine needs.
      expect(performance.now() - lostAt, 'ms from the loss to the error').to.be.below(20000);
      expect(s.backend, 'the requested GPU backend trained').to.equal(backend);
      expect(s.thread).to.equal('main');
      expect(s.state).to.equal('error');
      expect(states.slice(-1)).to.deep.equal(['error']);
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.message).to.match(LOST);
      expect(s.error).to.equal(errors[0]!.detail.error);
      expect(s.error!.name).to.equal('BackendLostError');
      // Nothing computed on the lost GPU (zeros or stale numbers) was reported as a batch.
      expect(s.history.batches.map((b) => b.batch)).to.deep.equal([1, 2, 3]);
      // One loss listener per read, each removed when its read settled: none left over from 3+ batches.
      expect(engineState()!.lostListeners.size).to.equal(listeners);
      await expectNoUnhandledRejection();
      // tfjs-backend-webgl no longer polls the fence that can never pass (backend.ts, releaseFences).
      if (gpgpu) expect(gpgpu.itemsToPoll, 'fences still polled').to.deep.equal([]);
    });
  }

  it('webgl: predict(), activations(), evaluate() and weights() reject instead of hanging, during and after the loss', async function () {
    this.timeout(120000);
    if (detectWebGl().kind === 'unavailable') this.skip();
    const config = resolveConfig({ ...RUN, backend: 'webgl' }) as TrainConfig;
    const core = await TrainerCore.create(config, DATA, { sliceMs: 20 });
    try {
      expect(core.backend).to.equal('webgl');
      const px = Float32Array.from(DATA.test.images.subarray(0, 2 * 784), (v) => v / 255);
      expect(await within(core.predict(px, 2), 60000, 'predict on a healthy GPU')).to.have.length(20);
      // The read-back of this prediction is in flight (its fence is queued) when the context goes.
      const listeners = engineState()!.lostListeners.size;
      const { gpgpu } = tf.findBackend('webgl') as unknown as GpuBackend;
      const during = core.predict(px, 2);
      expect(gpgpu!.itemsToPoll, 'the read waits for its fence').to.have.length(1);
      loseWebGl();
      expect((await rejection(during, 5000, 'predict() while the context was lost')).message).to.match(LOST);
      expect(engineState()!.lostListeners.size).to.equal(listeners);
      // After the loss every read fails at once with the same clear error.
      const after: [string, Promise<unknown>][] = [
        ['predict()', core.predict(px, 1)],
        ['activations()', core.activations(px, ['conv1'])],
        ['evaluate()', core.evaluate()],
        ['weights()', core.weights()],
      ];
      for (const [what, p] of after) {
        const e = await rejection(p, 5000, `${what} after the context was lost`);
        expect(e.name, what).to.equal('BackendLostError');
        expect(e.message, what).to.match(LOST);
      }
      expect(engineState()!.lostListeners.size).to.equal(listeners);
      await expectNoUnhandledRejection();
      expect(gpgpu!.itemsToPoll, 'fences still polled').to.deep.equal([]);
    } finally {
      core.dispose();
    }
  });
});

describe('gpu loss: inside the training Worker', () => {
  /** The real training worker with a test hook that loses its GPU (fixtures/gpu-loss-worker.ts). */
  async function startWorker(): Promise<Worker> {
    const worker = new Worker(new URL('./fixtures/gpu-loss-worker.ts', import.meta.url), { type: 'module' });
    await within(
      new Promise<void>((resolve, reject) => {
        worker.addEventListener(
          'message',
          (e) => (e.data as { type?: string })?.type === 'ready' && resolve(),
        );
        worker.addEventListener('error', (e) =>
          reject(new Error(`the test worker did not load: ${e.message}`)),
        );
      }),
      30000,
      'starting the test worker',
    );
    return worker;
  }

  for (const backend of ['webgl', 'webgpu'] as const) {
    it(`${backend}: a GPU lost in the worker after batch 3 rejects train() with the BackendLostError`, async function () {
      this.timeout(120000);
      if (backend === 'webgl' && detectWebGl().kind === 'unavailable') this.skip();
      if (backend === 'webgpu' && !(await hasWebGpuAdapter())) this.skip();
      const worker = await startWorker();
      const batches: number[] = [];
      let lostAt = 0;
      const events: CoreEvents = {
        onBatch: (b) => {
          batches.push(b.batch);
          if (b.batch !== 3) return;
          lostAt = performance.now();
          worker.postMessage({ type: 'test:lose-gpu' });
        },
        onEpoch: () => undefined,
        onEvaluation: () => undefined,
      };
      // The session's own proxy (what TrainingSession uses in 'worker' mode), on this worker: its constructor is
      // private because sessions start workers through spawn.ts, which cannot load the test hook.
      const Runner = WorkerRunner as unknown as new (w: Worker, how: 'module', e: CoreEvents) => WorkerRunner;
      const runner = new Runner(worker, 'module', events);
      try {
        const config = resolveConfig({ ...RUN, backend }) as TrainConfig;
        const info = await within(runner.init(config, DATA), 30000, 'init in the worker');
        if (info.backend !== backend) {
          if (backend === 'webgl') expect.fail(`the worker trains on ${info.backend}, not webgl`);
          this.skip(); // the page has an adapter but the worker has none
        }
        const e = await rejection(
          runner.train(),
          60000,
          `train() in the worker after its ${backend} GPU was lost`,
        );
        expect(lostAt, 'the GPU was lost after batch 3').to.be.above(0);
        // Prompt, not waiting for the run to end: a generous bound, as a busy 2-core CI machine needs.
        expect(performance.now() - lostAt, 'ms from the loss to the error').to.be.below(20000);
        // Class identity does not cross threads; name and message do (protocol.ts), and the session reports them.
        expect(e.name).to.equal('BackendLostError');
        expect(e.message).to.match(LOST);
        expect(batches.slice(0, 3)).to.deep.equal([1, 2, 3]);
        expect(batches.length).to.be.below(10); // it stopped within the first epoch
      } finally {
        runner.dispose();
      }
    });
  }
});
