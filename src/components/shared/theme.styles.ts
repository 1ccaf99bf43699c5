import { css } from 'lit';

/** The dark palette, once: forced by `theme="dark"`, or the reader's preference unless `theme="light"`. */
const dark = css`
  --_bg: var(--cnn-bg, #161b22);
  --_fg: var(--cnn-fg, #e6e9ef);
  --_muted: var(--cnn-muted, #a3adbd);
  --_border: var(--cnn-border, #394150);
  --_surface: var(--cnn-surface, #20262f);
  --_accent: var(--cnn-accent, #7aa7ff);
  --_accent-fg: var(--cnn-accent-fg, #0b1220);
  --_positive: var(--cnn-positive, #5fd39a);
  --_negative: var(--cnn-negative, #ff8a80);
  color-scheme: dark;
`;

/**
 * Design tokens shared by every element. Two tiers, as Material Web does it: global `--cnn-*` tokens that a
 * writer sets once on the page (or on one element), and component variables that fall back to them.
 * Light by default, dark under `prefers-color-scheme: dark`, either forced by the `theme` attribute.
 * The page's font is inherited unless `--cnn-font` says otherwise.
 *
 * @cssproperty [--cnn-font=inherit] Font family.
 * @cssproperty [--cnn-bg=#ffffff] Background of the widget surface.
 * @cssproperty [--cnn-fg=#1d2430] Text colour.
 * @cssproperty [--cnn-muted=#5b6577] Secondary text colour.
 * @cssproperty [--cnn-border=#d5dae3] Borders and grid lines.
 * @cssproperty [--cnn-surface=#f4f6fa] Panels and input backgrounds inside the widget.
 * @cssproperty [--cnn-accent=#2a62d6] Accent: buttons, highlights, the active window.
 * @cssproperty [--cnn-accent-fg=#ffffff] Text on the accent colour.
 * @cssproperty [--cnn-positive=#1d7f4e] Good news (high accuracy, the diagonal).
 * @cssproperty [--cnn-negative=#b3261e] Errors and negative values.
 * @cssproperty [--cnn-focus=#2a62d6] Focus ring colour.
 * @cssproperty [--cnn-radius=8px] Corner radius.
 * @cssproperty [--cnn-gap=12px] Base spacing.
 * @cssproperty [--cnn-mono-font=ui-monospace] Monospaced font (formulas, code, numbers in grids).
 */
export const themeStyles = css`
  :host {
    --_bg: var(--cnn-bg, #ffffff);
    --_fg: var(--cnn-fg, #1d2430);
    --_muted: var(--cnn-muted, #5b6577);
    --_border: var(--cnn-border, #d5dae3);
    --_surface: var(--cnn-surface, #f4f6fa);
    --_accent: var(--cnn-accent, #2a62d6);
    --_accent-fg: var(--cnn-accent-fg, #ffffff);
    --_positive: var(--cnn-positive, #1d7f4e);
    --_negative: var(--cnn-negative, #b3261e);
    --_focus: var(--cnn-focus, var(--_accent));
    --_radius: var(--cnn-radius, 8px);
    --_gap: var(--cnn-gap, 12px);
    --_mono: var(--cnn-mono-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    font-family: var(--cnn-font, inherit);
    font-size: var(--cnn-font-size, 1rem);
    line-height: 1.45;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [part~='error'] {
    margin: 0 0 var(--_gap);
    padding: 8px 10px;
    border-radius: calc(var(--_radius) - 2px);
    border: 1px solid var(--_negative);
    color: var(--_negative);
    background: color-mix(in srgb, var(--_negative) 8%, transparent);
    font-size: 0.92em;
  }
  [part~='error']:empty {
    display: none;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
    border-radius: calc(var(--_radius) - 2px);
    padding: 6px 12px;
    min-height: 36px;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  input,
  select {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 3px);
    padding: 4px 6px;
    min-height: 32px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* A formula (1×28×28, 250 → 128, 0 + 6 = 6): left to right as written, in a right-to-left text too. */
  .ltr {
    direction: ltr;
    unicode-bidi: isolate;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/** Labelled form fields, as the trainer's settings and the calculator's inputs lay them out. */
export const fieldStyles = css`
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  label input,
  label select {
    width: 100%;
    font-size: 1.05em;
    color: var(--_fg);
  }
`;
