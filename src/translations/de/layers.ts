/** Deutsch: die Meldungen zu einem PyTorch-`layers`-Text (see ../../engine/models/layers.messages.ts). */
import type { SameKeys } from '../types.js';
import type { LAYERS_MESSAGES } from '../../engine/models/layers.messages.js';
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;
const count = (f: F, n: number, one: string, many: string) =>
  `${f.number(Math.round(n))} ${f.plural(n) === 'one' ? one : many}`;
const features = (f: F, n: number) => count(f, n, 'Merkmal', 'Merkmale');
const mflop = (f: F, n: number) => f.number(n, { maximumFractionDigits: n < 10 ? 1 : 0 });

export const LAYERS: SameKeys<typeof LAYERS_MESSAGES> = {
  'layers.at': (p) => `Zeile ${p.line}, Spalte ${p.column}: ${p.error}`,
  'layers.atLayer': (p) => `Schicht ${p.index}: ${p.error}`,
  'layers.cannotTake': (p) =>
    `es kann keine Bilder von ${p.width}×${p.height}×${p.channels} aufnehmen: ${p.error}`,
  'layers.in': (p) => `${p.error} (in ${p.layer})`,
  'layers.notText': 'layers muss ein Text sein, etwa "Conv2d(1, 16, 3), ReLU(), …".',
  'layers.tooLong': (p, f) =>
    `layers ist zu lang (${f.number(p.length)} Zeichen; höchstens ${f.number(p.max)}).`,
  'layers.empty': 'layers ist leer: Schreiben Sie ein Netz wie "Flatten(), Linear(784, 10)".',
  'layers.unclosedString': (p) =>
    `Diese Zeichenkette ist nicht geschlossen: Setzen Sie ein ${p.quote} dahinter.`,
  'layers.unexpectedChar': (p) =>
    `Unerwartetes "${p.char}": Schreiben Sie Schichten wie Conv2d(1, 16, 3), getrennt durch Kommas oder Zeilenumbrüche.`,
  'layers.theEnd': 'das Ende',
  'layers.tooMany': (p) => `zu viele Schichten (höchstens ${p.max}).`,
  'layers.separator': (p) =>
    `nach ${p.layer} wird ein Komma oder eine neue Zeile erwartet, gefunden: "${p.found}".`,
  'layers.sequentialOpen': 'Sequential( ist nicht geschlossen: Fügen Sie am Ende ein ")" an.',
  'layers.afterSequential': (p) => `unerwartetes "${p.found}" nach Sequential(…).`,
  'layers.expectedLayer': (p) => `erwartet wird eine Schicht wie Conv2d(1, 16, 3), gefunden: "${p.found}".`,
  'layers.notBuilt': (p) => `${p.layer} gehört nicht zu den Schichten, die hier gebaut werden (${p.list}).`,
  'layers.unknownLayerHint': (p) => `unbekannte Schicht "${p.layer}" – meinten Sie "${p.hint}"?`,
  'layers.unknownLayer': (p) => `unbekannte Schicht "${p.layer}". Die Schichten sind ${p.list}.`,
  'layers.parentheses': (p) => `${p.layer} braucht Klammern: Schreiben Sie ${p.layer}(${p.args}).`,
  'layers.callOpen': (p) => `${p.layer}( ist nicht geschlossen: Fügen Sie ein ")" an.`,
  'layers.callComma': (p) => `in ${p.layer}(…) wird "," oder ")" erwartet, gefunden: "${p.found}".`,
  'layers.capital': (p) => `Schreiben Sie ${p.word} (Python schreibt es groß).`,
  'layers.tupleNumbers': (p) => `ein Tupel enthält hier Zahlen, etwa (3, 3); gefunden: "${p.found}".`,
  'layers.tupleComma': (p) => `im Tupel wird "," oder ")" erwartet, gefunden: "${p.found}".`,
  'layers.expectedValue': (p) =>
    `in ${p.layer}(…) wird ein Wert erwartet (eine Zahl, 'same', True …), gefunden: "${p.found}".`,
  'layers.positionalAfterKeyword':
    'ein Positionsargument darf nicht auf ein Schlüsselwortargument folgen (so verlangt es Python).',
  'layers.noArguments': (p) => `${p.layer}() nimmt keine Argumente.`,
  'layers.tooManyPositional': (p) =>
    `${p.layer} nimmt höchstens ${p.max} ${p.max === 1 ? 'Positionsargument' : 'Positionsargumente'} (${p.names}); dies ist das ${p.n}.`,
  'layers.unknownArgumentHint': (p) =>
    `unbekanntes Argument "${p.arg}" für ${p.layer} – meinten Sie "${p.hint}"?`,
  'layers.unknownArgument': (p) => `unbekanntes Argument "${p.arg}" für ${p.layer} (es nimmt ${p.names})`,
  'layers.unknownArgumentNone': (p) => `unbekanntes Argument "${p.arg}" für ${p.layer} (es nimmt keine)`,
  'layers.twice': (p) => `${p.layer} hat ${p.arg} zweimal erhalten.`,
  'layers.missing': (p) =>
    `${p.layer} fehlt ${p.count === 1 ? 'das Argument' : 'die Argumente'} ${p.names}: Schreiben Sie z. B. ${p.example}.`,
  'layers.badArgument': (p) => `${p.arg} von ${p.layer} ${p.error}.`,
  'layers.sameStride':
    "padding='same' verlangt die Schrittweite 1 (PyTorch lehnt es bei Faltungen mit Schrittweite ab).",
  'layers.strideDilation': 'Schrittweite und Dilatation über 1 lassen sich hier nicht kombinieren.',
  'arg.wholeNot': (p) => `muss eine ganze Zahl sein, nicht ${p.value}`,
  'arg.whole': (p) => `muss eine ganze Zahl sein (erhalten: ${p.value})`,
  'arg.atLeast': (p) => `muss mindestens ${p.min} sein (erhalten: ${p.value})`,
  'arg.tooLarge': (p, f) =>
    `ist zu groß (höchstens ${f.number(p.max)}; erhalten: ${f.number(Math.round(p.value))})`,
  'arg.pair': (p) => `muss eine Zahl oder ein Paar wie (3, 3) sein, nicht ${p.value}`,
  'arg.square': (p) =>
    `muss hier quadratisch sein: ${p.value} hat zwei verschiedene Größen; schreiben Sie eine einzige Zahl`,
  'arg.padding': (p) => `muss eine Zahl, 'same' oder 'valid' sein, nicht ${p.value}`,
  'arg.bool': (p) => `muss True oder False sein, nicht ${p.value}`,
  'arg.number': (p) => `muss eine Zahl sein, nicht ${p.value}`,
  'arg.range': (p) => `muss zwischen ${p.lo} und ${p.hi} liegen (erhalten: ${p.value})`,
  'arg.rangeBelow': (p) => `muss mindestens ${p.lo} und kleiner als ${p.hi} sein (erhalten: ${p.value})`,
  'arg.small': (p) => `muss eine kleine Zahl sein (erhalten: ${p.value})`,
  'arg.onlyDefault': (p) => `kann hier nur ${p.only} sein (${p.why}; erhalten: ${p.value})`,
  'why.groups': 'gruppierte Faltungen werden nicht gebaut',
  'why.paddingMode': 'aufgefüllt wird immer mit Nullen',
  'why.poolDilation': 'dilatiertes Pooling wird nicht gebaut',
  'why.indices': 'nur die Werte werden verwendet',
  'why.ceil': 'Größen werden wie standardmäßig abgerundet',
  'why.countPad': 'aufgefüllte Nullen zählen wie standardmäßig im Mittelwert mit',
  'why.flatten': 'alles außer dem Batch wird abgeflacht',
  'net.noLayers': 'Das Netz hat keine Schichten.',
  'net.flatInput': (p, f) =>
    `${p.layer} braucht ein Bild [Kanäle, Höhe, Breite], aber die Eingabe ist hier flach (${features(f, p.features)}${p.from ? `, aus ${p.from}` : ''}): Setzen Sie die Schicht vor Flatten().`,
  'net.channels': (p, f) =>
    `${p.layer} erhält hier ${count(f, p.channels, 'Kanal', 'Kanäle')}${p.input ? ` (die Eingabe ist ${p.input})` : ''}: Schreiben Sie ${p.fix}.`,
  'net.needsFlatten': (p, f) =>
    `${p.layer} erhält hier ein ${p.shape}-Bild: Fügen Sie davor Flatten() ein (das ergibt ${features(f, p.features)}).`,
  'net.features': (p, f) =>
    `${p.layer} erhält hier ${features(f, p.features)}${p.from ? ` (${p.from})` : p.input ? ` (die Eingabe ist ${p.input})` : ''}: Schreiben Sie ${p.fix}.`,
  'net.window': (p) => `${p.layer} erhält hier ein ${p.shape}-Bild: ${p.error}`,
  'net.endsWithImage': (p) =>
    `Das Netz endet mit einem ${p.shape}-Bild, muss aber mit einem Wert pro Klasse (${p.classes}) enden: Fügen Sie Flatten() und Linear(${p.features}, ${p.classes}) an.`,
  'net.lastLayer': (p, f) =>
    `Die letzte Schicht liefert ${count(f, p.outputs, 'Ausgabe', 'Ausgaben')}, aber die Daten haben ${count(f, p.classes, 'Klasse', 'Klassen')}: Schreiben Sie ${p.fix}.`,
  'net.lastLayerEnd': (p, f) =>
    `Die letzte Schicht liefert ${count(f, p.outputs, 'Ausgabe', 'Ausgaben')}, aber die Daten haben ${count(f, p.classes, 'Klasse', 'Klassen')}: Enden Sie mit Linear(${p.outputs}, ${p.classes}).`,
  'net.tooManyParams': (p, f) =>
    `Dieses Netz hat ${f.number(p.params)} Parameter, mehr als die ${f.number(p.max)}, die ein Browser-Tab trainieren kann (${p.layer} allein hat ${f.number(p.layerParams)}): Machen Sie es kleiner.`,
  'net.tooManyFlops': (p, f) =>
    `Ein Trainingsbild würde ${mflop(f, p.mflop)} MFLOP kosten, mehr als die ${mflop(f, p.max)} MFLOP, mit denen ein Browser-Tab trainieren kann (${p.layer} kostet ${mflop(f, p.layerMflop)}): Nehmen Sie weniger Kanäle, eine kleinere Eingabe oder ein früheres Pooling.`,
  'net.badJson':
    'layers beginnt wie JSON, ist aber kein gültiges JSON: Schreiben Sie PyTorch-Schichten ("Conv2d(1, 16, 3), ReLU(), …") oder ein JSON-Array von Schichtspezifikationen.',
  'net.notValue':
    'network muss PyTorch-Schichten als Text oder Schichtspezifikationen enthalten: ein Array wie [{ "type": "conv2d", "filters": 16, "kernelSize": 3 }, …].',
  'net.notSpec': (p) =>
    `Schicht ${p.n} ist keine Schichtspezifikation: Geben Sie { "type": … } mit einem von ${p.types} an.`,
  'net.notSpecType': (p) =>
    `Schicht ${p.n} ist keine Schichtspezifikation: Geben Sie { "type": … } mit einem von ${p.types} an (nicht "${p.type}").`,
  'net.cannotWrite': (p) =>
    `Diese Schichtspezifikationen lassen sich nicht als PyTorch-Schichten schreiben: ${p.error}`,
};
