/**
 * The profiler's Worker (scripts/bench.mjs --profile, driven by bench-page.ts `mode=profile`): where does the
 * time of a training step of the lesson's cnn go, on the WASM backend, in a Worker as the trainer runs it?
 *
 * HOW. Every kernel registered for 'wasm' is wrapped with a timer. Kernels call other kernels (ours compose the
 * backend's: kernels/wasm-util.ts `runWasm`), so each records its EXCLUSIVE time (its own minus that of the
 * kernels it called). Around the kernels, the step's other parts are timed by wrapping TrainerCore's methods:
 * the optimizer update, the gradient of a share (helpers), the weight broadcast and the summation; what is left
 * of a step is engine bookkeeping (tape, tidy, tensor creation, the batch's pixels). WASM kernels are
 * synchronous, so a wall-clock timer around one is its cost.
 *
 * Roles: `leader` trains (alone, or with helpers on the ports it is given), `helper` serves gradients on a port
 * (training/parallel.ts) and reports its own table when asked.
 */
import { getKernelsForBackend, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { TrainerCore } from '../../src/engine/training/core.js';
import { Control } from '../../src/engine/training/events.js';
import { resolveConfig, type MnistSplit } from '../../src/engine/training/config.js';
import { serveGradients } from '../../src/engine/training/parallel.js';

interface Row {
  calls: number;
  ms: number;
}
const table = new Map<string, Row>();
let counting = false;
/** Time spent in kernels called by the kernel now running (a stack of accumulators), and their labels. */
const childMs: number[] = [];
const labels: string[] = [];
/** Kernels whose calls are told apart by their first input's shape (which layer they belong to). */
const BY_SHAPE = new Set([
  'FusedConv2D',
  'Conv2D',
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'MaxPool',
  'MaxPoolGrad',
  '_FusedMatMul',
  'BatchMatMul',
  'Transpose',
  'Sum',
  'Multiply',
  'Step',
]);

function add(name: string, ms: number): void {
  if (!counting) return;
  const r = table.get(name) ?? { calls: 0, ms: 0 };
  r.calls++;
  r.ms += ms;
  table.set(name, r);
}

function wrapKernels(): void {
  for (const config of getKernelsForBackend('wasm')) {
    const inner = config.kernelFunc;
    const timed: KernelFunc = (args) => {
      const first = Object.values(args.inputs)[0] as { shape: number[] } | undefined;
      const own =
        BY_SHAPE.has(config.kernelName) && first
          ? `${config.kernelName} [${first.shape.join('×')}]`
          : config.kernelName;
      // A kernel called by another is listed under its caller: "Conv2DBackpropFilter › Conv2D".
      labels.push(labels.length ? `${labels[labels.length - 1]} › ${own}` : own);
      childMs.push(0);
      const t0 = performance.now();
      try {
        return inner(args);
      } finally {
        const total = performance.now() - t0;
        const exclusive = total - childMs.pop()!;
        if (childMs.length) childMs[childMs.length - 1]! += total;
        add(`kernel ${labels.pop()!}`, exclusive);
      }
    };
    const next: KernelConfig = { ...config, kernelFunc: timed };
    unregisterKernel(config.kernelName, 'wasm');
    registerKernel(next);
  }
}

/** Wraps `obj[method]` (sync or async) to add its wall time under `label`. */
function time(obj: object, method: string, label: string): void {
  const o = obj as Record<string, (...a: unknown[]) => unknown>;
  const inner = o[method]!.bind(obj);
  o[method] = (...a: unknown[]) => {
    const t0 = performance.now();
    const kernelsBefore = kernelSum();
    const done = () =>
      add(`${label} (JS, excluding kernels)`, performance.now() - t0 - (kernelSum() - kernelsBefore));
    const out = inner(...a);
    if (out instanceof Promise) return out.finally(done);
    done();
    return out;
  };
}

const kernelSum = (): number => {
  let s = 0;
  for (const [k, r] of table) if (k.startsWith('kernel ')) s += r.ms;
  return s;
};

const report = () => [...table.entries()].map(([name, r]) => ({ name, ...r }));

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
  wrapKernels();
  const c = core as unknown as Record<string, object>;
  time(c['optimizer']!, 'applyGradients', 'optimizer update (FusedAdam)');
  time(core, 'flatWeights', 'flatten weights for helpers');
  time(core, 'setFlatWeights', 'set weights from leader');
  time(core, 'applyFlat', 'gradient → tensors');
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
      scope.postMessage({ ok: true, rows: report() });
      return;
    }
    if (m.role === 'helper') {
      const empty = { images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 };
      const core = await create([], empty, empty, 1);
      time(core, 'shareGradients', 'share gradient (helper)');
      counting = true;
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
            table.clear();
            counting = true;
          }
          if (b.batch === b.batches) counting = false; // not the final evaluation
        },
        onEpoch: () => {},
        onEvaluation: () => {},
      },
      new Control(),
    );
    const steps = stamps.length - m.warm;
    const ms = stamps[stamps.length - 1]! - stamps[m.warm - 1]!;
    scope.postMessage({ ok: true, rows: report(), steps, ms });
    core.dispose();
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

scope.onmessage = (e) => void handle(e);
