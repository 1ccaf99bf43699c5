import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { inlineStyle } from '../shared/inline-style.js';
import { CnnElement } from '../shared/cnn-element.js';
import {
  booleanValue,
  enumValue,
  numberValue,
  stringValue,
  type ValueKind,
} from '../shared/property-values.js';
import { drawChart } from '../shared/chart.js';
import {
  DEFAULT_CONFIG,
  PRESETS,
  isPresetName,
  resolveConfig,
  type BackendName,
  type BackendPreference,
  type LrScheduleName,
  type TrainConfig,
} from '../../engine/training/config.js';
import type { BackendReport, FallbackNote } from '../../engine/backend.js';
import type {
  TrainerBatch,
  TrainerEpoch,
  TrainerHistory,
  TrainerSession,
  TrainerState,
} from '../../engine/training/types.js';
import { styles } from './cnn-trainer.styles.js';

// The session's types live in the engine (one definition for the trainer and every widget that follows one);
// re-exported here so this module's public exports stay as they were.
export type {
  TrainerBatch,
  TrainerEndDetail,
  TrainerEpoch,
  TrainerErrorDetail,
  TrainerHistory,
  TrainerProgressDetail,
  TrainerSession,
  TrainerStartDetail,
  TrainerState,
} from '../../engine/training/types.js';

/** The fallbacks of a session that a reader should know about: its backend's (if in use) and its thread's. */
const fallbacksOf = (s: TrainerSession): FallbackNote[] => {
  const backend = s.backendReport?.fallback;
  return [
    ...(backend && backend.used === s.backend ? [backend] : []),
    ...(s.threadFallback ? [s.threadFallback] : []),
  ];
};

/** The events re-dispatched from the session on the element (bubbling, composed). */
export const TRAINER_EVENTS = [
  'data-progress',
  'train-start',
  'train-batch',
  'train-epoch',
  'train-end',
  'train-error',
] as const;

/**
 * The most work one element may be asked for: epochs × training images. 1.2 million image passes is 20 epochs
 * of the full 60,000 — minutes on a GPU, far longer on a CPU. Beyond that a typo (epochs="1e9") would lock a
 * reader's tab for hours, so we refuse with a message instead.
 */
export const MAX_IMAGE_PASSES = 1_200_000;

/** How long the tab may stay hidden before training pauses (ms). */
export const HIDDEN_PAUSE_MS = 30_000;

/** Weight of the past in the smoothed (exponential moving average) batch curves. ~10-batch memory. */
const EMA_BETA = 0.9;

/**
 * How each setting is read (see property-values.ts): the attribute's text or the typed value; `null`,
 * `undefined` and a removed attribute mean "not set" (the preset or the default applies). Words are trimmed,
 * as the attribute always was.
 */
const trimmed = <T extends string>(choices: readonly T[]): ValueKind<string> => {
  const base = enumValue(choices);
  return { ...base, read: (v) => (typeof v === 'string' ? { value: v.trim() } : undefined) };
};
const SETTING_KINDS: Record<SettingKey, ValueKind<unknown>> = {
  model: trimmed(['cnn', 'fnn']),
  epochs: numberValue,
  batchSize: numberValue,
  learningRate: numberValue,
  lrSchedule: trimmed(['constant', 'cooldown', 'cosine']),
  optimizer: trimmed(['adam', 'sgd']),
  trainSize: numberValue,
  testSize: numberValue,
  seed: numberValue,
};

/** The settings a writer can give, by property name → attribute name. */
const SETTINGS = {
  model: 'model',
  epochs: 'epochs',
  batchSize: 'batch-size',
  learningRate: 'learning-rate',
  lrSchedule: 'lr-schedule',
  optimizer: 'optimizer',
  trainSize: 'train-size',
  testSize: 'test-size',
  seed: 'seed',
} as const;
type SettingKey = keyof typeof SETTINGS;

const fmtInt = new Intl.NumberFormat('en-US');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const errorText = (d: unknown): string => {
  const e = (d as { error?: unknown } | null)?.error ?? d;
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : 'Training failed.';
};

