/**
 * `<digit-pad>`'s read-outs as template functions of plain values: the probability bars (one per class, named as
 * the dataset names them) and the layer strip (every shown layer of the network, sized from its spec before the
 * first prediction). The element decides what to show; these only say how.
 */
import { html, nothing } from 'lit';
import type { ModelSpec } from '../../engine/conv-math.js';
import { displayLayers, expectedShapes, layerGeometry, layerImage } from '../../engine/models/display.js';
import { valueRange } from '../shared/colour-scale.js';
import type { LocalizeController } from '../shared/localize.js';
import type { PAD_EN } from './digit-pad.strings.js';
import { inlineStyle } from '../shared/inline-style.js';
import { paintGrey, pixelContext } from '../shared/paint.js';
import type { DigitPrediction, LayerActivation } from './predictor-controller.js';
import { inkOf } from './ink-controller.js';
import { areDigitClasses } from '../../engine/models/dataset-of.js';

/** At most this many bars: a dataset with more classes shows its most probable ones. */
const MAX_BARS = 12;

/** Says the pad's terms (and the engine's layer labels) in the reader's language. */
export type PadLocalize = LocalizeController<typeof PAD_EN>;

/**
 * An image's shape (`28×28`, `32×32×3`) in the reader's digits, kept left to right in a right-to-left sentence
 * (`LocalizeController.ltr`): what the input's caption, its aria text and the teach row say.
 */
export function shapeIn(l: PadLocalize, [h, w, c]: readonly [number, number, number]): string {
  const n = (v: number) => l.formats.number(v);
  return l.ltr(`${n(h)}×${n(w)}${c > 1 ? `×${n(c)}` : ''}`);
}

/** One bar per class (`part="probabilities"`); over 12 classes, the 10 most probable, in that order. */
export function renderProbabilities(classes: readonly string[], p: DigitPrediction | null, l: PadLocalize) {
  const percent = (v: number) => l.formats.percent(v);
  const digits = areDigitClasses(classes);
  let shown = classes.map((_, i) => i);
  if (classes.length > MAX_BARS) {
    shown = p
      ? shown.sort((a, b) => p.probabilities[b]! - p.probabilities[a]!).slice(0, 10)
      : shown.slice(0, 10);
  }
  const widest = Math.max(...shown.map((i) => classes[i]!.length));
  return html`<ol
      part="probabilities"
      class="probs"
      aria-label=${l.term(digits ? 'pad.probsDigits' : 'pad.probsClasses')}
      ${inlineStyle({ '--_name-w': `${Math.min(12, Math.max(1.2, widest * 0.62))}em` })}
    >
      ${shown.map((d) => {
        const v = p ? p.probabilities[d]! : 0;
        const name = classes[d]!;
        return html`<li class=${p && p.digit === d ? 'top' : ''}>
          <span class="d" title=${name}>${name}</span>
          <span
            class="bar"
            role="meter"
            aria-label=${digits ? l.term('pad.digit', { digit: d }) : name}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${Math.round(v * 1000) / 10}
            aria-valuetext=${p ? percent(v) : l.term('pad.noPrediction')}
            ><span class="fill" ${inlineStyle({ width: `${(v * 100).toFixed(1)}%` })}></span
          ></span>
          <span class="p">${p ? percent(v) : '–'}</span>
        </li>`;
      })}
    </ol>
    ${
      classes.length > MAX_BARS
        ? html`<div class="caption">${l.term('pad.topClasses', { count: classes.length })}</div>`
        : nothing
    }`;
}

/** Every shown layer as a captioned canvas (`part="layers"`), painted by `paintLayers` after the update. */
export function renderLayers(
  spec: ModelSpec,
  acts: Readonly<Record<string, LayerActivation>> | null,
  l: PadLocalize,
) {
  const expected = expectedShapes(spec);
  const n = (v: number) => l.formats.number(v);
  return html`<section part="layers" class="layers" aria-label=${l.term('pad.layers')}>
    ${displayLayers(spec).map(({ name, message }) => {
      const label = l.say(message);
      const a = acts?.[name];
      // Before the first prediction, size the canvas from the spec's shape: no layout shift when it arrives.
      const shape = a?.shape ?? expected.get(name);
      const geo = shape ? layerGeometry(shape) : null;
      const desc =
        a && geo
          ? geo.spatial
            ? l.term('pad.layerMaps', { label, c: geo.c, h: geo.h, w: geo.w })
            : l.term('pad.layerValues', { label, count: geo.width })
          : l.term('pad.layerEmpty', { label });
      return html`<figure class=${`layer ${geo?.spatial ? 'spatial' : 'flat'}`}>
        <figcaption>
          ${label}${geo ? html` <span class="shape ltr">${geo.spatial ? `${n(geo.c)}×${n(geo.h)}×${n(geo.w)}` : n(geo.width)}</span>` : nothing}
        </figcaption>
        <canvas
          data-layer=${name}
          role="img"
          aria-label=${desc}
          width=${geo?.width ?? 1}
          height=${geo?.height ?? 1}
          ${inlineStyle({ width: geo?.spatial ? `${geo.width * (geo.w <= 6 ? 4 : geo.w <= 13 ? 3 : 2)}px` : undefined })}
          ?hidden=${!geo}
        ></canvas>
      </figure>`;
    })}
  </section>`;
}

/** Paints each spatial layer as a grid of channel maps, each flat layer as a strip; blank when there is none. */
export function paintLayers(root: ParentNode, acts: Readonly<Record<string, LayerActivation>> | null): void {
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-layer]')) {
    const a = acts?.[canvas.dataset['layer']!];
    if (a) {
      const { width, height, values } = layerImage(a.shape, a.data, valueRange(a.data));
      paintGrey(canvas, values, width, height, { ink: inkOf(canvas) });
    } else {
      // Blank (cleared pad, no network yet): the canvas keeps its size but shows nothing stale.
      pixelContext(canvas)?.clearRect(0, 0, canvas.width, canvas.height);
    }
  }
}
