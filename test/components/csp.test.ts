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
import { CnnTrainer, type TrainerSession } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { FallbackNote } from '../../src/engine/backend.js';
import type { TrainConfig } from '../../src/engine/training/config.js';
import { startTrainWorker } from '../../src/engine/worker/spawn.js';
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

/** A session that "starts" on cpu, on the page's thread, for the reasons a strict page gives (see test-pages). */
class PolicedSession extends EventTarget {
  state: TrainerSession['state'] = 'idle';
  backend: TrainerSession['backend'] = null;
  history = { batches: [], epochs: [] };
  testAccuracy = null;
  confusion = null;
  backendReport = {
    chosen: 'cpu' as const,
    reason: 'wasm was asked for but did not start (…); using cpu',
    candidates: [],
    lost: [],
    decisionMs: 1,
    fallback: {
      what: 'backend',
      wanted: 'wasm',
      used: 'cpu',
      cause: 'csp',
      message:
        "Training on the processor without WebAssembly (8× slower): this page's Content-Security-Policy " +
        "blocks WebAssembly — add 'wasm-unsafe-eval' to script-src.",
    } satisfies FallbackNote,
  };
  threadFallback: FallbackNote = {
    what: 'thread',
    wanted: 'worker',
    used: 'main',
    cause: 'csp',
    message:
      "Training on the page's own thread: this page's Content-Security-Policy does not allow Workers from " +
      'blob: — add worker-src blob: (or host the library on this site).',
  };
  async start() {
    this.backend = 'cpu';
    this.state = 'training';
    this.dispatchEvent(new CustomEvent('state', { detail: 'training' }));
    this.dispatchEvent(new CustomEvent('train-start', { detail: {} }));
  }
  pause() {}
  resume() {}
  stop() {}
  dispose() {}
}
class PolicedTrainer extends CnnTrainer {
  protected override async createSession(_config: TrainConfig): Promise<TrainerSession> {
    return new PolicedSession() as unknown as TrainerSession;
  }
}
customElements.define('policed-cnn-trainer', PolicedTrainer);

describe('<cnn-trainer> says every fallback a policy causes', () => {
  afterEach(cleanup);

  it('shows what it fell back to and why, in part="note" and in `fallbacks`', async () => {
    const el = await fixture<PolicedTrainer>('<policed-cnn-trainer></policed-cnn-trainer>');
    expect(el.shadowRoot!.querySelector('[part~=note]')).to.equal(null); // nothing to say before a run
    expect(el.fallbacks).to.deep.equal([]);
    await el.start();
    await settle(el);
    const note = el.shadowRoot!.querySelector<HTMLElement>('[part~=note]')!;
    const text = note.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Training on the processor without WebAssembly (8× slower)');
    expect(text).to.contain("add 'wasm-unsafe-eval' to script-src");
    expect(text).to.contain("Training on the page's own thread");
    expect(text).to.contain('add worker-src blob:');
    expect(note.checkVisibility()).to.equal(true);
    expect(el.fallbacks.map((f) => [f.what, f.used, f.cause])).to.deep.equal([
      ['backend', 'cpu', 'csp'],
      ['thread', 'main', 'csp'],
    ]);
    expect(el.backendReport?.reason).to.match(/^wasm was asked for/);
    // Said to a screen reader too, with the start.
    const live = el.shadowRoot!.querySelector('[data-testid=live]')!.textContent!;
    expect(live).to.contain('without WebAssembly');
  });
});

// LAST in this file: a meta CSP cannot be lifted, and Trusted Types refuse the helpers' innerHTML fixtures.
describe('Trusted Types required: the training worker still starts', function () {
  this.timeout(60000);
  const violations: string[] = [];
  const onViolation = (e: SecurityPolicyViolationEvent) =>
    violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`);

  before(function () {
    // Firefox ESR 140 (Debian bookworm's) has no Trusted Types: the policy would not be in force, nothing to test.
    if (!('trustedTypes' in window)) {
      console.warn('Trusted Types skipped: this browser has no window.trustedTypes');
      this.skip();
    }
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    // lit-html's own policy was made when lit loaded; 'allow-duplicates' for the copies test files import.
    meta.content =
      "require-trusted-types-for 'script'; trusted-types cnn-widgets lit-html 'allow-duplicates'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', onViolation, true);
  });
  after(() => document.removeEventListener('securitypolicyviolation', onViolation, true));

  it('the policy is in force (a plain string URL is refused)', async () => {
    const reported = new Promise((r) =>
      document.addEventListener('securitypolicyviolation', r, { once: true }),
    );
    expect(() => new Worker('data:text/javascript,', { type: 'module' })).to.throw(TypeError);
    await reported;
    violations.length = 0;
  });

  it('a module worker and a blob: worker start through the cnn-widgets policy, with no violation', async () => {
    const module = await startTrainWorker(30000, ['module']);
    module.worker.terminate();
    expect(module.how).to.equal('module');
    const blob = await startTrainWorker(30000, ['blob']);
    blob.worker.terminate();
    expect(blob.how).to.equal('blob');
    expect(violations, violations.join('\n')).to.deep.equal([]);
  });
});
