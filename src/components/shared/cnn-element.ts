import { html, LitElement, nothing, render, type PropertyDeclaration } from 'lit';
import { property } from 'lit/decorators.js';
import { themeStyles } from './theme.styles.js';
import { kindOf, readValue, stringValue, type ValueKind } from './property-values.js';
import { LazyParts } from './lazy.js';
import { LocalizeController, type Terms } from './localize.js';
import { SHARED_EN } from './shared.strings.js';
import { message, type Message } from '../../engine/messages.js';

/** The English terms of the base: what every element's table starts from (`{ ...SHARED_EN, ...own }`). */
export type SharedTerms = typeof SHARED_EN;

/**
 * The base of every cnn-widgets element: theming, the `error` contract and event helpers.
 *
 * Every element shows bad input as a short message in a `part="error"` region with `role="alert"` and keeps
 * the text in its `error` property (else `null`). It never throws from an attribute change and never renders
 * `NaN`: subclasses compute their state in `willUpdate`, report problems with `setError`, and render
 * `this.renderError()` at the top of their template.
 *
 * `EventMap` names the element's events and their `detail` types (`{ 'cell-select': CellSelectDetail }`), so
 * `this.emit` accepts only those names, each with its own detail type (Shoelace's typed `emit`).
 *
 * Every text comes from a translation table (see localize.ts): `Strings` is the element's English (its static
 * `strings`, the shared terms and its own), and `this.localize` says a term or an engine message in the
 * element's language. Messages are kept as data (`setError(message)`) and said at render time, so a change of
 * `lang` re-words what is already shown.
 */
export class CnnElement<
  EventMap extends object = Record<string, unknown>,
  Strings extends Terms = SharedTerms,
