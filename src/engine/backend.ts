/**
 * The one TensorFlow.js of the page, and the choice of the backend it computes on.
 *
 * WHY THIS MODULE EXISTS
 * ----------------------
 * Every tensor-using widget needs TensorFlow.js, but a page may hold several widgets (and even two copies of
 * this library, e.g. one from a CDN and one bundled by the page). TensorFlow.js itself already keeps its
 * engine and kernel registry on the global object, so two copies of tfjs-core share tensors. What they must
 * *also* share is our own work on top of it: which backend `auto` picked, the detection report, the promise
 * of an initialisation in flight (two widgets that ask at the same moment must not start two WebGPU devices),
 * and which backends were lost. All of that lives in one object on `globalThis` under a `Symbol.for` key, so
 * any copy of this module finds the same state.
 *
 * This module is on the "tensor side": it is only ever reached through a dynamic `import()` (see
 * `tensor.ts`), so its static import of tfjs-core never reaches a page that only shows `<conv-calculator>`.
 * The backends themselves are imported lazily, each only when it is probed or chosen: a page on WASM never
 * downloads the WebGPU backend's code, and vice versa.
 *
 * HOW `auto` CHOOSES
 * ------------------
 * We want the backend that trains the lesson's small CNN fastest. A *real* GPU wins; a *software* GPU
 * (SwiftShader, llvmpipe, Microsoft Basic Render…) is "no GPU": it emulates the GPU on the CPU, one shader
 * invocation at a time, and is many times slower than the WASM backend (XNNPACK + SIMD) on the same CPU —
 * and that is exactly what headless Chromium on a server, or a laptop with a blocklisted driver, gives you.
 * So:
 *   1. Ask WebGPU for its adapter (no device yet: cheap). `isFallbackAdapter` or an `architecture`/`vendor`/
 *      `description` naming SwiftShader marks it software.
 *   2. Ask WebGL2 for `UNMASKED_RENDERER_WEBGL`; SwiftShader / llvmpipe / "Software" marks it software.
 *   3. A hardware GPU that initialises is taken (if both WebGPU and WebGL are hardware, a short timed probe
 *      decides). Where the browser hides the renderer (privacy settings) we cannot tell, so a short timed
 *      probe (~a few hundred ms, one small conv + matmul, after a warm-up) races the unclear GPU against WASM.
 *   4. Otherwise WASM (with our training kernels, see kernels/wasm-training.ts), and CPU as the last resort.
 * Everything that was found and measured is kept in `backendReport()` so a widget (or a curious reader) can
 * show why.
 *
 * LOSING THE GPU
 * --------------
 * A WebGPU device can be lost (driver reset, tab in background on some systems, `device.destroy()`), and a
 * WebGL context too (`webglcontextlost`). After that, TensorFlow.js would go on returning zeros or stale
 * numbers — a training curve that silently flat-lines. We listen for both, mark the backend lost, tell
 * listeners (`onBackendLost`), and `assertBackendHealthy()` throws a clear `BackendLostError` that the trainer
 * checks after every step. The next `getTf()` never returns a lost backend: `auto` re-chooses among the rest,
 * and an explicit request for the lost one moves to the next backend in the order.
 * A read-back IN FLIGHT when the GPU goes would never come back on WebGL (the fence it waits for never passes
 * on a lost context) and fails with an unclear `AbortError` on WebGPU: every read is therefore awaited through
 * `readBack()`, which settles with the `BackendLostError` as soon as the loss is known.
 */
// The tf "namespace" handed out by getTf() is tf-ops.ts: only the tfjs-core exports the library uses, so the
// bundle tree-shakes the rest of tfjs-core (see that file).
import * as tfCore from './tf-ops.js';
// Gradients: the few training needs, registered on first getTf() (gradients.ts), not tfjs-core's
// register_all_gradients (which pulls in nearly every op).
import { registerTrainingGradients } from './gradients.js';
import { registerSoftmaxCrossEntropy } from './kernels/softmax-cross-entropy.js';
import { BACKEND_ORDER, isBackendName } from './training/config-base.js';
import type { BackendName, BackendPreference } from './training/config.js';

