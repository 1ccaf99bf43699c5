/**
 * One careful download, shared by every loader of the library's files (MNIST shards and manifest, the
 * pretrained weights, the sample photos, the WASM binaries).
 *
 * WHY ONE FUNCTION. A reader's network fails in a handful of ways, and each loader used to meet them on its
 * own, with gaps: a stalled response (headers, a few bytes, then silence) waited forever, a connection reset
 * while reading the manifest was called a format problem, a same-length file with flipped bytes was used as
 * if it were good. Here every download:
 *
 *   - times out on INACTIVITY, not on total time: the timer restarts with every chunk, so a slow but living
 *     connection keeps going (and keeps reporting progress), and a silent one fails after `stallMs`
 *     (default 20 s, page-wide `setDownloadTimeout`, or per call);
 *   - classifies what went wrong: `network` (fetch rejected: offline, reset, DNS, CORS), `http` (a status
 *     that is not 2xx), `timeout`, `truncated` (fewer bytes than recorded, or the body broke off), `corrupt`
 *     (right length, wrong checksum, or more bytes than recorded). All of these are RETRYABLE: a transient
 *     fault is the likeliest cause even of a damaged file (a proxy, a half-deployed CDN). Only the loaders
 *     that read the bytes decide that something is a real format problem (not retryable);
 *   - names the file and says what to try, in every message ("Could not download … (Failed to fetch for
 *     https://…/train-0.u8z): check your connection and press Retry."), because a browser's own "Failed to
 *     fetch" says neither;
 *   - checks the size and FNV-1a checksum recorded when the library was built, when the caller has them
 *     (see integrity.ts).
 *
 * WHY FNV-1a AND NOT SHA-256. `crypto.subtle` exists only in secure contexts: a lesson served from
 * `http://192.168.…` would lose the check. This is about accidental damage, not an adversary (the page
 * trusts the server it loads its code from anyway); a 32-bit FNV-1a catches any flipped byte, runs about
 * 1 GB/s in JS (≈ 0.3 ms for the 182 KB of weights) and is four lines on both sides (build and browser).
 *
 * Light module: no TensorFlow.js, no DOM; runs on the page and in the training Worker alike.
 */
import { assetPathOf } from '../assets.js';
import { INTEGRITY } from './integrity.js';
import { messagesOf, type Message } from '../messages.js';
import { DOWNLOAD_MESSAGES } from './download.messages.js';

export { DOWNLOAD_MESSAGES } from './download.messages.js';
const say = messagesOf(DOWNLOAD_MESSAGES);

/** What went wrong with a download (or, for the loaders, with what it contained). */
export type AssetErrorKind =
  'network' | 'http' | 'timeout' | 'truncated' | 'corrupt' | 'format' | 'unsupported' | 'input';

/** What a loader's error class is built from (`MnistLoadError`, `PretrainedLoadError`, …). */
export interface AssetErrorInit {
  kind: AssetErrorKind;
  retryable: boolean;
  url?: string;
  status?: number;
  cause?: unknown;
  /** The failure as a message (key and values), for an element to say in the reader's language. */
  detail?: Message;
}

/** A failed asset load, in words a reader understands; `retryable`: trying again may succeed. */
export class AssetLoadError extends Error {
  override name = 'AssetLoadError';
  /** True when a later attempt may succeed (network, HTTP, timeout, cut-short or damaged download). */
  retryable: boolean;
  /** The file that failed, when one did. */
  url?: string;
  /** HTTP status, for `kind === 'http'`. */
  status?: number;
  /** What went wrong, for code that wants to react differently. */
  kind: AssetErrorKind;
  /** The same failure as a message (key and values): an element says it in the reader's language. */
  detail?: Message;

  constructor(message: string, opts: AssetErrorInit) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.kind = opts.kind;
    this.retryable = opts.retryable;
    if (opts.url !== undefined) this.url = opts.url;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.detail !== undefined) this.detail = opts.detail;
  }
}

/** FNV-1a 32-bit hash as 8 hex digits (`scripts/assets/` computes the same at build time). */
export function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** What a file must be: its size in bytes and/or its FNV-1a checksum (either may be unknown). */
export interface Integrity {
  bytes?: number;
  fnv1a?: string;
}

