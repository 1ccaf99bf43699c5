/**
 * A watchdog for a reply that may never come (a Worker that hangs without crashing: no 'error' event, no reply).
 *
 * It counts only the time this thread was running: a tick that arrives far later than its interval (the tab
 * was frozen, or backgrounded and its timers throttled to one a minute) adds one interval, not the whole gap,
 * so a reader who comes back to a frozen tab does not find a healthy run killed for the time it was asleep.
 */
export interface Watchdog {
  /** The reply came: stop watching. */
  done(): void;
}

export function watchdog(ms: number, onTimeout: () => void, tickMs = Math.min(ms, 2000)): Watchdog {
  let waited = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const gap = now - last;
    last = now;
    waited += gap < 3 * tickMs ? gap : tickMs;
    if (waited >= ms) {
      clearInterval(timer);
      onTimeout();
    }
  }, tickMs);
  return { done: () => clearInterval(timer) };
}
