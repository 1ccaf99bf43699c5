/** 简体中文：改用较慢方式时的提示（see ../../engine/fallback.messages.ts）。 */
import type { SameKeys } from '../types.js';
import type { FALLBACK_MESSAGES } from '../../engine/fallback.messages.js';

export const FALLBACK: SameKeys<typeof FALLBACK_MESSAGES> = {
  'fallback.cpu': (p) => `正在不使用 WebAssembly 的处理器上训练（慢 8 倍）：${p.why}。`,
  'fallback.cpuAlso': (p) =>
    `正在不使用 WebAssembly 的处理器上训练（慢 8 倍）：${p.why}（${p.asked} 也未能启动：${p.detail}）。`,
  'fallback.whyCsp':
    "此页面的 Content-Security-Policy 阻止了 WebAssembly——请在 script-src 中加入 'wasm-unsafe-eval'",
  'fallback.whyNoWasm': '此浏览器不支持 WebAssembly',
  'fallback.whyWasmFailed': (p) => `WebAssembly 未能启动（${p.detail}）`,
  'fallback.instead': (p) => `正在用 ${p.used} 代替 ${p.wanted} 训练：${p.wanted} 未能启动（${p.detail}）。`,
  'fallback.noReason': '未给出原因',
  'thread.note': (p) => `正在页面自身的线程上训练：${p.why}`,
  'thread.trustedTypes': (p) =>
    `此页面要求 Trusted Types，且不允许策略 "${p.policy}"——请在其 Content-Security-Policy 中加入 trusted-types ${p.policy}。`,
  'thread.cspBlob':
    '此页面的 Content-Security-Policy 不允许来自 blob: 的 Worker——请加入 worker-src blob:（或把库托管在本站）。',
  'thread.csp': (p) =>
    `此页面的 Content-Security-Policy 不允许训练用的 Worker——请加入 worker-src ${p.origin} blob:。`,
  'thread.unsupported': '此浏览器无法在这里启动 Worker。',
  'thread.failed': (p) => `训练用的 Worker 未能启动（${p.detail}）。`,
};
