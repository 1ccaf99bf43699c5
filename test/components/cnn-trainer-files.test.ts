import { expect } from '@esm-bundle/chai';
import '../../src/define/cnn-trainer.js';
import '../../src/define/confusion-matrix.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { ConfusionMatrix } from '../../src/components/confusion-matrix/confusion-matrix.js';
import { buildModel, getTf } from '../../src/engine/tensor.js';
import { FNN } from '../../src/engine/models/specs.js';
import { exportSafetensors } from '../../src/engine/export/safetensors.js';
import { cleanup, fixture, nextEvent, settle } from '../helpers.js';

const SMALL = 'Conv2d(1, 4, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(676, 10)';
type Predicting = { predict(pixels: Float32Array, n: number): Promise<Float32Array> };

/** A trainer of SMALL, trained 1 epoch on 500 images (wasm) with `seed`. */
async function trained(seed: number): Promise<CnnTrainer> {
  const el = await fixture<CnnTrainer>(
    `<cnn-trainer layers="${SMALL}" seed="${seed}" epochs="1" train-size="500" test-size="500" batch-size="50" backend="wasm"></cnn-trainer>`,
  );
  await settle(el);
  const end = nextEvent(el, 'train-end', 120000);
  await el.start();
  await end;
  await settle(el);
  expect(el.state).to.equal('done');
  return el;
}

/** Three fixed test inputs (a ramp, its mirror, a checkerboard), in 0..1. */
const inputs = () => {
  const px = new Float32Array(3 * 784);
  for (let i = 0; i < 784; i++) {
    px[i] = i / 783;
    px[784 + i] = 1 - i / 783;
    px[1568 + i] = (Math.floor(i / 28) + (i % 28)) % 2;
  }
  return px;
};
const predictions = (el: CnnTrainer) => (el.session as unknown as Predicting).predict(inputs(), 3);

