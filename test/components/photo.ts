/** A rectangle of one colour on the photo: where, how big (square), what colour. */
export interface Spot {
  x: number;
  y: number;
  size: number;
  colour: string;
}

/**
 * A small opaque photo as a PNG data URL, so that feature maps compute fast: blue (`rgb(10, 120, 230)`) with a
 * `spot` of another colour. The default is 24×20 with a yellow 10×10 square at (8, 4): an edge on every side.
 */
export function photo(
  width = 24,
  height = 20,
  spot: Spot = { x: 8, y: 4, size: 10, colour: 'rgb(240, 200, 40)' },
): string {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = 'rgb(10, 120, 230)';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = spot.colour;
  ctx.fillRect(spot.x, spot.y, spot.size, spot.size);
  return c.toDataURL('image/png');
}
