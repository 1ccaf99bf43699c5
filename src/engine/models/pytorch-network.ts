/**
 * A parsed network checked against the data (the lesson: which count really arrives, and why). The parser is
 * pytorch-layers.ts; conv-math is the one source of every shape. A spec written back as PyTorch text is
 * torch-calls.ts (re-exported here), which needs no parser: the PyTorch export uses it alone.
 */
import { walkModel, type LayerInfo, type ModelSpec } from '../conv-math.js';
import { isMessage, messagesOf, type Message } from '../messages.js';
import { LAYERS_MESSAGES } from './layers.messages.js';
import {
  MAX_TRAIN_FLOPS_PER_IMAGE,
  MAX_TRAIN_PARAMS,
  parseLayers,
  trainingFlopsPerImage,
  type LayersError,
  type NetworkResult,
  type NetworkTarget,
  type ParsedLayer,
  type SourceSpan,
} from './pytorch-layers.js';

export { toLayersText, toTorchCalls } from './torch-calls.js';

// ---------------------------------------------------------------------------------------------------------
// Shapes: the lesson
// ---------------------------------------------------------------------------------------------------------

const shapeText = (s: readonly number[]) => s.join('×');
const say = messagesOf(LAYERS_MESSAGES);

/** The layer's text with its declared-in argument replaced by `value` (the fix to write). */
function withIn(l: ParsedLayer, value: number): string {
  const d = l.declaredIn!;
  const at = d.span.offset - l.span.offset;
  return (l.text.slice(0, at) + String(value) + l.text.slice(at + d.span.length)).replace(
    /^(torch\.)?nn\./,
    '',
  );
}

/**
 * Checks a parsed network against the data: every declared channel and feature count against what really
 * arrives, every window against the image size it meets, the last width against the class count, and (unless
 * `limits: false`) the training limits. Returns the spec (named as the summary names its layers) with its walk,
 * or an error about one layer, with that layer's position.
 */
