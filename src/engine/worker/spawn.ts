/**
 * Starting the training Worker — robustly, wherever the library is loaded from, under whatever policy the page has.
 *
 * FINDING THE FILE. Bundlers' canonical pattern, `new Worker(new URL('./train-worker.js', import.meta.url), {
 * type: 'module' })`, written out literally and naming only the `.js` file that ships: Vite, webpack 5 and
 * Parcel find it and emit the worker with no configuration, and nothing in `dist/` names a `.ts` file. In
 * `dist/` the worker is one self-contained file (rollup.config.mjs bundles it, TensorFlow.js included, with no
 * dynamic import), because a bundler that builds workers as classic scripts (Astro 5's Vite 6) refuses a
 * code-split worker. In source there is no `train-worker.js`: the test server (web-test-runner.config.mjs) and
 * Vite (Storybook) serve `train-worker.ts` for it, as they do for every `.js` import of a `.ts` module.
 *
 * CROSS-ORIGIN. Browsers refuse `new Worker(url)` for a URL of another origin — exactly the case of a page
 * that loads us from a CDN. The standard workaround: a same-origin `blob:` module worker whose only line is
 * `import "<absolute URL of the worker module>"`; module imports may cross origins (with CORS, which CDNs send).
 * Inside it, `import.meta.url` is the CDN URL again, so assets still resolve next to the library. We go straight
 * to it when the worker's origin is not the page's: Chromium throws at once for the cross-origin module URL, but
 * Firefox fires an error event, which it also logs in red on every page that embeds us.
 *
 * TRUSTED TYPES. A page with `require-trusted-types-for 'script'` accepts only a TrustedScriptURL in
 * `new Worker()`. Where the browser has `trustedTypes` we make ours through one named policy, `cnn-widgets`
 * (the page lists it: `trusted-types cnn-widgets`), that lets through nothing but the training worker's own
 * URL and the blob: URLs of this page: both the module URL and the blob: wrapper go through it. The policy is
 * kept on `globalThis`, so a second copy of the library reuses it (a second `createPolicy` of the same name is
 * itself a violation). One catch: a bundler only recognises the literal pattern above, so where a bundler has
 * rewritten that literal (its text no longer reads `'./train-worker.js'`), its URL is one only the literal
 * knows, and the literal runs as written (a Trusted Types page then needs the bundler's own policy support).
 *
 * WHEN NOTHING WORKS (a strict Content-Security-Policy without `worker-src blob:`, a Trusted Types policy
 * without `cnn-widgets`, an old browser, a file:// page), `startTrainWorker` rejects with a `WorkerStartError`
 * whose `note` says, for the reader, why training runs on the page's own thread and what the page must allow;
 * the session then trains on the main thread in small time slices and the trainer shows that note.
 *
 * Every attempt waits for the worker's 'ready' message (sent once TensorFlow.js has loaded inside it): a
 * Worker object that constructs fine may still fail to load its module (404, CSP, syntax), which only shows as
 * an 'error' event. A CSP block also fires a `securitypolicyviolation` event on the page, which is how we tell
 * "the policy forbids it" (the writer can fix that) from "it failed" — the error event itself says nothing.
 */
import type { FallbackNote } from '../backend.js';
import { messagesOf, type Message } from '../messages.js';
import { FALLBACK_MESSAGES } from '../fallback.messages.js';

const say = messagesOf(FALLBACK_MESSAGES);

/**
 * The worker file, deliberately NOT a literal in `new URL()` here: a bundler would emit the file a second time
 * as a plain asset (Vite: a data: or hashed URL of the unbundled module), and the page would then take it for
 * a cross-origin worker. Only `literalWorker` below shows bundlers the worker.
 */
const WORKER_FILE = './train-worker.js';
/** Not `new URL(WORKER_FILE, import.meta.url)` either: webpack makes that a module lookup that throws. */
const moduleUrl = () => import.meta.url;

/** The worker module's absolute URL (see above); where a bundler renamed the worker, only the literal knows it. */
export function trainWorkerUrl(): URL {
  return new URL(WORKER_FILE, moduleUrl());
}

const OPTIONS: WorkerOptions = { type: 'module', name: 'cnn-widgets-trainer' };

