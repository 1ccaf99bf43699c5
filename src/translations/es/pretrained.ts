/** Español: los pesos preentrenados que no se pueden cargar (see ../../engine/pretrained.messages.ts). */
import type { SameKeys } from '../types.js';
import type { PRETRAINED_MESSAGES } from '../../engine/pretrained.messages.js';

export const PRETRAINED: SameKeys<typeof PRETRAINED_MESSAGES> = {
  'pretrained.cannotLoad': 'No se pudo cargar la red preentrenada',
  'pretrained.damaged.json': 'su manifiesto no es JSON válido',
  'pretrained.webPage': (p) =>
    `El manifiesto de la red preentrenada (${p.url}) es una página web, no JSON: revisa la dirección (weights-src).`,
  'pretrained.unusable': (p) => `El manifiesto de la red preentrenada no se puede usar: ${p.why}.`,
  'pretrained.why.notObject': 'el manifiesto no es un objeto JSON',
  'pretrained.why.format': (p) => `el formato de manifiesto ${p.got} no está admitido`,
  'pretrained.why.model': (p) => `los pesos son del modelo "${p.got}", no de "${p.model}"`,
  'pretrained.why.noTensors': 'el manifiesto no enumera ningún tensor',
  'pretrained.why.noFile': 'al manifiesto le falta el archivo binario o su tamaño',
  'pretrained.why.tensor': (p) => `el tensor ${p.tensor} no es coherente`,
  'pretrained.noLayer': (p) =>
    `Los pesos preentrenados no tienen ninguna capa ${p.layer} que corresponda al modelo.`,
  'pretrained.shape': (p) =>
    `El tensor preentrenado ${p.tensor} tiene la forma ${p.got}, pero el modelo espera ${p.want}.`,
  'pretrained.extraLayers': 'Los pesos preentrenados nombran capas que el modelo no tiene.',
};
