/** Deutsch: die Hinweise auf einen langsameren Ersatz (see ../../engine/fallback.messages.ts). */
import type { SameKeys } from '../types.js';
import type { FALLBACK_MESSAGES } from '../../engine/fallback.messages.js';

export const FALLBACK: SameKeys<typeof FALLBACK_MESSAGES> = {
  'fallback.cpu': (p) => `Training auf dem Prozessor ohne WebAssembly (8× langsamer): ${p.why}.`,
  'fallback.cpuAlso': (p) =>
    `Training auf dem Prozessor ohne WebAssembly (8× langsamer): ${p.why} (${p.asked} ist nicht gestartet: ${p.detail}).`,
  'fallback.whyCsp':
    "die Content-Security-Policy dieser Seite blockiert WebAssembly – fügen Sie 'wasm-unsafe-eval' zu script-src hinzu",
  'fallback.whyNoWasm': 'dieser Browser hat kein WebAssembly',
  'fallback.whyWasmFailed': (p) => `WebAssembly ist nicht gestartet (${p.detail})`,
  'fallback.instead': (p) =>
    `Training mit ${p.used} statt ${p.wanted}: ${p.wanted} ist nicht gestartet (${p.detail}).`,
  'fallback.noReason': 'ohne Angabe eines Grundes',
  'thread.note': (p) => `Training im eigenen Thread der Seite: ${p.why}`,
  'thread.trustedTypes': (p) =>
    `diese Seite verlangt Trusted Types und erlaubt die Policy "${p.policy}" nicht – fügen Sie trusted-types ${p.policy} zu ihrer Content-Security-Policy hinzu.`,
  'thread.cspBlob':
    'die Content-Security-Policy dieser Seite erlaubt keine Worker aus blob: – fügen Sie worker-src blob: hinzu (oder hosten Sie die Bibliothek auf dieser Website).',
  'thread.csp': (p) =>
    `die Content-Security-Policy dieser Seite erlaubt den Trainings-Worker nicht – fügen Sie worker-src ${p.origin} blob: hinzu.`,
  'thread.unsupported': 'dieser Browser kann hier keine Worker starten.',
  'thread.failed': (p) => `der Trainings-Worker ist nicht gestartet (${p.detail}).`,
};
