/**
 * Datasets for the widgets: download, verify, unpack and share a dataset in the library's format — MNIST (the
 * library's own, the default) or any folder `npx cnn-widgets pack` wrote (Fashion-MNIST, a writer's photos…).
 *
 * This module is "light": it imports no TensorFlow.js and touches no DOM, so it runs the same on the page
 * and inside the training Worker. The format is written by bin/pack/format.mjs (the packer, which also builds
 * the library's MNIST in scripts/assets/20-mnist.mjs), and read here with no case for any one dataset:
 *
 *   dataset.json      { format, version, name, classes, shape: [H, W, C], train|test: { count, files: [{ file,
 *                       start, count, bytes, rawBytes, fnv1a }] }, normalize: { mean, std }, licence, source,
 *                       checksum }
 *   <split>-<k>.u8z   raw deflate of `count` label bytes followed by `count × H × W × C` pixel bytes
 *
 * Why shards: a lesson that trains on the first 500 images should not pay for 60,000. `loadDataset` fetches
 * only the shards that hold the first `count` examples (the first shard is small on purpose).
 *
 * Why checksums everywhere: a damaged shard must be an error, never training on garbage. Each shard's inflated
 * size and FNV-1a are in dataset.json, and dataset.json carries the FNV-1a of itself (a changed count or
 * checksum is caught too). Every download goes through download.ts (inactivity timeout, classified errors).
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
 * Failures never stay cached: a rejected download is removed at once, so calling `loadDataset` again is the
 * retry. A shard that arrived damaged is re-requested with `cache: 'reload'`, so a bad copy sitting in the
 * HTTP cache (or a proxy) cannot make every retry fail the same way.
 */
import { yieldToEventLoop } from '../training/events.js';
import { assetUrl, siblingUrl } from '../assets.js';
import {
  AssetLoadError,
  damaged as damagedAs,
  download,
  fnv1a,
  type AssetErrorInit,
  type AssetErrorKind,
} from './download.js';
import { DOWNLOAD_MESSAGES } from './download.messages.js';
import { DATASET_MESSAGES } from './dataset.messages.js';
import { messagesOf, type Message } from '../messages.js';

export { fnv1a };
const sayDownload = messagesOf(DOWNLOAD_MESSAGES);
const sayData = messagesOf(DATASET_MESSAGES);

/** The `format` of every dataset.json, and the version this loader reads. */
export const DATASET_FORMAT = 'cnn-widgets-dataset';
export const DATASET_FORMAT_VERSION = 1;
/** Each side of an image, in pixels (what the trainer's networks are checked against). */
export const MIN_IMAGE_SIDE = 8;
export const MAX_IMAGE_SIDE = 64;
/** The library's own dataset (MNIST), where `baseUrl` is not given. */
export const DEFAULT_DATASET = 'mnist/dataset.json';

export type SplitName = 'train' | 'test';

/** What a dataset is, from its dataset.json: what the trainer and its followers need to know of it. */
export interface DatasetMeta {
  name: string;
  /** Class names in label order (`classes[k]` is label k). */
  classes: string[];
  /** `[height, width, channels]` of one image (channels 1 = grey, 3 = RGB). */
  shape: [number, number, number];
  /** Examples in each split. */
  counts: Record<SplitName, number>;
  /** Per-channel mean and standard deviation of the training pixels (0..1): the input standardisation. */
  normalize: { mean: number[]; std: number[] };
  licence: string;
  source: string;
  /** The absolute URL of its dataset.json. */
  url: string;
}

/** The first `count` examples of a split. The arrays belong to the caller (fresh copies: free to transfer). */
export interface DatasetSplit {
  /** `count × H × W × C` bytes, 0..255, each image row-major with its channels interleaved. */
  images: Uint8Array;
  /** `count` labels, 0 … classes − 1. */
  labels: Uint8Array;
  /** Number of examples. */
  count: number;
  /** What the dataset is (shape, classes…). */
  info: DatasetMeta;
}

