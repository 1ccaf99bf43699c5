import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefersReducedMotion } from '../shared/motion.js';

/** What the trainer gives the controller. */
export interface AutostartHost extends ReactiveControllerHost, HTMLElement {
  readonly autostart: boolean;
  readonly state: string;
  start(): Promise<void>;
}

/**
 * `autostart`: starts a run once the element is on the page and has rendered (its settings read), unless it
 * left again, the attribute went, or a run is already going.
 *
 * Not for a reader who asked for reduced motion (`prefers-reduced-motion: reduce`, as `<kernel-viewer autoplay>`):
 * a run moves (its curves, its progress) and nothing should start moving by itself for them. The trainer waits
 * for Start instead, and `onHeld` says why (the trainer's note).
 */
export class AutostartController implements ReactiveController {
  constructor(
    private readonly host: AutostartHost,
    private readonly onHeld: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const h = this.host;
    if (!h.autostart) return;
    void h.updateComplete.then(() => {
      if (!h.isConnected || !h.autostart || !(h.state === 'idle' || h.state === 'done')) return;
      if (prefersReducedMotion()) this.onHeld();
      else void h.start();
    });
  }
}
