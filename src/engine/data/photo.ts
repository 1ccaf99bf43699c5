/**
 * The bytes of a photo for `<feature-map>`: downloaded with the same care as every other asset (inactivity
 * timeout, errors that name the file and say what to try, see download.ts), and checked before a browser
 * decoder sees them.
 *
 * WHY CHECK BEFORE DECODING. Browsers decode a truncated PNG or JPEG without complaint: they paint what
 * arrived and leave the rest grey or transparent, and the feature maps of that half-photo look plausible.
 * So: a PNG must be structurally whole (every chunk complete, every chunk's CRC-32 right, an IEND at the
 * end), a JPEG must end with its end-of-image marker, a GIF with its trailer, a WebP must hold the bytes its
 * header announces. Other formats (SVG, AVIF, …) are left to the decoder.
 *
 * The library's own sample photos get the same structural check, NOT the size and checksum recorded at build
 * time (integrity.ts) as the other assets do: a bundler may re-encode the images it emits (Parcel's production
 * build runs every PNG through a lossless optimiser: the same pixels in other bytes), and the PNG's own
 * CRC-32s catch damage on the way just as well.
 *
 * `data:` and `blob:` URLs are not fetched (`null`): their bytes cannot be damaged on the way, and a strict
 * Content-Security-Policy (`connect-src 'self'`) forbids fetching them, while it allows an `<img>` to show them.
 *
 * Light module: no TensorFlow.js, no DOM.
 */
import { AssetLoadError, damaged, download } from './download.js';
import { messagesOf, type Message } from '../messages.js';
import { FILTERS_MESSAGES } from '../filters.messages.js';

/** A message of the photo's download (its English in filters.messages.ts, with `<feature-map>`'s others). */
const say = messagesOf(FILTERS_MESSAGES);

/** Fetches and checks the photo at `src` (resolved against `base`); `null` for a `data:`/`blob:` URL. */
export async function fetchPhoto(
  src: string,
  opts: { signal?: AbortSignal; base?: string } = {},
): Promise<Uint8Array<ArrayBuffer> | null> {
  const lead = say('photo.lead', { src });
  let url: URL;
  try {
    url = new URL(src, opts.base ?? globalThis.location?.href);
  } catch {
    const detail = say('photo.badAddress', { src });
    throw new AssetLoadError(detail.text, { kind: 'input', retryable: false, detail });
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:') return null;
  const cross = globalThis.location !== undefined && url.origin !== globalThis.location.origin;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await download(url.href, {
      label: say('photo.label', { src }),
      lead,
      attribute: 'src',
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    // A cross-origin fetch that CORS refuses fails exactly like a dropped connection: name both.
    if (cross && e instanceof AssetLoadError && e.kind === 'network') {
      const detail = say('photo.cors', { lead });
      throw new AssetLoadError(detail.text, {
        kind: 'network',
        retryable: true,
        url: url.href,
        cause: e,
        detail,
      });
    }
    throw e;
  }
  const why = damageOf(bytes);
  if (why) {
    const detail = damaged(lead, url.href, why);
    throw new AssetLoadError(detail.text, { kind: 'corrupt', retryable: true, url: url.href, detail });
  }
  return bytes;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (the PNG / zlib polynomial) of `bytes[from, to)`. */
export function crc32(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32be = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u32le = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/**
 * Why an image file is visibly incomplete or damaged, or `null` when it looks whole (or is a format this does
 * not know). Pure: unit-tested on real and broken files.
 */
export function imageDamage(b: Uint8Array): string | null {
  return damageOf(b)?.text ?? null;
}

/** The same as `imageDamage`, as a message (to say in the reader's language). */
function damageOf(b: Uint8Array): Message | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return pngDamage(b);
  if (startsWith(b, [0xff, 0xd8, 0xff])) {
    // The end-of-image marker, allowing for a trailer some cameras append after it.
    for (let i = b.length - 2, stop = Math.max(2, b.length - 65536); i >= stop; i--)
      if (b[i] === 0xff && b[i + 1] === 0xd9) return null;
    return say('photo.jpegCut');
  }
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) {
    for (let i = b.length - 1; i >= Math.max(6, b.length - 16); i--) if (b[i] === 0x3b) return null;
    return say('photo.gifCut');
  }
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && b.length >= 12 && u32be(b, 8) === 0x57454250) {
    return u32le(b, 4) + 8 > b.length ? say('photo.webpCut') : null;
  }
  return null;
}

function pngDamage(b: Uint8Array): Message | null {
  let i = 8;
  while (i + 12 <= b.length) {
    const len = u32be(b, i);
    const end = i + 12 + len;
    if (end > b.length) return say('photo.pngCut');
    if (crc32(b, i + 4, i + 8 + len) !== u32be(b, i + 8 + len)) return say('photo.pngChecksum');
    if (u32be(b, i + 4) === 0x49454e44) return null; // IEND
    i = end;
  }
  return say('photo.pngCut');
}
