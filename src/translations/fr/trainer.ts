/** Français : les mots de `<cnn-trainer>` (see ../types.ts). */
import type { TRAINER_EN } from '../../components/cnn-trainer/cnn-trainer.strings.js';
import type { SameKeys } from '../types.js';
import type { CONFIG_MESSAGES } from '../../engine/training/config.messages.js';
import { int, one, dec, dec2 } from '../formats.js';

export const TRAINER: SameKeys<typeof TRAINER_EN> = {
  'trainer.start': 'Démarrer',
  'trainer.startAgain': 'Redémarrer',
  'trainer.pause': 'Mettre en pause',
  'trainer.resume': 'Reprendre',
  'trainer.stop': 'Arrêter',
  'trainer.backend': 'Backend :',
  'trainer.downloadCode': 'Télécharger le code PyTorch',
  'trainer.downloadWeights': 'Télécharger les poids',
  'trainer.loadWeights': 'Charger des poids',
  'trainer.fineTune': 'Affiner sur les exemples appris',
  'trainer.fineTuning': 'Affinage…',
  'trainer.fineTuned': (p, f) =>
    `${p.correct} ${one(f, p.examples, 'exemple appris', 'exemples appris')} sur ${p.examples} sont bien lus après ${f.number(p.steps)} pas ; exactitude en test ${f.percent(p.before)} → ${f.percent(p.after)}.`,
  'trainer.settings': 'Réglages de l’entraînement',
  'trainer.model': 'Modèle',
  'trainer.model.fnn': 'FNN (dense)',
  'trainer.model.custom': 'Le vôtre',
  'trainer.epochs': 'Époques',
  'trainer.batchSize': 'Taille du lot',
  'trainer.learningRate': 'Taux d’apprentissage',
  'trainer.optimizer': 'Optimiseur',
  'trainer.lrSchedule': 'Évolution du taux',
  'trainer.schedule.cooldown': 'Refroidissement',
  'trainer.schedule.constant': 'Constant',
  'trainer.schedule.cosine': 'Cosinus',
  'trainer.trainSize': 'Images d’entraînement',
  'trainer.layers': 'Votre réseau (couches PyTorch, séparées par des virgules ou des retours à la ligne)',
  'trainer.downloadProgress': 'Progression du téléchargement',
  'trainer.trainingProgress': 'Progression de l’entraînement',
  'trainer.evaluated': 'Poids chargés, évalués sur les images de test',
  'trainer.evaluating': 'Évaluation des poids chargés sur les images de test',
  'trainer.failed': 'Échec',
  'trainer.split.train': 'd’entraînement',
  'trainer.split.test': 'de test',
  'trainer.startingTf': 'Démarrage de TensorFlow.js…',
  'trainer.downloading': (p, f) =>
    `Téléchargement des images ${p.split} de ${p.dataset} : ${f.percent(p.percent, 0)}`,
  'trainer.downloadingSized': (p, f) =>
    `Téléchargement des images ${p.split} de ${p.dataset} : ${f.number(p.loaded, dec)} sur ${f.number(p.total, dec)} Mo · ${f.percent(p.percent, 0)}`,
  'trainer.batch': (p, f) =>
    `${p.state === 'paused' ? 'En pause · ' : p.state === 'done' ? 'Terminé · ' : p.state === 'stopped' ? 'Arrêté · ' : ''}époque ${p.epoch}/${p.epochs} · lot ${int(f, p.batch)}/${int(f, p.batches)}${p.speed > 0 ? ` · ${int(f, p.speed)} img/s` : ''}`,
  'trainer.preparing': 'Préparation du premier lot…',
  'trainer.paused': 'En pause',
  'trainer.ready': (p, f) =>
    `Prêt : ${int(f, p.epochs)} ${one(f, p.epochs, 'époque', 'époques')} sur ${int(f, p.images)} images${p.of}`,
  'trainer.ofDataset': (p, f) =>
    ` de ${p.name} (${int(f, p.classes)} ${one(f, p.classes, 'classe', 'classes')}${p.names ? ` : ${p.names}` : ''})`,
  'trainer.readingDataset': 'Lecture du jeu de données…',
  'trainer.fixSettings': 'Corrigez les réglages pour démarrer',
  'trainer.hiddenPause': 'En pause car l’onglet était masqué. Appuyez sur Reprendre pour continuer.',
  'trainer.autostartHeld':
    'L’entraînement n’a pas démarré automatiquement, car votre appareil demande de réduire les animations. Appuyez sur Démarrer pour le lancer.',
  'trainer.lossCaption': 'Perte (lissée)',
  'trainer.trainAccuracy': 'Exactitude d’entraînement',
  'trainer.testAccuracyCaption': 'Exactitude en test (par époque)',
  'trainer.epochAxis': 'époque',
  'trainer.lossEmpty': 'Perte par lot (lissée) : pas encore de données.',
  'trainer.accuracyEmpty': 'Exactitude par lot et exactitude en test par époque : pas encore de données.',
  'trainer.lossSummary': (p, f) =>
    `Perte par lot (lissée) : de ${f.number(p.from, dec2)} à ${f.number(p.to, dec2)} après ${f.number(p.batches)} lots.`,
  'trainer.accuracySummary': (p, f) =>
    `Exactitude d’entraînement par lot (lissée) : de ${f.percent(p.from)} à ${f.percent(p.to)}.${p.tests ? ` Exactitude en test par époque : ${p.tests}.` : ''}`,
  // The charts' data table.
  'trainer.tableCaption': 'Perte et exactitude par époque (valeurs lissées au dernier lot de l’époque)',
  'trainer.col.epoch': 'Époque',
  'trainer.col.batches': 'Lots',
  'trainer.col.loss': 'Perte',
  'trainer.col.trainAccuracy': 'Exactitude d’entraînement',
  'trainer.col.testAccuracy': 'Exactitude en test',
  'trainer.result': 'Exactitude en test {0}',
  'trainer.resultOn': (p, f) => `Exactitude en test {0} sur ${f.number(p.images)} images`,
  'trainer.noResult': 'L’exactitude en test apparaît après la première époque.',
  'trainer.noResultEnded':
    'L’entraînement s’est arrêté avant l’évaluation sur le jeu de test : pas d’exactitude en test.',
  'trainer.settingError': (p) => `${String(p.error).charAt(0).toUpperCase()}${String(p.error).slice(1)}`,
  'trainer.networkError': (p) => `Votre réseau (layers) : ${p.error}`,
  'trainer.unknownPreset': (p) => `preset inconnu « ${p.preset} » : le seul preset est « notebook ».`,
  'trainer.batchTooLarge': (p, f) =>
    `La taille du lot (${f.number(p.batch)}) dépasse l’ensemble d’entraînement (${f.number(p.images)} images).`,
  'trainer.tooMuchWork': (p, f) =>
    `${f.number(p.epochs)} époques × ${f.number(p.images)} images, c’est trop de travail pour une page web (au plus ${f.number(p.max)} passages d’images, p. ex. 20 époques des ${f.number(60000)}) : réduisez les époques ou le nombre d’images.`,
  'trainer.announceStart': (p) => `Entraînement du ${p.model} sur le backend ${p.backend || 'par défaut'}.`,
  'trainer.announceEpoch': (p, f) =>
    `Époque ${p.epoch} sur ${p.epochs > 0 ? p.epochs : '?'} terminée${Number.isFinite(p.accuracy) ? ` : exactitude en test ${f.percent(p.accuracy)}` : ''}.`,
  'trainer.announceLoaded': (p, f) =>
    Number.isFinite(p.accuracy)
      ? `Poids chargés : exactitude en test ${f.percent(p.accuracy)}.`
      : 'Poids chargés.',
  'trainer.announceEnd': (p, f) =>
    `${p.stopped === 'yes' ? 'Entraînement arrêté' : 'Entraînement terminé'}${Number.isFinite(p.accuracy) ? ` : exactitude en test ${f.percent(p.accuracy)}` : ''}.`,
  'trainer.announceFailed': (p) => `L’entraînement a échoué : ${p.error}`,
};

