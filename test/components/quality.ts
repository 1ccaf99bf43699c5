/**
 * Shared checks for the quality bar every element must meet (issue 8): the bad-input matrix (every attribute
 * × empty, negative, zero, huge, fractional, non-numeric and — for JSON attributes — malformed JSON), no
 * `NaN`/`Infinity`/`undefined` ever shown or announced, and no uncaught error.
 */
import { expect } from '@esm-bundle/chai';
import { cleanup, fixture, settle } from '../helpers.js';

/** The kinds of bad value tried on every attribute, and the text used for each. */
export const BAD_VALUES = {
  empty: '',
  negative: '-3',
  zero: '0',
  huge: '1e9',
  fractional: '2.5',
  nonNumeric: 'abc',
  malformedJson: '[[1,2],[3',
} as const;
export type BadKind = keyof typeof BAD_VALUES;
const NUMERIC_KINDS: BadKind[] = ['empty', 'negative', 'zero', 'huge', 'fractional', 'nonNumeric'];

/** What a value must give: a message matching the RegExp, or `'ok'` (a valid value: no error at all). */
export type Outcome = RegExp | 'ok';
/** Per attribute, the outcome of every kind of bad value (every numeric kind is required; JSON ones add `malformedJson`). */
export type BadInputTable = Record<string, Partial<Record<BadKind, Outcome>>>;

/** Every text a reader can see or hear: text nodes plus accessible names and values in the shadow tree. */
export function everyText(el: Element): string {
  const root = el.shadowRoot;
  if (!root) return '';
  const parts = [root.textContent ?? ''];
  for (const n of root.querySelectorAll('*')) {
    for (const a of [
      'aria-label',
      'aria-valuetext',
      'aria-valuenow',
      'title',
      'alt',
      'placeholder',
      'value',
    ]) {
      // An option's value is code (`cooldown`), never shown: its text is.
      if (a === 'value' && n.localName === 'option') continue;
      const v = n.getAttribute(a);
      if (v !== null) parts.push(v);
    }
  }
  return parts.join('\n');
}

/** Fails if anything shown or announced contains NaN, Infinity or undefined. */
export function expectNoBadNumbers(el: Element): void {
  const bad = everyText(el).match(/.{0,40}\b(NaN|Infinity|undefined|null)\b.{0,40}/);
  expect(bad?.[0] ?? null, 'NaN/Infinity/undefined/null shown or announced').to.equal(null);
}

/** Collects uncaught errors and unhandled rejections while `run` runs (and a tick after). */
export async function withoutUncaught(run: () => Promise<void>): Promise<void> {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    await new Promise((r) => setTimeout(r, 0));
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  expect(errors).to.deep.equal([]);
}

/** `base` markup attributes minus `attr` (the attribute under test must not be given twice). */
const withoutAttr = (base: string, attr: string) => base.replace(new RegExp(`(^|\\s)${attr}="[^"]*"`), ' ');

/**
 * Declares one test per attribute × kind of bad value. Each mounts `<tag base attr="value">`, waits for
 * `ready` (default: one render), and checks the outcome, the alert region, the absence of NaN & co, and that
 * nothing was thrown. The table must cover every numeric kind for every attribute (a missing one fails).
 */
export function describeBadInput(
  tag: string,
  table: BadInputTable,
  opts: {
    base?: string;
    json?: string[];
    ready?: (el: HTMLElement & { error: string | null }) => Promise<void>;
  } = {},
): void {
  describe(`bad input matrix <${tag}>`, () => {
    afterEach(cleanup);
    for (const [attr, outcomes] of Object.entries(table)) {
      const kinds = opts.json?.includes(attr) ? [...NUMERIC_KINDS, 'malformedJson' as const] : NUMERIC_KINDS;
      it(`${attr}: covers every kind of bad value`, () => {
        expect(kinds.filter((k) => !(k in outcomes))).to.deep.equal([]);
      });
      for (const kind of kinds) {
        const outcome = outcomes[kind];
        if (!outcome) continue;
        const value = BAD_VALUES[kind];
        it(`${attr}="${value}" (${kind}) → ${outcome === 'ok' ? 'accepted' : 'a clear message'}`, async () => {
          await withoutUncaught(async () => {
            const el = await fixture<HTMLElement & { error: string | null }>(
              `<${tag} ${withoutAttr(opts.base ?? '', attr)} ${attr}="${value}"></${tag}>`,
            );
            if (opts.ready) await opts.ready(el);
            await settle(el);
            const region = el.shadowRoot!.querySelector('[part=error]')!;
            expect(region.getAttribute('role')).to.equal('alert');
            if (outcome === 'ok') {
              expect(el.error).to.equal(null);
              expect(region.textContent!.trim()).to.equal('');
            } else {
              expect(el.error).to.match(outcome);
              expect(region.textContent).to.contain(el.error!);
              expect(el.error!.length).to.be.lessThan(300); // short, not a dump
            }
            expectNoBadNumbers(el);
          });
        });
      }
    }
  });
}

/** Fails unless every focusable control in the shadow tree shows a visible focus indicator when focused. */
export async function expectVisibleFocus(el: HTMLElement): Promise<void> {
  const root = el.shadowRoot!;
  const controls = [
    ...root.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]'),
  ].filter(
    (c) =>
      !(c as HTMLButtonElement).disabled && c.getAttribute('tabindex') !== '-1' && c.offsetParent !== null,
  );
  expect(controls.length, 'focusable controls').to.be.greaterThan(0);
  const invisible: string[] = [];
  for (const c of controls) {
    c.focus();
    await settle(el);
    const s = getComputedStyle(c);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
    if (!outline && s.boxShadow === 'none') invisible.push(c.outerHTML.slice(0, 80));
    c.blur();
  }
  expect(invisible, 'controls without a visible focus indicator').to.deep.equal([]);
}
