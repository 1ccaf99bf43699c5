/** Français : les mots de `<digit-pad>` et les messages du moteur sur ses entrées (see ../types.ts). */
import type { PAD_EN } from '../../components/digit-pad/digit-pad.strings.js';
import type { INPUT_MESSAGES } from '../../engine/input.messages.js';
import type { SameKeys } from '../types.js';

const ex = (n: number, f: { plural(n: number): string }) => (f.plural(n) === 'one' ? 'exemple' : 'exemples');

export const PAD: SameKeys<typeof PAD_EN> = {
  'pad.mode': (p) => `mode doit valoir « draw » ou « teach », pas « ${p.got} ».`,
  'pad.padDigits': (p, f) =>
    `Zone de dessin : dessinez un chiffre de ${f.number(p.from)} à ${f.number(p.to)} à la souris, au doigt ou au stylet`,
  'pad.padClasses': (p) => `Zone de dessin : dessinez ${p.classes} à la souris, au doigt ou au stylet`,
  'pad.padManyClasses': (p, f) =>
    `Zone de dessin : dessinez l’une des ${f.number(p.count)} classes à la souris, au doigt ou au stylet`,
  'pad.clear': 'Effacer',
  'pad.loading': 'Chargement…',
  'pad.tryDigit': 'Essayer un chiffre de test',
  'pad.tryImage': 'Essayer une image de test',
  'pad.pen': 'Stylo',
  'pad.inputCentred': (p) =>
    `L’entrée ${p.size} que voit le réseau : votre dessin mis à l’échelle ${p.fit} et centré sur son centre de masse`,
  'pad.inputScaled': (p) => `L’entrée ${p.size} que voit le réseau : votre dessin réduit`,
  'pad.inputCaption': (p) => `entrée ${p.size}`,
  'pad.testCaption': (p, f) =>
    `${p.name}, image de test nº ${f.number(p.index, { useGrouping: false })}, étiquette ${p.label}`,
  'pad.prediction': 'Prédiction',
  'pad.cleared': 'Zone de dessin effacée.',
  'pad.announce': (p, f) => `Le réseau lit ${p.label} (sûr à ${f.percent(p.sure)}).`,
  'pad.probsDigits': 'Probabilité de chaque chiffre',
  'pad.probsClasses': 'Probabilité de chaque classe',
  'pad.digit': (p, f) => `Chiffre ${f.number(p.digit)}`,
  'pad.noPrediction': 'aucune prédiction',
  'pad.topClasses': (p, f) => `Les ${f.number(10)} plus probables sur ${f.number(p.count)} classes.`,
  'pad.layers': 'Activations de chaque couche',
  'pad.layerMaps': (p, f) =>
    `${p.label} : ${f.number(p.c)} ${f.plural(p.c) === 'one' ? 'carte de caractéristiques' : 'cartes de caractéristiques'} de ${f.number(p.h)}×${f.number(p.w)}`,
  'pad.layerValues': (p, f) => `${p.label} : ${f.number(p.count)} valeurs`,
  'pad.layerEmpty': (p) => `${p.label} : rien pour l’instant, dessinez quelque chose`,
  'pad.loadingNetwork': 'Chargement du réseau pré-entraîné…',
  'pad.waitingTrain': (p) =>
    `En attente de l’entraînement de #${p.id} : son réseau n’a pas encore de poids. Appuyez sur son bouton Démarrer.`,
  'pad.waitingTrainer': (p) => `En attente d’un entraîneur d’id « ${p.id} » sur cette page.`,
  'pad.loadFailed': 'Le réseau pré-entraîné n’a pas pu être chargé.',
  'pad.predictFailed': (p) => `La prédiction a échoué : ${p.error}`,
  'pad.invalidNumbers':
    'Le réseau a renvoyé des nombres invalides (s’entraîne-t-il encore à partir de zéro ?).',
  'pad.testDigitsFailed': (p) => `Impossible de charger les chiffres de test de ${p.name} : ${p.error}`,
  'pad.testImagesFailed': (p) => `Impossible de charger les images de test de ${p.name} : ${p.error}`,
  'pad.testNeedsStart': (p) =>
    `Les images de test de ${p.name} arrivent avec les données de #${p.id} : appuyez d’abord sur son bouton Démarrer.`,
  'pad.examples': (p) => `examples : ${p.error}`,
  'pad.teach.label': 'Bonne étiquette',
  'pad.teach.pick': 'Choisir…',
  'pad.teach.teach': 'Apprendre',
  'pad.teach.fineTune': 'Affiner',
  'pad.teach.fineTuningButton': 'Affinage…',
  'pad.teach.forget': 'Oublier',
  'pad.teach.hint': 'Dessinez, choisissez la bonne étiquette, appuyez sur Apprendre.',
  'pad.teach.count': (p, f) => `${f.number(p.count)} ${ex(p.count, f)} appris.`,
  'pad.teach.taught': (p, f) =>
    `Appris : ceci est ${p.label}. ${f.number(p.count)} ${ex(p.count, f)} jusqu’ici.`,
  'pad.teach.forgotten': 'Exemples oubliés.',
  'pad.teach.dropped': (p) =>
    `Le réseau lit maintenant ${p.name} (${p.shape}) : les exemples appris auparavant ont été abandonnés.`,
  'pad.teach.pickFirst': 'Choisissez d’abord la bonne étiquette, puis appuyez sur Apprendre.',
  'pad.teach.blank': 'La zone est vide : dessinez d’abord, puis apprenez au réseau ce que c’est.',
  'pad.teach.needsTrainer':
    'L’affinage demande un entraîneur : donnez à la zone for="…" avec l’id d’un <cnn-trainer>.',
  'pad.teach.noExamples':
    'Il n’y a pas encore d’exemples : dessinez, choisissez la bonne étiquette et appuyez sur Apprendre.',
  'pad.teach.fineTuning': 'Affinage sur vos exemples…',
  'pad.teach.cannot': 'L’entraîneur n’a pas pu affiner le réseau.',
  'pad.teach.failed': (p) => `Impossible d’affiner : ${p.error}`,
  'pad.teach.fineTuned': (p, f) =>
    `Affiné : ${f.number(p.correct)} ${ex(p.examples, f)} sur ${f.number(p.examples)} sont maintenant bien lus ; exactitude en test ${f.percent(p.before)} → ${f.percent(p.after)}.`,
};

