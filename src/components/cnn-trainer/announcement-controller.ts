import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Message } from '../../engine/messages.js';
import type { TrainerLocalize } from './cnn-trainer.strings.js';

/**
 * The least time between two epochs' announcements, in ms: a screen reader hears at most one epoch result every
 * 5 s however fast the epochs go (a small network on a fast GPU does several a second); the ones in between are
 * coalesced into the newest, which is always said.
 */
export const EPOCH_ANNOUNCEMENT_INTERVAL = 5000;

/**
 * What the trainer's live region says (`role="status"`, polite): the run's start with its fallbacks, each epoch,
 * its end or failure, never a batch. Epochs are paced: one is said at once unless another was said less than
 * 5 s ago; then it waits for its turn, and a newer one replaces it. The run's last epoch is always said: one
 * still waiting when the run ends is said before the end (`end`).
 *
 * The run controller says what to say and when to forget a waiting epoch (a new run, a failure, a removal);
 * this controller owns the wait's timer, and clears it when its host leaves the page for good.
 */
export class AnnouncementController implements ReactiveController {
  /** The newest announcement. */
  private text: Message | string = '';
  /** Said after it: the fallbacks of the run's start, as the engine words them. */
  private notes: readonly (Message | string)[] = [];
  /** Said before it: the run's last epoch, when its end came before that epoch's turn to be said. */
  private lead: Message | null = null;
  /** When the last epoch was announced (`performance.now()`), the epoch waiting for its turn, and its timer. */
  private epochSaidAt = -Infinity;
  private pendingEpoch: Message | null = null;
  private epochTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // A move within the page (disconnect + connect in one task) keeps the epoch waiting; a real removal drops it.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.drop();
    });
  }

  /** Says `text` now (with `notes` after it and `lead` before it), replacing what was said. */
  say(text: Message | string, notes: readonly (Message | string)[] = [], lead: Message | null = null): void {
    this.text = text;
    this.notes = notes;
    this.lead = lead;
    this.host.requestUpdate();
  }

  /** Says an epoch's result now, or, within 5 s of the last one, when the 5 s are up (the newest waiting one). */
  epoch(text: Message): void {
    const wait = this.epochSaidAt + EPOCH_ANNOUNCEMENT_INTERVAL - performance.now();
    if (wait <= 0 && !this.epochTimer) {
      this.epochSaidAt = performance.now();
      this.say(text);
      return;
    }
    this.pendingEpoch = text; // the newest replaces one still waiting
    this.epochTimer ??= setTimeout(
      () => {
        this.epochTimer = null;
        const pending = this.pendingEpoch;
        this.pendingEpoch = null;
        if (!pending) return;
        this.epochSaidAt = performance.now();
        this.say(pending);
      },
      Math.max(0, wait),
    );
  }

  /** Says the run's end, after its last epoch if that epoch is still waiting for its turn. */
  end(text: Message | string): void {
    const lead = this.pendingEpoch;
    this.drop();
    this.say(text, [], lead);
  }

  /** A new run: the next epoch is said at once. */
  reset(): void {
    this.drop();
    this.epochSaidAt = -Infinity;
  }

  /** Forgets an epoch still waiting to be said (a new run, an end that says it, a failure, a removal). */
  drop(): void {
    if (this.epochTimer) clearTimeout(this.epochTimer);
    this.epochTimer = null;
    this.pendingEpoch = null;
  }

  /** The live region, in the reader's language. */
  render(l: TrainerLocalize) {
    return html`<div class="visually-hidden" role="status" aria-live="polite" data-testid="live">
      ${[this.lead ?? '', this.text, ...this.notes]
        .map((m) => l.say(m))
        .filter((t) => t)
        .join(' ')}
    </div>`;
  }
}
