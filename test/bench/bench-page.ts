/**
 * The benchmark page driven by scripts/bench.mjs (bundled with esbuild into dist/bench/). One run per page
 * load, chosen by the query string; the result lands on `window.__bench` (or `window.__benchError`).
 *
 *   ?mode=speed&side=ours|bare&backend=wasm&model=cnn&n=6400
 *        images/s of our TrainingSession (in its Worker), or of a bare TensorFlow.js `model.fit` of the same
 *        architecture (a tfjs-layers `tf.sequential` with the same shapes and the same optimiser — the library
 *        itself no longer uses tfjs-layers) on the same backend; and prediction images/s.
 *        &workers=N   (ours only) train in N data-parallel Workers instead of the default 'auto'.
 *   ?mode=accuracy&model=cnn&epochs=2          test accuracy after each epoch on the full 60,000 / 10,000.
 *   ?mode=profile&n=3200&workers=1   where a training step's time goes, per kernel (profile-worker.ts).
 */
// The bare baseline is plain TensorFlow.js as a page would write it: the whole of tfjs-core, every gradient,
// and tfjs-layers.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tfl from '@tensorflow/tfjs-layers';
import { getTf, TrainingSession, TrainerCore, Control } from '../../src/engine/tensor.js';
import { resolveConfig } from '../../src/engine/training/config.js';
import { parseNetwork } from '../../src/engine/models/pytorch-network.js';
import { restoreStockCpuKernels } from '../../src/engine/kernels/cpu-training.js';
import type { BackendName } from '../../src/engine/tensor.js';
import { loadMnist, toFloat, type MnistSplit } from '../../src/engine/data/mnist.js';

interface SpeedResult {
  backend: BackendName;
  model: string;
  side: 'ours' | 'bare';
  images: number;
  trainRate: number;
  predictRate: number;
  thread: string | null;
  /** How many Workers trained (ours), else 1. */
  workers?: number | null;
}

const q = new URLSearchParams(location.search);
const BATCH = Number(new URLSearchParams(location.search).get('batch') ?? 64);
/** Test images whose prediction is timed: fewer on the software GPUs, which take seconds per batch of 256. */
const PREDICT: Record<BackendName, number> = { wasm: 10000, cpu: 1000, webgl: 1000, webgpu: 256 };

/**
 * Images per second from the timestamps of the batch events, between the FIRST and the SECOND-TO-LAST event:
 * (n − 2) batches. The same count is right for both kinds of loop:
 *   - read at once (bare, and ours on wasm/cpu): events 1 … n−1 mark the ends of batches 1 … n−1;
 *   - the next batch queued before a read (ours on a GPU in a Worker): a read waits for everything queued, so
 *     event k marks the end of batch k+1, and events n−1 and n both mark the end of batch n.
 * Either way the first batch (warm-up, shader compiles) is left out.
 */
function rate(stamps: number[], batch: number): number {
  if (stamps.length < 3) return NaN;
  return ((stamps.length - 2) * batch * 1000) / (stamps[stamps.length - 2]! - stamps[0]!);
}

/**
 * Images per second of a prediction pass over m images: one pass to warm up (shader compiles), then the median
 * of three timed passes. One timed pass was not enough: on the plain-JS cpu backend the second pass still ran
 * at half the speed of the later ones (the JIT was still at work), on either side.
 */
async function predictionRate(pass: () => Promise<unknown>, m: number): Promise<number> {
  await pass();
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await pass();
    rates.push((m * 1000) / (performance.now() - t0));
  }
  return rates.sort((a, b) => a - b)[1]!;
}

/**
 * The bench's network of one's own (`model=custom`): every layer type the presets do not use, as a writer would
 * give it to `<cnn-trainer layers>`. 28 → 28 → 14 → 12 → 6, 16×6×6 = 576 features.
 */
const CUSTOM_LAYERS =
  'Conv2d(1, 8, 5, padding=2), LeakyReLU(0.1), AvgPool2d(2), Conv2d(8, 16, 3), Tanh(), MaxPool2d(2), Flatten(), Dropout(0.2), Linear(576, 64), Sigmoid(), Linear(64, 10)';
const customSpec = () => {
  const r = parseNetwork(CUSTOM_LAYERS, { inputShape: [1, 28, 28], classes: 10 });
  if (!r.ok) throw new Error(r.error.message);
  return r.spec;
};
type BenchModel = 'cnn' | 'fnn' | 'custom';
/** What a TrainingSession is given for a bench model. */
const network = (model: BenchModel) => (model === 'custom' ? { spec: customSpec() } : { model });