describe('<cnn-trainer> to PyTorch and back', () => {
  afterEach(cleanup);

  it('toPyTorch() writes the network with the summary’s layer names and the run’s settings', async () => {
    const el = await fixture<CnnTrainer>(
      `<cnn-trainer layers="${SMALL}" seed="7" batch-size="50"></cnn-trainer>`,
    );
    const script = el.toPyTorch({ weights: 'model.safetensors' });
    for (const s of [
      'conv1',
      'relu1',
      'pool1',
      'flatten',
      'fc1',
      'nn.Conv2d(1, 4',
      '676',
      'model.safetensors',
    ])
      expect(script).to.contain(s);
    expect(script).to.match(/\b7\b/); // the seed
    const lesson = await fixture<CnnTrainer>('<cnn-trainer model="cnn"></cnn-trainer>');
    expect(lesson.toPyTorch()).to.contain('fc3');
  });

  it('importWeights of a file that is not safetensors, or for another network, is a clear error in part="error"', async () => {
    const el = await fixture<CnnTrainer>(`<cnn-trainer layers="${SMALL}"></cnn-trainer>`);
    let err: Error | null = null;
    await el.importWeights(new Blob([new Uint8Array([1, 2, 3])])).catch((e: Error) => (err = e));
    expect(err!.message).to.match(/^Could not load the weights: .*only 3 bytes/);
    await settle(el);
    expect(el.error).to.equal(err!.message);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent!.trim()).to.equal(err!.message);
    expect(el.state).to.equal('idle'); // refused before any run
    // Weights of the lesson's FNN are not this network's: the names say which.
    await getTf('cpu');
    const fnn = buildModel(null, FNN, { seed: 1 });
    const weights = fnn.weights.map((w) => ({
      name: w.name,
      shape: w.variable.shape.slice(),
      data: w.variable.dataSync() as Float32Array,
    }));
    fnn.dispose();
    let other: Error | null = null;
    await el
      .importWeights(new Blob([exportSafetensors(weights, FNN) as Uint8Array<ArrayBuffer>]))
      .catch((e: Error) => (other = e));
    expect(other!.message).to.match(
      /not for this network: it lacks conv1\.weight, conv1\.bias; it has fc2\.weight/,
    );
    expect(el.state).to.equal('idle');
    let missing: Error | null = null;
    await el.importWeights('/no/such/model.safetensors').catch((e: Error) => (missing = e));
    expect(missing!.message).to.match(/\/no\/such\/model\.safetensors answered 404/);
    let noWeights: Error | null = null;
    await el.exportWeights().catch((e: Error) => (noWeights = e));
    expect(noWeights!.message).to.match(/train the network first/);
  });

  it('a fresh, never-trained trainer loads weights (a Blob or a URL): it builds the network, evaluates it, and its followers update', async () => {
    const a = await trained(1234);
    const blob = await a.exportWeights();
    const wanted = await predictions(a);
    const host = await fixture<HTMLDivElement>(
      `<div><cnn-trainer id="fresh" layers="${SMALL}" test-size="500" backend="wasm"></cnn-trainer><confusion-matrix for="fresh"></confusion-matrix></div>`,
    );
    const b = host.querySelector('cnn-trainer') as CnnTrainer;
    const matrix = host.querySelector('confusion-matrix') as ConfusionMatrix;
    await settle(b);
    expect(b.shadowRoot!.querySelector('[part=load-weights]')).to.not.equal(null); // offered before any run
    expect(b.shadowRoot!.querySelector('[part=download-weights]')).to.equal(null);
    const start = nextEvent(b, 'train-start', 60000);
    const end = nextEvent<{ testAccuracy: number }>(b, 'train-end', 60000);
    const url = URL.createObjectURL(blob);
    await b.importWeights(url);
    URL.revokeObjectURL(url);
    await start;
    expect((await end).detail.testAccuracy).to.equal(a.testAccuracy);
    await settle(b);
    expect(b.error).to.equal(null);
    expect(b.state).to.equal('done');
    expect(b.history.batches).to.have.length(0); // nothing was trained
    expect(b.testAccuracy).to.equal(a.testAccuracy);
    expect(b.confusion).to.deep.equal(a.confusion);
    expect([...(await predictions(b))]).to.deep.equal([...wanted]);
    await settle(matrix);
    expect(matrix.matrix).to.deep.equal(a.confusion);
    expect(b.shadowRoot!.querySelector('[data-testid=live]')!.textContent).to.match(
      /Weights loaded: test accuracy/,
    );
    expect(b.shadowRoot!.querySelector('[part=progress]')!.textContent).to.match(/Loaded weights, evaluated/);
    // And it goes out again as it came in.
    expect(new Uint8Array(await (await b.exportWeights()).arrayBuffer())).to.deep.equal(
      new Uint8Array(await blob.arrayBuffer()),
    );
  });

  it('export → import gives the same predictions; a wrong file changes nothing; buttons once trained', async () => {
    const a = await trained(1234);
    for (const part of ['download-code', 'download-weights', 'load-weights'])
      expect(a.shadowRoot!.querySelector(`[part=${part}]`), part).to.not.equal(null);
    const blob = await a.exportWeights();
    expect(blob.size).to.be.greaterThan((36 + 4 + 6760 + 10) * 4);
    const wanted = await predictions(a);

    const b = await trained(7);
    const before = await predictions(b);
    expect([...before]).to.not.deep.equal([...wanted]); // another seed, other weights
    // A file that is not safetensors is refused, and the model is as it was.
    let err: Error | null = null;
    await b.importWeights(new Blob([new Uint8Array(64)])).catch((e: Error) => (err = e));
    expect(err!.message).to.match(/^Could not load the weights: /);
    await settle(b);
    expect(b.error).to.equal(err!.message);
    expect([...(await predictions(b))]).to.deep.equal([...before]);
    // The real file: b now predicts exactly as a, and the error is gone.
    await b.importWeights(blob);
    await settle(b);
    expect(b.error).to.equal(null);
    expect([...(await predictions(b))]).to.deep.equal([...wanted]);
  });
});
