import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { CnnElement } from '../shared/cnn-element.js';
import { booleanValue, enumValue, networkValue, stringValue } from '../shared/property-values.js';
import type {
  BackendName,
  BackendPreference,
  LrScheduleName,
  TrainConfig,
} from '../../engine/training/config.js';
import type { BackendReport, FallbackNote } from '../../engine/backend.js';
import type { PyTorchScriptOptions } from '../../engine/export/pytorch.js';
import { isEmptyNetwork, type NetworkValue } from '../../engine/models/network-empty.js';
import type {
  DatasetInfo,
  TrainerEventMap,
  TrainerHistory,
  TrainerSession,
  TrainerState,
} from '../../engine/training/types.js';
import {
  SETTING_KINDS,
  TrainerSettings,
  checkSettings,
  defineSettingAccessors,
  workersValue,
  type SettingKey,
  type SettingsCheck,
} from './settings.js';
import { LayersEditorController } from './layers-editor.js';
import { RunFocusController } from './focus-controller.js';
import { TrainingRunController } from './training-run-controller.js';
import { ModelFilesController, createTrainingSession, modelFiles } from './session-io.js';
import type { FineTuneOptions, FineTuneResult, TaughtExample } from '../../engine/training/fine-tune.js';
import { FineTuneController } from './fine-tune-controller.js';
import { AutostartController } from './autostart-controller.js';
import { DatasetController } from './dataset-controller.js';
import { HiddenPauseController } from './hidden-pause-controller.js';
import { FrameController } from './frame-controller.js';
import { TRAINER_EN } from './cnn-trainer.strings.js';
import { SHARED_EN } from '../shared/shared.strings.js';
import { message, type Message } from '../../engine/messages.js';
import { networkParser } from '../shared/network-parser.js';
import { renderActions, renderNotes, renderProgress, renderResult, renderRetry } from './run-view.js';
import type { TrainingCurves } from './training-curves.js';
import { curvesStyles } from './training-curves.styles.js';
import { styles } from './cnn-trainer.styles.js';

export type * from '../../engine/training/types.js'; // one definition for the trainer and its followers
export { TRAINER_EVENTS } from './training-run-controller.js';
export { MAX_IMAGE_PASSES } from './settings.js';

/** How long the tab may stay hidden before training pauses (ms). */
export const HIDDEN_PAUSE_MS = 30_000;

/** The trainer's English: the shared words and its own (cnn-trainer.strings.ts). */
const EN = { ...SHARED_EN, ...TRAINER_EN };

/**
 * Trains the lesson's network — the CNN or the plain feed-forward net, or your own (`layers`) — on MNIST or your
 * own dataset (`data-src`: a folder `npx cnn-widgets pack` made, grey or RGB, 8×8 to 64×64) in the reader's own
 * browser, and shows it learning: a progress bar for the download and for training, live loss and accuracy curves
 * (smoothed), test accuracy after every epoch. The training runs in the engine's `TrainingSession` (a Worker
 * where possible); this element is its remote control and its display.
 *
 * Settings come from attributes (each with a property twin that reads the value in effect: the writer's, else
 * the `preset`'s, else the default). `preset="notebook"` is the lesson's own recipe: 500 training and 500 test
 * images, batch 20, Adam at a constant 0.01, 200 epochs, seed 1234; any attribute given explicitly overrides it.
 * The defaults go further: all 60,000 training images, 2 epochs, batch 64, Adam at 0.001 with a cooldown over the
 * last 20 % of the updates (`lr-schedule`), which reach about 98.5 % test accuracy with the cnn.
 * The `backend` ATTRIBUTE is the preference (property `backendPreference`); the `backend` PROPERTY is the one in use.
 *
 * Removing the element disposes the session (and every tensor); a tab hidden for 30 s pauses training (Resume
 * continues). Followers (`<confusion-matrix for>`, `<feature-map for>`, `<digit-pad for>`) read `session`,
 * `confusion`, `datasetInfo` and the events.
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
 * @fires fine-tune - `fineTune()` finished: `{ steps, examples, correct, predicted, testAccuracy, … }`.
 * @fires dataset - What it trains on is known or changed (`datasetInfo`: `{ name, classes, shape }`): MNIST at
 * once, a `data-src`'s dataset.json as soon as it is read (before Start). Followers take the class names from it.
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
 * @csspart data-toggle - The charts' *Data table* button (`aria-expanded`).
 * @csspart data-table - That table: per epoch, its batches, smoothed loss and training accuracy, test accuracy.
 * @csspart result - The backend in use and the final test accuracy.
 * @csspart fine-tune - The "Fine-tune on taught examples" button and its result, once a run has trained.
 * @csspart note - Why training runs slower than it could (a fallback: no WebAssembly, no Worker), and the fix.
 *
 * @cssproperty [--cnn-trainer-loss=var(--cnn-negative)] Colour of the loss curve.
 * @cssproperty [--cnn-trainer-train=var(--cnn-accent)] Colour of the training-accuracy curve.
 * @cssproperty [--cnn-trainer-test=var(--cnn-positive)] Colour of the test-accuracy line.
 * @cssproperty [--cnn-trainer-chart-height=160px] Height of each chart.
 */
