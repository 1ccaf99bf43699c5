/**
 * Starting the training Worker — robustly, wherever the library is loaded from.
 *
 * FINDING THE FILE. The worker entry is `train-worker.ts` in source and `train-worker.js` in every build. We
 * keep bundlers' canonical pattern, `new Worker(new URL('./train-worker.<ext>', import.meta.url), { type:
 * 'module' })`, written out literally so Vite (Storybook) and rollup/esbuild plugins can find and emit the
 * worker chunk — and pick the extension from THIS module's own URL: when this file is served as `spawn.ts`
 * (the test server, Vite dev) the worker is `train-worker.ts` next to it; when it is `spawn.js` (a build that
 * keeps the module layout, e.g. `dist/engine/worker/`) the worker is `train-worker.js` next to it. A bundled
 * build that renames chunks must rewrite the `.js` pattern (what Vite/rollup worker plugins do).
 *
 * CROSS-ORIGIN. Browsers refuse `new Worker(url)` for a URL of another origin — exactly the case of a page
 * that loads us from a CDN. The standard workaround: a same-origin `blob:` module worker whose only line is
 * `import "<absolute URL of the worker module>"`; module imports may cross origins (with CORS, which CDNs send).
 * Inside it, `import.meta.url` is the CDN URL again, so assets still resolve next to the library.
 *
 * WHEN NOTHING WORKS (a strict Content-Security-Policy without `worker-src blob:`, an old browser, a file://
 * page), `startTrainWorker` rejects and the session trains on the main thread in small time slices.
 *
 * Every attempt waits for the worker's 'ready' message (sent once TensorFlow.js has loaded inside it): a
 * Worker object that constructs fine may still fail to load its module (404, CSP, syntax), which only shows as
 * an 'error' event.
 */

const IN_SOURCE = /\.ts(?:[?#]|$)/.test(import.meta.url);

/** The worker module's absolute URL (see above). */
export function trainWorkerUrl(): URL {
  return IN_SOURCE
    ? new URL('./train-worker.ts', import.meta.url)
    : new URL('./train-worker.js', import.meta.url);
}

function construct(how: 'module' | 'blob'): { worker: Worker; cleanup: () => void } {
  if (how === 'module') {
    // Literal patterns for bundlers; only one runs.
    const worker = IN_SOURCE
      ? new Worker(new URL('./train-worker.ts', import.meta.url), {
          type: 'module',
          name: 'cnn-widgets-trainer',
        })
      : new Worker(new URL('./train-worker.js', import.meta.url), {
          type: 'module',
          name: 'cnn-widgets-trainer',
        });
    return { worker, cleanup: () => undefined };
  }
  const source = `import ${JSON.stringify(trainWorkerUrl().href)};`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url, { type: 'module', name: 'cnn-widgets-trainer' });
  return { worker, cleanup: () => URL.revokeObjectURL(url) };
}

/** Waits for 'ready'; rejects on 'error'/'messageerror' or after `timeoutMs`. */
function handshake(worker: Worker, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (err) reject(err);
      else resolve();
    };
    const onMessage = (e: MessageEvent) => {
      if ((e.data as { type?: string } | null)?.type === 'ready') done();
    };
    const onError = (e: Event) => {
      e.preventDefault?.();
      done(new Error(`the worker module did not load (${(e as ErrorEvent).message || 'error event'})`));
    };
    const timer = setTimeout(
      () => done(new Error(`the worker did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

export interface StartedWorker {
  worker: Worker;
  how: 'module' | 'blob';
  /** Why earlier attempts failed (for diagnostics). */
  attempts: string[];
}

/**
 * Starts the training worker: same-origin module URL first, then the blob: wrapper. Rejects (with every
 * reason) if neither works — the caller then falls back to the main thread.
 */
export async function startTrainWorker(
  timeoutMs = 30000,
  /** Which ways to try, in order (tests force 'blob', the way a CDN page gets its worker). */
  ways: readonly ('module' | 'blob')[] = ['module', 'blob'],
): Promise<StartedWorker> {
  if (typeof Worker === 'undefined') throw new Error('Workers are not available here.');
  const attempts: string[] = [];
  for (const how of ways) {
    let started: { worker: Worker; cleanup: () => void } | null = null;
    try {
      started = construct(how); // throws SecurityError at once for a cross-origin URL
      await handshake(started.worker, timeoutMs);
      started.cleanup();
      return { worker: started.worker, how, attempts };
    } catch (e) {
      started?.worker.terminate();
      started?.cleanup();
      attempts.push(`${how}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`No training worker could start (${attempts.join('; ')}).`);
}