/** Download progress in compressed bytes, over all the shards this call needs. */
export interface DatasetProgress {
  loaded: number;
  total: number;
  /** `loaded / total`, 0..1; never decreases; ends at exactly 1. */
  fraction: number;
  split: SplitName;
  /** The dataset's name (`MNIST`, `Fashion-MNIST`…). */
  dataset: string;
}

export interface LoadDatasetOptions {
  split: SplitName;
  /** How many examples from the start of the split (default: all). Values above the split's size are clamped. */
  count?: number;
  /**
   * Folder that holds `dataset.json` (what an element's `data-src` attribute feeds), absolute or relative to
   * the page; a URL ending in `.json` is taken as the dataset.json itself. Default: the library's own MNIST.
   */
  baseUrl?: string;
  /** Stops waiting (rejects with the signal's reason, an `AbortError`); other callers' downloads go on. */
  signal?: AbortSignal;
  onProgress?: (p: DatasetProgress) => void;
}

export type DatasetErrorKind = AssetErrorKind;

/** Why a dataset could not be loaded, in words a reader understands. `retryable`: trying again may succeed. */
export class DatasetLoadError extends AssetLoadError {
  override name = 'DatasetLoadError';
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
  /** Inflated size: count × (1 + H × W × C). */
  rawBytes: number;
  /** FNV-1a 32 of the inflated bytes, 8 hex digits. */
  fnv1a: string;
}
interface Manifest {
  meta: DatasetMeta;
  splits: Record<SplitName, { count: number; files: ShardInfo[] }>;
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

const CACHE_KEY = Symbol.for('cnn-widgets.datasetCache');

function registry(): Registry {
  const g = globalThis as { [CACHE_KEY]?: Registry };
  return (g[CACHE_KEY] ??= { entries: new Map(), failed: new Set() });
}

/**
 * Forgets every download (finished or running: running ones are cancelled) — for tests, so each starts from
 * an empty page. The browser's HTTP cache is not affected.
 */
export function clearDatasetCache(): void {
  const reg = registry();
  for (const e of reg.entries.values()) if (!e.settled) e.controller.abort();
  reg.entries.clear();
  reg.failed.clear();
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Loading the dataset was cancelled.', 'AbortError');
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

const datasetError = (message: string, init: AssetErrorInit) => new DatasetLoadError(message, init);
/** What a file is, in messages: "the Fashion-MNIST data" once dataset.json named it, else "the dataset". */
const labelOf = (name?: string) =>
  name ? sayDownload('download.label.data', { name }) : sayDownload('download.label.dataset');

/** Downloads one file of a dataset (timeout, classified errors: see download.ts). */
function get(
  url: string,
  signal: AbortSignal,
  opts: { bytes?: number; onChunk?: (n: number) => void; name?: string } = {},
) {
  return download(url, {
    signal,
    label: labelOf(opts.name),
    attribute: 'data-src',
    // The loader's own list, too: a damaged shard also marks its dataset.json (maybe stale) for a reload.
    ...(registry().failed.has(url) ? { reload: true } : {}),
    error: datasetError,
    ...(opts.bytes !== undefined ? { expected: { bytes: opts.bytes } } : {}),
    ...(opts.onChunk ? { onChunk: opts.onChunk } : {}),
  });
}

/** Inflates raw deflate with the browser's own decompressor (window and Worker alike). */
async function inflate(data: Uint8Array<ArrayBuffer>, url: string, name: string): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    const detail = sayData('dataset.cannotUnpack', { label: labelOf(name) });
    throw new DatasetLoadError(detail.text, { kind: 'unsupported', retryable: false, url, detail });
  }
  try {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    throw damaged(url, name, sayData('dataset.damaged.unpack'), err);
  }
}

const damaged = (
  url: string,
  name?: string,
  why: Message = sayData('dataset.damaged.checksum'),
  cause?: unknown,
) => {
  const detail = damagedAs(sayData('dataset.cannotLoad', { label: labelOf(name) }), url, why);
  return new DatasetLoadError(detail.text, { kind: 'corrupt', retryable: true, url, cause, detail });
};

function badFormat(url: string, why: Message): DatasetLoadError {
  const detail = sayData('dataset.format', { url, why });
  return new DatasetLoadError(detail.text, { kind: 'format', retryable: false, url, detail });
}

