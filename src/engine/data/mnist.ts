/**
 * MNIST for the widgets: download, verify, unpack and share the official digits.
 *
 * This module is "light": it imports no TensorFlow.js and touches no DOM, so it runs the same on the page
 * and inside the training Worker. The files it reads are built by `scripts/assets/20-mnist.mjs`:
 *
 *   mnist/manifest.json     { version, splits: { train|test: { count, shards: [{ file, start, count, bytes,
 *                             rawBytes, fnv1a }] } } }
 *   mnist/<split>-<k>.u8z   raw deflate of `count` label bytes followed by `count × 784` pixel bytes
 *
 * Why shards: a lesson that trains on the first 500 images should not pay for 60,000. `loadMnist` fetches
 * only the shards that hold the first `count` examples (the first shard is small on purpose).
 *
 * Why a page-wide cache on `globalThis` (under a `Symbol.for` key): a page may hold a trainer, a confusion
 * matrix and a digit pad, possibly from two copies of the library (npm + CDN). They all want the same bytes;
 * keying the cache by absolute shard URL means each shard is downloaded once per page, and a second caller
 * that arrives while the download runs simply joins it. Repeat visits are covered by the browser's own HTTP
 * cache (the files are requested normally, never with `no-store`).
 *
 * Why reference counting on the shared downloads: callers pass their own `AbortSignal`. One caller giving up
 * must not break the download for the others, yet when the last interested caller gives up the request
 * should really stop (and leave nothing half-done in the cache, so the next call starts cleanly).
 *
 * Failures never stay cached: a rejected download is removed at once, so calling `loadMnist` again is the
 * retry. A shard that arrived damaged is re-requested with `cache: 'reload'`, so a bad copy sitting in the
 * HTTP cache (or a proxy) cannot make every retry fail the same way.
 */
import { assetUrl, siblingUrl } from '../assets.js';
import {
  AssetLoadError,
  damagedMessage,
  download,
  fnv1a,
  type AssetErrorInit,
  type AssetErrorKind,
} from './download.js';

export { fnv1a };

/** Side of an MNIST image in pixels. */
export const MNIST_SIZE = 28;
/** Pixels per MNIST image (28 × 28). */
export const MNIST_PIXELS = MNIST_SIZE * MNIST_SIZE;
/** The ten class names, indexed by label. */
export const MNIST_CLASSES: readonly string[] = Object.freeze([
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
]);
/** Examples in each split of the official data set. */
export const MNIST_COUNTS: Readonly<Record<MnistSplitName, number>> = Object.freeze({
  train: 60000,
  test: 10000,
});
/** The asset format this loader reads (`version` in manifest.json). */
export const MNIST_FORMAT_VERSION = 1;

export type MnistSplitName = 'train' | 'test';

/** The first `count` examples of a split. The arrays belong to the caller (fresh copies: free to transfer). */
export interface MnistSplit {
  /** `count × 784` bytes, 0..255, each image row-major 28×28 (white digit on black, as in the IDX files). */
  images: Uint8Array;
  /** `count` labels, 0..9. */
  labels: Uint8Array;
  /** Number of examples. */
  count: number;
}

/** Download progress in compressed bytes, over all the shards this call needs. */
export interface MnistProgress {
  loaded: number;
  total: number;
  /** `loaded / total`, 0..1; never decreases; ends at exactly 1. */
  fraction: number;
  split: MnistSplitName;
}

export interface LoadMnistOptions {
  split: MnistSplitName;
  /** How many examples from the start of the split (default: all). Values above the split's size are clamped. */
  count?: number;
  /**
   * Folder that holds `manifest.json` (what an element's `data-src` attribute feeds), absolute or relative to
   * the page; a URL ending in `.json` is taken as the manifest itself. Default: the library's own `mnist/`.
   */
  baseUrl?: string;
  /** Stops waiting (rejects with the signal's reason, an `AbortError`); other callers' downloads go on. */
  signal?: AbortSignal;
  onProgress?: (p: MnistProgress) => void;
}

export type MnistErrorKind = AssetErrorKind;

/** Why MNIST could not be loaded, in words a reader understands. `retryable`: trying again may succeed. */
export class MnistLoadError extends AssetLoadError {
  override name = 'MnistLoadError';
  constructor(message: string, opts: AssetErrorInit) {
    super(message, opts);
  }
}

interface ShardInfo {
  file: string;
  start: number;
  count: number;
  /** Compressed size: what travels, so what progress counts. */
  bytes: number;
  /** Inflated size: count × 785. */
  rawBytes: number;
  /** FNV-1a 32 of the inflated bytes, 8 hex digits. */
  fnv1a: string;
}
interface Manifest {
  version: number;
  /** FNV-1a of the manifest itself (see `selfChecksum` in scripts/assets/20-mnist.mjs); optional elsewhere. */
  checksum?: string;
  splits: Record<MnistSplitName, { count: number; shards: ShardInfo[] }>;
}

