import { initialState } from '../shared/task.js';
import { TrainerLink } from '../shared/trainer-link.js';
import { hwioKernels, nhwcToMaps, type ChannelKernels } from '../../engine/feature-maps.js';
import type { DatasetInfo, TrainerLike, TrainerSession } from '../../engine/training/types.js';
import { walkModel, type ModelSpec } from '../../engine/conv-math.js';
import { isModelName, MODEL_SPECS } from '../../engine/models/specs.js';
import { areDigitClasses, datasetOf } from '../../engine/models/dataset-of.js';
import { MapsController, type MapsHost } from './maps-controller.js';
import { messagesOf, type Message } from '../../engine/messages.js';
import { FM_EN } from './feature-map.strings.js';
import { MapsFailure, failureOf, mapsResult, type FeatureMapState, type MapsResult } from './maps-result.js';

/** The element's attributes that trainer mode reads. */
export interface TrainerSettings {
  htmlFor: string | null;
  layer: string;
  digit: number;
  dataSrc: string;
}

type TrainerHost = MapsHost & TrainerSettings;

/** `<feature-map digit>`'s default. */
export const DEFAULT_DIGIT = 7;

/** Minimum milliseconds between refreshes driven by `train-batch` (epochs and the end refresh at once). */
const BATCH_REFRESH_MS = 1000;
/** How many test images are read to find the first of each class (every digit occurs in MNIST's first 200). */
const TEST_IMAGES = 200;

/** Only an element with a `session` counts: a `<cnn-trainer>` not upgraded yet is waited for. */
const isTrainer = (el: Element): el is TrainerLike => 'session' in el;
/** A message of `<feature-map>`'s table. */
const say = messagesOf(FM_EN);

/**
 * Trainer mode (`for` + `layer`): the named layer's activations in the trainer's network for the first test
 * image of `digit`, asked again when a run starts, after every epoch, at the end, and at most once a second
 * while batches go by. It owns the link to the trainer (`TrainerLink`), the test digits it downloaded, and the
 * run (a `Task`): a newer refresh (another digit, another epoch) supersedes the one in flight, whose late answer
 * is ignored. A batch refresh never supersedes one in flight, so a slow network still shows every answer.
 */
export class TrainerMapsController extends MapsController<TrainerHost> {
  /** Why there are no maps yet while `state` is `waiting` (no trainer, or one that has not started), else `''`. */
  private waiting: Message | '' = '';
  /** When a batch last refreshed (the first batch always does). */
  private lastBatchRefresh = -Infinity;
  private mnist: {
    key: string;
    images: Uint8Array;
    labels: Uint8Array;
    count: number;
    shape: [number, number, number];
  } | null = null;
  /** The test digit last fed to the network, and the `data-src|digit` it is for. */
  private fed: { key: string; pixels: Float32Array } | null = null;
  private readonly link: TrainerLink<TrainerLike>;

  constructor(
    host: TrainerHost,
    private readonly problem: () => string | null,
  ) {
    super(host);
    this.link = new TrainerLink<TrainerLike>(host, {
      accept: isTrainer,
      on: {
        'train-start': () => this.rerun(),
        'train-epoch': () => this.rerun(),
        'train-end': () => this.rerun(),
        'train-batch': () => this.batch(),
        'fine-tune': () => this.rerun(), // the same session, new weights
        dataset: () => this.rerun(), // its data is known now: its class names, shape and test images
      },
      // Another trainer, none, or the same one upgraded now that its definition has loaded.
      onTrainer: () => this.rerun(),
    });
  }

  protected get pendingState(): FeatureMapState {
    // A refresh of maps already shown keeps them, and the state, `ready`.
    return this.task.value ? 'ready' : 'loading';
  }
  protected override get idleState(): FeatureMapState {
    return this.waiting ? 'waiting' : 'idle';
  }
  get note(): Message | '' {
    return this.task.status === 'initial' ? this.waiting : '';
  }

