/** Français : lire et écrire les fichiers du réseau (see ../../engine/export/files.messages.ts). */
import type { SameKeys } from '../types.js';
import type { FILES_MESSAGES } from '../../engine/export/files.messages.js';

export const FILES: SameKeys<typeof FILES_MESSAGES> = {
  'st.notFile': (p) => `Ce n’est pas un fichier de poids safetensors : ${p.why}.`,
  'st.whyShort': (p) => `il ne fait que ${p.bytes} octets`,
  'st.whyHeaderLength': (p) => `la longueur de son en-tête (${p.n}) ne tient pas dans ses ${p.bytes} octets`,
  'st.whyHeaderJson': 'son en-tête n’est pas du JSON',
  'st.whyHeaderObject': 'son en-tête n’est pas un objet JSON',
  'st.whyEntry': (p) => `l’entrée « ${p.name} » n’est pas un objet`,
  'st.whyShape': (p) => `« ${p.name} » n’a pas de forme valide`,
  'st.whyOffsets': (p) => `« ${p.name} » n’a pas de data_offsets valides`,
  'st.whyFit': (p) =>
    `« ${p.name} » (${p.shape}) ne tient pas dans les octets ${p.begin}…${p.end} sur ${p.length}`,
  'st.dtype': (p) =>
    `« ${p.name} » est stocké en ${p.dtype} ; seuls les poids float32 (F32) sont lus ici : enregistrez avec .float().`,
  'st.lacks': (p) => `Ces poids ne sont pas pour ce réseau : il y manque ${p.missing}.`,
  'st.strangers': (p) =>
    `Ces poids ne sont pas pour ce réseau : ils contiennent ${p.strangers}, que ce réseau n’a pas.`,
  'st.lacksAndStrangers': (p) =>
    `Ces poids ne sont pas pour ce réseau : il y manque ${p.missing} ; ils contiennent ${p.strangers}, que ce réseau n’a pas.`,
  'st.fileShape': (p) => `« ${p.name} » est ${p.got} dans le fichier, mais ${p.want} dans ce réseau.`,
  'st.exportMissing': (p) => `Les poids n’ont pas « ${p.name} » (le réseau « ${p.network} » en a besoin).`,
  'st.exportShape': (p) => `« ${p.name} » est ${p.got}, mais le réseau demande ${p.want}.`,
  'io.noWeights': 'Il n’y a pas encore de poids : entraînez d’abord le réseau.',
  'io.starting': 'L’entraînement démarre encore : chargez les poids une fois qu’il tourne.',
  'io.badSettings': 'Les réglages ne sont pas valides (voir le message dans l’entraîneur).',
  'io.notStarted': 'Le réseau chargé n’a pas démarré.',
  'io.loadFailed': (p) => `Impossible de charger les poids : ${p.error}`,
  'io.source': 'importWeights prend un Blob (un fichier) ou une URL.',
  'io.answered': (p) => `${p.url} a répondu ${p.status}`,
};
