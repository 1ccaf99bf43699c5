/**
 * The English of download.ts's failures (see ../messages.ts): every loader's download (the pretrained weights,
 * a dataset's manifest and shards, the WebAssembly backend) fails with one of these, the file named by a
 * nested message (`download.label.*`) or the writer's own address. Also the English translation table's
 * entries for them. A browser's own reason (`Failed to fetch`) is passed through as it is.
 */
import type { MessageFormats } from '../messages.js';

type F = MessageFormats;

export const DOWNLOAD_MESSAGES = {
  'download.label.pretrained': 'the pretrained network',
  'download.label.wasm': 'the WebAssembly backend',
  'download.label.dataset': 'the dataset',
  'download.label.data': (p: { name: string }) => `the ${p.name} data`,
  /** How every download failure starts. */
  'download.lead': (p: { label: string }) => `Could not download ${p.label}`,
  // The advice that ends a failure.
  'download.checkAndRetry': 'check your connection and press Retry',
  'download.checkAddress': 'check the address, then press Retry',
  'download.checkAttribute': (p: { attribute: string }) =>
    `check the address (${p.attribute}), then press Retry`,
  'download.serverProblem': 'the server had a problem; press Retry in a moment',
  // The failures. `why`: the browser's reason; `advice`: one of the above.
  'download.network': (p: { lead: string; why: string; url: string; advice: string }) =>
    `${p.lead} (${p.why} for ${p.url}): ${p.advice}.`,
  'download.http': (p: { lead: string; status: number; url: string; advice: string }) =>
    `${p.lead} (HTTP ${p.status} for ${p.url}): ${p.advice}.`,
  'download.stalled': (
    p: { lead: string; seconds: number; got: number; url: string; advice: string },
    f: F,
  ) =>
    `${p.lead} (no data for ${f.number(p.seconds)} s after ${f.number(p.got)} bytes of ${p.url}): the connection stalled; ${p.advice}.`,
  /** `total` < 0: the size is not known; `why` empty: no reason given. */
  'download.truncated': (
    p: { lead: string; got: number; total: number; url: string; why: string; advice: string },
    f: F,
  ) =>
    `${p.lead}: the file arrived truncated, cut short (${f.number(p.got)}${p.total >= 0 ? ` of ${f.number(p.total)}` : ''} bytes of ${p.url}${p.why ? `: ${p.why}` : ''}); ${p.advice}.`,
  'download.damaged': (p: { lead: string; url: string; why: string }) =>
    `${p.lead}: ${p.url} arrived damaged (${p.why}). Press Retry; if it happens again, the file on the server is broken.`,
  'download.wrongSize': (p: { got: number; expected: number }, f: F) =>
    `${f.number(p.got)} bytes, not ${f.number(p.expected)}`,
  'download.checksum': 'its checksum does not match',
};
