/** Deutsch: die Wörter von `<digit-pad>` und die Meldungen der Engine zu seinen Eingaben (see ../types.ts). */
import type { PAD_EN } from '../../components/digit-pad/digit-pad.strings.js';
import type { INPUT_MESSAGES } from '../../engine/input.messages.js';
import type { SameKeys } from '../types.js';

const ex = (n: number, f: { plural(n: number): string }) =>
  f.plural(n) === 'one' ? 'Beispiel' : 'Beispiele';

export const PAD: SameKeys<typeof PAD_EN> = {
  'pad.mode': (p) => `mode muss "draw" oder "teach" sein, nicht "${p.got}".`,
  'pad.padDigits': (p, f) =>
    `Zeichenfeld: Zeichnen Sie eine Ziffer von ${f.number(p.from)} bis ${f.number(p.to)} mit Maus, Finger oder Stift`,
  'pad.padClasses': (p) => `Zeichenfeld: Zeichnen Sie ${p.classes} mit Maus, Finger oder Stift`,
  'pad.padManyClasses': (p, f) =>
    `Zeichenfeld: Zeichnen Sie eine der ${f.number(p.count)} Klassen mit Maus, Finger oder Stift`,
  'pad.clear': 'Löschen',
  'pad.loading': 'Wird geladen…',
  'pad.tryDigit': 'Testziffer zeigen',
  'pad.tryImage': 'Testbild zeigen',
  'pad.pen': 'Stift',
  'pad.inputCentred': (p) =>
    `Die ${p.size}-Eingabe, die das Netz sieht: Ihre Zeichnung, auf ${p.fit} skaliert und nach ihrem Schwerpunkt zentriert`,
  'pad.inputScaled': (p) => `Die ${p.size}-Eingabe, die das Netz sieht: Ihre Zeichnung, verkleinert`,
  'pad.inputCaption': (p) => `Eingabe ${p.size}`,
  'pad.testCaption': (p, f) =>
    `${p.name}-Testbild Nr. ${f.number(p.index, { useGrouping: false })}, Klasse ${p.label}`,
  'pad.prediction': 'Vorhersage',
  'pad.cleared': 'Zeichenfeld gelöscht.',
  'pad.announce': (p, f) => `Das Netz erkennt ${p.label} (zu ${f.percent(p.sure)} sicher).`,
  'pad.probsDigits': 'Wahrscheinlichkeit jeder Ziffer',
  'pad.probsClasses': 'Wahrscheinlichkeit jeder Klasse',
  'pad.digit': (p, f) => `Ziffer ${f.number(p.digit)}`,
  'pad.noPrediction': 'keine Vorhersage',
  'pad.topClasses': (p, f) => `Die ${f.number(10)} wahrscheinlichsten von ${f.number(p.count)} Klassen.`,
  'pad.layers': 'Aktivierungen jeder Schicht',
  'pad.layerMaps': (p, f) =>
    `${p.label}: ${f.number(p.c)} ${f.plural(p.c) === 'one' ? 'Merkmalskarte' : 'Merkmalskarten'} zu ${f.number(p.h)}×${f.number(p.w)}`,
  'pad.layerValues': (p, f) => `${p.label}: ${f.number(p.count)} Werte`,
  'pad.layerEmpty': (p) => `${p.label}: noch leer, zeichnen Sie etwas`,
  'pad.loadingNetwork': 'Das vortrainierte Netz wird geladen…',
  'pad.waitingTrain': (p) =>
    `Warten auf das Training von #${p.id}: Sein Netz hat noch keine Gewichte. Drücken Sie dort auf Start.`,
  'pad.waitingTrainer': (p) => `Warten auf einen Trainer mit der id "${p.id}" auf dieser Seite.`,
  'pad.loadFailed': 'Das vortrainierte Netz konnte nicht geladen werden.',
  'pad.predictFailed': (p) => `Die Vorhersage ist fehlgeschlagen: ${p.error}`,
  'pad.invalidNumbers': 'Das Netz hat ungültige Zahlen geliefert (trainiert es noch von Grund auf?).',
  'pad.testDigitsFailed': (p) => `Die ${p.name}-Testziffern konnten nicht geladen werden: ${p.error}`,
  'pad.testImagesFailed': (p) => `Die ${p.name}-Testbilder konnten nicht geladen werden: ${p.error}`,
  'pad.testNeedsStart': (p) =>
    `Die ${p.name}-Testbilder kommen mit den Daten von #${p.id}: Drücken Sie dort zuerst auf Start.`,
  'pad.examples': (p) => `examples: ${p.error}`,
  'pad.teach.label': 'Richtige Klasse',
  'pad.teach.pick': 'Wählen…',
  'pad.teach.teach': 'Beibringen',
  'pad.teach.fineTune': 'Feinabstimmen',
  'pad.teach.fineTuningButton': 'Feinabstimmung…',
  'pad.teach.forget': 'Vergessen',
  'pad.teach.hint': 'Zeichnen, die richtige Klasse wählen, Beibringen drücken.',
  'pad.teach.count': (p, f) => `${f.number(p.count)} ${ex(p.count, f)} beigebracht.`,
  'pad.teach.taught': (p, f) =>
    `Beigebracht: Das ist ${p.label}. Bisher ${f.number(p.count)} ${ex(p.count, f)}.`,
  'pad.teach.forgotten': 'Beispiele vergessen.',
  'pad.teach.dropped': (p) =>
    `Das Netz liest jetzt ${p.name} (${p.shape}): Die zuvor beigebrachten Beispiele wurden verworfen.`,
  'pad.teach.pickFirst': 'Wählen Sie zuerst die richtige Klasse, dann drücken Sie Beibringen.',
  'pad.teach.blank':
    'Das Zeichenfeld ist leer: Zeichnen Sie zuerst, dann bringen Sie dem Netz bei, was es ist.',
  'pad.teach.needsTrainer':
    'Die Feinabstimmung braucht einen Trainer: Geben Sie dem Feld for="…" mit der id eines <cnn-trainer>.',
  'pad.teach.noExamples':
    'Es gibt noch keine Beispiele: Zeichnen, die richtige Klasse wählen und Beibringen drücken.',
  'pad.teach.fineTuning': 'Feinabstimmung auf Ihren Beispielen…',
  'pad.teach.cannot': 'Der Trainer konnte keine Feinabstimmung durchführen.',
  'pad.teach.failed': (p) => `Die Feinabstimmung ist fehlgeschlagen: ${p.error}`,
  'pad.teach.fineTuned': (p, f) =>
    `Feinabgestimmt: ${f.number(p.correct)} von ${f.number(p.examples)} ${ex(p.examples, f)} werden jetzt richtig erkannt; Testgenauigkeit ${f.percent(p.before)} → ${f.percent(p.after)}.`,
};

