/**
 * The training Worker's entry module. It runs the SAME TrainerCore as the main-thread fallback
 * (training/core.ts) — TensorFlow.js works in a Worker as-is (WebGL through OffscreenCanvas, WebGPU through
 * WorkerNavigator.gpu, WASM unchanged) — and speaks the small protocol of training/protocol.ts.
 *
 * Kept as its own module so builds can emit it as a separate chunk (see worker/spawn.ts for how it is found).
 * Pause/resume/stop are plain messages handled at once: the core yields to this worker's event loop between
 * batches, so they take effect after the current batch.
 */
import { setAssetBase } from '../assets.js';
import { TrainerCore } from '../training/core.js';
import { Control } from '../training/events.js';
import type { MnistSplit, TrainConfig } from '../training/config.js';
import { toWire, type FromWorker, type NamedWeights, type ToWorker } from '../training/protocol.js';
import { serveGradients } from '../training/parallel.js';
import { fineTuneCore } from '../training/fine-tune-run.js';
import type { FineTuneOptions, TaughtExample } from '../training/fine-tune.js';

/** A helper needs no data of its own: the leader sends each share's pixels with the request. */
const NO_DATA: { train: MnistSplit; test: MnistSplit } = {
  train: { images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 },
  test: { images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 },
};

/** The bits of DedicatedWorkerGlobalScope we use (the project's TS lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent<ToWorker>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

let core: TrainerCore | null = null;
/** A helper's service (`serve`): its replica's weights are told once a pipeline it ended is applied. */
let served: { settled(): Promise<void> } | null = null;
let control = new Control();

const post = (m: FromWorker, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

async function call(method: string, args: unknown[]): Promise<{ value: unknown; transfer?: Transferable[] }> {
  switch (method) {
    case 'init': {
      const [config, data, assetBase, helpers] = args as [
        TrainConfig,
        { train: MnistSplit; test: MnistSplit },
        string | null,
        MessagePort[] | undefined,
      ];
      // The main thread may have moved the assets (setAssetBase / data-src); this thread has its own globals.
      if (assetBase) setAssetBase(assetBase);
      core?.dispose();
      control = new Control();
      core = await TrainerCore.create(config, data, { sliceMs: null, helpers: helpers ?? [] });
      return { value: core.startInfo };
    }
    case 'serve': {
      // A data-parallel helper (training/parallel.ts): a replica of the model answering the leader's port.
      const [config, assetBase, port, mesh] = args as [
        TrainConfig,
        string | null,
        MessagePort,
        { me: number; workers: number; peers: (MessagePort | null)[] } | undefined,
      ];
      if (assetBase) setAssetBase(assetBase);
      core?.dispose();
      core = await TrainerCore.create(config, NO_DATA, { sliceMs: null });
      served = serveGradients(core, port, mesh);
      return { value: core.backend };
    }
    case 'train': {
      const c = need();
      const result = await c.train(
        {
          onBatch: (detail) => post({ type: 'event', name: 'batch', detail }),
          onEpoch: (detail) => post({ type: 'event', name: 'epoch', detail }),
          onEvaluation: (detail) =>
            post({ type: 'event', name: 'evaluation', detail }, [detail.predicted.buffer]),
        },
        control,
      );
      return { value: result };
    }
    case 'predict': {
      const out = await need().predict(args[0] as Float32Array, args[1] as number);
      return { value: out, transfer: [out.buffer] };
    }
    case 'activations':
      return { value: await need().activations(args[0] as Float32Array, args[1] as string[]) };
    case 'weights':
      await served?.settled();
      return { value: await need().weights() };
    case 'setWeights':
      need().setWeights(args[0] as NamedWeights);
      return { value: null };
    case 'fineTune': {
      const [examples, options] = args as [TaughtExample[], FineTuneOptions & { steps: number }];
      const out = await fineTuneCore(need(), examples, options);
      return { value: out, transfer: out.evaluation ? [out.evaluation.predicted.buffer] : [] };
    }
    case 'numTensors':
      return { value: core ? core.tf.memory().numTensors : 0 };
    case 'dispose':
      control.stop();
      core?.dispose();
      core = null;
      served = null;
      return { value: null };
    default:
      throw new Error(`Unknown call "${method}".`);
  }
}

function need(): TrainerCore {
  if (!core) throw new Error('The training worker has no model (init first, or it was disposed).');
  return core;
}

scope.addEventListener('message', (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type === 'pause') control.pause();
  else if (m.type === 'resume') control.resume();
  else if (m.type === 'stop') control.stop();
  else if (m.type === 'call') {
    call(m.method, m.args).then(
      ({ value, transfer }) => post({ type: 'reply', id: m.id, ok: true, value }, transfer),
      (e: unknown) => post({ type: 'reply', id: m.id, ok: false, error: toWire(e) }),
    );
  }
});

// Everything above (TensorFlow.js included) has loaded: tell the page this worker is usable.
post({ type: 'ready' });
