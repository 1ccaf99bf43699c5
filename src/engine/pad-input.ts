/**
 * What a drawing becomes for a network trained on some dataset: the pad's canvas pixels turned into that
 * dataset's input, `height × width × channels` values in 0..1, row-major, channels last (as the trainer's
 * images and the network's NHWC input are laid out).
 *
 * - Grey, square (MNIST, Fashion-MNIST, KMNIST, EMNIST, a 16×16 digit set…): prepared the way MNIST digits
 *   were (images.ts: bounding box scaled to 20/28 of the side, centred by centre of mass), at the dataset's
 *   side. The ink is the canvas's alpha (the pad draws opaque ink on a transparent canvas).
 * - Grey, not square: the whole pad scaled to the dataset's size (area-averaged), ink from alpha.
 * - RGB: the whole pad scaled to the dataset's size, each channel area-averaged; the pad is painted white
 *   first and drawn on in colour, so its RGB bytes are the picture.
 *
 * LIGHT: no DOM, no TensorFlow.js (unit-tested in test/engine/pad-input.test.ts).
 */
import { greyFromRgba, MNIST_BOX, MNIST_SIDE, preprocessDigit, resizeArea } from './images.js';

/** `[height, width, channels]` of one image (channels 1 = grey, 3 = RGB). */
export type ImageShape = readonly [number, number, number];

/** The shape as a reader reads it: `28×28`, `32×32×3`. */
export const shapeText = ([h, w, c]: ImageShape): string => `${h}×${w}${c > 1 ? `×${c}` : ''}`;

/** Values in one image of this shape. */
export const shapeSize = ([h, w, c]: ImageShape): number => h * w * c;

/**
 * The network's input for canvas pixels (`ImageData.data`, RGBA bytes, `width × height`) and a dataset's image
 * shape. Returns `h·w·c` values in 0..1 (all zeros for a blank grey drawing).
 */
export function padToInput(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  shape: ImageShape,
): Float32Array {
  const [h, w, c] = shape;
  if (c === 1) {
    const grey = greyFromRgba(rgba, width, height, 'alpha');
    if (h === w)
      return preprocessDigit(grey, { side: h, box: Math.max(1, Math.round((h * MNIST_BOX) / MNIST_SIDE)) });
    return resizeArea(grey, w, h).data;
  }
  const out = new Float32Array(h * w * c);
  const plane = new Float32Array(width * height);
  for (let k = 0; k < c; k++) {
    const from = Math.min(k, 2); // a fourth channel (if ever) reads blue, never alpha
    for (let i = 0; i < plane.length; i++) plane[i] = rgba[i * 4 + from]! / 255;
    const small = resizeArea({ data: plane, width, height }, w, h).data;
    for (let i = 0; i < h * w; i++) out[i * c + k] = small[i]!;
  }
  return out;
}
