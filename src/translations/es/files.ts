/** Español: leer y escribir los archivos de la red (see ../../engine/export/files.messages.ts). */
import type { SameKeys } from '../types.js';
import type { FILES_MESSAGES } from '../../engine/export/files.messages.js';

export const FILES: SameKeys<typeof FILES_MESSAGES> = {
  'st.notFile': (p) => `Esto no es un archivo de pesos safetensors: ${p.why}.`,
  'st.whyShort': (p) => `solo tiene ${p.bytes} bytes`,
  'st.whyHeaderLength': (p) => `la longitud de su cabecera (${p.n}) no cabe en sus ${p.bytes} bytes`,
  'st.whyHeaderJson': 'su cabecera no es JSON',
  'st.whyHeaderObject': 'su cabecera no es un objeto JSON',
  'st.whyEntry': (p) => `la entrada "${p.name}" no es un objeto`,
  'st.whyShape': (p) => `"${p.name}" no tiene una forma válida`,
  'st.whyOffsets': (p) => `"${p.name}" no tiene data_offsets válidos`,
  'st.whyFit': (p) => `"${p.name}" (${p.shape}) no cabe en los bytes ${p.begin}…${p.end} de ${p.length}`,
  'st.dtype': (p) =>
    `"${p.name}" está guardado como ${p.dtype}; aquí solo se leen pesos float32 (F32): guarda con .float().`,
  'st.lacks': (p) => `Estos pesos no son de esta red: le falta ${p.missing}.`,
  'st.strangers': (p) => `Estos pesos no son de esta red: tienen ${p.strangers}, que esta red no tiene.`,
  'st.lacksAndStrangers': (p) =>
    `Estos pesos no son de esta red: le falta ${p.missing}; tienen ${p.strangers}, que esta red no tiene.`,
  'st.fileShape': (p) => `"${p.name}" es ${p.got} en el archivo, pero en esta red es ${p.want}.`,
  'st.exportMissing': (p) => `Los pesos no tienen "${p.name}" (la red "${p.network}" lo necesita).`,
  'st.exportShape': (p) => `"${p.name}" es ${p.got}, pero la red necesita ${p.want}.`,
  'io.noWeights': 'Aún no hay pesos: entrena primero la red.',
  'io.starting': 'La ejecución aún está arrancando: carga los pesos cuando esté entrenando.',
  'io.badSettings': 'Los ajustes no son válidos (mira el mensaje en el entrenador).',
  'io.notStarted': 'La red cargada no arrancó.',
  'io.loadFailed': (p) => `No se pudieron cargar los pesos: ${p.error}`,
  'io.source': 'importWeights admite un Blob (un archivo) o una URL.',
  'io.answered': (p) => `${p.url} respondió ${p.status}`,
};
