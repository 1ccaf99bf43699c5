import { css } from 'lit';
import { fieldStyles } from '../shared/theme.styles.js';

export const styles = css`
  /* The charts' styles (and their custom properties) come with <cnn-training-curves>: curvesStyles. */
  :host {
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
  ${fieldStyles}
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_negative);
  }
  /* The reader's own network (layers-editor.ts): the text area and the pointer at an error under it. */
  .layers {
    margin: 0 0 var(--_gap);
  }
  .layers textarea {
    width: 100%;
    box-sizing: border-box;
    resize: vertical;
    font: 0.95em/1.45 var(--_mono);
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 3px);
    padding: 6px 8px;
  }
  .pointer {
    margin: 4px 0 0;
    overflow-x: auto;
    font: 0.85em/1.3 var(--_mono);
    color: var(--_negative);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .fine-tune-result {
    font-size: 0.9em;
  }
  /* The files row (session-io.ts): the file input is inside a label drawn as a secondary button. */
  .files {
    margin-top: 8px;
  }
  label[part~='load-weights'] {
    position: relative;
    flex-direction: row;
    align-items: center;
    box-sizing: border-box;
    min-height: 36px;
    padding: 6px 12px;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) - 2px);
    color: var(--_accent);
    font-size: 1em;
    cursor: pointer;
  }
  label[part~='load-weights'] input {
    position: absolute;
    inset: 0;
    width: 100%;
    min-height: 0;
    padding: 0;
    opacity: 0;
    cursor: pointer;
  }
  label[part~='load-weights']:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .backend {
    margin-inline-start: auto;
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
  .result {
    margin: var(--_gap) 0 0;
    font-size: 0.95em;
  }
  .result strong {
    font-size: 1.3em;
    color: var(--_positive);
  }
`;
