/**
 * The reader's wish for less motion (`prefers-reduced-motion: reduce`, WCAG 2.2.2 / 2.3.3): nothing plays or
 * animates by itself for them. Checked when something would start moving on its own (an `autoplay`, a curve's
 * transition); what the reader starts (Play) still moves, and always has a visible Pause.
 */

/** Whether the reader asked for reduced motion (false where there is no `matchMedia`, e.g. in Node). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** What a `ReducedMotionController` needs of its element. */
interface MotionHost {
  addController(c: { hostConnected?(): void; hostDisconnected?(): void }): void;
}

/**
 * Follows the reader's wish while the element is on the page: `onReduce` runs when it turns to `reduce` (the
 * reader switched it on with something playing), so what moves stops then too, not only at the next load.
 */
export class ReducedMotionController {
  private query: MediaQueryList | null = null;
  private readonly listener = (e: MediaQueryListEvent) => {
    if (e.matches) this.onReduce();
  };

  constructor(
    host: MotionHost,
    private readonly onReduce: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof matchMedia !== 'function') return;
    this.query = matchMedia('(prefers-reduced-motion: reduce)');
    this.query.addEventListener?.('change', this.listener);
  }

  hostDisconnected(): void {
    this.query?.removeEventListener?.('change', this.listener);
    this.query = null;
  }
}