// ---------------------------------------------------------------------------------------------------------
// dataset.json and shards.

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isSide = (v: unknown) => isInt(v) && v >= MIN_IMAGE_SIDE && v <= MAX_IMAGE_SIDE;
const numbers = (v: unknown, n: number) =>
  Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Checks a parsed dataset.json field by field; a message names what is wrong (not retryable: a format problem). */
function validate(json: unknown, url: string): Manifest {
  const d = json as Record<string, unknown> | null;
  if (!d || typeof d !== 'object' || Array.isArray(d))
    throw badFormat(url, sayData('dataset.why.notDatasetJson'));
  if (d['format'] !== DATASET_FORMAT)
    throw badFormat(
      url,
      sayData('dataset.why.formatName', { got: String(JSON.stringify(d['format'])), format: DATASET_FORMAT }),
    );
  if (d['version'] !== DATASET_FORMAT_VERSION) {
    throw badFormat(
      url,
      sayData('dataset.why.version', { got: String(d['version']), version: DATASET_FORMAT_VERSION }),
    );
  }
  const shape = d['shape'] as unknown[];
  if (
    !Array.isArray(shape) ||
    shape.length !== 3 ||
    !isSide(shape[0]) ||
    !isSide(shape[1]) ||
    !(shape[2] === 1 || shape[2] === 3)
  )
    throw badFormat(
      url,
      sayData('dataset.why.shape', {
        min: MIN_IMAGE_SIDE,
        max: MAX_IMAGE_SIDE,
        got: String(JSON.stringify(shape)),
      }),
    );
  const [h, w, c] = shape as [number, number, number];
  const classes = d['classes'];
  if (
    !Array.isArray(classes) ||
    classes.length < 2 ||
    classes.length > 256 ||
    !classes.every((x) => typeof x === 'string' && x.trim() !== '')
  )
    throw badFormat(url, sayData('dataset.why.classes'));
  const norm = d['normalize'] as { mean?: unknown; std?: unknown } | undefined;
  if (!norm || !numbers(norm.mean, c) || !numbers(norm.std, c) || !(norm.std as number[]).every((x) => x > 0))
    throw badFormat(url, sayData('dataset.why.normalize', { channels: c }));
  const splits = {} as Manifest['splits'];
  const pixels = h * w * c;
  for (const split of ['train', 'test'] as const) {
    const s = d[split] as { count?: unknown; files?: unknown } | undefined;
    if (!s || !Array.isArray(s.files) || !isInt(s.count) || s.count < 1)
      throw badFormat(url, sayData('dataset.why.noSplit', { split }));
    let next = 0;
    for (const sh of s.files as Partial<ShardInfo>[]) {
      const ok =
        typeof sh?.file === 'string' &&
        !/^[a-z][a-z0-9+.-]*:|^\/|\.\./i.test(sh.file) && // stay inside the folder
        sh.start === next &&
        isInt(sh.count) &&
        sh.count > 0 &&
        isInt(sh.bytes) &&
        sh.bytes > 0 &&
        sh.rawBytes === sh.count * (pixels + 1) &&
        typeof sh.fnv1a === 'string';
      if (!ok) throw badFormat(url, sayData('dataset.why.shard', { file: String(sh?.file), split }));
      next += sh.count!;
    }
    if (next !== s.count)
      throw badFormat(url, sayData('dataset.why.shardCount', { split, held: next, count: s.count }));
    splits[split] = { count: s.count, files: s.files as ShardInfo[] };
  }
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  return {
    meta: {
      name: text('name') || 'Unnamed dataset',
      classes: classes.slice() as string[],
      shape: [h, w, c],
      counts: { train: splits.train.count, test: splits.test.count },
      normalize: { mean: (norm.mean as number[]).slice(), std: (norm.std as number[]).slice() },
      licence: text('licence'),
      source: text('source'),
      url,
    },
    splits,
  };
}

/**
 * Parses dataset.json's bytes. What is a format problem (not retryable) and what is damage (retryable) matters
 * here: a web page instead of JSON (a wrong `data-src` that a server answers with its HTML) or JSON of the
 * wrong shape is the former; JSON that does not parse, or does not match its own checksum, is most likely a
 * download damaged on the way, so Retry is offered.
 */
