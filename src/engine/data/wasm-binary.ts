/**
 * The WebAssembly binary of TensorFlow.js' WASM backend, downloaded and checked by us before tfjs sees it.
 *
 * WHY. tfjs-backend-wasm fetches its `.wasm` itself, with no timeout and no check: a stalled download leaves
 * the backend initialising forever, and a damaged one fails deep inside Emscripten (or, worse, a damaged
 * function body that still validates runs). So before the backend initialises we pick the binary it will
 * pick (the same feature flag: SIMD), download it with the library's downloader (inactivity timeout, size and
 * FNV-1a from integrity.ts) and hand tfjs exactly those bytes.
 *
 * NEVER THE THREADED BINARY. Where the page is cross-origin isolated (COOP + COEP, so SharedArrayBuffer exists)
 * tfjs would load `tfjs-backend-wasm-threaded-simd.wasm`, which runs XNNPACK's ops on a pool of
 * `navigator.hardwareConcurrency` threads in every context that initialises the backend. The library already
 * spreads training over the cores with its own Workers (training/parallel.ts), and the lesson's layers are too
 * small to split: measured on 2 cores (`npm run bench -- --isolated`), the threaded binary trained the cnn 4.6×
 * slower in one Worker (6,147 images/s against 28,012) and bare tfjs 1.5× slower. So we set tfjs'
 * `WASM_HAS_MULTITHREAD_SUPPORT` flag to false before its backend reads it: the plain SIMD binary everywhere.
 *
 * HOW THE BYTES ARE HANDED OVER, and why not a `blob:` URL: `setWasmPaths(folder, true)` makes tfjs load the
 * binary through `env().platform.fetch` (its "platform fetch" option, meant for environments without a global
 * fetch) instead of Emscripten's own `fetch`; we wrap that platform method so it answers the one verified URL
 * from memory and passes everything else through. A `blob:` URL would need `connect-src blob:` under a
 * Content-Security-Policy, which the library promises not to require (`script-src 'self' 'wasm-unsafe-eval'`
 * and `connect-src 'self'` are enough); answering from memory needs nothing, and downloads the binary once.
 *
 * Light module: it receives the tfjs pieces it touches as arguments.
 */
import { assetUrl } from '../assets.js';
import { download, integrityOf } from './download.js';
import { DOWNLOAD_MESSAGES } from './download.messages.js';
import { message } from '../messages.js';

/** The parts of tfjs-core's `env()` this uses. */
export interface TfEnvLike {
  getAsync(flag: string): Promise<unknown>;
  set(flag: string, value: unknown): void;
  platform: { fetch(path: string, init?: RequestInit): Promise<Response> };
}
/** The binaries tfjs-backend-wasm 4.22 may load with its threads off (the ones the library ships). */
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'] as const;
type WasmFile = (typeof WASM_FILES)[number] | 'tfjs-backend-wasm-threaded-simd.wasm';
type WasmFileMap = Record<WasmFile, string>;

/** The part of `@tensorflow/tfjs-backend-wasm` this uses. */
export interface WasmBackendLike {
  setWasmPaths(prefixOrFileMap: string | Partial<WasmFileMap>, usePlatformFetch?: boolean): void;
}

const SERVED = Symbol.for('cnn-widgets.verifiedWasm');
type Patched = { [SERVED]?: Map<string, Uint8Array<ArrayBuffer>> };

/** The file tfjs-backend-wasm 4.22 chooses (`getPathToWasmBinary` in its backend_wasm.js). */
export function wasmFileFor(simd: boolean, threads: boolean): WasmFile {
  if (simd && threads) return 'tfjs-backend-wasm-threaded-simd.wasm';
  return simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm';
}

/**
 * Downloads and verifies the binary the backend will load from the library's `wasm/` folder, and points the
 * backend at it. Throws the downloader's error (retryable, naming the file) when it cannot; throws whatever
 * `setWasmPaths` throws when the backend was already initialised (the caller ignores that).
 */
export async function prepareWasm(wasm: WasmBackendLike, env: TfEnvLike): Promise<void> {
  // Before anything reads it: the backend's own initialisation reads this flag to choose its binary.
  env.set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const simd = await env.getAsync('WASM_HAS_SIMD_SUPPORT');
  // Each binary by its own asset URL (a bundler emits each under its own, often hashed, name: a folder plus
  // a file name would miss them), handed to tfjs as a file map.
  // tfjs' setWasmPaths wants all three names; the threaded one, which is not shipped, gets the URL it would have,
  // so that were something to turn threads back on it would fail as a missing file, not run the wrong binary.
  const files = Object.fromEntries(
    [...WASM_FILES, 'tfjs-backend-wasm-threaded-simd.wasm'].map((f) => [f, assetUrl(`wasm/${f}`)]),
  ) as WasmFileMap;
  const url = files[wasmFileFor(simd === true, false)];
  const platform = env.platform as typeof env.platform & Patched;
  const served = platform[SERVED];
  if (!served?.has(url)) {
    const expected = integrityOf(url);
    const bytes = await download(url, {
      label: message(DOWNLOAD_MESSAGES, 'download.label.wasm'),
      ...(expected ? { expected } : {}),
    });
    if (!platform[SERVED]) {
      const map = new Map<string, Uint8Array<ArrayBuffer>>();
      const real = platform.fetch.bind(platform);
      platform.fetch = (path: string, init?: RequestInit) => {
        const hit = map.get(path);
        return hit ? Promise.resolve(new Response(hit.slice())) : real(path, init);
      };
      platform[SERVED] = map;
    }
    platform[SERVED].set(url, bytes);
  }
  wasm.setWasmPaths(files, true);
}
