/**
 * Times every kernel of a backend, and any method you name, for the profilers (profile-worker.ts in Chromium,
 * profile-node.ts in Node). Kernels call other kernels (ours compose the backend's: kernels/wasm-util.ts
 * `runWasm`), so each records its EXCLUSIVE time (its own minus that of the kernels it called), under its
 * caller's name ("Conv2DBackpropFilter › Conv2D"). WASM kernels are synchronous, so a timer around one is its
 * cost. The clock is the caller's: wall time in a browser, the process's CPU time in Node (steady on a loaded
 * machine: time spent waiting for a core is not counted).
 */
import { getKernelsForBackend, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';

export interface Row {
  name: string;
  calls: number;
  ms: number;
  /** The median call (on a loaded machine steadier than the mean: a preempted call is an outlier). */
  median: number;
}

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
  'CnnConvReluPool',
  'CnnConvReluPoolGradFilter',
  'CnnConvReluPoolGradBias',
  'CnnConvReluPoolGradInput',
]);

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : 0;
};

export class KernelTimer {
  /** Whether calls are being recorded. */
  counting = false;
  /** Which table the calls go to (profile-node.ts keeps one per variant). */
  bucket = '';
  private readonly tables = new Map<string, Map<string, number[]>>();
  private readonly childMs: number[] = [];
  private readonly labels: string[] = [];
  private kernelMs = 0;

  constructor(private readonly clock: () => number) {}

  private add(name: string, ms: number): void {
    if (!this.counting) return;
    let table = this.tables.get(this.bucket);
    if (!table) this.tables.set(this.bucket, (table = new Map()));
    const r = table.get(name) ?? [];
    r.push(ms);
    table.set(name, r);
  }

  /** Wraps every kernel registered for `backend` (call after the backend has started). */
  wrapKernels(backend: string): void {
    for (const config of getKernelsForBackend(backend)) {
      const inner = config.kernelFunc;
      const timed: KernelFunc = (args) => {
        const first = Object.values(args.inputs)[0] as { shape: number[] } | undefined;
        const own =
          BY_SHAPE.has(config.kernelName) && first
            ? `${config.kernelName} [${first.shape.join('×')}]`
            : config.kernelName;
        this.labels.push(this.labels.length ? `${this.labels[this.labels.length - 1]} › ${own}` : own);
        this.childMs.push(0);
        const t0 = this.clock();
        try {
          return inner(args);
        } finally {
          const total = this.clock() - t0;
          const exclusive = total - this.childMs.pop()!;
          if (this.childMs.length) this.childMs[this.childMs.length - 1]! += total;
          else this.kernelMs += total;
          this.add(`kernel ${this.labels.pop()!}`, exclusive);
        }
      };
      const next: KernelConfig = { ...config, kernelFunc: timed };
      unregisterKernel(config.kernelName, backend);
      registerKernel(next);
    }
  }

  /** Wraps `obj[method]` (sync or async) to record its time outside kernels under `label`. */
  time(obj: object, method: string, label: string): void {
    const o = obj as Record<string, (...a: unknown[]) => unknown>;
    const inner = o[method]!.bind(obj);
    o[method] = (...a: unknown[]) => {
      const t0 = this.clock();
      const k0 = this.kernelMs;
      const done = () =>
        this.add(`${label} (JS, excluding kernels)`, this.clock() - t0 - (this.kernelMs - k0));
      const out = inner(...a);
      if (out instanceof Promise) return out.finally(done);
      done();
      return out;
    };
  }

  clear(bucket = this.bucket): void {
    this.tables.delete(bucket);
  }

  report(bucket = this.bucket): Row[] {
    return [...(this.tables.get(bucket) ?? new Map<string, number[]>()).entries()].map(([name, each]) => ({
      name,
      calls: each.length,
      ms: each.reduce((a, b) => a + b, 0),
      median: median(each),
    }));
  }
}
