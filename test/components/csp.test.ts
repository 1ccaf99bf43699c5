/**
 * Every element under a Content-Security-Policy that forbids style attributes (`style-src-attr 'none'`, what
 * `style-src 'self'` without 'unsafe-inline' implies). Sizes, colours and grid dimensions must be set through
 * the CSSOM (shared/inline-style.ts), never as a `style="…"` attribute — lit's own `styleMap` writes the
 * attribute on its first render, so it is not enough. The full policy (script-src without 'unsafe-eval'
 * included) is checked against the built bundle by `node scripts/test-pages.mjs --only=CSP`.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/define/conv-calculator.js';
import '../../src/define/kernel-viewer.js';
import '../../src/define/model-summary.js';
import '../../src/define/confusion-matrix.js';
import '../../src/define/feature-map.js';
import '../../src/define/digit-pad.js';
import '../../src/define/cnn-trainer.js';
import type { FeatureMap } from '../../src/components/feature-map/feature-map.js';
import type { DigitPad } from '../../src/components/digit-pad/digit-pad.js';
import type { ConfusionMatrix } from '../../src/components/confusion-matrix/confusion-matrix.js';
import { cleanup, fixture, settle } from '../helpers.js';

const frame = () => new Promise((r) => requestAnimationFrame(r));

describe('strict CSP: no style attributes', function () {
  this.timeout(60000);
  const violations: string[] = [];
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    const t = e.composedPath()[0] as Element | undefined;
    const host = (t?.getRootNode?.() as ShadowRoot | undefined)?.host?.localName ?? 'document';
    violations.push(`${e.violatedDirective} on <${t?.localName}> in <${host}>`);
  };

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src-attr 'none'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', onViolation, true);
  });
  after(() => document.removeEventListener('securitypolicyviolation', onViolation, true));
  afterEach(cleanup);

  it('the policy is in force (a style attribute is blocked)', async () => {
    const host = await fixture<HTMLDivElement>('<div></div>');
    host.setAttribute('style', 'width: 123px');
    await new Promise((r) => setTimeout(r, 50));
    expect(host.style.width).to.equal('');
    expect(violations.length).to.be.greaterThan(0);
    violations.length = 0;
  });

  it('every element renders with its sizes and colours, and causes no violation', async () => {
    const c = document.createElement('canvas');
    c.width = c.height = 12;
    c.getContext('2d')!.fillRect(3, 3, 6, 6);
    const host = await fixture<HTMLDivElement>(`<div>
      <conv-calculator></conv-calculator>
      <kernel-viewer></kernel-viewer>
      <model-summary model="alexnet"></model-summary>
      <confusion-matrix matrix="[[5,1],[2,7]]"></confusion-matrix>
      <feature-map src="${c.toDataURL()}" filters="sobel-x"></feature-map>
      <digit-pad></digit-pad>
      <cnn-trainer></cnn-trainer>
    </div>`);
    const fm = host.querySelector<FeatureMap>('feature-map')!;
    const pad = host.querySelector<DigitPad>('digit-pad')!;
    for (let i = 0; i < 600 && (!fm.maps || pad.status === 'loading'); i++) await frame();
    const px = new Float32Array(784);
    for (let i = 300; i < 500; i += 3) px[i] = 1;
    await pad.setPixels(px);
    for (const el of host.children) await settle(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(violations).to.deep.equal([]);
    // The CSSOM writes took effect: a grid has its size, a cell its colour, a bar its width.
    const kv = host.querySelector('kernel-viewer')!.shadowRoot!.querySelector<HTMLElement>('.grid')!;
    expect(kv.style.getPropertyValue('--rows')).to.equal('8'); // 6 + padding 1 on each side
    const cm = host
      .querySelector<ConfusionMatrix>('confusion-matrix')!
      .shadowRoot!.querySelector<HTMLElement>('button[part=cell]')!;
    expect(getComputedStyle(cm).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    const fill = pad.shadowRoot!.querySelector<HTMLElement>('.probs .fill')!;
    expect(fill.style.width).to.match(/%$/);
  });
});
