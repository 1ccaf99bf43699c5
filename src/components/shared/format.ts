/**
 * Every number an element shows, formatted one way: through `Intl.NumberFormat` (grouping and decimal marks
 * of the reader's locale once elements pass one; English by default, as every element shows today), with one
 * formatter per locale and style made once and reused (a formatter is costly to create, and a trainer formats
 * numbers hundreds of times a second).
 *
 * Why one module: the elements had three percent formatters and many `toFixed`s, which disagree on rounding and
 * grouping and print `NaN%` for a bad value. Here a value that is not a finite number is never printed: it
 * becomes `MISSING` ('—'), the same dash the elements already show for "undefined" (a precision with no
 * predictions).
 */

/** What is shown for a value that is not a finite number (or is `null`/`undefined`). */
export const MISSING = '—';

/** The locale used when none is given: what the elements have always shown. */
export const DEFAULT_LOCALE = 'en-US';

const cache = new Map<string, Intl.NumberFormat>();

/** The cached `Intl.NumberFormat` for a locale and options (an unknown locale falls back to the default). */
export function numberFormat(options: Intl.NumberFormatOptions, locale = DEFAULT_LOCALE): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      // A malformed language tag (a writer's `lang="en_US"`) must not break the element.
      f = new Intl.NumberFormat(DEFAULT_LOCALE, options);
    }
    cache.set(key, f);
  }
  return f;
}

/** A usable number, or null; `-0` (and a tiny negative that rounds to it) shows as 0, never as "-0". */
const finite = (x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x || 0 : null;

/** A whole number with grouping: `61100840` → `61,100,840` (rounded half away from zero). */
export function formatInteger(n: number | null | undefined, locale?: string): string {
  const v = finite(n);
  return v === null ? MISSING : numberFormat({ maximumFractionDigits: 0 }, locale).format(v);
}

/** A fraction as a percentage with `digits` decimals: `0.8` → `80.0%`. */
export function formatPercent(fraction: number | null | undefined, digits = 1, locale?: string): string {
  const v = finite(fraction);
  if (v === null) return MISSING;
  const f = numberFormat(
    { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits },
    locale,
  );
  return f.format(v);
}

/** A number with exactly `digits` decimals, like `toFixed` but grouped: `5 / 6` → `0.83`, `1234.5` → `1,234.50`. */
export function formatFixed(x: number | null | undefined, digits: number, locale?: string): string {
  const v = finite(x);
  if (v === null) return MISSING;
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }, locale).format(
    fixZero(v, digits),
  );
}

/**
 * A value in a small grid cell or a range (`<kernel-viewer>`'s pixels, weights and products, `<feature-map>`'s
 * value ranges): integers as they are and ungrouped (`12345`), others to at most 2 decimals, a true minus sign
 * (`−3`), never `-0`. A value that is not a finite number shows as `–`, the narrow dash those cells always had.
 */
export function formatValue(x: number, locale?: string): string {
  if (!Number.isFinite(x)) return '–';
  const r = Math.round(x * 100) / 100;
  // -0 (a negative weight times a 0) is written as 0, in the locale's digits like every other value. Arabic's
  // letter mark before a minus (U+061C, Intl's `ar`) goes: in a left-to-right formula it would put the minus on
  // the right of its number; in a right-to-left text the number reads the same without it.
  return numberFormat({ maximumFractionDigits: 2, useGrouping: false }, locale)
    .format(r || 0)
    .replace(/\u061c/g, '')
    .replace('-', '−');
}

/** Megabytes (10^6 bytes) as a number without the unit, for "1.2 of 11.3 MB": `11_300_000` → `11.3`. */
export function formatMegabytes(bytes: number | null | undefined, digits = 1, locale?: string): string {
  const v = finite(bytes);
  return v === null ? MISSING : formatFixed(v / 1e6, digits, locale);
}

/** A byte count with its unit, in powers of 1000 as download sizes are given: `163_000` → `163 KB`. */
export function formatBytes(bytes: number | null | undefined, locale?: string): string {
  const v = finite(bytes);
  if (v === null) return MISSING;
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let i = 0;
  let x = Math.abs(v);
  while (x >= 1000 && i < units.length - 1) {
    x /= 1000;
    i++;
  }
  const digits = i === 0 || x >= 100 ? 0 : 1;
  return `${formatFixed(Math.sign(v) * x, digits, locale)} ${units[i]}`;
}

/** A value that rounds to zero at `digits` decimals is zero: Intl would print `-0.00` for `-0.001`. */
const fixZero = (v: number, digits: number): number => (Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v);

type DurationFormatCtor = new (
  l: string,
  o: object,
) => { format(d: { hours?: number; minutes?: number; seconds?: number }): string };

/**
 * A duration in whole seconds, in the locale's short units: `1 min, 5 sec` (en), `1 Min., 5 Sek.` (de),
 * `1分5秒` (ja) — `Intl.DurationFormat` where the browser has it, else the units of `Intl.NumberFormat`.
 */
export function formatDuration(seconds: number | null | undefined, locale = DEFAULT_LOCALE): string {
  const v = finite(seconds);
  if (v === null || v < 0) return MISSING;
  const total = Math.round(v);
  const d = { hours: Math.floor(total / 3600), minutes: Math.floor(total / 60) % 60, seconds: total % 60 };
  const DF = (Intl as { DurationFormat?: DurationFormatCtor }).DurationFormat;
  if (DF) {
    try {
      return new DF(locale, { style: 'short' }).format(d);
    } catch {
      /* a malformed tag: the units below */
    }
  }
  const unit = (n: number, u: string) =>
    numberFormat({ style: 'unit', unit: u, unitDisplay: 'short' }, locale).format(n);
  const parts = [];
  if (d.hours) parts.push(unit(d.hours, 'hour'));
  if (d.minutes) parts.push(unit(d.minutes, 'minute'));
  if (d.seconds || !parts.length) parts.push(unit(d.seconds, 'second'));
  return parts.join(' ');
}
