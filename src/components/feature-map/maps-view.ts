/**
 * How `<feature-map>` shows a `MapsResult`: the walk of shapes, the grid of maps with their ranges, the
 * legend, and painting the canvases. The same for both modes; `trainer` only changes the labels.
 */
import { html, nothing } from 'lit';
import { inlineStyle } from '../shared/inline-style.js';
import { drawHeatmap, gradientCss } from '../shared/colour-scale.js';
import { paintGrey, paintRgb } from '../shared/paint.js';
import { formatValue } from '../shared/format.js';
import { unionRange } from '../../engine/feature-maps.js';
import type { MapsResult } from './maps-result.js';

/** What the labels say besides the result: the trainer's layer and digit (trainer mode), and `compare`. */
export interface MapsViewOptions {
  /** Trainer mode: the layer shown and the test digit fed to the network. */
  trainer: { layer: string; digit: number } | null;
  compare: boolean;
}

const fmt = (s: readonly number[]) => s.join(' × ');

/** The shapes along the way: `input 3 × 320 × 320 → conv 5×5 → 5 × 316 × 316`, the last one in bold. */
export function renderShapes(r: MapsResult, { trainer }: MapsViewOptions) {
  if (trainer)
    return html`<span class="shape"
      >Layer ${trainer.layer}: <strong data-testid="shape">${fmt(r.maps.shape)}</strong></span
    >`;
  const layers = r.layers;
  if (!layers) return nothing;
  // The walk of shapes: input → conv → [ReLU] → [pool] → …; the last shape is the answer, in bold.
  const parts: unknown[] = [html`<span>input ${fmt(layers[0]!.inShape)}</span>`];
  for (const l of layers) {
    const hyper = `${l.kernelSize}×${l.kernelSize}${l.padding ? `, P${l.padding}` : ''}${l.stride > 1 ? `, S${l.stride}` : ''}`;
    parts.push(html`<span class="arrow">→ conv ${hyper}${l.activation === 'relu' ? ' → ReLU' : ''} →</span>`);
    parts.push(l.convShape);
    if (l.pool === 2) {
      parts.push(html`<span class="arrow">→ max-pool 2×2 →</span>`);
      parts.push(l.outShape);
    }
  }
  const last = parts.length - 1;
  return html`<span class="shape"
    >${parts.map((p, i) =>
      Array.isArray(p)
        ? i === last
          ? html`<span class="visually-hidden">output shape C × H × W:</span>
              <strong data-testid="shape" class="final">${fmt(p)}</strong>`
          : html`<span>${fmt(p)}</span>`
        : p,
    )}</span
  >`;
}

/** The input, one figure per map (before beside after with `compare`), and the colour legend. */
export function renderMaps(r: MapsResult, { trainer, compare }: MapsViewOptions) {
  const [, h, w] = r.maps.shape;
  const before = compare ? r.before : null;
  const beforeShape = before?.shape;
  const what = trainer ? `layer ${trainer.layer}` : 'filter';
  const inputLabel = trainer
    ? `The test digit ${trainer.digit} fed to the network, 28×28`
    : `The input photo as the filters see it, ${r.input.width}×${r.input.height} pixels`;
  const after = r.layers ? r.layers[r.layers.length - 1]! : null;
  const afterLabel = after
    ? [after.activation === 'relu' ? 'ReLU' : '', after.pool === 2 ? 'pool' : ''].filter(Boolean).join(' + ')
    : '';
  return html`
    <div part="maps" class="maps ${before ? 'pairs' : ''}">
      <figure part="input" class="map">
        <canvas data-input role="img" aria-label=${inputLabel}></canvas>
        <figcaption>${trainer ? `Digit ${trainer.digit}` : 'Input'}</figcaption>
      </figure>
      ${r.maps.data.map((_, i) => {
        const range = r.ranges[i] ?? { min: 0, max: 0 };
        const name = r.names[i] ?? `channel ${i + 1}`;
        const rb = r.beforeRanges[i];
        return html`<figure part="map" class="map">
          <div class="pair">
            ${
              before && beforeShape && rb
                ? html`<div>
                    <canvas
                      data-map=${i}
                      data-kind="before"
                      role="img"
                      aria-label=${`Map ${i + 1} (${name}) before ${afterLabel}: ${beforeShape[1]}×${beforeShape[2]}, values ${formatValue(rb.min)} to ${formatValue(rb.max)}`}
                    ></canvas>
                    <div class="tag">before</div>
                  </div>`
                : nothing
            }
            <div>
              <canvas
                data-map=${i}
                data-kind="after"
                role="img"
                aria-label=${`Map ${i + 1} (${name}) of ${what}: ${h}×${w}, values ${formatValue(range.min)} to ${formatValue(range.max)}`}
              ></canvas>
              ${before ? html`<div class="tag">after ${afterLabel}</div>` : nothing}
            </div>
          </div>
          <figcaption>
            <span class="name">${name}</span>
            <span class="range" data-testid="range"
              >${before && rb ? `${formatValue(rb.min)} … ${formatValue(rb.max)} → ` : ''}${formatValue(range.min)}
              … ${formatValue(range.max)}</span
            >
          </figcaption>
        </figure>`;
      })}
    </div>
    <div part="legend" class="legend">
      <span>low</span>
      <span class="bar" ${inlineStyle({ background: gradientCss('viridis') })} aria-hidden="true"></span>
      <span>high</span>
      <span class="legend-note"
        >${before ? 'each before/after pair shares one scale' : 'each map is scaled to its own range'}</span
      >
    </div>
  `;
}

/** Paints the rendered canvases: every map in viridis over its range, and the input picture. */
export function drawMaps(root: ParentNode, r: MapsResult, compare: boolean): void {
  const together = compare && r.before !== null;
  root.querySelectorAll<HTMLCanvasElement>('canvas[data-map]').forEach((cv) => {
    const i = Number(cv.dataset['map']);
    const isBefore = cv.dataset['kind'] === 'before';
    const maps = isBefore ? r.before : r.maps;
    if (!maps || !maps.data[i]) return;
    // In compare mode both sides share one scale, so a zeroed negative looks exactly as dark as zero.
    const range = together
      ? unionRange(r.ranges[i]!, r.beforeRanges[i]!)
      : isBefore
        ? r.beforeRanges[i]!
        : r.ranges[i]!;
    drawHeatmap(cv, maps.data[i]!, maps.shape[2], maps.shape[1], { ...range, map: 'viridis' });
  });
  const input = root.querySelector<HTMLCanvasElement>('canvas[data-input]');
  if (!input) return;
  const { pixels, width, height, channels } = r.input;
  if (channels === 1) paintGrey(input, pixels, width, height, { max: 1 });
  else paintRgb(input, r.input);
}
