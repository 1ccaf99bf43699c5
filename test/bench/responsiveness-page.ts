/**
 * The responsiveness page driven by `npm run bench` (scripts/bench.mjs, bundled into dist/bench/): a
 * `<cnn-trainer>` in its default Worker mode trains `?n=` images (one epoch) with a `<confusion-matrix for>` and a
 * `<feature-map for>` following it, while a PerformanceObserver for 'longtask' (Chromium) records every task of
 * the page's main thread over 50 ms from Start to the final evaluation (train-end, then the followers' updates).
 * The result lands on `window.__bench`: the longest task, how many were over 50 ms, the total blocking time (the
 * part of each over 50 ms) and, to find where they come from, the longest time spent in each kind of handler
 * (the Worker's messages, the trainer's events, animation frames), measured by wrapping them.
 *
 * This page imports only the elements — no TensorFlow.js of its own — as a blog post would.
 */
import '../../src/define/cnn-trainer.js';
import '../../src/define/confusion-matrix.js';
import '../../src/define/feature-map.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import { ReactiveElement } from 'lit';

interface Source {
  name: string;
  calls: number;
  maxMs: number;
  /** When the longest call started, ms after Start. */
  maxAt: number;
  over50: number;
  totalMs: number;
}
const sources = new Map<string, Source>();
let recording = false;
/** When each kind of event first and last came, ms after Start: to place a long task in the run. */
const seen = new Map<string, [number, number]>();
let startedAt = 0;
const note = (name: string, ms: number): void => {
  if (!recording) return;
  const at = performance.now() - startedAt;
  seen.set(name, [seen.get(name)?.[0] ?? at, at]);
  const s = sources.get(name) ?? { name, calls: 0, maxMs: 0, maxAt: 0, over50: 0, totalMs: 0 };
  s.calls++;
  s.totalMs += ms;
  if (ms > s.maxMs) {
    s.maxMs = ms;
    s.maxAt = at - ms;
  }
  if (ms > 50) s.over50++;
  sources.set(name, s);
};
function timed<A extends unknown[], R>(name: string, fn: (...a: A) => R): (...a: A) => R {
  return function (this: unknown, ...a: A): R {
    const t0 = performance.now();
    try {
      return fn.apply(this, a);
    } finally {
      note(name, performance.now() - t0);
    }
  };
}

// Where the time goes: the Worker's messages (each handler), each event the trainer or a follower dispatches
// (with its listeners), and animation-frame callbacks (the charts' and the followers' rendering).
const wrapListener = (label: string, l: EventListenerOrEventListenerObject | null) => {
  if (!l) return l;
  const f = typeof l === 'function' ? l : (e: Event) => l.handleEvent(e);
  return timed(label, f as (e: Event) => void);
};
const workerAdd = Worker.prototype.addEventListener;
const wrapped = new WeakMap<object, EventListener>();
Worker.prototype.addEventListener = function (
  this: Worker,
  type: string,
  l: EventListenerOrEventListenerObject | null,
  o?: boolean | AddEventListenerOptions,
) {
  if (!l) return;
  const w = wrapped.get(l) ?? (wrapListener(`Worker ${type} handler`, l) as EventListener);
  wrapped.set(l, w);
  return workerAdd.call(this, type, w, o);
} as typeof Worker.prototype.addEventListener;
const onmessage = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')!;
Object.defineProperty(Worker.prototype, 'onmessage', {
  ...onmessage,
  set(this: Worker, l: ((e: MessageEvent) => void) | null) {
    onmessage.set!.call(this, l ? timed('Worker message handler', l) : l);
  },
});
const dispatch = EventTarget.prototype.dispatchEvent;
EventTarget.prototype.dispatchEvent = function (this: EventTarget, e: Event) {
  if (this instanceof Worker || e.type === 'message') return dispatch.call(this, e);
  const who = this instanceof HTMLElement ? this.localName : (this.constructor?.name ?? 'EventTarget');
  const t0 = performance.now();
  try {
    return dispatch.call(this, e);
  } finally {
    note(`${who} '${e.type}' event`, performance.now() - t0);
  }
};
// Each element's update (render + updated, where the charts draw), which Lit runs in a microtask: outside the
// animation-frame callback that asked for it.
const performUpdate = ReactiveElement.prototype['performUpdate'] as (this: ReactiveElement) => void;
(ReactiveElement.prototype as unknown as { performUpdate: () => void }).performUpdate = function (
  this: ReactiveElement,
) {
  const t0 = performance.now();
  try {
    performUpdate.call(this);
  } finally {
    note(`<${this.localName}> update`, performance.now() - t0);
  }
};
const raf = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (cb) => raf(timed('animation frame callback', cb));

