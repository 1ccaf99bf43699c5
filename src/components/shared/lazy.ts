import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Parts of the library that an element loads with `import()` only when a page asks for them (Spectrum's
 * pattern: a heavy sub-part is imported when an attribute needs it), so that a page downloads only what it
 * uses: the PyTorch-layers parser when a `layers` text is given, the photo download when a photo is shown, a
 * translation table when the page is in that language.
 *
 * `lazy(what, () => import('…'))` names one such part, once, at module level: the import starts on the first
 * need and its module then serves every element on the page (as the ES module itself would). A failed load is
 * forgotten, so the next need tries again.
 */
export interface LazyPart<M> {
  /** What the part is, for the message when it cannot be loaded ("the PyTorch-layers parser"). */
  readonly what: string;
  /** The module once loaded, else `undefined`. */
  readonly module: M | undefined;
  /** Loads the part (once; again after a failure). */
  load(): Promise<M>;
}

export function lazy<M>(what: string, importer: () => Promise<M>): LazyPart<M> {
  let loading: Promise<M> | null = null;
  const part: { what: string; module: M | undefined; load(): Promise<M> } = {
    what,
    module: undefined,
    load: () =>
      (loading ??= importer().then(
        (m) => (part.module = m),
        (e: unknown) => {
          loading = null;
          throw e;
        },
      )),
  };
  return part;
}

/**
 * The parts one element waits for. `need(part)` gives the module when it is loaded; otherwise it starts the
 * load and returns `undefined`, and the element shows its normal waiting state (idle, nothing computed yet)
 * until the module arrives and the element updates. A load that fails is the element's `error` (shown in
 * `part="error"`), and is not tried again until the element is put on the page again. `settled()` waits for
 * every load in flight, which the element's `updateComplete` does, so a script that awaits it sees the
 * element as the part left it.
 */
export class LazyParts implements ReactiveController {
  /** Why the last load of a part failed, or `null`. */
  error: string | null = null;
  /** The loads in flight, by part (one each, however often the part is needed meanwhile). */
  private readonly inFlight = new Map<LazyPart<unknown>, Promise<void>>();
  private readonly failed = new Set<LazyPart<unknown>>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether a part is loading. */
  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  need<M>(part: LazyPart<M>): M | undefined {
    if (part.module !== undefined) {
      this.succeeded(part);
      return part.module;
    }
    // A part that failed is not tried again at every update (that would be a loop of failing requests):
    // only once the element is put on the page again.
    if (!this.inFlight.has(part) && !this.failed.has(part)) {
      const done = part
        .load()
        .then(
          () => this.succeeded(part),
          (e: unknown) => {
            this.failed.add(part);
            this.error = `Could not load ${part.what}: ${e instanceof Error ? e.message : String(e)}`;
          },
        )
        .finally(() => {
          this.inFlight.delete(part);
          this.host.requestUpdate();
        });
      this.inFlight.set(part, done);
    }
    return undefined;
  }

  /** Resolves once no part is loading (including parts needed by the updates their arrival caused). */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight.values());
  }

  hostConnected(): void {
    if (!this.failed.size) return;
    this.failed.clear();
    this.error = null;
    this.host.requestUpdate();
  }

  private succeeded(part: LazyPart<unknown>): void {
    if (this.failed.delete(part) && this.failed.size === 0) this.error = null;
  }
}
