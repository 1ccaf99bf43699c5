/** Deutsch: die Meldungen der Engine (see ../types.ts). */
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
  'name.inputSize': 'Die Eingabegröße',
  'name.kernelSize': 'Die Kerngröße',
  'name.stride': 'Die Schrittweite',
  'name.dilation': 'Die Dilatation',
  'name.padding': 'Das Padding',
  'name.filters': 'Die Zahl der Filter',
  'name.units': 'Die Zahl der Neuronen',
  'name.inputDimension': (p) => `Die Eingabedimension ${p.index}`,
  'check.notNumber': (p) => `${p.name} muss eine Zahl sein.`,
  'check.notFinite': (p) => `${p.name} muss endlich sein.`,
  'check.notWhole': (p, f) => `${p.name} muss eine ganze Zahl sein (erhalten: ${n(f, p.value)}).`,
  'check.tooSmall': (p, f) => `${p.name} muss mindestens ${n(f, p.min)} sein (erhalten: ${n(f, p.value)}).`,
  'check.tooLarge': (p, f) => `${p.name} ist zu groß (höchstens ${n(f, p.max)}).`,
  'conv.strideZero':
    'Die Schrittweite muss mindestens 1 sein: Bei einer Schrittweite von 0 würde sich das Fenster nie bewegen.',
  'conv.paddingChoice': (p) => `Das Padding muss eine Zahl, "same" oder "valid" sein (erhalten: "${p.got}").`,
  'conv.poolPadding': (p) =>
    `Das Padding beim Pooling darf höchstens die Hälfte des Kerns betragen (${p.max} bei einem ${p.kernel} breiten Fenster).`,
  'conv.kernelTooLarge': (p) =>
    `Der Kern (${p.kernel}) ist größer als die aufgefüllte Eingabe (${p.padded}): Es gibt keine Position für das Fenster.`,
  'conv.dilatedTooLarge': (p) =>
    `Der dilatierte Kern (${p.extent} breit) ist größer als die aufgefüllte Eingabe (${p.padded}): Es gibt keine Position für das Fenster.`,
  'size.empty': 'Die Eingabegröße ist leer: Geben Sie eine Breite wie "28" oder Höhe×Breite wie "28x32" an.',
  'size.parts': (p) => `Die Eingabegröße "${p.text}" hat zu viele Teile: Schreiben Sie "W" oder "HxW".`,
  'size.notNumber': (p) => `Die Eingabegröße "${p.text}" ist keine Zahl: Schreiben Sie "W" oder "HxW".`,
  'walk.inputShape': 'Die Eingabeform muss [Kanäle, Höhe, Breite] oder [Merkmale] sein.',
  'walk.layer': (p) => `${p.name}: ${p.error}`,
  'walk.flatInput': 'braucht eine Eingabe der Form [Kanäle, Höhe, Breite], aber die Eingabe ist flach.',
  'walk.denseNeedsFlat': (p) =>
    `eine vollständig verbundene Schicht braucht eine flache Eingabe; die Eingabe ist ${p.shape}: Fügen Sie zuerst eine Flatten-Schicht ein.`,
  'walk.unknownType': (p) => `unbekannter Schichttyp "${p.type}".`,
  'hyper.window': (p) => `${p.kernel}, Schrittweite ${p.stride}, Padding ${p.padding}`,
  'hyper.windowDilated': (p) =>
    `${p.kernel}, Schrittweite ${p.stride}, Padding ${p.padding}, Dilatation ${p.dilation}`,
  'hyper.adaptive': (p) => `auf ${p.size}`,
  'hyper.slope': (p, f) => `Steigung ${n(f, p.slope)}`,
  'hyper.dropout': (p, f) => `p = ${n(f, p.rate)}`,
  'hyper.unreached': (p) => `das Fenster erreicht die letzten ${p.count} Zeile(n)/Spalte(n) nie`,

  'grid.input': 'Die Eingabe',
  'grid.kernel': 'Der Kern',
  'grid.channel': (p) => `${p.grid} (Kanal ${p.channel})`,
  'grid.json': (p) =>
    `${p.grid} ist kein gültiges JSON: Schreiben Sie ein Array von Zeilen, z. B. [[1,0],[0,1]].`,
  'grid.empty': (p) => `${p.grid} muss ein nicht leeres Array von Zeilen sein, z. B. [[1,0],[0,1]].`,
  'grid.channels': (p) => `${p.grid} hat ${p.count} Kanäle: höchstens ${p.max}.`,
  'grid.emptyPlane': (p) => `${p.grid} muss ein nicht leeres Array von Zeilen sein.`,
  'grid.planeRows': (p) => `${p.grid}: Jeder Kanal muss gleich viele Zeilen haben.`,
  'grid.rowNotArray': (p) => `${p.grid}: Zeile ${p.row} ist kein Array von Zahlen.`,
  'grid.ragged': (p, f) =>
    `${p.grid} ist ungleichmäßig: Zeile ${p.row} hat ${p.count} ${one(f, p.count, 'Wert', 'Werte')}, Zeile 1 hat ${p.cols}.`,
  'grid.notFinite': (p) => `${p.grid}: Zeile ${p.row} enthält ${p.value}, das ist keine endliche Zahl.`,
  'grid.tooBig': (p, f) =>
    `${p.grid}: Zeile ${p.row} enthält ${n(f, p.value)}; die Werte müssen zwischen −${n(f, p.max)} und ${n(f, p.max)} liegen.`,
  'grid.tooLarge': (p) => `${p.grid} ist ${p.rows}×${p.cols}: Ins Bild passen höchstens ${p.max}×${p.max}.`,
  'grid.nan': 'einen Wert, der keine Zahl ist',
  'grid.huge': 'eine Zahl, die zum Rechnen zu groß ist',
  'viewer.name.channels': 'Die Zahl der Kanäle',
  'viewer.seed': (p, f) =>
    `seed muss eine ganze Zahl sein${typeof p.got === 'number' ? ` (erhalten: ${n(f, p.got)})` : ''}, z. B. 1234.`,
  'viewer.channelsMax': (p) => `Kanäle: höchstens ${p.max}.`,
  'viewer.inputTooLarge': (p) =>
    `Die Eingabegröße ${p.rows}×${p.cols} ist zu groß für das Bild: höchstens ${p.max}×${p.max}.`,
  'viewer.kernelTooLarge': (p) => `Die Kerngröße ${p.size} ist zu groß für das Bild: höchstens ${p.max}.`,
  'viewer.channelMismatch': (p, f) =>
    `Die Eingabe hat ${p.input} ${f.plural(p.input) === 'one' ? 'Kanal' : 'Kanäle'}, der Kern aber ${p.kernel}: Ein Kern braucht eine Scheibe pro Eingabekanal.`,
  'viewer.paddingMax': (p) => `Padding: höchstens ${p.max} im Bild.`,
  'viewer.strideMax': (p) => `Schrittweite: höchstens ${p.max}.`,
  'viewer.dilationMax': (p) => `Dilatation: höchstens ${p.max}.`,
  'viewer.summary': (p, f) =>
    `Eine ${p.channels > 1 ? `${f.number(p.channels)}-kanalige ` : ''}Eingabe von ${p.input}, Padding ${f.number(p.padding)}, ein ${p.kernel}-Kern${p.dilation > 1 ? ` (Dilatation ${f.number(p.dilation)})` : ''}, Schrittweite ${f.number(p.stride)} ${p.arrow} eine Ausgabe von ${p.output}.`,
  'viewer.size': (p, f) => `${f.number(p.rows)}×${f.number(p.cols)}`,
  'viewer.channel': (p) => `Kanal ${p.channel}`,

  'shape.empty':
    'Die Eingabeform ist leer: Geben Sie "W", "H×W" oder "C×H×W" an, z. B. "28" oder "3x224x224".',
  'shape.parts': (p) =>
    `Die Eingabeform "${p.text}" hat zu viele Teile: Schreiben Sie "W", "H×W" oder "C×H×W".`,
  'shape.notNumbers': (p) =>
    `Die Eingabeform "${p.text}" ist keine Liste von Zahlen: Schreiben Sie "W", "H×W" oder "C×H×W".`,
  'shape.channels': 'Die Zahl der Kanäle',
  'shape.height': 'Die Höhe',
  'shape.width': 'Die Breite',
  'layer.withRelu': (p) => `${p.layer} + ReLU`,
  'layer.name': (p) => `${p.layer}`,
  'layer.layer': 'Schicht',
  'layer.scores': (p) => `${p.layer} (Bewertungen)`,

  'matrix.json': (p) =>
    `Die Matrix muss ein JSON-Array von Zeilen sein, z. B. [[5,1],[2,7]] (erhalten: "${p.got}").`,
  'matrix.notArray': (p) => `Die Matrix muss ein Array von Zeilen sein (erhalten: ${p.got}).`,
  'matrix.empty': 'Die Matrix ist leer: Geben Sie mindestens eine Zeile an.',
  'matrix.tooMany': (p) =>
    `Die Matrix hat ${p.rows} Zeilen; höchstens ${p.max} Klassen können gezeigt werden.`,
  'matrix.rowNotArray': (p) => `Zeile ${p.row} der Matrix ist kein Array.`,
  'matrix.notSquare': (p, f) =>
    `Die Matrix muss quadratisch sein (n×n): Zeile ${p.row} hat ${p.count} ${one(f, p.count, 'Wert', 'Werte')}, erwartet sind ${p.n}.`,
  'matrix.where': (p) => `Zeile ${p.row}, Spalte ${p.col}`,
  'matrix.notNumber': (p) => `Jede Anzahl muss eine Zahl sein: ${p.where} ist ${p.value}.`,
  'matrix.infinite': (p) => `Jede Anzahl muss endlich sein: ${p.where} ist unendlich.`,
  'matrix.minusInfinite': (p) => `Jede Anzahl muss endlich sein: ${p.where} ist minus unendlich.`,
  'matrix.negative': (p, f) => `Anzahlen können nicht negativ sein: ${p.where} ist ${n(f, p.value)}.`,
  'matrix.notWhole': (p, f) =>
    `Anzahlen müssen ganze Zahlen sein: ${p.where} ist ${n(f, p.value)}. (Für Anteile verwenden Sie normalize.)`,
  'matrix.tooLarge': (p, f) =>
    `Die Anzahlen sind zu groß: Ihre Summe darf höchstens ${f.number(p.max)} betragen (${p.where} überschreitet das).`,
  'labels.count': (p, f) =>
    `${p.count} ${f.plural(p.count) === 'one' ? 'Bezeichnung' : 'Bezeichnungen'} für ${p.n} Klassen: Geben Sie eine Bezeichnung pro Klasse an, durch Kommas getrennt.`,
  'labels.empty': (p, f) =>
    `${f.plural(p.count) === 'one' ? `Bezeichnung ${p.which} ist` : `Bezeichnungen ${p.which} sind`} leer: Geben Sie jeder Klasse einen Namen, durch Kommas getrennt (z. B. "Katze,Hund,Vogel").`,
};
