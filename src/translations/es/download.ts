/** Español: los mensajes de las descargas fallidas (see ../types.ts). */
import type { DOWNLOAD_MESSAGES } from '../../engine/data/download.messages.js';
import type { SameKeys } from '../types.js';

export const DOWNLOAD: SameKeys<typeof DOWNLOAD_MESSAGES> = {
  'download.label.pretrained': 'la red preentrenada',
  'download.label.wasm': 'el backend de WebAssembly',
  'download.label.dataset': 'el conjunto de datos',
  'download.label.data': (p) => `los datos de ${p.name}`,
  'download.lead': (p) => `No se pudo descargar ${p.label}`,
  'download.checkAndRetry': 'comprueba tu conexión y pulsa Reintentar',
  'download.checkAddress': 'comprueba la dirección y pulsa Reintentar',
  'download.checkAttribute': (p) => `comprueba la dirección (${p.attribute}) y pulsa Reintentar`,
  'download.serverProblem': 'el servidor tuvo un problema; pulsa Reintentar dentro de un momento',
  'download.network': (p) => `${p.lead} (${p.why} en ${p.url}): ${p.advice}.`,
  'download.http': (p) => `${p.lead} (HTTP ${p.status} en ${p.url}): ${p.advice}.`,
  'download.stalled': (p, f) =>
    `${p.lead} (sin datos durante ${f.number(p.seconds)} s tras ${f.number(p.got)} bytes de ${p.url}): la conexión se detuvo; ${p.advice}.`,
  'download.truncated': (p, f) =>
    `${p.lead}: el archivo llegó incompleto, cortado (${f.number(p.got)}${p.total >= 0 ? ` de ${f.number(p.total)}` : ''} bytes de ${p.url}${p.why ? `: ${p.why}` : ''}); ${p.advice}.`,
  'download.damaged': (p) =>
    `${p.lead}: ${p.url} llegó dañado (${p.why}). Pulsa Reintentar; si vuelve a ocurrir, el archivo del servidor está roto.`,
  'download.wrongSize': (p, f) => `${f.number(p.got)} bytes, no ${f.number(p.expected)}`,
  'download.checksum': 'su suma de comprobación no coincide',
};
