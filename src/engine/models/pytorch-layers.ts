/**
 * A writer's own network, written the way the lesson writes it — in PyTorch's own words — parsed into the
 * engine's plain-data `ModelSpec`, and checked against the shapes that really arrive.
 *
 * ```
 * Conv2d(1, 16, 3), ReLU(), MaxPool2d(2), Conv2d(16, 10, 3), ReLU(), MaxPool2d(2),
 * Flatten(), Linear(250, 128), ReLU(), Linear(128, 84), ReLU(), Linear(84, 10)
 * ```
 *
 * TWO STEPS, because they fail for different reasons. `parseLayers(text)` is the grammar: layer names,
 * arguments (positional and keyword, under PyTorch's names and in PyTorch's order), their types. It knows
 * nothing of the data. `checkNetwork(parsed, { inputShape, classes })` (pytorch-network.ts) is the lesson: it walks the network
 * through conv-math (the one source of shapes, parameters and multiply-adds) and compares every channel and
 * feature count the writer declared with the one that really arrives. A wrong count is the most common
 * mistake of anyone writing their first CNN, so the message says which number arrives and why
 * (`Linear(200, 128) receives 250 features here (10×5×5): write Linear(250, 128)`). `parseNetwork` does both.
 * The layers' signatures (names, arguments, defaults, readers) are data, in pytorch-signatures.ts.
 *
 * POSITIONS. Every error carries where it is (offset, line, column, length) and which layer (its index and its
 * text), so an element can underline it. Messages are sentences a beginner can act on: an unknown argument gets
 * a "did you mean", an unknown layer the closest supported one.
 *
 * NAMES. Layers are named as `<model-summary>` names them and as the lesson's `cnn` spec does (`conv1`, `relu1`,
 * `pool1`, …, `flatten`, `fc1`…): each kind counts on its own, so the lesson's CNN written out gives exactly the
 * `cnn` spec (test/engine/pytorch-layers.test.ts checks it). The same names become the attributes of the
 * exported PyTorch module (export/pytorch.ts), hence `conv1.weight` in its state dict.
 *
 * LIGHT: no TensorFlow.js, so `<model-summary layers>` can show a network without downloading it.
 */
import {
  type LayerInfo,
  type LayerSpec,
  type ModelSpec,
  type PaddingSpec,
  type WalkResult,
} from '../conv-math.js';
import {
  KIND,
  KNOWN_UNSUPPORTED,
  SIGNATURES,
  TORCH_LAYERS,
  closest,
  type Arg,
  type Param,
  type SourceSpan,
  type TorchLayerName,
  type Value,
} from './pytorch-signatures.js';
import { messagesOf, type Message } from '../messages.js';
import { LAYERS_MESSAGES } from './layers.messages.js';

const say = messagesOf(LAYERS_MESSAGES);

export { TORCH_LAYERS };
export type { SourceSpan, TorchLayerName };

// ---------------------------------------------------------------------------------------------------------
// Results and errors
// ---------------------------------------------------------------------------------------------------------

/** An error in a `layers` text: a sentence, and where it is. */
export interface LayersError extends SourceSpan {
  /** The English sentence (`detail.text`). */
  message: string;
  /** The message as data (key and values), for the reader's language (see ../messages.ts). */
  detail: Message;
  /** The layer it is about (0-based), or -1 when it is about the whole text (e.g. it is empty). */
  layerIndex: number;
  /** That layer's text as written (`Conv2d(1, 16, 3, strid=2)`), or '' when `layerIndex` is -1. */
  layerText: string;
  /**
   * Where that layer's text starts in the text (an offset, as `offset` is), when it is known: a pointer can then
   * quote the one layer, not the whole line it is on.
   */
  layerOffset?: number;
  /**
   * The network was given as layer specs, not written (models/network-value.ts): `layerIndex` says where, and
   * the line and column are those of the text generated from the specs, which the writer never saw.
   */
  fromSpecs?: true;
}

