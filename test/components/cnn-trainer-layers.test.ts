import { expect } from '@esm-bundle/chai';
import '../../src/define/cnn-trainer.js';
import '../../src/define/model-summary.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { ModelSummary } from '../../src/components/model-summary/model-summary.js';
import { resolveConfig } from '../../src/engine/training/config.js';
import type { NamedWeights } from '../../src/engine/training/protocol.js';
import { parseNetwork } from '../../src/engine/models/pytorch-network.js';
import { cleanup, fixture, nextEvent, settle } from '../helpers.js';

const SMALL = 'Conv2d(1, 4, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(676, 10)';
const errorText = (el: Element) => el.shadowRoot!.querySelector('[part=error]')!.textContent!.trim();

describe('<cnn-trainer layers> (your own network)', () => {
  afterEach(cleanup);

  it('puts the parsed network in its config (overriding model), and a summary via for follows it', async () => {
    const host = await fixture<HTMLDivElement>(
      `<div><cnn-trainer id="t" model="fnn" layers="${SMALL}"></cnn-trainer><model-summary for="t"></model-summary></div>`,
    );
    const el = host.querySelector('cnn-trainer') as CnnTrainer;
    const sum = host.querySelector('model-summary') as ModelSummary;
    await settle(el);
    await settle(sum);
    expect(el.error).to.equal(null);
    expect(el.config!.spec!.layers.map((l) => l.name)).to.deep.equal([
      'conv1',
      'relu1',
      'pool1',
      'flatten',
      'fc1',
    ]);
    expect(sum.totalParams).to.equal(4 * 9 + 4 + 676 * 10 + 10);
    // The property twin: set from script, the summary follows the reflected attribute.
    el.network = 'Flatten(), Linear(784, 10)';
    await settle(el);
    await settle(sum);
    expect(el.getAttribute('layers')).to.equal('Flatten(), Linear(784, 10)');
    expect(sum.totalParams).to.equal(7850);
    el.network = '';
    await settle(el);
    await settle(sum);
    expect(el.config!.spec).to.equal(undefined);
    expect(sum.totalParams).to.equal(40480); // the fnn again
  });

  it('a wrong count, a wrong class count or a bad type is a message in part="error", and Start is off', async () => {
    const el = await fixture<CnnTrainer>(
      `<cnn-trainer layers="Conv2d(1, 4, 3), Flatten(), Linear(600, 10)"></cnn-trainer>`,
    );
    expect(el.error).to.contain('Linear(600, 10) receives 2,704 features');
    expect(el.error).to.match(/column \d+/);
    expect(errorText(el)).to.equal(el.error);
    expect(el.config).to.equal(null);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part=start]')!.disabled).to.equal(true);
    el.network = 'Flatten(), Linear(784, 20)';
    await settle(el);
    expect(el.error).to.contain('the data has 10 classes');
    (el as unknown as { network: unknown }).network = 42;
    await settle(el);
    expect(el.error).to.match(/Property "network" must be/);
  });

  it('refuses a network too big for a tab, with the numbers', async () => {
    const el = await fixture<CnnTrainer>(
      `<cnn-trainer layers="Flatten(), Linear(784, 8000), ReLU(), Linear(8000, 10)"></cnn-trainer>`,
    );
    expect(el.error).to.match(/6,360,010 parameters, over the 5,000,000/);
    expect(el.config).to.equal(null);
  });

  it('resolveConfig checks a spec given directly to the engine', () => {
    const ok = parseNetwork(SMALL, { inputShape: [1, 28, 28], classes: 10 });
    if (!ok.ok) throw new Error(ok.error.message);
    expect(resolveConfig({ spec: ok.spec })).to.have.property('spec');
    const wide = parseNetwork('Flatten(), Linear(784, 12)', { inputShape: [1, 28, 28], classes: 12 });
    if (!wide.ok) throw new Error(wide.error.message);
    const r = resolveConfig({ spec: wide.spec });
    expect(r).to.deep.include({ field: 'spec' });
    expect((r as { error: string }).error).to.contain('10 classes');
    expect((resolveConfig({ spec: 'x' as never }) as { error: string }).error).to.contain('spec must be');
  });

  it('trains the custom network 1 epoch on 500 images (wasm) in the default Worker', async () => {
    const el = await fixture<CnnTrainer>(
      `<cnn-trainer layers="${SMALL}" epochs="1" train-size="500" test-size="500" batch-size="50" backend="wasm"></cnn-trainer>`,
    );
    await settle(el);
    const end = nextEvent(el, 'train-end', 120000);
    await el.start();
    await end;
    expect(el.error).to.equal(null);
    expect(el.state).to.equal('done');
    // The model trained is the custom one: its weights are those of conv1 (4×1×3×3) and fc1 (10 outputs).
    const session = el.session as unknown as { weights(): Promise<NamedWeights>; thread?: string };
    const weights = await session.weights();
    expect(weights.map((w) => w.name).sort()).to.have.length(4);
    expect(weights.map((w) => w.shape.reduce((a, b) => a * b, 1)).sort((a, b) => a - b)).to.deep.equal([
      4, 10, 36, 6760,
    ]);
    expect(session.thread).to.equal('worker');
    expect(el.testAccuracy).to.be.greaterThan(0.2); // better than chance after one epoch
  });
});
