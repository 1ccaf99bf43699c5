/** Español: los avisos de una alternativa más lenta (see ../../engine/fallback.messages.ts). */
import type { SameKeys } from '../types.js';
import type { FALLBACK_MESSAGES } from '../../engine/fallback.messages.js';

export const FALLBACK: SameKeys<typeof FALLBACK_MESSAGES> = {
  'fallback.cpu': (p) => `Entrenando en el procesador sin WebAssembly (8× más lento): ${p.why}.`,
  'fallback.cpuAlso': (p) =>
    `Entrenando en el procesador sin WebAssembly (8× más lento): ${p.why} (${p.asked} no arrancó: ${p.detail}).`,
  'fallback.whyCsp':
    "la Content-Security-Policy de esta página bloquea WebAssembly: añade 'wasm-unsafe-eval' a script-src",
  'fallback.whyNoWasm': 'este navegador no tiene WebAssembly',
  'fallback.whyWasmFailed': (p) => `WebAssembly no arrancó (${p.detail})`,
  'fallback.instead': (p) =>
    `Entrenando con ${p.used} en lugar de ${p.wanted}: ${p.wanted} no arrancó (${p.detail}).`,
  'fallback.noReason': 'sin motivo indicado',
  'thread.note': (p) => `Entrenando en el hilo propio de la página: ${p.why}`,
  'thread.trustedTypes': (p) =>
    `esta página exige Trusted Types y no permite la política "${p.policy}": añade trusted-types ${p.policy} a su Content-Security-Policy.`,
  'thread.cspBlob':
    'la Content-Security-Policy de esta página no permite Workers desde blob:: añade worker-src blob: (o aloja la biblioteca en este sitio).',
  'thread.csp': (p) =>
    `la Content-Security-Policy de esta página no permite el Worker de entrenamiento: añade worker-src ${p.origin} blob:.`,
  'thread.unsupported': 'este navegador no puede iniciar Workers aquí.',
  'thread.failed': (p) => `el Worker de entrenamiento no arrancó (${p.detail}).`,
};
