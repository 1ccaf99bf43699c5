import { css } from 'lit';

export const styles = css`
  :host {
    --_cell: var(--cnn-matrix-cell-size, 2.6em);
    --_diag: var(--cnn-matrix-diagonal, var(--_fg));
    min-width: 0;
    container-type: inline-size;
  }
  .wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: separate;
    border-spacing: 2px;
    margin: 0 auto;
    font-variant-numeric: tabular-nums;
    font-size: 0.85em;
  }
  th {
    font-weight: 600;
    color: var(--_muted);
    padding: 0 4px;
  }
  th.label {
    color: var(--_fg);
    text-align: center;
  }
  tbody th.label {
    text-align: end;
  }
  .axis-x {
    text-align: center;
    font-weight: 600;
    letter-spacing: 0.04em;
    padding-bottom: 2px;
  }
  .axis-y {
    width: 1.6em;
    padding: 0;
    vertical-align: middle;
  }
  .axis-y span {
    display: inline-block;
    writing-mode: vertical-rl;
    transform: rotate(180deg);
    letter-spacing: 0.04em;
    white-space: nowrap;
  }
  td {
    padding: 0;
  }
  td button {
    display: block;
    width: 100%;
    min-width: var(--_cell);
    min-height: var(--_cell);
    margin: 0;
    padding: 0 3px;
    border: 0;
    border-radius: 3px;
    font-size: 1em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* The diagonal (correct answers): a double ring, one in the page colour and one in the text colour, so it
     stands out on every colour of the scale, in light and dark themes. */
  td.diag button {
    box-shadow:
      inset 0 0 0 2px var(--_diag),
      inset 0 0 0 3px var(--_bg);
    font-weight: 700;
  }
  td button[aria-pressed='true'] {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  td button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    position: relative;
    z-index: 1;
  }
  .metric {
    color: var(--_muted);
    font-size: 0.92em;
    text-align: center;
    padding: 0 4px;
    white-space: nowrap;
  }
  tfoot th.metric {
    text-align: end;
  }
  .summary {
    margin: 8px 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    align-items: center;
    font-size: 0.92em;
  }
  .scale {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--_muted);
    font-size: 0.9em;
    margin-inline-start: auto;
  }
  .ramp {
    display: inline-block;
    width: 80px;
    height: 10px;
    border-radius: 2px;
    background: linear-gradient(
      var(--_ramp-to, to right),
      #440154,
      #482475,
      #414487,
      #355f8d,
      #2a788e,
      #21918c,
      #22a884,
      #44bf70,
      #7ad151,
      #bddf26,
      #fde725
    );
  }
  /* Low at the start of the line: on the right in a right-to-left layout. */
  .ramp.rtl {
    --_ramp-to: to left;
  }
  .placeholder,
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.92em;
  }
  /* About the height of the 10 × 10 table with its headers, precision row, summary line and the data table
     toggle (see the test). */
  .placeholder.reserve {
    box-sizing: border-box;
    min-height: calc(28.5em + 112px);
    display: flex;
    align-items: center;
    justify-content: center;
    text-align: center;
    padding: 8px;
    border: 1px dashed var(--_border);
    border-radius: 4px;
  }
  .examples {
    margin-top: var(--_gap);
    border-top: 1px solid var(--_border);
    padding-top: 8px;
  }
  .examples h3 {
    margin: 0 0 6px;
    font-size: 0.9em;
    font-weight: 600;
  }
  .thumbs {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .thumbs canvas {
    width: 42px;
    height: 42px;
    image-rendering: pixelated;
    border: 1px solid var(--_border);
    border-radius: 3px;
  }
  /* Last, so that it wins over the rules above. Narrow columns (a phone, 320 px): a 10×10 grid still fits without scrolling sideways. */
  @container (max-width: 440px) {
    table {
      font-size: 0.7em;
      border-spacing: 1px;
    }
    td button {
      min-width: 2em;
      min-height: 2.3em;
      padding: 0 1px;
    }
    th,
    .metric {
      padding: 0 1px;
    }
    .metric {
      font-size: 0.8em;
    }
    .axis-y {
      width: 1.2em;
    }
    .placeholder.reserve {
      min-height: calc(25em + 112px);
    }
  }
`;