/** The lesson's CNN / FNN (specs.ts), or CUSTOM_LAYERS, as a tfjs-layers model: the same shapes and parameters. */
function layersModel(model: BenchModel): tfl.Sequential {
  if (model === 'custom')
    return tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 5, padding: 'same' }),
        tfl.layers.leakyReLU({ alpha: 0.1 }),
        tfl.layers.averagePooling2d({ poolSize: 2 }),
        tfl.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'tanh' }),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.flatten(),
        tfl.layers.dropout({ rate: 0.2 }),
        tfl.layers.dense({ units: 64, activation: 'sigmoid' }),
        tfl.layers.dense({ units: 10 }),
      ],
    });
  const layers =
    model === 'cnn'
      ? [
          tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu' }),
          tfl.layers.maxPooling2d({ poolSize: 2 }),
          tfl.layers.conv2d({ filters: 10, kernelSize: 3, activation: 'relu' }),
          tfl.layers.maxPooling2d({ poolSize: 2 }),
          tfl.layers.flatten(),
          tfl.layers.dense({ units: 128, activation: 'relu' }),
          tfl.layers.dense({ units: 84, activation: 'relu' }),
          tfl.layers.dense({ units: 10 }),
        ]
      : [
          tfl.layers.flatten({ inputShape: [28, 28, 1] }),
          tfl.layers.dense({ units: 50, activation: 'relu' }),
          tfl.layers.dense({ units: 20, activation: 'relu' }),
          tfl.layers.dense({ units: 10 }),
        ];
  return tfl.sequential({ layers });
}

async function bare(backend: BackendName, model: BenchModel, train: MnistSplit, test: MnistSplit, n: number) {
  // The same backend set-up as ours (wasm paths, and our wasm kernels: stock WASM cannot train a conv net at
  // all); but on cpu, where stock TensorFlow.js trains, tfjs' own filter gradient instead of ours.
  await getTf(backend, { strict: true });
  if (backend === 'cpu') restoreStockCpuKernels();
  const net = layersModel(model);
  net.compile({
    optimizer: tf.train.adam(0.001),
    loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred),
  });
  const xs = tf.tensor4d(toFloat(train.images, 0, n), [n, 28, 28, 1]);
  const ys = tf.oneHot(tf.tensor1d(Array.from(train.labels.subarray(0, n)), 'int32'), 10);
  const stamps: number[] = [];
  await net.fit(xs, ys, {
    batchSize: BATCH,
    epochs: 1,
    shuffle: false,
    yieldEvery: 'never',
    callbacks: { onBatchEnd: async () => void stamps.push(performance.now()) },
  });
  const trainRate = rate(stamps, BATCH);
  // Prediction over the test set, second pass timed (the first compiles/warms). Timed from the pixels, as ours
  // is (our predict() takes pixels, uploads and standardises them): the upload is part of predicting.
  const m = Math.min(test.count, PREDICT[backend]);
  const px = toFloat(test.images, 0, m);
  // `await data()`, not dataSync(): on WebGPU a synchronous read can come back before the work is done.
  const once = async () => {
    const out = tf.tidy(() =>
      tf.softmax(net.predict(tf.tensor4d(px, [m, 28, 28, 1]), { batchSize: 256 }) as tf.Tensor2D),
    );
    await out.data();
    out.dispose();
  };
  const predictRate = await predictionRate(once, m);
  tf.dispose([xs, ys]);
  net.dispose();
  return { trainRate, predictRate };
}

async function ours(backend: BackendName, model: BenchModel, train: MnistSplit, test: MnistSplit, n: number) {
  const session = new TrainingSession({
    ...network(model),
    backend,
    epochs: 1,
    batchSize: BATCH,
    trainSize: n,
    seed: 1,
    evaluateEachEpoch: false,
    data: { train, test },
    ...(q.get('workers') ? { workers: Number(q.get('workers')) } : {}),
    ...(q.get('pipeline') ? { pipeline: q.get('pipeline') === '1' } : {}),
  });
  const stamps: number[] = [];
  session.addEventListener('train-batch', () => stamps.push(performance.now()));
  await session.start();
  if (session.state === 'error') throw session.error ?? new Error('training failed');
  if (session.backend !== backend)
    throw new Error(
      `asked for ${backend}, trained on ${session.backend} (${session.backendReport?.reason ?? 'no reason given'})`,
    );
  const trainRate = rate(stamps, BATCH);
  const m = Math.min(test.count, PREDICT[backend]);
  const px = toFloat(test.images, 0, m);
  const predictRate = await predictionRate(() => session.predict(px, m), m);
  const thread = session.thread;
  const workers = session.workers;
  session.dispose();
  return { trainRate, predictRate, thread, workers, isolated: globalThis.crossOriginIsolated === true };
}

/** Our training loop run right here on the page's thread, without the Worker (diagnosis: ?ours=core). */
async function oursCore(
  backend: BackendName,
  model: BenchModel,
  train: MnistSplit,
  test: MnistSplit,
  n: number,
) {
  const config = resolveConfig({
    ...network(model),
    backend,
    epochs: 1,
    batchSize: BATCH,
    trainSize: n,
    seed: 1,
    evaluateEachEpoch: false,
  });
  if ('error' in config) throw new Error(config.error);
  const core = await TrainerCore.create(config, { train, test }, { sliceMs: null });
  const stamps: number[] = [];
  await core.train(
    { onBatch: () => stamps.push(performance.now()), onEpoch: () => {}, onEvaluation: () => {} },
    new Control(),
  );
  const m = Math.min(test.count, PREDICT[backend]);
  const px = toFloat(test.images, 0, m);
  const predictRate = await predictionRate(() => core.predict(px, m), m);
  core.dispose();
  return { trainRate: rate(stamps, BATCH), predictRate, thread: 'page' };
}

