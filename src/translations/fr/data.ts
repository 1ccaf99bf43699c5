/** Français : un jeu de données arrivé endommagé ou pas au format que lit le chargeur (see ../../engine/data/dataset.messages.ts). */
import type { SameKeys } from '../types.js';
import type { DATASET_MESSAGES } from '../../engine/data/dataset.messages.js';

export const DATA: SameKeys<typeof DATASET_MESSAGES> = {
  'dataset.cannotLoad': (p) => `Impossible de charger ${p.label}`,
  'dataset.cannotUnpack': (p) =>
    `Ce navigateur ne peut pas décompresser ${p.label} (il lui manque DecompressionStream). Veuillez utiliser un navigateur récent.`,
  'dataset.damaged.checksum': 'il ne correspond pas à sa somme de contrôle',
  'dataset.damaged.unpack': 'il ne se décompresse pas',
  'dataset.damaged.json': 'ce n’est pas du JSON valide',
  'dataset.damaged.jsonChecksum': 'sa somme de contrôle ne correspond pas',
  'dataset.format': (p) =>
    `Le jeu de données à l’adresse ${p.url} n’est pas au format que lit cette bibliothèque (${p.why}).`,
  'dataset.badAddress': (p) =>
    `« ${p.address} » n’est pas une adresse valide pour un jeu de données (data-src).`,
  'dataset.why.notDatasetJson': 'ce n’est pas un dataset.json',
  'dataset.why.webPage': 'une page web, pas du JSON : vérifiez l’adresse (data-src)',
  'dataset.why.formatName': (p) =>
    `son « format » vaut ${p.got}, pas « ${p.format} » : empaquetez-le avec npx cnn-widgets pack`,
  'dataset.why.version': (p) => `version ${p.got} ; cette bibliothèque lit la version ${p.version}`,
  'dataset.why.shape': (p) =>
    `« shape » doit valoir [hauteur, largeur, canaux], avec des côtés de ${p.min} à ${p.max} et 1 ou 3 canaux, pas ${p.got}`,
  'dataset.why.classes': '« classes » doit énumérer de 2 à 256 noms de classe',
  'dataset.why.normalize': (p) =>
    `« normalize » doit donner une moyenne et un écart type (std) positif pour chacun des ${p.channels} canaux`,
  'dataset.why.noSplit': (p) => `pas de partie « ${p.split} »`,
  'dataset.why.shard': (p) => `le fragment ${p.file} de « ${p.split} » est mal formé`,
  'dataset.why.shardCount': (p) =>
    `les fragments de « ${p.split} » contiennent ${p.held} exemples, pas ${p.count}`,
  'dataset.why.label': (p) =>
    `l’exemple ${p.example} a l’étiquette ${p.label}, mais il n’y a que ${p.classes} classes`,
};
