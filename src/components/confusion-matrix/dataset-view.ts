/**
 * What `<confusion-matrix for>` takes from its trainer's dataset: the class names for its axes (when the writer
 * gives no `labels`), and its test images at their own size and colour for the thumbnails of a cell.
 */
import type { TestExample, TrainerLike } from '../../engine/training/types.js';
import { paintGrey, pixelContext } from '../shared/paint.js';

/**
 * The class names of the followed trainer's dataset (`datasetInfo`, read defensively: a stand-in may call it
 * `dataset`, and an HTML element's `dataset` is its data-* map), when there are `n` of them; else null.
 */
export function trainerClasses(trainer: TrainerLike | null | undefined, n: number): string[] | null {
  for (const info of [trainer?.datasetInfo, trainer?.dataset]) {
    const classes = (info as { classes?: unknown } | null | undefined)?.classes;
    if (
      Array.isArray(classes) &&
      classes.length === n &&
      classes.every((c) => typeof c === 'string' && c.trim())
    )
      return classes.slice() as string[];
  }
  return null;
}

/** `[height, width, channels]` of a test image (MNIST's 28×28×1 when it does not say). */
export const thumbShape = (ex: TestExample | undefined): [number, number, number] => {
  const s = ex?.shape;
  return Array.isArray(s) && s.length === 3 && s.every((v) => Number.isInteger(v) && v > 0) ? s : [28, 28, 1];
};

/**
 * Paints a test image into its thumbnail canvas: grey images as dark ink on light paper (MNIST-like digits are
 * white on black, the other way round from how they were written), RGB images as they are.
 */
export function paintThumb(canvas: HTMLCanvasElement, ex: TestExample): void {
  const [h, w, c] = thumbShape(ex);
  if (c !== 3) return paintGrey(canvas, ex.pixels, w, h, { invert: true });
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const img = new ImageData(w, h);
  for (let i = 0; i < w * h; i++) {
    img.data[i * 4] = ex.pixels[i * 3] ?? 0;
    img.data[i * 4 + 1] = ex.pixels[i * 3 + 1] ?? 0;
    img.data[i * 4 + 2] = ex.pixels[i * 3 + 2] ?? 0;
    img.data[i * 4 + 3] = 255;
  }
  pixelContext(canvas)?.putImageData(img, 0, 0);
}
