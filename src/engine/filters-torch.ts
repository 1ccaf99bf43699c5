/**
 * `<feature-map layers>` in PyTorch's words: `Conv2d(3, 5, 5), ReLU(), MaxPool2d(2), Conv2d(5, 8, 10, padding=2,
 * stride=2)` read into the chain of conv layers filters.ts computes (the same chain its JSON form describes).
 *
 * WHAT FITS. The photo's chain is convolutions, each optionally followed by a ReLU and a 2×2 max-pooling (in
 * either order: ReLU and max-pooling commute). Each Conv2d gets `out_channels` random filters drawn as a fresh
 * PyTorch `nn.Conv2d` draws them; its `in_channels` is checked against what arrives (3 for the RGB photo, then the
 * previous layer's filters), except that `Conv2d(1, …)` first looks at the photo in grey, as the lesson's MNIST
 * network looks at a digit. Anything else (Linear, Tanh, AvgPool2d, dilation…) is for `<cnn-trainer layers>`: the
 * message says so, with the layer's position in the text.
 *
 * LIGHT, and loaded only when a `layers` text is not JSON: the parser (models/pytorch-layers.ts) stays out of a
 * page whose feature maps never use it.
 */
import type { PaddingSpec } from './conv-math.js';
import { MAX_LAYERS, type LayerDef } from './filters.js';
import { parseLayers, type ParsedLayer } from './models/pytorch-layers.js';
import { formatLayersMessage } from './models/pytorch-network.js';
import { messagesOf, type Message } from './messages.js';
import { FILTERS_MESSAGES } from './filters.messages.js';

/** A message of this module (its English in filters.messages.ts). */
const say = messagesOf(FILTERS_MESSAGES);

/** One side of a square size (`3` or `(3, 3)`), or null when it is not square. */
const side = (v: number | [number, number] | undefined, dflt: number): number | null =>
  v === undefined ? dflt : Array.isArray(v) ? (v[0] === v[1] ? v[0] : null) : v;

/** The chain a PyTorch `layers` text describes, or the message (with its line and column). */
export function torchChain(
  text: string,
): { ok: true; defs: LayerDef[] } | { ok: false; error: string; message?: Message } {
  const parsed = parseLayers(text);
  if (!parsed.ok) {
    const m = say('torch.parse', { error: formatLayersMessage(parsed.error) });
    return { ok: false, error: m.text, message: m };
  }
  const defs: LayerDef[] = [];
  const fail = (l: ParsedLayer, error: Message) => {
    const m = say('torch.at', { line: l.span.line, column: l.span.column, error });
    return { ok: false as const, error: m.text, message: m };
  };
  for (const l of parsed.layers) {
    const s = l.spec;
    const last = defs[defs.length - 1];
    if (s.type === 'conv2d') {
      const k = side(s.kernelSize, 3);
      const stride = side(s.stride, 1);
      const pad: PaddingSpec | null = Array.isArray(s.padding) ? side(s.padding, 0) : (s.padding ?? 0);
      if (k === null || stride === null || pad === null)
        return fail(l, say('torch.square', { layer: l.text }));
      if (side(s.dilation, 1) !== 1) return fail(l, say('torch.dilation', { layer: l.text }));
      if (s.bias === false) return fail(l, say('torch.bias', { layer: l.text }));
      if (defs.length === MAX_LAYERS)
        return fail(l, say('torch.tooMany', { layer: l.text, max: MAX_LAYERS }));
      let padding: number;
      if (pad === 'valid') padding = 0;
      else if (pad === 'same') {
        if (k % 2 === 0 || stride !== 1) return fail(l, say('torch.same', { layer: l.text }));
        padding = (k - 1) / 2;
      } else padding = pad;
      defs.push({
        filters: String(s.filters),
        kernelSize: k,
        padding,
        stride,
        activation: 'none',
        pool: 0,
        ...(l.declaredIn ? { inChannels: l.declaredIn.value } : {}),
      });
    } else if (!last) {
      return fail(l, say('torch.first', { layer: l.text }));
    } else if (s.type === 'relu') {
      if (last.activation === 'relu') return fail(l, say('torch.relu', { layer: l.text }));
      last.activation = 'relu';
    } else if (s.type === 'maxpool2d') {
      const stride = side(s.stride, side(s.poolSize, 2) ?? 2);
      if (side(s.poolSize, 0) !== 2 || stride !== 2 || (side(s.padding, 0) ?? 1) !== 0)
        return fail(l, say('torch.pool', { layer: l.text }));
      if (last.pool === 2) return fail(l, say('torch.pooled', { layer: l.text }));
      last.pool = 2;
    } else {
      return fail(l, say('torch.other', { type: l.torchType }));
    }
  }
  return { ok: true, defs };
}