/** One parsed layer: the engine's spec, and what the writer declared that the spec does not keep. */
export interface ParsedLayer {
  spec: LayerSpec;
  /** PyTorch's class name (`Conv2d`, `Linear`, …). */
  torchType: TorchLayerName;
  /** The whole call as written (`nn.Conv2d(1, 16, 3)`), and where. */
  text: string;
  span: SourceSpan;
  /** Declared input channels (Conv2d) or features (Linear), with the span of that argument's value. */
  declaredIn?: { value: number; span: SourceSpan };
}

export type ParseResult = { ok: true; layers: ParsedLayer[] } | { ok: false; error: LayersError };

/** What the network is checked against: the data's shape (channels first) and its number of classes. */
export interface NetworkTarget {
  /** `[C, H, W]` of one image, e.g. `[1, 28, 28]` for MNIST. */
  inputShape: number[];
  /**
   * The data's class count: the last layer's width must equal it. `null`: any width, and the network may end
   * with an image (a summary that only shows a network, not one to train on given data).
   */
  classes: number | null;
  /** Name of the resulting spec (default `custom`). */
  name?: string;
  /**
   * Apply the training limits (default true): at most {@link MAX_TRAIN_PARAMS} parameters and
   * {@link MAX_TRAIN_FLOPS_PER_IMAGE} per image. A summary that only shows numbers passes false.
   */
  limits?: boolean;
}

export type NetworkResult =
  | {
      ok: true;
      spec: ModelSpec;
      layers: ParsedLayer[];
      /** conv-math's walk of `spec` (shapes, parameters, multiply-adds per layer). */
      walk: Extract<WalkResult, { ok: true }>;
      /** Floating-point operations of one training step per image (see {@link trainingFlopsPerImage}). */
      trainingFlopsPerImage: number;
    }
  | { ok: false; error: LayersError; layers: ParsedLayer[]; walkRows: LayerInfo[] };

/** The most parameters a network may have to be trained in a reader's tab (the lesson's 5,000,000 weights). */
export const MAX_TRAIN_PARAMS = 5_000_000;

/**
 * The most floating-point operations one training image may cost (forward and backward): 100 MFLOP.
 *
 * Why this number: the lesson's CNN costs 1.9 MFLOP per image, so this is ~50× it. A batch of 64 is then at most
 * 6.4 GFLOP: well under a second on the WASM backend of a laptop, so the page stays responsive and a minute of
 * training still sees a few thousand images. Beyond it, a network would train a handful of batches per minute.
 */
export const MAX_TRAIN_FLOPS_PER_IMAGE = 100_000_000;

/**
 * FLOPs of one training step per image: 2 per multiply-add (a multiply and an add), times 3 — the forward
 * pass, the gradient with respect to the layer's input and the gradient with respect to its weights each cost
 * about one forward pass of the conv and dense layers (activations and pooling are negligible beside them).
 */
export const trainingFlopsPerImage = (totalMacs: number): number => 6 * totalMacs;

// ---------------------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------------------

type TokenKind = 'name' | 'number' | 'string' | '(' | ')' | ',' | '=' | 'newline' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
  /** For numbers: the value; for strings: the unquoted text. */
  value?: number | string;
}

