import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, type initialState } from '../shared/task.js';
import { failureOf, type FeatureMapState, type MapsResult, type MapsSource } from './maps-result.js';
import type { Message } from '../../engine/messages.js';

/** What a mode's controller needs of its element. */
export type MapsHost = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

/**
 * What both modes share: one run at a time as a `Task` (changed arguments abort the run in flight, whose late
 * answer is ignored), its status in the element's words, its failure as a message with Retry or not, and a run
 * token that Retry and a re-attachment bump so that the task runs again with unchanged settings.
 */
export abstract class MapsController<H extends MapsHost> implements ReactiveController, MapsSource {
  abstract readonly note: Message | string;
  protected readonly task: Task<readonly unknown[], MapsResult>;
  /** Bumped to run again with the same settings: the task's arguments change. */
  private token = 0;

  constructor(protected readonly host: H) {
    host.addController(this);
    this.task = new Task<readonly unknown[], MapsResult>(host, {
      args: () => [this.token, ...this.args()],
      task: (_args, { signal }) => this.compute(signal),
    });
  }

  /** The settings a run depends on (compared item by item after each host update). */
  protected abstract args(): readonly unknown[];
  /** One run: the result, `initialState` for nothing to show, or a thrown failure (see `MapsFailure`). */
  protected abstract compute(signal: AbortSignal): Promise<MapsResult | typeof initialState>;
  /** The state while a run is pending. */
  protected abstract get pendingState(): FeatureMapState;
  /** The state with nothing to show (no run, or a run that found nothing to do). */
  protected get idleState(): FeatureMapState {
    return 'idle';
  }
  /** Forgets what failed to download and computes again. */
  abstract retry(): void;

  get state(): FeatureMapState {
    switch (this.task.status) {
      case 'pending':
        return this.pendingState;
      case 'complete':
        return 'ready';
      case 'error':
        return 'error';
      default:
        return this.idleState;
    }
  }
  get result(): MapsResult | null {
    return this.task.value ?? null;
  }
  get error(): Message | string | null {
    return this.task.status === 'error' ? failureOf(this.task.error).detail : null;
  }
  get retryable(): boolean {
    return this.task.status === 'error' && failureOf(this.task.error).retryable;
  }

  hostConnected(): void {
    // Re-attached after a removal that stopped a run (or came before one finished): compute again.
    if (this.host.hasUpdated && this.state !== 'ready') this.rerun();
  }

  /** Runs again at the next host update, whatever the settings. */
  protected rerun(): void {
    this.token++;
    this.host.requestUpdate();
  }
}
