/**
 * "Teach it my handwriting", the trainer's side: `fineTune()` and its button. A reader teaches a `<digit-pad
 * for>` a few drawings (each `{ pixels, label }`); the trainer fine-tunes its trained network on them — a few
 * seeded steps mixed with training images, on the thread that trains (the engine's `TrainingSession.fineTune`)
 * — and every follower updates: the pad's prediction, the confusion matrix, the test accuracy shown here.
 *
 * Where the examples come from when none are given: every element in the trainer's own tree (document or shadow
 * root) whose `for` names this trainer and that teaches (a `teach()` method and an `examples` array, as
 * `<digit-pad>` has; a `<confusion-matrix>`'s `examples` are test images, not taught ones) — the same tree in
 * which those followers found the trainer by its id, so the two lookups agree.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type {
  FineTuneOptions,
  FineTuneResult,
  TaughtExample,
  TrainerSession,
  TrainerState,
} from '../../engine/training/types.js';
import type { TrainerLocalize } from './cnn-trainer.strings.js';
import { messageOf, messagesOf, type Message } from '../../engine/messages.js';
import { SESSION_MESSAGES } from '../../engine/training/session.messages.js';

/** What the trainer element gives the controller. */
export interface FineTuneHost extends ReactiveControllerHost, HTMLElement {
  readonly session: TrainerSession | null;
  readonly state: TrainerState;
}

/** The message of a rejection (the engine's are sentences). */
const say = messagesOf(SESSION_MESSAGES);
/** A failure's message: as data when it carries one (said in the reader's language), else its text. */
const failureOf = (e: unknown): Message | string =>
  messageOf(e) ?? (e instanceof Error ? e.message : String(e));

/** The taught examples of every follower that teaches (`for` = this trainer's id) in the trainer's tree. */
export function followersExamples(trainer: Element): unknown[] {
  const id = trainer.id;
  if (!id) return [];
  const root = trainer.getRootNode() as Document | ShadowRoot;
  if (typeof root.querySelectorAll !== 'function') return [];
  return [...root.querySelectorAll(`[for="${CSS.escape(id)}"]`)].flatMap((el) => {
    const { examples, teach } = el as Element & { examples?: unknown; teach?: unknown };
    return typeof teach === 'function' && Array.isArray(examples) ? (examples as unknown[]) : [];
  });
}

/**
 * The trainer's fine-tune: the call, whether one runs (`busy`), its last result, and the last failure (`error`,
 * which the element shows in `part="error"`). A failure is shown and resolves `null`: never an exception.
 */
export class FineTuneController {
  /** A fine-tune is running. */
  busy = false;
  /** The last failure and result, and the session they belong to: a new run (another session) forgets them. */
  private last: {
    session: TrainerSession | null;
    error: Message | string | null;
    result: FineTuneResult | null;
  } = {
    session: null,
    error: null,
    result: null,
  };

  constructor(private readonly host: FineTuneHost) {}

  /** Why the last fine-tune could not run or failed, or null (cleared by the next success and by a new run). */
  get error(): Message | string | null {
    return this.last.session === this.host.session ? this.last.error : null;
  }
  /** The last fine-tune's result in this run, or null. */
  get result(): FineTuneResult | null {
    return this.last.session === this.host.session ? this.last.result : null;
  }

  async fineTune(
    examples?: readonly TaughtExample[],
    options?: FineTuneOptions,
  ): Promise<FineTuneResult | null> {
    const s = this.host.session;
    if (this.busy) return this.fail(say('session.tuningWait'));
    if (!s || typeof s.fineTune !== 'function' || this.host.state !== 'done') {
      return this.fail(
        say(
          this.host.state === 'training' || this.host.state === 'paused' || this.host.state === 'loading'
            ? 'session.notTrained'
            : 'session.notStarted',
        ),
      );
    }
    const list = examples ?? followersExamples(this.host);
    if (examples === undefined && list.length === 0) {
      const id = this.host.id;
      return this.fail(
        say('session.noExamples', { pad: `<digit-pad${id ? ` for="${id}"` : ''} mode="teach">` }),
      );
    }
    this.busy = true;
    this.host.requestUpdate();
    try {
      const r = await s.fineTune(list as readonly TaughtExample[], options);
      if (s !== this.host.session) return null; // a new run began meanwhile: this result is of no network shown
      this.last = { session: s, error: null, result: r };
      return r;
    } catch (e) {
      return s === this.host.session ? this.fail(say('session.tuneFailed', { error: failureOf(e) })) : null;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private fail(message: Message | string): null {
    this.last = { session: this.host.session, error: message, result: this.result };
    this.host.requestUpdate();
    return null;
  }

  /** The Fine-tune button (`part="fine-tune"`) and the last result, once a run has trained. */
  render(l: TrainerLocalize) {
    if (!this.host.session || this.host.state !== 'done') return nothing;
    const r = this.result;
    return html`<div part="fine-tune" class="actions fine-tune">
      <button class="secondary" ?disabled=${this.busy} @click=${() => void this.fineTune()}>
        ${l.term(this.busy ? 'trainer.fineTuning' : 'trainer.fineTune')}
      </button>
      <span class="fine-tune-result" data-testid="fine-tune-result" role="status"
        >${
          r
            ? l.term('trainer.fineTuned', {
                correct: r.correct,
                examples: r.examples,
                steps: r.steps,
                before: r.previousTestAccuracy ?? NaN,
                after: r.testAccuracy ?? NaN,
              })
            : nothing
        }</span
      >
    </div>`;
  }
}