/**
 * Trains the lesson's MNIST network — the CNN or the plain feed-forward net — in the reader's own browser, and
 * shows it learning: a progress bar for the download and for training, live loss and accuracy curves per batch
 * (smoothed), test accuracy after every epoch, and the final test accuracy. The training itself runs in the
 * engine's `TrainingSession` (a Worker where possible); this element is its remote control and its display.
 *
 * Settings come from attributes (each with a property twin that reads the value in effect: the writer's, else
 * the `preset`'s, else the default). `preset="notebook"` is the lesson's own recipe: 500 training and 500 test
 * images, batch 20, Adam at a constant 0.01, 200 epochs, seed 1234; any attribute given explicitly overrides it.
 * The defaults go further: all 60,000 training images, 2 epochs, batch 64, Adam at 0.001 with a cooldown over the
 * last 20 % of the updates (`lr-schedule`), which reach about 98.5 % test accuracy with the cnn.
 * The `backend` ATTRIBUTE is the preference (property `backendPreference`); the `backend` PROPERTY is the one in use.
 *
 * Lifetimes: removing the element disposes the session (and every tensor); a tab hidden for 30 s pauses
 * training (press Resume to continue), so a forgotten tab does not keep the fan running.
 * Other widgets (`<confusion-matrix for>`, `<feature-map for>`, `<digit-pad for>`) read `session`,
 * `confusion` and the events.
 *
 * @tagname cnn-trainer
 * @summary Trains an MNIST CNN or FNN live in the browser, with progress, curves and test accuracy.
 *
 * @fires data-progress - MNIST download progress: `{ loaded, total, fraction, split }`.
 * @fires train-start - Training began (after the data and backend were ready).
 * @fires train-batch - A batch finished: `{ epoch, batch, batches, loss, accuracy, imagesPerSecond }`.
 * @fires train-epoch - An epoch finished: `{ epoch, loss, accuracy, testAccuracy }`.
 * @fires train-end - The run ended (all epochs, or stopped).
 * @fires train-error - Loading or training failed; `detail.error` holds the error. `error` holds the message.
 *
 * @csspart error - The message shown for bad settings or a failure (`role="alert"`).
 * @csspart retry - The Retry button shown after a failed download.
 * @csspart controls - The settings form.
 * @csspart actions - The Start / Pause / Stop buttons.
 * @csspart start - The Start button.
 * @csspart pause - The Pause/Resume button.
 * @csspart stop - The Stop button.
 * @csspart progress - The progress bar and its text.
 * @csspart charts - The two charts (loss, accuracy).
 * @csspart result - The backend in use and the final test accuracy.
 * @csspart note - Why training runs slower than it could (a fallback: no WebAssembly, no Worker), and the fix.
 *
 * @cssproperty [--cnn-trainer-loss=var(--cnn-negative)] Colour of the loss curve.
 * @cssproperty [--cnn-trainer-train=var(--cnn-accent)] Colour of the training-accuracy curve.
 * @cssproperty [--cnn-trainer-test=var(--cnn-positive)] Colour of the test-accuracy line.
 * @cssproperty [--cnn-trainer-chart-height=160px] Height of each chart.
 */
export class CnnTrainer extends CnnElement {
  static override styles = [...CnnElement.styles, styles];

  // The training settings use hand-written accessors (below) over `raw`, so that the property reads the value
  // in effect (writer → preset → default) while the preset can still tell what the writer set.
  static override properties: PropertyDeclarations = {
    // Reflected, so that a `<model-summary for>` (or any observer of the attribute) follows a model chosen from
    // script or in the element's own form; the attribute then holds the model in effect.
    model: { noAccessor: true, converter: SETTING_KINDS.model, reflect: true },
    epochs: { noAccessor: true, converter: SETTING_KINDS.epochs },
    batchSize: { attribute: 'batch-size', noAccessor: true, converter: SETTING_KINDS.batchSize },
    learningRate: { attribute: 'learning-rate', noAccessor: true, converter: SETTING_KINDS.learningRate },
    lrSchedule: { attribute: 'lr-schedule', noAccessor: true, converter: SETTING_KINDS.lrSchedule },
    optimizer: { noAccessor: true, converter: SETTING_KINDS.optimizer },
    trainSize: { attribute: 'train-size', noAccessor: true, converter: SETTING_KINDS.trainSize },
    testSize: { attribute: 'test-size', noAccessor: true, converter: SETTING_KINDS.testSize },
    seed: { noAccessor: true, converter: SETTING_KINDS.seed },
  };

  /** What the writer set (attribute or property); `undefined` = not set. */
  private raw: Partial<Record<SettingKey, unknown>> = {};

  private effective(key: SettingKey): unknown {
    if (this.raw[key] !== undefined) return this.raw[key];
    const preset = isPresetName(this.preset) ? (PRESETS[this.preset] as Partial<TrainConfig>) : {};
    return (
      (preset as Record<string, unknown>)[key] ?? (DEFAULT_CONFIG as unknown as Record<string, unknown>)[key]
    );
  }
  private setRaw(key: SettingKey, v: unknown): void {
    const old = this.effective(key);
    const value = this.readProperty(key, SETTING_KINDS[key], v, false);
    if (value === undefined) delete this.raw[key];
    else this.raw[key] = value;
    this.requestUpdate(key, old);
  }

