/**
 * Photo mode's own work, loaded with import() when photo mode first runs (photo-maps-controller.ts): the
 * filter chain checked and resolved (engine/filters.ts), and the photo's checked download and decoding
 * (image-pixels.ts). A page whose maps come from a trainer never downloads any of it.
 */
import { parseLayers, resolveChain, type LayerDef } from '../../engine/filters.js';
import { MapsFailure } from './maps-result.js';
import { message, type Message } from '../../engine/messages.js';
import { FM_EN } from './feature-map.strings.js';
import type { PhotoSettings } from './photo-maps-controller.js';

export { resolveChain };
export { loadImagePixels } from './image-pixels.js';

/**
 * Checks what can be checked before any download (a typo in `filters` should not wait for a photo) and
 * returns the layer chain; throws the reader's message.
 */
export function checkSettings(s: PhotoSettings, defs: Awaited<ReturnType<typeof layerDefs>>): LayerDef[] {
  if (!defs.ok) throw new MapsFailure(defs.message ?? defs.error);
  // Any whole number seeds the random filters (negative too); a typo must not silently use another seed.
  if (!Number.isInteger(s.seed))
    throw new MapsFailure(
      Number.isFinite(s.seed) ? message(FM_EN, 'fm.seedGot', { got: s.seed }) : message(FM_EN, 'fm.seed'),
    );
  // A size error may go away with the real photo's size; any other is the reader's to fix now.
  const pre = resolveChain(defs.defs, [3, 64, 64], s.seed);
  if (!pre.ok && pre.kind !== 'size') throw new MapsFailure(pre.message);
  return defs.defs;
}

/**
 * The layer chain the attributes describe: `layers` (JSON, or PyTorch's words, whose parser loads only then), or
 * the single layer of the other attributes.
 */
export async function layerDefs(
  s: PhotoSettings,
): Promise<{ ok: true; defs: LayerDef[] } | { ok: false; error: string; message?: Message }> {
  if (s.layers !== null && s.layers !== '') {
    // Not JSON (which starts with "["): PyTorch layers.
    if (typeof s.layers !== 'string' || s.layers.trim().startsWith('[')) return parseLayers(s.layers);
    const { torchChain } = await import('../../engine/filters-torch.js');
    return torchChain(s.layers);
  }
  const { filters, kernel, kernelSize, padding, stride, activation, pool } = s;
  return { ok: true, defs: [{ filters, kernel, kernelSize, padding, stride, activation, pool }] };
}