export function checkNetwork(parsed: ParsedLayer[], target: NetworkTarget): NetworkResult {
  const layers = parsed;
  const spec: ModelSpec = {
    name: target.name ?? 'custom',
    title: 'Your network',
    inputShape: target.inputShape.slice(),
    layers: layers.map((l) => l.spec),
  };
  // `at`: the part of the layer the error is about (a declared count), else the whole layer.
  const fail = (index: number, detail: Message, rows: LayerInfo[] = [], at?: SourceSpan): NetworkResult => {
    const l = layers[Math.max(0, Math.min(index, layers.length - 1))];
    const span = at ?? l?.span ?? { offset: 0, length: 0, line: 1, column: 1 };
    return {
      ok: false,
      error: {
        message: detail.text,
        detail,
        ...span,
        layerIndex: l ? layers.indexOf(l) : -1,
        layerText: l?.text ?? '',
        ...(l ? { layerOffset: l.span.offset } : {}),
      },
      layers,
      walkRows: rows,
    };
  };
  if (layers.length === 0) return fail(-1, say('net.noLayers'));
  const walk = walkModel(spec);
  const rows = walk.layers;

  // Declared in-counts, layer by layer, against the shape that arrives (the walk's input to that layer).
  let shape = target.inputShape.slice();
  let before: number[] | null = null; // the image shape a Flatten flattened, for the message
  for (const [i, l] of layers.entries()) {
    const row = rows[i];
    const type = l.spec.type;
    const input = i === 0 ? shapeText(shape) : '';
    if (type === 'conv2d' || type === 'maxpool2d' || type === 'avgpool2d') {
      if (shape.length !== 3) {
        return fail(
          i,
          say('net.flatInput', { layer: l.text, features: shape[0]!, from: before ? shapeText(before) : '' }),
          rows,
        );
      }
      if (type === 'conv2d' && l.declaredIn && l.declaredIn.value !== shape[0]) {
        return fail(
          i,
          say('net.channels', { layer: l.text, channels: shape[0]!, input, fix: withIn(l, shape[0]!) }),
          rows,
          l.declaredIn.span,
        );
      }
    }
    if (type === 'dense') {
      if (shape.length === 3) {
        return fail(
          i,
          say('net.needsFlatten', {
            layer: l.text,
            shape: shapeText(shape),
            features: shape[0]! * shape[1]! * shape[2]!,
          }),
          rows,
        );
      }
      if (l.declaredIn && l.declaredIn.value !== shape[0]) {
        return fail(
          i,
          say('net.features', {
            layer: l.text,
            features: shape[0]!,
            from: before ? shapeText(before) : '',
            input,
            fix: withIn(l, shape[0]!),
          }),
          rows,
          l.declaredIn.span,
        );
      }
    }
    if (!walk.ok && walk.at === i) {
      // A window larger than the image that arrives, and other impossibilities conv-math finds.
      const inner = walk.message.key === 'walk.layer' ? walk.message.params['error'] : undefined;
      const error = isMessage(inner) ? inner : walk.error.replace(/^[^:]*: /, '');
      return fail(i, say('net.window', { layer: l.text, shape: shapeText(shape), error }), rows);
    }
    if (!row) break;
    if (type === 'flatten') before = shape.length === 3 ? shape.slice() : before;
    else if (type === 'dense') before = null;
    shape = row.outputShape;
  }
  if (!walk.ok) return fail(walk.at, walk.message, rows);

  const lastIndex = layers.length - 1;
  const out = walk.outputShape;
  if (target.classes === null) {
    // Nothing to match: only shown, never trained here.
  } else if (out.length !== 1) {
    const n = out.reduce((a, b) => a * b, 1);
    return fail(
      lastIndex,
      say('net.endsWithImage', { shape: shapeText(out), classes: target.classes, features: n }),
      rows,
    );
  } else if (out[0] !== target.classes) {
    const lastDense = [...layers.keys()].reverse().find((k) => layers[k]!.spec.type === 'dense');
    const counts = { outputs: out[0]!, classes: target.classes };
    return fail(
      lastDense ?? lastIndex,
      lastDense !== undefined
        ? say('net.lastLayer', {
            ...counts,
            fix: layers[lastDense]!.text.replace(/^(torch\.)?nn\./, '').replace(
              /,\s*[^,()]*\)$/,
              `, ${target.classes})`,
            ),
          })
        : say('net.lastLayerEnd', counts),
      rows,
    );
  }
  const flops = trainingFlopsPerImage(walk.totalMacs);
  if (target.limits ?? true) {
    if (walk.totalParams > MAX_TRAIN_PARAMS) {
      const big = rows.reduce((a, r, k) => (r.params > rows[a]!.params ? k : a), 0);
      return fail(
        big,
        say('net.tooManyParams', {
          params: walk.totalParams,
          max: MAX_TRAIN_PARAMS,
          layer: rows[big]!.name,
          layerParams: rows[big]!.params,
        }),
        rows,
      );
    }
    if (flops > MAX_TRAIN_FLOPS_PER_IMAGE) {
      const big = rows.reduce((a, r, k) => (r.macs > rows[a]!.macs ? k : a), 0);
      return fail(
        big,
        say('net.tooManyFlops', {
          mflop: flops / 1e6,
          max: MAX_TRAIN_FLOPS_PER_IMAGE / 1e6,
          layer: rows[big]!.name,
          layerMflop: trainingFlopsPerImage(rows[big]!.macs) / 1e6,
        }),
        rows,
      );
    }
  }
  return { ok: true, spec, layers, walk, trainingFlopsPerImage: flops };
}

/** `parseLayers` then `checkNetwork`: the text of a `layers` attribute to a checked spec, or one error. */
export function parseNetwork(text: unknown, target: NetworkTarget): NetworkResult {
  const p = parseLayers(text);
  if (!p.ok) return { ok: false, error: p.error, layers: [], walkRows: [] };
  return checkNetwork(p.layers, target);
}

/**
 * Formats an error the way a text field shows it under the text: `Line 1, column 18: …`; for a network given as
 * layer specs, `Layer 3: …`.
 */
export function formatLayersError(e: LayersError): string {
  return formatLayersMessage(e).text;
}

/**
 * {@link formatLayersError} as a message, for the reader's language: `Zeile 1, Spalte 18: …`. `layer`: also name
 * the layer's text (`… (in Conv2d(1, 16, 3, strid=2))`) when the sentence does not quote it already.
 */
export function formatLayersMessage(e: LayersError, { layer = false } = {}): Message {
  const error = e.detail;
  const at =
    e.layerIndex < 0
      ? error
      : e.fromSpecs
        ? say('layers.atLayer', { index: e.layerIndex + 1, error })
        : say('layers.at', { line: e.line, column: e.column, error });
  return layer && e.layerText && !e.message.includes(e.layerText)
    ? say('layers.in', { error: at, layer: e.layerText })
    : at;
}
