/**
 * Image preprocessing without TensorFlow.js: turning what a reader draws into what an MNIST network expects.
 *
 * WHY this matters. A network trained on MNIST has only ever seen digits prepared one particular way, and it
 * is surprisingly bad at anything else: a digit drawn in a corner, or filling the whole pad, or with a
 * hairline stroke, is "out of distribution" and gets confident nonsense. So we repeat the preparation the
 * MNIST authors describe (LeCun, Cortes & Burges):
 *
 *   1. take the digit's bounding box (the ink, ignoring empty margins);
 *   2. scale it so that its longer side is 20 pixels, preserving the aspect ratio — a "1" stays thin;
 *      the scaling averages areas, which anti-aliases, so the result has grey levels like MNIST's;
 *   3. paste it into a 28×28 field so that its centre of mass (not the centre of its box) sits at the
 *      field's centre.
 *
 * All functions are pure, work on plain arrays of grey levels (0 = background, 1 = ink, row-major) and are
 * unit-tested on their own (test/engine/images.test.ts). Nothing here touches the DOM or a tensor.
 */

import { messagesOf, type Message } from './messages.js';
import { INPUT_MESSAGES } from './input.messages.js';

const say = messagesOf(INPUT_MESSAGES);

/** MNIST's side: images are 28×28. */
export const MNIST_SIDE = 28;
/** MNIST's digit box: the longer side of the digit is scaled to 20 pixels. */
export const MNIST_BOX = 20;

/** A grey-level image: `width × height` values, row-major, 0 (background) to 1 (ink). */
export interface GreyImage {
  data: Float32Array;
  width: number;
  height: number;
}

/** The inked region of an image: columns `x0 ≤ x < x1`, rows `y0 ≤ y < y1`. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Grey levels from canvas pixels (`ImageData.data`, RGBA bytes). The pad draws opaque ink on a transparent
 * canvas, so by default the alpha channel *is* the ink; `'luminance'` reads light ink on a dark background.
 */
export function greyFromRgba(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  mode: 'alpha' | 'luminance' = 'alpha',
): GreyImage {
  const n = width * height;
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    data[i] =
      mode === 'alpha'
        ? rgba[i * 4 + 3]! / 255
        : (0.2126 * rgba[i * 4]! + 0.7152 * rgba[i * 4 + 1]! + 0.0722 * rgba[i * 4 + 2]!) / 255;
  }
  return { data, width, height };
}

/**
 * The bounding box of the pixels above `threshold`, or null for a blank image. A small threshold ignores the
 * faint fringe anti-aliasing leaves, which would otherwise make the box a pixel too big on every side.
 */
export function boundingBox(img: GreyImage, threshold = 0.02): Box | null {
  let x0 = img.width;
  let y0 = img.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x]! > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Copies a rectangle out of an image. */
export function crop(img: GreyImage, box: Box): GreyImage {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = (box.y0 + y) * img.width + box.x0;
    data.set(img.data.subarray(row, row + width), y * width);
  }
  return { data, width, height };
}

/**
 * For one axis of an area-averaging resize: for every output cell, the input cells it covers and how much
 * of each (weights sum to 1). Output cell `o` covers input interval `[o·r, (o+1)·r)` with `r = in/out`.
 */
function areaWeights(inSize: number, outSize: number): { start: number; weights: number[] }[] {
  const r = inSize / outSize;
  const out: { start: number; weights: number[] }[] = [];
  for (let o = 0; o < outSize; o++) {
    const a = o * r;
    const b = (o + 1) * r;
    const start = Math.floor(a);
    const end = Math.min(inSize, Math.ceil(b - 1e-9));
    const weights: number[] = [];
    for (let i = start; i < end; i++) weights.push((Math.min(b, i + 1) - Math.max(a, i)) / r);
    out.push({ start, weights });
  }
  return out;
}

/**
 * Resizes by area averaging (a box filter): each output pixel is the mean of the input area it covers,
 * with partial pixels weighted by their overlap. Shrinking a thick black-and-white stroke this way yields
 * the soft grey edges MNIST digits have; total ink (mean × area) is preserved. Separable: rows, then columns.
 */
