/**
 * What a widget that follows a trainer (`for="id"`) needs to know of it, read defensively: the dataset it
 * trains on (class names, image shape) and the network it trains (the session's own spec, else its `layers`
 * text, else its `model`). A target may be a `<cnn-trainer>`, a writer's own element or a test's stand-in, may
 * not be upgraded yet, and may have anything in these properties: whatever is not usable falls back to MNIST
 * and the lesson's CNN, never to an exception.
 *
 * LIGHT: no DOM, no TensorFlow.js.
 */
import type { ModelSpec } from '../conv-math.js';
import type { DatasetInfo, TrainerLike } from '../training/types.js';
import { fitSpec } from './fit.js';
import { isEmptyNetwork } from './network-empty.js';
import type { parseNetworkValue } from './network-value.js';
import { CNN, MODEL_SPECS } from './specs.js';
import { datasetOf, isMnistShaped } from './dataset-of.js';
import { messagesOf, type Message } from '../messages.js';
import { INPUT_MESSAGES } from '../input.messages.js';

const say = messagesOf(INPUT_MESSAGES);

export { datasetOf, MNIST_DATASET } from './dataset-of.js';

/** True for a spec that can be shown (a list of layers); its shapes are checked by whoever walks it. */
const isSpec = (s: unknown): s is ModelSpec =>
  typeof s === 'object' &&
  s !== null &&
  Array.isArray((s as ModelSpec).layers) &&
  (s as ModelSpec).layers.length > 0;

/** `cnn`/`fnn` (the two trainable presets) fitted to the dataset (as the trainer fits them), else null. */
function preset(m: unknown, dataset: Readonly<DatasetInfo>): ModelSpec | null {
  if (m !== 'cnn' && m !== 'fnn') return null;
  if (isMnistShaped(dataset)) return MODEL_SPECS[m];
  try {
    return fitSpec(MODEL_SPECS[m], dataset);
  } catch {
    return MODEL_SPECS[m];
  }
}

/**
 * The network a trainer trains: its session's spec or model (what the running network really is), else its own
 * network (`network`: PyTorch text or layer specs, else the `layers` attribute) checked against the dataset,
 * else its `model` fitted to the dataset, else the lesson's CNN.
 *
 * A network of its own is read with `parse` (network-value.ts' `parseNetworkValue`), which the elements load
 * only when a trainer has one (components/shared/network-parser.ts): without it — not loaded yet — the
 * trainer's `model` stands in.
 */
export function networkOf(
  trainer: TrainerLike,
  dataset: Readonly<DatasetInfo> = datasetOf(trainer),
  parse?: typeof parseNetworkValue,
): ModelSpec {
  const config = trainer.session?.config;
  if (config && typeof config === 'object') {
    if (isSpec(config.spec)) return config.spec;
    const p = preset(config.model, dataset);
    if (p) return p;
  }
  const own = isEmptyNetwork(trainer.network) ? trainer.getAttribute('layers') : trainer.network;
  if (!isEmptyNetwork(own) && parse) {
    const [h, w, c] = dataset.shape;
    const r = parse(own, {
      inputShape: [c, h, w],
      classes: dataset.classes.length,
      limits: false,
    });
    if (r.ok) return r.spec;
  }
  const model = typeof trainer.model === 'string' ? trainer.model : trainer.getAttribute('model');
  return preset(model, dataset) ?? CNN;
}

/**
 * A label as a writer or reader gives it — a class index (`3`) or a class name (`"7"`, `"Sneaker"`) — as the
 * class index, or a sentence saying which labels there are.
 */
export function labelIndex(
  label: unknown,
  classes: readonly string[],
): number | { error: string; message: Message } {
  if (typeof label === 'number' && Number.isInteger(label) && label >= 0 && label < classes.length)
    return label;
  if (typeof label === 'string') {
    const byName = classes.indexOf(label.trim());
    if (byName >= 0) return byName;
    if (/^\d+$/.test(label.trim()) && Number(label) < classes.length) return Number(label);
  }
  const list = classes.length <= 12 ? classes.join(', ') : `${classes.slice(0, 10).join(', ')}, …`;
  const shown =
    typeof label === 'string' ? `"${label}"` : label === undefined ? say('label.none') : String(label);
  const m = say('label.unknown', { label: shown, list, last: classes.length - 1 });
  return { error: m.text, message: m };
}
