/**
 * The dataset a followed trainer trains on, read defensively (`datasetOf`), and MNIST's as the fallback. Apart
 * from followed.ts (which re-exports both) so that a follower that needs only the class names and the shape
 * (`<feature-map for>`) does not load the network parser with it.
 *
 * LIGHT: no DOM, no TensorFlow.js, no imports but types.
 */
import type { DatasetInfo, TrainerLike } from '../training/types.js';

/** MNIST as a dataset: what a follower assumes when its trainer says nothing about its data. */
export const MNIST_DATASET: Readonly<DatasetInfo> = Object.freeze({
  name: 'MNIST',
  classes: Object.freeze(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) as unknown as string[],
  shape: Object.freeze([28, 28, 1]) as unknown as [number, number, number],
});

/** True when the classes are MNIST's ten digits, '0' to '9' in order (a widget then speaks of digits). */
export const areDigitClasses = (classes: readonly string[]): boolean =>
  classes.length === 10 && classes.every((c, i) => c === String(i));

/**
 * True for a dataset of MNIST's shape: 28×28 grey images in 10 classes (MNIST, and Fashion-MNIST too), which
 * the lesson's networks fit unchanged.
 */
export const isMnistShaped = (d: Readonly<Pick<DatasetInfo, 'shape' | 'classes'>>): boolean =>
  d.shape.join() === '28,28,1' && d.classes.length === 10;

const isSide = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1024;

/**
 * The trainer's `datasetInfo` (`<cnn-trainer>`'s: an HTML element's `dataset` is its data-* map), else its
 * `dataset` (a stand-in's), when it is a usable one (a name, 2+ class names, `[h, w, 1 | 3]`); else MNIST.
 */
export function datasetOf(
  trainer: Pick<TrainerLike, 'dataset' | 'datasetInfo'> | null | undefined,
): Readonly<DatasetInfo> {
  let d: Partial<DatasetInfo> | null | undefined;
  try {
    d = trainer?.datasetInfo ?? trainer?.dataset; // a getter of a writer's own element may throw
  } catch {
    d = null;
  }
  if (!d || typeof d !== 'object') return MNIST_DATASET;
  const { classes, shape } = d;
  if (!Array.isArray(classes) || classes.length < 2 || classes.length > 1000) return MNIST_DATASET;
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every(isSide)) return MNIST_DATASET;
  if (shape[2] !== 1 && shape[2] !== 3) return MNIST_DATASET;
  return {
    name: typeof d.name === 'string' && d.name.trim() ? d.name : 'the dataset',
    classes: classes.map((c, i) => (typeof c === 'string' && c.trim() ? c : String(i))),
    shape: [shape[0], shape[1], shape[2]],
  };
}
