/**
 * Localisation, in the pattern of Shoelace / Web Awesome's `localize`: every string an element shows comes from
 * a translation table picked by the element's language, tables are registered with `registerTranslation`, and
 * numbers go through `Intl` in the same locale. Written for this library (no dependency), with three changes:
 *
 * - The language is the NEAREST `lang` (the element's own, else an ancestor's, across shadow roots, else
 *   `<html lang>`), and English when none is set: a page's widgets speak the page's language, never the
 *   browser's guess.
 * - A table may be partial: each key falls back on its own — the exact tag (`de-CH`), its language (`de`),
 *   another table of that language (`zh-TW` → `zh-CN`), then English.
 * - The shipped tables (es, fr, de, zh-CN, ja) are loaded on first need with `import()`, so they cost a page
 *   nothing until an element is asked to speak one; `import 'cnn-widgets/translations/de.js'` (or
 *   `loadTranslation('de')`) loads one up front.
 *
 * English is never loaded: each element brings its own English (its constructor passes it to the controller),
 * and the engine's messages carry theirs (`Message.text`). The registry lives on `globalThis`, so two copies
 * of the library on a page share one set of tables and both follow a change of `<html lang>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isMessage, messageFormats, type Message, type MessageFormats } from '../../engine/messages.js';

/** A term: a text, or a template of named values (`(p, f) => …`, `f` formatting numbers in the locale). */
export type Term = string | ((params: never, f: MessageFormats) => string);
/** A set of terms by key. */
export type Terms = Record<string, Term>;

/** A translation table: its language tag, its name in that language, its writing direction, and terms. */
export interface Translation {
  /** BCP 47 language tag: `de`, `zh-CN`, `en-GB`. */
  $code: string;
  /** The language's own name: `Deutsch`, `中文（简体）`. */
  $name: string;
  /** Writing direction. */
  $dir: 'ltr' | 'rtl';
  [key: string]: Term;
}

/** The values a term takes (none for a plain text). */
export type TermParams<T> = T extends (params: infer P, f: MessageFormats) => string ? [params: P] : [];

/** The shipped tables, loaded on first need. Keys are lower-case primary language codes. */
const SHIPPED: Record<string, { code: string; load: () => Promise<unknown> }> = {
  es: { code: 'es', load: () => import('../../translations/es.js') },
  fr: { code: 'fr', load: () => import('../../translations/fr.js') },
  de: { code: 'de', load: () => import('../../translations/de.js') },
  zh: { code: 'zh-CN', load: () => import('../../translations/zh-CN.js') },
  ja: { code: 'ja', load: () => import('../../translations/ja.js') },
};

interface Host extends ReactiveControllerHost, HTMLElement {}

/** The page-wide state: on `globalThis`, so that every copy of the library shares it. */
interface Registry {
  /** Tables by lower-case code; a second registration of a code merges into the first. */
  tables: Map<string, Translation>;
  /** Connected elements, updated when a table arrives or a `lang` / `dir` changes. */
  hosts: Set<Host>;
  /** Bumped by each registration (invalidates the chains cached per language). */
  version: number;
  /** Shipped tables being (or already) loaded, by primary code. */
  loading: Map<string, Promise<void>>;
  observer: MutationObserver | null;
}

const KEY = Symbol.for('cnn-widgets.localize');
const registry = (): Registry =>
  ((globalThis as Record<symbol, Registry | undefined>)[KEY] ??= {
    tables: new Map(),
    hosts: new Set(),
    version: 0,
    loading: new Map(),
    observer: null,
  });

/** Every connected element updates (a table arrived, a language or direction changed). */
function updateAll(): void {
  for (const host of registry().hosts) host.requestUpdate();
}

/**
 * Adds translation tables, or changes some terms of one already there: a table for a code that is registered
 * merges into it key by key (so `{ $code: 'en', 'trainer.start': 'Go' }` rewords one English button). Every
 * element on the page re-renders in its language.
 */
export function registerTranslation(...translations: Partial<Translation>[]): void {
  for (const t of translations) add(t, false);
}

/**
 * Like `registerTranslation`, but under any terms already registered for the code: a shipped table arriving
 * late never overwrites a writer's own wording.
 */
export const registerShippedTranslation = (t: Translation): void => add(t, true);