function parseDatasetJson(bytes: Uint8Array, url: string): Manifest {
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    if (/^\s*</.test(text)) throw badFormat(url, sayData('dataset.why.webPage'));
    throw damaged(url, undefined, sayData('dataset.damaged.json'), err);
  }
  // The checksum first: a changed value is damage (retryable) even when it also breaks the shape. The packer
  // always writes one; a dataset.json written by hand may leave it out.
  if (json && typeof json === 'object' && 'checksum' in json) {
    const { checksum, ...rest } = json as { checksum?: unknown };
    if (checksum !== fnv1a(new TextEncoder().encode(JSON.stringify(rest))))
      throw damaged(url, undefined, sayData('dataset.damaged.jsonChecksum'));
  }
  return validate(json, url);
}

function loadManifest(url: string, signal: AbortSignal | undefined): Promise<Manifest> {
  return join<Manifest>(url, async (sig) => parseDatasetJson(await get(url, sig), url), signal).done;
}

function loadShard(url: string, shard: ShardInfo, manifest: Manifest, signal: AbortSignal | undefined) {
  const { url: manifestUrl, name } = manifest.meta;
  return join<Uint8Array>(
    url,
    async (sig, entry) => {
      const packed = await get(url, sig, {
        bytes: shard.bytes,
        name,
        onChunk: (n) => {
          entry.loaded += n;
          for (const fn of entry.listeners) fn();
        },
      });
      const raw = await inflate(packed, url, name).catch((err: unknown) => {
        forgetManifest(manifestUrl);
        throw err;
      });
      if (raw.length !== shard.rawBytes || fnv1a(raw) !== shard.fnv1a) {
        forgetManifest(manifestUrl);
        throw damaged(url, name);
      }
      return raw;
    },
    signal,
  );
}

/**
 * A damaged shard may be a stale dataset.json (the files were redeployed) rather than a bad shard: forget
 * dataset.json too, and reload both past the HTTP cache next time.
 */
function forgetManifest(manifestUrl: string): void {
  const reg = registry();
  if (reg.entries.get(manifestUrl)?.settled) reg.entries.delete(manifestUrl);
  reg.failed.add(manifestUrl);
}

/**
 * The absolute URL of the dataset.json of `baseUrl` (a folder, or a `.json` file), or of the library's own
 * dataset (MNIST) when it is empty. Throws a `DatasetLoadError` (kind `input`) for an address that is not one.
 */