/** The bundler-facing literal: the only place a bundler can find (and rewrite) the worker's URL. */
function literalWorker(): Worker {
  return new Worker(new URL('./train-worker.js', import.meta.url), {
    type: 'module',
    name: 'cnn-widgets-trainer',
  });
}

/**
 * Whether `literalWorker` still reads as we wrote it, i.e. no bundler rewrote its URL — then `trainWorkerUrl()`
 * is exactly the URL it loads, and the Trusted Types path may use that instead. (Function source text is what
 * the browser received; minifiers change quotes and spaces, not the relative path.)
 */
const LITERAL_INTACT = /new\s+URL\(\s*["'`]\.\/train-worker\.js["'`]\s*,\s*import\.meta\.url\s*\)/.test(
  String(literalWorker),
);

// ---------------------------------------------------------------------------------------------- Trusted Types

/** The name pages allow in `trusted-types …` (docs/CSP.md). */
export const TRUSTED_TYPES_POLICY = 'cnn-widgets';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

const POLICY_KEY = Symbol.for('cnn-widgets.trusted-types-policy');
type PolicyRegistry = { [POLICY_KEY]?: { policy: ScriptUrlPolicy | null; error: string | null } };

/** What our policy lets through: the training worker's module (any copy of the library) or a blob: of this page. */
function allowedScriptUrl(url: string): string {
  const u = new URL(url, globalThis.location?.href);
  const sameOriginBlob = u.protocol === 'blob:' && url.startsWith(`blob:${globalThis.location?.origin}/`);
  if (sameOriginBlob || /\/train-worker\.[jt]s$/.test(u.pathname)) return url;
  throw new TypeError(
    `The ${TRUSTED_TYPES_POLICY} policy only creates the training worker's URL, not ${url}.`,
  );
}

/**
 * The page's `cnn-widgets` Trusted Types policy (created once per page, shared by every copy of the library),
 * or null where the browser has no Trusted Types or the page does not allow the name (`error` then says so).
 */
function trustedTypesPolicy(): { policy: ScriptUrlPolicy | null; error: string | null } {
  const g = globalThis as PolicyRegistry & { trustedTypes?: TrustedTypesLike };
  if (!g.trustedTypes) return { policy: null, error: null };
  return (g[POLICY_KEY] ??= (() => {
    try {
      const policy = g.trustedTypes.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: allowedScriptUrl });
      return { policy, error: null };
    } catch (e) {
      return { policy: null, error: e instanceof Error ? e.message : String(e) };
    }
  })());
}

/** `url` as the Worker constructor of this page accepts it: a TrustedScriptURL where possible, else the string. */
function scriptUrl(url: string): string {
  return (trustedTypesPolicy().policy?.createScriptURL(url) as string | undefined) ?? url;
}

// ---------------------------------------------------------------------------------------------- attempts

