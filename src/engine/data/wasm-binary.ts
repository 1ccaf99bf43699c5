/**
 * The WebAssembly binary of TensorFlow.js' WASM backend, downloaded and checked by us before tfjs sees it.
 *
 * WHY. tfjs-backend-wasm fetches its `.wasm` itself, with no timeout and no check: a stalled download leaves
 * the backend initialising forever, and a damaged one fails deep inside Emscripten (or, worse, a damaged
 * function body that still validates runs). So before the backend initialises we pick the binary it will
 * pick (the same feature flags: SIMD, and threads where the page is cross-origin isolated), download it with
 * the library's downloader (inactivity timeout, size and FNV-1a from integrity.ts) and hand tfjs exactly
 * those bytes.
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
  platform: { fetch(path: string, init?: RequestInit): Promise<Response> };
}
/** The binaries tfjs-backend-wasm 4.22 may load. */
const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;
type WasmFileMap = Record<(typeof WASM_FILES)[number], string>;

/** The part of `@tensorflow/tfjs-backend-wasm` this uses. */
export interface WasmBackendLike {
  setWasmPaths(prefixOrFileMap: string | Partial<WasmFileMap>, usePlatformFetch?: boolean): void;
}

const SERVED = Symbol.for('cnn-widgets.verifiedWasm');
type Patched = { [SERVED]?: Map<string, Uint8Array<ArrayBuffer>> };

/** The file tfjs-backend-wasm 4.22 chooses (`getPathToWasmBinary` in its backend_wasm.js). */
export function wasmFileFor(simd: boolean, threads: boolean): (typeof WASM_FILES)[number] {
  if (simd && threads) return 'tfjs-backend-wasm-threaded-simd.wasm';
  return simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm';
}

/**
 * Downloads and verifies the binary the backend will load from the library's `wasm/` folder, and points the
 * backend at it. Throws the downloader's error (retryable, naming the file) when it cannot; throws whatever
 * `setWasmPaths` throws when the backend was already initialised (the caller ignores that).
 */
export async function prepareWasm(wasm: WasmBackendLike, env: TfEnvLike): Promise<void> {
  const [simd, threads] = await Promise.all([
    env.getAsync('WASM_HAS_SIMD_SUPPORT'),
    env.getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  ]);
  // Each binary by its own asset URL (a bundler emits each under its own, often hashed, name: a folder plus
  // a file name would miss them), handed to tfjs as a file map.
  const files = Object.fromEntries(WASM_FILES.map((f) => [f, assetUrl(`wasm/${f}`)])) as WasmFileMap;
  const url = files[wasmFileFor(simd === true, threads === true)];
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