/** The default inactivity timeout: no byte for this long and a download fails (retryably). */
export const DEFAULT_STALL_MS = 20000;
const STALL_KEY = Symbol.for('cnn-widgets.downloadTimeout');

/** The page-wide inactivity timeout in ms (`setDownloadTimeout`, else 20 s). */
export function downloadTimeout(): number {
  return (globalThis as { [STALL_KEY]?: number })[STALL_KEY] ?? DEFAULT_STALL_MS;
}

/**
 * Sets how long a download may receive nothing before it fails with a retryable `timeout` error, for every
 * widget on the page (kept on `globalThis`, shared by all copies); `null` restores the default (20 s).
 * Tests use a short one; a lesson for very slow connections may want a longer one.
 */
export function setDownloadTimeout(ms: number | null): void {
  const g = globalThis as { [STALL_KEY]?: number };
  if (ms === null) delete g[STALL_KEY];
  else if (Number.isFinite(ms) && ms > 0) g[STALL_KEY] = ms;
  else throw new RangeError(`The download timeout must be a positive number of ms, got ${String(ms)}.`);
}

export interface DownloadOptions {
  /** Stops the download; the promise rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** What the file is, for messages: "the MNIST data", "the pretrained network", … (or a message saying it). */
  label: string | Message;
  /** The start of a failure message; default `Could not download <label>`. */
  lead?: string | Message;
  /** The attribute a reader can fix when the address is wrong (`data-src`, `src`, …), for 404s. */
  attribute?: string;
  /** Size and checksum to verify, when known. */
  expected?: Integrity;
  /**
   * Bypass the HTTP cache. Default: when the last download of this URL on this page failed, so a damaged
   * copy kept by the browser's cache (or a proxy) cannot make every Retry fail the same way.
   */
  reload?: boolean;
  /** Called with the size of every chunk as it arrives. */
  onChunk?: (n: number) => void;
  /** Inactivity timeout in ms; default `downloadTimeout()`. */
  stallMs?: number;
  /** Builds the loader's own error class; default `AssetLoadError`. */
  error?: (message: string, init: AssetErrorInit) => Error;
}

const FAILED_KEY = Symbol.for('cnn-widgets.failedDownloads');
/** URLs whose last download on this page failed (page-wide, shared by all copies of the library). */
function failedUrls(): Set<string> {
  const g = globalThis as { [FAILED_KEY]?: Set<string> };
  return (g[FAILED_KEY] ??= new Set());
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The download was cancelled.', 'AbortError');
}

/**
 * Downloads `url` to the end and verifies it against `expected`. Rejects with a classified, retryable error
 * (see the module comment), or with the signal's reason when `signal` aborts.
 */
export async function download(url: string, opts: DownloadOptions): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const bytes = await downloadOnce(url, opts);
    failedUrls().delete(url);
    return bytes;
  } catch (err) {
    if (!opts.signal?.aborted) failedUrls().add(url);
    throw err;
  }
}

