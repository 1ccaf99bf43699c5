import { css } from 'lit';
import { dataTableStyles } from '../shared/data-table.js';

/**
 * The charts' styles, scoped to the `.charts` box that `<cnn-training-curves>` renders. Included in the styles
 * of the shadow root the element lives in (it has none of its own, see training-curves.ts).
 */
export const curvesStyles = css`
  ${dataTableStyles}
  .charts {
    --_loss: var(--cnn-trainer-loss, var(--_negative, #b3261e));
    --_train: var(--cnn-trainer-train, var(--_accent, #2a62d6));
    --_test: var(--cnn-trainer-test, var(--_positive, #1d7f4e));
    --_grid: color-mix(in srgb, var(--_border, #ccc) 55%, transparent);
    --_chart-h: var(--cnn-trainer-chart-height, 160px);
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
    gap: var(--_gap, 12px);
    margin-top: 8px;
  }
  .charts figure {
    margin: 0;
    min-width: 0;
  }
  .charts canvas {
    display: block;
    width: 100%;
    /* Fixed before any data arrives, so the page never shifts while training runs. */
    height: var(--_chart-h);
    background: var(--_surface);
    border-radius: calc(var(--_radius, 8px) - 3px);
  }
  .charts figcaption {
    margin-top: 4px;
    font-size: 0.82em;
    color: var(--_muted);
  }
  .charts .key {
    display: inline-block;
    width: 18px;
    height: 0;
    vertical-align: middle;
    margin-inline-end: 4px;
    border-top: 2px solid var(--_loss);
  }
  .charts .key.train {
    border-top-color: var(--_train);
  }
  .charts .key.test {
    margin-inline-start: 10px;
    border-top: 2px dashed var(--_test);
  }
`;
