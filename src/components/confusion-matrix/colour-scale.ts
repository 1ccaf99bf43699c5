/**
 * A perceptually uniform, colour-blind-safe sequential scale (matplotlib's viridis), and the text colour that
 * reads best on each of its colours. Kept here (not in shared/) until a shared colour scale exists.
 *
 * Why viridis: its lightness rises monotonically from dark violet to bright yellow, so a reader can order
 * cells by brightness alone (in greyscale, and with any common form of colour blindness); a rainbow or
 * red-green scale invents boundaries that are not in the data.
 */

/** Eleven samples of viridis at 0, 0.1, … 1 (sRGB). Linear interpolation between them stays within a few
 * units of the full 256-entry table, which is indistinguishable at cell size. */
const VIRIDIS: ReadonlyArray<readonly [number, number, number]> = [
  [0x44, 0x01, 0x54],
  [0x48, 0x24, 0x75],
  [0x41, 0x44, 0x87],
  [0x35, 0x5f, 0x8d],
  [0x2a, 0x78, 0x8e],
  [0x21, 0x91, 0x8c],
  [0x22, 0xa8, 0x84],
  [0x44, 0xbf, 0x70],
  [0x7a, 0xd1, 0x51],
  [0xbd, 0xdf, 0x26],
  [0xfd, 0xe7, 0x25],
];

/** The viridis colour at t ∈ [0, 1] (clamped; NaN counts as 0) as `[r, g, b]` bytes. */
export function viridis(t: number): [number, number, number] {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = x * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
}

/** `rgb(r g b)` CSS text for a colour. */
export const cssRgb = ([r, g, b]: readonly [number, number, number]): string => `rgb(${r} ${g} ${b})`;

/** WCAG relative luminance of an sRGB colour given as bytes. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Black or white, whichever contrasts more with the background. The two contrasts are equal at luminance
 * ≈ 0.179, where each is ≈ 4.58:1, so the choice always meets WCAG AA for normal text.
 */
export const textOn = (bg: readonly [number, number, number]): '#000000' | '#ffffff' =>
  (luminance(bg) + 0.05) / 0.05 >= 1.05 / (luminance(bg) + 0.05) ? '#000000' : '#ffffff';
