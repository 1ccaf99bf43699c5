/** Français : les messages des téléchargements échoués (see ../types.ts). */
import type { DOWNLOAD_MESSAGES } from '../../engine/data/download.messages.js';
import type { SameKeys } from '../types.js';

export const DOWNLOAD: SameKeys<typeof DOWNLOAD_MESSAGES> = {
  'download.label.pretrained': 'le réseau pré-entraîné',
  'download.label.wasm': 'le backend WebAssembly',
  'download.label.dataset': 'le jeu de données',
  'download.label.data': (p) => `les données ${p.name}`,
  'download.lead': (p) => `Impossible de télécharger ${p.label}`,
  'download.checkAndRetry': 'vérifiez votre connexion et appuyez sur Réessayer',
  'download.checkAddress': 'vérifiez l’adresse, puis appuyez sur Réessayer',
  'download.checkAttribute': (p) => `vérifiez l’adresse (${p.attribute}), puis appuyez sur Réessayer`,
  'download.serverProblem': 'le serveur a eu un problème ; appuyez sur Réessayer dans un instant',
  'download.network': (p) => `${p.lead} (${p.why} pour ${p.url}) : ${p.advice}.`,
  'download.http': (p) => `${p.lead} (HTTP ${p.status} pour ${p.url}) : ${p.advice}.`,
  'download.stalled': (p, f) =>
    `${p.lead} (aucune donnée depuis ${f.number(p.seconds)} s après ${f.number(p.got)} octets de ${p.url}) : la connexion s’est bloquée ; ${p.advice}.`,
  'download.truncated': (p, f) =>
    `${p.lead} : le fichier est arrivé tronqué (${f.number(p.got)}${p.total >= 0 ? ` sur ${f.number(p.total)}` : ''} octets de ${p.url}${p.why ? ` : ${p.why}` : ''}) ; ${p.advice}.`,
  'download.damaged': (p) =>
    `${p.lead} : ${p.url} est arrivé endommagé (${p.why}). Appuyez sur Réessayer ; si cela se reproduit, le fichier du serveur est abîmé.`,
  'download.wrongSize': (p, f) => `${f.number(p.got)} octets au lieu de ${f.number(p.expected)}`,
  'download.checksum': 'sa somme de contrôle ne correspond pas',
};
