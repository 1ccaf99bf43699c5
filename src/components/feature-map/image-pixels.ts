/**
 * Reading a photo's pixels for `<feature-map>`: the one part of its photo mode that needs the DOM (an image
 * decoder and a 2-D canvas), kept apart from the maths in src/engine. Loaded with the checked download it
 * uses only when a photo is shown (photo-maps-controller.ts), not by a page whose maps come from a trainer.
 */
import { AssetLoadError } from '../../engine/data/download.js';
import { fetchPhoto } from '../../engine/data/photo.js';
import type { RgbImage } from '../../engine/feature-maps.js';
import { message, MessageError } from '../../engine/messages.js';
import { FM_EN } from './feature-map.strings.js';

/** A photo's pixels as computed (RGB, 0–1, row-major, after any downscaling), with the size it came in. */
export type ImagePixels = RgbImage & { naturalWidth: number; naturalHeight: number };

/**
 * Loads an image and reads its pixels (RGB, 0–1, row-major), downscaled so its longer side is at most
 * `maxSide`. Requested with `crossOrigin = "anonymous"`: a same-site or CORS-enabled image can be
 * read; anything else fails to load or taints the canvas, and we say which in words.
 */
export async function loadImagePixels(src: string, maxSide: number): Promise<ImagePixels> {
  // Downloaded and checked first (timeout, size/checksum of the bundled photos, a whole PNG/JPEG; see
  // engine/data/photo.ts): a browser would happily decode half a photo. Failures there are retryable.
  const bytes = await fetchPhoto(src);
  const bitmap = bytes ? await createImageBitmap(new Blob([bytes])).catch(() => null) : null;
  if (bitmap) {
    try {
      return readPixels(bitmap, bitmap.width, bitmap.height, src, maxSide);
    } finally {
      bitmap.close();
    }
  }
  // data:/blob: URLs, and formats createImageBitmap cannot take from bytes (SVG): let an <img> decode it.
  const img = new Image();
  img.crossOrigin = 'anonymous';
  img.decoding = 'async';
  const cross = (() => {
    try {
      return (
        new URL(src, location.href).origin !== location.origin &&
        !src.startsWith('data:') &&
        !src.startsWith('blob:')
      );
    } catch {
      return false;
    }
  })();
  try {
    img.src = src;
    await img.decode();
  } catch {
    const detail = message(FM_EN, cross ? 'fm.image.cors' : 'fm.image.missing', { src });
    throw new AssetLoadError(detail.text, { kind: 'format', retryable: false, detail });
  }
  return readPixels(img, img.naturalWidth, img.naturalHeight, src, maxSide);
}

/** Reads a decoded image's pixels (RGB, 0–1), downscaled so its longer side is at most `maxSide`. */
function readPixels(
  img: CanvasImageSource,
  naturalWidth: number,
  naturalHeight: number,
  src: string,
  maxSide: number,
): ImagePixels {
  if (!naturalWidth || !naturalHeight) throw new MessageError(message(FM_EN, 'fm.image.noSize', { src }));
  const scale = Math.min(1, maxSide / Math.max(naturalWidth, naturalHeight));
  const width = Math.max(1, Math.round(naturalWidth * scale));
  const height = Math.max(1, Math.round(naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new MessageError(message(FM_EN, 'fm.image.noCanvas'));
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, 0, 0, width, height);
  let rgba: Uint8ClampedArray;
  try {
    rgba = ctx.getImageData(0, 0, width, height).data;
  } catch {
    throw new MessageError(message(FM_EN, 'fm.image.tainted', { src }));
  }
  const pixels = new Float32Array(width * height * 3);
  for (let i = 0, n = width * height; i < n; i++) {
    pixels[i * 3] = rgba[i * 4]! / 255;
    pixels[i * 3 + 1] = rgba[i * 4 + 1]! / 255;
    pixels[i * 3 + 2] = rgba[i * 4 + 2]! / 255;
  }
  return { pixels, width, height, naturalWidth, naturalHeight };
}
