/**
 * What the elements need of a `network` value before it is parsed: its type, and whether it means "no network
 * of its own". Apart from network-value.ts so that an element can tell without loading the PyTorch-layers parser
 * (~9 KB gzipped), which it then loads on first use (components/shared/network-parser.ts).
 */
import type { LayerSpec } from '../conv-math.js';

/**
 * A `network` property's value: the PyTorch text, or an array of the engine's plain layer specs (as in
 * `MODEL_SPECS.cnn.layers`). `parseNetworkValue` also reads a whole `ModelSpec` (`{ layers }`) and the JSON of either.
 */
export type NetworkValue = string | readonly LayerSpec[];

/** Whether a value means "no network of its own" (the element's `model` applies): empty text, `[]`, nothing. */
export function isEmptyNetwork(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  const layers = (value as { layers?: unknown }).layers;
  return Array.isArray(layers) && layers.length === 0;
}