export const INPUT: SameKeys<typeof INPUT_MESSAGES> = {
  'pixels.notArray': (p, f) =>
    `Les pixels doivent être un tableau de ${f.number(p.count)} nombres entre 0 et 1.`,
  'pixels.count': (p, f) =>
    `Les pixels doivent être ${f.number(p.count)} nombres (${p.shape}) ; reçu : ${f.number(p.got)}.`,
  'pixels.notFinite': (p, f) =>
    `Le pixel ${f.number(p.index)} n’est pas un nombre fini : chaque valeur doit être comprise entre 0 et 1.`,
  'label.unknown': (p) =>
    `${p.label} n’est pas une étiquette ici : choisissez parmi ${p.list} (ou son numéro, de 0 à ${p.last}).`,
  'label.none': 'Aucune étiquette',
  'examples.notArray':
    'Les exemples doivent être un tableau de { pixels, label } (apprenez d’abord quelques dessins à la zone).',
  'examples.empty':
    'Il n’y a pas encore d’exemples à apprendre : dessinez, choisissez la bonne étiquette et appuyez sur Apprendre.',
  'examples.tooMany': (p, f) => `Au plus ${f.number(p.max)} exemples à la fois (reçu : ${f.number(p.got)}).`,
  'examples.notExample': (p, f) => `L’exemple ${f.number(p.n)} n’est pas un { pixels, label }.`,
  'examples.label': (p, f) =>
    `L’exemple ${f.number(p.n)} a l’étiquette ${p.label} : une étiquette est un numéro de classe de ${f.number(0)} à ${f.number(p.last)}.`,
  'examples.pixels': (p, f) =>
    `L’exemple ${f.number(p.n)} a ${p.got < 0 ? 'zéro' : f.number(p.got)} valeurs de pixel ; ce réseau en prend ${f.number(p.size)} (${p.shape}).`,
  'examples.pixel': (p, f) =>
    `Exemple ${f.number(p.n)} : le pixel ${f.number(p.index)} n’est pas un nombre fini (valeurs de 0 à 1).`,
  'examples.steps': (p, f) =>
    `Le nombre de pas d’affinage doit être un entier de ${f.number(1)} à ${f.number(p.max)}.`,
};