// ---------------------------------------------------------------------------------------------------------
// The page-wide cache of shared downloads.

/** One download that several callers may be waiting on. */
interface Shared<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers still waiting; when it drops to 0 before the download ends, the download is cancelled. */
  waiters: number;
  settled: boolean;
  /** Compressed bytes received so far (shards only), and who wants to hear about it. */
  loaded: number;
  listeners: Set<() => void>;
}
interface Registry {
  entries: Map<string, Shared<unknown>>;
  /** URLs whose last download failed: fetched next time with `cache: 'reload'` to bypass a bad cached copy. */
  failed: Set<string>;
}

const CACHE_KEY = Symbol.for('cnn-widgets.mnistCache');

function registry(): Registry {
  const g = globalThis as { [CACHE_KEY]?: Registry };
  return (g[CACHE_KEY] ??= { entries: new Map(), failed: new Set() });
}

/**
 * Forgets every download (finished or running: running ones are cancelled) — for tests, so each starts from
 * an empty page. The browser's HTTP cache is not affected.
 */
export function clearMnistCache(): void {
  const reg = registry();
  for (const e of reg.entries.values()) if (!e.settled) e.controller.abort();
  reg.entries.clear();
  reg.failed.clear();
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Loading MNIST was cancelled.', 'AbortError');
}

/**
 * Joins the shared download `key`, starting it with `start` if nobody has. The returned promise settles with
 * the download, or rejects early when this caller's own `signal` aborts.
 */
function join<T>(
  key: string,
  start: (signal: AbortSignal, entry: Shared<T>) => Promise<T>,
  signal: AbortSignal | undefined,
): { entry: Shared<T>; done: Promise<T> } {
  const reg = registry();
  let entry = reg.entries.get(key) as Shared<T> | undefined;
  if (!entry) {
    const e: Shared<T> = {
      promise: undefined as unknown as Promise<T>,
      controller: new AbortController(),
      waiters: 0,
      settled: false,
      loaded: 0,
      listeners: new Set(),
    };
    e.promise = start(e.controller.signal, e).then(
      (value) => {
        e.settled = true;
        reg.failed.delete(key);
        return value;
      },
      (err: unknown) => {
        e.settled = true;
        // Never keep a failure: the next call must be a real retry.
        if (reg.entries.get(key) === e) reg.entries.delete(key);
        if (!e.controller.signal.aborted) reg.failed.add(key);
        throw err;
      },
    );
    // Nobody may be listening any more (all callers aborted): don't report an unhandled rejection.
    e.promise.catch(() => undefined);
    reg.entries.set(key, e as Shared<unknown>);
    entry = e;
  }
  const shared = entry;
  shared.waiters++;
  if (!signal) return { entry: shared, done: shared.promise };
  const done = new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      shared.waiters--;
      if (shared.waiters <= 0 && !shared.settled) {
        // Last one out: stop the request and forget it, so the cache holds no half download.
        if (reg.entries.get(key) === shared) reg.entries.delete(key);
        shared.controller.abort();
      }
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
  return { entry: shared, done };
}

// ---------------------------------------------------------------------------------------------------------
// Fetching one file.

const LABEL = 'the MNIST data';
const mnistError = (message: string, init: AssetErrorInit) => new MnistLoadError(message, init);

/** Downloads one MNIST file (timeout, classified errors: see download.ts). */
function get(url: string, signal: AbortSignal, opts: { bytes?: number; onChunk?: (n: number) => void } = {}) {
  return download(url, {
    signal,
    label: LABEL,
    attribute: 'data-src',
    // The loader's own list, too: a damaged shard also marks its manifest (maybe stale) for a reload.
    ...(registry().failed.has(url) ? { reload: true } : {}),
    error: mnistError,
    ...(opts.bytes !== undefined ? { expected: { bytes: opts.bytes } } : {}),
    ...(opts.onChunk ? { onChunk: opts.onChunk } : {}),
  });
}

/** Inflates raw deflate with the browser's own decompressor (window and Worker alike). */
async function inflate(data: Uint8Array<ArrayBuffer>, url: string): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    throw new MnistLoadError(
      'This browser cannot unpack the MNIST data (it lacks DecompressionStream). Please use a current browser.',
      { kind: 'unsupported', retryable: false, url },
    );
  }
  try {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    throw damaged(url, 'it does not unpack', err);
  }
}