function construct(how: 'module' | 'blob'): { worker: Worker; cleanup: () => void } {
  if (how === 'module') {
    const worker =
      trustedTypesPolicy().policy && LITERAL_INTACT
        ? new Worker(scriptUrl(trainWorkerUrl().href), OPTIONS)
        : literalWorker();
    return { worker, cleanup: () => undefined };
  }
  const source = `import ${JSON.stringify(trainWorkerUrl().href)};`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return { worker: new Worker(scriptUrl(url), OPTIONS), cleanup: () => URL.revokeObjectURL(url) };
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
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

/** One failed attempt: how, the error, and the CSP directives the page reported violated meanwhile. */
interface Attempt {
  how: 'module' | 'blob';
  error: unknown;
  violated: string[];
}

/** Whether a URL is of another origin than the page (the CDN case). */
function crossOrigin(url: URL): boolean {
  const origin = globalThis.location?.origin;
  return typeof origin === 'string' && origin !== 'null' && url.origin !== origin;
}

/** The note of training on the main thread instead of a Worker, for this cause and reason (`thread.*`). */
export function threadNote(cause: FallbackNote['cause'], why: Message): FallbackNote {
  const detail = say('thread.note', { why });
  return { what: 'thread', wanted: 'worker', used: 'main', cause, message: detail.text, detail };
}

/** The note a reader sees when no Worker started: why, and (for a policy) what the page must allow. */
export function threadFallbackNote(
  attempts: readonly Attempt[],
  workerUrl: URL = trainWorkerUrl(),
): FallbackNote {
  const errors = attempts.map((a) => a.error);
  const tt = errors.find(
    (e) => e instanceof TypeError && /trusted ?script ?url|trusted.?types/i.test(e.message),
  );
  const policyError = trustedTypesPolicy().error;
  if (tt || policyError) {
    return threadNote('trusted-types', say('thread.trustedTypes', { policy: TRUSTED_TYPES_POLICY }));
  }
  const blocked = attempts.filter(
    (a) =>
      a.violated.some((d) => /^(worker-src|script-src|child-src|default-src)/.test(d)) ||
      (a.error instanceof Error && a.error.name === 'SecurityError' && /polic/i.test(a.error.message)),
  );
  if (blocked.some((a) => a.how === 'blob')) {
    return threadNote('csp', say('thread.cspBlob'));
  }
  if (blocked.length) {
    return threadNote('csp', say('thread.csp', { origin: workerUrl.origin }));
  }
  if (typeof Worker === 'undefined') return threadNote('unsupported', say('thread.unsupported'));
  const detail = attempts.map(
    (a) => `${a.how}: ${a.error instanceof Error ? a.error.message : String(a.error)}`,
  );
  return threadNote('failed', say('thread.failed', { detail: detail.join('; ') }));
}

/** Thrown when no training worker could start; `note` is what the trainer shows. */
export class WorkerStartError extends Error {
  override name = 'WorkerStartError';
  constructor(
    readonly attempts: string[],
    readonly note: FallbackNote,
  ) {
    super(`No training worker could start (${attempts.join('; ')}).`);
  }
}

export interface StartedWorker {
  worker: Worker;
  how: 'module' | 'blob';
  /** Why earlier attempts failed (for diagnostics). */
  attempts: string[];
}

/** The ways to try for this page: a worker on another origin can only come from a blob: of this page. */
export function defaultWays(workerUrl: URL = trainWorkerUrl()): ('module' | 'blob')[] {
  // A bundler rewrote the literal: it emitted the worker with the page (same origin), and only the literal
  // knows its URL, so no blob: wrapper can name it.
  if (!LITERAL_INTACT) return ['module'];
  return crossOrigin(workerUrl) ? ['blob'] : ['module', 'blob'];
}

/** Records the CSP directives the page reports violated (the reason an error event hides); returns a stop. */
function watchViolations(violated: string[]): () => void {
  // Fired at the document (and bubbling to the window) on a page, at the global scope in a worker.
  const target = (globalThis.document ?? globalThis) as unknown as Partial<EventTarget>;
  const onViolation = (e: Event) =>
    violated.push((e as SecurityPolicyViolationEvent).effectiveDirective || 'unknown');
  target.addEventListener?.('securitypolicyviolation', onViolation);
  return () => target.removeEventListener?.('securitypolicyviolation', onViolation);
}

/** Lets the page's `securitypolicyviolation` event, queued together with the worker's error, arrive first. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Starts the training worker: same-origin module URL first, then the blob: wrapper (only the latter for a
 * library on another origin). Rejects with a `WorkerStartError` (every reason, and the note for the reader)
 * if neither works — the caller then falls back to the main thread.
 */
export async function startTrainWorker(
  timeoutMs = 30000,
  /** Which ways to try, in order (tests force 'blob', the way a CDN page gets its worker). */
  ways: readonly ('module' | 'blob')[] = defaultWays(),
): Promise<StartedWorker> {
  const failed: Attempt[] = [];
  const attempts: string[] = [];
  if (typeof Worker === 'undefined') {
    throw new WorkerStartError(['Workers are not available here.'], threadFallbackNote([]));
  }
  for (const how of ways) {
    let started: { worker: Worker; cleanup: () => void } | null = null;
    const violated: string[] = [];
    const stopWatching = watchViolations(violated);
    try {
      started = construct(how); // throws at once for a cross-origin URL or a Trusted Types refusal
      await handshake(started.worker, timeoutMs);
      started.cleanup();
      return { worker: started.worker, how, attempts };
    } catch (e) {
      started?.worker.terminate();
      started?.cleanup();
      await nextTask();
      failed.push({ how, error: e, violated });
      attempts.push(`${how}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      stopWatching();
    }
  }
  throw new WorkerStartError(attempts, threadFallbackNote(failed));
}
