import { expect } from '@esm-bundle/chai';
import '../../src/define/model-summary.js';
import '../../src/define/cnn-trainer.js';
import type { ModelSummary } from '../../src/components/model-summary/model-summary.js';
import { cleanup, expectAccessible, fixture, settle, shadowText, typeInto } from '../helpers.js';
import { describeBadInput, expectNoBadNumbers } from './quality.js';

const mount = (attrs = '') => fixture<ModelSummary>(`<model-summary ${attrs}></model-summary>`);
const q = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const qa = <T extends Element>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
/** Spatial sizes (H) after every conv/pool layer, in order. */
const spatial = (el: ModelSummary) =>
  el.layers.filter((l) => /conv|pool/.test(l.type)).map((l) => l.outputShape[1]);

describe('<model-summary>', () => {
  afterEach(cleanup);

  it('is accessible, in light and dark, with a real table', async () => {
    const el = await mount('model="alexnet"');
    await expectAccessible(el);
    el.theme = 'dark';
    await settle(el);
    await expectAccessible(el);
    const table = q<HTMLTableElement>(el, 'table')!;
    expect(table.caption?.textContent).to.contain('AlexNet');
    expect(qa(el, 'thead th[scope=col]').map((t) => t.textContent!.trim())).to.deep.equal([
      'Layer',
      'Type',
      'Hyperparameters',
      'Output (C×H×W)',
      'Parameters',
      'Multiply-adds',
    ]);
    expect(qa(el, 'th[scope=rowgroup]').map((t) => t.textContent!.trim())).to.deep.equal([
      'features',
      'classifier',
    ]);
    const diagram = q(el, '[part=diagram]')!;
    expect(diagram.getAttribute('role')).to.equal('img');
    expect(diagram.getAttribute('aria-label')).to.contain('conv1 55×55');
  });

  it('is useful bare: the lesson’s CNN, 28 → 26 → 13 → 11 → 5, 45,424 parameters', async () => {
    const el = await mount();
    expect(el.error).to.equal(null);
    expect(el.totalParams).to.equal(45424);
    expect(spatial(el)).to.deep.equal([26, 13, 11, 5]);
    expect(el.layers.find((l) => l.name === 'flatten')?.outputShape).to.deep.equal([250]);
    expect(el.layers.map((l) => l.group)).to.include.members(['features', 'classifier']);
    const fc1 = el.layers.find((l) => l.name === 'fc1')!;
    expect([fc1.params, fc1.group, fc1.outputShape]).to.deep.equal([250 * 128 + 128, 'classifier', [128]]);
    expect(q(el, '[data-testid=total-params]')!.textContent).to.equal('45,424');
    expect(shadowText(el)).to.contain('16×26×26');
  });

  it('shows torchvision’s AlexNet: 61,100,840 parameters, 55 → 27 → 27 → 13 → 13 → 6', async () => {
    const el = await mount('model="alexnet"');
    expect(el.totalParams).to.equal(61100840);
    expect(spatial(el)).to.deep.equal([55, 27, 27, 13, 13, 13, 13, 6, 6]);
    const conv1 = el.layers[0]!;
    expect(conv1).to.deep.include({ name: 'conv1', params: 23296, hyper: '11×11, stride 4, padding 2' });
    expect(conv1.outputShape).to.deep.equal([64, 55, 55]);
    expect(el.layers.filter((l) => l.group === 'features').at(-1)!.name).to.equal('avgpool');
    expect(q(el, '[data-testid=total-params]')!.textContent).to.equal('61,100,840');
  });

  it('shows the feed-forward net: 40,480 parameters and no convolutions', async () => {
    const el = await mount('model="fnn"');
    expect(el.totalParams).to.equal(40480);
    expect(el.layers.filter((l) => l.type === 'conv2d')).to.have.length(0);
    expect(q(el, '[data-testid=comparison]')!.textContent).to.match(/no convolution layers/);
  });

  it('makes the lesson’s point: 100×100 input → 500 hidden = 5,000,000 weights, vs the conv layers', async () => {
    const el = await mount('input-shape="100x100"');
    const text = q(el, '[data-testid=comparison]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('10,000 × 500 = 5,000,000');
    const conv = el.layers.filter((l) => l.type === 'conv2d').reduce((a, l) => a + l.params, 0);
    expect(conv).to.equal(160 + 1450);
    expect(text).to.contain('1,610');
    // The classifier's input follows the new shape: 100 → 98 → 49 → 47 → 23; 10×23×23 = 5,290.
    expect(spatial(el)).to.deep.equal([98, 49, 47, 23]);
    expect(el.layers.find((l) => l.name === 'fc1')!.params).to.equal(5290 * 128 + 128);
    el.denseHidden = 100;
    await settle(el);
    expect(q(el, '[data-testid=comparison]')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      '10,000 × 100 = 1,000,000',
    );
  });

  it('input-shape takes C×H×W, H×W or W', async () => {
    const el = await mount('model="alexnet" input-shape="1x227x227"');
    expect(el.layers[0]!.outputShape).to.deep.equal([64, 56, 56]);
    expect(el.layers[0]!.params).to.equal(11 * 11 * 64 + 64);
    el.inputShape = '28';
    await settle(el);
    expect(el.error).to.match(/pool/);
    el.model = 'cnn';
    el.inputShape = '32x28';
    await settle(el);
    expect(el.layers[0]!.outputShape).to.deep.equal([16, 30, 26]);
  });

  it('explains a shape the network cannot take, keeping the rows computed so far', async () => {
    const el = await mount('input-shape="6"');
    expect(el.error).to.match(/conv2/);
    expect(el.totalParams).to.equal(null);
    expect(el.layers.map((l) => l.name)).to.deep.equal(['conv1', 'relu1', 'pool1']);
    expect(q(el, '[part=error]')!.textContent).to.match(/conv2.*larger than the padded input/);
    expect(q(el, 'tr.failed th')!.textContent).to.equal('conv2');
    expect(qa(el, 'tbody th[scope=row]').map((t) => t.textContent)).to.include('pool1');
    el.inputShape = '8';
    await settle(el);
    expect(el.error).to.match(/pool2/);
    el.inputShape = '';
    await settle(el);
    expect(el.error).to.equal(null);
    expect(el.totalParams).to.equal(45424);
    await expectAccessible(el);
  });

  it('follows a trainer named by `for`, defined later in the page, and its model changes', async () => {
    const host = document.createElement('div');
    host.className = 'fixture';
    document.body.append(host);
    const el = document.createElement('model-summary');
    el.htmlFor = 'ms-trainer';
    el.model = 'alexnet';
    host.append(el);
    await settle(el);
    expect(el.totalParams).to.equal(61100840); // no target yet: its own model
    // An element not yet upgraded: the attribute counts.
    const trainer = document.createElement('ms-fake-trainer') as HTMLElement & { model?: string };
    trainer.id = 'ms-trainer';
    trainer.setAttribute('model', 'fnn');
    host.append(trainer);
    await new Promise((r) => setTimeout(r));
    await settle(el);
    expect(el.totalParams).to.equal(40480);
    trainer.setAttribute('model', 'cnn');
    await new Promise((r) => setTimeout(r));
    await settle(el);
    expect(el.totalParams).to.equal(45424);
    // Upgraded later: its property now says fnn, whatever the attribute.
    customElements.define(
      'ms-fake-trainer',
      class extends HTMLElement {
        model = 'fnn';
      },
    );
    await new Promise((r) => setTimeout(r));
    await settle(el);
    expect(el.totalParams).to.equal(40480);
    // Replaced by another element with the same id.
    trainer.remove();
    await new Promise((r) => setTimeout(r));
    await settle(el);
    expect(el.totalParams).to.equal(61100840);
  });

  it('follows the trainer’s dataset: its preset fitted to the data’s size, channels and classes, on `dataset`', async () => {
    const host = await fixture<HTMLDivElement>('<div></div>');
    const trainer = document.createElement('div') as HTMLDivElement & { model: string; datasetInfo: unknown };
    trainer.id = 'ms-data';
    trainer.model = 'cnn';
    trainer.datasetInfo = null; // still reading its dataset.json: MNIST's network meanwhile
    host.append(trainer);
    const el = document.createElement('model-summary');
    el.htmlFor = 'ms-data';
    host.append(el);
    await settle(el);
    expect(el.totalParams).to.equal(45424);
    trainer.datasetInfo = { name: 'Shapes', classes: ['a', 'b', 'c'], shape: [16, 16, 3] };
    trainer.dispatchEvent(new CustomEvent('dataset', { detail: trainer.datasetInfo }));
    await settle(el);
    expect(el.layers[0]!.inputShape).to.deep.equal([3, 16, 16]);
    expect(el.layers.at(-1)!.outputShape).to.deep.equal([3]);
    expect(shadowText(el)).to.contain('3×16×16');
    // A network of its own is read against the data's shape too.
    (trainer as unknown as { network: string }).network =
      'Conv2d(3, 4, 3), ReLU(), Flatten(), Linear(784, 3)';
    trainer.setAttribute('layers', 'x'); // the attribute the summary observes
    const own = 4 * 27 + 4 + 784 * 3 + 3; // 4×14×14 = 784 features after the 3×3 conv on 16×16
    for (let i = 0; i < 40 && el.totalParams !== own; i++) await settle(el);
    expect(el.error).to.equal(null);
    expect(el.layers[0]!.inputShape).to.deep.equal([3, 16, 16]);
    expect(el.totalParams).to.equal(own);
    expectNoBadNumbers(el);
  });

  it('follows a <cnn-trainer> whose `model` is set from script or picked in its form (it reflects)', async () => {
    const host = document.createElement('div');
    host.className = 'fixture';
    host.innerHTML =
      '<cnn-trainer id="ms-real" model="fnn"></cnn-trainer><model-summary for="ms-real"></model-summary>';
    document.body.append(host);
    const el = host.querySelector('model-summary')!;
    const trainer = host.querySelector('cnn-trainer')!;
    await trainer.updateComplete;
    await settle(el);
    expect(el.totalParams).to.equal(40480);
    // From script: no event, but the property reflects to the attribute the summary observes.
    trainer.model = 'cnn';
    await trainer.updateComplete;
    expect(trainer.getAttribute('model')).to.equal('cnn');
    await settle(el);
    expect(el.totalParams).to.equal(45424);
    // From the trainer's own form, as a reader would.
    const select = trainer.shadowRoot!.querySelector<HTMLSelectElement>('select[data-field=model]')!;
    typeInto(select, 'fnn');
    await trainer.updateComplete;
    await settle(el);
    expect(trainer.model).to.equal('fnn');
    expect(el.totalParams).to.equal(40480);
    // A bad value is explained, naming where it came from.
    trainer.model = 'resnet' as 'cnn';
    await trainer.updateComplete;
    await settle(el);
    expect(el.error).to.match(/Unknown model "resnet" \(the model of #ms-real\)/);
  });

  const bad: [string, string, RegExp][] = [
    ['unknown model', 'model="resnet"', /Unknown model "resnet"/],
    ['non-numeric input shape', 'input-shape="abc"', /not a list of numbers/],
    ['zero size', 'input-shape="0x28"', /at least 1/],
    ['too many parts', 'input-shape="1x2x3x4"', /too many parts/],
    ['fractional size', 'input-shape="28.5"', /whole number/],
    ['negative dense-hidden', 'dense-hidden="-1"', /Dense hidden units/],
    ['non-numeric dense-hidden', 'dense-hidden="many"', /Dense hidden units must be a number/],
  ];
  for (const [what, attrs, message] of bad) {
    it(`bad input: ${what} → a message, never NaN`, async () => {
      const el = await mount(attrs);
      expect(el.error).to.match(message);
      const region = q(el, '[part=error]')!;
      expect(region.getAttribute('role')).to.equal('alert');
      expect(region.textContent).to.match(message);
      expect(shadowText(el)).not.to.match(/NaN|Infinity|undefined/);
    });
  }

  it('two copies on one page are independent', async () => {
    const host = await fixture<HTMLDivElement>(
      '<div><model-summary model="cnn"></model-summary><model-summary model="alexnet"></model-summary></div>',
    );
    const [a, b] = [...host.querySelectorAll<ModelSummary>('model-summary')] as [ModelSummary, ModelSummary];
    await settle(a);
    await settle(b);
    expect([a.totalParams, b.totalParams]).to.deep.equal([45424, 61100840]);
    a.inputShape = '0';
    await settle(a);
    expect(a.error).to.be.a('string');
    expect(b.error).to.equal(null);
    expect(b.totalParams).to.equal(61100840);
  });

  it('never shows or announces NaN, Infinity or undefined, for every model and odd shapes', async () => {
    for (const attrs of [
      'model="alexnet"',
      'model="fnn"',
      'model="cnn" input-shape="1000"',
      'model="alexnet" input-shape="3x63x63"',
      'model="cnn" input-shape="4"',
    ]) {
      const el = await mount(attrs);
      expectNoBadNumbers(el);
      el.remove();
    }
  });
});

const WORD = /Unknown model/;
describeBadInput('model-summary', {
  model: { empty: WORD, negative: WORD, zero: WORD, huge: WORD, fractional: WORD, nonNumeric: WORD },
  // An id that is not (yet) on the page is not an error: the summary shows its own model until it appears.
  for: { empty: 'ok', negative: 'ok', zero: 'ok', huge: 'ok', fractional: 'ok', nonNumeric: 'ok' },
  'input-shape': {
    empty: 'ok',
    negative: /at least 1/,
    zero: /at least 1/,
    huge: /not a list of numbers|too large/,
    fractional: /whole number/,
    nonNumeric: /not a list of numbers/,
  },
  'dense-hidden': {
    empty: /must be a number/,
    negative: /at least 1/,
    zero: /at least 1/,
    huge: /too large/,
    fractional: /whole number/,
    nonNumeric: /must be a number/,
  },
});
