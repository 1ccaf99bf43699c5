/**
 * Every property value is handled (issue 14), for every attribute of every element, from one table:
 *
 * - the attribute's string form set as the property means the same as the attribute (what React 19, Vue and
 *   Svelte do with `<cnn-trainer epochs="1">`);
 * - `null`, `undefined` and a removed attribute mean the default, with no error;
 * - a value of another type (an array, an object, a Symbol, a number for text…) sets `error` with a message
 *   naming the property, shown in `part="error"`, never an uncaught exception, and the element still updates;
 * - nothing rendered shows NaN, Infinity, ∞ or null, whatever the numbers (1e308, 1e309, -0).
 *
 * No training starts here: `<feature-map>` and `<digit-pad>` are bound to a missing trainer (`for`), so they
 * only wait; the trainer never gets `autostart` from an attribute.
 */
import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { CnnElement } from '../../src/components/shared/cnn-element.js';
import {
  booleanValue,
  numberValue,
  parsedJsonArrayValue,
  readValue,
  sizeValue,
  stringValue,
} from '../../src/components/shared/property-values.js';
import '../../src/define/conv-calculator.js';
import '../../src/define/kernel-viewer.js';
import '../../src/define/feature-map.js';
import '../../src/define/cnn-trainer.js';
import '../../src/define/confusion-matrix.js';
import '../../src/define/model-summary.js';
import '../../src/define/digit-pad.js';
import { cleanup, fixture, settle } from '../helpers.js';
import { everyText } from './quality.js';

type Any = HTMLElement & Record<string, unknown> & { error: string | null; updateComplete: Promise<unknown> };

/** One attribute: its property, a valid non-default string form, and values of wrong types. */
interface Row {
  prop: string;
  attr: string;
  /** A valid value in the attribute's string form (not the default). */
  text: string;
  wrong: unknown[];
  /** Not set through the attribute in this test (autostart would start training). */
  noAttr?: boolean;
}

interface ElementCase {
  tag: string;
  /** Attributes every fixture gets (e.g. a missing `for` target, so no asset or TF.js is loaded), but the row's own. */
  base?: Record<string, string>;
  /** Renders asynchronously (loads): compare properties and type errors only, not the rendered text. */
  async?: boolean;
  rows: Row[];
}

const fn = () => 1;
const NUMBER_WRONG = [[], {}, Symbol('s'), true, fn, 1n];
const TEXT_WRONG = [5, [], {}, Symbol('s'), fn];
const TEXT_OR_NUMBER_WRONG = [[], {}, Symbol('s'), true, fn];
const ARRAY_WRONG = [5, {}, Symbol('s'), true];
const BOOL_WRONG = [5, {}, Symbol('s'), []];
const theme: Row = { prop: 'theme', attr: 'theme', text: 'dark', wrong: TEXT_WRONG };
const num = (prop: string, attr: string, text: string): Row => ({ prop, attr, text, wrong: NUMBER_WRONG });
const str = (prop: string, attr: string, text: string): Row => ({ prop, attr, text, wrong: TEXT_WRONG });
// `network` takes the text or the engine's layer specs (an array; `[]`, like "", is no network of one's own).
const network: Row = {
  prop: 'network',
  attr: 'layers',
  text: 'Flatten(), Linear(784, 10)',
  wrong: [5, {}, Symbol('s'), true],
};

