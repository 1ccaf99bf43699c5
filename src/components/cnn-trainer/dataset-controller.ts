import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  MNIST_DATASET,
  MNIST_TEST_COUNT,
  MNIST_TRAIN_COUNT,
  type TrainConfig,
  type TrainDataset,
} from '../../engine/training/config-base.js';
import type { DatasetInfo, TrainerSession } from '../../engine/training/types.js';
import { messageOf, type Message } from '../../engine/messages.js';
import type { ProgressInput } from './progress.js';

/** What the trainer gives the controller. */
export interface DatasetHost extends ReactiveControllerHost, HTMLElement {
  readonly session: TrainerSession | null;
}

/** Told each time what the trainer trains on becomes known or changes (the trainer fires `dataset`). */
export type DatasetKnown = (info: DatasetInfo) => void;

/** A dataset as the trainer keeps it: what it is, and how many examples each split holds. */
type Known = TrainDataset & { counts: { train: number; test: number } };

const MNIST: Known = { ...MNIST_DATASET, counts: { train: MNIST_TRAIN_COUNT, test: MNIST_TEST_COUNT } };

/**
 * What the trainer trains on (`trainer.dataset`): the library's MNIST without `data-src`, else the dataset.json
 * of that folder, read as soon as `data-src` is set (one small file, through the light dataset loader that is
 * imported only then), so that class names reach the followers and a `layers` network is checked against the
 * real channels, size and class count before the reader presses Start. Once a run has loaded its data, the
 * session's own account of it wins. A failed read is kept as `error` (with `retryable`) for part="error".
 *
 * Each time what it knows becomes known or changes (MNIST at the first update, a `data-src`'s dataset.json once
 * read, a run's own read that says otherwise), `known` is called with the new `info`: the trainer fires
 * `dataset`, so that its followers take the class names and the image shape at once, without polling.
 */
export class DatasetController implements ReactiveController {
  private known: Known | null = MNIST;
  /** The `data-src` the current `known` (or load) belongs to; undefined: none read yet. */
  private src: string | null | undefined = undefined;
  private abort: AbortController | null = null;
  /** The read of `data-src`'s dataset.json in flight (the trainer's `updateComplete` waits for it), or null. */
  pending: Promise<void> | null = null;
  /**
   * Why the dataset.json of `data-src` could not be read, or null. `message`: the engine's message as data where
   * it carries one (said in the reader's language).
   */
  error: { message: Message | string; retryable: boolean } | null = null;

  /** The info last announced through `known` (JSON), so an unchanged adopt announces nothing. */
  private announced = '';

  constructor(
    private readonly host: DatasetHost,
    private readonly onKnown: DatasetKnown = () => {},
  ) {
    host.addController(this);
    // A run's session read dataset.json itself (a redeployed folder, a Retry after a failed read): it wins.
    host.addEventListener('train-start', () => {
      const d = host.session?.dataset as (TrainDataset & { counts?: Known['counts'] }) | null | undefined;
      if (d?.classes && d.shape)
        this.adopt({ ...d, counts: d.counts ?? { train: Infinity, test: Infinity } });
    });
  }

  /** What the trainer trains on (a fresh copy), or null while the dataset.json of `data-src` loads or failed. */
  get info(): DatasetInfo | null {
    const k = this.known;
    return k ? { name: k.name, classes: k.classes.slice(), shape: [...k.shape] } : null;
  }
  /** The dataset's facts for checking a network (classes, shape, standardisation), or null while unknown. */
  get dataset(): TrainDataset | null {
    return this.known;
  }
  /** Still reading the dataset.json of `data-src`. */
  get loading(): boolean {
    return this.known === null && this.error === null;
  }

  /** How many examples each split holds (MNIST's 60,000 and 10,000), or null while unknown. */
  get counts(): { train: number; test: number } | null {
    const c = this.known?.counts;
    return c ? { ...c } : null;
  }

  /** `config` with its sizes clamped to what the dataset holds (for the text that says what Start will do). */
  clamp(config: TrainConfig | null): TrainConfig | null {
    const c = this.known?.counts;
    if (!config || !c) return config;
    return {
      ...config,
      trainSize: Math.min(config.trainSize, c.train),
      testSize: Math.min(config.testSize ?? c.test, c.test),
    };
  }

  /** What the progress text says of the dataset: what it is, whether it is still read, `config` clamped to it. */
  display(config: TrainConfig | null): Pick<ProgressInput, 'config' | 'waiting' | 'dataset'> {
    return { config: this.clamp(config), waiting: this.loading, dataset: this.known };
  }

  /** The value a setting's control shows: the train size the dataset really holds (a small one's 240, not 60,000). */
  shown(key: string, value: unknown): unknown {
    const c = this.known?.counts;
    return key === 'trainSize' && c && typeof value === 'number' ? Math.min(value, c.train) : value;
  }

  /** How many test images a run of `config` evaluates on, as far as known before it starts (else null). */
  testImages(config: TrainConfig | null): number | null {
    return this.clamp(config)?.testSize ?? this.known?.counts.test ?? null;
  }

  /** `update()`, after every read of dataset.json in flight (the element's `updateComplete`). */
  async settled(update: () => Promise<boolean>): Promise<boolean> {
    let done = await update();
    while (this.pending) {
      await this.pending;
      done = await update();
    }
    return done;
  }

  /** Follows the element's `data-src` (called on every update; only a change loads). */
  sync(dataSrc: string | null): void {
    const src = dataSrc?.trim() || null;
    if (src === this.src) return;
    this.src = src;
    this.abort?.abort();
    this.abort = null;
    this.error = null;
    if (!src) return this.adopt(MNIST);
    this.known = null;
    this.announced = ''; // unknown meanwhile: the same dataset read again is news to the followers
    const ac = (this.abort = new AbortController());
    const read: Promise<void> = import('../../engine/data/dataset.js')
      .then((m) => m.loadDatasetInfo(src, ac.signal))
      .then(
        (meta) => {
          if (!ac.signal.aborted) this.adopt(meta);
        },
        (e: unknown) => {
          if (ac.signal.aborted) return;
          const err = e as { message?: unknown; retryable?: unknown } | null;
          this.error = {
            message: messageOf(e) ?? (typeof err?.message === 'string' ? err.message : String(e)),
            retryable: err?.retryable !== false,
          };
          this.host.requestUpdate();
        },
      )
      .finally(() => {
        if (this.pending === read) this.pending = null;
      });
    this.pending = read;
  }

  /** Reads the dataset.json of `data-src` again (the Retry after a failed read). */
  retry(): void {
    const src = this.src;
    this.src = undefined;
    this.sync(src ?? null);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // Removed while reading: stop; a later connect reads again (sync sees no `src`).
    if (this.known === null) {
      this.abort?.abort();
      this.src = undefined;
    }
  }

  private adopt(d: Known): void {
    this.known = {
      name: d.name,
      classes: d.classes.slice(),
      shape: [...d.shape] as [number, number, number],
      normalize: { mean: d.normalize.mean.slice(), std: d.normalize.std.slice() },
      counts: { ...d.counts },
    };
    this.error = null;
    this.host.requestUpdate();
    const info = this.info!;
    const key = JSON.stringify(info);
    if (key === this.announced) return;
    this.announced = key;
    this.onKnown(info);
  }
}