  /** Which network: `cnn` (the lesson's CNN, 45,424 parameters) or `fnn` (the plain dense net, 40,480). */
  get model(): 'cnn' | 'fnn' {
    return this.effective('model') as 'cnn' | 'fnn';
  }
  set model(v: 'cnn' | 'fnn') {
    this.setRaw('model', v);
  }
  /** Passes over the training images (default 2; `notebook`: 200). */
  get epochs(): number {
    return this.effective('epochs') as number;
  }
  set epochs(v: number) {
    this.setRaw('epochs', v);
  }
  /** Images per gradient step (default 64; `notebook`: 20). */
  get batchSize(): number {
    return this.effective('batchSize') as number;
  }
  set batchSize(v: number) {
    this.setRaw('batchSize', v);
  }
  /** Step size of the optimiser (default 0.001; `notebook`: 0.01). */
  get learningRate(): number {
    return this.effective('learningRate') as number;
  }
  set learningRate(v: number) {
    this.setRaw('learningRate', v);
  }
  /**
   * How the learning rate moves over the run (attribute `lr-schedule`): `cooldown` (default: `learning-rate` for
   * the first 80 % of the updates, then down to 0 over the last 20 %), `constant` (`notebook`) or `cosine`.
   */
  get lrSchedule(): LrScheduleName {
    return this.effective('lrSchedule') as LrScheduleName;
  }
  set lrSchedule(v: LrScheduleName) {
    this.setRaw('lrSchedule', v);
  }
  /** `adam` (default) or `sgd` (with momentum 0.9). */
  get optimizer(): 'adam' | 'sgd' {
    return this.effective('optimizer') as 'adam' | 'sgd';
  }
  set optimizer(v: 'adam' | 'sgd') {
    this.setRaw('optimizer', v);
  }
  /** How many of the 60,000 training images to use, the first N (default 60,000; `notebook`: 500). */
  get trainSize(): number {
    return this.effective('trainSize') as number;
  }
  set trainSize(v: number) {
    this.setRaw('trainSize', v);
  }
  /** How many of the 10,000 test images to evaluate on, the first N (default 10,000; `notebook`: 500). */
  get testSize(): number {
    return this.effective('testSize') as number;
  }
  set testSize(v: number) {
    this.setRaw('testSize', v);
  }
  /** Random seed for weights and shuffling: the same seed gives the same run (default 1234). */
  get seed(): number {
    return this.effective('seed') as number;
  }
  set seed(v: number) {
    this.setRaw('seed', v);
  }

  /** A named recipe whose values apply to every setting not given explicitly: `notebook` (the lesson's). */
  @property({ reflect: true, converter: stringValue }) preset: string | null = null;
  /** Which TensorFlow.js backend to ask for (attribute `backend`): `auto`, `webgpu`, `webgl`, `wasm` or `cpu`. */
  @property({ attribute: 'backend', converter: enumValue(['auto', 'webgpu', 'webgl', 'wasm', 'cpu']) })
  backendPreference: BackendPreference | string = 'auto';
  /** Base URL of the MNIST files (default: the library's own `assets/mnist/`). */
  @property({ attribute: 'data-src', reflect: true, converter: stringValue }) dataSrc: string | null = null;
  /** Start training as soon as the element is on the page (off by default: training costs the reader). */
  @property({ type: Boolean, reflect: true, converter: booleanValue }) autostart = false;

  /** `idle`, `loading` (data/backend), `training`, `paused`, `done` or `error`. */
  get state(): TrainerState {
    return this._state;
  }
  /** Per-batch and per-epoch records of the current (or last) run. */
  get history(): TrainerHistory {
    return this._session?.history ?? this.snapshot?.history ?? { batches: [], epochs: [] };
  }
  /** Accuracy on the test set after the last finished epoch, 0..1, or `null`. */
  get testAccuracy(): number | null {
    return this._session?.testAccuracy ?? this.snapshot?.testAccuracy ?? null;
  }
  /** The 10×10 confusion matrix on the test set (rows = actual digit), or `null` before the first epoch ends. */
  get confusion(): number[][] | null {
    return this._session?.confusion ?? this.snapshot?.confusion ?? null;
  }
  /** The TensorFlow.js backend in use (`webgpu`, `webgl`, `wasm`, `cpu`), or `null` before training starts. */
  get backend(): BackendName | null {
    return this._session?.backend ?? this.snapshot?.backend ?? null;
  }
  /**
   * Setting it sets the preference, as the attribute does (`backendPreference`; `null` is `auto`): React 19
   * (and Vue, Svelte) pass `backend="wasm"` as a PROPERTY because the element has one, and must not throw.
   */
  set backend(value: BackendPreference | string | null | undefined) {
    this.backendPreference = value ?? 'auto';
  }
  /** How the backend was chosen (`reason`, `candidates`, `fallback`), as the training thread reports it, or `null`. */
  get backendReport(): BackendReport | null {
    return this._session?.backendReport ?? this.lastReport;
  }
  /**
   * Every fallback of the current (or last) run, each `{ what, wanted, used, cause, message }`: training on the
   * `cpu` backend because the page's CSP blocks WebAssembly, on the main thread because no Worker may start…
   * The messages are the ones shown in `part="note"`. Empty when training runs where it should.
   */
  get fallbacks(): readonly FallbackNote[] {
    return this.fallbackNotes;
  }
  /** The engine's `TrainingSession` of the current run (for sibling widgets), or `null`. */
  get session(): TrainerSession | null {
    return this._session;
  }
  /** The complete configuration that `start()` would use, or `null` when a setting is invalid (see `error`). */
  get config(): TrainConfig | null {
    return this._config;
  }