/**
 * One side of one speed round (`side=ours` or `side=bare`): scripts/bench.mjs opens a fresh page for each, runs
 * both in every round, which order alternating, and takes the median of the rounds' ratios: fair to both on a
 * machine whose load drifts. A
 * fresh page each time also matters for WebGPU on SwiftShader: once a page's own thread holds a WebGPU device,
 * a Worker of that page gets no adapter at all, and our Worker would fall back to WebGL.
 */
async function speed(): Promise<SpeedResult> {
  const backend = (q.get('backend') ?? 'wasm') as BackendName;
  const model = (q.get('model') ?? 'cnn') as BenchModel;
  const n = Number(q.get('n') ?? 6400);
  const side = q.get('side') === 'bare' ? 'bare' : 'ours';
  const [train, test] = await Promise.all([
    loadMnist({ split: 'train', count: n }),
    loadMnist({ split: 'test', count: PREDICT[backend] }),
  ]);
  const r =
    side === 'bare'
      ? { ...(await bare(backend, model, train, test, n)), thread: 'page' }
      : await (q.get('ours') === 'core' ? oursCore : ours)(backend, model, train, test, n);
  return { backend, model, side, images: n, ...r };
}

async function accuracy() {
  const model = (q.get('model') ?? 'cnn') as BenchModel;
  const epochs = Number(q.get('epochs') ?? 2);
  // `preset=notebook`: the lesson's own recipe (500 images, batch 20, Adam 0.01, 200 epochs) instead.
  const recipe =
    q.get('preset') === 'notebook'
      ? { preset: 'notebook' as const }
      : { ...network(model), epochs, trainSize: 60000, batchSize: BATCH };
  const session = new TrainingSession({
    ...recipe,
    seed: Number(q.get('seed') ?? 1234),
    ...(q.get('schedule') ? { lrSchedule: q.get('schedule') as 'constant' | 'cosine' } : {}),
    ...(q.get('workers') ? { workers: Number(q.get('workers')) } : {}),
    ...(q.get('pipeline') ? { pipeline: q.get('pipeline') === '1' } : {}),
    backend: 'auto',
  });
  const t0 = performance.now();
  await session.start();
  if (session.state === 'error') throw session.error ?? new Error('training failed');
  const result = {
    model,
    seed: session.config.seed,
    backend: session.backend,
    workers: session.workers,
    epochs: session.history.epochs.map((e) => ({
      epoch: e.epoch,
      testAccuracy: e.testAccuracy,
      imagesPerSecond: e.imagesPerSecond,
    })),
    seconds: (performance.now() - t0) / 1000,
  };
  session.dispose();
  return result;
}

/** One profile run: the cnn on wasm in `workers` profile Workers (profile-worker.ts), each one's table. */
async function profile() {
  const n = Number(q.get('n') ?? 3200);
  const workers = Number(q.get('workers') ?? 1);
  const warm = Number(q.get('warm') ?? 5);
  const [train, test] = await Promise.all([
    loadMnist({ split: 'train', count: n }),
    loadMnist({ split: 'test', count: 256 }),
  ]);
  const url = new URL('./profile-worker.js', import.meta.url);
  const all = Array.from({ length: workers }, () => new Worker(url, { type: 'module' }));
  const ask = (w: Worker, m: unknown, transfer: Transferable[] = []) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<Record<string, unknown>>) =>
        e.data['ok'] ? resolve(e.data) : reject(new Error(String(e.data['error'])));
      w.onerror = (e) => reject(new Error(e.message));
      w.postMessage(m, transfer);
    });
  const channels = all.slice(1).map(() => new MessageChannel());
  await Promise.all(
    all.slice(1).map((w, i) => ask(w, { role: 'helper', port: channels[i]!.port2 }, [channels[i]!.port2])),
  );
  const ports = channels.map((c) => c.port1);
  const leader = await ask(all[0]!, { role: 'leader', train, test, n, warm, ports }, ports);
  const helpers = [];
  for (const w of all.slice(1)) helpers.push((await ask(w, { role: 'report' }))['rows']);
  for (const w of all) w.terminate();
  return { workers, images: n, ...leader, helpers };
}

const w = window as unknown as { __bench?: unknown; __benchError?: string };
const mode = q.get('mode');
(mode === 'accuracy' ? accuracy() : mode === 'profile' ? profile() : speed()).then(
  (r) => (w.__bench = r),
  (e: unknown) => (w.__benchError = e instanceof Error ? `${e.message}\n${e.stack}` : String(e)),
);
