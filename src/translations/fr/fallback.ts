/** Français : les notes de repli plus lent (see ../../engine/fallback.messages.ts). */
import type { SameKeys } from '../types.js';
import type { FALLBACK_MESSAGES } from '../../engine/fallback.messages.js';

export const FALLBACK: SameKeys<typeof FALLBACK_MESSAGES> = {
  'fallback.cpu': (p) => `Entraînement sur le processeur sans WebAssembly (8× plus lent) : ${p.why}.`,
  'fallback.cpuAlso': (p) =>
    `Entraînement sur le processeur sans WebAssembly (8× plus lent) : ${p.why} (${p.asked} n’a pas démarré : ${p.detail}).`,
  'fallback.whyCsp':
    "la Content-Security-Policy de cette page bloque WebAssembly — ajoutez 'wasm-unsafe-eval' à script-src",
  'fallback.whyNoWasm': 'ce navigateur n’a pas WebAssembly',
  'fallback.whyWasmFailed': (p) => `WebAssembly n’a pas démarré (${p.detail})`,
  'fallback.instead': (p) =>
    `Entraînement sur ${p.used} au lieu de ${p.wanted} : ${p.wanted} n’a pas démarré (${p.detail}).`,
  'fallback.noReason': 'aucune raison donnée',
  'thread.note': (p) => `Entraînement sur le fil d’exécution de la page : ${p.why}`,
  'thread.trustedTypes': (p) =>
    `cette page exige les Trusted Types et n’autorise pas la politique « ${p.policy} » — ajoutez trusted-types ${p.policy} à sa Content-Security-Policy.`,
  'thread.cspBlob':
    'la Content-Security-Policy de cette page n’autorise pas les Workers issus de blob: — ajoutez worker-src blob: (ou hébergez la bibliothèque sur ce site).',
  'thread.csp': (p) =>
    `la Content-Security-Policy de cette page n’autorise pas le Worker d’entraînement — ajoutez worker-src ${p.origin} blob:.`,
  'thread.unsupported': 'ce navigateur ne peut pas démarrer de Workers ici.',
  'thread.failed': (p) => `le Worker d’entraînement n’a pas démarré (${p.detail}).`,
};