export class CnnTrainer extends CnnElement<TrainerEventMap, typeof EN> {
  static override styles = [...CnnElement.styles, styles, curvesStyles];
  protected static override strings = EN;

  // The settings' hand-written accessors (below) read the value in effect (TrainerSettings, settings.ts).
  static override properties: PropertyDeclarations = {
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

  /** What the writer set, and the values in effect. */
  private readonly settings = new TrainerSettings(() => this.preset);

  private setRaw(key: SettingKey, v: unknown): void {
    const old = this.settings.effective(key);
    this.settings.set(key, this.readProperty(key, SETTING_KINDS[key], v, false));
    this.requestUpdate(key, old);
  }

  // One accessor per setting, over `settings`: it reads the value in effect and records what the writer set.
  static {
    defineSettingAccessors(
      this.prototype,
      (el, key) => el.settings.effective(key),
      (el, key, v) => el.setRaw(key, v),
    );
  }

  /** Which network: `cnn` (the lesson's CNN, 45,424 parameters) or `fnn` (the plain dense net, 40,480). */
  declare model: 'cnn' | 'fnn';
  /** Passes over the training images (default 2; `notebook`: 200). */
  declare epochs: number;
  /** Images per gradient step (default 64; `notebook`: 20). */
  declare batchSize: number;
  /** Step size of the optimiser (default 0.001; `notebook`: 0.01). */
  declare learningRate: number;
  /**
   * How the learning rate moves over the run (attribute `lr-schedule`): `cooldown` (default: `learning-rate` for
   * the first 80 % of the updates, then down to 0 over the last 20 %), `constant` (`notebook`) or `cosine`.
   */
  declare lrSchedule: LrScheduleName;
  /** `adam` (default) or `sgd` (with momentum 0.9). */
  declare optimizer: 'adam' | 'sgd';
  /** How many training images to use, the first N (default 60,000, MNIST's all; a smaller dataset uses all it has; `notebook`: 500). */
  declare trainSize: number;
  /** How many test images to evaluate on, the first N (default 10,000, MNIST's all; a smaller dataset uses all it has; `notebook`: 500). */
  declare testSize: number;
  /** Random seed for weights and shuffling: the same seed gives the same run (default 1234). */
  declare seed: number;

  /** A named recipe whose values apply to every setting not given explicitly: `notebook` (the lesson's). */
  @property({ reflect: true, converter: stringValue }) preset: string | null = null;
  /** Which TensorFlow.js backend to ask for (attribute `backend`): `auto`, `webgpu`, `webgl`, `wasm` or `cpu`. */
  @property({ attribute: 'backend', converter: enumValue(['auto', 'webgpu', 'webgl', 'wasm', 'cpu']) })
  backendPreference: BackendPreference | string = 'auto';
  /** Workers sharing each batch on a CPU backend (data-parallel): `auto` (a share of 32 examples or more each, up to the cores less one, 1 to 4; 1 for a network without a convolution) or 1 to 8. */
  @property({ converter: workersValue }) workers: 'auto' | number | string = 'auto';
  /** The dataset's folder, with its dataset.json (`npx cnn-widgets pack` makes one); default the library's MNIST. */
  @property({ attribute: 'data-src', reflect: true, converter: stringValue }) dataSrc: string | null = null;
  /**
   * Your own network (attribute `layers`), trained instead of `model` when not empty: PyTorch's words
   * (`Conv2d(1, 16, 3), ReLU(), …`), or the engine's plain layer specs (an array, or its JSON in the attribute).
   */
  @property({ attribute: 'layers', reflect: true, converter: networkValue }) network: NetworkValue = '';
  /**
   * Start training as soon as the element is on the page (off by default: training costs the reader). Not under
   * `prefers-reduced-motion: reduce`: then the trainer waits for Start, and its note says why.
   */
  @property({ type: Boolean, reflect: true, converter: booleanValue }) autostart = false;

  /** `idle`, `loading` (data/backend), `training`, `paused`, `done` or `error`. */
  get state(): TrainerState {
    return this.run.state;
  }
  /** Per-batch and per-epoch records of the current (or last) run. */
  get history(): TrainerHistory {
    return this.run.results?.history ?? { batches: [], epochs: [] };
  }
  /** Accuracy on the test set after the last finished epoch, 0..1, or `null`. */
  get testAccuracy(): number | null {
    return this.run.results?.testAccuracy ?? null;
  }
  /** The 10×10 confusion matrix on the test set (rows = actual digit), or `null` before the first epoch ends. */
  get confusion(): number[][] | null {
    return this.run.results?.confusion ?? null;
  }
  /** The TensorFlow.js backend in use (`webgpu`, `webgl`, `wasm`, `cpu`), or `null` before training starts. */
  get backend(): BackendName | null {
    return this.run.results?.backend ?? null;
  }
  /** Setting it sets the preference (`backendPreference`; `null` is `auto`), as the attribute does: React 19,
   * Vue and Svelte pass `backend="wasm"` as a PROPERTY because the element has one, and must not throw. */
  set backend(value: BackendPreference | string | null | undefined) {
    this.backendPreference = value ?? 'auto';
  }
  /** How the backend was chosen (`reason`, `candidates`, `fallback`), as the training thread reports it, or `null`. */
  get backendReport(): BackendReport | null {
    return this.run.backendReport;
  }
  /** Every fallback of the run (`cpu` as the CSP blocks WebAssembly…): `{ what, wanted, used, cause, message }`. */
  get fallbacks(): readonly FallbackNote[] {
    return this.run.fallbacks;
  }
  /** What it trains on, `{ name, classes, shape: [height, width, channels] }` (classes in label order): MNIST's
   * without `data-src`; `null` while its dataset.json loads or failed. (`dataset` is every element's data-* map.) */
  get datasetInfo(): DatasetInfo | null {
    return this.data.info;
  }
  /** The engine's `TrainingSession` of the current run (for sibling widgets), or `null`. */
  get session(): TrainerSession | null {
    return this.run.session;
  }
  /** The complete configuration that `start()` would use, or `null` when a setting is invalid (see `error`). */
  get config(): TrainConfig | null {
    return this.check.config;
  }

  /** ms the tab may stay hidden before training pauses (a property so tests can shorten it). */
  hiddenPauseMs = HIDDEN_PAUSE_MS;

  @state() private note: Message | string = '';
  /** What the settings add up to: the configuration, or the message and the fields (and layer) it is about. */
  @state() private check: SettingsCheck = { config: null, error: '', bad: [] };

  private readonly run = new TrainingRunController(this, {
    create: (config) => this.createSession(config),
    emit: (name, detail) => this.emit(name, detail),
    reset: () => {
      this.files.error = null;
      this.setError(null);
      this.curves?.clear();
      this.note = '';
      // A run started in a hidden tab (no visibilitychange will come) is paused like one whose tab was hidden.
      this.hiddenPause.check();
    },
    // The charts take each event; the progress text follows at the next frame.
    event: (name, detail) => (this.curves?.feed(name, detail), this.frames.schedule()),
    fail: (message) => this.setError(message),
    model: () => (isEmptyNetwork(this.network) ? this.model : 'your network'),
    epochs: (): number | undefined => this.run.shown(this.check.config)?.epochs,
  });
  private readonly hiddenPause = new HiddenPauseController(this, {
    running: () => this.state === 'training' || this.state === 'loading',
    pause: () => {
      this.pause();
      this.note = message(TRAINER_EN, 'trainer.hiddenPause');
    },
    delay: () => this.hiddenPauseMs,
  });
  /** The progress text follows the batches at most once per animation frame. */
  private readonly frames = new FrameController(this);
  /** Start and Stop hand the keyboard's focus on when they disable themselves. */
  protected readonly focusKeeper = new RunFocusController(this);
  private readonly files = new ModelFilesController(this, (config) => this.run.start(config));
  private readonly tuner = new FineTuneController(this);
  private readonly data = new DatasetController(this, (info) => this.emit('dataset', info));
  private readonly editor = new LayersEditorController(this, (key, v) => this.setRaw(key, v));
  protected readonly autostarter = new AutostartController(
    this,
    () => (this.note = message(TRAINER_EN, 'trainer.autostartHeld')),
  );

  /** The charts (rendered by this element, fed by the run's events). */
  @query('cnn-training-curves') private curves!: TrainingCurves | null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.parts.need(modelFiles); // from the first update on, for toPyTorch() and the buttons
    this.validate();
  }