export const CONFIG: SameKeys<typeof CONFIG_MESSAGES> = {
  'config.notSpec': 'spec doit être un réseau ({ name, inputShape, layers: [...] }).',
  'config.spec': (p) => `spec : ${p.error}`,
  'config.model': (p) => `model doit valoir « cnn » ou « fnn », pas « ${p.got} ».`,
  'config.optimizer': (p) => `l’optimiseur doit valoir « adam » ou « sgd », pas « ${p.got} ».`,
  'config.lrSchedule': (p) =>
    `l’évolution du taux doit valoir « constant », « cooldown » ou « cosine », pas « ${p.got} ».`,
  'config.backend': (p) => `backend doit valoir auto, webgpu, webgl, wasm ou cpu, pas « ${p.got} ».`,
  'config.epochs': (p, f) => `le nombre d’époques doit être un entier de 1 à ${f.number(p.max)}.`,
  'config.batchSize': (p, f) => `la taille du lot doit être un entier de 1 à ${f.number(p.max)}.`,
  'config.learningRate': 'le taux d’apprentissage doit être un nombre supérieur à 0 (et au plus 10).',
  'config.momentum': 'le momentum doit être un nombre de 0 à moins de 1.',
  'config.trainSize': (p, f) =>
    `le nombre d’images d’entraînement doit être un entier de 1 à ${f.number(p.max)}.`,
  'config.testSize': (p, f) => `le nombre d’images de test doit être un entier de 1 à ${f.number(p.max)}.`,
  'config.seed': 'seed doit être un nombre entier.',
  'config.thread': 'thread doit valoir auto, worker ou main.',
  'config.workers': (p) => `workers doit valoir « auto » ou un entier de 1 à ${p.max}.`,
};
