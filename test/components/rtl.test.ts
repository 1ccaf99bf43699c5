/**
 * Right-to-left: a language registered with `$dir: 'rtl'` lays the elements out right-to-left, whether the page
 * says `<html lang="ar" dir="rtl">`, only `<html lang="ar">`, or an element has its own `lang="ar"`; a `dir`
 * on the page wins over the table's; a change of `lang` back to English lays it out left-to-right again; and a
 * partial table falls back on English key by key. Arabic here is a test-only partial table.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/define/feature-map.js';
import '../../src/define/kernel-viewer.js';
import '../../src/define/conv-calculator.js';
import '../../src/define/confusion-matrix.js';
import '../../src/define/model-summary.js';
import '../../src/define/cnn-trainer.js';
import '../../src/define/digit-pad.js';
import type { DigitPad } from '../../src/components/digit-pad/digit-pad.js';
import type { FeatureMap } from '../../src/components/feature-map/feature-map.js';
import { registerTranslation } from '../../src/components/shared/localize.js';
import { FM_EN } from '../../src/components/feature-map/feature-map.strings.js';
import { cleanup, expectAccessible, fixture, settle } from '../helpers.js';
import { photo } from './photo.js';

/** Arabic-Indic digits as Latin ones: WebKit's Intl writes numbers in `ar` with ٠–٩, Chromium's with 0–9. */
const latinDigits = (t: string) => t.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));

registerTranslation({
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',
  'fm.input': 'المدخل',
  'fm.low': 'منخفض',
  'fm.high': 'مرتفع',
  'fm.compare': 'قبل / بعد',
  'kv.back': 'السابق',
  'kv.next': 'التالي',
  'cm.predicted': 'المتوقَّع',
  'viewer.summary': (
    p: { input: string; padding: number; kernel: string; stride: number; output: string; arrow: string },
    f: { number(n: number): string },
  ) =>
    `مدخل ${p.input}، حشو ${f.number(p.padding)}، نواة ${p.kernel}، خطوة ${f.number(p.stride)} ${p.arrow} مخرج ${p.output}.`,
});

const PHOTO = photo();

const until = async (el: FeatureMap, done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
  await settle(el);
};
const dirOf = (el: Element) => getComputedStyle(el).direction;
const box = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)!.getBoundingClientRect();

/** Each element's markup, with a part whose direction is checked inside its shadow root. */
const ELEMENTS: Record<string, [string, string]> = {
  'feature-map': [`<feature-map src="${PHOTO}" filters="2"></feature-map>`, '[part=summary]'],
  'kernel-viewer': ['<kernel-viewer></kernel-viewer>', 'button'],
  'conv-calculator': ['<conv-calculator></conv-calculator>', 'input'],
  'confusion-matrix': ['<confusion-matrix matrix="[[5,1],[2,7]]"></confusion-matrix>', 'table'],
  'model-summary': ['<model-summary model="cnn" input-shape="1x28x28"></model-summary>', 'table'],
};

