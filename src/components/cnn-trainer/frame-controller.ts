import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Coalesces any number of update requests into one host update on the next animation frame. Batches arrive
 * hundreds of times a second; the screen is drawn at most once per frame. A pending frame is cancelled when
 * the host leaves the page.
 */
export class FrameController implements ReactiveController {
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** Requests one host update on the next animation frame (nothing while the host is off the page). */
  schedule(): void {
    if (this.frame || !this.host.isConnected) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
