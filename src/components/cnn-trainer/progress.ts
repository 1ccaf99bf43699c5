/**
 * What the trainer says about a run, as plain functions of the run's state: the progress bar's value and text,
 * the charts' text alternatives and the live region's announcements. No DOM: each is a function of its
 * arguments, so the wording is tested (and translated, later) in one place. Numbers go through format.ts.
 */
import { messagesOf, type Message } from '../../engine/messages.js';
import { TRAINER_EN } from './cnn-trainer.strings.js';
import { areDigitClasses } from '../../engine/models/dataset-of.js';
import type { TrainConfig } from '../../engine/training/config.js';
import type { TrainerBatch, TrainerEpoch, TrainerState } from '../../engine/training/types.js';

const say = messagesOf(TRAINER_EN);

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
  /** The run was stopped (its last batch is said as where it stopped). */
  stopped?: boolean;
  /** The settings wait for the dataset.json of `data-src` (a `layers` network is checked against it). */
  waiting?: boolean;
  /** What it trains on, when known: a dataset other than MNIST is named, with its classes, in what Start would do. */
  dataset?: { name: string; classes: readonly string[] } | null;
}

/** At most this many class names are listed; more are counted. */
const LISTED_CLASSES = 10;

/** ` of Shapes (3 classes: blue-bar, green-disc, red-square)`, or '' for MNIST (the lesson's, said nowhere else). */
function ofDataset(d: ProgressInput['dataset']): Message | '' {
  if (!d || (d.name === 'MNIST' && areDigitClasses(d.classes))) return '';
  const n = d.classes.length;
  const names = n <= LISTED_CLASSES ? d.classes.join(', ') : '';
  return say('trainer.ofDataset', { name: d.name, classes: n, names });
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

/**
 * The progress bar's value (0..1) and its text: download, then epoch and batch, else what Start would do. The
 * text is a message (said in the reader's language by the element; `.text` is the English).
 */
export function progressInfo({
  state,
  config,
  progress,
  lastBatch: b,
  waiting,
  evaluating,
  stopped,
  dataset,
}: ProgressInput): {
  value: number;
  text: Message;
} {
  if (evaluating && state !== 'loading' && state !== 'idle') {
    return {
      value: state === 'done' ? 1 : 0,
      text: say(
        state === 'error' ? 'trainer.failed' : state === 'done' ? 'trainer.evaluated' : 'trainer.evaluating',
      ),
    };
  }
  if (state === 'loading') {
    if (!progress) return { value: 0, text: say('trainer.startingTf') };
    const { fraction, loaded, total, dataset } = progress;
    const split =
      progress.split === 'train'
        ? say('trainer.split.train')
        : progress.split === 'test'
          ? say('trainer.split.test')
          : progress.split;
    const percent = Math.round(fraction * 100) / 100;
    return {
      value: fraction,
      text: total
        ? say('trainer.downloadingSized', {
            dataset,
            split,
            loaded: loaded / 1e6,
            total: total / 1e6,
            percent,
          })
        : say('trainer.downloading', { dataset, split, percent }),
    };
  }
  if (b && config) {
    const batches = Math.max(1, b.batches);
    const done = (b.epoch - 1) * batches + b.batch;
    const value = Math.min(1, Math.max(0, done / (config.epochs * batches)));
    const speed = Number.isFinite(b.imagesPerSecond) && b.imagesPerSecond > 0 ? b.imagesPerSecond : 0;
    const shown =
      state === 'done' && stopped
        ? 'stopped'
        : state === 'paused' || state === 'done'
          ? state
          : state === 'error'
            ? 'stopped'
            : '';
    return {
      value,
      text: say('trainer.batch', {
        state: shown,
        epoch: b.epoch,
        epochs: config.epochs,
        batch: b.batch,
        batches,
        speed,
      }),
    };
  }
  if (state === 'training') return { value: 0, text: say('trainer.preparing') };
  if (state === 'paused') return { value: 0, text: say('trainer.paused') };
  if (state === 'error') return { value: 0, text: say('trainer.failed') };
  return {
    value: 0,
    text: config
      ? say('trainer.ready', { epochs: config.epochs, images: config.trainSize, of: ofDataset(dataset) })
      : waiting
        ? say('trainer.readingDataset')
        : say('trainer.fixSettings'),
  };
}

/** A chart's text alternative: what it shows and where its curve went (`percent` formats the test accuracies). */
export function chartSummary(kind: 'loss' | 'accuracy', c: Curves, percent: (x: number) => string): Message {
  const n = c.x.length;
  if (!n) return say(kind === 'loss' ? 'trainer.lossEmpty' : 'trainer.accuracyEmpty');
  if (kind === 'loss')
    return say('trainer.lossSummary', { from: c.loss[0] ?? NaN, to: c.loss[n - 1] ?? NaN, batches: n });
  return say('trainer.accuracySummary', {
    from: c.acc[0] ?? NaN,
    to: c.acc[n - 1] ?? NaN,
    tests: c.test.map(percent).join(', '),
  });
}

/** Said when training starts: the network and the backend (the fallbacks follow, as the engine words them). */
export const startAnnouncement = (model: string, backend: string | null): Message =>
  say('trainer.announceStart', { model: model.toUpperCase(), backend: backend ?? '' });

/** Said once per epoch (never per batch): a screen reader user hears the lesson, not a ticker. */
export const epochAnnouncement = (ep: TrainerEpoch, epochs: number | undefined): Message =>
  say('trainer.announceEpoch', { epoch: ep.epoch, epochs: epochs ?? -1, accuracy: ep.testAccuracy });

/** Said when loaded weights have been evaluated. */
export const loadedAnnouncement = (testAccuracy: number | null): Message =>
  say('trainer.announceLoaded', { accuracy: testAccuracy ?? NaN });

/** Said when the run ends, finished or stopped. */
export const endAnnouncement = (stopped: boolean, testAccuracy: number | null): Message =>
  say('trainer.announceEnd', { stopped: stopped ? 'yes' : 'no', accuracy: testAccuracy ?? NaN });
