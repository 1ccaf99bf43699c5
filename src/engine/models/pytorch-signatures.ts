/**
 * The layers a `layers` text may name, with PyTorch's own signatures: each argument's name, position, default
 * and how its value is read (and the "did you mean" for a misspelt one). Data for the parser (pytorch-layers.ts).
 */
import { messagesOf, type Message } from '../messages.js';
import { LAYERS_MESSAGES } from './layers.messages.js';

const say = messagesOf(LAYERS_MESSAGES);

/** Where something is in the text: 0-based `offset` and `length`, 1-based `line` and `column`. */
export interface SourceSpan {
  offset: number;
  length: number;
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------------------
// Argument values and layer signatures
// ---------------------------------------------------------------------------------------------------------

/** A value as written: a number, a string, True/False/None, or a tuple of numbers. */
export type Value =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'tuple'; value: number[] };

export interface Arg {
  /** Keyword, or null for a positional argument. */
  keyword: string | null;
  keywordSpan?: SourceSpan;
  value: Value;
  span: SourceSpan;
  text: string;
}

/** How one parameter reads its value; returns the converted value or a message (without the name). */
export type Reader = (v: Value) => { ok: unknown } | { error: Message };

export const describe = (v: Value): string =>
  v.kind === 'number'
    ? String(v.value)
    : v.kind === 'string'
      ? `'${v.value}'`
      : v.kind === 'bool'
        ? v.value
          ? 'True'
          : 'False'
        : v.kind === 'none'
          ? 'None'
          : `(${v.value.join(', ')})`;

export const wholeNumber =
  (min: number): Reader =>
  (v) => {
    if (v.kind !== 'number') return { error: say('arg.wholeNot', { value: describe(v) }) };
    if (!Number.isInteger(v.value)) return { error: say('arg.whole', { value: describe(v) }) };
    if (v.value < min) return { error: say('arg.atLeast', { min, value: describe(v) }) };
    if (v.value > 100_000) return { error: say('arg.tooLarge', { max: 100_000, value: v.value }) };
    return { ok: v.value };
  };

/** A size PyTorch takes as an int or a tuple: here square only (the engine's layers are square-windowed). */
export const sizeOrSquare =
  (min: number): Reader =>
  (v) => {
    if (v.kind === 'tuple') {
      if (v.value.length !== 2) return { error: say('arg.pair', { value: describe(v) }) };
      if (v.value[0] !== v.value[1]) {
        return { error: say('arg.square', { value: describe(v) }) };
      }
      return wholeNumber(min)({ kind: 'number', value: v.value[0]! });
    }
    return wholeNumber(min)(v);
  };

export const paddingReader: Reader = (v) => {
  if (v.kind === 'string') {
    if (v.value === 'same' || v.value === 'valid') return { ok: v.value };
    return { error: say('arg.padding', { value: describe(v) }) };
  }
  if (v.kind === 'number' || v.kind === 'tuple') return sizeOrSquare(0)(v);
  return { error: say('arg.padding', { value: describe(v) }) };
};

export const bool: Reader = (v) =>
  v.kind === 'bool' ? { ok: v.value } : { error: say('arg.bool', { value: describe(v) }) };

/** A number in [lo, hi) (or [lo, hi] when `closed`). */
export const fraction =
  (lo: number, hi: number, closed = false): Reader =>
  (v) => {
    if (v.kind !== 'number') return { error: say('arg.number', { value: describe(v) }) };
    if (v.value < lo || (closed ? v.value > hi : v.value >= hi)) {
      return { error: say(closed ? 'arg.range' : 'arg.rangeBelow', { lo, hi, value: describe(v) }) };
    }
    return { ok: v.value };
  };

export const slope: Reader = (v) => {
  if (v.kind !== 'number') return { error: say('arg.number', { value: describe(v) }) };
  if (!Number.isFinite(v.value) || Math.abs(v.value) > 100)
    return { error: say('arg.small', { value: describe(v) }) };
  return { ok: v.value };
};

/** Accepts only PyTorch's default value of a parameter the engine does not implement otherwise. */
export const onlyDefault =
  (dflt: Value, why: Message): Reader =>
  (v) =>
    describe(v) === describe(dflt) ||
    (v.kind === 'number' && dflt.kind === 'number' && v.value === dflt.value)
      ? { ok: null }
      : { error: say('arg.onlyDefault', { only: describe(dflt), why, value: describe(v) }) };

/** Accepts None (PyTorch's "same as the kernel"), else a size. */
export const noneOr =
  (r: Reader): Reader =>
  (v) =>
    v.kind === 'none' ? { ok: undefined } : r(v);

export interface Param {
  name: string;
  required?: boolean;
  read: Reader;
}

export const IGNORED_INPLACE: Param = { name: 'inplace', read: bool };