/** The `tf` that getTf() returns: tf-ops.ts's exports (a subset of tfjs-core, same names and functions). */
export type Tf = typeof tfCore;
// The names and validators are light (training/config.ts) so elements can validate a `backend` attribute
// without downloading TensorFlow.js; re-exported here for convenience.
export { BACKEND_ORDER, isBackendName, isBackendPreference } from './training/config-base.js';
import {
  BackendStartError,
  assertWasmAllowed,
  backendFallbackNote,
  detectWebGl,
  detectWebGpu,
  webGl2Failure,
  type BackendCandidate,
  type FallbackNote,
} from './backend-detect.js';
// Detection, policy checks and the reader's notes live in backend-detect.ts; re-exported for the engine's users.
export {
  assertWasmAllowed,
  backendFallbackNote,
  detectWebGl,
  detectWebGpu,
  gpuKind,
  platformName,
  type BackendCandidate,
  type FallbackNote,
} from './backend-detect.js';
export type { BackendName, BackendPreference } from './training/config.js';

/** What `auto` chose and why. */
export interface BackendReport {
  chosen: BackendName;
  /** One sentence a widget can show, e.g. "WebGL is a software renderer (SwiftShader); using WASM". */
  reason: string;
  /** Set when the backend in use is a fallback (an explicit request that did not start, or no WASM). */
  fallback?: FallbackNote;
  candidates: BackendCandidate[];
  /** Backends lost since the page loaded. */
  lost: BackendName[];
  /** Milliseconds `auto` took to decide. */
  decisionMs: number;
}

/** Thrown when work runs on a backend whose GPU was lost. */
export class BackendLostError extends Error {
  override name = 'BackendLostError';
  constructor(
    public readonly backend: BackendName,
    public readonly detail: string,
  ) {
    super(
      `The ${backend} backend lost its GPU (${detail}); results would be wrong, so the work was stopped.`,
    );
  }
}

