/**
 * Motion under control (WCAG 2.2.2, 2.3.3): under `prefers-reduced-motion: reduce` (emulated in the browser)
 * nothing plays or animates by itself, and what moves has a visible Pause.
 */
import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define/kernel-viewer.js';
import '../../src/define/digit-pad.js';
import '../../src/define/cnn-trainer.js';
import type { KernelViewer } from '../../src/components/kernel-viewer/kernel-viewer.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import { prefersReducedMotion } from '../../src/components/shared/motion.js';
import { loadTranslation } from '../../src/components/shared/localize.js';
import { cleanup, fixture, settle } from '../helpers.js';
import { FakeSession, fakeTrainer } from './fake-trainer.js';

/** A session that only says it trains (the trainer's Pause is what is looked at). */
class StillSession extends FakeSession {
  override backend: FakeSession['backend'] = 'cpu';
  override async start() {
    this.set('training');
    this.fire('train-start', {});
  }
  override stop() {
    this.set('done');
  }
}
fakeTrainer('motion-cnn-trainer', (config) => new StillSession(config));

/**
 * The reader's wish, set in the browser (`emulateMedia`, where the browser is driven over CDP: Chromium), else
 * through a `matchMedia` stand-in that motion.ts reads (Firefox and WebKit, driven over WebDriver). `emulated`
 * says which: CSS `@media` follows only a real emulation.
 */
let emulated = true;
const realMatchMedia = window.matchMedia.bind(window);
const standIn = Object.assign(new EventTarget(), {
  matches: false,
  media: '(prefers-reduced-motion: reduce)',
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
});
async function setReducedMotion(on: boolean) {
  try {
    await emulateMedia({ reducedMotion: on ? 'reduce' : 'no-preference' });
    emulated = true;
    return;
  } catch {
    emulated = false;
  }
  window.matchMedia = (q: string) =>
    /prefers-reduced-motion/.test(q) ? (standIn as unknown as MediaQueryList) : realMatchMedia(q);
  if (standIn.matches === on) return;
  standIn.matches = on;
  standIn.dispatchEvent(Object.assign(new Event('change'), { matches: on, media: standIn.media }));
}