  @state() private _state: TrainerState = 'idle';
  @state() private _config: TrainConfig | null = null;
  @state() private runError: { message: string; retryable: boolean } | null = null;
  @state() private announcement = '';
  @state() private note = '';
  @state() private fallbackNotes: FallbackNote[] = [];
  private lastReport: BackendReport | null = null;
  private configError: string | null = null;
  /** The settings the current `configError` is about (marked `aria-invalid`). */
  private badFields: SettingKey[] = [];
  /** Pause was pressed while TensorFlow.js was still importing (no session yet): pause the session once made. */
  private pendingPause = false;
  private _session: TrainerSession | null = null;
  private snapshot: Pick<TrainerSession, 'history' | 'testAccuracy' | 'confusion' | 'backend'> | null = null;
  /** Bumped for each run, so events from a disposed session are ignored. */
  private runId = 0;
  private unlisten: (() => void) | null = null;

  // Live display state, kept out of Lit's reactive properties: batches arrive hundreds of times a second, the
  // screen is drawn at most once per animation frame.
  private progress: { kind: 'data'; fraction: number; split: string; loaded: number; total: number } | null =
    null;
  private lastBatch: TrainerBatch | null = null;
  private curves = {
    x: [] as number[],
    loss: [] as number[],
    acc: [] as number[],
    testX: [] as number[],
    test: [] as number[],
  };
  private ema = { loss: 0, acc: 0, n: 0 };
  private frame = 0;
  private hiddenTimer: ReturnType<typeof setTimeout> | null = null;
  private resizeObserver: ResizeObserver | null = null;
  /** ms the tab may stay hidden before training pauses (a property so tests can shorten it). */
  hiddenPauseMs = HIDDEN_PAUSE_MS;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    // Reconnected (moved, or removed and re-added): observe the charts' box again.
    if (this.hasUpdated) this.observeCharts();
    if (this.autostart) {
      void this.updateComplete.then(() => {
        if (this.isConnected && this.autostart && (this._state === 'idle' || this._state === 'done'))
          void this.start();
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.clearHiddenTimer();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.resizeObserver?.disconnect();
    // A move within the page (disconnect + connect in one task) keeps training; a real removal ends it.
    queueMicrotask(() => {
      if (!this.isConnected) this.teardown();
    });
  }

  /** Disposes the session (and its tensors), keeping its results readable. */
  private teardown(): void {
    const s = this._session;
    if (!s) {
      // Still importing TensorFlow.js / creating the session: cancel that start (its session is disposed as
      // soon as it arrives, see start()) instead of staying 'loading' forever.
      if (this._state === 'loading') this.cancelPendingStart();
      return;
    }
    this.snapshot = {
      history: s.history,
      testAccuracy: s.testAccuracy,
      confusion: s.confusion,
      backend: s.backend,
    };
    const running = this._state === 'loading' || this._state === 'training' || this._state === 'paused';
    // Disposed while still listening: the session's own `train-end` (stopped) reaches the page through us.
    let ended = false;
    const onEnd = () => (ended = true);
    s.addEventListener('train-end', onEnd);
    try {
      s.dispose();
    } catch {
      /* a session that failed to start may have nothing to dispose */
    }
    s.removeEventListener('train-end', onEnd);
    this.unlisten?.();
    this.unlisten = null;
    this._session = null;
    this.runId++;
    this.clearHiddenTimer();
    if (running) {
      // A run ends with an event however it ends: a session that said nothing on dispose gets one from us.
      this._state = 'done';
      if (!ended) this.emit('train-end', { stopped: true, ...this.snapshot });
    } else if (this._state !== 'done' && this._state !== 'error') this._state = 'idle';
  }

  /** Abandons a start whose session does not exist yet: its late session is disposed on arrival. */
  private cancelPendingStart(): void {
    this.runId++;
    this.pendingPause = false;
    this._state = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.validate();
  }

  private validate(): void {
    const preset = this.preset?.trim() ? this.preset.trim() : null;
    let err: string | null = null;
    let cfg: TrainConfig | null = null;
    let bad: SettingKey[] = [];
    // A setting of the wrong type (an object, a Symbol…) is reported first; its default is not trained with.
    if (this.propertyError) err = this.propertyError;
    else if (preset !== null && !isPresetName(preset))
      err = `Unknown preset "${preset}": the only preset is "notebook".`;
    else {
      const r = resolveConfig(
        {
          model: this.model,
          epochs: this.epochs,
          batchSize: this.batchSize,
          learningRate: this.learningRate,
          lrSchedule: this.lrSchedule,
          optimizer: this.optimizer,
          trainSize: this.trainSize,
          testSize: this.testSize,
          seed: this.seed,
          backend: this.backendPreference as BackendPreference,
          ...(this.dataSrc ? { dataSrc: this.dataSrc } : {}),
        },
        preset,
      );
      if ('error' in r) {
        err = r.error.charAt(0).toUpperCase() + r.error.slice(1);
        // Only settings with a field in the form are marked (backend, momentum and thread have none).
        bad = Object.hasOwn(SETTINGS, r.field) ? [r.field as SettingKey] : [];
      } else if (r.batchSize > r.trainSize) {
        bad = ['batchSize'];
        err = `Batch size (${fmtInt.format(r.batchSize)}) is larger than the training set (${fmtInt.format(r.trainSize)} images).`;
      } else if (r.epochs * r.trainSize > MAX_IMAGE_PASSES) {
        bad = ['epochs', 'trainSize'];
        err =
          `${fmtInt.format(r.epochs)} epochs × ${fmtInt.format(r.trainSize)} images is too much work for a web page ` +
          `(at most ${fmtInt.format(MAX_IMAGE_PASSES)} image passes, e.g. 20 epochs of all 60,000): lower epochs or train size.`;
      } else cfg = r;
    }
    this.configError = err;
    this.badFields = bad;
    this._config = cfg;
    this.setError(err ?? this.runError?.message ?? null);
  }

  /**
   * Creates the engine's training session (loading TensorFlow.js on first use). Protected so a test or a
   * custom lesson can supply its own (e.g. with `data` given, or a stand-in).
   */
  protected async createSession(config: TrainConfig): Promise<TrainerSession> {
    // Through the engine's one lazy "tensor side" entry: a page that never starts training downloads no TF.js.
    const mod = (await import('../../engine/tensor.js')) as unknown as {
      TrainingSession?: new (c: TrainConfig) => TrainerSession;
    };
    if (!mod.TrainingSession) throw new Error('This build of cnn-widgets has no training engine.');
    return new mod.TrainingSession(config);
  }

  /** Starts a new run with the current settings (ignored while one is running or paused, or when a setting is bad). */
  async start(): Promise<void> {
    if (this._state === 'loading' || this._state === 'training' || this._state === 'paused') return;
    this.validate();
    const config = this._config;
    if (!config) return;
    this.teardown();
    this.snapshot = null;
    this.runError = null;
    this.setError(null);
    this.resetLive();
    this.note = '';
    this.fallbackNotes = [];
    this.pendingPause = false;
    this._state = 'loading';
    // A run started in a hidden tab (no visibilitychange will come) is paused like one whose tab was hidden.
    this.onVisibility();
    const run = ++this.runId;
    let session: TrainerSession;
    try {
      session = await this.createSession(config);
    } catch (e) {
      if (run === this.runId) this.fail(e, true);
      return;
    }
    if (run !== this.runId || !this.isConnected) {
      session.dispose();
      return;
    }
    this._session = session;
    this.listen(session, run);
    try {
      const started = session.start();
      if (this.pendingPause) {
        // Pause pressed during the import: the session pauses once its data is ready, like a pause while loading.
        this.pendingPause = false;
        session.pause();
      }
      await started;
    } catch (e) {
      // The session normally reports failures with `train-error`; this catches one that only rejects.
      if (run === this.runId && (this._state as TrainerState) !== 'error') this.fail(e, true);
    }
  }

  /** Pauses training after the current batch. */
  pause(): void {
    if (this._state !== 'training' && this._state !== 'loading') return;
    if (!this._session) {
      this.pendingPause = true; // no session yet (TF.js importing): applied when it is created
      return;
    }
    this._session.pause();
    this.syncState();
  }

  /** Resumes a paused run. */
  resume(): void {
    if (this._state !== 'paused') return;
    this.note = '';
    this._session?.resume();
    this.syncState();
  }

  /** Stops the run; its results so far stay readable. */
  stop(): void {
    if (!this._session) {
      if (this._state === 'loading') this.cancelPendingStart(); // stopped before the session even existed
      return;
    }
    this._session.stop();
    this.syncState();
  }

  private syncState(): void {
    const s = this._session?.state;
    if (s && s !== this._state) this._state = s;
    this.requestUpdate();
  }

  private fail(e: unknown, emit: boolean): void {
    const message = errorText(e);
    // `retryable` may sit on the detail ({ error, retryable }) or on the error itself (MnistLoadError).
    const inner = (e as { error?: unknown } | null)?.error;
    const retryable =
      (e as { retryable?: unknown } | null)?.retryable !== false &&
      (inner as { retryable?: unknown } | null)?.retryable !== false;
    this.runError = { message, retryable };
    this._state = 'error';
    this.setError(message);
    this.announcement = `Training failed: ${message}`;
    if (emit) this.emit('train-error', { error: e });
  }

  private listen(session: TrainerSession, run: number): void {
    const handlers: [string, EventListener][] = [];
    const on = (name: string, fn: (detail: unknown) => void) => {
      const h: EventListener = (e) => {
        if (run !== this.runId) return;
        const detail = (e as CustomEvent).detail;
        fn(detail);
        if (name !== 'state') this.emit(name, detail);
      };
      session.addEventListener(name, h);
      handlers.push([name, h]);
    };
    on('state', () => this.syncState());
    on('data-progress', (d) => {
      const p = d as { fraction?: number; split?: string; loaded?: number; total?: number };
      const f = Number(p?.fraction);
      this.progress = {
        kind: 'data',
        fraction: Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0,
        split: String(p?.split ?? ''),
        loaded: Number(p?.loaded) || 0,
        total: Number(p?.total) || 0,
      };
      this.scheduleFrame();
    });
    on('train-start', () => {
      this.progress = null;
      this.resetLive();
      this.syncState();
      // Every fallback is said, in the element and to a screen reader: a silent one is a mystery slowness.
      this.fallbackNotes = fallbacksOf(session);
      this.lastReport = session.backendReport ?? null;
      this.announcement = [
        `Training the ${this.model.toUpperCase()} on ${this.backend ?? 'the'} backend.`,
        ...this.fallbackNotes.map((n) => n.message),
      ].join(' ');
    });
    on('train-batch', (d) => {
      const b = d as TrainerBatch;
      this.lastBatch = b;
      this.pushBatch(b);
      if (this._state !== 'training' && this._session?.state === 'training') this._state = 'training';
      this.scheduleFrame();
    });
    on('train-epoch', (d) => {
      const ep = d as TrainerEpoch;
      if (Number.isFinite(ep.testAccuracy)) {
        this.curves.testX.push(ep.epoch);
        this.curves.test.push(ep.testAccuracy);
      }
      // Announced once per epoch (never per batch): a screen reader user hears the lesson, not a ticker.
      this.announcement = `Epoch ${ep.epoch} of ${this._config?.epochs ?? '?'} done${
        Number.isFinite(ep.testAccuracy) ? `: test accuracy ${pct(ep.testAccuracy)}` : ''
      }.`;
      this.scheduleFrame();
      this.requestUpdate();
    });
    on('train-end', (d) => {
      this.syncState();
      if (this._state === 'training' || this._state === 'loading') this._state = 'done';
      const acc = this.testAccuracy;
      const how = (d as { stopped?: boolean } | null)?.stopped ? 'Training stopped' : 'Training finished';
      this.announcement =
        acc === null || !Number.isFinite(acc) ? `${how}.` : `${how}: test accuracy ${pct(acc)}.`;
      this.scheduleFrame();
    });
    on('train-error', (d) => {
      this.fail(d, false);
    });
    this.unlisten = () => handlers.forEach(([n, h]) => session.removeEventListener(n, h));
  }

  private resetLive(): void {
    this.lastBatch = null;
    this.curves = { x: [], loss: [], acc: [], testX: [], test: [] };
    this.ema = { loss: 0, acc: 0, n: 0 };
    this.scheduleFrame();
  }

  /** Adds a batch to the curves: an exponential moving average with bias correction (no dip at the start). */
  private pushBatch(b: TrainerBatch): void {
    if (!Number.isFinite(b.loss) || !Number.isFinite(b.accuracy)) return;
    const e = this.ema;
    e.n++;
    e.loss = EMA_BETA * e.loss + (1 - EMA_BETA) * b.loss;
    e.acc = EMA_BETA * e.acc + (1 - EMA_BETA) * b.accuracy;
    const corr = 1 - EMA_BETA ** e.n;
    const batches = Math.max(1, b.batches);
    // x in epochs: epoch k's batch j of n sits at (k − 1) + j / n (epochs and batches counted from 1).
    this.curves.x.push(b.epoch - 1 + b.batch / batches);
    this.curves.loss.push(e.loss / corr);
    this.curves.acc.push(e.acc / corr);
  }

  /** Coalesces any number of updates into one redraw on the next animation frame. */
  private scheduleFrame(): void {
    if (this.frame || !this.isConnected) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.requestUpdate();
      void this.updateComplete.then(() => this.drawCharts());
    });
  }