/** The parts of a 'long-animation-frame' entry the table reads (not yet in TypeScript's DOM types). */
interface LoafEntry extends PerformanceEntry {
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
  scripts: { invoker: string; duration: number; forcedStyleAndLayoutDuration: number }[];
}
/** One long frame: when, how long, its scripts' share (longest first), and its rendering's. */
const loafSummary = (f: LoafEntry, t0: number) => {
  const end = f.startTime + f.duration;
  return {
    at: Math.round(f.startTime - t0),
    ms: Math.round(f.duration),
    // Style and layout, then paint: from the rendering's start (or, with no rendering, nothing) to the end.
    render: f.renderStart ? Math.round(end - f.renderStart) : 0,
    styleLayout: f.styleAndLayoutStart ? Math.round(end - f.styleAndLayoutStart) : 0,
    scripts: [...f.scripts]
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 4)
      .map(
        (s) =>
          `${s.invoker} ${Math.round(s.duration)} ms${s.forcedStyleAndLayoutDuration >= 1 ? ` (forced layout ${Math.round(s.forcedStyleAndLayoutDuration)})` : ''}`,
      ),
  };
};

const w = window as unknown as { __bench?: unknown; __benchError?: string };
const q = new URLSearchParams(location.search);
const n = Number(q.get('n') ?? 3200);

async function main() {
  const tasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({
    type: 'longtask',
    buffered: true,
  });
  // What a long frame is made of (Chromium's Long Animation Frames): the scripts it ran, each with its invoker
  // and time, and how long its style, layout and paint took after them.
  const frames: PerformanceEntry[] = [];
  try {
    new PerformanceObserver((list) => frames.push(...list.getEntries())).observe({
      type: 'long-animation-frame',
      buffered: true,
    });
  } catch {
    // Not in this browser: the table goes without it.
  }
  document.body.innerHTML = `
    <cnn-trainer id="t" train-size="${n}" test-size="1000" epochs="1"${q.get('workers') ? ` workers="${q.get('workers')}"` : ''}></cnn-trainer>
    <confusion-matrix for="t"></confusion-matrix>
    <feature-map for="t" layer="conv1"></feature-map>`;
  const trainer = document.querySelector<CnnTrainer>('cnn-trainer')!;
  await trainer.updateComplete;
  await new Promise((r) => setTimeout(r, 500));
  const ended = new Promise<CustomEvent>((resolve, reject) => {
    trainer.addEventListener('train-end', (e) => resolve(e as CustomEvent), { once: true });
    trainer.addEventListener('train-error', (e) => reject(new Error((e as CustomEvent).detail.message)), {
      once: true,
    });
  });
  recording = true;
  const t0 = (startedAt = performance.now());
  void trainer.start();
  const end = await ended;
  // The final evaluation's followers: the confusion matrix and the feature map update on train-end; give their
  // rendering (and any task they queue) a second.
  await new Promise((r) => setTimeout(r, 1000));
  const t1 = performance.now();
  recording = false;
  const inRun = tasks.filter((t) => t.startTime + t.duration >= t0 && t.startTime <= t1);
  const durations = inRun.map((t) => t.duration);
  w.__bench = {
    images: n,
    seconds: (t1 - t0) / 1000,
    thread: (trainer.session as { thread?: string } | null)?.thread ?? null,
    testAccuracy: (end.detail as { testAccuracy?: number }).testAccuracy ?? null,
    longest: durations.length ? Math.max(...durations) : 0,
    over50: durations.filter((d) => d > 50).length,
    blocking: durations.reduce((a, d) => a + Math.max(0, d - 50), 0),
    tasks: inRun.map((t) => ({ at: t.startTime - t0, ms: t.duration })),
    frames: frames
      .filter((f) => f.duration > 50 && f.startTime + f.duration >= t0 && f.startTime <= t1)
      .map((f) => loafSummary(f as LoafEntry, t0)),
    // The page's own scripts fetched from Start on (the Worker's are not in the page's timeline).
    scripts: performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime >= t0 && /\.js(\?|$)/.test(r.name))
      .map(
        (r) =>
          `${r.name.split('/').pop()} ${Math.round((r as PerformanceResourceTiming).encodedBodySize / 1024)} KB`,
      ),
    seen: Object.fromEntries([...seen].map(([k, [a, b]]) => [k, [Math.round(a), Math.round(b)]])),
    sources: [...sources.values()].sort((a, b) => b.maxMs - a.maxMs),
  };
}
main().catch((e: unknown) => {
  w.__benchError = e instanceof Error ? (e.stack ?? e.message) : String(e);
});