/** Whether `node`'s shadow root has a `@media (prefers-reduced-motion: reduce)` rule that stops its transitions. */
function reduceRuleStops(node: Element): boolean {
  const root = node.getRootNode() as ShadowRoot;
  const sheets = [...root.adoptedStyleSheets, ...[...root.styleSheets]];
  return sheets.some((sheet) =>
    [...sheet.cssRules].some(
      (r) =>
        r instanceof CSSMediaRule &&
        /prefers-reduced-motion:\s*reduce/.test(r.conditionText ?? r.media.mediaText) &&
        [...r.cssRules].some(
          (x) =>
            x instanceof CSSStyleRule &&
            node.matches(x.selectorText) &&
            /^(none|0s)/.test(x.style.getPropertyValue('transition') || x.style.transitionDuration),
        ),
    ),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The Play / Pause button (the one with aria-pressed). */
const playButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
const visible = (b: Element) => {
  const r = b.getBoundingClientRect();
  return r.width > 10 && r.height > 10 && getComputedStyle(b).visibility !== 'hidden';
};
/** The longest transition or animation of `sel` in `el`'s shadow root, in seconds. */
const motionOf = (el: Element, sel: string) => {
  const node = el.shadowRoot!.querySelector(sel);
  expect(node, sel).to.exist;
  const cs = getComputedStyle(node!);
  const secs = (v: string) => Math.max(...v.split(',').map((x) => parseFloat(x) || 0));
  return Math.max(secs(cs.transitionDuration), secs(cs.animationDuration));
};

describe('motion under prefers-reduced-motion', () => {
  afterEach(async () => {
    cleanup();
    await setReducedMotion(false);
  });

  it('the emulation reaches the page (what the elements read through motion.ts)', async () => {
    await setReducedMotion(true);
    expect(prefersReducedMotion()).to.equal(true);
    await setReducedMotion(false);
    expect(prefersReducedMotion()).to.equal(false);
  });

  it('kernel-viewer autoplay plays with no preference, and shows a visible Pause', async () => {
    const el = await fixture<KernelViewer>('<kernel-viewer autoplay></kernel-viewer>');
    await settle(el);
    expect(el.playing).to.equal(true);
    const b = playButton(el);
    expect(visible(b)).to.equal(true);
    expect(b.textContent!.trim()).to.equal('Pause');
    expect(b.getAttribute('aria-pressed')).to.equal('true');
    b.click();
    await settle(el);
    expect(el.playing).to.equal(false);
    expect(b.textContent!.trim()).to.equal('Play');
  });

  it('kernel-viewer autoplay does not play under reduce; Play (visible) starts it, Pause stops it', async () => {
    await setReducedMotion(true);
    const el = await fixture<KernelViewer>('<kernel-viewer autoplay></kernel-viewer>');
    await settle(el);
    await sleep(900); // longer than one step of play
    expect(el.playing).to.equal(false);
    expect(el.step).to.equal(0);
    const b = playButton(el);
    expect(visible(b)).to.equal(true);
    expect(b.textContent!.trim()).to.equal('Play');
    b.click(); // what the reader starts still moves
    await settle(el);
    expect(el.playing).to.equal(true);
    expect(b.textContent!.trim()).to.equal('Pause');
    b.click();
    await settle(el);
    expect(el.playing).to.equal(false);
  });

  it('kernel-viewer stops playing when the reader turns reduced motion on', async () => {
    const el = await fixture<KernelViewer>('<kernel-viewer autoplay></kernel-viewer>');
    await settle(el);
    expect(el.playing).to.equal(true);
    await setReducedMotion(true);
    for (let i = 0; i < 20 && el.playing; i++) await sleep(25);
    expect(el.playing).to.equal(false);
    await settle(el);
    expect(playButton(el).textContent!.trim()).to.equal('Play');
  });

  it('no transition runs under reduce: kernel-viewer’s window, the trainer’s progress bar, the pad’s bars', async () => {
    const viewer = await fixture<KernelViewer>('<kernel-viewer></kernel-viewer>');
    const trainer = await fixture<CnnTrainer>('<motion-cnn-trainer></motion-cnn-trainer>');
    const pad = await fixture<HTMLElement>('<digit-pad></digit-pad>');
    await settle(viewer);
    await settle(trainer);
    await settle(pad);
    const nodes: [Element, string][] = [
      [viewer, '[part~=window]'],
      [trainer, '.fill'],
      [pad, '.fill'],
    ];
    const all = () => nodes.map(([el, sel]) => motionOf(el, sel));
    // They do move with no preference (else this test could not fail) …
    for (const s of all()) expect(s).to.be.greaterThan(0);
    await setReducedMotion(true);
    if (emulated)
      expect(all()).to.deep.equal([0, 0, 0]); // … and not at all under reduce
    else
      // No emulation in this browser: CSS cannot be told, so each has the rule that stops it under reduce.
      for (const [el, sel] of nodes)
        expect(reduceRuleStops(el.shadowRoot!.querySelector(sel)!), sel).to.equal(true);
  });

  it('an autostart trainer starts by itself with no preference; under reduce it waits for Start and says why', async () => {
    await loadTranslation('de');
    const eager = await fixture<CnnTrainer>('<motion-cnn-trainer autostart></motion-cnn-trainer>');
    await settle(eager);
    expect(eager.state).to.equal('training');
    cleanup();
    await setReducedMotion(true);
    for (const lang of ['en', 'de']) {
      const el = await fixture<CnnTrainer>(
        `<motion-cnn-trainer lang="${lang}" autostart></motion-cnn-trainer>`,
      );
      await settle(el);
      await sleep(100);
      expect(el.state, 'nothing started by itself').to.equal('idle');
      const note = () =>
        el.shadowRoot!.querySelector('[data-testid=note]')?.textContent?.replace(/\s+/g, ' ') ?? '';
      expect(note()).to.contain(lang === 'de' ? 'weniger Bewegung' : 'reduced motion');
      const start = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=start]')!;
      expect(visible(start), 'Start is there to press').to.equal(true);
      expect(start.disabled).to.equal(false);
      start.click(); // what the reader starts still runs
      await settle(el);
      expect(el.state).to.equal('training');
      expect(note(), 'the note goes once it trains').not.to.contain(lang === 'de' ? 'Bewegung' : 'motion');
      cleanup();
    }
  });

  it('a training run (its curves move as it trains) has a visible Pause, under reduce too', async () => {
    await setReducedMotion(true);
    const el = await fixture<CnnTrainer>('<motion-cnn-trainer></motion-cnn-trainer>');
    await el.start();
    await settle(el);
    expect(el.state).to.equal('training');
    const pause = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=pause]')!;
    expect(visible(pause)).to.equal(true);
    expect(pause.disabled).to.equal(false);
    pause.click();
    await settle(el);
    expect(el.state).to.equal('paused');
  });
});
