import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface HiddenPauseOptions {
  /** Whether there is a run to pause now (training or loading). */
  running: () => boolean;
  /** Pauses it (and says why). */
  pause: () => void;
  /** How long the tab may stay hidden first (ms), read when it hides. */
  delay: () => number;
}

/**
 * Pauses training in a tab that stays hidden, so a forgotten tab does not keep the reader's fan running: when
 * the page hides, a timer starts; when it shows again, the timer is cleared; when the timer fires and the run
 * is still going, it is paused. The reader resumes it (nothing resumes by itself).
 *
 * Listens to `visibilitychange` while the host is connected. `check()` is for a run started while the tab is
 * already hidden: no `visibilitychange` will come for it.
 */
export class HiddenPauseController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: HiddenPauseOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.check);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.check);
    this.clear();
  }

  /** Starts the timer if the tab is hidden and a run is going; clears it when the tab is visible. */
  readonly check = (): void => {
    if (document.visibilityState !== 'hidden') return this.clear();
    if (!this.options.running()) return;
    this.clear();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.options.running()) this.options.pause();
    }, this.options.delay());
  };

  /** Forgets a pending pause (the run ended, or the tab showed again). */
  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
