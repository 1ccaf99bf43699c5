/**
 * Messages the engine gives a reader, as data: which message (`key`) and its values (`params`), beside the
 * English text. The engine has no DOM and no idea of the page's language; an element that shows a message
 * looks its key up in the reader's translation table (components/shared/localize.ts) and falls back to `text`.
 *
 * Why data and not sentences: `Linear(200, 128) receives 250 features here (10×5×5)` must read as
 * `Linear(200, 128) erhält hier 250 Merkmale (10×5×5)` on a German page, with the numbers in their places.
 * Only a key and named values can be said again in another language; a finished sentence cannot.
 *
 * Each engine area keeps its English in a table next to its code (`CONV_MATH_MESSAGES` in conv-math.ts …):
 * one function per key, `(params, f) => string`, where `f` formats numbers. That table is ALSO the English
 * translation table (`translations.en` spreads it), so every English sentence is written once.
 */

/** A value a message names: a number (formatted in the reader's locale), a text, or another message. */
export type MessageValue = string | number | Message;

/** A message: its key in the translation tables, its named values, and its English text. */
export interface Message {
  readonly key: string;
  readonly params: Readonly<Record<string, MessageValue>>;
  /** The English sentence (what `translations.en` says), for logs, tests and readers of the engine's API. */
  readonly text: string;
}

/** How a message's template formats numbers: in the table's own locale (the engine's English: en-US). */
export interface MessageFormats {
  /** A number as the locale writes it, grouped: `61100840` → `61,100,840` (en), `61.100.840` (de). */
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** A fraction as a percentage: `0.981` → `98.1%` (en), `98,1 %` (de). */
  percent(fraction: number, digits?: number): string;
  /** Items joined as the locale lists them: `a, b and c` (en), `a, b und c` (de), `a、b和c` (zh). */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** The plural category of `n` in the locale (`one`, `other`, …; Intl.PluralRules). */
  plural(n: number): Intl.LDMLPluralRule;
}

/** A template: a message's values (nested messages already said in the same language) → the sentence. */
export type MessageTemplate<P> = (params: P, f: MessageFormats) => string;

/** The params a template takes, where a text may also be given as a (nested) message. */
export type MessageInput<P> = { [K in keyof P]: P[K] extends string ? string | Message : P[K] };

/** Formats in a locale, each formatter made once. Shared by the engine's English and the elements' tables. */
export function messageFormats(locale: string): MessageFormats {
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (o: Intl.NumberFormatOptions = {}) => {
    const k = JSON.stringify(o);
    let f = cache.get(k);
    if (!f)
      cache.set(
        k,
        (f = safe(
          () => new Intl.NumberFormat(locale, o),
          () => new Intl.NumberFormat('en-US', o),
        )),
      );
    return f;
  };
  let rules: Intl.PluralRules | undefined;
  const lists = new Map<string, { format(items: readonly string[]): string }>();
  return {
    number: (n, o) => (Number.isFinite(n) ? nf(o).format(n || 0) : '—'),
    percent: (x, d = 1) =>
      Number.isFinite(x)
        ? nf({ style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }).format(x || 0)
        : '—',
    list: (items, type = 'conjunction') => {
      let l = lists.get(type);
      if (!l) {
        const LF = (
          Intl as { ListFormat?: new (l: string, o: object) => { format(i: readonly string[]): string } }
        ).ListFormat;
        l = LF
          ? safe(
              () => new LF(locale, { type }),
              () => new LF('en-US', { type }),
            )
          : { format: (i: readonly string[]) => i.join(', ') };
        lists.set(type, l);
      }
      return l.format(items);
    },
    plural: (n) =>
      (rules ??= safe(
        () => new Intl.PluralRules(locale),
        () => new Intl.PluralRules('en-US'),
      )).select(n),
  };
}

/** A malformed language tag (`lang="en_US"`) must not break anything: the second choice then. */
function safe<T>(make: () => T, fallback: () => T): T {
  try {
    return make();
  } catch {
    return fallback();
  }
}

/** The engine's own formats: English as the lesson writes it (5,000,000). */
export const ENGLISH_FORMATS: MessageFormats = messageFormats('en-US');

/** A table of messages: a plain sentence, or a template of named values. */
export type MessageTable = Record<string, string | MessageTemplate<never>>;

/** The values `message(table, key, …)` takes for a key: none for a sentence or a template without values. */
export type MessageArgs<T> =
  T extends MessageTemplate<infer P> ? (keyof P extends never ? [] : [params: MessageInput<P>]) : [];

/**
 * Makes a message of `table[key]` with `params`: the key and values for the reader's language, and the English
 * text now (nested messages by their English). Typed: the key must be in the table, the values its template's.
 */
export function message<T extends MessageTable, K extends keyof T & string>(
  table: T,
  key: K,
  ...params: MessageArgs<T[K]>
): Message {
  const p = (params[0] ?? {}) as Record<string, MessageValue>;
  const plain: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) plain[k] = typeof v === 'object' ? v.text : v;
  const t = table[key] as string | MessageTemplate<Record<string, string | number>>;
  return { key, params: p, text: typeof t === 'string' ? t : t(plain, ENGLISH_FORMATS) };
}

/** `message` bound to one table: `const say = messagesOf(TABLE); say('key', { … })`. */
export function messagesOf<T extends MessageTable>(table: T) {
  return <K extends keyof T & string>(key: K, ...params: MessageArgs<T[K]>): Message =>
    message(table, key, ...params);
}

/** An engine failure that carries its message: `.message` is the English text, `.detail` the key and values. */
export class MessageError extends Error {
  constructor(
    readonly detail: Message,
    options?: { cause?: unknown },
  ) {
    super(detail.text, options);
    this.name = 'MessageError';
  }
}

/**
 * `error` carrying its message as `detail` (as a `MessageError` does), for a failure that must stay its own kind
 * (a RangeError, a not-retryable Error); with no message it is returned as it is.
 */
export function withDetail<E extends Error>(error: E, detail: Message | undefined): E & { detail?: Message } {
  return detail ? Object.assign(error, { detail }) : error;
}

/** Whether a value is a `Message` (e.g. carried on a failure or posted from the training Worker). */
export function isMessage(v: unknown): v is Message {
  const m = v as Partial<Message> | null;
  return typeof m === 'object' && m !== null && typeof m.key === 'string' && typeof m.text === 'string';
}

/** The message a failure carries (a `MessageError`, or any error with a `detail` message), else `null`. */
export function messageOf(e: unknown): Message | null {
  const d = (e as { detail?: unknown } | null)?.detail;
  return isMessage(d) ? d : isMessage(e) ? e : null;
}
