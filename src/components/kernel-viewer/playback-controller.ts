import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PlaybackOptions {
  /** Milliseconds between two steps. */
  interval: number;
  /** The number of positions now (0: nothing to play). */
  steps: () => number;
  /** The current position. */
  step: () => number;
  /** Moves to a position (the host clamps it and tells its listeners). */
  goTo: (step: number) => void;
}

/**
 * Play / pause of a stepper, as Shoelace's carousel autoplay controller does it: `play()` steps forward every
 * `interval` ms from the current position (from the first when already at the last) and pauses by itself at the
 * last one; `pause()` stops. The timer is this controller's: it goes when the host leaves the page (and a
 * replaced host never steps again), and `playing` changes request a host update, so the Play button follows.
 */
export class PlaybackController implements ReactiveController {
  /** True while stepping on the timer. */
  get playing(): boolean {
    return this._playing;
  }

  private _playing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: PlaybackOptions,
  ) {
    host.addController(this);
  }

  /** Starts stepping (from the first position when already at the last); nothing to play, or playing: no-op. */
  play(): void {
    const { steps, step, goTo } = this.options;
    if (this._playing || steps() === 0) return;
    if (step() >= steps() - 1) goTo(0);
    this.setPlaying(true);
    this.schedule();
  }

  /** Stops stepping. */
  pause(): void {
    this.setPlaying(false);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Playing ends with the host's stay on the page. */
  hostDisconnected(): void {
    this.pause();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this._playing || !this.host.isConnected) return;
      const { steps, step, goTo } = this.options;
      goTo(step() + 1);
      if (step() >= steps() - 1) this.pause();
      else this.schedule();
    }, this.options.interval);
  }

  private setPlaying(playing: boolean): void {
    if (playing === this._playing) return;
    this._playing = playing;
    this.host.requestUpdate();
  }
}
