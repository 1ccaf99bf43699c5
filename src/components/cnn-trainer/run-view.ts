/**
 * The trainer's run display as template functions of plain values: the Start / Pause / Stop buttons, the
 * progress bar, the notes and the result line. The element decides what to show; these only say how.
 */
import { html, nothing } from 'lit';
import { inlineStyle } from '../shared/inline-style.js';
import { withParts } from '../shared/parts.js';
import type { Message } from '../../engine/messages.js';
import type { TrainerLocalize } from './cnn-trainer.strings.js';
import type { FallbackNote } from '../../engine/backend.js';
import type { BackendName } from '../../engine/training/config.js';
import type { TrainerState } from '../../engine/training/types.js';
import { progressInfo, type ProgressInput } from './progress.js';

export interface ActionsView {
  state: TrainerState;
  /** A run is in progress (loading, training or paused). */
  busy: boolean;
  /** A setting is bad: Start is disabled. */
  invalid: boolean;
  backend: BackendName | null;
  start: () => void;
  pause: () => void;
  resume: () => void;
  stop: () => void;
  localize: TrainerLocalize;
}

/** The Retry button after a failed download (`part="retry"`), or nothing. */
export function renderRetry(show: boolean, retry: () => void, l: TrainerLocalize) {
  return show
    ? html`<button part="retry" class="retry secondary" @click=${retry}>${l.term('common.retry')}</button>`
    : nothing;
}

/** The Start / Pause (Resume) / Stop buttons and the backend in use (`part="actions"`). */
export function renderActions(v: ActionsView) {
  const st = v.state;
  const l = v.localize;
  return html`<div part="actions" class="actions">
    <button part="start" class="start" ?disabled=${v.busy || v.invalid} @click=${v.start}>
      ${l.term(st === 'done' || st === 'error' ? 'trainer.startAgain' : 'trainer.start')}
    </button>
    <button
      part="pause"
      class="pause secondary"
      ?disabled=${!(st === 'training' || st === 'paused' || st === 'loading')}
      @click=${st === 'paused' ? v.resume : v.pause}
    >
      ${l.term(st === 'paused' ? 'trainer.resume' : 'trainer.pause')}
    </button>
    <button part="stop" class="stop secondary" ?disabled=${!v.busy} @click=${v.stop}>
      ${l.term('trainer.stop')}
    </button>
    <span class="backend" data-testid="backend"
      >${v.backend ? html`${l.term('trainer.backend')} <strong>${v.backend}</strong>` : nothing}</span
    >
  </div>`;
}

/**
 * The progress bar and its text (`part="progress"`): the download while loading, else the training, else what
 * Start would do (on the images the dataset really holds: all of a small one's 240, not 60,000).
 */
export function renderProgress(input: ProgressInput, l: TrainerLocalize) {
  const { state } = input;
  const { value, text: message } = progressInfo(input);
  const percent = Math.round(value * 100);
  const text = l.say(message);
  return html`<div part="progress" class="progress">
    <div
      class="bar"
      role="progressbar"
      aria-label=${l.term(state === 'loading' ? 'trainer.downloadProgress' : 'trainer.trainingProgress')}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent}
      aria-valuetext=${text}
    >
      <div class="fill" ${inlineStyle({ width: `${percent}%` })}></div>
    </div>
    <span class="progress-text" data-testid="progress-text">${text}</span>
  </div>`;
}

/** Why the run paused (a hidden tab), and every fallback of the run with its fix (`part="note"`). */
export function renderNotes(note: Message | string, fallbacks: readonly FallbackNote[], l: TrainerLocalize) {
  return html`${note ? html`<p class="note" data-testid="note">${l.say(note)}</p>` : nothing}
  ${
    fallbacks.length
      ? html`<p part="note" class="note fallback" data-testid="fallback">
          ${fallbacks.map((n) => html`<span>${l.say(n.detail ?? n.message)}</span> `)}
        </p>`
      : nothing
  }`;
}

/** The final (or latest) test accuracy, on how many images (`part="result"`). */
export function renderResult(
  accuracy: number | null,
  testSize: number | null,
  l: TrainerLocalize,
  /** The run has ended (done, stopped, failed): without an accuracy, it will not come. */
  ended = false,
) {
  const text =
    testSize !== null ? l.term('trainer.resultOn', { images: testSize }) : l.term('trainer.result');
  return html`<p part="result" class="result" data-testid="result">
    ${
      accuracy !== null && Number.isFinite(accuracy)
        ? withParts(text, html`<strong>${l.formats.percent(accuracy)}</strong>`)
        : l.term(ended ? 'trainer.noResultEnded' : 'trainer.noResult')
    }
  </p>`;
}
