/**
 * The profiler's Worker (scripts/bench.mjs --profile, driven by bench-page.ts `mode=profile`): where does the
 * time of a training step of the lesson's cnn go, on the WASM backend, in a Worker as the trainer runs it?
 *
 * HOW. Every kernel registered for 'wasm' is wrapped with a timer (kernel-timer.ts, exclusive times). Around the kernels, the step's other parts are timed by wrapping TrainerCore's methods:
 * the optimizer update, the gradient of a share (helpers), the weight broadcast and the summation; what is left
 * of a step is engine bookkeeping (tape, tidy, tensor creation, the batch's pixels). WASM kernels are
 * synchronous, so a wall-clock timer around one is its cost.
 *
 * Roles: `leader` trains (alone, or with helpers on the ports it is given), `helper` serves gradients on a port
 * (training/parallel.ts) and reports its own table when asked.
 */
import { TrainerCore } from '../../src/engine/training/core.js';
import { Control } from '../../src/engine/training/events.js';
import { resolveConfig, type MnistSplit } from '../../src/engine/training/config.js';
import { serveGradients } from '../../src/engine/training/parallel.js';
import { KernelTimer, median } from './kernel-timer.js';

const timer = new KernelTimer(() => performance.now());

async function create(helpers: MessagePort[], train: MnistSplit, test: MnistSplit, n: number) {
  const config = resolveConfig({
    model: 'cnn',
    backend: 'wasm',
    epochs: 1,
    batchSize: 64,
    trainSize: n,
    seed: 1,
    evaluateEachEpoch: false,
  });
  if ('error' in config) throw new Error(config.error);
  const core = await TrainerCore.create(config, { train, test }, { sliceMs: null, helpers });
  if (core.backend !== 'wasm') throw new Error(`trained on ${core.backend}, not wasm`);
  timer.wrapKernels('wasm');
  const c = core as unknown as Record<string, object>;
  timer.time(c['optimizer']!, 'applyGradients', 'optimizer update (FusedAdam)');
  timer.time(core, 'flatWeights', 'flatten weights for helpers');
  timer.time(core, 'setFlatWeights', 'set weights from leader');
  timer.time(core, 'applyFlat', 'gradient → tensors');
  return core;
}

const scope = globalThis as unknown as {
  postMessage(m: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
};

async function handle(e: MessageEvent): Promise<void> {
  const m = e.data as {
    role: 'leader' | 'helper' | 'report';
    train: MnistSplit;
    test: MnistSplit;
    n: number;
    warm: number;
    ports?: MessagePort[];
    port?: MessagePort;
  };
  try {
    if (m.role === 'report') {
      scope.postMessage({ ok: true, rows: timer.report() });
      return;
    }
    if (m.role === 'helper') {
      const empty = { images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 };
      const core = await create([], empty, empty, 1);
      timer.time(core, 'shareGradients', 'share gradient (helper)');
      timer.counting = true;
      serveGradients(core, m.port!);
      scope.postMessage({ ok: true });
      return;
    }
    const core = await create(m.ports ?? [], m.train, m.test, m.n);
    const stamps: number[] = [];
    await core.train(
      {
        onBatch: (b) => {
          stamps.push(performance.now());
          if (b.batch === m.warm) {
            timer.clear();
            timer.counting = true;
          }
          if (b.batch === b.batches) timer.counting = false; // not the final evaluation
        },
        onEpoch: () => {},
        onEvaluation: () => {},
      },
      new Control(),
    );
    const steps = stamps.length - m.warm;
    const ms = stamps[stamps.length - 1]! - stamps[m.warm - 1]!;
    const each = stamps.slice(m.warm).map((t, i) => t - stamps[m.warm - 1 + i]!);
    scope.postMessage({ ok: true, rows: timer.report(), steps, ms, medianStep: median(each) });
    core.dispose();
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

scope.onmessage = (e) => void handle(e);