const CASES: ElementCase[] = [
  {
    tag: 'conv-calculator',
    rows: [
      { prop: 'inputSize', attr: 'input-size', text: '32x20', wrong: TEXT_OR_NUMBER_WRONG },
      num('kernelSize', 'kernel-size', '5'),
      { prop: 'padding', attr: 'padding', text: '2', wrong: TEXT_OR_NUMBER_WRONG },
      num('stride', 'stride', '2'),
      num('dilation', 'dilation', '2'),
      num('inChannels', 'in-channels', '3'),
      num('outChannels', 'out-channels', '4'),
      str('mode', 'mode', 'pool'),
      theme,
    ],
  },
  {
    tag: 'kernel-viewer',
    rows: [
      { prop: 'inputSize', attr: 'input-size', text: '5', wrong: TEXT_OR_NUMBER_WRONG },
      num('kernelSize', 'kernel-size', '2'),
      num('padding', 'padding', '0'),
      num('stride', 'stride', '1'),
      num('dilation', 'dilation', '2'),
      num('channels', 'channels', '2'),
      { prop: 'input', attr: 'input', text: '[[1,2,3],[4,5,6],[7,8,9]]', wrong: ARRAY_WRONG },
      { prop: 'kernel', attr: 'kernel', text: '[[1,0],[0,1]]', wrong: ARRAY_WRONG },
      num('seed', 'seed', '7'),
      num('step', 'step', '2'),
      { prop: 'autoplay', attr: 'autoplay', text: 'false', wrong: BOOL_WRONG, noAttr: true },
      theme,
    ],
  },
  {
    tag: 'feature-map',
    base: { for: 'no-such-trainer' },
    async: true,
    rows: [
      str('src', 'src', 'images/x.png'),
      { prop: 'filters', attr: 'filters', text: 'blur', wrong: TEXT_OR_NUMBER_WRONG },
      { prop: 'kernel', attr: 'kernel', text: '[[1,0],[0,1]]', wrong: ARRAY_WRONG },
      num('kernelSize', 'kernel-size', '5'),
      num('padding', 'padding', '1'),
      num('stride', 'stride', '2'),
      str('activation', 'activation', 'relu'),
      num('pool', 'pool', '2'),
      num('seed', 'seed', '3'),
      { prop: 'compare', attr: 'compare', text: '', wrong: BOOL_WRONG },
      { prop: 'layers', attr: 'layers', text: '[{"filters":"2"}]', wrong: ARRAY_WRONG },
      str('htmlFor', 'for', 'other-trainer'),
      str('layer', 'layer', 'conv2'),
      num('digit', 'digit', '3'),
      str('dataSrc', 'data-src', 'data/'),
      theme,
    ],
  },
  {
    tag: 'cnn-trainer',
    rows: [
      str('model', 'model', 'fnn'),
      str('preset', 'preset', 'notebook'),
      num('epochs', 'epochs', '1'),
      num('batchSize', 'batch-size', '32'),
      num('learningRate', 'learning-rate', '0.01'),
      str('lrSchedule', 'lr-schedule', 'constant'),
      str('optimizer', 'optimizer', 'sgd'),
      num('trainSize', 'train-size', '1000'),
      num('testSize', 'test-size', '500'),
      num('seed', 'seed', '7'),
      str('backendPreference', 'backend', 'cpu'),
      str('dataSrc', 'data-src', 'data/'),
      { prop: 'workers', attr: 'workers', text: '2', wrong: TEXT_OR_NUMBER_WRONG },
      network,
      { prop: 'autostart', attr: 'autostart', text: 'false', wrong: BOOL_WRONG, noAttr: true },
      theme,
    ],
  },
  {
    tag: 'confusion-matrix',
    base: { matrix: '[[5,1],[2,7]]' },
    rows: [
      str('htmlFor', 'for', 'no-such-trainer'),
      { prop: 'matrix', attr: 'matrix', text: '[[1,2],[3,4]]', wrong: ARRAY_WRONG },
      str('labels', 'labels', 'cat,dog'),
      { prop: 'normalized', attr: 'normalize', text: 'true', wrong: BOOL_WRONG },
      theme,
    ],
  },
  {
    tag: 'model-summary',
    rows: [
      str('model', 'model', 'alexnet'),
      str('htmlFor', 'for', 'no-such-trainer'),
      { prop: 'inputShape', attr: 'input-shape', text: '1x32x32', wrong: TEXT_OR_NUMBER_WRONG },
      num('denseHidden', 'dense-hidden', '100'),
      network,
      theme,
    ],
  },
  {
    tag: 'digit-pad',
    base: { for: 'no-such-trainer' },
    async: true,
    rows: [
      str('htmlFor', 'for', 'other-trainer'),
      str('weightsSrc', 'weights-src', 'weights/cnn.json'),
      str('dataSrc', 'data-src', 'data/'),
      str('mode', 'mode', 'teach'),
      theme,
    ],
  },
];