const damaged = (url: string, why = 'it does not match its checksum', cause?: unknown) =>
  new MnistLoadError(damagedMessage(`Could not load ${LABEL}`, url, why), {
    kind: 'corrupt',
    retryable: true,
    url,
    cause,
  });

function badFormat(url: string, why: string): MnistLoadError {
  return new MnistLoadError(`The MNIST data at ${url} is not in the format this library reads (${why}).`, {
    kind: 'format',
    retryable: false,
    url,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Manifest and shards.

function validateManifest(m: unknown, url: string): Manifest {
  const man = m as Partial<Manifest> | null;
  if (!man || typeof man !== 'object') throw badFormat(url, 'not a manifest');
  if (man.version !== MNIST_FORMAT_VERSION) {
    throw badFormat(
      url,
      `version ${String(man.version)}; this library reads version ${MNIST_FORMAT_VERSION}`,
    );
  }
  for (const split of ['train', 'test'] as const) {
    const s = man.splits?.[split];
    if (!s || !Array.isArray(s.shards) || !Number.isInteger(s.count))
      throw badFormat(url, `no "${split}" split`);
    let next = 0;
    for (const sh of s.shards) {
      const ok =
        typeof sh.file === 'string' &&
        !/^[a-z][a-z0-9+.-]*:|^\/|\.\./i.test(sh.file) && // stay inside the folder
        sh.start === next &&
        Number.isInteger(sh.count) &&
        sh.count > 0 &&
        Number.isInteger(sh.bytes) &&
        sh.bytes > 0 &&
        sh.rawBytes === sh.count * (MNIST_PIXELS + 1) &&
        typeof sh.fnv1a === 'string';
      if (!ok) throw badFormat(url, `shard ${String(sh?.file)} of "${split}" is malformed`);
      next += sh.count;
    }
    if (next !== s.count) throw badFormat(url, `"${split}" shards hold ${next} examples, not ${s.count}`);
  }
  return man as Manifest;
}

/**
 * Parses the manifest's bytes. What is a format problem (not retryable) and what is damage (retryable) matters
 * here: a web page instead of JSON (a wrong `data-src` that a server answers with its HTML) or JSON of the
 * wrong shape is the former; JSON that does not parse, or does not match its own checksum, is most likely a
 * download damaged on the way, so Retry is offered.
 */
function parseManifest(bytes: Uint8Array, url: string): Manifest {
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    if (/^\s*</.test(text)) throw badFormat(url, 'a web page, not JSON: check the address (data-src)');
    throw damaged(url, 'it is not valid JSON', err);
  }
  // The checksum first: a changed value is damage (retryable) even when it also breaks the shape. Optional
  // (a dataset packed by other tools may lack it); the library's own manifest always has one.
  if (json && typeof json === 'object' && 'checksum' in json) {
    const { checksum, ...rest } = json as { checksum?: unknown };
    if (checksum !== fnv1a(new TextEncoder().encode(JSON.stringify(rest))))
      throw damaged(url, 'its checksum does not match');
  }
  return validateManifest(json, url);
}

function loadManifest(url: string, signal: AbortSignal | undefined): Promise<Manifest> {
  return join<Manifest>(url, async (sig) => parseManifest(await get(url, sig), url), signal).done;
}

function loadShard(url: string, shard: ShardInfo, manifestUrl: string, signal: AbortSignal | undefined) {
  return join<Uint8Array>(
    url,
    async (sig, entry) => {
      const packed = await get(url, sig, {
        bytes: shard.bytes,
        onChunk: (n) => {
          entry.loaded += n;
          for (const fn of entry.listeners) fn();
        },
      });
      const raw = await inflate(packed, url).catch((err: unknown) => {
        forgetManifest(manifestUrl);
        throw err;
      });
      if (raw.length !== shard.rawBytes || fnv1a(raw) !== shard.fnv1a) {
        forgetManifest(manifestUrl);
        throw damaged(url);
      }
      return raw;
    },
    signal,
  );
}

/**
 * A damaged shard may be a stale manifest (the files were redeployed) rather than a bad shard: forget the
 * manifest too, and reload both past the HTTP cache next time.
 */
function forgetManifest(manifestUrl: string): void {
  const reg = registry();
  if (reg.entries.get(manifestUrl)?.settled) reg.entries.delete(manifestUrl);
  reg.failed.add(manifestUrl);
}

/** Resolves `baseUrl` (or the library's own folder) to the manifest's absolute URL. */
function manifestUrlFor(baseUrl: string | undefined): string {
  const raw = baseUrl?.trim();
  if (!raw) return assetUrl('mnist/manifest.json');
  let href: string;
  try {
    href = new URL(raw, globalThis.location?.href).href;
  } catch (err) {
    throw new MnistLoadError(`"${raw}" is not a valid address for the MNIST data.`, {
      kind: 'input',
      retryable: false,
      cause: err,
    });
  }
  if (/\.json([?#].*)?$/i.test(href)) return href;
  return new URL('manifest.json', href.endsWith('/') ? href : `${href}/`).href;
}

/**
 * Loads the first `count` examples of a split: fetches only the shards needed, reports progress in
 * compressed bytes, verifies sizes and checksums, and shares one download per page among all callers.
 *
 * Rejects with a `MnistLoadError` (readable message, `retryable`), or with the signal's reason (an
 * `AbortError` DOMException) when `signal` aborts. Nothing failed or aborted stays cached: call again to retry.
 */
export async function loadMnist(opts: LoadMnistOptions): Promise<MnistSplit> {
  const { split, signal, onProgress } = opts;
  if (split !== 'train' && split !== 'test') {
    throw new MnistLoadError(`Unknown MNIST split "${String(split)}": use "train" or "test".`, {
      kind: 'input',
      retryable: false,
    });
  }
  const max = MNIST_COUNTS[split];
  let count = opts.count ?? max;
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 1) {
    throw new MnistLoadError(`The number of MNIST examples must be a whole number from 1 to ${max}.`, {
      kind: 'input',
      retryable: false,
    });
  }
  if (signal?.aborted) throw abortReason(signal);

  const manifestUrl = manifestUrlFor(opts.baseUrl);
  const manifest = await loadManifest(manifestUrl, signal);
  const info = manifest.splits[split];
  count = Math.min(Math.floor(count), info.count);
  const needed = info.shards.filter((s) => s.start < count);
  const total = needed.reduce((a, s) => a + s.bytes, 0);

  const loads = needed.map((s) => loadShard(siblingUrl(s.file, manifestUrl), s, manifestUrl, signal));

  // Progress: the sum over the needed shards of what each shared download has received (clamped to the
  // manifest's size, so a server that sends more cannot push the bar past 1), reported only when it grows.
  let last = -1;
  const report = (final = false) => {
    if (!onProgress) return;
    let loaded = final ? total : 0;
    if (!final) loads.forEach((l, i) => (loaded += Math.min(l.entry.loaded, needed[i]!.bytes)));
    if (loaded <= last) return;
    last = loaded;
    onProgress({ loaded, total, fraction: total > 0 ? loaded / total : 1, split });
  };
  const listener = () => report();
  for (const l of loads) l.entry.listeners.add(listener);
  let shards: Uint8Array[];
  try {
    report();
    shards = await Promise.all(loads.map((l) => l.done));
  } catch (err) {
    // One shard failed (the others we joined finish and stay cached, which makes the retry quicker), or
    // this caller was aborted (`join` already cancelled whatever nobody else waits for).
    if (signal?.aborted) throw abortReason(signal);
    throw err;
  } finally {
    for (const l of loads) l.entry.listeners.delete(listener);
  }

  // Assemble fresh arrays the caller owns (it may transfer them to a Worker without breaking the cache).
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * MNIST_PIXELS);
  needed.forEach((s, i) => {
    const raw = shards[i]!;
    const n = Math.min(s.count, count - s.start);
    labels.set(raw.subarray(0, n), s.start);
    images.set(raw.subarray(s.count, s.count + n * MNIST_PIXELS), s.start * MNIST_PIXELS);
  });
  report(true);
  return { images, labels, count };
}

// ---------------------------------------------------------------------------------------------------------
// Helpers for the trainer and the thumbnails.

const TO_UNIT = new Float32Array(256).map((_, i) => i / 255);

/**
 * Pixels of images `start … start + n − 1` as floats 0..1 (`n × 784` values), the network's input.
 * `out`, when given, is filled instead of allocating (it must hold `n × 784` values).
 */
export function toFloat(images: Uint8Array, start: number, n: number, out?: Float32Array): Float32Array {
  const from = start * MNIST_PIXELS;
  const len = n * MNIST_PIXELS;
  if (!Number.isInteger(start) || !Number.isInteger(n) || start < 0 || n < 0 || from + len > images.length) {
    throw new RangeError(
      `toFloat: images ${start}…${start + n - 1} are outside the ${images.length / MNIST_PIXELS} given.`,
    );
  }
  const dst = out ?? new Float32Array(len);
  if (dst.length < len) throw new RangeError(`toFloat: out holds ${dst.length} values, ${len} needed.`);
  for (let i = 0; i < len; i++) dst[i] = TO_UNIT[images[from + i]!]!;
  return dst;
}
