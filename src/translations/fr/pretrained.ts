/** Français : les poids pré-entraînés qui ne se chargent pas (see ../../engine/pretrained.messages.ts). */
import type { SameKeys } from '../types.js';
import type { PRETRAINED_MESSAGES } from '../../engine/pretrained.messages.js';

export const PRETRAINED: SameKeys<typeof PRETRAINED_MESSAGES> = {
  'pretrained.cannotLoad': 'Impossible de charger le réseau pré-entraîné',
  'pretrained.damaged.json': 'son manifeste n’est pas du JSON valide',
  'pretrained.webPage': (p) =>
    `Le manifeste du réseau pré-entraîné (${p.url}) est une page web, pas du JSON : vérifiez l’adresse (weights-src).`,
  'pretrained.unusable': (p) => `Le manifeste du réseau pré-entraîné est inutilisable : ${p.why}.`,
  'pretrained.why.notObject': 'le manifeste n’est pas un objet JSON',
  'pretrained.why.format': (p) => `le format de manifeste ${p.got} n’est pas pris en charge`,
  'pretrained.why.model': (p) => `les poids sont ceux du modèle « ${p.got} », pas de « ${p.model} »`,
  'pretrained.why.noTensors': 'le manifeste ne liste aucun tenseur',
  'pretrained.why.noFile': 'il manque au manifeste le fichier binaire ou sa taille',
  'pretrained.why.tensor': (p) => `le tenseur ${p.tensor} est incohérent`,
  'pretrained.noLayer': (p) =>
    `Les poids pré-entraînés n’ont aucune couche ${p.layer} correspondant au modèle.`,
  'pretrained.shape': (p) =>
    `Le tenseur pré-entraîné ${p.tensor} a la forme ${p.got}, mais le modèle attend ${p.want}.`,
  'pretrained.extraLayers': 'Les poids pré-entraînés nomment des couches que le modèle n’a pas.',
};