/** Thrown by `getTf(name, { strict: true })` when that backend cannot start. */
export class BackendUnavailableError extends Error {
  override name = 'BackendUnavailableError';
  constructor(
    public readonly backend: BackendName,
    detail: string,
  ) {
    super(`The ${backend} backend is not available here (${detail}).`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Page-wide state (shared by every copy of this module through globalThis)
// ---------------------------------------------------------------------------------------------------------

interface EngineState {
  /** One initialisation per backend: resolves true when tf.setBackend(name) worked once. */
  init: Partial<Record<BackendName, Promise<boolean>>>;
  /** Errors seen while initialising, for the report. */
  initErrors: Partial<Record<BackendName, string>>;
  /** What kind of failure each error was (a policy the writer can change, a missing API, or a failure). */
  initCauses: Partial<Record<BackendName, FallbackNote['cause']>>;
  /** The auto decision in flight or made (reset when the chosen backend is lost). */
  auto: Promise<BackendName> | null;
  report: BackendReport | null;
  lost: Map<BackendName, string>;
  lostListeners: Set<(backend: BackendName, detail: string) => void>;
  /** tf.setBackend is global: calls are chained so two widgets never interleave a switch. */
  queue: Promise<unknown>;
}

const KEY = Symbol.for('cnn-widgets.engine.backend');
type Registry = { [KEY]?: EngineState };

function state(): EngineState {
  const g = globalThis as Registry;
  return (g[KEY] ??= {
    init: {},
    initErrors: {},
    initCauses: {},
    auto: null,
    report: null,
    lost: new Map(),
    lostListeners: new Set(),
    queue: Promise.resolve(),
  });
}

/** Runs `fn` after every earlier backend switch finished (whatever its outcome). */
function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const s = state();
  const run = s.queue.then(fn, fn);
  s.queue = run.catch(() => undefined);
  return run;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

// ---------------------------------------------------------------------------------------------------------
// Loading and initialising one backend
// ---------------------------------------------------------------------------------------------------------

/**
 * Imports a backend's package (which registers its factory with tfjs-core) — lazily, so each backend's code is
 * fetched only when it is wanted. The WASM backend additionally learns where its .wasm binaries are (next to
 * the library, `assets/wasm/`, so a CDN page needs no configuration) and gets our training kernels.
 */
async function importBackend(name: BackendName, tf: Tf): Promise<void> {
  switch (name) {
    case 'cpu': {
      await import('@tensorflow/tfjs-backend-cpu');
      // tfjs' own filter gradient is three quarters of a cnn training step on this backend; ours is ~10× faster.
      const { registerCpuTrainingKernels } = await import('./kernels/cpu-training.js');
      registerCpuTrainingKernels();
      registerSoftmaxCrossEntropy('cpu');
      return;
    }
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // Downloads and verifies the .wasm (timeout, size, checksum) and hands tfjs those bytes; a failure
      // here fails this backend with a message that names the file (data/wasm-binary.ts).
      const { prepareWasm } = await import('./data/wasm-binary.js');
      try {
        // tfjs-core's `env()` is the engine's ENV (tf-ops.ts exports `engine`, not `env`).
        const env = (tf.engine() as unknown as { ENV: import('./data/wasm-binary.js').TfEnvLike }).ENV;
        await prepareWasm(wasm, env);
      } catch (e) {
        if (!/already initiali[sz]ed/i.test((e as Error)?.message ?? '')) throw e;
        // Already initialised by someone else (another copy of the library or the page itself): the paths
        // they set are in force, and the backend works; nothing to do.
      }
      // Stock tfjs-backend-wasm cannot train a conv net (no Conv2DBackpropFilter) and is slow at the rest of
      // the backward pass; these kernels fill the gap. Idempotent, and only touches the 'wasm' registry.
      const { registerWasmTrainingKernels } = await import('./kernels/wasm-training.js');
      registerWasmTrainingKernels();
      registerSoftmaxCrossEntropy('wasm');
      return;
    }
  }
}

/** Initialises `name` once per page; resolves whether it works. Never throws. */
function initBackend(tf: Tf, name: BackendName): Promise<boolean> {
  const s = state();
  if (s.lost.has(name)) return Promise.resolve(false);
  return (s.init[name] ??= serialised(async () => {
    try {
      // Before downloading its code: a page whose policy forbids WebAssembly gets a reason, not tfjs' warning.
      if (name === 'wasm') assertWasmAllowed();
      await importBackend(name, tf);
      if (tf.findBackendFactory(name) == null) throw new Error('not supported by this browser');
      // tfjs swallows the reason a backend fails (it resolves false and logs); the commonest one we can name.
      if (name === 'webgpu') await assertWebGpuAdapter();
      const previous = tf.getBackend() as BackendName | undefined;
      // tf.setBackend resolves false (with a console warning) when the backend's factory fails.
      const ok = await tf.setBackend(name);
      if (!ok) {
        // tfjs only logged why; for WebGL (WebKit's usual failure) we ask the browser ourselves.
        const why = name === 'webgl' ? webGl2Failure() : null;
        throw why ?? new Error('initialisation failed');
      }
      watchForLoss(tf, name);
      if (name === 'wasm') {
        // A heap that cannot grow must fail an op, not hand out address 0 (kernels/wasm-heap.ts).
        const { guardWasmHeap } = await import('./kernels/wasm-heap.js');
        guardWasmHeap(tf.findBackend('wasm'));
      }
      // Initialising must not switch the page's backend under another widget's feet: restore it — but only
      // a backend we know initialised. (`tf.findBackend` of one whose async start FAILED, e.g. WebGPU with no
      // adapter, starts it again and leaves tfjs with a pending init: every op then throws "Backend … has not
      // yet been initialized".)
      if (previous && previous !== name && (await s.init[previous]) === true) await tf.setBackend(previous);
      return true;
    } catch (e) {
      s.initErrors[name] = message(e);
      s.initCauses[name] = e instanceof BackendStartError ? e.kind : 'failed';
      return false;
    }
  }));
}

/** This thread's recorded start failures, in the shape `backendFallbackNote` takes. */
function startErrors(): Partial<Record<BackendName, { detail: string; cause: FallbackNote['cause'] }>> {
  const s = state();
  const out: Partial<Record<BackendName, { detail: string; cause: FallbackNote['cause'] }>> = {};
  for (const name of BACKEND_ORDER) {
    const detail = s.lost.get(name) ?? s.initErrors[name];
    if (detail !== undefined) out[name] = { detail, cause: s.initCauses[name] ?? 'failed' };
  }
  return out;
}

/** Throws a readable error when this thread's browser offers no WebGPU adapter. */
async function assertWebGpuAdapter(): Promise<void> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)?.gpu;
  if (!gpu) throw new Error('this browser has no WebGPU here');
  if ((await gpu.requestAdapter()) == null) throw new Error('the browser offers no WebGPU adapter here');
}

