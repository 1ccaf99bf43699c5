/**
 * Every element in every shipped language: it renders with no English left (no word of its English table that
 * the language's own table does not use too) and no key missing, and axe stays clean, light and dark. The
 * lesson's numbers stay right: they are the same numbers, written the locale's way.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/define/conv-calculator.js';
import '../../src/define/kernel-viewer.js';
import '../../src/define/model-summary.js';
import { loadTranslation } from '../../src/components/shared/localize.js';
import { translations } from '../../src/translations/index.js';
import { messageFormats } from '../../src/engine/messages.js';
import { cleanup, expectAccessible, fixture, settle } from '../helpers.js';
import { everyText } from './quality.js';

const LANGS = ['es', 'fr', 'de', 'zh-CN', 'ja'] as const;
const en = translations.en as unknown as Record<string, unknown>;

/** What a term says with stand-in values. */
const fill = (term: unknown, lang: string): string =>
  typeof term === 'string'
    ? term
    : (term as (p: unknown, f: unknown) => string)(new Proxy({}, { get: () => 7 }), messageFormats(lang));
const words = (text: string) => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

/** Tables by code, loaded once. */
const tables: Record<string, Record<string, unknown>> = {};

/**
 * The English words an element in `lang` must not show: every word of every English term, except the words
 * the language's own table uses as well (Kernel, Padding, Pooling…) and the names a reader writes or code
 * uses (layer names, PyTorch's types).
 */
function englishWords(lang: string): Set<string> {
  const own = new Set(Object.values(tables[lang]!).flatMap((t) => words(fill(t, lang))));
  const out = new Set<string>();
  for (const [k, t] of Object.entries(en)) {
    if (k.startsWith('$')) continue;
    for (const w of words(fill(t, 'en'))) if (!own.has(w)) out.add(w);
  }
  return out;
}

/** The English words shown or announced by `el`, with a little context. */
function englishLeft(el: Element, lang: string): string[] {
  const bad = englishWords(lang);
  const text = everyText(el);
  const found: string[] = [];
  for (const m of text.matchAll(/\p{L}{4,}/gu)) {
    if (bad.has(m[0].toLowerCase()))
      found.push(
        `"${m[0]}" in …${text.slice(Math.max(0, m.index - 30), m.index + 30).replace(/\s+/g, ' ')}…`,
      );
  }
  return found;
}

/** Each element in a state that shows most of its words. */
const ELEMENTS: Record<string, string> = {
  calculator: '<conv-calculator input-size="7" kernel-size="2" stride="2" padding="same"></conv-calculator>',
  'calculator (pool)': '<conv-calculator mode="pool" input-size="28x32"></conv-calculator>',
  'calculator (bad)': '<conv-calculator input-size="abc"></conv-calculator>',
  'kernel viewer': '<kernel-viewer channels="3" padding="1"></kernel-viewer>',
  'kernel viewer (bad)': '<kernel-viewer input="[[1,2],[3]]"></kernel-viewer>',
  'model summary': '<model-summary model="alexnet"></model-summary>',
  'model summary (cnn)': '<model-summary model="cnn" input-shape="1x28x28"></model-summary>',
  'model summary (bad)': '<model-summary model="cnn" input-shape="1x3x3"></model-summary>',
};

describe('every element in every language', () => {
  before(async () => {
    for (const lang of LANGS) {
      await loadTranslation(lang);
      const mod = (await import(`../../src/translations/${lang}.js`)) as { default: Record<string, unknown> };
      tables[lang] = mod.default;
    }
  });
  afterEach(cleanup);

  for (const lang of LANGS) {
    describe(lang, () => {
      for (const [name, markup] of Object.entries(ELEMENTS)) {
        it(`${name}: no English left, accessible in light and dark`, async () => {
          const el = await fixture<HTMLElement & { theme?: string }>(markup.replace('>', ` lang="${lang}">`));
          await settle(el);
          expect(englishLeft(el, lang)).to.deep.equal([]);
          await expectAccessible(el);
          el.theme = 'dark';
          await settle(el);
          await expectAccessible(el);
        });
      }
    });
  }

  it('would see English left (the check can fail)', async () => {
    const el = await fixture<HTMLElement>('<conv-calculator lang="en"></conv-calculator>');
    expect(englishLeft(el, 'de').length).to.be.greaterThan(5);
  });

  it('keeps the lesson’s numbers in every language (formatted the locale’s way)', async () => {
    const expected: Record<string, string> = {
      es: '61.100.840',
      fr: '61 100 840',
      de: '61.100.840',
      'zh-CN': '61,100,840',
      ja: '61,100,840',
    };
    for (const lang of LANGS) {
      const el = await fixture<HTMLElement & { totalParams: number }>(
        `<model-summary model="alexnet" lang="${lang}"></model-summary>`,
      );
      expect(el.totalParams).to.equal(61_100_840);
      const total = el.shadowRoot!.querySelector('[data-testid=total-params]')!.textContent!.trim();
      expect(total.replace(/\s/g, ' '), lang).to.equal(expected[lang]!.replace(/\s/g, ' '));
      cleanup();
    }
  });
});
