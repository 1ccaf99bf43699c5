/**
 * The reader's wish for less motion (`prefers-reduced-motion: reduce`, WCAG 2.2.2 / 2.3.3): nothing plays or
 * animates by itself for them. Checked when something would start moving on its own (an `autoplay`, a curve's
 * transition); what the reader starts (Play) still moves, and always has a visible Pause.
 */

/** Whether the reader asked for reduced motion (false where there is no `matchMedia`, e.g. in Node). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
