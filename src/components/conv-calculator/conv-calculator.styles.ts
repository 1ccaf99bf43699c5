import { css } from 'lit';
import { fieldStyles } from '../shared/theme.styles.js';

export const styles = css`
  :host {
    --_cell: var(--cnn-calculator-accent, var(--_accent));
    min-width: 0;
  }
  .controls {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(118px, 1fr));
    gap: 8px var(--_gap);
    margin-bottom: var(--_gap);
  }
  ${fieldStyles}
  label input[aria-invalid='true'] {
    border-color: var(--_negative);
  }
  [part~='formula'] {
    font-family: var(--_mono);
    background: var(--_surface);
    border-radius: calc(var(--_radius) - 2px);
    padding: 10px 12px;
    overflow-x: auto;
    font-size: 0.95em;
    overflow-wrap: anywhere;
  }
  .axis {
    margin: 0 0 6px;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    row-gap: 2px;
  }
  .axis:last-child {
    margin-bottom: 0;
  }
  .axis-name {
    color: var(--_muted);
    font-family: var(--cnn-font, inherit);
    font-size: 0.88em;
    flex-basis: 100%;
  }
  /* The formula's steps: left to right as written, also in a right-to-left language (its name above follows the
     reader's direction). */
  .steps {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    row-gap: 2px;
    max-width: 100%;
  }
  .strict {
    unicode-bidi: isolate-override;
  }
  .step,
  .answer {
    white-space: nowrap;
    /* Strictly left to right: Arabic-Indic digits (٢٨ − ٥) would otherwise pull the operators between them
       into a right-to-left run. The steps hold only numbers, letters W K P S D and symbols. */
    unicode-bidi: isolate-override;
  }
  .eq {
    color: var(--_muted);
    padding: 0 0.35em;
  }
  .answer {
    color: var(--_cell);
    font-weight: 700;
  }
  .results {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
    gap: var(--_gap);
    margin-top: var(--_gap);
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 8px 12px;
  }
  .card h3 {
    margin: 0 0 2px;
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .big {
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .detail {
    font-size: 0.88em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  [part~='note'] {
    margin: 8px 0 0;
    font-size: 0.88em;
    color: var(--_muted);
  }
`;
