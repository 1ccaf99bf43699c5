/**
 * What the backend module needs to know about this browser before it starts a backend, kept apart from the
 * starting itself (backend.ts): whether the page's policy lets WebAssembly compile, why WebGL did not come up
 * (tfjs only logs it), the note a reader gets when training runs somewhere slower than it should, and how a GPU
 * is told apart from a software renderer (`gpuKind`, `detectWebGpu`, `detectWebGl`). No TensorFlow.js here.
 */
import type { BackendName, BackendPreference } from './training/config.js';
import { messagesOf, type Message } from './messages.js';
import { FALLBACK_MESSAGES } from './fallback.messages.js';

const say = messagesOf(FALLBACK_MESSAGES);

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What we learnt about one candidate backend. */
export interface BackendCandidate {
  name: BackendName;
  /** 'hardware' | 'software' | 'unknown' for GPUs; 'cpu' for wasm/cpu; 'unavailable' when the API is missing. */
  kind: 'hardware' | 'software' | 'unknown' | 'cpu' | 'unavailable';
  /** Adapter / renderer description as the browser reports it. */
  detail?: string;
  /** Whether tf.setBackend() succeeded (undefined: not tried). */
  initialised?: boolean;
  /** Milliseconds per probe iteration (undefined: not probed). */
  probeMs?: number;
  error?: string;
}

/**
 * A fallback a reader should know about: training runs somewhere slower than it was meant to, and why — in one
 * sentence a widget shows as it is (`message`), and as a `cause` a script can act on: `csp` (the page's
 * Content-Security-Policy forbids it: the writer can allow it, docs/CSP.md), `trusted-types` (the page's Trusted
 * Types policy does not allow ours), `unsupported` (this browser or device has no such thing), `failed` (it
 * exists but did not start).
 */
export interface FallbackNote {
  /** What fell back: the TensorFlow.js backend, or the thread training runs on. */
  what: 'backend' | 'thread';
  /** What was wanted: a backend name (`auto`'s wish is `wasm` when it ends on `cpu`), or `worker`. */
  wanted: string;
  /** What is used instead: a backend name, or `main`. */
  used: string;
  cause: 'csp' | 'trusted-types' | 'unsupported' | 'failed';
  /** The English sentence (`detail.text`). */
  message: string;
  /** The note as data (key and values), for the reader's language (see messages.ts). */
  detail?: Message;
}

/** A backend that cannot start for a reason we can name (`cause`), rather than tfjs' bare "failed". */
export class BackendStartError extends Error {
  constructor(
    message: string,
    readonly kind: FallbackNote['cause'],
  ) {
    super(message);
  }
}

/** The smallest valid WebAssembly module (the magic number and version): compiling it costs nothing. */
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** How browsers word a WebAssembly compile refused by the page's CSP (Chromium, Firefox, WebKit). */
const CSP_REFUSAL = /content.security.polic|\bCSP\b|unsafe-eval|wasm-eval/i;

/**
 * Throws a `BackendStartError` when this thread cannot compile WebAssembly: no `WebAssembly` at all, or a
 * Content-Security-Policy without 'wasm-unsafe-eval' (Chromium and Firefox throw a CompileError, WebKit an
 * EvalError, each naming the policy). Compiling the empty module is synchronous and logs nothing.
 */
export function assertWasmAllowed(): void {
  if (typeof WebAssembly === 'undefined' || typeof WebAssembly.Module !== 'function')
    throw new BackendStartError('this browser has no WebAssembly', 'unsupported');
  try {
    new WebAssembly.Module(EMPTY_WASM);
  } catch (e) {
    const blocked = (e instanceof Error && e.name === 'EvalError') || CSP_REFUSAL.test(message(e));
    throw new BackendStartError(
      blocked ? `this page's Content-Security-Policy blocks WebAssembly (${message(e)})` : message(e),
      blocked ? 'csp' : 'failed',
    );
  }
}

/**
 * Why TensorFlow.js' WebGL backend could not start, asked of the browser directly (tfjs resolves false and only
 * logs): a WebGL2 context with tfjs' own attributes — `failIfMajorPerformanceCaveat` included, which is what a
 * software renderer (WebKitGTK's, for one) refuses — and the browser's `webglcontextcreationerror` message.
 * Null when such a context does come up (tfjs then failed later, for a reason of its own).
 */
export function webGl2Failure(): BackendStartError | null {
  const attempt = (caveat: boolean): { ok: boolean; status: string } => {
    const canvas = newCanvas();
    if (!canvas) return { ok: false, status: 'no canvas (neither OffscreenCanvas nor a document)' };
    let status = '';
    const onError = (e: Event) => (status = (e as WebGLContextEvent).statusMessage ?? '');
    canvas.addEventListener('webglcontextcreationerror', onError);
    try {
      const gl = canvas.getContext('webgl2', {
        alpha: false,
        antialias: false,
        premultipliedAlpha: false,
        preserveDrawingBuffer: false,
        depth: false,
        stencil: false,
        failIfMajorPerformanceCaveat: caveat,
      }) as WebGL2RenderingContext | null;
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
      return { ok: gl != null, status };
    } catch (e) {
      return { ok: false, status: message(e) };
    } finally {
      canvas.removeEventListener('webglcontextcreationerror', onError);
    }
  };
  const strict = attempt(true);
  if (strict.ok) return null;
  const said = strict.status ? `: ${strict.status}` : '';
  if (attempt(false).ok) {
    return new BackendStartError(
      `the browser offers WebGL2 only with a "major performance caveat" (a software renderer), which TensorFlow.js refuses${said}`,
      'unsupported',
    );
  }
  return new BackendStartError(
    `the browser gives no WebGL2 context${said || ' (no reason given)'}`,
    'unsupported',
  );
}

