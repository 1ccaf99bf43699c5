import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the trainer gives the controller. */
export interface AutostartHost extends ReactiveControllerHost, HTMLElement {
  readonly autostart: boolean;
  readonly state: string;
  start(): Promise<void>;
}

/**
 * `autostart`: starts a run once the element is on the page and has rendered (its settings read), unless it
 * left again, the attribute went, or a run is already going.
 */
export class AutostartController implements ReactiveController {
  constructor(private readonly host: AutostartHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const h = this.host;
    if (!h.autostart) return;
    void h.updateComplete.then(() => {
      if (h.isConnected && h.autostart && (h.state === 'idle' || h.state === 'done')) void h.start();
    });
  }
}