  /** What the followed trainer trains on (class names, image shape), else MNIST: what `digit` picks from. */
  get dataset(): Readonly<DatasetInfo> {
    return datasetOf(this.link.trainer);
  }

  /**
   * The class whose test image is shown: `digit`, except that the default (7, an MNIST digit) on a dataset of
   * 7 classes or fewer is its first class (a writer who names one that is not there is told so).
   */
  classOf(digit: number): number {
    return digit === DEFAULT_DIGIT && this.dataset.classes.length <= DEFAULT_DIGIT ? 0 : digit;
  }

  /** Follows the trainer with this id (the host's `for`); call in `willUpdate`. */
  setFor(id: string | null): void {
    this.link.setFor(id);
  }

  retry(): void {
    this.fed = null;
    this.rerun();
  }

  protected args(): readonly unknown[] {
    const h = this.host;
    return [this.problem(), h.htmlFor, h.layer, h.digit, h.dataSrc, this.link.trainer, this.link.session];
  }

  private batch(): void {
    const now = performance.now();
    if (this.task.status === 'pending' || now - this.lastBatchRefresh < BATCH_REFRESH_MS) return;
    this.lastBatchRefresh = now;
    this.rerun();
  }

  private settings(): TrainerSettings {
    const { htmlFor, layer, digit, dataSrc } = this.host;
    return { htmlFor, layer, digit: this.classOf(digit), dataSrc };
  }

  protected async compute(signal: AbortSignal): Promise<MapsResult | typeof initialState> {
    this.waiting = '';
    const s = this.settings();
    if (!s.htmlFor || !this.host.isConnected) return initialState;
    const problem = this.problem();
    if (problem) throw new MapsFailure(problem);
    const classes = this.dataset.classes;
    if (!Number.isInteger(s.digit) || s.digit < 0 || s.digit >= classes.length)
      throw new MapsFailure(
        say(areDigitClasses(classes) ? 'fm.digitRange' : 'fm.classRange', {
          last: classes.length - 1,
          name: this.dataset.name,
          first: classes[0] ?? '',
          got: Number.isFinite(s.digit)
            ? String(s.digit)
            : say(Number.isNaN(s.digit) ? 'fm.got.nan' : 'fm.got.infinite'),
        }),
      );
    const layer = s.layer.trim();
    if (!layer) throw new MapsFailure(say('fm.layerEmpty'));
    const trainer = this.link.trainer;
    const session = trainer?.session;
    if (
      !trainer ||
      typeof session?.activations !== 'function' ||
      session.state === 'idle' ||
      session.state === 'loading'
    ) {
      this.waiting = trainer
        ? say('fm.waitingTrain', { layer, id: s.htmlFor })
        : say('fm.waitingTrainer', { id: s.htmlFor });
      return initialState;
    }
    checkLayer(layer, session.config);
    let acts: Record<string, { shape: number[]; data: Float32Array }> | undefined;
    let pixels: Float32Array;
    // The trainer's own dataset unless this element names one (`data-src`): its images are what the network reads.
    const own = (trainer as { dataSrc?: unknown }).dataSrc;
    const src = s.dataSrc || (typeof own === 'string' ? own : '');
    try {
      pixels = await this.digitPixels({ ...s, dataSrc: src }, signal);
      if (signal.aborted) return initialState; // superseded: the newer run asks
      acts = await session.activations(pixels, [layer]);
    } catch (e) {
      const { detail, retryable } = failureOf(e);
      throw new MapsFailure(say('fm.activationsFailed', { layer, error: detail }), retryable);
    }
    const a = acts?.[layer];
    if (!a) throw new MapsFailure(say('fm.noLayer', { layer }));
    const maps = nhwcToMaps(a.shape, a.data);
    if (!maps) throw new MapsFailure(say('fm.notImage', { layer, shape: a.shape.join(', ') }));
    const kernels = this.mnist!.shape[2] === 3 ? await colourKernels(session, layer) : null;
    if (signal.aborted) return initialState;
    return mapsResult({
      kernels,
      source: 'trainer',
      maps,
      before: null,
      names: [], // a layer's maps are channels: the view names them (`channel n`, in the reader's language)
      layers: null,
      input: {
        pixels,
        width: this.mnist!.shape[1],
        height: this.mnist!.shape[0],
        channels: this.mnist!.shape[2] === 3 ? 3 : 1,
      },
    });
  }

