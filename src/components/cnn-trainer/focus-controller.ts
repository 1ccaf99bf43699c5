import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where the focus goes when the focused run button is disabled by the update it caused. */
const NEXT_FOCUS = new Map([
  ['start', ['pause', 'stop']],
  ['pause', ['start']],
  ['stop', ['start', 'pause']],
]);

/**
 * A focused button that an update disabled (Start once the run starts, Stop once it ends) would drop the
 * keyboard's focus to the page's body: it goes to the button the reader will want next instead.
 */
export class RunFocusController implements ReactiveController {
  /** The run button (`part`) that had the focus before this update, if any. */
  private focused: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostUpdate(): void {
    const active = this.host.shadowRoot?.activeElement as HTMLElement | null | undefined;
    this.focused = active?.localName === 'button' ? active.getAttribute('part') : null;
  }

  hostUpdated(): void {
    const part = this.focused;
    this.focused = null;
    const next = NEXT_FOCUS.get(part ?? '');
    const button = (p: string) => this.host.shadowRoot?.querySelector<HTMLButtonElement>(`button[part=${p}]`);
    if (!next || !button(part!)?.disabled) return;
    next
      .map(button)
      .find((b) => b && !b.disabled)
      ?.focus();
  }
}