describe('right-to-left', function () {
  this.timeout(30000);
  const html = document.documentElement;
  const saved = { lang: html.getAttribute('lang'), dir: html.getAttribute('dir') };
  afterEach(() => {
    cleanup();
    for (const [k, v] of Object.entries(saved))
      v === null ? html.removeAttribute(k) : html.setAttribute(k, v);
  });

  for (const [name, [markup, inner]] of Object.entries(ELEMENTS)) {
    it(`${name}: its own lang="ar" lays it out right-to-left; lang="en" left-to-right again`, async () => {
      const el = await fixture<HTMLElement>(markup.replace('>', ' lang="ar">'));
      await settle(el);
      expect(dirOf(el), 'the host').to.equal('rtl');
      expect(dirOf(el.shadowRoot!.querySelector(inner)!), inner).to.equal('rtl');
      el.setAttribute('lang', 'en');
      await settle(el);
      expect(dirOf(el)).to.equal('ltr');
      expect(dirOf(el.shadowRoot!.querySelector(inner)!)).to.equal('ltr');
    });

    it(`${name}: <html lang="ar"> without dir, and <html lang="ar" dir="rtl">`, async () => {
      html.setAttribute('lang', 'ar');
      html.removeAttribute('dir');
      const el = await fixture<HTMLElement>(markup);
      await settle(el);
      expect(dirOf(el.shadowRoot!.querySelector(inner)!)).to.equal('rtl');
      html.setAttribute('dir', 'rtl');
      await settle(el);
      expect(dirOf(el.shadowRoot!.querySelector(inner)!)).to.equal('rtl');
      await expectAccessible(el);
    });
  }

  it('a dir on the page wins over the table: lang="ar" dir="ltr" stays left-to-right', async () => {
    const el = await fixture<HTMLElement>('<kernel-viewer lang="ar" dir="ltr"></kernel-viewer>');
    expect(dirOf(el)).to.equal('ltr');
    const host = document.createElement('div');
    host.className = 'fixture';
    host.setAttribute('dir', 'ltr');
    host.innerHTML = '<kernel-viewer lang="ar"></kernel-viewer>';
    document.body.appendChild(host);
    const inner = host.firstElementChild as HTMLElement;
    await settle(inner);
    expect(dirOf(inner)).to.equal('ltr');
  });

  it('<feature-map lang="ar">: mirrored (input on the right, low on the right, arrows ←), English where the table has no word', async () => {
    const el = await fixture<FeatureMap>(
      `<feature-map lang="ar" src="${PHOTO}" filters="2" activation="relu" compare></feature-map>`,
    );
    await until(el, () => el.state === 'ready');
    const input = box(el, '[part=input]');
    const firstMap = box(el, '[part=map]');
    expect(input.left, 'the input is the first figure, on the right').to.be.greaterThan(firstMap.left);
    const legend = el.shadowRoot!.querySelectorAll('[part=legend] > span');
    const [low, high] = [legend[0]!.getBoundingClientRect(), legend[2]!.getBoundingClientRect()];
    expect(legend[0]!.textContent).to.equal('منخفض');
    expect(low.left, 'low on the right').to.be.greaterThan(high.left);
    const bar = el.shadowRoot!.querySelector<HTMLElement>('[part=legend] .bar')!;
    expect(bar.style.background, 'the colour scale runs from the right').to.contain('to left');
    // Each shape stays a left-to-right formula: C × H × W, C on the left.
    const final = el.shadowRoot!.querySelector('[data-testid=shape]')!;
    expect(getComputedStyle(final).direction).to.equal('ltr');
    const text = document.createTreeWalker(final, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const at = (i: number) => {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect().left;
    };
    expect(text.data.trim()).to.equal('2 × 18 × 22');
    expect(at(text.data.indexOf('2')), 'C on the left').to.be.lessThan(at(text.data.lastIndexOf('1')));
    const summary = el.shadowRoot!.querySelector('[part=summary]')!.textContent!;
    expect(summary).to.contain('←').and.not.contain('→');
    expect(el.shadowRoot!.querySelector('[part=input] figcaption')!.textContent!.trim()).to.equal('المدخل');
    // No Arabic for these: English, key by key.
    expect(el.shadowRoot!.querySelector('.legend-note')!.textContent!.trim()).to.equal(
      FM_EN['fm.sharedScale'],
    );
    expect(el.shadowRoot!.querySelector('[data-kind=after]')!.getAttribute('aria-label')).to.match(
      /^Map 1 \(filter 1\) of the filter/,
    );
    await expectAccessible(el);

    // Back to English: left-to-right, arrows →, the input on the left.
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(box(el, '[part=input]').left).to.be.lessThan(box(el, '[part=map]').left);
    expect(el.shadowRoot!.querySelector('[part=summary]')!.textContent).to.contain('→').and.not.contain('←');
  });

  it('<kernel-viewer lang="ar">: Back (السابق) is on the right of Next (التالي)', async () => {
    const el = await fixture<HTMLElement>('<kernel-viewer lang="ar"></kernel-viewer>');
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    const back = buttons.find((b) => b.textContent!.includes('السابق'))!;
    const next = buttons.find((b) => b.textContent!.includes('التالي'))!;
    expect(back, 'Back in Arabic').to.exist;
    expect(next, 'Next in Arabic').to.exist;
    expect(back.getBoundingClientRect().left).to.be.greaterThan(next.getBoundingClientRect().left);
  });
  /** Where a cell's text sits in it: its gap on the left less its gap on the right (> 0: right-aligned). */
  const leaning = (cell: Element) => {
    const r = document.createRange();
    r.selectNodeContents(cell);
    const text = r.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    return text.left - c.left - (c.right - text.right);
  };

  /** Whether a formula reads left to right: its first character on the left of its last. */
  const readsLeftToRight = (el: Element) => {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.textContent!.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
    });
    const texts: Text[] = [];
    for (let n = walk.nextNode(); n; n = walk.nextNode()) texts.push(n as Text);
    const at = (t: Text, i: number) => {
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 1);
      return r.getBoundingClientRect().left;
    };
    const first = texts[0]!;
    const last = texts[texts.length - 1]!;
    const i = first.data.search(/\S/);
    const j = last.data.trimEnd().length - 1;
    return at(first, i) < at(last, j);
  };

  for (const lang of ['ar', 'en']) {
    const rtl = lang === 'ar';
    const side = rtl ? 'mirrored' : 'left-to-right as before';

    it(`<cnn-trainer lang="${lang}">: ${side} (Start at the line's start, the backend at its end)`, async () => {
      const el = await fixture<HTMLElement>(`<cnn-trainer lang="${lang}"></cnn-trainer>`);
      await settle(el);
      const start = box(el, '[part=start]');
      const backend = box(el, '[data-testid=backend]');
      const actions = box(el, '[part=actions]');
      if (rtl) {
        expect(start.left, 'Start on the right of the backend').to.be.greaterThan(backend.left);
        expect(actions.right - start.right, 'Start at the right edge').to.be.lessThan(2);
      } else {
        expect(start.left).to.be.lessThan(backend.left);
        expect(start.left - actions.left, 'Start at the left edge').to.be.lessThan(2);
      }
      expect(actions.right - backend.right, 'the backend pushed to the end').to.satisfy((d: number) =>
        rtl ? d > actions.width / 2 : d < 2,
      );
    });

    it(`<confusion-matrix lang="${lang}">: ${side} (class names, recall column, precision, the colour ramp)`, async () => {
      const el = await fixture<HTMLElement>(
        `<confusion-matrix lang="${lang}" matrix="[[5,1],[2,7]]"></confusion-matrix>`,
      );
      await settle(el);
      const root = el.shadowRoot!;
      const name = root.querySelector('tbody th.label')!;
      const recall = root.querySelector('tbody td.metric')!.getBoundingClientRect();
      const cell = root.querySelector('tbody td:not(.metric)')!.getBoundingClientRect();
      const precision = root.querySelector('tfoot th.metric')!;
      const ramp = root.querySelector<HTMLElement>('.ramp')!;
      const scale = root.querySelector('.scale')!;
      const bg = getComputedStyle(ramp).backgroundImage;
      if (rtl) {
        expect(recall.left, 'recall on the left of the counts').to.be.lessThan(cell.left);
        expect(name.getBoundingClientRect().left, 'class names on the right of the counts').to.be.greaterThan(
          cell.left,
        );
        expect(getComputedStyle(name).textAlign, 'class names against the counts').to.equal('end');
        expect(getComputedStyle(precision).textAlign).to.equal('end');
        expect(bg, 'the ramp runs from the right').to.contain('to left');
        expect(latinDigits(scale.textContent!)).to.contain('0 ← 7');
        const acc = root.querySelector('[part=summary] strong')!.getBoundingClientRect();
        expect(
          acc.left - scale.getBoundingClientRect().right,
          'the scale pushed away to the left',
        ).to.be.greaterThan(12);
      } else {
        expect(recall.left).to.be.greaterThan(cell.left);
        expect(name.getBoundingClientRect().left).to.be.lessThan(cell.left);
        expect(getComputedStyle(name).textAlign).to.equal('end');
        expect(getComputedStyle(precision).textAlign).to.equal('end');
        expect(bg).to.contain('to right').and.contain('rgb(68, 1, 84)');
        expect(scale.textContent).to.contain('0 → 7');
        const acc = root.querySelector('[part=summary] strong')!.getBoundingClientRect();
        expect(
          scale.getBoundingClientRect().left - acc.right,
          'the scale pushed away to the right',
        ).to.be.greaterThan(12);
      }
    });

    it(`<confusion-matrix lang="${lang}" normalize>: the scale's arrow points the way its ramp runs`, async () => {
      const el = await fixture<HTMLElement>(
        `<confusion-matrix lang="${lang}" normalize matrix="[[5,1],[2,7]]"></confusion-matrix>`,
      );
      await settle(el);
      const scale = latinDigits(el.shadowRoot!.querySelector('.scale')!.textContent!.trim());
      const bg = getComputedStyle(el.shadowRoot!.querySelector('.ramp')!).backgroundImage;
      if (rtl) {
        expect(bg, 'the ramp runs from the right').to.contain('to left');
        expect(scale).to.contain('0 ← 1').and.not.contain('→');
      } else {
        expect(bg).to.contain('to right');
        expect(scale).to.equal('0 → 1 of row');
      }
    });

    it(`<model-summary lang="${lang}">: ${side} (names at the start, numbers at the end of their cells)`, async () => {
      const el = await fixture<HTMLElement>(
        `<model-summary lang="${lang}" model="cnn" input-shape="1x28x28"></model-summary>`,
      );
      await settle(el);
      const root = el.shadowRoot!;
      const num = root.querySelector('tbody td.num')!;
      const first = root.querySelector('tbody tr > :first-child')!;
      const caption = root.querySelector('caption')!;
      const sign = rtl ? -1 : 1;
      expect(sign * leaning(num), 'a number against the end of its cell').to.be.greaterThan(0);
      expect(sign * leaning(first), 'a name against the start of its cell').to.be.lessThan(0);
      expect(getComputedStyle(caption).textAlign).to.equal('start');
      // C×H×W and 250 → 128 stay formulas read from the left: C first, the input before the output.
      expect(latinDigits(num.textContent!.trim())).to.match(/^\d+×\d+×\d+$/);
      expect(readsLeftToRight(num), num.textContent!).to.equal(true);
      expect(readsLeftToRight(root.querySelector('.stage-shape')!)).to.equal(true);
      const fc1 = [...root.querySelectorAll('tbody tr')].find((r) => r.textContent!.includes('fc1'))!;
      const linear = fc1.querySelector('td:nth-of-type(2)')!;
      expect(linear.textContent!.trim()).to.match(/^\d+ → \d+$/);
      expect(readsLeftToRight(linear)).to.equal(true);
    });
  }

  for (const lang of ['ar', 'en']) {
    const rtl = lang === 'ar';
    const side = rtl ? 'mirrored' : 'left-to-right as before';

    it(`<conv-calculator lang="${lang}">: ${side} (the first setting at the line's start), its formulas read left to right`, async () => {
      const el = await fixture<HTMLElement>(
        `<conv-calculator lang="${lang}" input-size="28x32" kernel-size="5" padding="1" stride="2" in-channels="3" out-channels="8"></conv-calculator>`,
      );
      await settle(el);
      const root = el.shadowRoot!;
      expect(dirOf(el), 'the host').to.equal(rtl ? 'rtl' : 'ltr');
      const [first, second] = [...root.querySelectorAll('[part=controls] label')].map((l) =>
        l.getBoundingClientRect(),
      );
      const controls = box(el, '[part=controls]');
      if (rtl) {
        expect(first!.left, 'input size on the right of kernel size').to.be.greaterThan(second!.left);
        expect(controls.right - first!.right, 'the first setting at the right edge').to.be.lessThan(2);
      } else {
        expect(first!.left).to.be.lessThan(second!.left);
        expect(first!.left - controls.left).to.be.lessThan(2);
      }
      // Each axis: its name in the reader's direction, its steps a formula from the left (⌊(W − K + 2P) / S⌋ + 1 first).
      const axes = [...root.querySelectorAll('.axis')];
      expect(axes.length, 'a height and a width axis').to.equal(2);
      for (const axis of axes) {
        const steps = axis.querySelector('.steps')!;
        expect(getComputedStyle(steps).direction).to.equal('ltr');
        expect(getComputedStyle(axis.querySelector('.axis-name')!).direction).to.equal(rtl ? 'rtl' : 'ltr');
        expect(readsLeftToRight(steps), steps.textContent!).to.equal(true);
        const [formula, answer] = [axis.querySelector('.step')!, axis.querySelector('.answer')!].map((e) =>
          e.getBoundingClientRect(),
        );
        expect(formula!.left, 'the formula before its answer').to.be.lessThan(answer!.left);
      }
      const shape = root.querySelector('[data-testid=shape]')!;
      expect(latinDigits(shape.textContent!.trim())).to.match(/^8 × \d+ × \d+$/);
      expect(readsLeftToRight(shape), 'C × H × W, C on the left').to.equal(true);
      const weights = root.querySelector('[data-testid=weights]')!;
      expect(readsLeftToRight(weights), weights.textContent!).to.equal(true);
    });

    it(`<digit-pad lang="${lang}">: ${side} (the pad at the line's start, names before their bars), shapes read left to right`, async function () {
      this.timeout(60000);
      const el = await fixture<DigitPad>(`<digit-pad lang="${lang}"></digit-pad>`);
      await el.setPixels(
        Float32Array.from({ length: 784 }, (_, i) =>
          i % 28 >= 12 && i % 28 <= 15 && i > 140 && i < 640 ? 1 : 0,
        ),
      );
      await settle(el);
      expect(el.prediction, 'a prediction').not.to.equal(null);
      expect(dirOf(el), 'the host').to.equal(rtl ? 'rtl' : 'ltr');
      const pad = box(el, 'canvas.pad');
      const input = box(el, 'canvas.input');
      const row = el.shadowRoot!.querySelector('.probs li.top')!;
      const [name, bar, pct] = [
        row.querySelector('.d')!,
        row.querySelector('.bar')!,
        row.querySelector('.p')!,
      ].map((e) => e.getBoundingClientRect());
      // The bar grows (a short transition): measured once it has.
      const fillOf = () => row.querySelector('.fill')!.getBoundingClientRect();
      for (let t0 = performance.now(); fillOf().width <= 4 && performance.now() - t0 < 2000;)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      const fill = fillOf();
      expect(fill.width, 'the top class has a visible bar').to.be.greaterThan(4);
      if (rtl) {
        expect(pad.left, 'the pad on the right of its input').to.be.greaterThan(input.left);
        expect(name!.left, 'the name on the right of its bar').to.be.greaterThan(bar!.left);
        expect(pct!.left, 'the percentage on the left of the bar').to.be.lessThan(bar!.left);
        expect(bar!.right - fill.right, 'the bar fills from the right').to.be.lessThan(1);
      } else {
        expect(pad.left).to.be.lessThan(input.left);
        expect(name!.left).to.be.lessThan(bar!.left);
        expect(pct!.left).to.be.greaterThan(bar!.left);
        expect(fill.left - bar!.left, 'the bar fills from the left').to.be.lessThan(1);
      }
      const shape = el.shadowRoot!.querySelector('[part=layers] .shape')!;
      expect(latinDigits(shape.textContent!.trim())).to.match(/^\d+×\d+×\d+$/);
      expect(readsLeftToRight(shape), 'C×H×W, C on the left').to.equal(true);
      // Isolated left to right itself, not only because an English layer name before it happens to be.
      expect(getComputedStyle(shape).direction).to.equal('ltr');
      await expectAccessible(el);
    });
  }

  for (const lang of ['ar', 'en'])
    it(`<confusion-matrix lang="${lang}">: the arrow keys move the way they point`, async () => {
      const el = await fixture<HTMLElement>(
        `<confusion-matrix lang="${lang}" matrix="[[5,1],[2,7]]"></confusion-matrix>`,
      );
      await settle(el);
      const cellAt = (r: number, c: number) =>
        el.shadowRoot!.querySelector<HTMLButtonElement>(`td button[data-r="${r}"][data-c="${c}"]`)!;
      const press = async (k: string) => {
        const from = el.shadowRoot!.activeElement!;
        from.dispatchEvent(
          new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }),
        );
        await settle(el);
        return [from.getBoundingClientRect(), el.shadowRoot!.activeElement!.getBoundingClientRect()] as const;
      };
      cellAt(0, 0).focus();
      // From the first column, the key toward the second one moves there; the other key stays at the edge.
      const [a, b] = await press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
      expect(el.shadowRoot!.activeElement).to.equal(cellAt(0, 1));
      expect(b.left, 'the focus moved the way the arrow points')[lang === 'ar' ? 'lessThan' : 'greaterThan'](
        a.left,
      );
      await press(lang === 'ar' ? 'ArrowRight' : 'ArrowLeft');
      expect(el.shadowRoot!.activeElement).to.equal(cellAt(0, 0));
    });

  for (const lang of ['ar', 'en'])
    it(`<kernel-viewer lang="${lang}">: the output-size formula and the sum of products read left to right`, async () => {
      const el = await fixture<HTMLElement>(`<kernel-viewer lang="${lang}"></kernel-viewer>`);
      await settle(el);
      const root = el.shadowRoot!;
      expect(readsLeftToRight(root.querySelector('.formula')!), 'the formula').to.equal(true);
      const sum = root.querySelector('.sum')!;
      expect(latinDigits(sum.textContent!).replace(/\s+/g, ' ').trim()).to.match(/ = -?\d+$/);
      expect(readsLeftToRight(sum), 'the products, then = and their sum').to.equal(true);
    });

  for (const lang of ['ar', 'en'])
    it(`<kernel-viewer lang="${lang}">: the summary's arrow points from the input to the output, the way the text reads`, async () => {
      const el = await fixture<HTMLElement>(`<kernel-viewer lang="${lang}" input-size="8"></kernel-viewer>`);
      await settle(el);
      const summary = el.shadowRoot!.querySelector('[part=summary]')!;
      const text = [...summary.childNodes].find(
        (n): n is Text => n.nodeType === Node.TEXT_NODE && /\S/.test(n.textContent!),
      )!;
      const [arrow, other] = lang === 'ar' ? ['←', '→'] : ['→', '←'];
      expect(summary.textContent).to.contain(arrow).and.not.contain(other);
      const at = (i: number) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect().left;
      };
      const digit = /[0-9\u0660-\u0669]/;
      const a = text.data.indexOf(arrow);
      const input = text.data.search(digit); // the input's size: the first number of the sentence
      const output = a + text.data.slice(a).search(digit); // the output's: the first after the arrow
      expect(latinDigits(text.data.slice(input, input + 3))).to.equal('8×8');
      expect(latinDigits(text.data.slice(output, output + 3))).to.equal('4×4');
      if (lang === 'ar') {
        expect(at(input), 'the input on the right of the arrow').to.be.greaterThan(at(a));
        expect(at(output), 'the output on its left, where it points').to.be.lessThan(at(a));
      } else {
        expect(at(input)).to.be.lessThan(at(a));
        expect(at(output)).to.be.greaterThan(at(a));
      }
    });

  it('<kernel-viewer> in a locale with Arabic-Indic digits: every number it shows in them, none in Latin digits', async () => {
    // `-u-nu-arab` asks every engine's Intl for ٠–٩ (Chromium writes plain `ar` with 0–9, WebKit with ٠–٩).
    const lang = 'ar-u-nu-arab';
    expect(new Intl.NumberFormat(lang).format(123), 'this Intl writes Arabic-Indic digits').to.equal('١٢٣');
    const el = await fixture<HTMLElement>(
      `<kernel-viewer lang="${lang}" channels="3" padding="1" stride="2"></kernel-viewer>`,
    );
    await settle(el);
    const root = el.shadowRoot!;
    expect(dirOf(root.querySelector('button')!)).to.equal('rtl');
    const textOf = (sel: string) => root.querySelector(sel)!.textContent!.replace(/\s+/g, ' ').trim();
    const sum = textOf('.sum');
    expect(sum, 'the sum of products').to.match(/[\u0660-\u0669]/);
    expect(sum, 'the sum of products').not.to.match(/[0-9]/);
    for (const sel of [
      '.total',
      '.where',
      '[part=summary]',
      '[part=input]',
      '[part=kernel]',
      '[part=output]',
    ]) {
      const text = textOf(sel);
      expect(text, sel).to.match(/[\u0660-\u0669]/);
      expect(text, sel).not.to.match(/[0-9]/);
    }
    // Read left to right all the same: each term on the left of the next, the sum last; a minus before its number.
    const terms = [...root.querySelector('.sum')!.querySelectorAll('.term')];
    expect(terms.length).to.be.greaterThan(2);
    // Line by line (a long sum wraps), each line from the left.
    const boxes = terms.map((t) => t.getBoundingClientRect());
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1]!, boxes[i]!];
      const sameLine = Math.abs(a.top - b.top) < a.height / 2;
      expect(sameLine ? b.left > a.left : b.top > a.top, `term ${i + 1} after term ${i}`).to.equal(true);
    }
    for (const t of terms.filter((t) => t.textContent!.includes('−'))) {
      const walk = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
      let text = walk.nextNode() as Text;
      while (!text.data.includes('−')) text = walk.nextNode() as Text;
      const at = (i: number) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect().left;
      };
      const minus = text.data.indexOf('−');
      expect(at(minus), `the minus of ${text.data} on the left`).to.be.lessThan(at(minus + 1));
    }
    const labels = [...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')!);
    expect(
      labels.filter((l) => /[0-9]/.test(l)),
      'what a screen reader hears',
    ).to.deep.equal([]);
    // The formula keeps its shape and reads left to right, in the same digits.
    const formula = root.querySelector('.formula')!;
    expect(formula.textContent!.trim()).to.match(/^⌊\([٠-٩]+ − [٠-٩]+ \+ ٢·[٠-٩]+\) \/ ٢⌋ \+ ١ = [٠-٩]+$/);
    expect(readsLeftToRight(formula), 'the formula').to.equal(true);
    // The same viewer in English: Latin digits, as before.
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(textOf('.sum'))
      .to.match(/[0-9]/)
      .and.not.to.match(/[\u0660-\u0669]/);
    expect(root.querySelector('.formula')!.textContent!.trim()).to.match(
      /^⌊\(\d+ − \d+ \+ 2·1\) \/ 2⌋ \+ 1 = \d+$/,
    );
  });

  it('<model-summary> in a locale with Arabic-Indic digits: counts and shapes in them, shapes strictly left to right', async () => {
    const lang = 'ar-u-nu-arab';
    const el = await fixture<HTMLElement>(
      `<model-summary lang="${lang}" model="cnn" input-shape="1x28x32"></model-summary>`,
    );
    await settle(el);
    const root = el.shadowRoot!;
    const text = (n: Element) => n.textContent!.replace(/\s+/g, ' ').trim();
    // The numbers a reader reads: the caption's count and shape, the comparison, the diagram's text alternative,
    // every cell of the output, parameter and multiply-add columns. (Layer names like conv1 stay as written.)
    const caption = text(root.querySelector('caption')!);
    expect(caption, 'caption').to.match(/[\u0660-\u0669]/);
    expect(caption.replace(/conv\d|fc\d/g, ''), 'caption').not.to.match(/[0-9]/);
    const alt = root.querySelector('[part=diagram]')!.getAttribute('aria-label')!;
    expect(alt.replace(/(conv|pool|fc)\d/g, ''), 'diagram').not.to.match(/[0-9]/);
    const cells = [...root.querySelectorAll('td.num')].map(text).filter((c) => c !== '—');
    expect(cells.length).to.be.greaterThan(10);
    for (const c of cells) expect(c, 'a number cell').not.to.match(/[0-9]/);
    // Shapes read left to right all the same: 1×28×32 (C×H×W) with its first number on the left.
    const shape = root.querySelector('tbody .shape')!;
    expect(text(shape)).to.equal('١×٢٨×٣٢');
    const walk = document.createTreeWalker(shape, NodeFilter.SHOW_TEXT);
    const lefts: number[] = [];
    for (let n = walk.nextNode() as Text | null; n; n = walk.nextNode() as Text | null)
      for (let i = 0; i < n.data.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        lefts.push(r.getBoundingClientRect().left);
      }
    expect(lefts).to.deep.equal([...lefts].sort((a, b) => a - b));
    // English as before.
    const en = await fixture<HTMLElement>('<model-summary model="cnn"></model-summary>');
    await settle(en);
    expect(text(en.shadowRoot!.querySelector('caption')!)).to.contain('12 layers for a 1×28×28 input');
  });

  it('<kernel-viewer lang="ar">: a non-square size in the summary reads rows × columns from the left', async () => {
    const el = await fixture<HTMLElement>('<kernel-viewer lang="ar" input-size="5x8"></kernel-viewer>');
    await settle(el);
    const summary = el.shadowRoot!.querySelector('[part=summary]')!;
    const text = [...summary.childNodes].find(
      (n): n is Text => n.nodeType === Node.TEXT_NODE && /\S/.test(n.textContent!),
    )!;
    const digits = /[0-9\u0660-\u0669]/;
    const first = text.data.search(digits);
    expect(latinDigits(text.data.slice(first, first + 3)), text.data).to.equal('5×8');
    const at = (i: number) => {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect().left;
    };
    expect(at(first), 'the rows (5) on the left of ×').to.be.lessThan(at(first + 1));
    expect(at(first + 1), '× on the left of the columns (8)').to.be.lessThan(at(first + 2));
  });

  it('<conv-calculator> in a locale with Arabic-Indic digits: every number in them, each step strictly left to right', async () => {
    const el = await fixture<HTMLElement>(
      '<conv-calculator lang="ar-u-nu-arab" input-size="28" kernel-size="5" padding="same" stride="2" in-channels="3" out-channels="8"></conv-calculator>',
    );
    await settle(el);
    const root = el.shadowRoot!;
    for (const sel of ['[part=formula]', '[part=results]', '[part=note]']) {
      const text = root.querySelector(sel)!.textContent!.replace(/\s+/g, ' ');
      expect(text, sel).to.match(/[\u0660-\u0669]/);
      expect(text, sel).not.to.match(/[0-9]/);
    }
    // Every character of a step on the right of the one before it: ⌊(٢٨ − ٥ + ٢·٢) / ٢⌋ + ١ as written.
    for (const step of root.querySelectorAll('.step, .answer')) {
      const walk = document.createTreeWalker(step, NodeFilter.SHOW_TEXT);
      const lefts: number[] = [];
      for (let n = walk.nextNode() as Text | null; n; n = walk.nextNode() as Text | null)
        for (let i = 0; i < n.data.length; i++) {
          if (!n.data[i]!.trim()) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          lefts.push(r.getBoundingClientRect().left);
        }
      expect(lefts.length, step.textContent!).to.be.greaterThan(0);
      expect(lefts, step.textContent!).to.deep.equal([...lefts].sort((a, b) => a - b));
    }
  });

  it('<digit-pad> in a locale with Arabic-Indic digits: every number it shows in them (class names are the dataset’s), shapes strictly left to right', async function () {
    this.timeout(60000);
    const lang = 'ar-u-nu-arab';
    const el = await fixture<DigitPad>(`<digit-pad lang="${lang}"></digit-pad>`);
    await el.setPixels(
      Float32Array.from({ length: 784 }, (_, i) =>
        i % 28 >= 12 && i % 28 <= 15 && i > 140 && i < 640 ? 1 : 0,
      ),
    );
    await settle(el);
    expect(el.prediction, 'a prediction').not.to.equal(null);
    expect(dirOf(el)).to.equal('rtl');
    const root = el.shadowRoot!;
    const arabicDigits = (text: string, what: string) => {
      expect(text, what).to.match(/[\u0660-\u0669]/);
      expect(text, what).not.to.match(/[0-9]/);
    };
    const shapes = [...root.querySelectorAll('[part=layers] .shape')];
    expect(shapes.length, 'a shape under every layer').to.be.greaterThan(3);
    for (const shape of shapes) arabicDigits(shape.textContent!, 'a layer’s shape');
    arabicDigits(root.querySelector('.input-box .caption')!.textContent!, 'the input’s caption');
    const percents = [...root.querySelectorAll('.probs .p')];
    expect(percents).to.have.length(10);
    for (const p of percents) arabicDigits(p.textContent!, 'a percentage');
    // What a screen reader hears: every aria text with a number, in the same digits (the layers' names, conv1 …
    // fc3, are the network's own, as the summary and the PyTorch export write them).
    const said = [...root.querySelectorAll('[aria-label], [aria-valuetext]')].flatMap((e) =>
      ['aria-label', 'aria-valuetext'].map((a) => (e.getAttribute(a) ?? '').replace(/\b[a-z]+[0-9]+\b/g, '')),
    );
    expect(said.filter((t) => /[\u0660-\u0669]/.test(t)).length, 'numbers are said').to.be.greaterThan(10);
    expect(
      said.filter((t) => /[0-9]/.test(t)),
      'no Latin digit in what is said',
    ).to.deep.equal([]);
    // C×H×W (and the input's H×W) strictly left to right: each character on the right of the one before.
    const strictlyLeftToRight = (e: Element) => {
      const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      const lefts: number[] = [];
      for (let n = walk.nextNode() as Text | null; n; n = walk.nextNode() as Text | null)
        for (let i = 0; i < n.data.length; i++) {
          if (!/[\u0660-\u0669×]/.test(n.data[i]!)) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          lefts.push(r.getBoundingClientRect().left);
        }
      return lefts.length > 2 && lefts.every((x, i) => i === 0 || x > lefts[i - 1]!);
    };
    const spatial = shapes.filter((s) => s.textContent!.includes('×'));
    expect(spatial.length).to.be.greaterThan(1);
    for (const s of spatial) expect(strictlyLeftToRight(s), s.textContent!).to.equal(true);
    expect(strictlyLeftToRight(root.querySelector('.input-box .caption')!), 'the input’s size').to.equal(
      true,
    );
    // Teach mode counts its examples in them too (the class name, 3, is the dataset's).
    el.mode = 'teach';
    await settle(el);
    expect(el.teach(3)).not.to.equal(null);
    await settle(el);
    expect(root.querySelector('[data-testid=teach-status]')!.textContent!.trim()).to.equal(
      'Taught: this is 3. ١ example so far.',
    );
    // The same pad in English: Latin digits, as before.
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(root.querySelector('[part=layers] .shape')!.textContent).to.match(/^\d+×\d+×\d+$/);
    expect(root.querySelector('.input-box .caption')!.textContent!.trim()).to.equal('28×28 input');
  });

  it('<kernel-viewer lang="ar">: the picture keeps its columns left to right under its window', async () => {
    const el = await fixture<HTMLElement>('<kernel-viewer lang="ar"></kernel-viewer>');
    await settle(el);
    const grid = el.shadowRoot!.querySelector('.grid')!;
    expect(getComputedStyle(grid).direction).to.equal('ltr');
    const cells = grid.querySelectorAll(':scope > :not(.window)');
    expect(cells[0]!.getBoundingClientRect().left).to.be.lessThan(cells[1]!.getBoundingClientRect().left);
    const win = box(el, '[part=window]');
    expect(
      Math.abs(win.left - cells[0]!.getBoundingClientRect().left),
      'the first window over the first column',
    ).to.be.lessThan(6);
  });
});