class Scanner {
  private readonly lineStarts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of an offset. */
  span(offset: number, length: number): SourceSpan {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, length, line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  tokens(): Token[] | { offset: number; length: number; message: Message } {
    const out: Token[] = [];
    const s = this.text;
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (c === '#') {
        while (i < s.length && s[i] !== '\n') i++;
        continue;
      }
      if (c === '\n' || c === ';') {
        out.push({ kind: 'newline', text: c, offset: i });
        i++;
        continue;
      }
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if ('(),='.includes(c)) {
        out.push({ kind: c as TokenKind, text: c, offset: i });
        i++;
        continue;
      }
      const num = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
      if (num && (c !== '+' && c !== '-' ? true : /[\d.]/.test(s[i + 1] ?? ''))) {
        out.push({ kind: 'number', text: num[0], offset: i, value: Number(num[0]) });
        i += num[0].length;
        continue;
      }
      const name = /^[A-Za-z_][A-Za-z0-9_]*(\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*/.exec(s.slice(i));
      if (name) {
        out.push({ kind: 'name', text: name[0].replace(/\s+/g, ''), offset: i });
        i += name[0].length;
        continue;
      }
      if (c === "'" || c === '"') {
        const end = s.indexOf(c, i + 1);
        const nl = s.indexOf('\n', i + 1);
        if (end < 0 || (nl >= 0 && nl < end)) {
          return { offset: i, length: 1, message: say('layers.unclosedString', { quote: c }) };
        }
        out.push({ kind: 'string', text: s.slice(i, end + 1), offset: i, value: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
      return {
        offset: i,
        length: 1,
        message: say('layers.unexpectedChar', { char: c }),
      };
    }
    out.push({ kind: 'end', text: '', offset: s.length });
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------------------------------------

/**
 * The offset just after the layer that starts at `start`: after the `)` that closes its first `(`, or at the
 * comma or line that ends it when it has no parentheses. Null when its parentheses are not closed.
 */
function layerEnd(toks: Token[], start: number): number | null {
  let depth = 0;
  for (const t of toks) {
    if (t.offset < start) continue;
    if (t.kind === 'end') return depth === 0 ? t.offset : null;
    if (depth === 0 && (t.kind === ',' || t.kind === 'newline')) return t.offset;
    if (t.kind === '(') depth++;
    else if (t.kind === ')' && --depth <= 0) return t.offset + 1;
  }
  return null;
}

class ParseError extends Error {
  constructor(
    readonly detail: Message,
    readonly offset: number,
    readonly length: number,
  ) {
    super(detail.text);
  }
}

/** Longest `layers` text accepted (a lesson's network is a few hundred characters). */
export const MAX_LAYERS_TEXT = 20_000;
/** Most layers accepted. */
export const MAX_LAYERS = 200;

/**
 * Parses a network written as PyTorch layers. Never throws: a problem is `{ ok: false, error }` with the
 * position and a sentence. The result's specs carry the summary's names; no shape is checked here (see
 * {@link checkNetwork}).
 */
export function parseLayers(text: unknown): ParseResult {
  const src = typeof text === 'string' ? text : '';
  const scanner = new Scanner(src);
  const whole = (detail: Message): ParseResult => ({
    ok: false,
    error: { message: detail.text, detail, ...scanner.span(0, src.length), layerIndex: -1, layerText: '' },
  });
  if (typeof text !== 'string') return whole(say('layers.notText'));
  if (src.length > MAX_LAYERS_TEXT)
    return whole(say('layers.tooLong', { length: src.length, max: MAX_LAYERS_TEXT }));
  const scanned = scanner.tokens();
  if (!Array.isArray(scanned)) {
    return {
      ok: false,
      error: {
        message: scanned.message.text,
        detail: scanned.message,
        ...scanner.span(scanned.offset, scanned.length),
        layerIndex: -1,
        layerText: '',
      },
    };
  }
  const toks: Token[] = scanned;
  const layers: ParsedLayer[] = [];
  const counts = new Map<string, number>();
  let pos = 0;
  let layerStart = 0;
  const peek = () => toks[pos]!;
  const skipSeparators = (): boolean => {
    let any = false;
    while (peek().kind === 'newline' || peek().kind === ',') {
      pos++;
      any = true;
    }
    return any;
  };

  try {
    skipSeparators();
    // An `nn.Sequential(` … `)` wrapper, as the notebook writes it, is accepted around the layers.
    let wrapped = false;
    if (
      peek().kind === 'name' &&
      /^(torch\.)?(nn\.)?Sequential$/.test(peek().text) &&
      toks[pos + 1]?.kind === '('
    ) {
      wrapped = true;
      pos += 2;
      skipSeparators();
    }
    while (peek().kind !== 'end' && !(wrapped && peek().kind === ')')) {
      if (layers.length >= MAX_LAYERS)
        throw new ParseError(say('layers.tooMany', { max: MAX_LAYERS }), peek().offset, 1);
      layerStart = peek().offset;
      const layer = parseLayer();
      const kind = KIND[layer.torchType];
      const n = (counts.get(kind.prefix) ?? 0) + 1;
      counts.set(kind.prefix, n);
      layer.spec.name = kind.numbered || n > 1 ? `${kind.prefix}${n}` : kind.prefix;
      layers.push(layer);
      const t = peek();
      if (t.kind === 'end' || (wrapped && t.kind === ')')) break;
      if (!skipSeparators()) {
        throw new ParseError(
          say('layers.separator', { layer: layer.text, found: t.text }),
          t.offset,
          Math.max(1, t.text.length),
        );
      }
    }
    if (wrapped) {
      if (peek().kind !== ')') throw new ParseError(say('layers.sequentialOpen'), src.length, 0);
      pos++;
      skipSeparators();
      if (peek().kind !== 'end')
        throw new ParseError(
          say('layers.afterSequential', { found: peek().text }),
          peek().offset,
          peek().text.length,
        );
    }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const index = layers.length;
    const end = Math.max(e.offset + e.length, layerStart);
    // The layer's text: from its start to its closing parenthesis (or, not closed, to the end of its line), and
    // at least to the end of the error: the one layer, not the layers written after it on the same line.
    const lineEnd = src.indexOf('\n', layerStart);
    const stop = Math.max(end, layerEnd(toks, layerStart) ?? (lineEnd < 0 ? src.length : lineEnd));
    const layerText = src.slice(layerStart, stop).trim().replace(/,\s*$/, '');
    return {
      ok: false,
      error: {
        message: e.message,
        detail: e.detail,
        ...scanner.span(e.offset, e.length),
        layerIndex: index,
        layerText: layerText.length > 120 ? `${layerText.slice(0, 117)}…` : layerText,
        layerOffset: layerStart,
      },
    };
  }
  if (layers.length === 0) return whole(say('layers.empty'));
  return { ok: true, layers };

  function parseLayer(): ParsedLayer {
    const t = peek();
    if (t.kind !== 'name') {
      throw new ParseError(
        say('layers.expectedLayer', { found: t.text || say('layers.theEnd') }),
        t.offset,
        Math.max(1, t.text.length),
      );
    }
    pos++;
    const bare = t.text.replace(/^(torch\.)?nn\./, '');
    if (!Object.hasOwn(SIGNATURES, bare)) {
      const suggestion = closest(bare, TORCH_LAYERS);
      const list = TORCH_LAYERS.join(', ');
      const message = KNOWN_UNSUPPORTED.has(bare)
        ? say('layers.notBuilt', { layer: bare, list })
        : suggestion
          ? say('layers.unknownLayerHint', { layer: t.text, hint: suggestion })
          : say('layers.unknownLayer', { layer: t.text, list });
      throw new ParseError(message, t.offset, t.text.length);
    }
    const torchType = bare as TorchLayerName;
    const open = peek();
    if (open.kind !== '(') {
      throw new ParseError(
        say('layers.parentheses', { layer: bare, args: SIGNATURES[torchType].length ? '…' : '' }),
        t.offset,
        t.text.length,
      );
    }
    pos++;
    const args: Arg[] = [];
    for (;;) {
      while (peek().kind === 'newline') pos++;
      if (peek().kind === ')') break;
      args.push(parseArg(bare));
      while (peek().kind === 'newline') pos++;
      const sep = peek();
      if (sep.kind === ',') {
        pos++;
        continue;
      }
      if (sep.kind === ')') break;
      throw new ParseError(
        sep.kind === 'end'
          ? say('layers.callOpen', { layer: bare })
          : say('layers.callComma', { layer: bare, found: sep.text }),
        sep.kind === 'end' ? open.offset : sep.offset,
        sep.kind === 'end' ? 1 : Math.max(1, sep.text.length),
      );
    }
    const close = peek();
    pos++;
    const text = src.slice(t.offset, close.offset + 1);
    const span = scanner.span(t.offset, close.offset + 1 - t.offset);
    return toLayer(torchType, bare, args, text, span, t.offset);
  }

  function parseArg(layer: string): Arg {
    const start = peek();
    let keyword: string | null = null;
    let keywordSpan: SourceSpan | undefined;
    if (start.kind === 'name' && toks[pos + 1]?.kind === '=') {
      keyword = start.text;
      keywordSpan = scanner.span(start.offset, start.text.length);
      pos += 2;
    }
    const vStart = peek();
    const value = parseValue(layer);
    const last = toks[pos - 1]!;
    const end = last.offset + last.text.length;
    return {
      keyword,
      ...(keywordSpan ? { keywordSpan } : {}),
      value,
      span: scanner.span(vStart.offset, end - vStart.offset),
      text: src.slice(vStart.offset, end),
    };
  }

  function parseValue(layer: string): Value {
    const t = peek();
    if (t.kind === 'number') {
      pos++;
      return { kind: 'number', value: t.value as number };
    }
    if (t.kind === 'string') {
      pos++;
      return { kind: 'string', value: t.value as string };
    }
    if (t.kind === 'name' && (t.text === 'True' || t.text === 'False' || t.text === 'None')) {
      pos++;
      return t.text === 'None' ? { kind: 'none' } : { kind: 'bool', value: t.text === 'True' };
    }
    if (t.kind === 'name' && (t.text === 'true' || t.text === 'false')) {
      throw new ParseError(
        say('layers.capital', { word: t.text === 'true' ? 'True' : 'False' }),
        t.offset,
        t.text.length,
      );
    }
    if (t.kind === '(') {
      pos++;
      const items: number[] = [];
      while (peek().kind !== ')') {
        const v = peek();
        if (v.kind !== 'number') {
          throw new ParseError(
            say('layers.tupleNumbers', { found: v.text || say('layers.theEnd') }),
            v.offset,
            Math.max(1, v.text.length),
          );
        }
        items.push(v.value as number);
        pos++;
        if (peek().kind === ',') pos++;
        else if (peek().kind !== ')')
          throw new ParseError(say('layers.tupleComma', { found: peek().text }), peek().offset, 1);
      }
      pos++;
      return { kind: 'tuple', value: items };
    }
    throw new ParseError(
      say('layers.expectedValue', { layer, found: t.text || say('layers.theEnd') }),
      t.offset,
      Math.max(1, t.text.length),
    );
  }

  /** Binds the arguments to the signature the way Python does, reads each, and builds the spec. */
  function toLayer(
    torchType: TorchLayerName,
    written: string,
    args: Arg[],
    text: string,
    span: SourceSpan,
    offset: number,
  ): ParsedLayer {
    const sig: Param[] = SIGNATURES[torchType];
    const bound = new Map<string, Arg>();
    let sawKeyword = false;
    args.forEach((a, i) => {
      if (a.keyword === null) {
        if (sawKeyword)
          throw new ParseError(say('layers.positionalAfterKeyword'), a.span.offset, a.span.length);
        if (i >= sig.length) {
          throw new ParseError(
            sig.length === 0
              ? say('layers.noArguments', { layer: written })
              : say('layers.tooManyPositional', {
                  layer: written,
                  max: sig.length,
                  names: sig.map((p) => p.name).join(', '),
                  n: i + 1,
                }),
            a.span.offset,
            a.span.length,
          );
        }
        bound.set(sig[i]!.name, a);
        return;
      }
      sawKeyword = true;
      const p = sig.find((s) => s.name === a.keyword);
      const ks = a.keywordSpan!;
      if (!p) {
        const names = sig.map((s) => s.name);
        const hint = closest(a.keyword, names);
        throw new ParseError(
          hint
            ? say('layers.unknownArgumentHint', { arg: a.keyword, layer: written, hint })
            : names.length
              ? say('layers.unknownArgument', { arg: a.keyword, layer: written, names: names.join(', ') })
              : say('layers.unknownArgumentNone', { arg: a.keyword, layer: written }),
          ks.offset,
          ks.length,
        );
      }
      if (bound.has(p.name))
        throw new ParseError(say('layers.twice', { layer: written, arg: p.name }), ks.offset, ks.length);
      bound.set(p.name, a);
    });
    const values: Record<string, unknown> = {};
    for (const p of sig) {
      const a = bound.get(p.name);
      if (!a) {
        if (p.required) {
          const missing = sig.filter((q) => q.required && !bound.has(q.name)).map((q) => q.name);
          throw new ParseError(
            say('layers.missing', {
              layer: written,
              count: missing.length,
              names: missing.join(', '),
              example: EXAMPLES[torchType],
            }),
            offset,
            text.length,
          );
        }
        continue;
      }
      const r = p.read(a.value);
      if ('error' in r)
        throw new ParseError(
          say('layers.badArgument', { arg: p.name, layer: written, error: r.error }),
          a.span.offset,
          a.span.length,
        );
      values[p.name] = r.ok;
    }
    const spec = buildSpec(torchType, values);
    const inName = torchType === 'Conv2d' ? 'in_channels' : torchType === 'Linear' ? 'in_features' : null;
    const inArg = inName ? bound.get(inName) : undefined;
    if (torchType === 'Conv2d' && values['padding'] === 'same') {
      const stride = (values['stride'] as number | undefined) ?? 1;
      if (stride !== 1) {
        const a = bound.get('padding')!;
        throw new ParseError(say('layers.sameStride'), a.span.offset, a.span.length);
      }
    }
    if (
      torchType === 'Conv2d' &&
      ((values['dilation'] as number | undefined) ?? 1) > 1 &&
      ((values['stride'] as number | undefined) ?? 1) > 1
    ) {
      const a = bound.get('dilation')!;
      throw new ParseError(say('layers.strideDilation'), a.span.offset, a.span.length);
    }
    return {
      spec,
      torchType,
      text,
      span,
      ...(inArg ? { declaredIn: { value: values[inName!] as number, span: inArg.span } } : {}),
    };
  }
}

/** A call that works, for the "missing argument" message. */
const EXAMPLES: Record<TorchLayerName, string> = {
  Conv2d: 'Conv2d(1, 16, 3)',
  MaxPool2d: 'MaxPool2d(2)',
  AvgPool2d: 'AvgPool2d(2)',
  ReLU: 'ReLU()',
  LeakyReLU: 'LeakyReLU(0.01)',
  Tanh: 'Tanh()',
  Sigmoid: 'Sigmoid()',
  Dropout: 'Dropout(0.5)',
  Flatten: 'Flatten()',
  Linear: 'Linear(250, 128)',
};

/** The engine's spec from checked values (names are given by the caller). */
function buildSpec(t: TorchLayerName, v: Record<string, unknown>): LayerSpec {
  const opt = <K extends string>(key: K, value: unknown) => (value === undefined ? {} : { [key]: value });
  switch (t) {
    case 'Conv2d':
      return {
        type: 'conv2d',
        filters: v['out_channels'] as number,
        kernelSize: v['kernel_size'] as number,
        ...opt('stride', v['stride']),
        ...opt('padding', v['padding'] as PaddingSpec | undefined),
        ...opt('dilation', v['dilation']),
        ...opt('bias', v['bias']),
      };
    case 'MaxPool2d':
    case 'AvgPool2d':
      return {
        type: t === 'MaxPool2d' ? 'maxpool2d' : 'avgpool2d',
        poolSize: v['kernel_size'] as number,
        ...opt('stride', v['stride']),
        ...opt('padding', v['padding']),
      };
    case 'ReLU':
      return { type: 'relu' };
    case 'LeakyReLU':
      return { type: 'leakyrelu', ...opt('negativeSlope', v['negative_slope']) };
    case 'Tanh':
      return { type: 'tanh' };
    case 'Sigmoid':
      return { type: 'sigmoid' };
    case 'Dropout':
      return { type: 'dropout', rate: (v['p'] as number | undefined) ?? 0.5 };
    case 'Flatten':
      return { type: 'flatten' };
    case 'Linear':
      return { type: 'dense', units: v['out_features'] as number, ...opt('bias', v['bias']) };
  }
}
