/**
 * What English an element still shows in another language: every word (4 letters or more) of every English
 * term, except the words the language's own table uses too (Kernel, Padding, Pooling…), found in the element's
 * text and aria text; what is code (addresses, attribute and argument names, tensor names) is not looked at.
 * The one check of locales.test.ts, locales-feature-map.test.ts and translations.test.ts.
 */
import { translations } from '../../src/translations/index.js';
import { messageFormats } from '../../src/engine/messages.js';
import { everyText } from './quality.js';

const en = translations.en as unknown as Record<string, unknown>;

/** What a term says with stand-in values. */
export const fill = (term: unknown, lang: string): string =>
  typeof term === 'string'
    ? term
    : (term as (p: unknown, f: unknown) => string)(new Proxy({}, { get: () => 7 }), messageFormats(lang));
const words = (text: string) => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

const cache = new Map<string, Set<string>>();

/** The English words an element in a language (`table`: that language's complete table) must not show. */
export function englishWords(table: Record<string, unknown>): Set<string> {
  const code = String(table['$code']);
  let out = cache.get(code);
  if (out) return out;
  const own = new Set(Object.values(table).flatMap((t) => words(fill(t, code))));
  out = new Set<string>();
  for (const [k, t] of Object.entries(en)) {
    if (k.startsWith('$')) continue;
    for (const w of words(fill(t, 'en'))) if (!own.has(w)) out.add(w);
  }
  cache.set(code, out);
  return out;
}

/**
 * The English words shown or announced by `el`, each with a little context. `own`: what the writer wrote (an
 * address, a key), shown as written.
 */
export function englishLeft(el: Element, table: Record<string, unknown>, own: string[] = []): string[] {
  const bad = englishWords(table);
  let text = everyText(el);
  for (const o of own) text = text.replaceAll(o, '');
  // Addresses and attribute names are code, the same in every language (`…/dataset.json`, `weights-src`).
  text = text
    .replace(/\bhttps?:\/\/[^\s)）：，,]+/g, '')
    .replace(/\b[a-z]+-src\b/g, '')
    // PyTorch's argument names, as written or suggested (`kernel_size`, `"stride"`), are code too.
    .replace(/\b[a-z]+(?:_[a-z]+)+\b/g, '')
    .replace(/["«]\s?[a-z_]+\s?["»]/g, '')
    // Tensor names (`fc1.bias`, `conv1.weight`) are PyTorch's state-dict keys: code.
    .replace(/\b[a-z][a-z0-9_]*\.(?:weight|bias)\b/g, '');
  const found: string[] = [];
  for (const m of text.matchAll(/\p{L}{4,}/gu))
    if (bad.has(m[0].toLowerCase()))
      found.push(
        `"${m[0]}" in …${text.slice(Math.max(0, m.index - 30), m.index + 30).replace(/\s+/g, ' ')}…`,
      );
  return found;
}
