import { css } from 'lit';

export const styles = css`
  :host {
    --_loss: var(--cnn-trainer-loss, var(--_negative));
    --_train: var(--cnn-trainer-train, var(--_accent));
    --_test: var(--cnn-trainer-test, var(--_positive));
    --_grid: color-mix(in srgb, var(--_border) 55%, transparent);
    --_chart-h: var(--cnn-trainer-chart-height, 160px);
    min-width: 0;
  }
  .controls {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
    gap: 8px var(--_gap);
    margin: 0 0 var(--_gap);
    padding: 0;
    border: 0;
    min-width: 0;
  }
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
  input[aria-invalid='true'] {
    border-color: var(--_negative);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .backend {
    margin-left: auto;
    font-size: 0.88em;
    color: var(--_muted);
  }
  .retry {
    margin: calc(-1 * var(--_gap) + 4px) 0 var(--_gap);
  }
  .progress {
    margin-top: var(--_gap);
  }
  .bar {
    height: 8px;
    border-radius: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .fill {
    height: 100%;
    background: var(--_accent);
    transition: width 0.2s linear;
  }
  .progress-text {
    display: block;
    margin-top: 4px;
    min-height: 1.45em; /* reserved: the text appearing must not push the charts down */
    font-size: 0.88em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .note {
    margin: 4px 0 0;
    font-size: 0.88em;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
    gap: var(--_gap);
    margin-top: 8px;
  }
  figure {
    margin: 0;
    min-width: 0;
  }
  canvas {
    display: block;
    width: 100%;
    /* Fixed before any data arrives, so the page never shifts while training runs. */
    height: var(--_chart-h);
    background: var(--_surface);
    border-radius: calc(var(--_radius) - 3px);
  }
  figcaption {
    margin-top: 4px;
    font-size: 0.82em;
    color: var(--_muted);
  }
  .key {
    display: inline-block;
    width: 18px;
    height: 0;
    vertical-align: middle;
    margin-right: 4px;
    border-top: 2px solid var(--_loss);
  }
  .key.train {
    border-top-color: var(--_train);
  }
  .key.test {
    margin-left: 10px;
    border-top: 2px dashed var(--_test);
  }
  .result {
    margin: var(--_gap) 0 0;
    font-size: 0.95em;
  }
  .result strong {
    font-size: 1.3em;
    color: var(--_positive);
  }
`;