/** A throwaway canvas on this thread (OffscreenCanvas in Workers), or null. */
function newCanvas(): HTMLCanvasElement | OffscreenCanvas | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1);
  if (typeof document !== 'undefined') return document.createElement('canvas');
  return null;
}

/**
 * The note for a reader when training does not run on the backend it should: `wanted` (the request; `auto`
 * when it had to go below WASM) did not start, `used` runs instead. Null when there is nothing to say.
 */
export function backendFallbackNote(
  wanted: BackendPreference,
  used: BackendName,
  errors: Partial<Record<BackendName, { detail: string; cause: FallbackNote['cause'] }>>,
): FallbackNote | null {
  if (wanted === used) return null;
  const wasm = errors.wasm;
  const asked = wanted === 'auto' ? 'wasm' : wanted;
  const own = errors[asked as BackendName];
  if (used === 'cpu' && wasm) {
    const why =
      wasm.cause === 'csp'
        ? say('fallback.whyCsp')
        : wasm.cause === 'unsupported'
          ? say('fallback.whyNoWasm')
          : say('fallback.whyWasmFailed', { detail: wasm.detail });
    const detail =
      asked !== 'wasm' && own
        ? say('fallback.cpuAlso', { why, asked, detail: own.detail })
        : say('fallback.cpu', { why });
    return { what: 'backend', wanted: asked, used, cause: wasm.cause, message: detail.text, detail };
  }
  if (wanted === 'auto') return null; // auto's own choice, explained by `reason`
  const detail = say('fallback.instead', { used, wanted, detail: own?.detail ?? say('fallback.noReason') });
  return { what: 'backend', wanted, used, cause: own?.cause ?? 'failed', message: detail.text, detail };
}

// ---------------------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------------------

const SOFTWARE_GPU = /swiftshader|llvmpipe|softpipe|software|basic render|lavapipe/i;

/**
 * A GPU name that says nothing: WebKit reports every renderer as "Apple GPU" (vendor "Apple Inc."), its
 * software one on Linux (WebKitGTK, WPE) included; on an Apple device it is the real GPU.
 */
const isGenericApple = (words: string) =>
  /apple/i.test(words) && words.replace(/apple\s+inc\.?|apple|webkit|gpu/gi, '').trim() === '';

/**
 * The platform this thread runs on: `userAgentData.platform`, else `navigator.platform`, else the user agent — in
 * that order, because WebKitGTK may send a Mac user agent for compatibility while its `platform` says Linux.
 */
export function platformName(): string {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  return nav?.userAgentData?.platform || nav?.platform || nav?.userAgent || '';
}

const APPLE_PLATFORM = /mac|iphone|ipad|ipod|ios/i;

/**
 * How far a GPU's self-description can be trusted: `software` when it names an emulator, `unknown` when it names
 * nothing (hidden, or a generic "Apple GPU" on a platform that is not Apple's — WebKit's software renderer on
 * Linux says exactly that), else `hardware`. `unknown` makes `auto` time a short probe instead of trusting it.
 */
export function gpuKind(
  words: string,
  platform: string = platformName(),
): 'hardware' | 'software' | 'unknown' {
  if (SOFTWARE_GPU.test(words)) return 'software';
  if (!words.trim()) return 'unknown';
  if (isGenericApple(words) && !APPLE_PLATFORM.test(platform)) return 'unknown';
  return 'hardware';
}

interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<{
    isFallbackAdapter?: boolean;
    info?: {
      vendor?: string;
      architecture?: string;
      device?: string;
      description?: string;
      isFallbackAdapter?: boolean;
    };
    requestAdapterInfo?: () => Promise<{
      vendor?: string;
      architecture?: string;
      device?: string;
      description?: string;
    }>;
  } | null>;
}

/** Classifies the WebGPU adapter without creating a device. */
export async function detectWebGpu(): Promise<BackendCandidate> {
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return { name: 'webgpu', kind: 'unavailable', detail: 'navigator.gpu is missing' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { name: 'webgpu', kind: 'unavailable', detail: 'no adapter' };
    const info = adapter.info ?? (adapter.requestAdapterInfo ? await adapter.requestAdapterInfo() : {}) ?? {};
    const words = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
    const fallback =
      adapter.isFallbackAdapter === true ||
      (info as { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
    const kind = fallback ? 'software' : gpuKind(words);
    return {
      name: 'webgpu',
      kind,
      detail: (fallback ? 'fallback adapter ' : '') + (words || '(no adapter info)'),
    };
  } catch (e) {
    return { name: 'webgpu', kind: 'unavailable', detail: message(e) };
  }
}

/** Classifies WebGL2 by its unmasked renderer string (a throwaway context, released at once). */
export function detectWebGl(): BackendCandidate {
  try {
    const canvas: HTMLCanvasElement | OffscreenCanvas | null =
      typeof OffscreenCanvas !== 'undefined'
        ? new OffscreenCanvas(1, 1)
        : typeof document !== 'undefined'
          ? document.createElement('canvas')
          : null;
    if (!canvas) return { name: 'webgl', kind: 'unavailable', detail: 'no canvas' };
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return { name: 'webgl', kind: 'unavailable', detail: 'no WebGL2 context' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) ?? '') : '';
    const vendor = ext ? String(gl.getParameter(ext.UNMASKED_VENDOR_WEBGL) ?? '') : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // free the context slot: browsers cap them (~16)
    const words = `${vendor} ${renderer}`.trim();
    const kind = renderer ? gpuKind(words) : 'unknown';
    return { name: 'webgl', kind, detail: words || '(renderer hidden)' };
  } catch (e) {
    return { name: 'webgl', kind: 'unavailable', detail: message(e) };
  }
}