  private drawCharts(): void {
    const loss = this.renderRoot.querySelector<HTMLCanvasElement>('canvas[data-chart=loss]');
    const acc = this.renderRoot.querySelector<HTMLCanvasElement>('canvas[data-chart=accuracy]');
    if (!loss || !acc || !loss.clientWidth) return;
    const cs = getComputedStyle(this);
    const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    const axis = {
      axisColour: v('--_border', '#ccc'),
      gridColour: v('--_grid', '#eee'),
      textColour: v('--_muted', '#666'),
    };
    const xMax = Math.max(1, this._config?.epochs ?? 1);
    const c = this.curves;
    drawChart(loss, [{ xs: c.x, ys: c.loss, colour: v('--_loss', '#b3261e') }], {
      ...axis,
      xMin: 0,
      xMax,
      yMin: 0,
      xLabel: 'epoch',
    });
    drawChart(
      acc,
      [
        { xs: c.x, ys: c.acc, colour: v('--_train', '#2a62d6') },
        { xs: c.testX, ys: c.test, colour: v('--_test', '#1d7f4e'), dash: [5, 3], markers: true, width: 2 },
      ],
      {
        ...axis,
        xMin: 0,
        xMax,
        yMin: 0,
        yMax: 1,
        xLabel: 'epoch',
        yFormat: (y) => `${Math.round(y * 100)}%`,
      },
    );
  }

