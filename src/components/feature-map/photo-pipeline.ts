/**
 * Photo mode's own work, loaded with import() when photo mode first runs (photo-maps-controller.ts): the
 * filter chain checked and resolved (engine/filters.ts), and the photo's checked download and decoding
 * (image-pixels.ts). A page whose maps come from a trainer never downloads any of it.
 */
import { parseLayers, resolveChain, type LayerDef } from '../../engine/filters.js';
import { MapsFailure } from './maps-result.js';
import type { PhotoSettings } from './photo-maps-controller.js';

export { resolveChain };
export { loadImagePixels } from './image-pixels.js';

/**
 * Checks what can be checked before any download (a typo in `filters` should not wait for a photo) and
 * returns the layer chain; throws the reader's message.
 */
export function checkSettings(s: PhotoSettings, defs: Awaited<ReturnType<typeof layerDefs>>): LayerDef[] {
  if (!defs.ok) throw new MapsFailure(defs.error);
  // Any whole number seeds the random filters (negative too); a typo must not silently use another seed.
  if (!Number.isInteger(s.seed))
    throw new MapsFailure(
      `Seed must be a whole number${Number.isFinite(s.seed) ? ` (got ${s.seed})` : ''}, e.g. 1234.`,
    );
  // A size error may go away with the real photo's size; any other is the reader's to fix now.
  const pre = resolveChain(defs.defs, [3, 64, 64], s.seed);
  if (!pre.ok && pre.kind !== 'size') throw new MapsFailure(pre.error);
  return defs.defs;
}

/**
 * The layer chain the attributes describe: `layers` (JSON, or PyTorch's words, whose parser loads only then), or
 * the single layer of the other attributes.
 */
export async function layerDefs(s: PhotoSettings): Promise<ReturnType<typeof parseLayers>> {
  if (s.layers !== null && s.layers !== '') {
    // Not JSON (which starts with "["): PyTorch layers.
    if (typeof s.layers !== 'string' || s.layers.trim().startsWith('[')) return parseLayers(s.layers);
    const { torchChain } = await import('../../engine/filters-torch.js');
    return torchChain(s.layers);
  }
  const { filters, kernel, kernelSize, padding, stride, activation, pool } = s;
  return { ok: true, defs: [{ filters, kernel, kernelSize, padding, stride, activation, pool }] };
}
