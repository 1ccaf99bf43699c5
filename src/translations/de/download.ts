/** Deutsch: die Meldungen fehlgeschlagener Downloads (see ../types.ts). */
import type { DOWNLOAD_MESSAGES } from '../../engine/data/download.messages.js';
import type { SameKeys } from '../types.js';

export const DOWNLOAD: SameKeys<typeof DOWNLOAD_MESSAGES> = {
  'download.label.pretrained': 'das vortrainierte Netz',
  'download.label.wasm': 'das WebAssembly-Backend',
  'download.label.dataset': 'der Datensatz',
  'download.label.data': (p) => `die ${p.name}-Daten`,
  'download.lead': (p) =>
    `${String(p.label).charAt(0).toUpperCase()}${String(p.label).slice(1)} konnte nicht heruntergeladen werden`,
  'download.checkAndRetry': 'prüfen Sie Ihre Verbindung und drücken Sie Erneut versuchen',
  'download.checkAddress': 'prüfen Sie die Adresse und drücken Sie dann Erneut versuchen',
  'download.checkAttribute': (p) =>
    `prüfen Sie die Adresse (${p.attribute}) und drücken Sie dann Erneut versuchen`,
  'download.serverProblem': 'der Server hatte ein Problem; drücken Sie gleich Erneut versuchen',
  'download.network': (p) => `${p.lead} (${p.why} bei ${p.url}): ${p.advice}.`,
  'download.http': (p) => `${p.lead} (HTTP ${p.status} bei ${p.url}): ${p.advice}.`,
  'download.stalled': (p, f) =>
    `${p.lead} (keine Daten seit ${f.number(p.seconds)} s nach ${f.number(p.got)} Bytes von ${p.url}): Die Verbindung ist ins Stocken geraten; ${p.advice}.`,
  'download.truncated': (p, f) =>
    `${p.lead}: Die Datei kam unvollständig an, abgeschnitten (${f.number(p.got)}${p.total >= 0 ? ` von ${f.number(p.total)}` : ''} Bytes von ${p.url}${p.why ? `: ${p.why}` : ''}); ${p.advice}.`,
  'download.damaged': (p) =>
    `${p.lead}: ${p.url} kam beschädigt an (${p.why}). Drücken Sie Erneut versuchen; passiert es wieder, ist die Datei auf dem Server defekt.`,
  'download.wrongSize': (p, f) => `${f.number(p.got)} Bytes statt ${f.number(p.expected)}`,
  'download.checksum': 'die Prüfsumme stimmt nicht',
};