  protected override firstUpdated(): void {
    // Redraw when the charts' box changes size (the reader rotates a phone); the box itself is fixed-height
    // in CSS, so nothing around it moves when data arrives.
    this.observeCharts();
    this.scheduleFrame();
  }

  /** Observes the charts' box for size changes (again after a reconnect: disconnecting stops observing). */
  private observeCharts(): void {
    const box = this.renderRoot.querySelector('[part~=charts]');
    if (!box || typeof ResizeObserver === 'undefined') return;
    this.resizeObserver ??= new ResizeObserver(() => this.scheduleFrame());
    this.resizeObserver.observe(box);
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') {
      if (this._state !== 'training' && this._state !== 'loading') return;
      this.clearHiddenTimer();
      this.hiddenTimer = setTimeout(() => {
        this.hiddenTimer = null;
        if (this._state === 'training' || this._state === 'loading') {
          this.pause();
          this.note = 'Paused because the tab was hidden. Press Resume to continue.';
        }
      }, this.hiddenPauseMs);
    } else this.clearHiddenTimer();
  };

  private clearHiddenTimer(): void {
    if (this.hiddenTimer !== null) clearTimeout(this.hiddenTimer);
    this.hiddenTimer = null;
  }

  /** Reads an edited control into its setting (which the preset then no longer overrides). */
  private onField(e: Event): void {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    const key = input.dataset['field'] as SettingKey | undefined;
    if (!key || !(key in SETTINGS)) return;
    this.setRaw(key, input.value);
  }

  // ---------------------------------------------------------------------------------------------- rendering

  private progressInfo(): { value: number; text: string } {
    const st = this._state;
    const cfg = this._config;
    if (st === 'loading') {
      const p = this.progress;
      if (!p) return { value: 0, text: 'Starting TensorFlow.js…' };
      const mb = (n: number) => (n / 1e6).toFixed(1);
      return {
        value: p.fraction,
        text: `Downloading MNIST ${p.split} images: ${p.total ? `${mb(p.loaded)} of ${mb(p.total)} MB · ` : ''}${Math.round(p.fraction * 100)}%`,
      };
    }
    const b = this.lastBatch;
    if (b && cfg) {
      const batches = Math.max(1, b.batches);
      const done = (b.epoch - 1) * batches + b.batch;
      const value = Math.min(1, Math.max(0, done / (cfg.epochs * batches)));
      const speed =
        Number.isFinite(b.imagesPerSecond) && b.imagesPerSecond > 0
          ? ` · ${fmtInt.format(Math.round(b.imagesPerSecond))} img/s`
          : '';
      const prefix =
        st === 'paused' ? 'Paused · ' : st === 'done' ? 'Done · ' : st === 'error' ? 'Stopped · ' : '';
      return {
        value,
        text: `${prefix}epoch ${b.epoch}/${cfg.epochs} · batch ${fmtInt.format(b.batch)}/${fmtInt.format(batches)}${speed}`,
      };
    }
    if (st === 'training') return { value: 0, text: 'Preparing the first batch…' };
    if (st === 'paused') return { value: 0, text: 'Paused' };
    if (st === 'error') return { value: 0, text: 'Failed' };
    return {
      value: 0,
      text: cfg
        ? `Ready: ${fmtInt.format(cfg.epochs)} epoch${cfg.epochs === 1 ? '' : 's'} on ${fmtInt.format(cfg.trainSize)} images`
        : 'Fix the settings to start',
    };
  }

  private chartLabel(kind: 'loss' | 'accuracy'): string {
    const c = this.curves;
    const n = c.x.length;
    if (!n)
      return kind === 'loss'
        ? 'Loss per batch (smoothed): no data yet.'
        : 'Accuracy per batch and test accuracy per epoch: no data yet.';
    if (kind === 'loss')
      return `Loss per batch (smoothed): from ${c.loss[0]!.toFixed(2)} to ${c.loss[n - 1]!.toFixed(2)} after ${fmtInt.format(n)} batches.`;
    const t = c.test.length ? ` Test accuracy by epoch: ${c.test.map((a) => pct(a)).join(', ')}.` : '';
    return `Training accuracy per batch (smoothed): from ${pct(c.acc[0]!)} to ${pct(c.acc[n - 1]!)}.${t}`;
  }

  private field(label: string, key: SettingKey, opts: { min?: number; max?: number; step?: string } = {}) {
    const v = this[key] as unknown;
    const shown = typeof v === 'number' && !Number.isFinite(v) ? '' : String(v ?? '');
    const bad = this.configError !== null && this.badFields.includes(key);
    return html`<label
      >${label}
      <input
        type="number"
        data-field=${key}
        .value=${shown}
        min=${opts.min ?? nothing}
        max=${opts.max ?? nothing}
        step=${opts.step ?? '1'}
        inputmode=${opts.step === 'any' ? 'decimal' : 'numeric'}
        aria-invalid=${bad ? 'true' : 'false'}
        @change=${this.onField}
    /></label>`;
  }

  protected override render() {
    const st = this._state;
    const busy = st === 'loading' || st === 'training' || st === 'paused';
    const { value, text } = this.progressInfo();
    const percent = Math.round(value * 100);
    const acc = this.testAccuracy;
    const backend = this.backend;
    return html`
      ${this.renderError()}
      ${
        this.runError?.retryable && st === 'error' && !this.configError
          ? html`<button part="retry" class="retry secondary" @click=${() => void this.start()}>
              Retry
            </button>`
          : nothing
      }
      <fieldset part="controls" class="controls" ?disabled=${busy}>
        <legend class="visually-hidden">Training settings</legend>
        <label
          >Model
          <select
            data-field="model"
            .value=${this.model}
            aria-invalid=${this.badFields.includes('model') ? 'true' : 'false'}
            @change=${this.onField}
          >
            <option value="cnn" ?selected=${this.model === 'cnn'}>CNN</option>
            <option value="fnn" ?selected=${this.model === 'fnn'}>FNN (dense)</option>
          </select></label
        >
        ${this.field('Epochs', 'epochs', { min: 1 })} ${this.field('Batch size', 'batchSize', { min: 1 })}
        ${this.field('Learning rate', 'learningRate', { min: 0, step: 'any' })}
        <label
          >Optimizer
          <select
            data-field="optimizer"
            .value=${this.optimizer}
            aria-invalid=${this.badFields.includes('optimizer') ? 'true' : 'false'}
            @change=${this.onField}
          >
            <option value="adam" ?selected=${this.optimizer === 'adam'}>Adam</option>
            <option value="sgd" ?selected=${this.optimizer === 'sgd'}>SGD</option>
          </select></label
        >
        <label
          >LR schedule
          <select
            data-field="lrSchedule"
            .value=${this.lrSchedule}
            aria-invalid=${this.badFields.includes('lrSchedule') ? 'true' : 'false'}
            @change=${this.onField}
          >
            <option value="cooldown" ?selected=${this.lrSchedule === 'cooldown'}>Cooldown</option>
            <option value="constant" ?selected=${this.lrSchedule === 'constant'}>Constant</option>
            <option value="cosine" ?selected=${this.lrSchedule === 'cosine'}>Cosine</option>
          </select></label
        >
        ${this.field('Train size (images)', 'trainSize', { min: 1, max: 60000 })}
      </fieldset>
      <div part="actions" class="actions">
        <button
          part="start"
          class="start"
          ?disabled=${busy || this.configError !== null}
          @click=${() => void this.start()}
        >
          ${st === 'done' || st === 'error' ? 'Start again' : 'Start'}
        </button>
        <button
          part="pause"
          class="pause secondary"
          ?disabled=${!(st === 'training' || st === 'paused' || st === 'loading')}
          @click=${() => (st === 'paused' ? this.resume() : this.pause())}
        >
          ${st === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button part="stop" class="stop secondary" ?disabled=${!busy} @click=${() => this.stop()}>
          Stop
        </button>
        <span class="backend" data-testid="backend"
          >${backend ? html`Backend: <strong>${backend}</strong>` : nothing}</span
        >
      </div>
      <div part="progress" class="progress">
        <div
          class="bar"
          role="progressbar"
          aria-label=${st === 'loading' ? 'Download progress' : 'Training progress'}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
          aria-valuetext=${text}
        >
          <div class="fill" ${inlineStyle({ width: `${percent}%` })}></div>
        </div>
        <span class="progress-text" data-testid="progress-text">${text}</span>
      </div>
      ${this.note ? html`<p class="note" data-testid="note">${this.note}</p>` : nothing}
      ${
        this.fallbackNotes.length
          ? html`<p part="note" class="note fallback" data-testid="fallback">
              ${this.fallbackNotes.map((n) => html`<span>${n.message}</span> `)}
            </p>`
          : nothing
      }
      <div part="charts" class="charts">
        <figure>
          <canvas data-chart="loss" role="img" aria-label=${this.chartLabel('loss')}></canvas>
          <figcaption><span class="key loss"></span>Loss (smoothed)</figcaption>
        </figure>
        <figure>
          <canvas data-chart="accuracy" role="img" aria-label=${this.chartLabel('accuracy')}></canvas>
          <figcaption>
            <span class="key train"></span>Train accuracy <span class="key test"></span>Test accuracy (per
            epoch)
          </figcaption>
        </figure>
      </div>
      <p part="result" class="result" data-testid="result">
        ${
          acc !== null && Number.isFinite(acc)
            ? html`Test accuracy
                <strong>${pct(acc)}</strong
                >${this._config ? html` on ${fmtInt.format(this._config.testSize ?? 10000)} images` : nothing}`
            : html`Test accuracy appears after the first epoch.`
        }
      </p>
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="live">
        ${this.announcement}
      </div>
    `;
  }
}