export function datasetUrl(baseUrl: string | null | undefined): string {
  const raw = baseUrl?.trim();
  if (!raw) return assetUrl(DEFAULT_DATASET);
  let href: string;
  try {
    href = new URL(raw, globalThis.location?.href).href;
  } catch (err) {
    const detail = sayData('dataset.badAddress', { address: raw });
    throw new DatasetLoadError(detail.text, { kind: 'input', retryable: false, cause: err, detail });
  }
  if (/\.json([?#].*)?$/i.test(href)) return href;
  return new URL('dataset.json', href.endsWith('/') ? href : `${href}/`).href;
}

/**
 * What the dataset at `baseUrl` is (its dataset.json, downloaded once per page and checked), without any of its
 * images. Rejects like `loadDataset`.
 */
export async function loadDatasetInfo(baseUrl?: string | null, signal?: AbortSignal): Promise<DatasetMeta> {
  if (signal?.aborted) throw abortReason(signal);
  const m = await loadManifest(datasetUrl(baseUrl), signal);
  return { ...m.meta, classes: m.meta.classes.slice() };
}

/**
 * Loads the first `count` examples of a split: fetches only the shards needed, reports progress in
 * compressed bytes, verifies sizes and checksums, and shares one download per page among all callers.
 *
 * Rejects with a `DatasetLoadError` (readable message, `retryable`), or with the signal's reason (an
 * `AbortError` DOMException) when `signal` aborts. Nothing failed or aborted stays cached: call again to retry.
 */
export async function loadDataset(opts: LoadDatasetOptions): Promise<DatasetSplit> {
  const { split, signal, onProgress } = opts;
  if (split !== 'train' && split !== 'test') {
    throw new DatasetLoadError(`Unknown split "${String(split)}": use "train" or "test".`, {
      kind: 'input',
      retryable: false,
    });
  }
  let count = opts.count;
  if (count !== undefined && (typeof count !== 'number' || !Number.isFinite(count) || count < 1)) {
    throw new DatasetLoadError(
      `The number of examples must be a whole number of at least 1, not ${String(count)}.`,
      {
        kind: 'input',
        retryable: false,
      },
    );
  }
  if (signal?.aborted) throw abortReason(signal);

  const manifestUrl = datasetUrl(opts.baseUrl);
  const manifest = await loadManifest(manifestUrl, signal);
  const info = manifest.splits[split];
  const [h, w, c] = manifest.meta.shape;
  const pixels = h * w * c;
  count = Math.min(Math.floor(count ?? info.count), info.count);
  const needed = info.files.filter((s) => s.start < count!);
  const total = needed.reduce((a, s) => a + s.bytes, 0);

  const loads = needed.map((s) => loadShard(siblingUrl(s.file, manifestUrl), s, manifest, signal));

  // Progress: the sum over the needed shards of what each shared download has received (clamped to the
  // recorded size, so a server that sends more cannot push the bar past 1), reported only when it grows.
  let last = -1;
  const dataset = manifest.meta.name;
  const report = (final = false) => {
    if (!onProgress) return;
    let loaded = final ? total : 0;
    if (!final) loads.forEach((l, i) => (loaded += Math.min(l.entry.loaded, needed[i]!.bytes)));
    if (loaded <= last) return;
    last = loaded;
    onProgress({ loaded, total, fraction: total > 0 ? loaded / total : 1, split, dataset });
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

  // Assemble fresh arrays the caller owns (it may transfer them to a Worker without breaking the cache), one
  // shard per task: all 60,000 MNIST images at once (47 MB) were a main-thread task of 40–50 ms (issue #19).
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * pixels);
  const classes = manifest.meta.classes.length;
  for (let i = 0; i < needed.length; i++) {
    if (i > 0) await yieldToEventLoop();
    const s = needed[i]!;
    const raw = shards[i]!;
    const n = Math.min(s.count, count! - s.start);
    const lab = raw.subarray(0, n);
    // A label past the classes would index past the network's outputs: damage the checksum cannot see (a
    // dataset.json that lists fewer classes than its packer wrote).
    for (let k = 0; k < n; k++) {
      if (lab[k]! >= classes)
        throw badFormat(
          siblingUrl(s.file, manifestUrl),
          sayData('dataset.why.label', { example: s.start + k, label: lab[k]!, classes }),
        );
    }
    labels.set(lab, s.start);
    images.set(raw.subarray(s.count, s.count + n * pixels), s.start * pixels);
  }
  report(true);
  return { images, labels, count, info: { ...manifest.meta, classes: manifest.meta.classes.slice() } };
}

// ---------------------------------------------------------------------------------------------------------
// Helpers for the trainer and the thumbnails.

const TO_UNIT = new Float32Array(256).map((_, i) => i / 255);

/**
 * Pixels of images `start … start + n − 1` as floats 0..1 (`n × pixels` values, `pixels` = H × W × C of one
 * image, 784 for MNIST), the network's input. `out`, when given, is filled instead of allocating.
 */
export function toFloat(
  images: Uint8Array,
  start: number,
  n: number,
  out?: Float32Array,
  pixels = 784,
): Float32Array {
  const from = start * pixels;
  const len = n * pixels;
  if (!Number.isInteger(start) || !Number.isInteger(n) || start < 0 || n < 0 || from + len > images.length) {
    throw new RangeError(
      `toFloat: images ${start}…${start + n - 1} are outside the ${images.length / pixels} given.`,
    );
  }
  const dst = out ?? new Float32Array(len);
  if (dst.length < len) throw new RangeError(`toFloat: out holds ${dst.length} values, ${len} needed.`);
  for (let i = 0; i < len; i++) dst[i] = TO_UNIT[images[from + i]!]!;
  return dst;
}
