/**
 * The PyTorch-layers parser (engine/models/pytorch-network.ts and what it imports) is not in the initial
 * download of the elements that can take a network of their own: it loads when one is given. The test runner
 * serves every source module as its own file, so the page's resource entries name each module it loaded.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/define/cnn-trainer.js';
import '../../src/define/model-summary.js';
import '../../src/define/digit-pad.js';
import type { ModelSummary } from '../../src/components/model-summary/model-summary.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import { cleanup, fixture, settle } from '../helpers.js';

const PARSER = /\/engine\/models\/(pytorch-network|pytorch-layers|pytorch-signatures|network-value)\.ts/;
const parserUrls = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => PARSER.test(u));

describe('the PyTorch-layers parser loads on first need', () => {
  afterEach(cleanup);

  it('is not loaded by the elements, nor by a trainer, a summary and a pad of the lesson’s own networks', async () => {
    const host = await fixture<HTMLDivElement>(
      '<div><cnn-trainer id="lazy-t" train-size="64" test-size="64"></cnn-trainer><model-summary model="cnn"></model-summary><digit-pad for="lazy-t"></digit-pad></div>',
    );
    for (const el of host.children) await settle(el as HTMLElement & { updateComplete: Promise<unknown> });
    expect(parserUrls()).to.deep.equal([]);
  });

  it('a script that starts a trainer with `layers` right after putting it on the page trains that network', async function () {
    this.timeout(60000);
    const host = document.createElement('div');
    host.className = 'fixture';
    document.body.append(host);
    const el = document.createElement('cnn-trainer') as CnnTrainer;
    el.setAttribute('layers', 'Conv2d(1, 2, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(338, 10)');
    for (const [k, v] of Object.entries({
      epochs: '1',
      'train-size': '128',
      'test-size': '64',
      backend: 'wasm',
    }))
      el.setAttribute(k, v);
    host.append(el);
    await el.start(); // at once: the parser is still to load (no test before this one loaded it)
    expect(el.error).to.equal(null);
    expect(el.state).to.equal('done');
    expect(el.config!.spec!.layers.map((l) => l.name)).to.include('fc1');
    expect(el.config!.spec!.layers[0]).to.include({ filters: 2 });
  });

  it('loads when a network of one’s own is given, and reads it', async () => {
    const el = await fixture<ModelSummary>(
      '<model-summary layers="Conv2d(1, 4, 3), ReLU(), Flatten(), Linear(2704, 10)"></model-summary>',
    );
    await settle(el);
    expect(parserUrls().length).to.be.greaterThan(0);
    expect(el.error).to.equal(null);
    expect(el.shadowRoot!.textContent).to.match(/2,704|2704/);
  });
});
