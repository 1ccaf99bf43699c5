/**
 * Paints images (an MNIST digit, a drawn pad, a colour dataset's picture, a photo) into canvases.
 *
 * Why one function: the trainer's followers each had their own loop from values to RGBA bytes, and they
 * differed in rounding, in what a value out of range or `NaN` became, and in which way round the ink was.
 */

/**
 * The 2-D context of a canvas whose pixels the CPU writes (`putImageData`): a small image, a map, a thumbnail.
 * Asked for with `willReadFrequently`, which keeps the canvas in main memory: a GPU-backed canvas costs each
 * of the dozens of small canvases a lesson shows a GPU surface, created and flushed on the page's main thread
 * at every frame that changes it (34 ms for one feature map's canvases measured under a software GPU), for
 * pictures of 28 × 28 pixels. Every call for one canvas must ask the same way: only the first call's options
 * count.
 */
export const pixelContext = (canvas: HTMLCanvasElement): CanvasRenderingContext2D | null =>
  canvas.getContext('2d', { willReadFrequently: true });

export interface PaintGreyOptions {
  /**
   * The value that means full ink: `255` for bytes, `1` for fractions. Default: 255 for a `Uint8Array` or
   * `Uint8ClampedArray`, else 1. Values are clamped to 0..max; one that is not a finite number paints as 0.
   */
  max?: number;
  /**
   * Dark ink on light paper (`255 − v`): how a reader expects a handwritten digit to look. MNIST itself is
   * white ink on black.
   */
  invert?: boolean;
  /**
   * Paint this colour (`[r, g, b]`, e.g. the CSS `color` of the canvas) with each value as its opacity, instead
   * of grey levels on an opaque background: the digit then sits on whatever is behind the canvas.
   */
  ink?: readonly [number, number, number];
}

/** Fills an `ImageData` of `width` × `height` from row-major values (see `PaintGreyOptions`). */
export function greyImageData(
  values: ArrayLike<number>,
  width: number,
  height: number,
  options: PaintGreyOptions = {},
): ImageData {
  const img = new ImageData(Math.max(1, width), Math.max(1, height));
  const max = options.max ?? (values instanceof Uint8Array || values instanceof Uint8ClampedArray ? 255 : 1);
  const scale = max > 0 ? 255 / max : 0;
  const px = img.data;
  const ink = options.ink;
  for (let i = 0, n = Math.min(width * height, values.length); i < n; i++) {
    const v = values[i]!;
    // ImageData's bytes are a Uint8ClampedArray: out-of-range levels clamp to 0..255 on their own.
    const k = Number.isFinite(v) ? Math.round(v * scale) : 0;
    const o = i * 4;
    if (ink) {
      px[o] = ink[0];
      px[o + 1] = ink[1];
      px[o + 2] = ink[2];
      px[o + 3] = k;
    } else {
      const g = options.invert ? 255 - k : k;
      px[o] = px[o + 1] = px[o + 2] = g;
      px[o + 3] = 255;
    }
  }
  return img;
}

/**
 * Paints values as a `width` × `height` image: into a canvas (resized to that size when it differs) or, given
 * a 2-D context, at its top-left corner. Does nothing when the canvas has no 2-D context.
 */
export function paintGrey(
  target: HTMLCanvasElement | CanvasRenderingContext2D,
  values: ArrayLike<number>,
  width: number,
  height: number,
  options: PaintGreyOptions = {},
): void {
  if (width < 1 || height < 1) return;
  let ctx: CanvasRenderingContext2D | null;
  if (target instanceof HTMLCanvasElement) {
    if (target.width !== width) target.width = width;
    if (target.height !== height) target.height = height;
    ctx = pixelContext(target);
  } else ctx = target;
  ctx?.putImageData(greyImageData(values, width, height, options), 0, 0);
}

/**
 * Fills an opaque `ImageData` of `width` × `height` from row-major RGB values in 0..1, channels last (a colour
 * dataset's image, as the network sees it). A value that is not a finite number paints as 0.
 */
export function rgbImageData(values: ArrayLike<number>, width: number, height: number): ImageData {
  const img = new ImageData(Math.max(1, width), Math.max(1, height));
  const px = img.data;
  for (let i = 0, n = Math.min(width * height, Math.floor(values.length / 3)); i < n; i++) {
    for (let k = 0; k < 3; k++) {
      const v = values[i * 3 + k]!;
      px[i * 4 + k] = Number.isFinite(v) ? Math.round(v * 255) : 0;
    }
    px[i * 4 + 3] = 255;
  }
  return img;
}

/**
 * Paints an image as the network sees it into a canvas (resized to `width` × `height`): grey levels as `ink`
 * with each value as its opacity (see `PaintGreyOptions.ink`), or RGB values (3 per pixel) as they are.
 */
export function paintInput(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  shape: readonly [number, number, number],
  ink: readonly [number, number, number],
): void {
  const [height, width, channels] = shape;
  if (channels !== 3) return paintGrey(canvas, values, width, height, { ink });
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  pixelContext(canvas)?.putImageData(rgbImageData(values, width, height), 0, 0);
}

/** Paints RGB values (0–1, three per pixel, row-major: a photo as computed) into a canvas at their size. */
export function paintRgb(
  canvas: HTMLCanvasElement,
  img: { pixels: ArrayLike<number>; width: number; height: number },
): void {
  canvas.width = img.width;
  canvas.height = img.height;
  pixelContext(canvas)?.putImageData(rgbImageData(img.pixels, img.width, img.height), 0, 0);
}
