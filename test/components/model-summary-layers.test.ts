import { expect } from '@esm-bundle/chai';
import '../../src/define/model-summary.js';
import type { ModelSummary } from '../../src/components/model-summary/model-summary.js';
import { cleanup, fixture, settle } from '../helpers.js';

const mount = (attrs = '') => fixture<ModelSummary>(`<model-summary ${attrs}></model-summary>`);
const errorText = (el: ModelSummary) => el.shadowRoot!.querySelector('[part=error]')!.textContent!.trim();

/** The lesson's CNN, as the notebook writes it. */
const LESSON = `Conv2d(1, 16, 3), ReLU(), MaxPool2d(2), Conv2d(16, 10, 3), ReLU(), MaxPool2d(2),
Flatten(), Linear(250, 128), ReLU(), Linear(128, 84), ReLU(), Linear(84, 10)`;

describe('<model-summary layers> (your own network)', () => {
  afterEach(cleanup);

  it('shows the lesson’s CNN written out exactly as model="cnn": the same rows, 45,424 parameters', async () => {
    const preset = await mount('model="cnn"');
    const own = await mount(`model="fnn" layers="${LESSON}"`);
    expect(own.error).to.equal(null);
    expect(own.totalParams).to.equal(45424);
    expect(own.layers).to.deep.equal(preset.layers);
    expect(own.shadowRoot!.querySelector('[data-testid=total-params]')!.textContent).to.equal('45,424');
    expect(own.shadowRoot!.querySelector('caption')!.textContent).to.contain('Your network');
  });

  it('network (the property twin) updates the table, and reflects to layers', async () => {
    const el = await mount();
    el.network = 'Flatten(), Linear(784, 10)';
    await settle(el);
    expect(el.error).to.equal(null);
    expect(el.totalParams).to.equal(7850);
    expect(el.getAttribute('layers')).to.equal('Flatten(), Linear(784, 10)');
    el.network = '';
    await settle(el);
    expect(el.totalParams).to.equal(45424);
  });

  it('network also takes the engine’s plain layer specs: the table, JSON in the attribute, errors by layer', async () => {
    const el = await mount();
    const specs = [
      { type: 'flatten' },
      { type: 'dense', units: 32 },
      { type: 'relu' },
      { type: 'dense', units: 10 },
    ];
    el.network = specs as never;
    await settle(el);
    expect(el.error).to.equal(null);
    expect(el.totalParams).to.equal(784 * 32 + 32 + 32 * 10 + 10);
    expect(el.layers.map((l) => l.name)).to.deep.equal(['flatten', 'fc1', 'relu1', 'fc2']);
    expect(JSON.parse(el.getAttribute('layers')!)).to.deep.equal(specs);
    // The attribute's JSON reads as specs too (a summary written in HTML, or one following a trainer).
    const copy = await mount(`layers='${el.getAttribute('layers')}'`);
    expect(copy.totalParams).to.equal(el.totalParams);
    el.network = [
      { type: 'conv2d', filters: 4, kernelSize: 3 },
      { type: 'maxpool2d', poolSize: 30 },
    ] as never;
    await settle(el);
    expect(el.error).to.match(/^Your network \(layers\): Layer 2: pool1: /);
    expect(el.shadowRoot!.querySelector('tr.failed th')!.textContent).to.equal('pool1');
  });

  it('a wrong feature count is the lesson: Linear(200, 128) is told 250 arrives, with the position', async () => {
    const el = await mount(`layers="${LESSON.replace('Linear(250', 'Linear(200')}"`);
    expect(el.totalParams).to.equal(null);
    expect(el.error).to.contain(
      'Linear(200, 128) receives 250 features here (10×5×5): write Linear(250, 128)',
    );
    expect(el.error).to.match(/Line 2, column 19/); // the 200 in Linear(200, 128)
    expect(errorText(el)).to.equal(el.error);
    // The rows computed before the failing layer are shown, and the failing layer is marked.
    expect(el.layers.map((l) => l.name)).to.include('flatten');
    expect(el.shadowRoot!.querySelector('tr.failed th')!.textContent).to.equal('fc1');
  });

  it('an unknown argument gets a "did you mean": strid=2 → stride', async () => {
    const el = await mount('layers="Conv2d(1, 16, 3, strid=2), Flatten(), Linear(2704, 10)"');
    expect(el.error).to.contain('stride');
    expect(el.error).to.contain('strid');
    expect(el.error).to.match(/column \d+/);
  });

  it('the input shape is the one given: a 3×32×32 input tells Conv2d(1, …) it receives 3 channels', async () => {
    const el = await mount('input-shape="3x32x32" layers="Conv2d(1, 8, 3), Flatten(), Linear(7200, 10)"');
    expect(el.error).to.contain('receives 3 channels');
  });

  it('a value of the wrong type set on network is a message, and a good one clears it', async () => {
    const el = await mount();
    for (const bad of [42, { layers: [] }, Symbol('x')]) {
      (el as unknown as { network: unknown }).network = bad;
      await settle(el);
      expect(el.error).to.match(/Property "network" must be/);
      expect(errorText(el)).to.equal(el.error);
      expect(el.totalParams).to.equal(null);
    }
    el.network = 'Flatten(), Linear(784, 10)';
    await settle(el);
    expect(el.error).to.equal(null);
  });

  it('an empty or gibberish text is a message, never an exception', async () => {
    const el = await mount('layers="Conv2d(1, 16"');
    expect(el.error).to.be.a('string').and.not.equal('');
    el.network = 'Dense(10)';
    await settle(el);
    expect(el.error).to.contain('Dense');
  });
});