function add(t: Partial<Translation>, shipped: boolean): void {
  if (typeof t?.$code !== 'string' || !t.$code) return;
  const reg = registry();
  const code = t.$code.toLowerCase();
  const old = reg.tables.get(code) ?? { $name: t.$code, $dir: 'ltr' };
  reg.tables.set(code, (shipped ? { ...t, ...old } : { ...old, ...t }) as Translation);
  // A shipped table loaded by an import of its module: no element needs to load it again.
  const primary = code.split('-')[0]!;
  if (shipped && !reg.loading.has(primary)) reg.loading.set(primary, Promise.resolve());
  reg.version++;
  updateAll();
}

/**
 * Loads a shipped translation (`es`, `fr`, `de`, `zh-CN`, `ja`, or a tag of one of those languages such as
 * `de-AT`) and registers it; resolves when its elements can speak it. A language that is not shipped (or
 * English) resolves at once. Elements call it themselves when their language needs it.
 */
export function loadTranslation(lang: string): Promise<void> {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const shipped = SHIPPED[primary];
  const reg = registry();
  if (!shipped) return Promise.resolve();
  let p = reg.loading.get(primary);
  if (!p) {
    p = shipped.load().then(
      () => undefined,
      (e: unknown) => {
        reg.loading.delete(primary); // a failed download may be retried by the next element that needs it
        console.warn(`[cnn-widgets] no ${shipped.code} translation: showing English`, e);
      },
    );
    reg.loading.set(primary, p);
  }
  return p;
}

/** The tables that speak `lang`, most specific first; English overrides last. */
function chain(lang: string): Translation[] {
  const { tables } = registry();
  const code = lang.toLowerCase();
  const primary = code.split('-')[0]!;
  const out: Translation[] = [];
  const add = (t: Translation | undefined) => t && !out.includes(t) && out.push(t);
  add(tables.get(code));
  add(tables.get(primary));
  for (const [c, t] of tables) if (c.split('-')[0] === primary) add(t);
  add(tables.get('en'));
  return out;
}

/** Formats per locale, made once (a trainer formats numbers hundreds of times a second). */
const formatsCache = new Map<string, MessageFormats>();
const formatsFor = (lang: string): MessageFormats => {
  let f = formatsCache.get(lang);
  if (!f) formatsCache.set(lang, (f = messageFormats(lang)));
  return f;
};

/** The nearest value of an attribute on the element or its ancestors, across shadow roots. */
function nearest(el: Element, attr: 'lang' | 'dir'): string | null {
  for (let n: Node | null = el; n;) {
    if (n instanceof Element) {
      const v = n.getAttribute(attr);
      if (v !== null && v !== '' && !(attr === 'dir' && v === 'auto')) return v;
      n = n.assignedSlot ?? n.parentNode;
    } else n = n instanceof ShadowRoot ? n.host : n.parentNode;
  }
  return null;
}

/**
 * `:host { direction: rtl }`, adopted by the shadow root of an element whose direction is right-to-left but
 * comes from its language's table (`$dir`), not from a `dir` attribute the page's layout already follows.
 * Made on first need (one sheet for every element); `null` where constructable sheets are missing.
 */
let rtlSheet: CSSStyleSheet | null | undefined;
function rtlStyles(): CSSStyleSheet | null {
  if (rtlSheet !== undefined) return rtlSheet;
  try {
    rtlSheet = new CSSStyleSheet();
    rtlSheet.replaceSync(':host { direction: rtl; }');
  } catch {
    rtlSheet = null;
  }
  return rtlSheet;
}

/**
 * One element's localisation: add it in the constructor with the element's English terms,
 * `localize = new LocalizeController(this, EN)`, then `this.localize.term('key', { …values })`,
 * `this.localize.say(message)`, `this.localize.percent(0.98)` in `render()`. It re-renders the element when its
 * language's table arrives and when a `lang` or `dir` changes on the page.
 */
export class LocalizeController<T extends Terms = Terms> implements ReactiveController {
  private _lang = 'en';
  private _dir: 'ltr' | 'rtl' = 'ltr';
  private tables: Translation[] = [];
  private version = -1;

  constructor(
    private readonly host: Host,
    /** The element's own English: the last fallback of every key. */
    private readonly english: T,
  ) {
    host.addController(this);
  }

  /** The language tag in use (`de-CH`: the element's nearest `lang`, else `en`), for `Intl` and `lang=`. */
  get lang(): string {
    return this._lang;
  }

