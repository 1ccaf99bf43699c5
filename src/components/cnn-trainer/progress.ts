/**
 * What the trainer says about a run, as plain functions of the run's state: the progress bar's value and text,
 * the charts' text alternatives and the live region's announcements. No DOM: each is a function of its
 * arguments, so the wording is tested (and translated, later) in one place. Numbers go through format.ts.
 */
import { formatInteger, formatFixed, formatMegabytes, formatPercent } from '../shared/format.js';
import type { TrainConfig } from '../../engine/training/config.js';
import type { FallbackNote } from '../../engine/backend.js';
import type { TrainerBatch, TrainerEpoch, TrainerState } from '../../engine/training/types.js';

/** The dataset download's progress, as the trainer keeps it from `data-progress` (every field finite). */
export interface DataProgress {
  fraction: number;
  split: string;
  /** The dataset's name (MNIST when the detail does not say). */
  dataset: string;
  loaded: number;
  total: number;
}

/** The smoothed curves the charts show: x in epochs, parallel to each series. */
export interface Curves {
  x: number[];
  loss: number[];
  acc: number[];
  testX: number[];
  test: number[];
}

/** What the progress bar shows about the run. */
export interface ProgressInput {
  state: TrainerState;
  /** The configuration in effect (null while a setting is bad). */
  config: TrainConfig | null;
  /** The download's progress while loading, or null before the first report. */
  progress: DataProgress | null;
  /** The last batch of the run, or null before the first. */
  lastBatch: TrainerBatch | null;
  /** The run only evaluates loaded weights (no batches). */
  evaluating?: boolean;
  /** The settings wait for the dataset.json of `data-src` (a `layers` network is checked against it). */
  waiting?: boolean;
  /** What it trains on, when known: a dataset other than MNIST is named, with its classes, in what Start would do. */
  dataset?: { name: string; classes: readonly string[] } | null;
}

/** At most this many class names are listed; more are counted. */
const LISTED_CLASSES = 10;

/** ` of Shapes (3 classes: blue-bar, green-disc, red-square)`, or '' for MNIST (the lesson's, said nowhere else). */
function ofDataset(d: ProgressInput['dataset']): string {
  if (!d || (d.name === 'MNIST' && d.classes.join() === '0,1,2,3,4,5,6,7,8,9')) return '';
  const n = d.classes.length;
  const names = n <= LISTED_CLASSES ? `: ${d.classes.join(', ')}` : '';
  return ` of ${d.name} (${formatInteger(n)} classes${names})`;
}

/** Reads a `data-progress` detail defensively: a fraction clamped to 0..1, counts that are numbers. */
export function dataProgress(detail: unknown): DataProgress {
  const p = detail as Partial<Record<keyof DataProgress, unknown>> | null;
  const f = Number(p?.fraction);
  return {
    fraction: Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0,
    split: String(p?.split ?? ''),
    dataset: typeof p?.dataset === 'string' && p.dataset ? p.dataset : 'MNIST',
    loaded: Number(p?.loaded) || 0,
    total: Number(p?.total) || 0,
  };
}

