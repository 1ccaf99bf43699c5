/**
 * Perceptually uniform colour maps for showing numbers as colours (activation maps, heat maps), plus helpers
 * to paint a canvas and a CSS gradient for the legend. No DOM at import time, no TensorFlow.js.
 *
 * WHY perceptually uniform: equal steps in value should look like equal steps in colour, or the eye invents
 * edges that are not in the data (the classic "jet" rainbow does exactly that). viridis and cividis also stay
 * ordered in lightness — readable in greyscale and by readers with colour-vision deficiencies (cividis is
 * designed for them) — and both are legible on light and dark backgrounds alike.
 *
 * Usage:
 * ```ts
 * import { drawHeatmap, valueRange, gradientCss } from '../shared/colour-scale.js';
 * const range = valueRange(data);                   // { min, max }, ignoring NaN/Infinity
 * drawHeatmap(canvas, data, width, height, { ...range, map: 'viridis' });
 * html`<span ${inlineStyle({ background: gradientCss('viridis') })}></span>`; // via the CSSOM: CSP-safe (see inline-style.ts)
 * ```
 */
import { pixelContext } from './paint.js';

/** The colour maps on offer. */
export type ColourMapName = 'viridis' | 'cividis';

/**
 * Nine evenly spaced stops (t = 0, 1/8, …, 1) sampled from matplotlib's definitions; linear interpolation
 * between them is visually indistinguishable from the full 256-entry tables at a fraction of the size.
 */
const STOPS: Record<ColourMapName, string[]> = {
  viridis: [
    '#440154',
    '#472c7a',
    '#3b528b',
    '#2c728e',
    '#21918c',
    '#28ae80',
    '#5ec962',
    '#addc30',
    '#fde725',
  ],
  cividis: [
    '#00224e',
    '#123570',
    '#3b496c',
    '#575d6d',
    '#707173',
    '#8a8779',
    '#a69d75',
    '#c4b56c',
    '#fee838',
  ],
};

const hex = (h: string): [number, number, number] => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
];

const luts = new Map<ColourMapName, Uint8ClampedArray>();

/** A 256-entry lookup table `[r0, g0, b0, r1, …]` for a colour map (built once, then shared). */
export function colourLut(map: ColourMapName = 'viridis'): Uint8ClampedArray {
  let lut = luts.get(map);
  if (lut) return lut;
  const stops = (STOPS[map] ?? STOPS.viridis).map(hex);
  lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const x = (i / 255) * (stops.length - 1);
    const k = Math.min(Math.floor(x), stops.length - 2);
    const f = x - k;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = Math.round(stops[k]![c]! * (1 - f) + stops[k + 1]![c]! * f);
  }
  luts.set(map, lut);
  return lut;
}

/** The colour of `t` in 0..1 (clamped) as `[r, g, b]` bytes. */
export function colourAt(t: number, map: ColourMapName = 'viridis'): [number, number, number] {
  const lut = colourLut(map);
  const i = Math.round(Math.min(Math.max(Number.isFinite(t) ? t : 0, 0), 1) * 255) * 3;
  return [lut[i]!, lut[i + 1]!, lut[i + 2]!];
}

/** Smallest and largest finite value of `data` (0 and 0 when there is none). */
export function valueRange(data: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) && Number.isFinite(max) ? { min, max } : { min: 0, max: 0 };
}

/** A CSS `linear-gradient(...)` of a colour map, left (low) to right (high), for a legend bar. */
export function gradientCss(map: ColourMapName = 'viridis', direction = 'to right'): string {
  const stops = STOPS[map] ?? STOPS.viridis;
  return `linear-gradient(${direction}, ${stops.map((s, i) => `${s} ${((i / (stops.length - 1)) * 100).toFixed(1)}%`).join(', ')})`;
}

/**
 * Paints `data` (row-major `width × height`) on `canvas`, one canvas pixel per value, mapping `min` to the
 * low end of the colour map and `max` to the high end. The canvas is resized to `width × height`; scale it
 * with CSS (`image-rendering: pixelated` keeps small maps crisp). A flat map (min = max) paints the middle
 * colour. Non-finite values paint as the low end, never as garbage.
 */
export function drawHeatmap(
  canvas: HTMLCanvasElement,
  data: ArrayLike<number>,
  width: number,
  height: number,
  opts: { min?: number; max?: number; map?: ColourMapName } = {},
): void {
  const range =
    opts.min === undefined || opts.max === undefined ? valueRange(data) : { min: opts.min, max: opts.max };
  const lut = colourLut(opts.map);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = pixelContext(canvas);
  if (!ctx || width === 0 || height === 0) return;
  const img = ctx.createImageData(width, height);
  const span = range.max - range.min;
  const scale = span > 0 ? 255 / span : 0;
  const px = img.data;
  for (let i = 0, n = width * height; i < n; i++) {
    const v = data[i]!;
    const k =
      span > 0
        ? Number.isFinite(v)
          ? Math.min(255, Math.max(0, Math.round((v - range.min) * scale)))
          : 0
        : 128;
    px[i * 4] = lut[k * 3]!;
    px[i * 4 + 1] = lut[k * 3 + 1]!;
    px[i * 4 + 2] = lut[k * 3 + 2]!;
    px[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

/** `rgb(r g b)` CSS text for a colour given as bytes (e.g. from `colourAt`). */
export const cssRgb = ([r, g, b]: readonly [number, number, number]): string => `rgb(${r} ${g} ${b})`;

/** WCAG 2 relative luminance (0 = black, 1 = white) of an sRGB colour given as bytes. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  // sRGB bytes are gamma-encoded; luminance is a weighted sum of LINEAR light, so undo the transfer curve first.
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio (1 … 21) between two sRGB colours given as bytes. */
export function contrastRatio(
  a: readonly [number, number, number],
  b: readonly [number, number, number],
): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white text, whichever contrasts more with the background `bg` (bytes). The two contrasts are equal
 * at luminance ≈ 0.179, where each is ≈ 4.58:1, so the choice always meets WCAG AA for normal text — on any
 * colour, not only on these maps.
 */
export const textOn = (bg: readonly [number, number, number]): '#000000' | '#ffffff' =>
  (luminance(bg) + 0.05) / 0.05 >= 1.05 / (luminance(bg) + 0.05) ? '#000000' : '#ffffff';
