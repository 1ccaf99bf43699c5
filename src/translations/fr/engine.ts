/** Français : les messages du moteur (see ../types.ts). */
import type { EngineTerms, SameKeys } from '../types.js';
import { one } from '../formats.js';
import { INPUT } from './pad.js';
import { DOWNLOAD } from './download.js';
import { CONFIG } from './trainer.js';
import { LAYERS } from './layers.js';
import { FALLBACK } from './fallback.js';
import { SESSION } from './session.js';
import { FILES } from './files.js';
import { DATA } from './data.js';
import { PRETRAINED } from './pretrained.js';

const n = (f: { number(v: number, o?: Intl.NumberFormatOptions): string }, v: number) =>
  f.number(v, { maximumFractionDigits: 6 });

export const ENGINE: SameKeys<EngineTerms> = {
  ...INPUT,
  ...DOWNLOAD,
  ...CONFIG,
  ...LAYERS,
  ...FALLBACK,
  ...SESSION,
  ...FILES,
  ...DATA,
  ...PRETRAINED,
  'name.inputSize': 'La taille d’entrée',
  'name.kernelSize': 'La taille du noyau',
  'name.stride': 'Le pas',
  'name.dilation': 'La dilatation',
  'name.padding': 'La marge',
  'name.filters': 'Le nombre de filtres',
  'name.units': 'Le nombre de neurones',
  'name.inputDimension': (p) => `La dimension d’entrée ${p.index}`,
  'check.notNumber': (p) => `${p.name} doit être un nombre.`,
  'check.notFinite': (p) => `${p.name} doit être fini.`,
  'check.notWhole': (p, f) => `${p.name} doit être un nombre entier (reçu : ${n(f, p.value)}).`,
  'check.tooSmall': (p, f) => `${p.name} doit valoir au moins ${n(f, p.min)} (reçu : ${n(f, p.value)}).`,
  'check.tooLarge': (p, f) => `${p.name} est trop grand (au plus ${n(f, p.max)}).`,
  'conv.strideZero': 'Le pas doit valoir au moins 1 : avec un pas de 0, la fenêtre ne bougerait jamais.',
  'conv.paddingChoice': (p) => `La marge doit être un nombre, « same » ou « valid » (reçu : « ${p.got} »).`,
  'conv.poolPadding': (p) =>
    `La marge d’un pooling doit valoir au plus la moitié du noyau (${p.max} pour une fenêtre de largeur ${p.kernel}).`,
  'conv.kernelTooLarge': (p) =>
    `Le noyau (${p.kernel}) est plus grand que l’entrée avec sa marge (${p.padded}) : la fenêtre n’a aucune position possible.`,
  'conv.dilatedTooLarge': (p) =>
    `Le noyau dilaté (${p.extent} de large) est plus grand que l’entrée avec sa marge (${p.padded}) : la fenêtre n’a aucune position possible.`,
  'size.empty':
    'La taille d’entrée est vide : indiquez une largeur comme « 28 » ou hauteur×largeur comme « 28x32 ».',
  'size.parts': (p) => `La taille d’entrée « ${p.text} » a trop de parties : écrivez « W » ou « HxW ».`,
  'size.notNumber': (p) => `La taille d’entrée « ${p.text} » n’est pas un nombre : écrivez « W » ou « HxW ».`,
  'walk.inputShape': 'La forme d’entrée doit être [canaux, hauteur, largeur] ou [caractéristiques].',
  'walk.layer': (p) => `${p.name} : ${p.error}`,
  'walk.flatInput': 'attend une entrée [canaux, hauteur, largeur], mais l’entrée est aplatie.',
  'walk.denseNeedsFlat': (p) =>
    `une couche dense attend une entrée aplatie ; l’entrée est ${p.shape} : ajoutez d’abord une couche Flatten.`,
  'walk.unknownType': (p) => `type de couche inconnu « ${p.type} ».`,
  'hyper.window': (p) => `${p.kernel}, pas ${p.stride}, marge ${p.padding}`,
  'hyper.windowDilated': (p) => `${p.kernel}, pas ${p.stride}, marge ${p.padding}, dilatation ${p.dilation}`,
  'hyper.adaptive': (p) => `vers ${p.size}`,
  'hyper.slope': (p, f) => `pente ${n(f, p.slope)}`,
  'hyper.dropout': (p, f) => `p = ${n(f, p.rate)}`,
  'hyper.unreached': (p) => `la fenêtre n’atteint jamais les ${p.count} dernière(s) ligne(s)/colonne(s)`,

  'grid.input': 'L’entrée',
  'grid.kernel': 'Le noyau',
  'grid.channel': (p) => `${p.grid} (canal ${p.channel})`,
  'grid.json': (p) =>
    `${p.grid} n’est pas du JSON valide : écrivez un tableau de lignes, p. ex. [[1,0],[0,1]].`,
  'grid.empty': (p) => `${p.grid} doit être un tableau de lignes non vide, p. ex. [[1,0],[0,1]].`,
  'grid.channels': (p) => `${p.grid} a ${p.count} canaux : au plus ${p.max}.`,
  'grid.emptyPlane': (p) => `${p.grid} doit être un tableau de lignes non vide.`,
  'grid.planeRows': (p) => `${p.grid} : tous les canaux doivent avoir le même nombre de lignes.`,
  'grid.rowNotArray': (p) => `${p.grid} : la ligne ${p.row} n’est pas un tableau de nombres.`,
  'grid.ragged': (p, f) =>
    `${p.grid} est irrégulier : la ligne ${p.row} a ${p.count} ${one(f, p.count, 'valeur', 'valeurs')}, la ligne 1 en a ${p.cols}.`,
  'grid.notFinite': (p) => `${p.grid} : la ligne ${p.row} contient ${p.value}, qui n’est pas un nombre fini.`,
  'grid.tooBig': (p, f) =>
    `${p.grid} : la ligne ${p.row} contient ${n(f, p.value)} ; les valeurs doivent aller de −${n(f, p.max)} à ${n(f, p.max)}.`,
  'grid.tooLarge': (p) =>
    `${p.grid} fait ${p.rows}×${p.cols} : l’image en contient au plus ${p.max}×${p.max}.`,
  'grid.nan': 'une valeur qui n’est pas un nombre',
  'grid.huge': 'un nombre trop grand pour calculer avec',
  'viewer.name.channels': 'Le nombre de canaux',
  'viewer.seed': (p, f) =>
    `seed doit être un nombre entier${typeof p.got === 'number' ? ` (reçu : ${n(f, p.got)})` : ''}, p. ex. 1234.`,
  'viewer.channelsMax': (p) => `Canaux : au plus ${p.max}.`,
  'viewer.inputTooLarge': (p) =>
    `La taille d’entrée ${p.rows}×${p.cols} est trop grande pour l’image : au plus ${p.max}×${p.max}.`,
  'viewer.kernelTooLarge': (p) =>
    `La taille du noyau ${p.size} est trop grande pour l’image : au plus ${p.max}.`,
  'viewer.channelMismatch': (p, f) =>
    `L’entrée a ${p.input} ${f.plural(p.input) === 'one' ? 'canal' : 'canaux'} mais le noyau en a ${p.kernel} : un noyau a besoin d’une tranche par canal d’entrée.`,
  'viewer.paddingMax': (p) => `Marge : au plus ${p.max} dans l’image.`,
  'viewer.strideMax': (p) => `Pas : au plus ${p.max}.`,
  'viewer.dilationMax': (p) => `Dilatation : au plus ${p.max}.`,
  'viewer.summary': (p, f) =>
    `Une entrée ${p.input}${p.channels > 1 ? ` à ${f.number(p.channels)} canaux` : ''}, marge ${f.number(p.padding)}, un noyau ${p.kernel}${p.dilation > 1 ? ` (dilatation ${f.number(p.dilation)})` : ''}, pas ${f.number(p.stride)} ${p.arrow} une sortie ${p.output}.`,
  'viewer.size': (p, f) => `${f.number(p.rows)}×${f.number(p.cols)}`,
  'viewer.channel': (p) => `canal ${p.channel}`,

  'shape.empty':
    'La forme d’entrée est vide : indiquez « W », « H×W » ou « C×H×W », p. ex. « 28 » ou « 3x224x224 ».',
  'shape.parts': (p) =>
    `La forme d’entrée « ${p.text} » a trop de parties : écrivez « W », « H×W » ou « C×H×W ».`,
  'shape.notNumbers': (p) =>
    `La forme d’entrée « ${p.text} » n’est pas une liste de nombres : écrivez « W », « H×W » ou « C×H×W ».`,
  'shape.channels': 'Le nombre de canaux',
  'shape.height': 'La hauteur',
  'shape.width': 'La largeur',
  'layer.withRelu': (p) => `${p.layer} + ReLU`,
  'layer.name': (p) => `${p.layer}`,
  'layer.layer': 'couche',
  'layer.scores': (p) => `${p.layer} (scores)`,

  'matrix.json': (p) =>
    `La matrice doit être un tableau JSON de lignes, p. ex. [[5,1],[2,7]] (reçu : « ${p.got} »).`,
  'matrix.notArray': (p) => `La matrice doit être un tableau de lignes (reçu : ${p.got}).`,
  'matrix.empty': 'La matrice est vide : donnez au moins une ligne.',
  'matrix.tooMany': (p) => `La matrice a ${p.rows} lignes ; au plus ${p.max} classes peuvent être affichées.`,
  'matrix.rowNotArray': (p) => `La ligne ${p.row} de la matrice n’est pas un tableau.`,
  'matrix.notSquare': (p, f) =>
    `La matrice doit être carrée (n×n) : la ligne ${p.row} a ${p.count} ${one(f, p.count, 'valeur', 'valeurs')}, ${p.n} attendues.`,
  'matrix.where': (p) => `ligne ${p.row}, colonne ${p.col}`,
  'matrix.notNumber': (p) => `Chaque effectif doit être un nombre : ${p.where} vaut ${p.value}.`,
  'matrix.infinite': (p) => `Chaque effectif doit être fini : ${p.where} est infini.`,
  'matrix.minusInfinite': (p) => `Chaque effectif doit être fini : ${p.where} vaut moins l’infini.`,
  'matrix.negative': (p, f) =>
    `Les effectifs ne peuvent pas être négatifs : ${p.where} vaut ${n(f, p.value)}.`,
  'matrix.notWhole': (p, f) =>
    `Les effectifs doivent être des nombres entiers : ${p.where} vaut ${n(f, p.value)}. (Utilisez normalize pour afficher des fractions.)`,
  'matrix.tooLarge': (p, f) =>
    `Les effectifs sont trop grands : leur total doit valoir au plus ${f.number(p.max)} (${p.where} le dépasse).`,
  'labels.count': (p, f) =>
    `${p.count} ${f.plural(p.count) === 'one' ? 'étiquette' : 'étiquettes'} pour ${p.n} classes : donnez une étiquette par classe, séparées par des virgules.`,
  'labels.empty': (p, f) =>
    `${f.plural(p.count) === 'one' ? `L’étiquette ${p.which} est vide` : `Les étiquettes ${p.which} sont vides`} : donnez un nom à chaque classe, séparés par des virgules (p. ex. "chat,chien,oiseau").`,
};