/** The progress bar's value (0..1) and its text: download, then epoch and batch, else what Start would do. */
export function progressInfo({
  state,
  config,
  progress,
  lastBatch: b,
  waiting,
  evaluating,
  dataset,
}: ProgressInput): {
  value: number;
  text: string;
} {
  if (evaluating && state !== 'loading' && state !== 'idle') {
    const what = state === 'done' ? 'Loaded weights, evaluated' : 'Evaluating the loaded weights';
    return {
      value: state === 'done' ? 1 : 0,
      text: state === 'error' ? 'Failed' : `${what} on the test images`,
    };
  }
  if (state === 'loading') {
    if (!progress) return { value: 0, text: 'Starting TensorFlow.js…' };
    const { fraction, split, loaded, total, dataset } = progress;
    const sizes = total ? `${formatMegabytes(loaded)} of ${formatMegabytes(total)} MB · ` : '';
    return {
      value: fraction,
      text: `Downloading ${dataset} ${split} images: ${sizes}${Math.round(fraction * 100)}%`,
    };
  }
  if (b && config) {
    const batches = Math.max(1, b.batches);
    const done = (b.epoch - 1) * batches + b.batch;
    const value = Math.min(1, Math.max(0, done / (config.epochs * batches)));
    const speed =
      Number.isFinite(b.imagesPerSecond) && b.imagesPerSecond > 0
        ? ` · ${formatInteger(b.imagesPerSecond)} img/s`
        : '';
    const prefix =
      state === 'paused' ? 'Paused · ' : state === 'done' ? 'Done · ' : state === 'error' ? 'Stopped · ' : '';
    return {
      value,
      text: `${prefix}epoch ${b.epoch}/${config.epochs} · batch ${formatInteger(b.batch)}/${formatInteger(batches)}${speed}`,
    };
  }
  if (state === 'training') return { value: 0, text: 'Preparing the first batch…' };
  if (state === 'paused') return { value: 0, text: 'Paused' };
  if (state === 'error') return { value: 0, text: 'Failed' };
  return {
    value: 0,
    text: config
      ? `Ready: ${formatInteger(config.epochs)} epoch${config.epochs === 1 ? '' : 's'} on ${formatInteger(config.trainSize)} images${ofDataset(dataset)}`
      : waiting
        ? 'Reading the dataset…'
        : 'Fix the settings to start',
  };
}

/** A chart's text alternative: what it shows and where its curve went. */
export function chartSummary(kind: 'loss' | 'accuracy', c: Curves): string {
  const n = c.x.length;
  if (!n)
    return kind === 'loss'
      ? 'Loss per batch (smoothed): no data yet.'
      : 'Accuracy per batch and test accuracy per epoch: no data yet.';
  if (kind === 'loss')
    return `Loss per batch (smoothed): from ${formatFixed(c.loss[0], 2)} to ${formatFixed(c.loss[n - 1], 2)} after ${formatInteger(n)} batches.`;
  const t = c.test.length
    ? ` Test accuracy by epoch: ${c.test.map((a) => formatPercent(a)).join(', ')}.`
    : '';
  return `Training accuracy per batch (smoothed): from ${formatPercent(c.acc[0])} to ${formatPercent(c.acc[n - 1])}.${t}`;
}

/** Said when training starts: the network, the backend and every fallback (a silent one is a mystery slowness). */
export const startAnnouncement = (
  model: string,
  backend: string | null,
  fallbacks: readonly FallbackNote[],
): string =>
  [
    `Training the ${model.toUpperCase()} on ${backend ?? 'the'} backend.`,
    ...fallbacks.map((n) => n.message),
  ].join(' ');

/** Said once per epoch (never per batch): a screen reader user hears the lesson, not a ticker. */
export const epochAnnouncement = (ep: TrainerEpoch, epochs: number | undefined): string =>
  `Epoch ${ep.epoch} of ${epochs ?? '?'} done${
    Number.isFinite(ep.testAccuracy) ? `: test accuracy ${formatPercent(ep.testAccuracy)}` : ''
  }.`;

/** Said when loaded weights have been evaluated. */
export const loadedAnnouncement = (testAccuracy: number | null): string =>
  testAccuracy === null || !Number.isFinite(testAccuracy)
    ? 'Weights loaded.'
    : `Weights loaded: test accuracy ${formatPercent(testAccuracy)}.`;

/** Said when the run ends, finished or stopped. */
export const endAnnouncement = (stopped: boolean, testAccuracy: number | null): string => {
  const how = stopped ? 'Training stopped' : 'Training finished';
  return testAccuracy === null || !Number.isFinite(testAccuracy)
    ? `${how}.`
    : `${how}: test accuracy ${formatPercent(testAccuracy)}.`;
};
