/**
 * What the shipped tables' templates (translations/<lang>/*.ts) share: a count written as a whole number, the
 * word a count takes, and the options for one or two decimals. Each is given the template's `f` (the table's own
 * locale), so `int(f, 60000)` is `60.000` in German and `60 000` in French.
 */
import type { MessageFormats } from '../engine/messages.js';

/** `n` as a whole number, grouped the locale's way. */
export const int = (f: Pick<MessageFormats, 'number'>, n: number) =>
  f.number(n, { maximumFractionDigits: 0 });

/** `a` where `n` takes the singular in the locale (Intl.PluralRules), else `b`. */
export const one = (f: Pick<MessageFormats, 'plural'>, n: number, a: string, b: string) =>
  f.plural(n) === 'one' ? a : b;

/** `f.number(x, dec)`: one decimal; `dec2`: two. */
export const dec = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
export const dec2 = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