/** Mounts the element with its base attributes (without `row`'s own) and `attrs`. */
const mount = (c: ElementCase, row: Row, attrs = '') => {
  const base = Object.entries(c.base ?? {})
    .filter(([name]) => name !== row.attr)
    .map(([name, v]) => `${name}='${v}'`)
    .join(' ');
  return fixture<Any>(`<${c.tag} ${base} ${attrs}></${c.tag}>`);
};

/** A value's shape for comparison: arrays and plain values as they are. */
const snapshot = (el: Any, prop: string): unknown => structuredCloneSafe(el[prop]);
const structuredCloneSafe = (v: unknown): unknown => (typeof v === 'symbol' ? String(v) : v);

/** What the element shows, without the whitespace lit leaves between parts. */
const shown = (el: Element) => everyText(el).replace(/\s+/g, ' ').trim();

/** Records uncaught errors and unhandled rejections on the page. */
function watchUncaught(): { errors: string[]; stop: () => void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Sets a property; an exception from the setter is a failure (recorded), not a crash of the test. */
function set(el: Any, prop: string, v: unknown, errors: string[]): void {
  try {
    el[prop] = v;
  } catch (e) {
    errors.push(`setter threw: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Settles an element, turning a rejected update into a recorded failure. */
async function settled(el: Any, errors: string[]): Promise<void> {
  try {
    await settle(el);
  } catch (e) {
    errors.push(`update rejected: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const describeWrong = (v: unknown) =>
  typeof v === 'symbol'
    ? 'a Symbol'
    : typeof v === 'function'
      ? 'a function'
      : typeof v === 'bigint'
        ? 'a bigint'
        : JSON.stringify(v);

describe('every property value is handled', () => {
  afterEach(cleanup);

  for (const c of CASES) {
    describe(`<${c.tag}>`, () => {
      it('declares every attribute in the table', () => {
        const ctor = customElements.get(c.tag) as unknown as {
          elementProperties: Map<string, { attribute?: string | boolean; state?: boolean }>;
        };
        const declared = [...ctor.elementProperties]
          .filter(([, o]) => !o.state && o.attribute !== false)
          .map(([name]) => String(name))
          .sort();
        expect(declared).to.deep.equal(c.rows.map((r) => r.prop).sort());
      });

      for (const row of c.rows) {
        describe(`${row.prop} (${row.attr})`, () => {
          if (!row.noAttr) {
            it(`the string form "${row.text}" as a property means the same as the attribute`, async () => {
              const byAttr = await mount(c, row, `${row.attr}='${row.text}'`);
              const watch = watchUncaught();
              const byProp = await mount(c, row);
              set(byProp, row.prop, row.text, watch.errors);
              await settled(byProp, watch.errors);
              watch.stop();
              expect(watch.errors).to.deep.equal([]);
              expect(snapshot(byProp, row.prop)).to.deep.equal(snapshot(byAttr, row.prop));
              expect(byProp.error).to.equal(byAttr.error);
              if (!c.async) expect(shown(byProp)).to.equal(shown(byAttr));
            });
          }

          it('null, undefined and a removed attribute mean the default, with no error', async () => {
            const bare = await mount(c, row);
            const def = snapshot(bare, row.prop);
            const watch = watchUncaught();
            for (const how of ['null', 'undefined', 'removeAttribute'] as const) {
              const el = row.noAttr ? await mount(c, row) : await mount(c, row, `${row.attr}='${row.text}'`);
              if (row.noAttr) set(el, row.prop, row.text, watch.errors);
              await settled(el, watch.errors);
              if (how === 'removeAttribute') el.removeAttribute(row.attr);
              else set(el, row.prop, how === 'null' ? null : undefined, watch.errors);
              await settled(el, watch.errors);
              expect(snapshot(el, row.prop), how).to.deep.equal(def);
              expect(el.error, how).to.equal(bare.error);
              if (!c.async) expect(shown(el), how).to.equal(shown(bare));
            }
            watch.stop();
            expect(watch.errors).to.deep.equal([]);
          });

          it('a value of another type is a clear error, never an exception; the element still updates', async () => {
            const good = row.noAttr ? await mount(c, row) : await mount(c, row, `${row.attr}='${row.text}'`);
            const el = await mount(c, row);
            const watch = watchUncaught();
            for (const w of row.wrong) {
              set(el, row.prop, w, watch.errors);
              await settled(el, watch.errors);
              const what = `${row.prop} = ${describeWrong(w)}`;
              expect(el.error, what).to.be.a('string');
              expect(el.error, what).to.include(`"${row.prop}"`);
              const region = el.shadowRoot!.querySelector('[part~="error"]');
              expect(region?.textContent ?? '', what).to.include(el.error!);
              // and it recovers: the valid value takes effect
              set(el, row.prop, row.text, watch.errors);
              await settled(el, watch.errors);
              if (row.noAttr) continue;
              expect(snapshot(el, row.prop), `${what}, then "${row.text}"`).to.deep.equal(
                snapshot(good, row.prop),
              );
              expect(el.error, `${what}, then "${row.text}"`).to.equal(good.error);
              if (!c.async) expect(shown(el), `${what}, then "${row.text}"`).to.equal(shown(good));
            }
            watch.stop();
            expect(watch.errors).to.deep.equal([]);
          });
        });
      }
    });
  }
});

/** Extreme numbers per element: nothing shown (nor the error) may read NaN, Infinity, ∞, null or undefined. */
const EXTREMES: Record<string, string[]> = {
  'conv-calculator': [
    'input-size="1e308"',
    'input-size="1e309"',
    'kernel-size="1e308"',
    'kernel-size="1e309"',
    'padding="1e308"',
    'padding="1e309"',
    'stride="1e309"',
    'stride="-0"',
    'dilation="1e308"',
    'in-channels="1e308"',
    'out-channels="1e309"',
    'input-size="1000000" kernel-size="1" in-channels="1000000" out-channels="1000000"',
  ],
  'kernel-viewer': [
    `input='[[1e308,1e308],[1e308,1e308]]' kernel-size="2" padding="0"`,
    `input='[[1e309,1],[1,1]]'`,
    `kernel='[[1e309]]'`,
    `input='[[1e308,1e308,1e308],[1e308,1e308,1e308],[1e308,1e308,1e308]]' kernel='[[1e308,1e308],[1e308,1e308]]'`,
    `input='[[-0,-0],[-0,-0]]' kernel='[[-0]]' padding="0"`,
    'seed="1e309"',
    'seed="1e308"',
    'step="1e309"',
    'padding="-0"',
    'kernel-size="1e309"',
  ],
  'confusion-matrix': [
    `matrix='[[1e308,1e308],[1e308,1e308]]'`,
    `matrix='[[1e308,1e308],[1e308,1e308]]' normalize`,
    `matrix='[[1e309,1],[1,1]]'`,
    `matrix='[[9007199254740993,1],[1,1]]'`,
    `matrix='[[-0,0],[0,-0]]'`,
    `matrix='[[0,0],[0,0]]' normalize`,
  ],
  'model-summary': [
    'input-shape="1e308"',
    'input-shape="1e309"',
    'input-shape="3x1e308x1e308"',
    'input-shape="3x100000x100000"',
    'dense-hidden="1e308"',
    'dense-hidden="1e309"',
    'model="alexnet" input-shape="3x10000x10000"',
  ],
  'cnn-trainer': [
    'epochs="1e308"',
    'epochs="1e309"',
    'learning-rate="1e-400"',
    'learning-rate="1e309"',
    'seed="1e309"',
    'seed="1e308"',
    'train-size="1e308"',
    'batch-size="-0"',
    'test-size="1e309"',
  ],
  'feature-map': ['for="no-such-trainer" digit="1e309"', 'for="no-such-trainer" digit="-0"'],
};

describe('no rendered text shows NaN, Infinity, ∞ or null', () => {
  afterEach(cleanup);
  for (const [tag, list] of Object.entries(EXTREMES)) {
    for (const attrs of list) {
      it(`<${tag} ${attrs}>`, async () => {
        const watch = watchUncaught();
        const el = await fixture<Any>(`<${tag} ${attrs}></${tag}>`);
        await settled(el, watch.errors);
        watch.stop();
        const text = `${everyText(el)}\n${el.error ?? ''}`;
        const bad = text.match(/.{0,50}(NaN|Infinity|∞|\bnull\b|\bundefined\b).{0,50}/);
        expect(bad?.[0] ?? null).to.equal(null);
        expect(watch.errors).to.deep.equal([]);
      });
    }
  }
});

describe('the shared normaliser (property-values.ts)', () => {
  it('reads the string form, keeps the typed form, maps null/undefined to the default', () => {
    expect(readValue(numberValue, 'stride', ' 2 ')).to.deep.equal({ ok: true, value: 2 });
    expect(readValue(numberValue, 'stride', 2)).to.deep.equal({ ok: true, value: 2 });
    expect(readValue(numberValue, 'stride', null)).to.deep.equal({ ok: true, value: undefined });
    expect(readValue(numberValue, 'stride', undefined)).to.deep.equal({ ok: true, value: undefined });
    expect(readValue(booleanValue, 'normalized', '')).to.deep.equal({ ok: true, value: true });
    expect(readValue(booleanValue, 'normalized', 'false')).to.deep.equal({ ok: true, value: false });
    expect(readValue(parsedJsonArrayValue, 'matrix', '[[1,2],[3,4]]')).to.deep.equal({
      ok: true,
      value: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(readValue(sizeValue, 'inputSize', 320)).to.deep.equal({ ok: true, value: '320' });
  });

  it('names the property and the type of anything else, without NaN or Infinity', () => {
    const cases: [unknown, string][] = [
      [[1], 'an array'],
      [{}, 'an object'],
      [Symbol('x'), 'a Symbol'],
      [() => 1, 'a function'],
      [1n, 'a bigint'],
      [true, 'the boolean true'],
    ];
    for (const [v, words] of cases) {
      const r = readValue(numberValue, 'stride', v);
      expect(r.ok).to.equal(false);
      expect(r.ok ? '' : r.error.text).to.equal(`Property "stride" must be a number (got ${words}).`);
    }
    const inf = readValue(stringValue, 'src', Infinity);
    expect(inf.ok ? '' : inf.error.text).to.equal(
      'Property "src" must be text (a string) (got a number that is not finite).',
    );
    expect(readValue(sizeValue, 'inputSize', NaN).ok).to.equal(false);
  });
});

/** An element whose template throws while `explode` is set: the base class must contain it. */
class ExplodingElement extends CnnElement {
  static override properties = { explode: { type: Boolean } };
  declare explode: boolean;
  constructor() {
    super();
    this.explode = false;
  }
  protected override render() {
    if (this.explode) throw new Error('kaboom');
    return html`${this.renderError()}
      <p class="ok">fine</p>`;
  }
}
customElements.define('test-exploding-element', ExplodingElement);

describe('a guarded update', () => {
  afterEach(cleanup);

  it('turns an exception in an update into `error`, shown in part="error", and recovers', async () => {
    const el = await fixture<ExplodingElement>('<test-exploding-element></test-exploding-element>');
    const watch = watchUncaught();
    const errors: string[] = [];
    const quiet = console.error;
    console.error = () => undefined; // the guard logs the exception once for developers
    try {
      el.explode = true;
      await settled(el as unknown as Any, errors);
    } finally {
      console.error = quiet;
    }
    watch.stop();
    expect([...watch.errors, ...errors]).to.deep.equal([]);
    expect(el.error).to.match(/kaboom/);
    expect(el.shadowRoot!.querySelector('[part="error"]')?.textContent).to.match(/kaboom/);
    el.explode = false;
    await el.updateComplete;
    expect(el.error).to.equal(null);
    expect(el.shadowRoot!.querySelector('.ok')?.textContent).to.equal('fine');
  });
});
