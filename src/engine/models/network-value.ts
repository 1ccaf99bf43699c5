/**
 * What a `network` property holds, read into one checked network: the writer's own network in PyTorch's words
 * (`Conv2d(1, 16, 3), ReLU(), …`), or the engine's plain layer specs (`[{ type: 'conv2d', filters: 16,
 * kernelSize: 3 }, …]`, a `ModelSpec`'s `{ layers }`, or the JSON text of either, which is how such a value is
 * written to the `layers` attribute).
 *
 * ONE CHECK FOR BOTH. Specs are written back as their PyTorch text (`toLayersText`, one layer a line, with the
 * channel and feature counts that really arrive) and parsed again, so a network given as data meets exactly the
 * checks and the messages of a written one: the class count, the size limits. Its layers are named as the
 * summary names them (`conv1`, `relu1`, `pool1`, …, `fc1`): the names a `<feature-map layer>` asks for and the
 * exported PyTorch module uses. Positions in that generated text mean nothing to the writer, so an error about
 * specs says which layer (`Layer 3: …`) instead of a line and a column.
 *
 * LIGHT: no TensorFlow.js.
 */
import { walkModel, type LayerSpec, type ModelSpec } from '../conv-math.js';
import { parseNetwork, toLayersText } from './pytorch-network.js';
import { TORCH_TYPE_NAMES } from './torch-calls.js';
import type { LayersError, NetworkResult, NetworkTarget, ParsedLayer } from './pytorch-layers.js';
import { messageOf, messagesOf, type Message } from '../messages.js';
import { LAYERS_MESSAGES } from './layers.messages.js';

const say = messagesOf(LAYERS_MESSAGES);

export { isEmptyNetwork, type NetworkValue } from './network-empty.js';

/** Each spec type and the name prefix the summary gives it (as the parser names PyTorch's layers). */
const PREFIX: Record<LayerSpec['type'], [prefix: string, numbered: boolean]> = {
  conv2d: ['conv', true],
  maxpool2d: ['pool', true],
  avgpool2d: ['pool', true],
  adaptiveavgpool2d: ['pool', true],
  dense: ['fc', true],
  relu: ['relu', true],
  leakyrelu: ['leakyrelu', true],
  tanh: ['tanh', true],
  sigmoid: ['sigmoid', true],
  softmax: ['softmax', true],
  dropout: ['dropout', true],
  flatten: ['flatten', false],
};

/**
 * The layer specs a value holds (an array, `{ layers }`, or the JSON text of either), `null` when it is PyTorch
 * text, or a message when it is neither.
 */
export function specsOf(value: unknown): unknown[] | null | { error: Message } {
  let v = value;
  if (typeof v === 'string') {
    const t = v.trim();
    if (!t.startsWith('[') && !t.startsWith('{')) return null;
    try {
      v = JSON.parse(t) as unknown;
    } catch {
      return { error: say('net.badJson') };
    }
  }
  if (Array.isArray(v)) return v;
  const layers = (v as { layers?: unknown } | null)?.layers;
  if (typeof v === 'object' && v !== null && Array.isArray(layers)) return layers as unknown[];
  return { error: say('net.notValue') };
}

/** An error about the whole value (not one layer). */
function whole(detail: Message): NetworkResult {
  const error: LayersError = {
    message: detail.text,
    detail,
    offset: 0,
    length: 0,
    line: 1,
    column: 1,
    layerIndex: -1,
    layerText: '',
  };
  return { ok: false, error, layers: [], walkRows: [] };
}

/**
 * Reads a `network` value (see {@link NetworkValue}) and checks it against the data, as `parseNetwork` does a
 * text. Never throws.
 */
export function parseNetworkValue(value: unknown, target: NetworkTarget): NetworkResult {
  const specs = specsOf(value);
  if (specs === null) return parseNetwork(value, target);
  if (!Array.isArray(specs)) return whole(specs.error);
  if (specs.length === 0) return whole(say('net.noLayers'));
  // Named as the parser names a written network, so that the walk's messages, the summary and the engine agree.
  const counts = new Map<string, number>();
  const layers: LayerSpec[] = [];
  for (const [i, s] of specs.entries()) {
    const type = (s as { type?: unknown } | null)?.type;
    if (typeof s !== 'object' || s === null || typeof type !== 'string' || !Object.hasOwn(PREFIX, type)) {
      const types = Object.keys(PREFIX).join(', ');
      return whole(
        typeof type === 'string'
          ? say('net.notSpecType', { n: i + 1, types, type })
          : say('net.notSpec', { n: i + 1, types }),
      );
    }
    const [prefix, numbered] = PREFIX[type as LayerSpec['type']];
    const n = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, n);
    layers.push({ ...(s as LayerSpec), name: numbered || n > 1 ? `${prefix}${n}` : prefix });
  }
  const spec: ModelSpec = { name: 'custom', inputShape: target.inputShape.slice(), layers };
  const walk = walkModel(spec);
  if (!walk.ok) {
    const at = Math.max(0, walk.at);
    const error: LayersError = {
      message: walk.error,
      detail: walk.message,
      offset: 0,
      length: 0,
      line: at + 1,
      column: 1,
      layerIndex: at,
      layerText: layers[at]?.name ?? '',
      fromSpecs: true,
    };
    // The specs as parsed layers (no text of the writer's to point into), so a summary can mark the failing one.
    const parsed = layers.map((l) => ({
      spec: l,
      torchType: TORCH_TYPE_NAMES[l.type],
      text: l.name!,
      span: error,
    }));
    return { ok: false, error, layers: parsed as ParsedLayer[], walkRows: walk.layers };
  }
  let text: string;
  try {
    text = toLayersText(spec);
  } catch (e) {
    return whole(
      messageOf(e) ?? say('net.cannotWrite', { error: e instanceof Error ? e.message : String(e) }),
    );
  }
  const r = parseNetwork(text, target);
  return r.ok ? r : { ...r, error: { ...r.error, fromSpecs: true } };
}
