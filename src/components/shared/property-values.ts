/**
 * One normaliser for every public property of every element.
 *
 * Why: frameworks set properties, not attributes. React 19, Vue and Svelte pass `epochs="1"` to a custom element
 * as `el.epochs = "1"`, and a writer's script may hand us `null`, an array or a Symbol. A value must mean the same
 * whichever door it came through:
 *
 * - the attribute's **string form** (`"2"`, `"[[1,2],[3,4]]"`, `"true"`) is read exactly as the attribute is;
 * - the **typed form** (`2`, `[[1,2],[3,4]]`, `true`) is kept;
 * - `null`, `undefined` (and a removed attribute) mean the **default**;
 * - **anything else** (an object for a number, a Symbol, a function, a bigint…) is reported as a readable
 *   message naming the property and the value's type, never thrown.
 *
 * Each kind below is also the property's lit `converter` (`@property({ converter: integer })`), so the same
 * object says how the attribute is read and reflected; `CnnElement` finds the kind through the converter and
 * runs every set through `read`. Whether a well-typed value is *sensible* (a stride of 0, a ragged matrix) is
 * still each element's own check, with its own wording: this module only settles the type.
 *
 * The messages are data (`Message`, see engine/messages.ts) with their English in shared.strings.ts, so each
 * element says them in its reader's language.
 */
import { message, type Message } from '../../engine/messages.js';
import { SHARED_EN } from './shared.strings.js';

const say = (key: keyof typeof SHARED_EN & `value.${string}`): Message => message(SHARED_EN, key);

/** A property's value kind: how to read a non-null value, and how to write it back to the attribute. */
export interface ValueKind<T> {
  /** What a valid value is, in words, for the message: `a number`, `true or false`… */
  readonly expects: Message;
  /** The typed value for a non-null input, or `undefined` when its type is not accepted. */
  read(v: unknown): { value: T } | undefined;
  /** lit's attribute side: hands the raw text (or `null` when removed) to the property setter, which reads it. */
  fromAttribute(v: string | null): unknown;
  /** The attribute text for a reflected value (`null` removes the attribute). */
  toAttribute(v: unknown): string | null;
}

/** Reads a numeric string as the attribute always did: trimmed, empty text is `NaN` so the element can explain. */
const numberFromText = (s: string): number => (s.trim() === '' ? NaN : Number(s.trim()));

const passText = (v: string | null): unknown => v;

/**
 * A number: the typed form as given, numeric text parsed (`"1e3"`, `" 2 "`). Text that is not a number becomes
 * `NaN`, and a non-finite number stays as it is: the element's range check explains both in its own words.
 */
export const numberValue: ValueKind<number> = {
  expects: say('value.number'),
  read: (v) =>
    typeof v === 'number' ? { value: v } : typeof v === 'string' ? { value: numberFromText(v) } : undefined,
  fromAttribute: passText,
  toAttribute: (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : null),
};

/** Text, as given. */
export const stringValue: ValueKind<string> = {
  expects: say('value.text'),
  read: (v) => (typeof v === 'string' ? { value: v } : undefined),
  fromAttribute: passText,
  toAttribute: (v) => (typeof v === 'string' ? v : null),
};

/** One of a few words (`conv` | `pool`). Any text is kept (the element names the choices when it is not one). */
export function enumValue<T extends string>(choices: readonly T[]): ValueKind<T | string> {
  return {
    ...stringValue,
    expects: message(SHARED_EN, 'value.oneOf', { choices: choices.map((c) => `"${c}"`).join(', ') }),
  };
}

/**
 * Text that may also be given as a finite number: a size `"28"` / `"28x32"` (`inputSize = 320`, which a
 * framework passes for `input-size={320}`), a filter count. The number is kept as its text, so the property
 * keeps its documented string type.
 */
export function textOrNumberValue(expects: Message): ValueKind<string> {
  return {
    expects,
    read: (v) =>
      typeof v === 'string'
        ? { value: v }
        : typeof v === 'number' && Number.isFinite(v)
          ? { value: String(v) }
          : undefined,
    fromAttribute: passText,
    toAttribute: (v) => (typeof v === 'string' ? v : null),
  };
}

/** A size written `"W"` or `"HxW"`, or a number. */
export const sizeValue = textOrNumberValue(say('value.size'));

