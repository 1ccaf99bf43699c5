/** Français : ce qu’une session d’entraînement refuse ou ce qui la fait échouer (see ../../engine/training/session.messages.ts). */
import type { SameKeys } from '../types.js';
import type { SESSION_MESSAGES } from '../../engine/training/session.messages.js';

export const SESSION: SameKeys<typeof SESSION_MESSAGES> = {
  'session.networkMisfit': (p) =>
    `Votre réseau (layers) ne convient pas à ${p.dataset} (images de ${p.channels}×${p.height}×${p.width}, ${p.classes} classes) : ${p.error}`,
  'session.tooMuchData': (p, f) =>
    `${f.number(p.train)} images d’entraînement et ${f.number(p.test)} images de test de ${p.width}×${p.height}×${p.channels} font ${f.number(p.mb)} Mo, plus que ce qu’un onglet du navigateur devrait contenir (${f.number(p.maxMb)} Mo) : donnez à train-size au plus ${f.number(p.most)}.`,
  'session.disposed': 'Cette session d’entraînement a été libérée.',
  'session.notReady': 'Pas encore initialisée.',
  'session.notStartedYet': 'Le modèle n’est pas encore prêt (appelez d’abord start()).',
  'session.runFailed': 'Cet entraînement a échoué : lancez-en un nouveau, puis affinez.',
  'session.notTrained':
    'L’affinage demande un réseau entraîné : attendez la fin de l’entraînement (ou arrêtez-le).',
  'session.notStarted':
    'L’affinage demande un réseau entraîné : appuyez sur Démarrer et laissez-le s’entraîner d’abord.',
  'session.tuning': 'Un affinage est déjà en cours.',
  'session.tuningWait': 'Un affinage est déjà en cours : attendez qu’il se termine.',
  'session.tuneRate':
    'Le taux d’apprentissage de l’affinage doit être un nombre supérieur à 0 (et au plus 10).',
  'session.diverged': (p) =>
    `L’affinage a divergé à l’étape ${p.step} (la perte n’est pas un nombre) : essayez un taux d’apprentissage plus petit.`,
  'session.noExamples': (p) =>
    `Il n’y a pas encore d’exemples dont apprendre : dessinez dans un ${p.pad}, choisissez la bonne étiquette et appuyez sur Apprendre.`,
  'session.tuneFailed': (p) => `Impossible d’affiner : ${p.error}`,
  'session.workerSilent': (p, f) =>
    `Le worker d’entraînement n’a pas répondu pendant ${f.number(p.seconds)} s et a été arrêté : rechargez la page pour réessayer.`,
  'session.helperSilent': (p, f) =>
    `Un worker auxiliaire de l’entraînement n’a pas répondu pendant ${f.number(p.seconds)} s : l’entraînement s’est arrêté. Réessayez avec workers="1".`,
};
