import { expect } from '@esm-bundle/chai';
import '../../src/define/conv-calculator.js';
import type {
  ConvCalculator,
  ConvCalculatorResult,
} from '../../src/components/conv-calculator/conv-calculator.js';
import { cleanup, expectAccessible, fixture, nextEvent, settle, shadowText, typeInto } from '../helpers.js';
import { describeBadInput, expectNoBadNumbers, expectVisibleFocus } from './quality.js';

const mount = (attrs = '') => fixture<ConvCalculator>(`<conv-calculator ${attrs}></conv-calculator>`);
const q = <T extends Element>(el: ConvCalculator, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const shape = (el: ConvCalculator) => q(el, '[data-testid=shape]')?.textContent?.trim();

describe('<conv-calculator>', () => {
  afterEach(cleanup);

  it('is accessible, in light and dark', async () => {
    const el = await mount();
    await expectAccessible(el);
    el.theme = 'dark';
    await settle(el);
    await expectAccessible(el);
  });

  it('is useful bare: a 28×28 input through a 3×3 kernel', async () => {
    const el = await mount();
    expect(el.result).to.deep.include({ outputHeight: 26, outputWidth: 26, params: 10 });
    expect(el.error).to.equal(null);
    expect(shape(el)).to.equal('1 × 26 × 26');
  });

  it('reproduces the lesson: 320×320×3 through Conv2d(3→5, K5) gives 5×316×316 and 380 parameters', async () => {
    const el = await mount('input-size="320" kernel-size="5" in-channels="3" out-channels="5"');
    expect(el.result).to.deep.equal({
      outputHeight: 316,
      outputWidth: 316,
      outputChannels: 5,
      weights: 375,
      biases: 5,
      params: 380,
    });
    expect(shape(el)).to.equal('5 × 316 × 316');
    expect(shadowText(el)).to.contain('⌊(320 − 5 + 2·0) / 1⌋ + 1');
  });

  it('reproduces the lesson: 316 with K10, P2, S2 gives 8×156×156 and 4,008 parameters', async () => {
    const el = await mount(
      'input-size="316" kernel-size="10" padding="2" stride="2" in-channels="5" out-channels="8"',
    );
    expect(el.result).to.deep.include({ outputHeight: 156, outputWidth: 156, params: 4008 });
    expect(shadowText(el)).to.contain('4,008');
  });

  it('reproduces the lesson: 6 with K3, P1, S2 gives 3', async () => {
    const el = await mount('input-size="6" kernel-size="3" padding="1" stride="2"');
    expect(el.result?.outputHeight).to.equal(3);
  });

  it('handles non-square input, dilation and "same" padding', async () => {
    const el = await mount('input-size="28x32" kernel-size="3" dilation="2"');
    expect([el.result?.outputHeight, el.result?.outputWidth]).to.deep.equal([24, 28]);
    expect(shadowText(el)).to.contain('Output height');
    el.padding = 'same';
    el.dilation = 1;
    await settle(el);
    expect([el.result?.outputHeight, el.result?.outputWidth]).to.deep.equal([28, 32]);
  });

  it('pooling mode has no parameters', async () => {
    const el = await mount('mode="pool" input-size="26" kernel-size="2" stride="2" in-channels="16"');
    expect(el.result).to.deep.equal({
      outputHeight: 13,
      outputWidth: 13,
      outputChannels: 16,
      weights: 0,
      biases: 0,
      params: 0,
    });
    expect(shadowText(el)).to.contain('no parameters');
  });

  it('notes pixels the window never reaches', async () => {
    const el = await mount('input-size="7" kernel-size="2" stride="2"');
    expect(el.result?.outputHeight).to.equal(3);
    expect(q(el, '[part=note]').textContent).to.match(/never reached/);
  });

  it('edits reflect to attributes, fire input per keystroke and change on commit, with the result', async () => {
    const el = await mount();
    const input = q<HTMLInputElement>(el, 'input[data-field=kernel-size]');
    const seen: [string, unknown][] = [];
    for (const name of ['input', 'change'])
      el.addEventListener(name, (e) => seen.push([name, (e as CustomEvent).detail]));
    const event = nextEvent<ConvCalculatorResult>(el, 'input');
    typeInto(input, '5'); // a keystroke: `input` only
    const e = await event;
    expect(e).to.be.instanceOf(CustomEvent);
    expect(e.detail.outputHeight).to.equal(24);
    expect(e.bubbles && e.composed).to.equal(true);
    expect(seen.map(([n]) => n)).to.deep.equal(['input']); // the native input event does not leak out as well
    await settle(el);
    expect(el.getAttribute('kernel-size')).to.equal('5');
    const committed = nextEvent<ConvCalculatorResult>(el, 'change');
    input.dispatchEvent(new Event('change', { bubbles: true })); // what the browser fires on blur / Enter
    const c = await committed;
    expect(c.detail.outputHeight).to.equal(24);
    expect(c.bubbles && c.composed).to.equal(true);
    expect(seen.map(([n]) => n)).to.deep.equal(['input', 'change']);
    const select = q<HTMLSelectElement>(el, 'select[data-field=mode]');
    const e2 = nextEvent<ConvCalculatorResult>(el, 'change');
    typeInto(select, 'pool');
    expect((await e2).detail.params).to.equal(0);
    await settle(el);
    expect(el.getAttribute('mode')).to.equal('pool');
  });

  it('every field writes its own property and attribute, and the result follows', async () => {
    const el = await mount();
    const edits: [string, string, keyof ConvCalculator, unknown][] = [
      ['input-size', '32x30', 'inputSize', '32x30'],
      ['padding', 'same', 'padding', 'same'],
      ['kernel-size', '5', 'kernelSize', 5],
      ['stride', '2', 'stride', 2],
      ['dilation', '2', 'dilation', 2],
      ['in-channels', '3', 'inChannels', 3],
      ['out-channels', '8', 'outChannels', 8],
    ];
    for (const [field, text, prop, value] of edits) {
      typeInto(q<HTMLInputElement>(el, `input[data-field=${field}]`), text);
      expect(el[prop], field).to.equal(value);
      await settle(el);
      expect(el.getAttribute(field), field).to.equal(text);
    }
    // 32×30, "same" padding, K = 5 dilated by 2 (spans 9), stride 2 → ⌈32/2⌉ × ⌈30/2⌉; 5·5·3·8 + 8 parameters.
    expect(el.result).to.deep.equal({
      outputHeight: 16,
      outputWidth: 15,
      outputChannels: 8,
      weights: 600,
      biases: 8,
      params: 608,
    });
  });

  it('fires input and change with null and shows an alert for an invalid edit', async () => {
    const el = await mount();
    const e = nextEvent(el, 'input');
    typeInto(q<HTMLInputElement>(el, 'input[data-field=stride]'), '0');
    expect((await e).detail).to.equal(null);
    const c = nextEvent(el, 'change');
    q<HTMLInputElement>(el, 'input[data-field=stride]').dispatchEvent(new Event('change', { bubbles: true }));
    expect((await c).detail).to.equal(null);
    await settle(el);
    expect(el.error).to.match(/stride/i);
    expect(q(el, 'input[data-field=stride]').getAttribute('aria-invalid')).to.equal('true');
  });

  const bad: [string, RegExp][] = [
    ['input-size=""', /empty/],
    ['input-size="abc"', /not a number/],
    ['input-size="-4"', /at least 1/],
    ['input-size="2.5"', /whole number/],
    ['input-size="1e12"', /too large|not a number/],
    ['kernel-size="0"', /at least 1/],
    ['kernel-size="x"', /must be a number/],
    ['kernel-size="99"', /larger than the padded input/],
    ['stride="0"', /stride of 0/i],
    ['stride="-1"', /at least 1/],
    ['stride="1.5"', /whole number/],
    ['padding="-1"', /at least 0/],
    ['padding="full"', /"same" or "valid"/],
    ['padding=""', /empty/],
    ['dilation="0"', /at least 1/],
    ['in-channels="0"', /at least 1/],
    ['out-channels="NaN"', /must be a number/],
    ['out-channels="Infinity"', /finite/],
    ['mode="dance"', /conv.*pool/],
    ['mode="pool" kernel-size="2" padding="2"', /half the kernel/],
  ];
  for (const [attrs, message] of bad) {
    it(`explains bad input: ${attrs}`, async () => {
      const el = await mount(attrs);
      expect(el.result).to.equal(null);
      expect(el.error).to.match(message);
      const alert = q(el, '[part=error]');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.match(message);
      expect(shadowText(el)).not.to.match(/NaN|Infinity|undefined/);
    });
  }

  it('recovers when the input becomes valid again', async () => {
    const el = await mount('kernel-size="0"');
    expect(el.error).to.be.a('string');
    el.kernelSize = 3;
    await settle(el);
    expect(el.error).to.equal(null);
    expect(q(el, '[part=error]').textContent).to.equal('');
  });

  it('loads no TensorFlow.js', async () => {
    await mount();
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    expect(urls.filter((u) => /tfjs-|tensorflow/.test(u))).to.deep.equal([]);
  });

  it('shows a visible focus ring on every control, in light and dark', async () => {
    const el = await mount();
    await expectVisibleFocus(el);
    el.theme = 'dark';
    await settle(el);
    await expectVisibleFocus(el);
  });

  it('two copies on one page are independent', async () => {
    const host = await fixture<HTMLDivElement>(
      '<div><conv-calculator input-size="320" kernel-size="5"></conv-calculator><conv-calculator input-size="6" kernel-size="3" padding="1" stride="2"></conv-calculator></div>',
    );
    const [a, b] = [...host.querySelectorAll<ConvCalculator>('conv-calculator')] as [
      ConvCalculator,
      ConvCalculator,
    ];
    await settle(a);
    await settle(b);
    expect([a.result?.outputHeight, b.result?.outputHeight]).to.deep.equal([316, 3]);
    typeInto(q<HTMLInputElement>(a, 'input[data-field=kernel-size]'), '0');
    await settle(a);
    expect(a.error).to.be.a('string');
    expect(b.error).to.equal(null);
    expect(b.result?.outputHeight).to.equal(3);
    expect(q(b, '[part=error]').textContent).to.equal('');
  });

  it('never shows or announces NaN, Infinity or undefined across many settings', async () => {
    const el = await mount();
    for (const [k, v] of [
      ['input-size', '1'],
      ['kernel-size', '1'],
      ['padding', 'same'],
      ['stride', '1000000'],
      ['input-size', '1000000x1'],
      ['mode', 'pool'],
    ] as const) {
      el.setAttribute(k, v);
      await settle(el);
      expectNoBadNumbers(el);
    }
  });
});

const NUMBER_ATTRS = {
  empty: /must be a number|empty/,
  negative: /at least/,
  zero: /at least/,
  huge: /too large/,
  fractional: /whole number/,
  nonNumeric: /must be a number/,
} as const;
describeBadInput('conv-calculator', {
  'input-size': {
    empty: /empty/,
    negative: /at least 1/,
    zero: /at least 1/,
    huge: /not a number|too large/,
    fractional: /whole number/,
    nonNumeric: /not a number/,
  },
  'kernel-size': { ...NUMBER_ATTRS, huge: /too large|larger than the padded input/ },
  padding: { ...NUMBER_ATTRS, empty: /empty/, zero: 'ok', nonNumeric: /"same" or "valid"/ },
  stride: NUMBER_ATTRS,
  dilation: { ...NUMBER_ATTRS, huge: /too large|larger than the padded input/ },
  'in-channels': NUMBER_ATTRS,
  'out-channels': NUMBER_ATTRS,
  mode: {
    empty: /"conv" or "pool"/,
    negative: /"conv" or "pool"/,
    zero: /"conv" or "pool"/,
    huge: /"conv" or "pool"/,
    fractional: /"conv" or "pool"/,
    nonNumeric: /"conv" or "pool"/,
  },
});

describe('every element: the theme attribute', () => {
  afterEach(cleanup);
  it('reports an unknown theme without breaking the element', async () => {
    const el = await mount('theme="purple"');
    expect(el.error).to.match(/Theme must be "light" or "dark"/);
    expect(q(el, '[part=error]').textContent).to.match(/purple/);
    expect(el.result?.outputHeight).to.equal(26);
    el.theme = 'dark';
    await settle(el);
    expect(el.error).to.equal(null);
  });
});

describe('re-registration under another name', () => {
  afterEach(cleanup);
  it('the classes entry defines nothing, and a class registers under a new tag', async () => {
    const classes = await import('../../src/classes.js');
    expect(Object.keys(classes).sort()).to.deep.equal([
      'CnnTrainer',
      'ConfusionMatrix',
      'ConvCalculator',
      'DigitPad',
      'FeatureMap',
      'KernelViewer',
      'ModelSummary',
      'TrainingCurves', // <cnn-training-curves>, the trainer's charts (issue #16)
    ]);
    // The default tag is taken (the define module ran above), so register a subclass, as the warning advises.
    customElements.define('my-conv-calculator', class extends classes.ConvCalculator {});
    const el = await fixture<ConvCalculator>(
      '<my-conv-calculator input-size="320" kernel-size="5"></my-conv-calculator>',
    );
    expect(el.result?.outputHeight).to.equal(316);
  });
  it('defining a taken tag warns instead of throwing', async () => {
    const { defineElement } = await import('../../src/components/shared/define.js');
    const warnings: string[] = [];
    const orig = console.warn;
    console.warn = (m: string) => void warnings.push(m);
    try {
      defineElement('conv-calculator', class extends HTMLElement {});
    } finally {
      console.warn = orig;
    }
    expect(warnings.join(' ')).to.match(/already defined.*class extends/);
  });
});
