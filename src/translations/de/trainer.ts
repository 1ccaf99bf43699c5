/** Deutsch: die Wörter von `<cnn-trainer>` (see ../types.ts). */
import type { TRAINER_EN } from '../../components/cnn-trainer/cnn-trainer.strings.js';
import type { SameKeys } from '../types.js';
import type { CONFIG_MESSAGES } from '../../engine/training/config.messages.js';
import { int, one, dec, dec2 } from '../formats.js';

export const TRAINER: SameKeys<typeof TRAINER_EN> = {
  'trainer.start': 'Start',
  'trainer.startAgain': 'Neu starten',
  'trainer.pause': 'Anhalten',
  'trainer.resume': 'Fortsetzen',
  'trainer.stop': 'Beenden',
  'trainer.backend': 'Backend:',
  'trainer.downloadCode': 'PyTorch-Code herunterladen',
  'trainer.downloadWeights': 'Gewichte herunterladen',
  'trainer.loadWeights': 'Gewichte laden',
  'trainer.fineTune': 'Auf beigebrachten Beispielen feinabstimmen',
  'trainer.fineTuning': 'Feinabstimmung…',
  'trainer.fineTuned': (p, f) =>
    `${p.correct} von ${p.examples} beigebrachten ${one(f, p.examples, 'Beispiel', 'Beispielen')} werden nach ${f.number(p.steps)} Schritten richtig erkannt; Testgenauigkeit ${f.percent(p.before)} → ${f.percent(p.after)}.`,
  'trainer.settings': 'Trainingseinstellungen',
  'trainer.model': 'Modell',
  'trainer.model.fnn': 'FNN (vollständig verbunden)',
  'trainer.model.custom': 'Eigenes Netz',
  'trainer.epochs': 'Epochen',
  'trainer.batchSize': 'Batchgröße',
  'trainer.learningRate': 'Lernrate',
  'trainer.optimizer': 'Optimierer',
  'trainer.lrSchedule': 'Lernraten-Verlauf',
  'trainer.schedule.cooldown': 'Abklingen',
  'trainer.schedule.constant': 'Konstant',
  'trainer.schedule.cosine': 'Kosinus',
  'trainer.trainSize': 'Trainingsbilder (Anzahl)',
  'trainer.layers': 'Ihr Netz (PyTorch-Schichten, durch Kommas oder Zeilenumbrüche getrennt)',
  'trainer.downloadProgress': 'Fortschritt des Downloads',
  'trainer.trainingProgress': 'Fortschritt des Trainings',
  'trainer.evaluated': 'Geladene Gewichte, auf den Testbildern ausgewertet',
  'trainer.evaluating': 'Die geladenen Gewichte werden auf den Testbildern ausgewertet',
  'trainer.failed': 'Fehlgeschlagen',
  'trainer.split.train': 'Training',
  'trainer.split.test': 'Test',
  'trainer.startingTf': 'TensorFlow.js wird gestartet…',
  'trainer.downloading': (p, f) =>
    `${p.dataset}-Bilder (${p.split}) werden geladen: ${f.percent(p.percent, 0)}`,
  'trainer.downloadingSized': (p, f) =>
    `${p.dataset}-Bilder (${p.split}) werden geladen: ${f.number(p.loaded, dec)} von ${f.number(p.total, dec)} MB · ${f.percent(p.percent, 0)}`,
  'trainer.batch': (p, f) =>
    `${p.state === 'paused' ? 'Angehalten · ' : p.state === 'done' ? 'Fertig · ' : p.state === 'stopped' ? 'Abgebrochen · ' : ''}Epoche ${p.epoch}/${p.epochs} · Batch ${int(f, p.batch)}/${int(f, p.batches)}${p.speed > 0 ? ` · ${int(f, p.speed)} Bilder/s` : ''}`,
  'trainer.preparing': 'Der erste Batch wird vorbereitet…',
  'trainer.paused': 'Angehalten',
  'trainer.ready': (p, f) =>
    `Bereit: ${int(f, p.epochs)} ${one(f, p.epochs, 'Epoche', 'Epochen')} auf ${int(f, p.images)} Bildern${p.of}`,
  'trainer.ofDataset': (p, f) =>
    ` aus ${p.name} (${int(f, p.classes)} ${one(f, p.classes, 'Klasse', 'Klassen')}${p.names ? `: ${p.names}` : ''})`,
  'trainer.readingDataset': 'Der Datensatz wird gelesen…',
  'trainer.fixSettings': 'Korrigieren Sie die Einstellungen, um zu starten',
  'trainer.hiddenPause': 'Angehalten, weil der Tab verborgen war. Drücken Sie Fortsetzen, um weiterzumachen.',
  'trainer.autostartHeld':
    'Nicht von selbst gestartet, weil Ihr Gerät um weniger Bewegung bittet. Drücken Sie Start, um zu trainieren.',
  'trainer.lossCaption': 'Verlust (geglättet)',
  'trainer.trainAccuracy': 'Trainingsgenauigkeit',
  'trainer.testAccuracyCaption': 'Testgenauigkeit (pro Epoche)',
  'trainer.epochAxis': 'Epoche',
  'trainer.lossEmpty': 'Verlust pro Batch (geglättet): noch keine Daten.',
  'trainer.accuracyEmpty': 'Genauigkeit pro Batch und Testgenauigkeit pro Epoche: noch keine Daten.',
  'trainer.lossSummary': (p, f) =>
    `Verlust pro Batch (geglättet): von ${f.number(p.from, dec2)} auf ${f.number(p.to, dec2)} nach ${f.number(p.batches)} Batches.`,
  'trainer.accuracySummary': (p, f) =>
    `Trainingsgenauigkeit pro Batch (geglättet): von ${f.percent(p.from)} auf ${f.percent(p.to)}.${p.tests ? ` Testgenauigkeit pro Epoche: ${p.tests}.` : ''}`,
  // The charts' data table.
  'trainer.tableCaption':
    'Verlust und Genauigkeit pro Epoche (geglättete Werte beim letzten Batch der Epoche)',
  'trainer.col.epoch': 'Epoche',
  'trainer.col.batches': 'Batches',
  'trainer.col.loss': 'Verlust',
  'trainer.col.trainAccuracy': 'Trainingsgenauigkeit',
  'trainer.col.testAccuracy': 'Testgenauigkeit',
  'trainer.result': 'Testgenauigkeit {0}',
  'trainer.resultOn': (p, f) => `Testgenauigkeit {0} auf ${f.number(p.images)} Bildern`,
  'trainer.noResult': 'Die Testgenauigkeit erscheint nach der ersten Epoche.',
  'trainer.noResultEnded': 'Der Lauf endete, bevor die Testdaten ausgewertet wurden: keine Testgenauigkeit.',
  'trainer.settingError': (p) => `${String(p.error).charAt(0).toUpperCase()}${String(p.error).slice(1)}`,
  'trainer.networkError': (p) => `Ihr Netz (layers): ${p.error}`,
  'trainer.unknownPreset': (p) => `Unbekanntes preset "${p.preset}": Das einzige preset ist "notebook".`,
  'trainer.batchTooLarge': (p, f) =>
    `Die Batchgröße (${f.number(p.batch)}) ist größer als die Trainingsmenge (${f.number(p.images)} Bilder).`,
  'trainer.tooMuchWork': (p, f) =>
    `${f.number(p.epochs)} Epochen × ${f.number(p.images)} Bilder sind zu viel Arbeit für eine Webseite (höchstens ${f.number(p.max)} Bilddurchläufe, z. B. 20 Epochen mit allen ${f.number(60000)}): Verringern Sie die Epochen oder die Zahl der Trainingsbilder.`,
  'trainer.announceStart': (p) => `Das ${p.model} wird trainiert, Backend: ${p.backend || 'Standard'}.`,
  'trainer.announceEpoch': (p, f) =>
    `Epoche ${p.epoch} von ${p.epochs > 0 ? p.epochs : '?'} fertig${Number.isFinite(p.accuracy) ? `: Testgenauigkeit ${f.percent(p.accuracy)}` : ''}.`,
  'trainer.announceLoaded': (p, f) =>
    Number.isFinite(p.accuracy)
      ? `Gewichte geladen: Testgenauigkeit ${f.percent(p.accuracy)}.`
      : 'Gewichte geladen.',
  'trainer.announceEnd': (p, f) =>
    `${p.stopped === 'yes' ? 'Training abgebrochen' : 'Training beendet'}${Number.isFinite(p.accuracy) ? `: Testgenauigkeit ${f.percent(p.accuracy)}` : ''}.`,
  'trainer.announceFailed': (p) => `Das Training ist fehlgeschlagen: ${p.error}`,
};