  /** Also waits for the dataset.json of `data-src` (read at once: its class names, or why it failed). */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.data.settled(() => super.getUpdateComplete());
  }

  private validate(): void {
    this.data.sync(this.dataSrc);
    const { backendPreference: backend, dataSrc, preset, propertyError: typeError, network, workers } = this;
    const parser = isEmptyNetwork(network) ? undefined : this.parts.need(networkParser);
    const { dataset } = this.data;
    const context = { backend, dataSrc, preset, typeError, network, workers, dataset, parser };
    const check = (this.check = checkSettings((key) => this[key], context));
    const failed = this.data.error?.message ?? this.tuner.error ?? this.run.runError?.message;
    this.setError(check.error ?? this.files.error ?? failed ?? null);
  }

  /** Creates the engine's session (TF.js loads on first use); protected: a test or a lesson may supply its own. */
  protected createSession(config: TrainConfig): Promise<TrainerSession> {
    return createTrainingSession(config);
  }

  /** Starts a new run with the current settings (ignored while one is running or paused, or when a setting is bad). */
  async start(): Promise<void> {
    // The settings are read after an update and the parts it asked for (the parser a `layers` network needs): a
    // script may call this right after putting the element on the page.
    await this.updateComplete;
    if (this.run.busy) return;
    if (this.data.error) return this.data.retry(); // the Retry of a dataset.json that could not be read
    this.validate();
    if (this.check.config) await this.run.start(this.check.config);
  }

  /** One runnable PyTorch script of this network and run (`{ weights: 'model.safetensors' }`: it loads those). */
  toPyTorch(options?: PyTorchScriptOptions): string {
    return this.files.toPyTorch(options);
  }
  /** The trained weights as a safetensors `Blob`, with PyTorch's names and layouts. */
  exportWeights(): Promise<Blob> {
    return this.files.exportWeights();
  }
  /** Loads safetensors weights (a Blob, a File or a URL): into the run, else evaluated in a run of their own. */
  async importWeights(source: Blob | string): Promise<void> {
    // As `start()`: a `layers` network is read once its parser has loaded, which the first update asks for (a
    // script may call this right after putting the element on the page).
    await this.updateComplete;
    return this.files.importWeights(source);
  }
  /** Fine-tunes on taught examples (default: its `<digit-pad for>`s'); resolves `null` (see `error`) if it can't. */
  fineTune(examples?: readonly TaughtExample[], options?: FineTuneOptions): Promise<FineTuneResult | null> {
    return this.tuner.fineTune(examples, options);
  }
  /** Pauses training after the current batch. */
  pause(): void {
    this.run.pause();
  }
  /** Resumes a paused run. */
  resume(): void {
    if (this.state === 'paused') this.note = '';
    this.run.resume();
  }
  /** Stops the run; its results so far stay readable. */
  stop(): void {
    this.run.stop();
  }

  private readonly onStart = (): void => void this.start();

  protected override render() {
    const l = this.localize;
    const st = this.state;
    const retry =
      this.data.error?.retryable ?? (this.run.runError?.retryable && st === 'error' && !this.check.error);
    return html`
      ${this.renderError()} ${renderRetry(retry === true, this.onStart, l)}
      ${this.editor.render(
        {
          // A bad value as written, next to its message; a good one as it will be used (cut to a dataset's count).
          value: (key) =>
            (this.check.bad as readonly string[]).includes(key) ? this[key] : this.data.shown(key, this[key]),
          trainImages: this.data.counts?.train,
          disabled: this.run.busy,
          localize: l,
        },
        this.check,
      )}
      ${renderActions({
        state: st,
        busy: this.run.busy,
        invalid: this.check.config === null,
        backend: this.backend,
        start: this.onStart,
        pause: () => this.pause(),
        resume: () => this.resume(),
        stop: () => this.stop(),
        localize: l,
      })}
      ${this.files.render(this.run.busy, l)} ${this.tuner.render(l)}
      ${renderProgress({ ...this.run.display, ...this.data.display(this.run.shown(this.check.config)) }, l)}
      ${renderNotes(this.note, this.fallbacks, l)}
      <cnn-training-curves .epochs=${this.run.shown(this.check.config)?.epochs ?? 1}></cnn-training-curves>
      ${renderResult(
        this.testAccuracy,
        this.run.testImages ?? this.data.testImages(this.run.shown(this.check.config)),
        l,
        this.run.ended,
      )}
      ${this.run.live.render(l)}
    `;
  }
}
