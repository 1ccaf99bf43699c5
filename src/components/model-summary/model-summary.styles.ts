import { css } from 'lit';

export const styles = css`
  :host {
    --_block: var(--cnn-summary-block, var(--_accent));
    --_error-row: var(--cnn-summary-error-row, var(--_negative));
    min-width: 0;
  }
  .diagram {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 4px 6px;
    margin: 0 0 var(--_gap);
    padding: 8px 10px;
    background: var(--_surface);
    border-radius: calc(var(--_radius) - 2px);
  }
  .step {
    display: flex;
    align-items: flex-end;
    gap: 6px;
  }
  .stage {
    display: flex;
    flex-direction: column;
    align-items: center;
    min-width: 44px;
  }
  .box-area {
    display: flex;
    align-items: flex-end;
    justify-content: center;
    height: 76px;
  }
  .box {
    background: color-mix(in srgb, var(--_block) 28%, transparent);
    border: 2px solid var(--_block);
    border-radius: 2px;
    box-shadow: 3px -3px 0 -1px color-mix(in srgb, var(--_block) 45%, transparent);
  }
  .box.flat {
    width: 8px;
  }
  .arrow {
    align-self: center;
    color: var(--_muted);
    padding-bottom: 20px;
  }
  .stage-name {
    font-size: 0.78em;
    font-weight: 600;
  }
  /* Shapes: strictly left to right (an override: Arabic-Indic digits would reorder inside a mere isolate). */
  .stage-shape,
  .shape {
    direction: ltr;
    unicode-bidi: isolate-override;
  }
  .stage-shape {
    font-size: 0.74em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .comparison {
    margin: 0 0 var(--_gap);
    font-size: 0.95em;
  }
  .comparison strong {
    font-variant-numeric: tabular-nums;
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
    container-type: inline-size;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }
  caption {
    /* Keep the caption readable in a narrow column even when the table itself scrolls sideways. */
    max-width: 100cqw;
    text-align: start;
    font-weight: 600;
    padding-bottom: 6px;
  }
  th,
  td {
    padding: 3px 8px;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    font-size: 0.85em;
    color: var(--_muted);
    font-weight: 600;
    white-space: nowrap;
  }
  tbody th[scope='row'] {
    font-weight: 600;
    font-family: var(--_mono);
    font-size: 0.95em;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  tr.group th {
    background: var(--_surface);
    text-transform: uppercase;
    letter-spacing: 0.05em;
    font-size: 0.78em;
    color: var(--_muted);
  }
  tr.failed {
    color: var(--_error-row);
  }
  tr.failed th,
  tr.failed td {
    border-bottom: 2px solid var(--_error-row);
  }
  .note {
    color: var(--_muted);
    font-size: 0.9em;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-top: 2px solid var(--_border);
    border-bottom: none;
  }
`;