/** Makes `name` the active backend (serialised with other switches). */
function activate(tf: Tf, name: BackendName): Promise<void> {
  return serialised(async () => {
    if (tf.getBackend() !== name) {
      const ok = await tf.setBackend(name);
      if (!ok) throw new BackendUnavailableError(name, 'it stopped initialising');
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Lost GPUs
// ---------------------------------------------------------------------------------------------------------

/** Device/context objects we already watch (a re-initialised backend gets a new one). */
const watched = new WeakSet<object>();

function watchForLoss(tf: Tf, name: BackendName): void {
  if (name !== 'webgpu' && name !== 'webgl') return;
  const backend = tf.findBackend(name) as unknown as {
    device?: { lost?: Promise<{ reason?: string; message?: string }> };
    gpgpu?: { gl?: { canvas?: EventTarget } } & FencePoller;
  } | null;
  if (!backend) return;
  if (name === 'webgpu') {
    const device = backend.device;
    if (device?.lost && !watched.has(device)) {
      watched.add(device);
      void device.lost.then((info) =>
        markLost('webgpu', `WebGPU device lost: ${info?.message || info?.reason || 'unknown reason'}`),
      );
    }
  } else {
    const gpgpu = backend.gpgpu;
    const canvas = gpgpu?.gl?.canvas;
    if (gpgpu && canvas && typeof canvas.addEventListener === 'function' && !watched.has(canvas)) {
      watched.add(canvas);
      canvas.addEventListener('webglcontextlost', () => {
        markLost('webgl', 'WebGL context lost');
        releaseFences(gpgpu);
      });
    }
  }
}

/** The part of tfjs-backend-webgl's GPGPUContext (4.x) that polls read-back fences. Internal, hence optional. */
interface FencePoller {
  itemsToPoll?: { isDoneFn: () => boolean; resolveFn: () => void }[];
  addItemToPoll?: (isDoneFn: () => boolean, resolveFn: () => void) => void;
}

/**
 * Stops tfjs-backend-webgl from polling, forever, fences that can no longer pass. Each WebGL read waits for a
 * fence on a 0 ms timer loop that ends only when every fence has passed — never, on a lost context: the loop
 * would spin for the life of the page (and every later read would queue another fence behind it). `readBack`
 * already stopped waiting for those reads; here their fences are declared passed, now and from now on, so the
 * loop ends and the reads finish (with meaningless numbers that nobody reads: the backend is marked lost).
 * These are internals of tfjs 4.x, used only if they look as expected: another version just keeps its loop.
 */
function releaseFences(gpgpu: object): void {
  const poller = gpgpu as FencePoller;
  if (!Array.isArray(poller.itemsToPoll) || typeof poller.addItemToPoll !== 'function') return;
  for (const item of poller.itemsToPoll) item.isDoneFn = () => true;
  poller.addItemToPoll = (_isDone, resolve) => resolve();
}

/** Records a lost backend, forgets an `auto` choice that used it and tells every listener. */
export function markLost(name: BackendName, detail: string): void {
  const s = state();
  if (s.lost.has(name)) return;
  s.lost.set(name, detail);
  delete s.init[name];
  if (s.report?.chosen === name) s.auto = null;
  if (s.report && !s.report.lost.includes(name)) s.report.lost.push(name);
  for (const listener of [...s.lostListeners]) {
    try {
      listener(name, detail);
    } catch (e) {
      console.error(e);
    }
  }
}

/** Calls `listener` when a backend loses its GPU; returns an unsubscribe function. */
export function onBackendLost(listener: (backend: BackendName, detail: string) => void): () => void {
  const s = state();
  s.lostListeners.add(listener);
  return () => s.lostListeners.delete(listener);
}

/** Whether `name` lost its GPU on this page. */
export const isBackendLost = (name: BackendName): boolean => state().lost.has(name);

/** Throws `BackendLostError` if `name` lost its GPU (checked by the trainer after every step). */
export function assertBackendHealthy(name: BackendName): void {
  const detail = state().lost.get(name);
  if (detail !== undefined) throw new BackendLostError(name, detail);
}

/**
 * How long a failed read-back waits for the loss to be announced before its own error is taken as the reason.
 * WebGPU fails a read whose device is destroyed ("The Device was lost before mapping was resolved", an
 * AbortError) a moment BEFORE `device.lost` resolves; only errors of GPU backends wait, and only this long.
 */
const LOSS_GRACE_MS = 1000;

/**
 * Awaits a read-back from `name` (`tensor.data()` and the like: `read` starts it) that settles even when the GPU
 * is lost while it is in flight. WebGL's read waits for a fence that never passes on a lost context, so a bare
 * `await t.data()` would hang the caller for ever; here the read is raced against the loss, which rejects with
 * the `BackendLostError`. Also:
 *  - on a backend already lost it throws at once, without starting the read (which would hang);
 *  - a read that completes on a lost GPU carries zeros or stale numbers: it throws instead of returning them;
 *  - a read that FAILS on a GPU backend is reported as the loss when the loss is announced soon after (see
 *    LOSS_GRACE_MS), else with its own error.
 * The listener it adds is removed when it settles (one per read: none may pile up over a long training run),
 * and a read left behind by a loss has its rejection handled (by the race), so nothing goes unhandled.
 */
export async function readBack<T>(name: BackendName, read: () => Promise<T>): Promise<T> {
  assertBackendHealthy(name);
  let stopWatching: () => void = () => undefined;
  const lost = new Promise<never>((_, reject) => {
    stopWatching = onBackendLost((backend, detail) => {
      if (backend === name) reject(new BackendLostError(name, detail));
    });
  });
  try {
    let value: T;
    try {
      value = await Promise.race([read(), lost]);
    } catch (e) {
      if (e instanceof BackendLostError || (name !== 'webgl' && name !== 'webgpu')) throw e;
      assertBackendHealthy(name);
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([lost, new Promise((resolve) => (timer = setTimeout(resolve, LOSS_GRACE_MS)))]);
      } finally {
        clearTimeout(timer);
      }
      throw e; // not announced as lost: the read failed for a reason of its own
    }
    assertBackendHealthy(name);
    return value;
  } finally {
    stopWatching();
  }
}

/**
 * A short timed probe: one small conv + relu + matmul, the shape of the lesson's work, after a warm-up run (which
 * pays for shader compilation). Returns milliseconds per iteration, read back so GPU time is included.
 */
async function probe(tf: Tf, name: BackendName, iterations = 3): Promise<number> {
  await activate(tf, name);
  const run = async () => {
    const out = tf.tidy(() => {
      const x = tf.ones([32, 28, 28, 1]) as tfCore.Tensor4D;
      const k = tf.fill([3, 3, 1, 16], 0.1) as tfCore.Tensor4D;
      const c = tf.relu(tf.conv2d(x, k, 1, 'valid'));
      const flat = tf.reshape(c, [32, -1]);
      return tf.sum(tf.matMul(flat, tf.fill([26 * 26 * 16, 64], 0.01)));
    });
    try {
      await readBack(name, () => out.data()); // a GPU lost during the probe must not hang `auto`
    } finally {
      out.dispose();
    }
  };
  await run();
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) await run();
  return (performance.now() - t0) / iterations;
}

async function chooseAuto(tf: Tf): Promise<BackendName> {
  const t0 = performance.now();
  const s = state();
  const candidates: BackendCandidate[] = [await detectWebGpu(), detectWebGl()];
  const gpus = candidates.filter((c) => !s.lost.has(c.name));
  const hardware = gpus.filter((c) => c.kind === 'hardware');
  const unclear = gpus.filter((c) => c.kind === 'unknown');
  let chosen: BackendName | null = null;
  let reason = '';

  const tryInit = async (c: BackendCandidate) => {
    c.initialised = await initBackend(tf, c.name);
    if (!c.initialised) c.error = s.initErrors[c.name];
    return c.initialised;
  };
  const timed = async (c: BackendCandidate) => {
    try {
      c.probeMs = await probe(tf, c.name);
    } catch (e) {
      c.error = message(e);
    }
    return c.probeMs ?? Infinity;
  };

  const working: BackendCandidate[] = [];
  for (const c of hardware) if (await tryInit(c)) working.push(c);
  if (working.length === 1) {
    chosen = working[0]!.name;
    reason = `hardware GPU (${working[0]!.detail}) via ${chosen}`;
  } else if (working.length > 1) {
    for (const c of working) await timed(c);
    working.sort((a, b) => (a.probeMs ?? Infinity) - (b.probeMs ?? Infinity));
    chosen = working[0]!.name;
    reason = `hardware GPU; ${chosen} was faster in a short probe`;
  }

  const wasm: BackendCandidate = { name: 'wasm', kind: 'cpu' };
  const cpu: BackendCandidate = { name: 'cpu', kind: 'cpu' };
  candidates.push(wasm, cpu);

  if (!chosen && unclear.length) {
    // The browser hides what the GPU is: race it against WASM on a small piece of real work.
    const racers: BackendCandidate[] = [];
    for (const c of unclear) if (await tryInit(c)) racers.push(c);
    if (racers.length && (await tryInit(wasm))) racers.push(wasm);
    for (const c of racers) await timed(c);
    racers.sort((a, b) => (a.probeMs ?? Infinity) - (b.probeMs ?? Infinity));
    if (racers.length && Number.isFinite(racers[0]!.probeMs)) {
      chosen = racers[0]!.name;
      reason = `GPU type unclear; ${chosen} was fastest in a short probe`;
    }
  }

  if (!chosen) {
    const software = gpus.filter((c) => c.kind === 'software');
    const why = software.length
      ? `${software.map((c) => `${c.name} is a software renderer (${c.detail})`).join('; ')}: no real GPU`
      : 'no GPU available';
    if (!s.lost.has('wasm') && (wasm.initialised ?? (await tryInit(wasm)))) {
      chosen = 'wasm';
      reason = `${why}; using WASM`;
    } else if (await tryInit(cpu)) {
      chosen = 'cpu';
      reason = `${why}; WASM failed (${wasm.error ?? 'unknown'}); using plain JavaScript (cpu)`;
    } else {
      throw new BackendUnavailableError('cpu', 'no TensorFlow.js backend could start');
    }
  }
  s.report = {
    chosen,
    reason,
    candidates,
    lost: [...s.lost.keys()],
    decisionMs: Math.round(performance.now() - t0),
  };
  const fallback = backendFallbackNote('auto', chosen, startErrors());
  if (fallback) s.report.fallback = fallback;
  return chosen;
}

// ---------------------------------------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------------------------------------

export interface GetTfOptions {
  /** With an explicit backend: throw `BackendUnavailableError` instead of falling back to the next one. */
  strict?: boolean;
}

/**
 * Loads TensorFlow.js once per page, initialises the backend and makes it the active one.
 *
 * `auto` (the default) picks as described at the top of this file (once per page; later calls reuse the
 * choice). A named backend is honoured when it initialises; otherwise the next one in
 * webgpu → webgl → wasm → cpu order that works is used (or, with `strict`, an error is thrown). The returned
 * `backend` is always the one actually in use.
 *
 * Note that TensorFlow.js has ONE active backend per thread: if two widgets on the same page ask for different
 * ones, the last call wins for new tensors (existing tensors move on first read). Training runs in a Worker,
 * which has its own TensorFlow.js and its own backend, so this rarely matters.
 */
export async function getTf(
  pref: BackendPreference = 'auto',
  options: GetTfOptions = {},
): Promise<{ tf: Tf; backend: BackendName }> {
  const tf = tfCore;
  registerTrainingGradients();
  const s = state();
  let name: BackendName;
  if (pref === 'auto') {
    if (s.auto == null) {
      const decision = chooseAuto(tf);
      s.auto = decision;
      decision.catch(() => {
        if (s.auto === decision) s.auto = null;
      });
    }
    const decision = s.auto;
    name = await decision;
    if (s.lost.has(name)) {
      // Lost since it was chosen: decide again (markLost usually cleared it already, but not if a later
      // report replaced auto's).
      if (s.auto === decision) s.auto = null;
      return getTf('auto', options);
    }
  } else {
    if (!isBackendName(pref)) throw new TypeError(`Unknown backend "${String(pref)}"`);
    if (await initBackend(tf, pref)) name = pref;
    else if (options.strict) {
      throw new BackendUnavailableError(pref, s.lost.get(pref) ?? s.initErrors[pref] ?? 'failed to start');
    } else {
      // Walk on from the requested one (webgpu → webgl → wasm → cpu); cpu always works.
      const t0 = performance.now();
      const rest = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(pref) + 1);
      let found: BackendName | null = null;
      for (const next of rest) {
        if (await initBackend(tf, next)) {
          found = next;
          break;
        }
      }
      if (!found) throw new BackendUnavailableError(pref, 'no backend could start');
      name = found;
      // Say why the request was not honoured (a widget shows `reason`; the bench prints it).
      const why = s.lost.get(pref) ?? s.initErrors[pref] ?? 'failed to start';
      s.report = {
        chosen: found,
        reason: `${pref} was asked for but did not start (${why}); using ${found}`,
        candidates: [{ name: pref, kind: 'unavailable', initialised: false, error: why }],
        lost: [...s.lost.keys()],
        decisionMs: Math.round(performance.now() - t0),
      };
      const fallback = backendFallbackNote(pref, found, startErrors());
      if (fallback) s.report.fallback = fallback;
    }
  }
  await activate(tf, name);
  return { tf, backend: name };
}

/**
 * The latest backend decision on this thread and why: `auto`'s (adapter info, software-GPU detection, probe
 * timings), or a named backend's fallback ("webgpu was asked for but did not start (…); using webgl"). Null
 * before either happened.
 */
export function backendReport(): BackendReport | null {
  return state().report;
}

/** The tf namespace without choosing a backend (for type-only helpers and tests). */
export const tfNamespace = (): Tf => tfCore;
