/**
 * A parsed network checked against the data (the lesson: which count really arrives, and why). The parser is
 * pytorch-layers.ts; conv-math is the one source of every shape. A spec written back as PyTorch text is
 * torch-calls.ts (re-exported here), which needs no parser: the PyTorch export uses it alone.
 */
import { formatCount, walkModel, type LayerInfo, type ModelSpec } from '../conv-math.js';
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
const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

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
  const fail = (index: number, message: string, rows: LayerInfo[] = [], at?: SourceSpan): NetworkResult => {
    const l = layers[Math.max(0, Math.min(index, layers.length - 1))];
    const span = at ?? l?.span ?? { offset: 0, length: 0, line: 1, column: 1 };
    return {
      ok: false,
      error: {
        message,
        ...span,
        layerIndex: l ? layers.indexOf(l) : -1,
        layerText: l?.text ?? '',
        ...(l ? { layerOffset: l.span.offset } : {}),
      },
      layers,
      walkRows: rows,
    };
  };
  if (layers.length === 0) return fail(-1, 'The network has no layers.');
  const walk = walkModel(spec);
  const rows = walk.layers;

  // Declared in-counts, layer by layer, against the shape that arrives (the walk's input to that layer).
  let shape = target.inputShape.slice();
  let before: number[] | null = null; // the image shape a Flatten flattened, for the message
  for (const [i, l] of layers.entries()) {
    const row = rows[i];
    const type = l.spec.type;
    const where = i === 0 ? `(the input is ${shapeText(shape)})` : '';
    if (type === 'conv2d' || type === 'maxpool2d' || type === 'avgpool2d') {
      if (shape.length !== 3) {
        return fail(
          i,
          `${l.text} needs an image [channels, height, width], but the input here is flat (${plural(shape[0]!, 'feature')}${before ? `, from ${shapeText(before)}` : ''}): move it before Flatten().`,
          rows,
        );
      }
      if (type === 'conv2d' && l.declaredIn && l.declaredIn.value !== shape[0]) {
        return fail(
          i,
          `${l.text} receives ${plural(shape[0]!, 'channel')} here${where ? ` ${where}` : ''}: write ${withIn(l, shape[0]!)}.`,
          rows,
          l.declaredIn.span,
        );
      }
    }
    if (type === 'dense') {
      if (shape.length === 3) {
        return fail(
          i,
          `${l.text} receives a ${shapeText(shape)} image here: add Flatten() before it (that gives ${plural(shape[0]! * shape[1]! * shape[2]!, 'feature')}).`,
          rows,
        );
      }
      if (l.declaredIn && l.declaredIn.value !== shape[0]) {
        const why = before ? ` (${shapeText(before)})` : where ? ` ${where}` : '';
        return fail(
          i,
          `${l.text} receives ${plural(shape[0]!, 'feature')} here${why}: write ${withIn(l, shape[0]!)}.`,
          rows,
          l.declaredIn.span,
        );
      }
    }
    if (!walk.ok && walk.at === i) {
      // A window larger than the image that arrives, and other impossibilities conv-math finds.
      const detail = walk.error.replace(/^[^:]*: /, '');
      return fail(i, `${l.text} receives a ${shapeText(shape)} image here: ${lowerFirst(detail)}`, rows);
    }
    if (!row) break;
    if (type === 'flatten') before = shape.length === 3 ? shape.slice() : before;
    else if (type === 'dense') before = null;
    shape = row.outputShape;
  }
  if (!walk.ok) return fail(walk.at, walk.error, rows);

  const lastIndex = layers.length - 1;
  const out = walk.outputShape;
  if (target.classes === null) {
    // Nothing to match: only shown, never trained here.
  } else if (out.length !== 1) {
    const n = out.reduce((a, b) => a * b, 1);
    return fail(
      lastIndex,
      `The network ends with a ${shapeText(out)} image, but it must end with one score per class (${target.classes}): add Flatten() and Linear(${n}, ${target.classes}).`,
      rows,
    );
  } else if (out[0] !== target.classes) {
    const lastDense = [...layers.keys()].reverse().find((k) => layers[k]!.spec.type === 'dense');
    const fix =
      lastDense !== undefined
        ? `: write ${layers[lastDense]!.text.replace(/^(torch\.)?nn\./, '').replace(/,\s*[^,()]*\)$/, `, ${target.classes})`)}`
        : `: end with Linear(${out[0]}, ${target.classes})`;
    return fail(
      lastDense ?? lastIndex,
      `The last layer gives ${plural(out[0]!, 'output')}, but the data has ${plural(target.classes, 'class', 'classes')}${fix}.`,
      rows,
    );
  }
  const flops = trainingFlopsPerImage(walk.totalMacs);
  if (target.limits ?? true) {
    if (walk.totalParams > MAX_TRAIN_PARAMS) {
      const big = rows.reduce((a, r, k) => (r.params > rows[a]!.params ? k : a), 0);
      return fail(
        big,
        `This network has ${formatCount(walk.totalParams)} parameters, over the ${formatCount(MAX_TRAIN_PARAMS)} a browser tab can train (${rows[big]!.name} alone has ${formatCount(rows[big]!.params)}): make it smaller.`,
        rows,
      );
    }
    if (flops > MAX_TRAIN_FLOPS_PER_IMAGE) {
      const big = rows.reduce((a, r, k) => (r.macs > rows[a]!.macs ? k : a), 0);
      return fail(
        big,
        `One training image would cost ${formatMflop(flops)} MFLOP, over the ${formatMflop(MAX_TRAIN_FLOPS_PER_IMAGE)} MFLOP a browser tab can train at (${rows[big]!.name} costs ${formatMflop(trainingFlopsPerImage(rows[big]!.macs))}): use fewer channels, a smaller input or an earlier pooling.`,
        rows,
      );
    }
  }
  return { ok: true, spec, layers, walk, trainingFlopsPerImage: flops };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const formatMflop = (flops: number) =>
  (flops / 1e6).toLocaleString('en-US', { maximumFractionDigits: flops < 1e7 ? 1 : 0 });

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
  if (e.layerIndex < 0) return e.message;
  return e.fromSpecs
    ? `Layer ${e.layerIndex + 1}: ${e.message}`
    : `Line ${e.line}, column ${e.column}: ${e.message}`;
}
