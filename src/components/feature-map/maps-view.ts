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
import type { LocalizeController } from '../shared/localize.js';
import type { FM_EN } from './feature-map.strings.js';

/** What the labels say besides the result: the trainer's layer and digit (trainer mode), and `compare`. */
export interface MapsViewOptions {
  /**
   * Trainer mode: the layer shown and the test image fed to the network: its class (`digit`), the class's name
   * (`label`), and whether the classes are MNIST's digits (`digits`: then it is called a digit).
   */
  trainer: { layer: string; digit: number; label: string; digits: boolean } | null;
  compare: boolean;
  /** The element's words, in its language. */
  t: LocalizeController<typeof FM_EN>;
}

/**
 * A map's name in the reader's language: `filter 3` and `custom` are words, presets are names; a map with no
 * name (a trainer's layer) is `channel n`.
 */
function mapName(t: MapsViewOptions['t'], name: string | undefined, i: number): string {
  if (name === undefined) return t.term('fm.channel', { n: i + 1 });
  if (name === 'custom') return t.term('fm.custom');
  const m = /^filter (\d+)$/.exec(name);
  return m ? t.term('fm.filterN', { n: Number(m[1]) }) : name;
}

const fmt = (s: readonly number[]) => s.join(' × ');
/** The arrow of the reading direction. */
const arrowOf = (t: MapsViewOptions['t']) => (t.dir === 'rtl' ? '←' : '→');

/** The shapes along the way: `input 3 × 320 × 320 → conv 5×5 → 5 × 316 × 316`, the last one in bold. */
export function renderShapes(r: MapsResult, { trainer, t }: MapsViewOptions) {
  if (trainer)
    return html`<span class="shape"
      >${t.term('fm.shape.layer', { layer: trainer.layer })}
      <strong data-testid="shape" dir="ltr">${fmt(r.maps.shape)}</strong></span
    >`;
  const layers = r.layers;
  if (!layers) return nothing;
  // The walk of shapes: input → conv → [ReLU] → [pool] → …; the last shape is the answer, in bold. The arrows
  // point the way the text reads (← right-to-left).
  const a = arrowOf(t);
  const parts: unknown[] = [
    html`<span>${t.term('fm.shape.input', { shape: t.ltr(fmt(layers[0]!.inShape)) })}</span>`,
  ];
  for (const l of layers) {
    const hyper = `${l.kernelSize}×${l.kernelSize}${l.padding ? `, P${l.padding}` : ''}${l.stride > 1 ? `, S${l.stride}` : ''}`;
    parts.push(
      html`<span class="arrow"
        >${a}
        ${t.term('fm.shape.conv', { hyper: t.ltr(hyper) })}${l.activation === 'relu' ? ` ${a} ReLU` : ''}
        ${a}</span
      >`,
    );
    parts.push(l.convShape);
    if (l.pool === 2) {
      parts.push(html`<span class="arrow">${a} ${t.term('fm.shape.pool')} ${a}</span>`);
      parts.push(l.outShape);
    }
  }
  const last = parts.length - 1;
  return html`<span class="shape"
    >${parts.map((p, i) =>
      Array.isArray(p)
        ? i === last
          ? html`<span class="visually-hidden">${t.term('fm.shape.output')}</span>
              <strong data-testid="shape" class="final" dir="ltr">${fmt(p)}</strong>`
          : html`<span dir="ltr">${fmt(p)}</span>`
        : p,
    )}</span
  >`;
}

/** The input, one figure per map (before beside after with `compare`), and the colour legend. */
export function renderMaps(r: MapsResult, { trainer, compare, t }: MapsViewOptions) {
  const [, h, w] = r.maps.shape;
  const before = compare ? r.before : null;
  const beforeShape = before?.shape;
  const size = `${r.input.width}×${r.input.height}`;
  const inputLabel = trainer
    ? t.term(
        trainer.digits
          ? 'fm.testDigitFed'
          : r.input.channels === 3
            ? 'fm.testImageFedColour'
            : 'fm.testImageFed',
        { label: trainer.label, size },
      )
    : t.term('fm.photo', { size });
  const after = r.layers ? r.layers[r.layers.length - 1]! : null;
  const afterLabel = after
    ? [after.activation === 'relu' ? 'ReLU' : '', after.pool === 2 ? t.term('fm.pooling') : '']
        .filter(Boolean)
        .join(' + ')
    : '';
  return html`
    <div part="maps" class="maps ${before ? 'pairs' : ''}">
      <figure part="input" class="map">
        <canvas data-input role="img" aria-label=${inputLabel}></canvas>
        <figcaption>
          ${trainer ? (trainer.digits ? t.term('fm.digit', { label: trainer.label }) : trainer.label) : t.term('fm.input')}
        </figcaption>
      </figure>
      ${r.maps.data.map((_, i) => {
        const range = r.ranges[i] ?? { min: 0, max: 0 };
        const name = mapName(t, r.names[i], i);
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
                      aria-label=${t.term('fm.mapBefore', {
                        n: i + 1,
                        name,
                        what: afterLabel,
                        h: beforeShape[1]!,
                        w: beforeShape[2]!,
                        min: formatValue(rb.min),
                        max: formatValue(rb.max),
                      })}
                    ></canvas>
                    <div class="tag">${t.term('fm.before')}</div>
                  </div>`
                : nothing
            }
            <div>
              <canvas
                data-map=${i}
                data-kind="after"
                role="img"
                aria-label=${
                  trainer
                    ? t.term('fm.mapOfLayer', {
                        n: i + 1,
                        name,
                        layer: trainer.layer,
                        h: h!,
                        w: w!,
                        min: formatValue(range.min),
                        max: formatValue(range.max),
                      })
                    : t.term('fm.map', {
                        n: i + 1,
                        name,
                        h: h!,
                        w: w!,
                        min: formatValue(range.min),
                        max: formatValue(range.max),
                      })
                }
              ></canvas>
              ${before ? html`<div class="tag">${t.term('fm.afterWhat', { what: afterLabel })}</div>` : nothing}
            </div>
          </div>
          <figcaption>
            <span class="name">${name}</span>
            <span class="range" data-testid="range"
              >${
                before && rb
                  ? html`<span dir="ltr">${formatValue(rb.min)} … ${formatValue(rb.max)}</span>
                      ${arrowOf(t)} `
                  : ''
              }<span dir="ltr">${formatValue(range.min)} … ${formatValue(range.max)}</span></span
            >
          </figcaption>
        </figure>`;
      })}
    </div>
    ${renderKernels(r, trainer?.layer ?? '', t)}
    <div part="legend" class="legend">
      <span>${t.term('fm.low')}</span>
      <span
        class="bar"
        ${inlineStyle({ background: gradientCss('viridis', t.dir === 'rtl' ? 'to left' : 'to right') })}
        aria-hidden="true"
      ></span>
      <span>${t.term('fm.high')}</span>
      <span class="legend-note">${t.term(before ? 'fm.sharedScale' : 'fm.ownScale')}</span>
    </div>
  `;
}

