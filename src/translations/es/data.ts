/** Español: un conjunto de datos que llega dañado o no está en el formato que lee el cargador (see ../../engine/data/dataset.messages.ts). */
import type { SameKeys } from '../types.js';
import type { DATASET_MESSAGES } from '../../engine/data/dataset.messages.js';

export const DATA: SameKeys<typeof DATASET_MESSAGES> = {
  'dataset.cannotLoad': (p) => `No se pudo cargar ${p.label}`,
  'dataset.cannotUnpack': (p) =>
    `Este navegador no puede descomprimir ${p.label} (le falta DecompressionStream). Use un navegador actual.`,
  'dataset.damaged.checksum': 'no coincide con su suma de verificación',
  'dataset.damaged.unpack': 'no se puede descomprimir',
  'dataset.damaged.json': 'no es JSON válido',
  'dataset.damaged.jsonChecksum': 'su suma de verificación no coincide',
  'dataset.format': (p) =>
    `El conjunto de datos de ${p.url} no está en el formato que lee esta biblioteca (${p.why}).`,
  'dataset.badAddress': (p) =>
    `"${p.address}" no es una dirección válida para un conjunto de datos (data-src).`,
  'dataset.why.notDatasetJson': 'no es un dataset.json',
  'dataset.why.webPage': 'una página web, no JSON: revisa la dirección (data-src)',
  'dataset.why.formatName': (p) =>
    `su "format" es ${p.got}, no "${p.format}": empaquétalo con npx cnn-widgets pack`,
  'dataset.why.version': (p) => `versión ${p.got}; esta biblioteca lee la versión ${p.version}`,
  'dataset.why.shape': (p) =>
    `"shape" debe ser [alto, ancho, canales], con lados de ${p.min} a ${p.max} y 1 o 3 canales, no ${p.got}`,
  'dataset.why.classes': '"classes" debe enumerar de 2 a 256 nombres de clase',
  'dataset.why.normalize': (p) =>
    `"normalize" debe dar una media y una desviación típica (std) positiva para cada uno de los ${p.channels} canales`,
  'dataset.why.noSplit': (p) => `falta la partición "${p.split}"`,
  'dataset.why.shard': (p) => `el fragmento ${p.file} de "${p.split}" está mal formado`,
  'dataset.why.shardCount': (p) =>
    `los fragmentos de "${p.split}" contienen ${p.held} ejemplos, no ${p.count}`,
  'dataset.why.label': (p) =>
    `el ejemplo ${p.example} tiene la etiqueta ${p.label}, pero solo hay ${p.classes} clases`,
};
