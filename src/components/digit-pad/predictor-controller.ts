import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelSpec } from '../../engine/conv-math.js';
import { isBlank } from '../../engine/images.js';
import { displayLayers } from '../../engine/models/display.js';
import { datasetOf, MNIST_DATASET, networkOf } from '../../engine/models/followed.js';
import { isEmptyNetwork } from '../../engine/models/network-empty.js';
import type { NetworkParser } from '../shared/network-parser.js';
import { CNN } from '../../engine/models/specs.js';
import type { DatasetInfo, TrainerLike, TrainerSession } from '../../engine/training/types.js';
import { Task, initialState } from '../shared/task.js';
import { TrainerLink } from '../shared/trainer-link.js';
import { messageOf, messagesOf, type Message } from '../../engine/messages.js';
import { PAD_EN } from './digit-pad.strings.js';

const say = messagesOf(PAD_EN);

/** What the network thinks the drawing is. */
export interface DigitPrediction {
  /** The most probable class, by index: the digit 0..9 for MNIST. */
  digit: number;
  /** That class's name (`"7"`; `"Sneaker"` for Fashion-MNIST): the dataset's class names. */
  label: string;
  /** One probability per class (softmax), summing to 1: ten for MNIST. */
  probabilities: number[];
}

/** One layer's activations for the current digit: `shape` without the batch axis (`[H, W, C]` or `[N]`), channels last. */
export interface LayerActivation {
  shape: number[];
  data: Float32Array;
}

/** `loading` while the network downloads, `ready`, `waiting` (a `for` trainer without a trained model) or `error`. */
export type PadState = 'loading' | 'ready' | 'waiting' | 'error';

/** Where predictions come from: the bundled network, or a trainer's session. */
interface Predictor {
  spec: ModelSpec;
  run(
    pixels: Float32Array,
    layers: string[],
  ): Promise<{ probabilities: Float32Array; activations: Record<string, LayerActivation> }>;
}
/** The bundled network: a predictor that owns its model (and so its tensors). */
type Network = Predictor & { dispose(): void };

export interface PredictorOptions {
  /** Where predictions come from: the host's `for` (a trainer's id; empty: the bundled CNN) and `weights-src`. */
  source: () => { htmlFor: string | null; weightsSrc: string };
  /** The current input, read when a scheduled prediction starts. */
  pixels: () => Float32Array;
  /** A (re)load of the network begins: the last network's messages no longer apply. */
  onReload: () => void;
  /** A new prediction (the host fires `predict`). */
  onPredict: (prediction: DigitPrediction) => void;
  /** A failure to show; `retryable` (only for the network's download) says whether loading again may help. */
  onError: (message: Message | string, retryable?: boolean) => void;
  /**
   * The PyTorch-layers parser, for a followed trainer's network of its own: the host's `parts.need(networkParser)`
   * (undefined until it is loaded; the host updates when it is).
   */
  parser?: () => NetworkParser | undefined;
}

/**
 * The network behind the pad and its predictions: the bundled pretrained CNN (downloaded once per page, freed
 * when the pad leaves it) or, with `for`, the live session of a `<cnn-trainer>` (followed through `TrainerLink`:
 * each of its run events reloads, so the prediction follows the training). `predict()` runs the network on an
 * input; `schedule()` does it at the next animation frame, for strokes.
 *
 * Why two tasks: loading is abort-and-supersede (a newer `weights-src` or `for` drops the older download and
 * frees its model), and predictions are abort-and-supersede too but `serial`: the network answers one at a
 * time, and a prediction overtaken while it waits never runs. A scheduled prediction also waits for the frame
 * after a running one ends, so a stroke drawn faster than the network answers still shows live guesses.
 */
export class PredictorController implements ReactiveController {
  /** The latest prediction, or `null` while the input is blank or no network is ready. */
  prediction: DigitPrediction | null = null;
  /** Activations of the shown layers for the latest prediction, by layer name. */
  activations: Record<string, LayerActivation> | null = null;
  /** The network shown: the bundled CNN, or the followed trainer's (its own `layers` too), trained or not yet. */
  get spec(): ModelSpec {
    const trainer = this.options.source().htmlFor ? this.link.trainer : null;
    if (!trainer) return CNN;
    const dataset = this.dataset;
    const own = !isEmptyNetwork(trainer.network) || !isEmptyNetwork(trainer.getAttribute('layers'));
    const parse = own ? this.options.parser?.()?.parseNetworkValue : undefined;
    const key = JSON.stringify([
      trainer.network,
      trainer.model,
      trainer.getAttribute('layers'),
      dataset,
      Boolean(parse),
    ]);
    const session = trainer.session ?? null;
    const m = this.specMemo;
    if (m?.trainer === trainer && m.session === session && m.key === key) return m.spec;
    const spec = networkOf(trainer, dataset, parse);
    this.specMemo = { trainer, session, key, spec };
    return spec;
  }
  /** The data the network reads: the followed trainer's dataset (class names, image shape), else MNIST. */
  get dataset(): Readonly<DatasetInfo> {
    return this.options.source().htmlFor ? datasetOf(this.link.trainer) : MNIST_DATASET;
  }
  /** The trainer followed now (with `for`), or null. */
  get trainer(): TrainerLike | null {
    return this.options.source().htmlFor ? this.link.trainer : null;
  }
  /** The last `spec` worked out, and what it was worked out from (a parse per frame would be wasted). */
  private specMemo: { trainer: TrainerLike; session: unknown; key: string; spec: ModelSpec } | null = null;

