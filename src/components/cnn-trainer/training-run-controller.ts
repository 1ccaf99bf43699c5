import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrainConfig } from '../../engine/training/config.js';
import type { BackendReport, FallbackNote } from '../../engine/backend.js';
import { messageOf, messagesOf, type Message } from '../../engine/messages.js';
import { TRAINER_EN } from './cnn-trainer.strings.js';
import type {
  TrainerBatch,
  TrainerEpoch,
  TrainerEventMap,
  TrainerEventName,
  TrainerSession,
  TrainerState,
} from '../../engine/training/types.js';
import {
  dataProgress,
  endAnnouncement,
  epochAnnouncement,
  loadedAnnouncement,
  startAnnouncement,
  type DataProgress,
  type ProgressInput,
} from './progress.js';
import { AnnouncementController } from './announcement-controller.js';

/** The events re-dispatched from the session on the element (bubbling, composed). */
export const TRAINER_EVENTS = [
  'data-progress',
  'train-start',
  'train-batch',
  'train-epoch',
  'train-end',
  'train-error',
  'fine-tune',
] as const satisfies readonly TrainerEventName[];

/** What a run leaves readable after its session is disposed. */
type Snapshot = Pick<TrainerSession, 'history' | 'testAccuracy' | 'confusion' | 'backend'>;

/** What the controller asks of its element. */
export interface RunHooks {
  /** Creates the engine's session (the element's `createSession`). */
  create(config: TrainConfig): Promise<TrainerSession>;
  /** Dispatches one of the trainer's events on the element. */
  emit<K extends TrainerEventName>(name: K, detail: TrainerEventMap[K]): void;
  /** A new run begins (state `loading`): clear what the last one showed. */
  reset(): void;
  /** A session event arrived (after the controller took what it keeps from it), before it is re-dispatched. */
  event<K extends TrainerEventName>(name: K, detail: TrainerEventMap[K]): void;
  /** The run failed with this message. */
  fail(message: Message | string): void;
  /** The network in effect and the epochs of the configuration in effect, for the announcements. */
  model(): string;
  epochs(): number | undefined;
}

const say = messagesOf(TRAINER_EN);

/** The message of a failure, wherever it sits: `{ error }`, an Error, a string, `{ message }`. */
const errorText = (d: unknown): Message | string => {
  const e = (d as { error?: unknown } | null)?.error ?? d;
  // A failure that carries its message as data (also across the training Worker): said in the reader's language.
  const m0 = messageOf(e);
  if (m0) return m0;
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : 'Training failed.';
};

/** The fallbacks of a session that a reader should know about: its backend's (if in use) and its thread's. */
const fallbacksOf = (s: TrainerSession): FallbackNote[] => {
  const backend = s.backendReport?.fallback;
  return [
    ...(backend && backend.used === s.backend ? [backend] : []),
    ...(s.threadFallback ? [s.threadFallback] : []),
  ];
};

/**
 * One trainer's run: the engine's session, from `start()` to its disposal. It owns the session, the run id that
 * tells the current session's events from a disposed one's, the results kept readable after disposal, a Pause
 * pressed while TensorFlow.js still imports, and the state shown (`idle` → `loading` → `training` ⇄ `paused` →
 * `done` | `error`). Every session event is re-dispatched on the element; what a screen reader hears of the run
 * goes to its live region (`live`, announcement-controller.ts).
 *
 * Lifetimes: removing the element disposes the session (and every tensor) and ends a running run with
 * `train-end` (`stopped: true`); a move within the page (disconnect and connect in one task) keeps training.
 */
export class TrainingRunController implements ReactiveController {
  private _state: TrainerState = 'idle';
  private _session: TrainerSession | null = null;
  private snapshot: Snapshot | null = null;
  /** Bumped for each run, so events from a disposed session are ignored. */
  private runId = 0;
  /** Pause was pressed while TensorFlow.js was still importing (no session yet): pause the session once made. */
  private pendingPause = false;
  private unlisten: (() => void) | null = null;
  private lastReport: BackendReport | null = null;
  private notes: FallbackNote[] = [];

