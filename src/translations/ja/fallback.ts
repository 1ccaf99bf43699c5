/** 日本語: より遅い方式に切り替えたときの注記（see ../../engine/fallback.messages.ts）。 */
import type { SameKeys } from '../types.js';
import type { FALLBACK_MESSAGES } from '../../engine/fallback.messages.js';

export const FALLBACK: SameKeys<typeof FALLBACK_MESSAGES> = {
  'fallback.cpu': (p) => `WebAssembly を使わずプロセッサで学習しています（8 倍遅くなります）: ${p.why}。`,
  'fallback.cpuAlso': (p) =>
    `WebAssembly を使わずプロセッサで学習しています（8 倍遅くなります）: ${p.why}（${p.asked} も起動しませんでした: ${p.detail}）。`,
  'fallback.whyCsp':
    "このページの Content-Security-Policy が WebAssembly をブロックしています。script-src に 'wasm-unsafe-eval' を追加してください",
  'fallback.whyNoWasm': 'このブラウザには WebAssembly がありません',
  'fallback.whyWasmFailed': (p) => `WebAssembly が起動しませんでした（${p.detail}）`,
  'fallback.instead': (p) =>
    `${p.wanted} の代わりに ${p.used} で学習しています: ${p.wanted} が起動しませんでした（${p.detail}）。`,
  'fallback.noReason': '理由は不明です',
  'thread.note': (p) => `ページ自身のスレッドで学習しています: ${p.why}`,
  'thread.trustedTypes': (p) =>
    `このページは Trusted Types を必須とし、ポリシー "${p.policy}" を許可していません。Content-Security-Policy に trusted-types ${p.policy} を追加してください。`,
  'thread.cspBlob':
    'このページの Content-Security-Policy は blob: からの Worker を許可していません。worker-src blob: を追加してください（またはライブラリをこのサイトでホストしてください）。',
  'thread.csp': (p) =>
    `このページの Content-Security-Policy は学習用 Worker を許可していません。worker-src ${p.origin} blob: を追加してください。`,
  'thread.unsupported': 'このブラウザではここで Worker を起動できません。',
  'thread.failed': (p) => `学習用 Worker が起動しませんでした（${p.detail}）。`,
};
