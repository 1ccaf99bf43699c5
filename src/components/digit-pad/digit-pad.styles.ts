import { css } from 'lit';

export const styles = css`
  :host {
    --_ink: var(--cnn-pad-ink, var(--_fg));
    --_pad-bg: var(--cnn-pad-background, var(--_surface));
    --_pad-size: var(--cnn-pad-size, 280px);
    --_act: var(--cnn-pad-activation, var(--_accent));
    min-width: 0;
  }
  .retry {
    margin: 0 0 var(--_gap);
  }
  .main {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: flex-start;
  }
  .pad-col {
    flex: 0 1 var(--_pad-size);
    min-width: 0;
    max-width: 100%;
  }
  canvas.pad {
    display: block;
    width: 100%;
    max-width: var(--_pad-size);
    aspect-ratio: 1;
    height: auto;
    background: var(--_pad-bg);
    color: var(--_ink);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    touch-action: none;
    cursor: crosshair;
    user-select: none;
    -webkit-user-select: none;
  }
  /* A colour dataset: the reader draws in colour on white paper (what the network reads), in either theme. */
  canvas.pad.colour {
    background: #fff;
  }
  .pen {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: 0.85em;
  }
  .pen input {
    inline-size: 2.2em;
    block-size: 1.8em;
    padding: 0;
  }
  .teach {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-top: 8px;
    padding-top: 8px;
    border-top: 1px solid var(--_border);
  }
  .teach .pick {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 0.9em;
  }
  .teach-status {
    flex-basis: 100%;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 8px;
  }
  .side {
    flex: 1 1 220px;
    display: grid;
    grid-template-columns: auto 1fr;
    grid-template-areas: 'input guess' 'probs probs';
    gap: 8px var(--_gap);
    min-width: 0;
  }
  .input-box {
    grid-area: input;
  }
  canvas.input {
    display: block;
    width: 84px;
    height: auto;
    image-rendering: pixelated;
    background: var(--_pad-bg);
    color: var(--_ink);
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  .caption {
    font-size: 0.78em;
    color: var(--_muted);
  }
  .guess {
    grid-area: guess;
  }
  .digit {
    font-size: 3em;
    line-height: 1;
    font-weight: 700;
    color: var(--_act);
    font-variant-numeric: tabular-nums;
  }
  .digit.word {
    font-size: 1.6em;
    overflow-wrap: anywhere;
  }
  .status {
    font-size: 0.85em;
    color: var(--_muted);
    margin-top: 4px;
  }
  .probs {
    grid-area: probs;
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .probs li {
    display: grid;
    grid-template-columns: var(--_name-w, 1.2em) 1fr 4.2em;
    align-items: center;
    gap: 6px;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .probs li.top {
    font-weight: 700;
  }
  .probs .d {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .bar {
    display: block;
    height: 10px;
    background: var(--_surface);
    border-radius: 5px;
    overflow: hidden;
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--_act);
    transition: width 0.12s linear;
  }
  .p {
    text-align: end;
    color: var(--_muted);
  }
  .top .p {
    color: var(--_fg);
  }
  .layers {
    display: flex;
    flex-wrap: wrap;
    gap: 10px var(--_gap);
    margin-top: var(--_gap);
    border-top: 1px solid var(--_border);
    padding-top: 8px;
  }
  .layer {
    margin: 0;
    min-width: 0;
    max-width: 100%;
  }
  .layer figcaption {
    font-size: 0.78em;
    font-weight: 600;
  }
  .layer .shape {
    font-weight: 400;
    color: var(--_muted);
    /* Strictly left to right (C×H×W): Arabic-Indic digits would pull the × between them into a right-to-left
       run inside a mere isolate. It holds only digits and ×. */
    unicode-bidi: isolate-override;
  }
  .layer canvas {
    display: block;
    color: var(--_act);
    image-rendering: pixelated;
    background: var(--_pad-bg);
    max-width: 100%;
  }
  .layer.spatial canvas {
    height: auto;
  }
  .layer.flat {
    flex-basis: 100%;
  }
  .layer.flat canvas {
    width: 100%;
    height: 12px;
  }
  canvas[hidden] {
    display: none;
  }
`;
