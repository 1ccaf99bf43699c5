/** Deutsch: Dateien des Netzes lesen und schreiben (see ../../engine/export/files.messages.ts). */
import type { SameKeys } from '../types.js';
import type { FILES_MESSAGES } from '../../engine/export/files.messages.js';

export const FILES: SameKeys<typeof FILES_MESSAGES> = {
  'st.notFile': (p) => `Dies ist keine safetensors-Gewichtsdatei: ${p.why}.`,
  'st.whyShort': (p) => `sie hat nur ${p.bytes} Bytes`,
  'st.whyHeaderLength': (p) => `die Länge ihres Headers (${p.n}) passt nicht zu ihren ${p.bytes} Bytes`,
  'st.whyHeaderJson': 'ihr Header ist kein JSON',
  'st.whyHeaderObject': 'ihr Header ist kein JSON-Objekt',
  'st.whyEntry': (p) => `der Eintrag "${p.name}" ist kein Objekt`,
  'st.whyShape': (p) => `"${p.name}" hat keine gültige Form`,
  'st.whyOffsets': (p) => `"${p.name}" hat keine gültigen data_offsets`,
  'st.whyFit': (p) => `"${p.name}" (${p.shape}) passt nicht in die Bytes ${p.begin}…${p.end} von ${p.length}`,
  'st.dtype': (p) =>
    `"${p.name}" ist als ${p.dtype} gespeichert; hier werden nur float32-Gewichte (F32) gelesen: Speichern Sie mit .float().`,
  'st.lacks': (p) => `Diese Gewichte gehören nicht zu diesem Netz: Es fehlt ${p.missing}.`,
  'st.strangers': (p) =>
    `Diese Gewichte gehören nicht zu diesem Netz: Sie enthalten ${p.strangers}, was dieses Netz nicht hat.`,
  'st.lacksAndStrangers': (p) =>
    `Diese Gewichte gehören nicht zu diesem Netz: Es fehlt ${p.missing}; sie enthalten ${p.strangers}, was dieses Netz nicht hat.`,
  'st.fileShape': (p) => `"${p.name}" ist in der Datei ${p.got}, in diesem Netz aber ${p.want}.`,
  'st.exportMissing': (p) => `Den Gewichten fehlt "${p.name}" (das Netz "${p.network}" braucht es).`,
  'st.exportShape': (p) => `"${p.name}" ist ${p.got}, das Netz braucht aber ${p.want}.`,
  'io.noWeights': 'Es gibt noch keine Gewichte: Trainieren Sie zuerst das Netz.',
  'io.starting': 'Der Lauf startet noch: Laden Sie die Gewichte, sobald er trainiert.',
  'io.badSettings': 'Die Einstellungen sind ungültig (siehe die Meldung im Trainer).',
  'io.notStarted': 'Das geladene Netz ist nicht gestartet.',
  'io.loadFailed': (p) => `Die Gewichte konnten nicht geladen werden: ${p.error}`,
  'io.source': 'importWeights nimmt einen Blob (eine Datei) oder eine URL.',
  'io.answered': (p) => `${p.url} antwortete mit ${p.status}`,
};
