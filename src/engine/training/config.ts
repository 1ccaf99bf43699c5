/**
 * Training configuration: types, defaults, the lesson's preset, and validation (config-base.ts), with the
 * check of a custom network (`spec`) that needs the PyTorch-layers parser. What the engine and a script use;
 * the trainer element uses config-base.ts, so a page without a `layers` text never downloads the parser.
 */
import type { ModelSpec } from '../conv-math.js';
import { parseNetwork, toLayersText, formatLayersMessage } from '../models/pytorch-network.js';
import { messageOf, messagesOf, type Message } from '../messages.js';
import { LAYERS_MESSAGES } from '../models/layers.messages.js';
import { CONFIG_MESSAGES } from './config.messages.js';
import {
  MNIST_DATASET,
  resolveConfigWith,
  type ConfigError,
  type PresetName,
  type TrainConfig,
  type TrainDataset,
} from './config-base.js';

export * from './config-base.js';

/**
 * Fills defaults (and a preset, whose values the explicit ones override) and validates. Returns the complete
 * config, or `{ error, field }`: one sentence saying what is wrong, and the setting it is about — never throws.
 */
export function resolveConfig(
  partial: Partial<TrainConfig> = {},
  preset?: PresetName | null,
): TrainConfig | ConfigError {
  return resolveConfigWith(checkTrainSpecMessage, partial, preset);
}

/**
 * Why a plain spec cannot be trained here, or null. Written back as its `layers` text and parsed again, so a
 * spec built by hand meets exactly the checks (and messages) of a writer's text: the counts against the shapes
 * that arrive, the class count, the size limits.
 */
export function checkTrainSpec(spec: unknown, dataset: TrainDataset = MNIST_DATASET): string | null {
  return checkTrainSpecMessage(spec, dataset)?.text ?? null;
}

/** {@link checkTrainSpec} as a message, for the reader's language (or null when the spec fits). */
export function checkTrainSpecMessage(spec: unknown, dataset: TrainDataset = MNIST_DATASET): Message | null {
  const s = spec as Partial<ModelSpec> | null;
  if (typeof s !== 'object' || s === null || !Array.isArray(s.layers)) return sayConfig('config.notSpec');
  const e = specFitMessage(s as ModelSpec, dataset);
  return e === null ? null : sayConfig('config.spec', { error: e });
}

const sayConfig = messagesOf(CONFIG_MESSAGES);
const sayLayers = messagesOf(LAYERS_MESSAGES);

/**
 * Why `spec` cannot train on `dataset`'s images (its channels and size in, one score per class out, the size
 * limits), in the words of a `layers` error (`Conv2d(3, 16, 3) receives 1 channel here: write Conv2d(1, 16, 3)`),
 * or null when it fits.
 */
export function specFitError(spec: ModelSpec, dataset: TrainDataset): string | null {
  return specFitMessage(spec, dataset)?.text ?? null;
}

/** {@link specFitError} as a message (key and values), for the reader's language; null when the spec fits. */
export function specFitMessage(spec: ModelSpec, dataset: TrainDataset): Message | null {
  const [h, w, c] = dataset.shape;
  const inputShape = [c, h, w];
  let text: string;
  try {
    text = toLayersText({ name: 'custom', inputShape, layers: spec.layers }, inputShape);
  } catch (e) {
    return sayLayers('layers.cannotTake', {
      width: w,
      height: h,
      channels: c,
      error: messageOf(e) ?? (e instanceof Error ? e.message : String(e)),
    });
  }
  const r = parseNetwork(text, { inputShape, classes: dataset.classes.length });
  return r.ok ? null : formatLayersMessage(r.error);
}