  /** The writing direction: the nearest `dir`, else the language's table's. */
  get dir(): 'ltr' | 'rtl' {
    return this._dir;
  }

  hostConnected(): void {
    const reg = registry();
    reg.hosts.add(this.host);
    if (typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
      const filter = { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] };
      if (!reg.observer) {
        reg.observer = new MutationObserver(updateAll);
        reg.observer.observe(document.documentElement, filter);
      }
      // Inside another element's shadow root, a `lang` there is not seen from the document.
      const root = this.host.getRootNode();
      if (root instanceof ShadowRoot) reg.observer.observe(root, filter);
      reg.observer.observe(this.host, { attributes: true, attributeFilter: ['lang', 'dir'] });
    }
    this.resolve();
  }

  hostDisconnected(): void {
    registry().hosts.delete(this.host);
  }

  /** Before each render: the language may have changed (a `lang` attribute, a table registered). */
  hostUpdate(): void {
    this.resolve();
  }

  private resolve(): void {
    let lang = nearest(this.host, 'lang') ?? 'en';
    try {
      lang = Intl.getCanonicalLocales(lang)[0] ?? 'en';
    } catch {
      lang = 'en'; // `lang="en_US"` and the like: not a language tag
    }
    const reg = registry();
    if (lang !== this._lang || this.version !== reg.version) {
      this._lang = lang;
      this.version = reg.version;
      this.tables = chain(lang);
      const primary = lang.toLowerCase().split('-')[0]!;
      if (SHIPPED[primary] && !reg.loading.has(primary)) void loadTranslation(lang);
    }
    const dir = nearest(this.host, 'dir');
    this._dir = dir === 'rtl' || dir === 'ltr' ? dir : (this.tables[0]?.$dir ?? 'ltr');
    this.applyDir(dir === null && this._dir === 'rtl');
  }

  /**
   * Lays the element out right-to-left when its language's table says so and no `dir` on the page says
   * otherwise (`<p lang="ar">` without `dir`): its shadow root adopts `:host { direction: rtl }`. A `dir`
   * attribute needs nothing: CSS `direction` inherits into the shadow tree.
   */
  private applyDir(rtl: boolean): void {
    const root = this.host.shadowRoot;
    if (!root || !('adoptedStyleSheets' in root)) return;
    const sheet = rtlStyles();
    if (!sheet) return;
    const has = root.adoptedStyleSheets.includes(sheet);
    if (rtl && !has) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    else if (!rtl && has) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((x) => x !== sheet);
  }

  /**
   * A formula inside a sentence (`3 × 320 × 320`, `5×5, P2`), kept left to right in a right-to-left text as the
   * lesson writes it: a left-to-right isolate (LRI…PDI says it; FSI…PDI would guess) holding a left-to-right
   * override (LRO…PDF), since the bidi algorithm would still lay Arabic-Indic digits and their operators out
   * right to left inside a mere isolate. Unchanged otherwise.
   */
  ltr(s: string): string {
    return this._dir === 'rtl' ? `\u2066\u202d${s}\u202c\u2069` : s;
  }

  /** The term in the element's language; a template is filled with `params`. */
  term<K extends keyof T & string>(key: K, ...params: TermParams<T[K]>): string {
    return this.fill(this.find(key) ?? this.english[key], params[0]);
  }

  /** Says an engine message in the element's language (its English text when no table has its key). */
  say(m: Message | string | null | undefined): string {
    if (m === null || m === undefined) return '';
    if (typeof m === 'string') return m;
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(m.params)) params[k] = isMessage(v) ? this.say(v) : v;
    const t = this.find(m.key) ?? this.english[m.key];
    return t === undefined ? m.text : this.fill(t, params);
  }

  private find(key: string): Term | undefined {
    for (const t of this.tables) if (Object.hasOwn(t, key)) return t[key];
    return undefined;
  }

  private fill(t: Term | undefined, params: unknown): string {
    if (t === undefined) return '';
    if (typeof t === 'string') return t;
    try {
      return (t as (p: unknown, f: MessageFormats) => string)(params ?? {}, this.formats);
    } catch {
      return ''; // a writer's template that throws must not break the element
    }
  }

  /** Number formats of the element's language (what templates receive as `f`). */
  get formats(): MessageFormats {
    return formatsFor(this._lang);
  }
}