/**
 * A boolean attribute: present means true, as in HTML, except the text `"false"` (what a framework writes for
 * a false value when it stringifies, and what a writer means by `autostart="false"`), which means false.
 */
export const booleanValue: ValueKind<boolean> = {
  expects: say('value.boolean'),
  read: (v) =>
    typeof v === 'boolean'
      ? { value: v }
      : typeof v === 'string'
        ? { value: v.trim().toLowerCase() !== 'false' }
        : undefined,
  fromAttribute: passText,
  toAttribute: (v) => (v === true ? '' : null),
};

/**
 * A JSON array (a matrix, a grid, a chain of layers): an array as given; text kept as text, which the element
 * parses with its own, specific messages (malformed JSON, ragged rows…). Reflected as JSON when it is an array.
 */
export const jsonArrayValue: ValueKind<string | unknown[]> = {
  expects: say('value.array'),
  read: (v) => (typeof v === 'string' || Array.isArray(v) ? { value: v } : undefined),
  fromAttribute: passText,
  toAttribute: (v) => (typeof v === 'string' ? v : Array.isArray(v) ? JSON.stringify(v) : null),
};

/**
 * Like `jsonArrayValue`, but the text is parsed here, so `el.matrix = "[[1,2],[3,4]]"` reads back as the array.
 * Text that is not JSON is kept as it is, for the element's message. Never reflected (the value can be large).
 */
export const parsedJsonArrayValue: ValueKind<unknown> = {
  expects: say('value.array'),
  read: (v) => {
    if (Array.isArray(v)) return { value: v };
    if (typeof v !== 'string') return undefined;
    try {
      return { value: JSON.parse(v) as unknown };
    } catch {
      return { value: v };
    }
  },
  fromAttribute: passText,
  toAttribute: () => null,
};

/**
 * A network (`network` of `<cnn-trainer>` and `<model-summary>`, attribute `layers`): PyTorch layers as text, or an
 * array of the engine's plain layer specs, which the element checks with its own messages. Reflected as the text,
 * or as the array's JSON (which the attribute reads back as specs).
 */
export const networkValue: ValueKind<string | readonly unknown[]> = {
  expects: say('value.network'),
  read: (v) =>
    typeof v === 'string' || Array.isArray(v) ? { value: v as string | readonly unknown[] } : undefined,
  fromAttribute: passText,
  toAttribute: (v) => (typeof v === 'string' ? v : Array.isArray(v) ? JSON.stringify(v) : null),
};

/** The value kind behind a lit `converter`, or `undefined` for a converter of another sort. */
export function kindOf(converter: unknown): ValueKind<unknown> | undefined {
  if (typeof converter !== 'object' || converter === null) return undefined;
  const c = converter as Partial<ValueKind<unknown>>;
  return typeof c.read === 'function' && typeof c.expects === 'object'
    ? (c as ValueKind<unknown>)
    : undefined;
}

/** The type of a rejected value, in words: "an array", "a Symbol", "the number 5". Never prints NaN or Infinity. */
export function describeValue(v: unknown): Message {
  if (Array.isArray(v)) return message(SHARED_EN, 'got.array');
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v)
        ? message(SHARED_EN, 'got.number', { n: v })
        : message(SHARED_EN, 'got.infinite');
    case 'boolean':
      return message(SHARED_EN, 'got.boolean', { value: String(v) });
    case 'bigint':
      return message(SHARED_EN, 'got.bigint');
    case 'symbol':
      return message(SHARED_EN, 'got.symbol');
    case 'function':
      return message(SHARED_EN, 'got.function');
    case 'string':
      return message(SHARED_EN, 'got.string');
    default:
      return message(SHARED_EN, 'got.object');
  }
}

/** What a set reads as: the value (`undefined` = use the default), or the message for a value of the wrong type. */
export type ReadResult<T> = { ok: true; value: T | undefined } | { ok: false; error: Message };

/**
 * Reads one set of property `name`: `null`/`undefined` → `undefined` (the default), an accepted type → its
 * value, anything else → a message that names the property, what it takes and what it got.
 */
export function readValue<T>(kind: ValueKind<T>, name: string, v: unknown): ReadResult<T> {
  if (v === null || v === undefined) return { ok: true, value: undefined };
  const r = kind.read(v);
  if (r) return { ok: true, value: r.value };
  return {
    ok: false,
    error: message(SHARED_EN, 'error.propertyType', { name, expects: kind.expects, got: describeValue(v) }),
  };
}
