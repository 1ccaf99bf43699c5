/**
 * Training configuration: types, defaults, the lesson's preset, and validation (config-base.ts), with the
 * check of a custom network (`spec`) that needs the PyTorch-layers parser. What the engine and a script use;
 * the trainer element uses config-base.ts, so a page without a `layers` text never downloads the parser.
 */
import type { ModelSpec } from '../conv-math.js';
import { parseNetwork, toLayersText, formatLayersError } from '../models/pytorch-network.js';
import { resolveConfigWith, type ConfigError, type PresetName, type TrainConfig } from './config-base.js';

export * from './config-base.js';

/**
 * Fills defaults (and a preset, whose values the explicit ones override) and validates. Returns the complete
 * config, or `{ error, field }`: one sentence saying what is wrong, and the setting it is about — never throws.
 */
export function resolveConfig(
  partial: Partial<TrainConfig> = {},
  preset?: PresetName | null,
): TrainConfig | ConfigError {
  return resolveConfigWith(checkTrainSpec, partial, preset);
}

/**
 * Why a plain spec cannot be trained here, or null. Written back as its `layers` text and parsed again, so a
 * spec built by hand meets exactly the checks (and messages) of a writer's text: the counts against the shapes
 * that arrive, the class count, the size limits.
 */
export function checkTrainSpec(spec: unknown): string | null {
  const s = spec as Partial<ModelSpec> | null;
  if (typeof s !== 'object' || s === null || !Array.isArray(s.layers))
    return 'spec must be a network ({ name, inputShape, layers: [...] }).';
  let text: string;
  try {
    text = toLayersText({ name: 'custom', inputShape: [1, 28, 28], layers: s.layers }, [1, 28, 28]);
  } catch (e) {
    return `spec cannot be trained on 28×28 images: ${e instanceof Error ? e.message : String(e)}`;
  }
  const r = parseNetwork(text, { inputShape: [1, 28, 28], classes: 10 });
  return r.ok ? null : `spec: ${formatLayersError(r.error)}`;
}
