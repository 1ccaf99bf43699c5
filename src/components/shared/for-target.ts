import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Finds the element named by a `for="id"` attribute, like `<label for>`: in the same tree (document or
 * shadow root) as the host. The target may appear later in the page, or be replaced; a MutationObserver on
 * that tree notices both (we observe, we do not poll). `onChange` runs with the new target (or null) only
 * when it actually changes. Disconnecting the host stops observing. A target that is a custom element not yet
 * defined (per-tag CDN files: its module loads after ours) is looked up again when `customElements.whenDefined`
 * resolves, and `onChange` runs again then (with `previous === target` when it is the same element, now upgraded),
 * since an upgrade changes no attribute or child that the MutationObserver could see.
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
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['id'],
    });
  }

  private resolve(): void {
    if (!this.id) return this.update(null);
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const el = root.getElementById?.(this.id) ?? null;
    // A custom element whose definition has not loaded yet (this element's module ran first) has none of its
    // properties (`session`, `confusion`…) before the upgrade: `accept` may reject it, or the consumer may read
    // nothing from it. Upgrading changes no attribute and no child, so the MutationObserver stays silent: ask
    // again once the tag is defined.
    if (el && isPendingCustomElement(el)) this.awaitDefinition(el.localName);
    this.update(el && this.accept(el) ? el : null);
  }

  /** Tags we already wait for (one `whenDefined` each, however many times we resolve meanwhile). */
  private readonly waiting = new Set<string>();

  private awaitDefinition(tag: string): void {
    if (this.waiting.has(tag)) return;
    this.waiting.add(tag);
    void customElements.whenDefined(tag).then(() => {
      this.waiting.delete(tag);
      // Upgrades run synchronously on define, before this callback. Re-resolve unless we were detached since;
      // the same element, now upgraded, is announced again so the consumer re-reads it.
      if (!this.host.isConnected) return;
      const before = this.current;
      this.resolve();
      if (this.current === before && before?.localName === tag) this.onChange(before, before);
    });
  }

  private update(next: T | null): void {
    if (next === this.current) return;
    const prev = this.current;
    this.current = next;
    this.onChange(next, prev);
  }
}

/** A custom-element-named node (`<cnn-trainer>`) whose tag is not defined yet, i.e. not upgraded. */
function isPendingCustomElement(el: Element): boolean {
  return (
    el.localName.includes('-') && typeof customElements !== 'undefined' && !customElements.get(el.localName)
  );
}
