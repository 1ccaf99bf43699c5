/**
 * The trainer's run display as template functions of plain values: the Start / Pause / Stop buttons, the
 * progress bar, the notes and the result line. The element decides what to show; these only say how.
 */
import { html, nothing } from 'lit';
import { inlineStyle } from '../shared/inline-style.js';
import { formatInteger, formatPercent } from '../shared/format.js';
import type { FallbackNote } from '../../engine/backend.js';
import type { BackendName } from '../../engine/training/config.js';
import type { TrainerState } from '../../engine/training/types.js';

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
}

/** The Retry button after a failed download (`part="retry"`), or nothing. */
export function renderRetry(show: boolean, retry: () => void) {
  return show ? html`<button part="retry" class="retry secondary" @click=${retry}>Retry</button>` : nothing;
}

/** The Start / Pause (Resume) / Stop buttons and the backend in use (`part="actions"`). */
export function renderActions(v: ActionsView) {
  const st = v.state;
  return html`<div part="actions" class="actions">
    <button part="start" class="start" ?disabled=${v.busy || v.invalid} @click=${v.start}>
      ${st === 'done' || st === 'error' ? 'Start again' : 'Start'}
    </button>
    <button
      part="pause"
      class="pause secondary"
      ?disabled=${!(st === 'training' || st === 'paused' || st === 'loading')}
      @click=${st === 'paused' ? v.resume : v.pause}
    >
      ${st === 'paused' ? 'Resume' : 'Pause'}
    </button>
    <button part="stop" class="stop secondary" ?disabled=${!v.busy} @click=${v.stop}>Stop</button>
    <span class="backend" data-testid="backend"
      >${v.backend ? html`Backend: <strong>${v.backend}</strong>` : nothing}</span
    >
  </div>`;
}

/** The progress bar and its text (`part="progress"`): the download while loading, else the training. */
export function renderProgress(state: TrainerState, value: number, text: string) {
  const percent = Math.round(value * 100);
  return html`<div part="progress" class="progress">
    <div
      class="bar"
      role="progressbar"
      aria-label=${state === 'loading' ? 'Download progress' : 'Training progress'}
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
export function renderNotes(note: string, fallbacks: readonly FallbackNote[]) {
  return html`${note ? html`<p class="note" data-testid="note">${note}</p>` : nothing}
  ${
    fallbacks.length
      ? html`<p part="note" class="note fallback" data-testid="fallback">
          ${fallbacks.map((n) => html`<span>${n.message}</span> `)}
        </p>`
      : nothing
  }`;
}

/** The final (or latest) test accuracy, on how many images (`part="result"`). */
export function renderResult(accuracy: number | null, testSize: number | null) {
  return html`<p part="result" class="result" data-testid="result">
    ${
      accuracy !== null && Number.isFinite(accuracy)
        ? html`Test accuracy
            <strong>${formatPercent(accuracy)}</strong
            >${testSize !== null ? html` on ${formatInteger(testSize)} images` : nothing}`
        : html`Test accuracy appears after the first epoch.`
    }
  </p>`;
}
