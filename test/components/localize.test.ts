/**
 * The localisation mechanism (components/shared/localize.ts), through a real element: the language comes from
 * the nearest `lang` and follows its changes, shipped tables load on first need (and not before), partial
 * tables fall back key by key, a writer can reword a term, numbers follow the locale, and `dir` is read.
 */
import { expect } from '@esm-bundle/chai';
import { html, LitElement } from 'lit';
import '../../src/define/conv-calculator.js';
import type { ConvCalculator } from '../../src/components/conv-calculator/conv-calculator.js';
import {
  LocalizeController,
  loadTranslation,
  registerTranslation,
} from '../../src/components/shared/localize.js';
import { CALCULATOR_EN } from '../../src/components/conv-calculator/conv-calculator.strings.js';
import { cleanup, fixture, settle, shadowText } from '../helpers.js';

const q = <T extends Element>(el: ConvCalculator, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const firstLabel = (el: ConvCalculator) =>
  [...q(el, 'label').childNodes]
    .find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
    ?.textContent?.trim();
/** Resolves once every element on the page has rendered what the last registration changed. */
const settleAll = async (el: Element) => {
  await new Promise((r) => setTimeout(r, 0));
  await settle(el);
};
const loaded = (lang: string) =>
  performance
    .getEntriesByType('resource')
    .some((e) => new RegExp(`/translations/${lang}\\.(js|ts)`).test(e.name));

/** A bare element with a controller, to read what it resolves. */
class LangProbe extends LitElement {
  readonly localize = new LocalizeController(this, { hello: 'Hello' });
  protected override render() {
    return html`${this.localize.term('hello')}`;
  }
}
customElements.define('lang-probe', LangProbe);

describe('localisation', () => {
  const html0 = document.documentElement.getAttribute('lang');
  afterEach(() => {
    cleanup();
    if (html0 === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', html0);
    document.documentElement.removeAttribute('dir');
  });

  it('speaks English with no lang anywhere, and loads no translation', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture<ConvCalculator>('<conv-calculator></conv-calculator>');
    expect(firstLabel(el)).to.equal(CALCULATOR_EN['calc.inputSize']);
    await new Promise((r) => setTimeout(r, 50));
    expect(loaded('de'), 'a page in English loads no German').to.equal(false);
  });

  it('follows <html lang>: loads the shipped table on first need and re-renders', async () => {
    const el = await fixture<ConvCalculator>(
      '<conv-calculator input-size="316" kernel-size="10" padding="2" stride="2" in-channels="5" out-channels="8"></conv-calculator>',
    );
    expect(shadowText(el)).to.contain('4,008');
    document.documentElement.lang = 'de';
    await loadTranslation('de');
    await settleAll(el);
    expect(loaded('de')).to.equal(true);
    expect(firstLabel(el)).to.equal('Eingabegröße (W oder H×W)');
    // The notebook's numbers stay right, written the German way.
    expect(el.result?.params).to.equal(4008);
    expect(shadowText(el)).to.contain('4.008');
    expect(shadowText(el)).to.contain('8 × 156 × 156');
    expect(shadowText(el)).to.contain('⌊(316 − 10 + 2·2) / 2⌋ + 1');
  });

  it('takes the nearest lang: the element’s own, else an ancestor’s, over <html lang>', async () => {
    await loadTranslation('fr');
    document.documentElement.lang = 'de';
    const host = await fixture<HTMLDivElement>(
      '<div lang="fr"><conv-calculator></conv-calculator><conv-calculator lang="ja"></conv-calculator></div>',
    );
    await loadTranslation('ja');
    const [fr, ja] = host.querySelectorAll<ConvCalculator>('conv-calculator');
    await settleAll(ja!);
    expect(firstLabel(fr!)).to.equal('Taille d’entrée (W ou H×W)');
    expect(firstLabel(ja!)).to.equal('入力サイズ (W または H×W)');
  });

  it('follows a change of its own lang, and of an ancestor’s', async () => {
    await loadTranslation('es');
    const host = await fixture<HTMLDivElement>('<div><conv-calculator></conv-calculator></div>');
    const el = host.querySelector<ConvCalculator>('conv-calculator')!;
    host.lang = 'es';
    await settleAll(el);
    expect(firstLabel(el)).to.equal('Tamaño de entrada (W o H×W)');
    el.lang = 'en';
    await settleAll(el);
    expect(firstLabel(el)).to.equal(CALCULATOR_EN['calc.inputSize']);
  });

  it('says the engine’s messages in the element’s language, and re-words them when lang changes', async () => {
    await loadTranslation('de');
    const el = await fixture<ConvCalculator>(
      '<conv-calculator input-size="abc" lang="de"></conv-calculator>',
    );
    expect(el.error).to.equal('Die Eingabegröße "abc" ist keine Zahl: Schreiben Sie "W" oder "HxW".');
    expect(q(el, '[part=error]').textContent).to.equal(el.error);
    el.lang = 'en';
    await settleAll(el);
    expect(el.error).to.equal('Input size "abc" is not a number: use "W" or "HxW".');
  });

  it('falls back key by key: a regional table, then its language, then English', async () => {
    await loadTranslation('de');
    registerTranslation({ $code: 'de-CH', $name: 'Deutsch (Schweiz)', $dir: 'ltr', 'calc.layer': 'Ebene' });
    registerTranslation({ $code: 'eo', $name: 'Esperanto', $dir: 'ltr', 'calc.conv': 'Konvolucio' });
    const host = await fixture<HTMLDivElement>(
      '<div><conv-calculator lang="de-CH"></conv-calculator><conv-calculator lang="eo"></conv-calculator></div>',
    );
    const [ch, eo] = host.querySelectorAll<ConvCalculator>('conv-calculator');
    const text = (el: ConvCalculator) => shadowText(el);
    expect(text(ch!)).to.contain('Ebene');
    expect(firstLabel(ch!)).to.equal('Eingabegröße (W oder H×W)');
    expect(text(eo!)).to.contain('Konvolucio');
    expect(firstLabel(eo!)).to.equal(CALCULATOR_EN['calc.inputSize']);
  });

  it('lets a writer reword a term, in English too; a shipped table loading later keeps the writer’s words', async () => {
    const el = await fixture<ConvCalculator>('<conv-calculator></conv-calculator>');
    registerTranslation({ $code: 'en', 'calc.conv': 'Conv2d' } as never);
    await settleAll(el);
    expect(shadowText(el)).to.contain('Conv2d');
    registerTranslation({ $code: 'en', 'calc.conv': CALCULATOR_EN['calc.conv'] } as never);
    await settleAll(el);
    expect(shadowText(el)).not.to.contain('Conv2d');
    registerTranslation({ $code: 'zh-CN', $name: '中文', $dir: 'ltr', 'calc.layer': '网络层' });
    await loadTranslation('zh-CN');
    el.lang = 'zh-CN';
    await settleAll(el);
    expect(shadowText(el)).to.contain('网络层');
    expect(firstLabel(el)).to.equal('输入尺寸（W 或 H×W）');
  });

  it('finds zh-CN for a page in zh or zh-Hans', async () => {
    await loadTranslation('zh');
    const el = await fixture<ConvCalculator>('<conv-calculator lang="zh"></conv-calculator>');
    expect(firstLabel(el)).to.equal('输入尺寸（W 或 H×W）');
  });

  it('reads a malformed lang as English, never breaking', async () => {
    const el = await fixture<ConvCalculator>('<conv-calculator lang="en_US"></conv-calculator>');
    expect(firstLabel(el)).to.equal(CALCULATOR_EN['calc.inputSize']);
    expect(el.error).to.equal(null);
  });

  it('reads the direction: the nearest dir, else the language’s table', async () => {
    registerTranslation({ $code: 'he', $name: 'עברית', $dir: 'rtl', hello: 'שלום' });
    const host = await fixture<HTMLDivElement>('<div><lang-probe lang="he"></lang-probe></div>');
    const probe = host.querySelector<LangProbe>('lang-probe')!;
    await settle(probe);
    expect(probe.localize.dir).to.equal('rtl');
    expect(probe.shadowRoot!.textContent).to.contain('שלום');
    // A formula in a right-to-left sentence is a left-to-right isolate (LRI…PDI); in left to right, as it is.
    expect(probe.localize.ltr('3 × 28')).to.equal('\u2066\u202d3 × 28\u202c\u2069');
    host.dir = 'ltr';
    await settleAll(probe);
    expect(probe.localize.dir).to.equal('ltr');
    expect(probe.localize.ltr('3 × 28')).to.equal('3 × 28');
    document.documentElement.dir = 'rtl';
    probe.lang = 'en';
    host.removeAttribute('dir');
    await settleAll(probe);
    expect(probe.localize.dir).to.equal('rtl');
  });

  it('survives a writer’s template that throws', async () => {
    registerTranslation({
      $code: 'x-broken',
      $name: 'broken',
      $dir: 'ltr',
      'calc.from': () => {
        throw new Error('oops');
      },
    });
    const el = await fixture<ConvCalculator>('<conv-calculator lang="x-broken"></conv-calculator>');
    expect(el.result?.params).to.equal(10);
    expect(el.error).to.equal(null);
  });
});