export function resizeArea(img: GreyImage, width: number, height: number): GreyImage {
  const wx = areaWeights(img.width, width);
  const wy = areaWeights(img.height, height);
  // Horizontal pass: img.height × width.
  const tmp = new Float32Array(img.height * width);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < width; x++) {
      const { start, weights } = wx[x]!;
      let s = 0;
      for (let k = 0; k < weights.length; k++) s += img.data[y * img.width + start + k]! * weights[k]!;
      tmp[y * width + x] = s;
    }
  }
  // Vertical pass: height × width.
  const data = new Float32Array(height * width);
  for (let y = 0; y < height; y++) {
    const { start, weights } = wy[y]!;
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = 0; k < weights.length; k++) s += tmp[(start + k) * width + x]! * weights[k]!;
      data[y * width + x] = Math.min(1, Math.max(0, s));
    }
  }
  return { data, width, height };
}

/** Centre of mass of the ink, in pixel-centre coordinates (pixel `i` is at `i + 0.5`); null when blank. */
export function centerOfMass(img: GreyImage): { x: number; y: number } | null {
  let m = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x]!;
      m += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return m > 0 ? { x: mx / m, y: my / m } : null;
}

/**
 * MNIST-style preprocessing of a drawing of any size: bounding box → longer side scaled to 20 (aspect ratio
 * kept, area-averaged) → pasted into 28×28 with its centre of mass at the centre (shifted by whole pixels,
 * as MNIST was, and kept inside the field). Returns 784 grey levels in 0..1; all zeros for a blank drawing.
 */
export function preprocessDigit(
  img: GreyImage,
  opts: { side?: number; box?: number; threshold?: number } = {},
): Float32Array {
  const side = opts.side ?? MNIST_SIDE;
  const boxSide = opts.box ?? MNIST_BOX;
  const out = new Float32Array(side * side);
  const box = boundingBox(img, opts.threshold);
  if (!box) return out;
  const digit = crop(img, box);
  const scale = boxSide / Math.max(digit.width, digit.height);
  const w = Math.max(1, Math.min(boxSide, Math.round(digit.width * scale)));
  const h = Math.max(1, Math.min(boxSide, Math.round(digit.height * scale)));
  const small = resizeArea(digit, w, h);
  const com = centerOfMass(small);
  if (!com) return out;
  // Where the small image's top-left goes so that its centre of mass lands on the field's centre.
  const clamp = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
  const left = clamp(Math.round(side / 2 - com.x), side - w);
  const top = clamp(Math.round(side / 2 - com.y), side - h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[(top + y) * side + left + x] = small.data[y * w + x]!;
  }
  return out;
}

/** True when an image has (almost) no ink: nothing worth predicting. */
export function isBlank(pixels: ArrayLike<number>, threshold = 0.02): boolean {
  for (let i = 0; i < pixels.length; i++) if (pixels[i]! > threshold) return false;
  return true;
}

/** One MNIST image (bytes 0..255, as the data loader returns them) as 784 grey levels in 0..1. */
export function mnistImage(images: Uint8Array, index: number): Float32Array {
  const px = MNIST_SIDE * MNIST_SIDE;
  const out = new Float32Array(px);
  for (let i = 0; i < px; i++) out[i] = images[index * px + i]! / 255;
  return out;
}

/**
 * Checks pixels handed to us by a writer (`setPixels`): `count` finite numbers (784 by default; `shape` names
 * them in the message). Values are clamped to 0..1 so a slightly-off array (0..1.0000001) still works; returns
 * the clean copy or a message saying what is wrong.
 */
export function checkPixels(
  values: unknown,
  count = MNIST_SIDE * MNIST_SIDE,
  shape = '28×28',
): Float32Array | { error: string; message: Message } {
  const bad = (m: Message) => ({ error: m.text, message: m });
  if (
    values === null ||
    typeof values !== 'object' ||
    typeof (values as ArrayLike<unknown>).length !== 'number'
  ) {
    return bad(say('pixels.notArray', { count }));
  }
  const arr = values as ArrayLike<unknown>;
  if (arr.length !== count) return bad(say('pixels.count', { count, shape, got: arr.length }));
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return bad(say('pixels.notFinite', { index: i }));
    out[i] = Math.min(1, Math.max(0, v));
  }
  return out;
}
