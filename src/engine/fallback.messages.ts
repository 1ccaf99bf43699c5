/**
 * The English of the slower-fallback notes (backend-detect.ts `backendFallbackNote`, worker/spawn.ts
 * `threadFallbackNote`, training/session.ts; see messages.ts): what training runs on instead, why, and what the
 * page must allow. The trainer shows them in `part="note"` and says them with the start. A browser's own error
 * text (`detail`) stays as the browser wrote it. Also the English translation table's entries for them.
 */
export const FALLBACK_MESSAGES = {
  /** `why`: one of the `fallback.why*` reasons. */
  'fallback.cpu': (p: { why: string }) =>
    `Training on the processor without WebAssembly (8× slower): ${p.why}.`,
  /** The same, when another backend was asked for and did not start either. */
  'fallback.cpuAlso': (p: { why: string; asked: string; detail: string }) =>
    `Training on the processor without WebAssembly (8× slower): ${p.why} (${p.asked} did not start: ${p.detail}).`,
  'fallback.whyCsp':
    "this page's Content-Security-Policy blocks WebAssembly — add 'wasm-unsafe-eval' to script-src",
  'fallback.whyNoWasm': 'this browser has no WebAssembly',
  'fallback.whyWasmFailed': (p: { detail: string }) => `WebAssembly did not start (${p.detail})`,
  'fallback.instead': (p: { used: string; wanted: string; detail: string }) =>
    `Training on ${p.used} instead of ${p.wanted}: ${p.wanted} did not start (${p.detail}).`,
  'fallback.noReason': 'no reason given',
  /** `why`: one of the `thread.*` reasons. */
  'thread.note': (p: { why: string }) => `Training on the page's own thread: ${p.why}`,
  'thread.trustedTypes': (p: { policy: string }) =>
    `this page requires Trusted Types and does not allow the policy "${p.policy}" — add trusted-types ${p.policy} to its Content-Security-Policy.`,
  'thread.cspBlob':
    "this page's Content-Security-Policy does not allow Workers from blob: — add worker-src blob: (or host the library on this site).",
  'thread.csp': (p: { origin: string }) =>
    `this page's Content-Security-Policy does not allow the training Worker — add worker-src ${p.origin} blob:.`,
  'thread.unsupported': 'this browser cannot start Workers here.',
  'thread.failed': (p: { detail: string }) => `the training Worker did not start (${p.detail}).`,
};
