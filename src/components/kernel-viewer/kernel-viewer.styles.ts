import { css } from 'lit';

export const styles = css`
  :host {
    --_cell: var(--cnn-kernel-viewer-cell, 2rem);
    --_gapc: 2px;
    --_win: var(--cnn-kernel-viewer-window, var(--_accent));
    --_dur: var(--cnn-kernel-viewer-duration, 250ms);
    min-width: 0;
  }
  .summary {
    margin: 0 0 var(--_gap);
    font-size: 0.95em;
  }
  .formula {
    display: inline-block;
    direction: ltr;
    /* Strictly left to right (only numbers and symbols): Arabic-Indic digits would pull its operators into a
       right-to-left run. */
    unicode-bidi: isolate-override;
    font-family: var(--_mono);
    background: var(--_surface);
    border-radius: 4px;
    padding: 0 6px;
    white-space: nowrap;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-bottom: var(--_gap);
  }
  .scrub {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .scrub input {
    min-height: 0;
    padding: 0;
    width: 9rem;
    max-width: 40vw;
    accent-color: var(--_accent);
  }
  .where {
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  .stage {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap) calc(var(--_gap) * 2);
    align-items: flex-start;
    border-radius: calc(var(--_radius) - 2px);
  }
  .panel {
    min-width: 0;
    max-width: 100%;
    overflow-x: auto;
  }
  h3 {
    margin: 0 0 6px;
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .muted {
    text-transform: none;
    letter-spacing: 0;
    font-weight: 400;
  }
  .planes {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  figure {
    margin: 0;
  }
  figcaption,
  .ch-name {
    font-size: 0.85em;
    font-weight: 600;
    margin-bottom: 2px;
  }
  .grid {
    position: relative;
    /* A picture and its kernel keep their columns left to right on a right-to-left page (the window is placed from the left). */
    direction: ltr;
    display: grid;
    grid-template-columns: repeat(var(--cols), var(--_cell));
    grid-auto-rows: var(--_cell);
    gap: var(--_gapc);
    width: max-content;
    /* Room for the focus ring of edge cells inside the scrolling panel. */
    margin: 4px;
  }
  .cell {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 0;
    padding: 0;
    border-radius: 3px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  button.cell {
    cursor: text;
  }
  button.cell:hover {
    border-color: var(--_accent);
  }
  .pad,
  .pad-key {
    color: var(--_muted);
    border-style: dashed;
    background: repeating-linear-gradient(
      135deg,
      var(--_surface) 0 4px,
      color-mix(in srgb, var(--_border) 45%, var(--_surface)) 4px 6px
    );
  }
  .pad-key {
    display: inline-block;
    border: 1px dashed var(--_border);
    padding: 0 5px;
    border-radius: 3px;
  }
  .tap {
    background: color-mix(in srgb, var(--_win) 16%, var(--_bg));
    font-weight: 700;
  }
  .weight {
    background: var(--_surface);
    font-weight: 700;
  }
  .cell-edit {
    width: var(--_cell);
    height: var(--_cell);
    min-height: 0;
    padding: 0 2px;
    font-size: 0.85em;
    text-align: center;
  }
  .window {
    position: absolute;
    pointer-events: none;
    top: calc(var(--top) * (var(--_cell) + var(--_gapc)) - 3px);
    left: calc(var(--left) * (var(--_cell) + var(--_gapc)) - 3px);
    width: calc(var(--w) * (var(--_cell) + var(--_gapc)) - var(--_gapc) + 6px);
    height: calc(var(--h) * (var(--_cell) + var(--_gapc)) - var(--_gapc) + 6px);
    border: 3px solid var(--_win);
    border-radius: 5px;
    transition:
      top var(--_dur) ease,
      left var(--_dur) ease;
  }
  .grid.small {
    --_cell: calc(var(--cnn-kernel-viewer-cell, 2rem) * 0.9);
  }
  .product {
    background: var(--_surface);
    font-size: 0.8em;
  }
  .product.zero {
    color: var(--_muted);
  }
  .product-plane {
    margin-bottom: 6px;
    max-width: 15rem;
  }
  .term {
    unicode-bidi: isolate;
  }
  .sum,
  .total {
    margin: 2px 0 0;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
    max-width: 22rem;
  }
  .total {
    padding-top: 4px;
    border-top: 1px solid var(--_border);
  }
  .out {
    border-style: dashed;
  }
  .out.filled {
    border-style: solid;
    background: var(--_surface);
  }
  .out.current {
    border: 3px solid var(--_win);
    font-weight: 700;
    background: color-mix(in srgb, var(--_win) 16%, var(--_bg));
  }
  @media (prefers-reduced-motion: reduce) {
    .window {
      transition: none;
    }
  }
`;
