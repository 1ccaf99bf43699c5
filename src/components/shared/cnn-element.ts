import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { themeStyles } from './theme.styles.js';

/**
 * The base of every cnn-widgets element: theming, the `error` contract and event helpers.
 *
 * Every element shows bad input as a short message in a `part="error"` region with `role="alert"` and keeps
 * the text in its `error` property (else `null`). It never throws from an attribute change and never renders
 * `NaN`: subclasses compute their state in `willUpdate`, report problems with `setError`, and render
 * `this.renderError()` at the top of their template.
 */
export class CnnElement extends LitElement {
  static override styles = [themeStyles];

  /** Forces the light or dark palette; by default the element follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** The message shown for bad input or a failure, or `null` when all is well. Read-only for users. */
  get error(): string | null {
    return this._error ?? this.themeProblem();
  }
  private _error: string | null = null;

  /** The subclass's own input/failure message, without the theme remark (which never blocks rendering). */
  protected get inputError(): string | null {
    return this._error;
  }

  /** An unknown `theme` value is reported but harmless: the element follows the page's colour scheme. */
  private themeProblem(): string | null {
    const t = this.theme as string | null | undefined;
    if (t == null || t === '' || t === 'light' || t === 'dark') return null;
    return `Theme must be "light" or "dark" (got "${t}"); following the page's colour scheme instead.`;
  }

  /** Sets (or clears, with null) the message shown in the error region; requests a render when it changes. */
  protected setError(message: string | null): void {
    if (message === this._error) return;
    const old = this._error;
    this._error = message;
    this.requestUpdate('error', old);
  }

  /** The error region: always in the DOM (live region), empty when there is no error. */
  protected renderError() {
    return html`<div part="error" role="alert">${this.error ?? nothing}</div>`;
  }

  /** Dispatches a `CustomEvent` that bubbles and crosses shadow roots, as the public contract requires. */
  protected emit<T>(name: string, detail: T): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: false }),
    );
  }
}

/** Reads a numeric attribute leniently: `null`/empty stay undefined-like (NaN) so the element can explain. */
export const toNumber = (v: string | null): number =>
  v === null || v.trim() === '' ? NaN : Number(v.trim());

/** A `converter` for numeric attributes that keeps the raw text when it is not a number, for the error message. */
export const numberConverter = {
  fromAttribute: (v: string | null): number => toNumber(v),
  toAttribute: (v: number): string | null => (Number.isFinite(v) ? String(v) : null),
};