> extends LitElement {
  static override styles = [themeStyles];

  /** The element's English terms (shared and its own): the last fallback of every key. Subclasses replace it. */
  protected static strings: Terms = SHARED_EN;

  /** Says the element's terms and the engine's messages in the element's language (nearest `lang`). */
  protected readonly localize = new LocalizeController<Strings>(
    this,
    (this.constructor as typeof CnnElement).strings as Strings,
  );

  /**
   * Every property whose `converter` is a value kind (see property-values.ts) is set through `readValue`: the
   * attribute's string form means what the attribute means, `null`/`undefined` the default, and a value of
   * another type is kept out (the property keeps its default) and reported in `error`, never thrown.
   */
  protected static override getPropertyDescriptor(
    name: PropertyKey,
    key: string | symbol,
    options: PropertyDeclaration,
  ): PropertyDescriptor | undefined {
    const base = super.getPropertyDescriptor(name, key, options);
    const kind = kindOf(options.converter);
    if (!base || !kind) return base;
    return {
      ...base,
      set(this: CnnElement, v: unknown) {
        const value = this.readProperty(String(name), kind, v);
        const old: unknown = base.get?.call(this);
        (this as unknown as Record<string | symbol, unknown>)[key] = value;
        this.requestUpdate(
          name,
          old,
          this.forceNextChange ? { ...options, hasChanged: () => true } : options,
        );
        this.forceNextChange = false;
      },
    };
  }

  /** Forces the light or dark palette; by default the element follows `prefers-color-scheme`. */
  @property({ reflect: true, converter: stringValue }) theme: 'light' | 'dark' | undefined = undefined;

  /**
   * The message shown for bad input or a failure (in the element's language), or `null` when all is well.
   * Read-only for users.
   */
  get error(): string | null {
    return this.crash ?? this.parts.error ?? this.inputError ?? this.themeProblem();
  }
  /**
   * The parts of the library this element loads only when a page asks for them (see lazy.ts):
   * `this.parts.need(part)` in `willUpdate`. `updateComplete` waits for those in flight.
   */
  protected readonly parts = new LazyParts(this);
  private _error: Message | string | null = null;
  /** Each property's default (its initial value), recorded at its first set, for `null`/`undefined`. */
  private defaults?: Map<string, unknown>;
  /** The message for each property last set to a value of the wrong type. */
  private typeErrors?: Map<string, Message>;
  /** Set by `readProperty` when a property's type error appeared, changed or went: that set must update. */
  private forceNextChange = false;
  /** What an exception in an update said (see `performUpdate`), until the next update succeeds. */
  private crash: string | null = null;

  /** The subclass's own input/failure message (a property of the wrong type first), without the theme remark. */
  protected get inputError(): string | null {
    return this.propertyError ?? (this._error === null ? null : this.localize.say(this._error));
  }

  /** The first property that was set to a value of the wrong type, as a message; `null` when there is none. */
  protected get propertyError(): string | null {
    const m = this.propertyMessage;
    return m ? this.localize.say(m) : null;
  }

  /** The same, as the message itself (to pass on to a check that reports it first). */
  protected get propertyMessage(): Message | null {
    const first = this.typeErrors?.values().next();
    return first && !first.done ? first.value : null;
  }

  /**
   * Reads one set of property `name` (see `readValue`): returns the value to store — the default for
   * `null`/`undefined` and for a value of the wrong type, whose message is kept for `error`. The first set of
   * each property is its initialiser, which defines the default. Subclasses with hand-written accessors (the
   * trainer's settings) call it too; they get `undefined` for "not set".
   */
  protected readProperty<T>(name: string, kind: ValueKind<T>, v: unknown, useDefault = true): T | undefined {
    const defaults = (this.defaults ??= new Map());
    const errors = (this.typeErrors ??= new Map());
    const r = readValue(kind, name, v);
    if (useDefault && !defaults.has(name)) {
      // The initialiser, kept as written (`htmlFor = null` stays null).
      const initial = r.ok && r.value !== undefined ? r.value : (v as T | undefined);
      defaults.set(name, initial);
      return initial;
    }
    const before = errors.get(name)?.text;
    if (r.ok) errors.delete(name);
    else errors.set(name, r.error);
    if (errors.get(name)?.text !== before) {
      this.forceNextChange = true;
      this.requestUpdate();
    }
    if (r.ok && r.value !== undefined) return r.value;
    return useDefault ? (defaults.get(name) as T | undefined) : undefined;
  }

  /**
   * The update is guarded: an exception from `willUpdate`, `render` or `updated` would otherwise escape as an
   * uncaught error (or a rejected `updateComplete`) and leave the element showing stale content. Here it
   * becomes the element's `error`, shown alone in the error region; the next property change renders normally.
   */
  protected override performUpdate(): void {
    const hadCrash = this.crash;
    this.crash = null;
    try {
      super.performUpdate();
    } catch (e) {
      this.crash = this.localize.say(
        message(SHARED_EN, 'error.crash', { error: e instanceof Error ? e.message : String(e) }),
      );
      if (hadCrash === null) console.error(e);
      render(
        html`<div part="error" id="error" role="alert">${this.crash}</div>`,
        this.renderRoot,
        this.renderOptions,
      );
    }
  }

  /** Resolves once the element has updated and no part it needs is still loading. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.parts.busy) {
      await this.parts.settled();
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** An unknown `theme` value is reported but harmless: the element follows the page's colour scheme. */
  private themeProblem(): string | null {
    const t = this.theme as string | null | undefined;
    if (t == null || t === '' || t === 'light' || t === 'dark') return null;
    return this.localize.say(message(SHARED_EN, 'error.theme', { got: t }));
  }

  /**
   * Sets (or clears, with null) the message shown in the error region; requests a render when it changes. An
   * engine `Message` is said in the element's language at each render; a string is shown as it is (an
   * exception's own text, already localised text).
   */
  protected setError(error: Message | string | null): void {
    const key = (m: Message | string | null) => (m !== null && typeof m === 'object' ? m.text + m.key : m);
    if (key(error) === key(this._error)) return;
    const old = this.error;
    this._error = error;
    this.requestUpdate('error', old);
  }

  /**
   * The error region: always in the DOM (live region), empty when there is no error. Its id (`error`) lets a
   * field of the element name it with `aria-describedby`.
   */
  protected renderError() {
    return html`<div part="error" id="error" role="alert">${this.error ?? nothing}</div>`;
  }

  /**
   * Dispatches one of the element's events: a `CustomEvent` that bubbles and crosses shadow roots, as the
   * public contract requires. Returns `dispatchEvent`'s result.
   */
  protected emit<K extends keyof EventMap & string>(name: K, detail: EventMap[K]): boolean {
    return this.dispatchEvent(
      new CustomEvent<EventMap[K]>(name, { detail, bubbles: true, composed: true, cancelable: false }),
    );
  }
}

/**
 * Reads a numeric attribute leniently: `null`/empty stay undefined-like (NaN) so the element can explain.
 * (For an input field's text; properties use the value kinds of property-values.ts.)
 */
export const toNumber = (v: string | null): number =>
  v === null || v.trim() === '' ? NaN : Number(v.trim());

/** A `converter` for numeric attributes that keeps the raw text when it is not a number, for the error message. */
export const numberConverter = {
  fromAttribute: (v: string | null): number => toNumber(v),
  toAttribute: (v: number): string | null => (Number.isFinite(v) ? String(v) : null),
};