  /**
   * The first test image of class `digit`, as H × W × C values in 0..1 (784 for MNIST; the test images are
   * downloaded once per `data-src`, the trainer's when this element names none).
   */
  private async digitPixels(s: TrainerSettings, signal: AbortSignal): Promise<Float32Array> {
    const key = `${s.dataSrc}|${s.digit}`;
    if (this.fed?.key === key) return this.fed.pixels;
    if (this.mnist?.key !== s.dataSrc) {
      const { loadMnist } = await import('../../engine/data/mnist.js');
      const d = await loadMnist({
        split: 'test',
        count: TEST_IMAGES,
        signal,
        ...(s.dataSrc ? { baseUrl: s.dataSrc } : {}),
      });
      this.mnist = { key: s.dataSrc, ...d, shape: d.info.shape };
    }
    const { images, labels, count, shape } = this.mnist;
    const p = shape[0] * shape[1] * shape[2];
    const idx = labels.subarray(0, count).indexOf(s.digit);
    if (idx < 0)
      throw new MapsFailure(
        say('fm.noTestImage', {
          count,
          digit: s.digit,
          name: this.dataset.classes[s.digit] ?? String(s.digit),
        }),
      );
    const pixels = Float32Array.from(images.subarray(idx * p, idx * p + p), (v) => v / 255);
    this.fed = { key, pixels };
    return pixels;
  }
}

/** The network a session trains, by its settings: its own spec, else its preset; null when it does not say. */
const specOf = (config: TrainerSession['config']): ModelSpec | null =>
  config?.spec ?? (isModelName(config?.model) ? MODEL_SPECS[config.model] : null);

/**
 * The kernels of `layer` per colour channel, when it is the network's first convolution and reads the three
 * channels of a colour dataset: from the session's weights (`<layer>/kernel`, HWIO), read at every refresh (they
 * change as it trains). Null otherwise, and when the session cannot say (a stand-in without `weights`, a failed
 * read): the maps are shown all the same.
 */
async function colourKernels(
  session: Partial<TrainerSession>,
  layer: string,
): Promise<ChannelKernels | null> {
  if (typeof session.weights !== 'function') return null;
  const spec = specOf(session.config);
  const first = spec ? walkModel(spec).layers.find((r) => r.type === 'conv2d')?.name : 'conv1';
  if (layer !== first) return null;
  try {
    const w = (await session.weights()).find((x) => x.name === `${layer}/kernel`);
    const k = w ? hwioKernels(w.shape, w.data) : null;
    return k && k.shape[1] === 3 ? k : null;
  } catch {
    return null;
  }
}

/**
 * Refuses a layer the trainer's network does not have, or one that is not an image, before asking for it: the
 * message lists the layers that can be shown, by the names `<model-summary for>` gives them (`conv1`, `relu1`,
 * `pool1`, …). Without the run's settings (a stand-in trainer), the session's own answer says it.
 */
function checkLayer(layer: string, config: TrainerSession['config']): void {
  const spec = specOf(config);
  if (!spec) return;
  const rows = walkModel(spec).layers;
  const images = rows.filter((r) => r.outputShape.length === 3).map((r) => r.name);
  const layers = images.join(', ');
  const row = rows.find((r) => r.name === layer);
  if (!row) throw new MapsFailure(say(images.length ? 'fm.noLayerIn' : 'fm.noLayerFlat', { layer, layers }));
  if (row.outputShape.length !== 3)
    throw new MapsFailure(
      say(images.length ? 'fm.flatLayer' : 'fm.flatLayerNone', {
        layer,
        count: row.outputShape[0] ?? 0,
        layers,
      }),
    );
}
