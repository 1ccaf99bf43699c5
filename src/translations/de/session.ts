/** Deutsch: was eine Trainingssitzung ablehnt oder woran sie scheitert (see ../../engine/training/session.messages.ts). */
import type { SameKeys } from '../types.js';
import type { SESSION_MESSAGES } from '../../engine/training/session.messages.js';

export const SESSION: SameKeys<typeof SESSION_MESSAGES> = {
  'session.networkMisfit': (p) =>
    `Ihr Netz (layers) passt nicht zu ${p.dataset} (Bilder von ${p.channels}×${p.height}×${p.width}, ${p.classes} Klassen): ${p.error}`,
  'session.tooMuchData': (p, f) =>
    `${f.number(p.train)} Trainings- und ${f.number(p.test)} Testbilder von ${p.width}×${p.height}×${p.channels} sind ${f.number(p.mb)} MB, mehr als ein Browser-Tab fassen sollte (${f.number(p.maxMb)} MB): Setzen Sie train-size auf höchstens ${f.number(p.most)}.`,
  'session.disposed': 'Diese Trainingssitzung wurde beendet.',
  'session.notReady': 'Nicht initialisiert.',
  'session.notStartedYet': 'Das Modell ist noch nicht bereit (zuerst start()).',
  'session.runFailed': 'Dieser Lauf ist gescheitert: Starten Sie einen neuen und verfeinern Sie dann.',
  'session.notTrained':
    'Feinabstimmung braucht ein trainiertes Netz: Warten Sie, bis der Lauf endet (oder stoppen Sie ihn).',
  'session.notStarted':
    'Feinabstimmung braucht ein trainiertes Netz: Drücken Sie Start und lassen Sie es zuerst trainieren.',
  'session.tuning': 'Eine Feinabstimmung läuft bereits.',
  'session.tuningWait': 'Eine Feinabstimmung läuft bereits: Warten Sie, bis sie fertig ist.',
  'session.tuneRate': 'Die Lernrate der Feinabstimmung muss eine Zahl über 0 sein (und höchstens 10).',
  'session.diverged': (p) =>
    `Die Feinabstimmung ist bei Schritt ${p.step} divergiert (der Verlust ist keine Zahl): Versuchen Sie eine kleinere Lernrate.`,
  'session.noExamples': (p) =>
    `Es gibt noch keine Beispiele zum Lernen: Zeichnen Sie in einem ${p.pad}, wählen Sie die richtige Klasse und drücken Sie „Beibringen“.`,
  'session.tuneFailed': (p) => `Feinabstimmung nicht möglich: ${p.error}`,
  'session.workerSilent': (p, f) =>
    `Der Trainings-Worker hat ${f.number(p.seconds)} s lang nicht geantwortet und wurde beendet: Laden Sie die Seite neu, um es erneut zu versuchen.`,
  'session.helperSilent': (p, f) =>
    `Ein Hilfs-Worker des Trainings hat ${f.number(p.seconds)} s lang nicht geantwortet: Das Training wurde beendet. Versuchen Sie es erneut mit workers="1".`,
};
