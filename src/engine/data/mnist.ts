/**
 * MNIST, the library's own dataset: its facts, and `loadMnist`, which is `loadDataset` (dataset.ts) with the
 * library's MNIST as the default `baseUrl`. Nothing here is special to MNIST in how the data is read: MNIST is
 * one dataset of the format (packed from the official IDX files by scripts/assets/20-mnist.mjs).
 */
import { clearDatasetCache, DatasetLoadError, loadDataset, type LoadDatasetOptions } from './dataset.js';
import type { DatasetSplit, DatasetProgress, SplitName } from './dataset.js';

export { fnv1a, toFloat } from './dataset.js';

/** Side of an MNIST image in pixels. */
export const MNIST_SIZE = 28;
/** Pixels per MNIST image (28 × 28). */
export const MNIST_PIXELS = MNIST_SIZE * MNIST_SIZE;
/** The ten class names, indexed by label. */
export const MNIST_CLASSES: readonly string[] = Object.freeze([
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
]);
/** Examples in each split of the official data set. */
export const MNIST_COUNTS: Readonly<Record<MnistSplitName, number>> = Object.freeze({
  train: 60000,
  test: 10000,
});

export type MnistSplitName = SplitName;
/** The first `count` examples of a split (see `DatasetSplit`). */
export type MnistSplit = DatasetSplit;
export type MnistProgress = DatasetProgress;
export type LoadMnistOptions = LoadDatasetOptions;
/** The error of every dataset load (`DatasetLoadError`), by its older name. */
export const MnistLoadError = DatasetLoadError;
export type MnistLoadError = DatasetLoadError;

/** `loadDataset`: the library's MNIST unless `baseUrl` names another dataset folder. */
export const loadMnist = (opts: LoadMnistOptions): Promise<MnistSplit> => loadDataset(opts);
/** Forgets every dataset download of the page (tests). */
export const clearMnistCache = clearDatasetCache;
