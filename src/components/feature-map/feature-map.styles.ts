import { css } from 'lit';

export const styles = css`
  :host {
    --_map: var(--cnn-feature-map-size, 150px);
    min-width: 0;
  }
  .retry {
    margin: 0 0 var(--_gap);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 18px;
    margin-bottom: 8px;
  }
  .controls label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 0.92em;
  }
  .check input {
    min-height: 0;
    width: 1.1em;
    height: 1.1em;
    accent-color: var(--_accent);
  }
  .summary {
    margin: 0 0 var(--_gap);
    font-size: 0.92em;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .shape {
    font-variant-numeric: tabular-nums;
  }
  .shape > span,
  .shape > strong {
    /* Each step of the walk is its own run: a right-to-left page orders the steps, never their digits. */
    unicode-bidi: isolate;
  }
  .shape > span {
    margin-inline-end: 0.35em;
  }
  .arrow {
    color: var(--_muted);
  }
  .final {
    font-size: 1.1em;
    color: var(--_accent);
  }
  .note {
    color: var(--_muted);
  }
  .status:empty {
    display: none;
  }
  .placeholder {
    height: calc(var(--_map) + 2em);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface);
  }
  .maps {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--_map), calc(50% - var(--_gap))), 1fr));
    gap: var(--_gap);
  }
  .maps.pairs {
    grid-template-columns: repeat(auto-fill, minmax(min(calc(var(--_map) * 2 + 8px), 100%), 1fr));
  }
  figure {
    margin: 0;
    min-width: 0;
  }
  .pair {
    display: flex;
    gap: 8px;
  }
  .pair > div {
    flex: 1 1 0;
    min-width: 0;
  }
  canvas {
    display: block;
    width: 100%;
    height: auto;
    image-rendering: pixelated;
    border-radius: 4px;
    background: var(--_surface);
  }
  .maps.pairs > figure[part~='input'] canvas {
    width: calc(50% - 4px);
  }
  .tag {
    font-size: 0.78em;
    color: var(--_muted);
    text-align: center;
  }
  figcaption {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 8px;
    font-size: 0.82em;
    margin-top: 3px;
  }
  .name {
    font-weight: 600;
  }
  .range {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin-top: var(--_gap);
    font-size: 0.82em;
    color: var(--_muted);
  }
  .bar {
    display: inline-block;
    width: 10rem;
    max-width: 40%;
    height: 0.8em;
    border-radius: 3px;
  }
  .legend-note {
    margin-inline-start: 8px;
  }
  .kernels {
    margin-top: var(--_gap);
  }
  .kernels-title {
    margin: 0 0 6px;
    font-size: 0.9em;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
    gap: 8px;
  }
  .slices {
    display: flex;
    gap: 3px;
  }
  .slices > figure {
    flex: 1 1 0;
  }
  .filter > figcaption {
    justify-content: center;
    color: var(--_muted);
  }
  .channel {
    justify-content: center;
    font-weight: 700;
  }
  /* The letter in the text colour (readable in light and dark), above a bar in its channel's colour. */
  .channel::after {
    content: '';
    flex-basis: 100%;
    height: 3px;
    border-radius: 2px;
  }
  .channel.red::after {
    background: rgb(230, 40, 40);
  }
  .channel.green::after {
    background: rgb(40, 170, 60);
  }
  .channel.blue::after {
    background: rgb(50, 100, 235);
  }
`;