  private readonly link = new TrainerLink(this.host, {
    on: {
      'train-start': () => this.reload(),
      'train-epoch': () => this.reload(),
      'train-end': () => this.reload(),
      'train-error': () => this.reload(),
      'fine-tune': () => this.reload(), // taught: the same session, new weights
      dataset: () => this.reload(), // its data is known now (a data-src read): its classes, size and colour
    },
    // Its network and its data, as the trainer reflects them: the layer strip and the bars follow at once.
    attributes: ['model', 'layers', 'data-src'],
    onTrainer: () => this.reload(),
  });
  /** The bundled network's download: its arguments are `weights-src` (null in `for` mode) and a reload count. */
  private readonly load = new Task(this.host, {
    args: () => {
      const { htmlFor, weightsSrc } = this.options.source();
      return htmlFor ? ([null, 0] as const) : ([weightsSrc, this.reloads] as const);
    },
    task: ([src], { signal }) => this.loadNetwork(src, signal),
  });
  private readonly run = new Task<readonly [Float32Array], DigitPrediction | null>(this.host, {
    autoRun: false,
    serial: true,
    task: ([pixels], { signal }) => this.infer(pixels, signal),
  });
  private network: Network | null = null;
  /** Bumped by every reload: a new download, and how `hostUpdate` tells that a `for` change already reloaded. */
  private reloads = 0;
  /** `for` and `weights-src` as last seen, to reload when either changes. */
  private sourceKey: string | null = null;
  private raf = 0;
  private wasConnected = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PredictorOptions,
  ) {
    host.addController(this);
  }

  /** Where the network is (see `PadState`). */
  get state(): PadState {
    if (this.options.source().htmlFor) return this.trainerSession() ? 'ready' : 'waiting';
    const s = this.load.status;
    return s === 'complete' ? 'ready' : s === 'error' ? 'error' : 'loading';
  }

  /** What the pad says while it cannot predict yet; null once it can (or when it failed: see `error`). */
  get statusMessage(): Message | null {
    const state = this.state;
    if (state === 'loading') return say('pad.loadingNetwork');
    if (state !== 'waiting') return null;
    const id = this.options.source().htmlFor ?? '';
    return this.link.trainer ? say('pad.waitingTrain', { id }) : say('pad.waitingTrainer', { id });
  }

  hostConnected(): void {
    // Back on the page after a removal: load again (the downloaded bytes are cached per page).
    if (this.wasConnected) this.reload();
  }

  hostUpdate(): void {
    const { htmlFor, weightsSrc } = this.options.source();
    const before = this.reloads;
    this.link.setFor(htmlFor);
    // A new trainer reloads through `onTrainer`; but `for` can change with the trainer staying null (none →
    // "missing", or "missing" → none), which must reload too (pretrained ↔ waiting), as must `weights-src`.
    const key = JSON.stringify([htmlFor, weightsSrc]);
    if (key === this.sourceKey) return;
    this.sourceKey = key;
    if (this.reloads === before) this.reload();
  }

  hostDisconnected(): void {
    this.wasConnected = true;
    this.cancelFrame();
    this.release();
  }

  /** Loads the network again: the trainer's current session, or the bundled CNN (Retry, a trainer's event). */
  reload(): void {
    if (!this.host.isConnected) return;
    this.reloads++;
    this.options.onReload();
    if (this.options.source().htmlFor) {
      if (this.trainerPredictor())
        this.schedule(); // the trainer's weights changed: predict the input again
      else this.show(null, null);
    }
    this.host.requestUpdate();
  }

  /** Predicts `pixels` now (after the prediction running, if any). Resolves with the prediction, or null. */
  async predict(pixels: Float32Array): Promise<DigitPrediction | null> {
    await this.run.run([pixels]);
    // Overtaken by a newer prediction: the current one is the answer.
    if (this.run.status === 'pending') return this.prediction;
    return this.run.status === 'complete' ? (this.run.value ?? null) : null;
  }

  /**
   * Predicts the current input at the next animation frame: at most once a frame, and while a prediction runs,
   * at the first frame after it ends (never a queue of stale strokes).
   */
  schedule(): void {
    if (this.raf || !this.host.isConnected) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      if (this.run.status === 'pending') return this.schedule();
      void this.predict(this.options.pixels());
    });
  }

  /** Drops a scheduled prediction (a stroke ended and predicts at once). */
  cancelFrame(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  /** Forgets the prediction (the pad was cleared); one still running is dropped. */
  reset(): void {
    this.run.abort();
    this.show(null, null);
  }

  private show(p: DigitPrediction | null, activations: Record<string, LayerActivation> | null): void {
    this.prediction = p;
    this.activations = activations;
    this.host.requestUpdate();
  }

  private async infer(pixels: Float32Array, signal: AbortSignal): Promise<DigitPrediction | null> {
    if (isBlank(pixels)) {
      if (!signal.aborted) this.show(null, null);
      return null;
    }
    const predictor = await this.predictor();
    if (!predictor || signal.aborted || !this.host.isConnected) return null;
    const layers = displayLayers(predictor.spec).map((l) => l.name);
    let result;
    try {
      result = await predictor.run(pixels, layers);
    } catch (e) {
      if (!signal.aborted)
        this.options.onError(
          say('pad.predictFailed', { error: messageOf(e) ?? (e as Error)?.message ?? String(e) }),
        );
      return null;
    }
    if (signal.aborted) return null; // overtaken, cleared or removed: the result is stale
    const classes = this.dataset.classes;
    const probabilities = Array.from(result.probabilities.slice(0, classes.length));
    if (probabilities.length < classes.length || probabilities.some((p) => !Number.isFinite(p))) {
      this.options.onError(say('pad.invalidNumbers'));
      return null;
    }
    let digit = 0;
    probabilities.forEach((p, i) => (digit = p > probabilities[digit]! ? i : digit));
    this.show({ digit, label: classes[digit]!, probabilities }, result.activations);
    this.options.onPredict(this.prediction!);
    return this.prediction;
  }

  /** The predictor to use now: the trainer's session, or the bundled network (waiting for its download). */
  private async predictor(): Promise<Predictor | null> {
    if (this.options.source().htmlFor) return this.trainerPredictor();
    if (!this.network && this.host.isConnected) await this.load.taskComplete.catch(() => undefined);
    return this.network;
  }

  /** The followed trainer and its session, when that session can predict; else null. */
  private trainerSession(): { trainer: TrainerLike; session: Partial<TrainerSession> } | null {
    const trainer = this.link.trainer;
    const session = trainer?.session;
    return trainer && session && typeof session.predict === 'function' ? { trainer, session } : null;
  }

  private trainerPredictor(): Predictor | null {
    const found = this.trainerSession();
    if (!found) return null;
    const { session } = found;
    return {
      spec: this.spec,
      async run(pixels, layers) {
        const probabilities = await session.predict!(pixels, 1);
        const activations = session.activations ? await session.activations(pixels, layers) : {};
        return { probabilities, activations };
      },
    };
  }

  /** The load task: frees the network in use, then (unless in `for` mode) downloads the bundled one. */
  private async loadNetwork(src: string | null, signal: AbortSignal): Promise<Network | typeof initialState> {
    this.release();
    if (src === null) return initialState;
    try {
      const network = await loadPretrained(src, signal);
      if (signal.aborted) {
        network.dispose(); // a newer load (or a removal) overtook this one: free its model now
        return initialState;
      }
      this.network = network;
      this.schedule();
      return network;
    } catch (e) {
      if (!signal.aborted && (e as Error)?.name !== 'AbortError') {
        const retryable = (e as { retryable?: boolean }).retryable ?? true;
        this.options.onError(messageOf(e) ?? ((e as Error)?.message || say('pad.loadFailed')), retryable);
      }
      throw e;
    }
  }

  private release(): void {
    this.network?.dispose();
    this.network = null;
  }
}

/** Downloads the bundled CNN (from `src`, default the library's own) and wraps it as a network. */
async function loadPretrained(src: string, signal: AbortSignal): Promise<Network> {
  const [{ getTf }, pre] = await Promise.all([
    import('../../engine/tensor.js'),
    import('../../engine/pretrained.js'),
  ]);
  const { tf } = await getTf();
  const { model } = await pre.loadPretrainedCnn(tf, {
    signal,
    ...(src ? { url: new URL(src, document.baseURI).href } : {}),
  });
  let probe;
  try {
    probe = pre.layerProbe(
      tf,
      model,
      displayLayers(CNN).map((l) => l.name),
    );
  } catch (e) {
    model.dispose();
    throw e;
  }
  return { spec: CNN, run: (pixels) => probe.run(pixels), dispose: () => model.dispose() };
}