/** PyTorch's signatures (names and positional order) of the layers we build. */
export const SIGNATURES = {
  Conv2d: [
    { name: 'in_channels', required: true, read: wholeNumber(1) },
    { name: 'out_channels', required: true, read: wholeNumber(1) },
    { name: 'kernel_size', required: true, read: sizeOrSquare(1) },
    { name: 'stride', read: sizeOrSquare(1) },
    { name: 'padding', read: paddingReader },
    { name: 'dilation', read: sizeOrSquare(1) },
    { name: 'groups', read: onlyDefault({ kind: 'number', value: 1 }, say('why.groups')) },
    { name: 'bias', read: bool },
    {
      name: 'padding_mode',
      read: onlyDefault({ kind: 'string', value: 'zeros' }, say('why.paddingMode')),
    },
  ],
  MaxPool2d: [
    { name: 'kernel_size', required: true, read: sizeOrSquare(1) },
    { name: 'stride', read: noneOr(sizeOrSquare(1)) },
    { name: 'padding', read: sizeOrSquare(0) },
    { name: 'dilation', read: onlyDefault({ kind: 'number', value: 1 }, say('why.poolDilation')) },
    { name: 'return_indices', read: onlyDefault({ kind: 'bool', value: false }, say('why.indices')) },
    {
      name: 'ceil_mode',
      read: onlyDefault({ kind: 'bool', value: false }, say('why.ceil')),
    },
  ],
  AvgPool2d: [
    { name: 'kernel_size', required: true, read: sizeOrSquare(1) },
    { name: 'stride', read: noneOr(sizeOrSquare(1)) },
    { name: 'padding', read: sizeOrSquare(0) },
    {
      name: 'ceil_mode',
      read: onlyDefault({ kind: 'bool', value: false }, say('why.ceil')),
    },
    {
      name: 'count_include_pad',
      read: onlyDefault({ kind: 'bool', value: true }, say('why.countPad')),
    },
  ],
  ReLU: [IGNORED_INPLACE],
  LeakyReLU: [{ name: 'negative_slope', read: slope }, IGNORED_INPLACE],
  Tanh: [],
  Sigmoid: [],
  Dropout: [{ name: 'p', read: fraction(0, 1) }, IGNORED_INPLACE],
  Flatten: [
    {
      name: 'start_dim',
      read: onlyDefault({ kind: 'number', value: 1 }, say('why.flatten')),
    },
    {
      name: 'end_dim',
      read: onlyDefault({ kind: 'number', value: -1 }, say('why.flatten')),
    },
  ],
  Linear: [
    { name: 'in_features', required: true, read: wholeNumber(1) },
    { name: 'out_features', required: true, read: wholeNumber(1) },
    { name: 'bias', read: bool },
  ],
} satisfies Record<string, Param[]>;

export type TorchLayerName = keyof typeof SIGNATURES;
/** The layer names `layers` accepts, in the order the documentation lists them. */
export const TORCH_LAYERS: readonly TorchLayerName[] = Object.keys(SIGNATURES) as TorchLayerName[];

/** PyTorch layers people write that the engine does not build: named as such rather than "unknown". */
export const KNOWN_UNSUPPORTED = new Set([
  'BatchNorm1d',
  'BatchNorm2d',
  'Conv1d',
  'Conv3d',
  'ConvTranspose2d',
  'AdaptiveAvgPool2d',
  'AdaptiveMaxPool2d',
  'Dropout2d',
  'ELU',
  'GELU',
  'SELU',
  'SiLU',
  'Softmax',
  'LogSoftmax',
  'LSTM',
  'GRU',
  'Embedding',
  'LayerNorm',
  'Sequential',
]);

/** The spec type each PyTorch layer becomes, and the name prefix the summary gives it. */
export const KIND: Record<TorchLayerName, { prefix: string; numbered: boolean }> = {
  Conv2d: { prefix: 'conv', numbered: true },
  MaxPool2d: { prefix: 'pool', numbered: true },
  AvgPool2d: { prefix: 'pool', numbered: true },
  ReLU: { prefix: 'relu', numbered: true },
  LeakyReLU: { prefix: 'leakyrelu', numbered: true },
  Tanh: { prefix: 'tanh', numbered: true },
  Sigmoid: { prefix: 'sigmoid', numbered: true },
  Dropout: { prefix: 'dropout', numbered: true },
  Flatten: { prefix: 'flatten', numbered: false },
  Linear: { prefix: 'fc', numbered: true },
};

/** Edit distance (Levenshtein), for "did you mean". */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The closest candidate to `word`, if it is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const d = lc === w ? 0 : lc.includes(w) || w.includes(lc) ? 1.5 : distance(w, lc);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

export const didYouMean = (s: string | null) => (s ? ` — did you mean "${s}"?` : '');
