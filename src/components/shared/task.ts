import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a task is: never run (or reset), running, finished with a value, or failed. */
export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

/** Returned by a task function to mean "nothing to do for these arguments": the task goes back to `initial`. */
export const initialState: unique symbol = Symbol('initialState');

/** The task function: gets the arguments and a signal that aborts when a newer run starts or the host leaves. */
export type TaskFunction<A extends readonly unknown[], R> = (
  args: A,
  options: { signal: AbortSignal },
) => R | typeof initialState | Promise<R | typeof initialState>;

export interface TaskOptions<A extends readonly unknown[], R> {
  task: TaskFunction<A, R>;
  /**
   * The arguments, read after each host update; the task runs when they differ (shallow, `Object.is` per item)
   * from the last run's. Without `args` it runs after every update, as in @lit/task.
   */
  args?: () => A;
  /** Run automatically when the arguments change (default true); `false`: only `run()` starts it. */
  autoRun?: boolean;
  /**
   * Never two runs at once (default false): a run starts only once the one before it has settled (that one is
   * still aborted, and its result ignored), and a run overtaken while it waits never starts. For work on one
   * resource that must not be used twice at once, such as a network answering one prediction at a time.
   */
  serial?: boolean;
}

/** What `render` shows in each status; a missing one renders `undefined`. */
export interface TaskRenderers<R, T> {
  initial?: () => T;
  pending?: () => T;
  complete?: (value: R) => T;
  error?: (error: unknown) => T;
}

/**
 * Async work tied to an element's properties, with @lit/task's semantics and no dependency: it runs after an
 * update when its arguments changed, a newer run aborts the older one's `signal` and the older result is
 * ignored (a slow answer for a cell the reader has left never overwrites the new one), and each status renders
 * something. The host re-renders when the status changes. Leaving the page aborts a pending run; coming back
 * runs it again.
 *
 *     private readonly examples = new Task(this, {
 *       args: () => [this.session, this.selected] as const,
 *       task: async ([session, cell], { signal }) => (cell ? session.load(cell, { signal }) : initialState),
 *     });
 *     render() { return this.examples.render({ pending: () => '…', complete: (v) => show(v) }); }
 */
export class Task<
  A extends readonly unknown[] = readonly unknown[],
  R = unknown,
> implements ReactiveController {
  private _status: TaskStatus = 'initial';
  private _value: R | undefined = undefined;
  private _error: unknown = undefined;
  /** The arguments of the last run; `undefined` makes the next update run whatever the arguments. */
  private lastArgs: A | undefined = undefined;
  /** Bumped by every run (and by disconnection): a run whose id is no longer current is ignored. */
  private runId = 0;
  private controller: AbortController | null = null;
  /** With `serial`: settles when the latest run (or its skip) has; the next run waits for it. */
  private queue: Promise<unknown> = Promise.resolve();
  /** `taskComplete`'s promise while pending, made only when asked for (no unhandled rejection otherwise). */
  private waiting: { resolve: (v: R) => void; reject: (e: unknown) => void; promise: Promise<R> } | null =
    null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TaskOptions<A, R>,
  ) {
    host.addController(this);
  }

  /** `initial`, `pending`, `complete` or `error`. */
  get status(): TaskStatus {
    return this._status;
  }

  /** The last completed value: kept while a newer run is pending, cleared by an error or `initialState`. */
  get value(): R | undefined {
    return this._value;
  }

  /** What the last run threw (or rejected with), while `status` is `error`. */
  get error(): unknown {
    return this._error;
  }

  /** Resolves with the value when the current (or next) run completes; rejects when it fails. */
  get taskComplete(): Promise<R> {
    if (this._status === 'complete') return Promise.resolve(this._value as R);
    if (this._status === 'error') return Promise.reject(this._error);
    if (!this.waiting) {
      let resolve!: (v: R) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<R>((res, rej) => ((resolve = res), (reject = rej)));
      this.waiting = { resolve, reject, promise };
    }
    return this.waiting.promise;
  }

  /** Shows the current status: the matching renderer's result. */
  render<T>(renderers: TaskRenderers<R, T>): T | undefined {
    switch (this._status) {
      case 'initial':
        return renderers.initial?.();
      case 'pending':
        return renderers.pending?.();
      case 'complete':
        return renderers.complete?.(this._value as R);
      case 'error':
        return renderers.error?.(this._error);
    }
  }

  /** Runs now, with `args` (default: the current arguments), whether or not they changed. */
  async run(args?: A): Promise<void> {
    await this.start(args ?? this.options.args?.() ?? ([] as unknown as A), false);
  }

  /** Aborts the pending run, if any (its signal fires; what it then throws or returns is still reported). */
  abort(reason?: unknown): void {
    if (this._status === 'pending') this.controller?.abort(reason);
  }

  hostUpdated(): void {
    if (this.options.autoRun === false) return;
    const args = this.options.args?.();
    if (args && this.lastArgs && sameArgs(args, this.lastArgs)) return;
    void this.start(args ?? ([] as unknown as A), true);
  }

  hostConnected(): void {
    // A run aborted by a disconnection is owed: the next update runs it (its arguments were forgotten).
    if (this.lastArgs === undefined && this.runId > 0) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this._status !== 'pending') return;
    this.runId++;
    this.controller?.abort();
    this.controller = null;
    this.lastArgs = undefined;
    this._status = 'initial';
  }

  private async start(args: A, fromUpdate: boolean): Promise<void> {
    this.lastArgs = args;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const id = ++this.runId;
    this._status = 'pending';
    // Within `updated` a synchronous request would be an update scheduled during an update (lit warns).
    if (fromUpdate) queueMicrotask(() => this.host.requestUpdate());
    else this.host.requestUpdate();
    let result: R | typeof initialState;
    let failed = false;
    let error: unknown;
    try {
      result = await this.call(args, controller.signal, id);
    } catch (e) {
      failed = true;
      error = e;
      result = initialState;
    }
    if (id !== this.runId) return; // overtaken by a newer run, or the host left the page
    this.controller = null;
    const waiting = this.waiting;
    this.waiting = null;
    if (failed) {
      this._status = 'error';
      this._error = error;
      this._value = undefined;
      waiting?.reject(error);
    } else if (result === initialState) {
      this._status = 'initial';
      this._value = undefined;
      this._error = undefined;
      // Nothing to wait for any more: a waiter gets `undefined` rather than hanging.
      waiting?.resolve(undefined as R);
    } else {
      this._status = 'complete';
      this._value = result;
      this._error = undefined;
      waiting?.resolve(result);
    }
    this.host.requestUpdate();
  }

  /** Calls the task function now, or (with `serial`) once the run before has settled, unless overtaken. */
  private call(args: A, signal: AbortSignal, id: number): ReturnType<TaskFunction<A, R>> {
    if (!this.options.serial) return this.options.task(args, { signal });
    const run = this.queue.then(() =>
      id === this.runId ? this.options.task(args, { signal }) : initialState,
    );
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Shallow equality of two argument lists, as @lit/task compares them. */
function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