export const CONFIG: SameKeys<typeof CONFIG_MESSAGES> = {
  'config.notSpec': 'spec muss ein Netz sein ({ name, inputShape, layers: [...] }).',
  'config.spec': (p) => `spec: ${p.error}`,
  'config.model': (p) => `model muss "cnn" oder "fnn" sein, nicht "${p.got}".`,
  'config.optimizer': (p) => `der Optimierer muss "adam" oder "sgd" sein, nicht "${p.got}".`,
  'config.lrSchedule': (p) =>
    `der Lernraten-Verlauf muss "constant", "cooldown" oder "cosine" sein, nicht "${p.got}".`,
  'config.backend': (p) => `backend muss auto, webgpu, webgl, wasm oder cpu sein, nicht "${p.got}".`,
  'config.epochs': (p, f) => `die Zahl der Epochen muss eine ganze Zahl von 1 bis ${f.number(p.max)} sein.`,
  'config.batchSize': (p, f) => `die Batchgröße muss eine ganze Zahl von 1 bis ${f.number(p.max)} sein.`,
  'config.learningRate': 'die Lernrate muss eine Zahl über 0 sein (und höchstens 10).',
  'config.momentum': 'das Momentum muss eine Zahl von 0 bis unter 1 sein.',
  'config.trainSize': (p, f) =>
    `die Zahl der Trainingsbilder muss eine ganze Zahl von 1 bis ${f.number(p.max)} sein.`,
  'config.testSize': (p, f) =>
    `die Zahl der Testbilder muss eine ganze Zahl von 1 bis ${f.number(p.max)} sein.`,
  'config.seed': 'seed muss eine ganze Zahl sein.',
  'config.thread': 'thread muss auto, worker oder main sein.',
  'config.workers': (p) => `workers muss "auto" oder eine ganze Zahl von 1 bis ${p.max} sein.`,
};