export const INPUT: SameKeys<typeof INPUT_MESSAGES> = {
  'pixels.notArray': (p, f) =>
    `Die Pixel müssen ein Array von ${f.number(p.count)} Zahlen zwischen 0 und 1 sein.`,
  'pixels.count': (p, f) =>
    `Es müssen ${f.number(p.count)} Pixelwerte sein (${p.shape}), erhalten: ${f.number(p.got)}.`,
  'pixels.notFinite': (p, f) =>
    `Pixel ${f.number(p.index)} ist keine endliche Zahl: Jeder Wert muss zwischen 0 und 1 liegen.`,
  'label.unknown': (p) =>
    `${p.label} ist hier keine Klasse: Wählen Sie eine von ${p.list} (oder ihre Nummer, 0 bis ${p.last}).`,
  'label.none': 'Keine Angabe',
  'examples.notArray':
    'Die Beispiele müssen ein Array von { pixels, label } sein (bringen Sie dem Feld zuerst ein paar Zeichnungen bei).',
  'examples.empty':
    'Es gibt noch keine Beispiele zum Lernen: Zeichnen, die richtige Klasse wählen und Beibringen drücken.',
  'examples.tooMany': (p, f) =>
    `Höchstens ${f.number(p.max)} Beispiele auf einmal (erhalten: ${f.number(p.got)}).`,
  'examples.notExample': (p, f) => `Beispiel ${f.number(p.n)} ist kein { pixels, label }.`,
  'examples.label': (p, f) =>
    `Beispiel ${f.number(p.n)} hat die Klasse ${p.label}: Eine Klasse ist eine Nummer von ${f.number(0)} bis ${f.number(p.last)}.`,
  'examples.pixels': (p, f) =>
    `Beispiel ${f.number(p.n)} hat ${p.got < 0 ? 'keine' : f.number(p.got)} Pixelwerte; dieses Netz nimmt ${f.number(p.size)} (${p.shape}).`,
  'examples.pixel': (p, f) =>
    `Beispiel ${f.number(p.n)}: Pixel ${f.number(p.index)} ist keine endliche Zahl (Werte von 0 bis 1).`,
  'examples.steps': (p, f) =>
    `Die Zahl der Schritte der Feinabstimmung muss eine ganze Zahl von ${f.number(1)} bis ${f.number(p.max)} sein.`,
};