async function downloadOnce(url: string, opts: DownloadOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { signal, expected } = opts;
  if (signal?.aborted) throw abortReason(signal);
  const make = opts.error ?? ((m: string, init: AssetErrorInit) => new AssetLoadError(m, init));
  const leadMessage = opts.lead ?? say('download.lead', { label: opts.label });
  const stallMs = opts.stallMs ?? downloadTimeout();

  // Our own controller: aborted by the caller's signal or by the inactivity timer; `timedOut` says which.
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      ctl.abort(new DOMException('No data arrived in time.', 'TimeoutError'));
    }, stallMs);
  };
  const advice = say('download.checkAndRetry');
  const stalled = (got: number) => {
    const m = say('download.stalled', { lead: leadMessage, seconds: stallMs / 1000, got, url, advice });
    return make(m.text, { kind: 'timeout', retryable: true, url, detail: m });
  };
  let got = 0;
  try {
    arm();
    let res: Response;
    try {
      const reload = opts.reload ?? failedUrls().has(url);
      res = await fetch(url, { signal: ctl.signal, cache: reload ? 'reload' : 'default' });
    } catch (err) {
      if (signal?.aborted) throw abortReason(signal);
      if (timedOut) throw stalled(0);
      const why = (err as Error)?.message || 'no response';
      const m = say('download.network', { lead: leadMessage, why, url, advice });
      throw make(m.text, { kind: 'network', retryable: true, url, cause: err, detail: m });
    }
    if (!res.ok) {
      // 4xx (bar timeouts and rate limits) usually means a wrong address; still retryable, since a CDN that
      // is mid-deploy answers 404 for a while too.
      const wrongAddress = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
      const httpAdvice = wrongAddress
        ? opts.attribute
          ? say('download.checkAttribute', { attribute: opts.attribute })
          : say('download.checkAddress')
        : res.status >= 500
          ? say('download.serverProblem')
          : advice;
      void res.body?.cancel().catch(() => undefined);
      const m = say('download.http', { lead: leadMessage, status: res.status, url, advice: httpAdvice });
      throw make(m.text, { kind: 'http', retryable: true, url, status: res.status, detail: m });
    }
    const buf = await readAll(res, expected?.bytes, ctl.signal, (n) => {
      got += n;
      arm();
      opts.onChunk?.(n);
    }).catch((err: unknown) => {
      if (signal?.aborted) throw abortReason(signal);
      if (timedOut) throw stalled(got);
      const why = (err as Error)?.message ?? '';
      const total = expected?.bytes ? expected.bytes : -1;
      const m = say('download.truncated', { lead: leadMessage, got, total, url, why, advice });
      throw make(m.text, { kind: 'truncated', retryable: true, url, cause: err, detail: m });
    });
    verify(buf, url, expected, leadMessage, make);
    return buf;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Throws a `truncated` or `corrupt` error when `bytes` is not what `expected` records. */
export function verify(
  bytes: Uint8Array,
  url: string,
  expected: Integrity | undefined,
  lead: string | Message,
  make: (message: string, init: AssetErrorInit) => Error,
): void {
  if (!expected) return;
  if (expected.bytes !== undefined && bytes.length < expected.bytes) {
    const m = say('download.truncated', {
      lead,
      got: bytes.length,
      total: expected.bytes,
      url,
      why: '',
      advice: say('download.checkAndRetry'),
    });
    throw make(m.text, { kind: 'truncated', retryable: true, url, detail: m });
  }
  const wrongSize = expected.bytes !== undefined && bytes.length !== expected.bytes;
  if (wrongSize || (expected.fnv1a !== undefined && fnv1a(bytes) !== expected.fnv1a)) {
    const why = wrongSize
      ? say('download.wrongSize', { got: bytes.length, expected: expected.bytes! })
      : say('download.checksum');
    const m = damaged(lead, url, why);
    throw make(m.text, { kind: 'corrupt', retryable: true, url, detail: m });
  }
}

/** A file that arrived whole but wrong, as a message. */
export const damaged = (lead: string | Message, url: string, why: string | Message): Message =>
  say('download.damaged', { lead, url, why });

/**
 * Reads a body to the end, reporting each chunk; `expected` sizes the buffer (a body that sends more is kept
 * whole, for the size check to report).
 */
async function readAll(
  res: Response,
  expected: number | undefined,
  signal: AbortSignal,
  onChunk: (n: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    onChunk(buf.length);
    return buf;
  }
  const reader = res.body.getReader();
  let buf = new Uint8Array(expected ?? 64 * 1024);
  let got = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (got + value.length > buf.length) {
        const bigger = new Uint8Array(Math.max(buf.length * 2, got + value.length));
        bigger.set(buf.subarray(0, got));
        buf = bigger;
      }
      buf.set(value, got);
      got += value.length;
      onChunk(value.length);
    }
  } catch (err) {
    // Our abort (the caller's or the timer's) may land while `read()` waits; make sure the stream is closed.
    if (signal.aborted) void reader.cancel().catch(() => undefined);
    throw err;
  }
  return buf.subarray(0, got);
}

/**
 * The size and checksum recorded at build time (integrity.ts) for an asset URL, or undefined for a file
 * that is not one of the library's own (a writer's photo, weights or dataset elsewhere).
 */
export function integrityOf(url: string): { bytes: number; fnv1a: string } | undefined {
  const path = assetPathOf(url);
  return path === undefined ? undefined : INTEGRITY[path];
}