  /** The last failure of a run, and whether Retry may help. */
  runError: { message: Message | string; retryable: boolean } | null = null;
  /** The download's progress (while loading), or null. */
  progress: DataProgress | null = null;
  /** The last batch of the run, or null. */
  lastBatch: TrainerBatch | null = null;
  /** What the live region says: the run's start, each epoch (at most one every 5 s), its end or failure. */
  readonly live: AnnouncementController;
  /** The run only evaluates loaded weights (`evaluateOnly`): it says so instead of "training". */
  evaluating = false;
  /**
   * The configuration the current (or last) run was started with: what its progress, charts and announcements
   * describe, whatever the settings become meanwhile (a bad one, or epochs for the next run). Null before a run.
   */
  config: TrainConfig | null = null;
  /** The run ended by a stop (its `train-end` said `stopped`). */
  stopped = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly hooks: RunHooks,
  ) {
    host.addController(this);
    this.live = new AnnouncementController(host);
  }

  /** Where the run is. */
  get state(): TrainerState {
    return this._state;
  }
  private set state(s: TrainerState) {
    if (s === this._state) return;
    this._state = s;
    this.host.requestUpdate();
  }
  /** Loading, training or paused: a run is in progress. */
  get busy(): boolean {
    return this._state === 'loading' || this._state === 'training' || this._state === 'paused';
  }
  /** What the progress bar shows of the run. */
  get display(): Pick<ProgressInput, 'state' | 'progress' | 'lastBatch' | 'evaluating' | 'stopped'> {
    const { state, progress, lastBatch, evaluating, stopped } = this;
    return { state, progress, lastBatch, evaluating, stopped };
  }
  /**
   * The configuration the progress, the charts and the announcements describe: the run's own while one is in
   * progress or its last batch is shown (a setting changed meanwhile is for the next Start), else `next`, what
   * Start would do (null while a setting is bad).
   */
  shown(next: TrainConfig | null): TrainConfig | null {
    return this.config && (this.busy || this.lastBatch) ? this.config : next;
  }
  /** A run was started and has ended (done, stopped or failed). */
  get ended(): boolean {
    return this.config !== null && (this._state === 'done' || this._state === 'error');
  }
  /** The session of the current run, or null. */
  get session(): TrainerSession | null {
    return this._session;
  }
  /** How many test images the run evaluates on (its `train-start` says: the dataset's own count), else null. */
  testImages: number | null = null;
  /** The current session's results, else those of the last one disposed. */
  get results(): Snapshot | null {
    return this._session ?? this.snapshot;
  }
  get backendReport(): BackendReport | null {
    return this._session?.backendReport ?? this.lastReport;
  }
  get fallbacks(): readonly FallbackNote[] {
    return this.notes;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // A move within the page (disconnect + connect in one task) keeps training; a real removal ends it.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.teardown();
    });
  }

  /** Starts a new run with `config` (ignored while one is in progress). */
  async start(config: TrainConfig): Promise<void> {
    if (this.busy) return;
    this.teardown();
    this.snapshot = null;
    this.runError = null;
    this.progress = null;
    this.lastBatch = null;
    this.notes = [];
    this.pendingPause = false;
    this.live.reset();
    this.evaluating = config.evaluateOnly === true;
    this.config = config;
    this.stopped = false;
    this.state = 'loading';
    this.hooks.reset();
    const run = ++this.runId;
    let session: TrainerSession;
    try {
      session = await this.hooks.create(config);
    } catch (e) {
      if (run === this.runId) this.fail(e, true);
      return;
    }
    if (run !== this.runId || !this.host.isConnected) {
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
      if (run === this.runId && this._state !== 'error') this.fail(e, true);
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
    this.sync();
  }

  /** Resumes a paused run. */
  resume(): void {
    if (this._state !== 'paused') return;
    this._session?.resume();
    this.sync();
  }

  /** Stops the run; its results so far stay readable. */
  stop(): void {
    if (!this._session) {
      if (this._state === 'loading') this.cancelPendingStart(); // stopped before the session even existed
      return;
    }
    this._session.stop();
    this.sync();
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
    const snapshot = {
      history: s.history,
      testAccuracy: s.testAccuracy,
      confusion: s.confusion,
      backend: s.backend,
    };
    this.snapshot = snapshot;
    const running = this.busy;
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
    this.live.drop();
    this.runId++;
    if (running) {
      // A run ends with an event however it ends: a session that said nothing on dispose gets one from us.
      this.state = 'done';
      if (!ended) this.hooks.emit('train-end', { stopped: true, ...snapshot });
    } else if (this._state !== 'done' && this._state !== 'error') this.state = 'idle';
    this.host.requestUpdate();
  }

  /** Abandons a start whose session does not exist yet: its late session is disposed on arrival. */
  private cancelPendingStart(): void {
    this.runId++;
    this.pendingPause = false;
    this.state = 'idle';
  }

  /** Takes the session's state (a pause or stop it applied, an end it reached). */
  private sync(): void {
    const s = this._session?.state;
    if (s) this.state = s;
    this.host.requestUpdate();
  }

  private fail(e: unknown, emit: boolean): void {
    const message = errorText(e);
    // `retryable` may sit on the detail ({ error, retryable }) or on the error itself (MnistLoadError).
    const inner = (e as { error?: unknown } | null)?.error;
    const retryable =
      (e as { retryable?: unknown } | null)?.retryable !== false &&
      (inner as { retryable?: unknown } | null)?.retryable !== false;
    this.runError = { message, retryable };
    this.state = 'error';
    this.live.drop();
    this.live.say(say('trainer.announceFailed', { error: message }));
    this.hooks.fail(message);
    if (emit) this.hooks.emit('train-error', { error: e });
  }

  /** Keeps what the display needs from one session event (before the element sees it). */
  private take(name: TrainerEventName, detail: unknown, session: TrainerSession): void {
    if (name === 'data-progress') this.progress = dataProgress(detail);
    else if (name === 'train-start') {
      const n = Number((detail as { testSize?: unknown } | null)?.testSize);
      this.testImages = Number.isInteger(n) && n > 0 ? n : null;
      this.progress = null;
      this.lastBatch = null;
      this.sync();
      // Every fallback is said, in the element and to a screen reader: a silent one is a mystery slowness.
      this.notes = fallbacksOf(session);
      this.lastReport = session.backendReport ?? null;
      if (!this.evaluating)
        this.live.say(
          startAnnouncement(this.hooks.model(), session.backend ?? null),
          this.notes.map((n) => n.detail ?? n.message),
        );
    } else if (name === 'train-batch') {
      this.lastBatch = detail as TrainerBatch;
      if (this._state !== 'training' && session.state === 'training') this.state = 'training';
    } else if (name === 'train-epoch')
      // Announced per epoch (never per batch), at most one every 5 s: the lesson, not a ticker.
      this.live.epoch(epochAnnouncement(detail as TrainerEpoch, this.hooks.epochs()));
    else if (name === 'train-end') {
      this.sync();
      if (this._state === 'training' || this._state === 'loading') this.state = 'done';
      const stopped = Boolean((detail as { stopped?: boolean } | null)?.stopped);
      this.stopped = stopped;
      // The last epoch is always said: still waiting for its turn, it is said with the end.
      this.live.end(
        this.evaluating
          ? loadedAnnouncement(session.testAccuracy ?? null)
          : endAnnouncement(stopped, session.testAccuracy ?? null),
      );
    }
  }

  private listen(session: TrainerSession, run: number): void {
    const handlers: [string, EventListener][] = [];
    const on = (name: string, fn: (detail: unknown) => void) => {
      const h: EventListener = (e) => {
        if (run === this.runId) fn((e as CustomEvent).detail);
      };
      session.addEventListener(name, h);
      handlers.push([name, h]);
    };
    on('state', () => this.sync());
    for (const name of TRAINER_EVENTS)
      on(name, (detail) => {
        if (name === 'train-error') this.fail(detail, false);
        else {
          this.take(name, detail, session);
          this.hooks.event(name, detail as never);
        }
        this.hooks.emit(name, detail as never);
      });
    this.unlisten = () => handlers.forEach(([n, h]) => session.removeEventListener(n, h));
  }
}
