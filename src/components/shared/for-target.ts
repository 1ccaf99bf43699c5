import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Finds the element named by a `for="id"` attribute, like `<label for>`: in the same tree (document or
 * shadow root) as the host. The target may appear later in the page, or be replaced; a MutationObserver on
 * that tree notices both (we observe, we do not poll). `onChange` runs with the new target (or null) only
 * when it actually changes. Disconnecting the host stops observing.
 */
export class ForTargetController<T extends Element = Element> implements ReactiveController {
  private observer: MutationObserver | null = null;
  private current: T | null = null;
  private id: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange: (target: T | null, previous: T | null) => void,
    private readonly accept: (el: Element) => el is T = (_el): _el is T => true,
  ) {
    host.addController(this);
  }

  /** The element currently bound, or null. */
  get target(): T | null {
    return this.current;
  }

  /** Call when the host's `for` attribute changes. */
  setId(id: string | null | undefined): void {
    const next = id?.trim() || null;
    if (next === this.id) return;
    this.id = next;
    if (this.host.isConnected) {
      this.observe();
      this.resolve();
    }
  }

  hostConnected(): void {
    this.observe();
    this.resolve();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.update(null);
  }

  private observe(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (!this.id) return;
    const root = this.host.getRootNode() as Document | ShadowRoot;
    this.observer = new MutationObserver(() => this.resolve());
    this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
  }

  private resolve(): void {
    if (!this.id) return this.update(null);
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const el = root.getElementById?.(this.id) ?? null;
    this.update(el && this.accept(el) ? el : null);
  }

  private update(next: T | null): void {
    if (next === this.current) return;
    const prev = this.current;
    this.current = next;
    this.onChange(next, prev);
  }
}
