/**
 * "Try a test image": one real test image, chosen at random, for the pad to show and predict — from the followed
 * trainer's own test data when its session has loaded it (any dataset it trains on), else from the library's
 * MNIST test digits (downloaded once per page; a pad with no trainer, or one whose trainer has not started).
 */
import type { DatasetInfo, TrainerSession } from '../../engine/training/types.js';
import { shapeSize } from '../../engine/pad-input.js';
import { areDigitClasses, isMnistShaped } from '../../engine/models/dataset-of.js';
import { message, MessageError } from '../../engine/messages.js';
import { PAD_EN } from './digit-pad.strings.js';

/** A test image as the pad shows it: values in 0..1 (h×w×c), its index in the test set and its label. */
export interface PickedTestImage {
  pixels: Float32Array;
  index: number;
  label: number;
}

/**
 * Picks one. Rejects with a sentence (and `retryable`) when none can be had: a failed download, or a dataset
 * other than MNIST whose trainer has not loaded its data yet.
 */
export async function pickTestImage(options: {
  session: Partial<TrainerSession> | null;
  dataset: Readonly<DatasetInfo>;
  trainerId: string | null;
  dataSrc: string;
}): Promise<PickedTestImage> {
  const { session, dataset } = options;
  const size = shapeSize(dataset.shape);
  const own =
    typeof session?.testImage === 'function' ? session.testImage(Math.floor(Math.random() * 2 ** 31)) : null;
  if (own && own.pixels.length === size) {
    return { pixels: Float32Array.from(own.pixels, (v) => v / 255), index: own.index, label: own.label };
  }
  if (!isMnistShaped(dataset) || !areDigitClasses(dataset.classes)) {
    const m = message(PAD_EN, 'pad.testNeedsStart', { name: dataset.name, id: options.trainerId ?? '' });
    throw Object.assign(new MessageError(m), { retryable: false });
  }
  const { loadMnist } = await import('../../engine/data/mnist.js');
  const split = await loadMnist({
    split: 'test',
    count: 1000,
    ...(options.dataSrc ? { baseUrl: options.dataSrc } : {}),
  });
  const index = Math.floor(Math.random() * split.count);
  const pixels = Float32Array.from(split.images.subarray(index * size, (index + 1) * size), (v) => v / 255);
  return { pixels, index, label: split.labels[index]! };
}
