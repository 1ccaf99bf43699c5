import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ForTargetController } from './for-target.js';
import type {
  TrainerEventMap,
  TrainerEventName,
  TrainerLike,
  TrainerSession,
} from '../../engine/training/types.js';

/** A handler per trainer event; the link listens to exactly the events given here. */
export type TrainerEventHandlers = {
  [K in TrainerEventName]?: (detail: TrainerEventMap[K], event: CustomEvent<TrainerEventMap[K]>) => void;
};

/** What a widget wants from the trainer it follows. Every member is optional. */
export interface TrainerLinkOptions<T extends TrainerLike = TrainerLike> {
  /**
   * The trainer events to listen to, each with its handler. Only these are listened to: `train-batch` comes
   * hundreds of times a second, and a widget that does not need it should not wake up for it.
   */
  on?: TrainerEventHandlers;
  /**
   * Attributes of the trainer to observe, e.g. `['model']`: `<cnn-trainer>` reflects its settings, so an
   * attribute change is how a follower sees a setting change made from script or from the trainer's form.
   */
  attributes?: readonly string[];
  /**
   * Runs when the followed trainer changes: another element, none (`null`), or the same element again once its
   * custom element definition has loaded (`trainer === previous`: its properties are readable only now).
   */
  onTrainer?: (trainer: T | null, previous: T | null) => void;
  /** Runs when the trainer's `session` changes (a new run, or none), before the event handler that saw it. */
  onSession?: (session: Partial<TrainerSession> | null, previous: Partial<TrainerSession> | null) => void;
  /** Runs when one of `attributes` changes on the trainer. */
  onAttribute?: (name: string, trainer: T) => void;
  /** Which element counts as a trainer (default: any element with that id). */
  accept?: (el: Element) => el is T;
}

/**
 * Follows the `<cnn-trainer>` named by a widget's `for` attribute, the way Material Web's `AttachableController`
 * follows its control: it finds the element (through `ForTargetController`, so a trainer added, replaced or
 * defined later is found), listens to the trainer events the widget asked for, observes the attributes it
 * asked for, notices when the trainer's `session` changes, and requests a host update after each of these.
 * Listeners are removed when the trainer changes and when the host leaves the page.
 *
 * The trainer fires no event of its own when its session changes; the link compares `trainer.session` when the
 * trainer changes and at every event it listens to (a new run always starts with `data-progress` and
 * `train-start`, and a run ended by disposal with `train-end`).
 *
 * Usage: create it as a field, and hand it the `for` id in `willUpdate` (so the trainer is current when the
 * widget computes its state):
 *
 *     private readonly link = new TrainerLink(this, { on: { 'train-epoch': () => this.pull() } });
 *     protected override willUpdate(changed: PropertyValues<this>) {
 *       super.willUpdate(changed);
 *       this.link.setFor(this.htmlFor);
 *     }
 */
export class TrainerLink<T extends TrainerLike = TrainerLike> implements ReactiveController {
  private readonly finder: ForTargetController<T>;
  /** The trainer our listeners and observer are on (null: none), so they are removed exactly once. */
  private bound: T | null = null;
  private readonly listeners: [string, EventListener][] = [];
  private observer: MutationObserver | null = null;
  private lastSession: Partial<TrainerSession> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: TrainerLinkOptions<T> = {},
  ) {
    this.finder = new ForTargetController<T>(host, (next, prev) => this.follow(next, prev), options.accept);
    host.addController(this);
  }

  /** The trainer followed now, or `null` (no `for`, no such element, or the host is not on the page). */
  get trainer(): T | null {
    return this.finder.target;
  }

  /** The followed trainer's current session (read from the trainer now), or `null`. */
  get session(): Partial<TrainerSession> | null {
    return this.trainer?.session ?? null;
  }

  /** Follows the element with this id (the host's `for` attribute); `null` or empty follows none. Idempotent. */
  setFor(id: string | null | undefined): void {
    this.finder.setId(id);
  }

  /** Reconnected, the finder (a controller of its own) resolves the target again and calls `follow`. */
  hostDisconnected(): void {
    // The finder calls `follow(null)` too; unbinding twice is harmless.
    this.unbind();
  }

  private follow(next: T | null, prev: T | null): void {
    if (next !== this.bound) {
      this.unbind();
      if (next) this.bind(next);
    }
    this.options.onTrainer?.(next, prev);
    this.checkSession();
    this.host.requestUpdate();
  }

  private bind(trainer: T): void {
    this.bound = trainer;
    for (const [name, handler] of Object.entries(this.options.on ?? {})) {
      const listener: EventListener = (e) => {
        this.checkSession();
        (handler as (d: unknown, e: CustomEvent) => void)((e as CustomEvent).detail, e as CustomEvent);
        this.host.requestUpdate();
      };
      trainer.addEventListener(name, listener);
      this.listeners.push([name, listener]);
    }
    const attributes = this.options.attributes ?? [];
    if (attributes.length) {
      this.observer = new MutationObserver((records) => {
        for (const r of records) if (r.attributeName) this.options.onAttribute?.(r.attributeName, trainer);
        this.host.requestUpdate();
      });
      this.observer.observe(trainer, { attributes: true, attributeFilter: [...attributes] });
    }
  }

  private unbind(): void {
    const t = this.bound;
    if (!t) return;
    for (const [name, listener] of this.listeners) t.removeEventListener(name, listener);
    this.listeners.length = 0;
    this.observer?.disconnect();
    this.observer = null;
    this.bound = null;
  }

  private checkSession(): void {
    const now = this.session;
    if (now === this.lastSession) return;
    const before = this.lastSession;
    this.lastSession = now;
    this.options.onSession?.(now, before);
  }
}
