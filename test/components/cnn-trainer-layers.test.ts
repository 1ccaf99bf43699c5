import { expect } from '@esm-bundle/chai';
import '../../src/define/cnn-trainer.js';
import '../../src/define/model-summary.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { ModelSummary } from '../../src/components/model-summary/model-summary.js';
import { resolveConfig } from '../../src/engine/training/config.js';
import type { NamedWeights } from '../../src/engine/training/protocol.js';
import { parseNetwork } from '../../src/engine/models/pytorch-network.js';
import { cleanup, expectAccessible, fixture, nextEvent, settle } from '../helpers.js';
import {
  LAYERS_DEBOUNCE_MS,
  LAYERS_ROWS,
  pointerLines,
} from '../../src/components/cnn-trainer/layers-editor.js';
import { parseLayers } from '../../src/engine/models/pytorch-layers.js';
import { toLayersText } from '../../src/engine/models/pytorch-network.js';
import { CNN } from '../../src/engine/models/specs.js';

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

  it('network takes the engine’s plain layer specs too; a summary via for follows them', async () => {
    const host = await fixture<HTMLDivElement>(
      '<div><cnn-trainer id="ts"></cnn-trainer><model-summary for="ts"></model-summary></div>',
    );
    const el = host.querySelector('cnn-trainer') as CnnTrainer;
    const sum = host.querySelector('model-summary') as ModelSummary;
    const ok = parseNetwork(SMALL, { inputShape: [1, 28, 28], classes: 10 });
    if (!ok.ok) throw new Error(ok.error.message);
    el.network = ok.spec.layers.map(({ name: _n, ...l }) => l);
    await settle(el);
    await settle(sum);
    expect(el.error).to.equal(null);
    expect(el.config!.spec!.layers).to.deep.equal(ok.spec.layers);
    expect(sum.totalParams).to.equal(4 * 9 + 4 + 676 * 10 + 10);
    el.network = [{ type: 'flatten' }, { type: 'dense', units: 12 }];
    await settle(el);
    expect(el.error).to.match(/^Your network \(layers\): Layer 2: The last layer gives 12 outputs/);
    expect(el.config).to.equal(null);
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

  // The trainer updates once a frame while it trains; measuring the text area then would force a layout each
  // frame. It is measured when its text or its width changes, and not otherwise.
  it('the text area measures its text when the text or its width changes, not at every update', async () => {
    const el = await fixture<CnnTrainer>(`<cnn-trainer layers="Flatten(), Linear(784, 10)"></cnn-trainer>`);
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[part=layers]')!;
    const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight')!;
    let reads = 0;
    Object.defineProperty(area, 'scrollHeight', {
      configurable: true,
      get(this: Element) {
        reads++;
        return scrollHeight.get!.call(this) as number;
      },
    });
    for (let i = 0; i < 5; i++) {
      el.requestUpdate();
      await el.updateComplete;
    }
    expect(reads, 'measurements in 5 updates with the same text').to.equal(0);
    // A long line that wraps: it grows when typed, and again when the element gets narrower.
    area.value = Array.from({ length: 40 }, () => 'ReLU()').join(', ') + ', Flatten(), Linear(784, 10)';
    area.dispatchEvent(new Event('input'));
    expect(reads).to.be.greaterThan(0);
    const wide = area.rows;
    el.style.display = 'block';
    el.style.width = '320px';
    const t0 = performance.now();
    while (area.rows <= wide && performance.now() - t0 < 3000) await new Promise(requestAnimationFrame);
    expect(area.rows, 'rows once narrower').to.be.greaterThan(wide);
    expect(area.scrollHeight).to.be.at.most(area.clientHeight + 1);
  });

  it('the text area grows with its text as the reader types, and a count error is pointed at in its one layer', async () => {
    const el = await fixture<CnnTrainer>(`<cnn-trainer layers="Flatten(), Linear(784, 10)"></cnn-trainer>`);
    const root = el.shadowRoot!;
    const area = root.querySelector<HTMLTextAreaElement>('textarea[part=layers]')!;
    const rows0 = area.rows;
    const height0 = area.getBoundingClientRect().height;
    expect(rows0).to.equal(LAYERS_ROWS.min);
    // Typed line by line: it grows at once (before the text is read), and taller on the page.
    const lines = [
      'Conv2d(1, 4, 3),',
      'ReLU(),',
      'MaxPool2d(2),',
      'Flatten(),',
      'ReLU(),',
      'Linear(676, 10)',
    ];
    area.value = lines.join('\n');
    area.dispatchEvent(new Event('input'));
    expect(area.rows).to.equal(lines.length + 1);
    expect(area.getBoundingClientRect().height).to.be.greaterThan(height0 + 30);
    // A long line that wraps counts as the lines it takes.
    const long = Array.from({ length: 150 }, () => 'ReLU()').join(', ') + ', Flatten(), Linear(784, 10)';
    area.value = long;
    area.dispatchEvent(new Event('input'));
    expect(area.rows).to.be.greaterThan(LAYERS_ROWS.min);
    expect(area.scrollHeight).to.be.at.most(area.clientHeight + 1);
    // Never past the most: beyond it, it scrolls.
    area.value = Array.from({ length: 60 }, () => 'ReLU()').join('\n');
    area.dispatchEvent(new Event('change'));
    await settle(el);
    expect(area.rows).to.equal(LAYERS_ROWS.max);
    // A count error in the middle of a line: the pointer quotes that layer alone, the caret under the count.
    el.network = 'Conv2d(1, 4, 3), ReLU(),\n  MaxPool2d(2), Flatten(), Linear(600, 10), ReLU()';
    await settle(el);
    expect(el.error).to.match(
      /^Your network \(layers\): Line 2, column 35: Linear\(600, 10\) receives 676 features/,
    );
    const pointer = root.querySelector('[part=layers-pointer]')!.textContent!.split('\n');
    expect(pointer).to.deep.equal(['Linear(600, 10)', '       ^^^']);
    // A layer written over two lines is quoted whole, the caret under the line of the error; one of several on
    // a line is quoted alone.
    const quoted = (text: string) => {
      const r = parseLayers(text);
      return r.ok ? null : pointerLines(text, r.error);
    };
    expect(quoted('ReLU(),\nConv2d(1, 4,\n  3, strid=2), ReLU()')).to.deep.equal([
      'Conv2d(1, 4,',
      '  3, strid=2)',
      '     ^^^^^',
    ]);
    expect(quoted('ReLU(), Conv2d(1, 4, 3, strid=2), ReLU()')).to.deep.equal([
      'Conv2d(1, 4, 3, strid=2)',
      `${' '.repeat(16)}^^^^^`,
    ]);
    expect(quoted('Flatten(), Linar(784, 10)')).to.deep.equal(['Linar(784, 10)', '^^^^^']);
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

  it('the model select’s "Your own" opens a text area: typing updates the summary (debounced), errors point at the argument, then it trains', async () => {
    const host = await fixture<HTMLDivElement>(
      '<div><cnn-trainer id="te" epochs="1" train-size="500" test-size="500" batch-size="50" backend="wasm"></cnn-trainer><model-summary for="te"></model-summary></div>',
    );
    const el = host.querySelector('cnn-trainer') as CnnTrainer;
    const sum = host.querySelector('model-summary') as ModelSummary;
    const root = el.shadowRoot!;
    const select = root.querySelector<HTMLSelectElement>('select[data-field=model]')!;
    expect(root.querySelector('[part=layers]')).to.equal(null);
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    await settle(sum);
    // It starts from the lesson network in effect, written out.
    expect(el.network).to.equal(toLayersText(CNN));
    const area = root.querySelector<HTMLTextAreaElement>('textarea[part=layers]')!;
    expect(area.value).to.equal(el.network);
    expect(select.value).to.equal('custom');
    expect(sum.totalParams).to.equal(45424);
    await expectAccessible(el);
    const type = async (text: string) => {
      area.value = text;
      area.dispatchEvent(new Event('input'));
      await new Promise((r) => setTimeout(r, 20));
      await settle(el);
    };
    // Typing: nothing is read until the pause…
    await type('Conv2d(1, 4, 3, strid=2), ReLU(), MaxPool2d(2), Flatten(), Linear(676, 10)');
    expect(el.network).to.equal(toLayersText(CNN));
    await new Promise((r) => setTimeout(r, LAYERS_DEBOUNCE_MS + 50));
    await settle(el);
    await settle(sum);
    // …then the trainer and its summary both say what is wrong, and where.
    expect(el.error).to.match(/Line 1, column 17: .*"strid".*"stride"/);
    expect(sum.error).to.match(/strid/);
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    // The pointer quotes the one bad layer (not the line's other layers), a caret under the argument.
    const pointer = root.querySelector('[part=layers-pointer]')!.textContent!.split('\n');
    expect(pointer).to.deep.equal(['Conv2d(1, 4, 3, strid=2)', `${' '.repeat(16)}^^^^^`]);
    // The field is described by the element's error region: a screen reader hears the message there.
    const describedBy = area.getAttribute('aria-describedby')!;
    expect(root.getElementById(describedBy)!.getAttribute('part')).to.equal('error');
    expect(root.getElementById(describedBy)!.textContent!.trim()).to.equal(el.error);
    expect(root.querySelector<HTMLButtonElement>('[part=start]')!.disabled).to.equal(true);
    // Fixed, and focus leaves the field: read at once.
    area.value = SMALL;
    area.dispatchEvent(new Event('change'));
    await settle(el);
    await settle(sum);
    expect(el.error).to.equal(null);
    expect(el.getAttribute('layers')).to.equal(SMALL);
    expect(sum.totalParams).to.equal(4 * 9 + 4 + 676 * 10 + 10);
    expect(root.querySelector('[part=layers-pointer]')).to.equal(null);
    // A lesson network and back: the reader's text comes back.
    select.value = 'fnn';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    await settle(sum);
    expect([el.model, el.network, sum.totalParams]).to.deep.equal(['fnn', '', 40480]);
    expect(root.querySelector('[part=layers]')).to.equal(null);
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.network).to.equal(SMALL);
    // Then it trains that network; the text area is locked meanwhile.
    const end = nextEvent(el, 'train-end', 120000);
    const started = el.start();
    await settle(el);
    expect(root.querySelector<HTMLTextAreaElement>('[part=layers]')!.disabled).to.equal(true);
    await started;
    await end;
    expect(el.state).to.equal('done');
    expect(el.config!.spec!.layers.map((l) => l.name)).to.deep.equal([
      'conv1',
      'relu1',
      'pool1',
      'flatten',
      'fc1',
    ]);
    expect(el.testAccuracy).to.be.greaterThan(0.2);
  });
});