/** The colour channels a first-layer kernel reads, in order. */
const CHANNELS = [
  ['R', 'red', 'fm.red'],
  ['G', 'green', 'fm.green'],
  ['B', 'blue', 'fm.blue'],
] as const;

/**
 * A colour dataset's first conv layer: each filter's kernel per input channel (R, G, B), each filter's three
 * slices on one scale, so that a filter that looks for red shows a bright R beside dark G and B.
 */
function renderKernels(r: MapsResult, layer: string, t: MapsViewOptions['t']) {
  const k = r.kernels;
  if (!k) return nothing;
  const [, , kh, kw] = k.shape;
  return html`<div part="kernels" class="kernels" role="group" aria-labelledby="kernels-title">
    <p class="kernels-title" id="kernels-title">${t.term('fm.kernels', { layer, kh: kh!, kw: kw! })}</p>
    <div class="filters">
      ${k.data.map((slices, o) => {
        const range = r.kernelRanges?.[o] ?? { min: 0, max: 0 };
        return html`<figure class="filter">
          <div class="slices">
            ${slices.map((_, i) => {
              const c = CHANNELS[i];
              const [letter, colour] = c ? [c[0], c[1]] : [String(i + 1), ''];
              const channel = c ? t.term(c[2]) : t.term('fm.channel', { n: i + 1 });
              return html`<figure part="kernel" class="kernel">
                <canvas
                  data-kernel=${o}
                  data-channel=${i}
                  role="img"
                  aria-label=${t.term('fm.kernel', {
                    n: o + 1,
                    channel,
                    kh: kh!,
                    kw: kw!,
                    min: formatValue(range.min),
                    max: formatValue(range.max),
                  })}
                ></canvas>
                <figcaption class="channel ${colour}" aria-hidden="true">${letter}</figcaption>
              </figure>`;
            })}
          </div>
          <figcaption>${t.term('fm.filterN', { n: o + 1 })}</figcaption>
        </figure>`;
      })}
    </div>
  </div>`;
}

/** Paints the rendered canvases: every map in viridis over its range, and the input picture. */
export function drawMaps(root: ParentNode, r: MapsResult, compare: boolean): void {
  for (const paint of mapPaints(root, r, compare)) paint();
}

/**
 * What `drawMaps` does, as one function per canvas (the input picture first), for a caller that spreads them
 * over several frames: each canvas that changes costs the frame that shows it a copy of its pixels to the
 * compositor, a blocking call of ~2 ms each on a busy machine without a GPU.
 */
export function mapPaints(root: ParentNode, r: MapsResult, compare: boolean): (() => void)[] {
  const paints: (() => void)[] = [];
  const input = root.querySelector<HTMLCanvasElement>('canvas[data-input]');
  if (input) {
    const { pixels, width, height, channels } = r.input;
    paints.push(() =>
      channels === 1 ? paintGrey(input, pixels, width, height, { max: 1 }) : paintRgb(input, r.input),
    );
  }
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
    paints.push(() =>
      drawHeatmap(cv, maps.data[i]!, maps.shape[2], maps.shape[1], { ...range, map: 'viridis' }),
    );
  });
  root.querySelectorAll<HTMLCanvasElement>('canvas[data-kernel]').forEach((cv) => {
    const o = Number(cv.dataset['kernel']);
    const plane = r.kernels?.data[o]?.[Number(cv.dataset['channel'])];
    if (!plane || !r.kernels) return;
    const range = r.kernelRanges?.[o] ?? { min: 0, max: 0 };
    const { kernels } = r;
    paints.push(() =>
      drawHeatmap(cv, plane, kernels.shape[3], kernels.shape[2], { ...range, map: 'viridis' }),
    );
  });
  return paints;
}
