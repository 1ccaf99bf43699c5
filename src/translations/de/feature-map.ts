/** Deutsch: die Wörter von `<feature-map>` und die Meldungen seiner Filterkette (see ../types.ts). */
import type { FM_EN } from '../../components/feature-map/feature-map.strings.js';
import type { FILTERS_MESSAGES } from '../../engine/filters.messages.js';
import type { SameKeys } from '../types.js';

export const FM: SameKeys<typeof FM_EN> = {
  'fm.loadingImage': 'Bild wird geladen…',
  'fm.loadingDigit': 'Testziffer wird geladen…',
  'fm.loadingTestImage': 'Testbild wird geladen…',
  'fm.computing': 'Merkmalskarten werden berechnet…',
  'fm.testDigit': 'Testziffer',
  'fm.testImage': 'Testbild',
  'fm.after.group': 'Was nach der Faltung geschieht',
  'fm.maxPool': 'Max-Pooling 2×2',
  'fm.compare': 'Vorher / nachher',
  'fm.shape.layer': (p) => `Schicht ${p.layer}:`,
  'fm.shape.input': (p) => `Eingabe ${p.shape}`,
  'fm.shape.conv': (p) => `Faltung ${p.hyper}`,
  'fm.shape.pool': 'Max-Pooling 2×2',
  'fm.shape.output': 'Ausgabeform C × H × W:',
  'fm.photo': (p) => `Das Eingabefoto, wie die Filter es sehen, ${p.size} Pixel`,
  'fm.testDigitFed': (p) => `Die Testziffer ${p.label}, die das Netz erhält, ${p.size}`,
  'fm.testImageFed': (p) => `Das Testbild ${p.label}, das das Netz erhält, ${p.size}`,
  'fm.testImageFedColour': (p) => `Das Testbild ${p.label}, das das Netz erhält, ${p.size} in Farbe`,
  'fm.input': 'Eingabe',
  'fm.digit': (p) => `Ziffer ${p.label}`,
  'fm.filterN': (p) => `Filter ${p.n}`,
  'fm.custom': 'eigener',
  'fm.channel': (p) => `Kanal ${p.n}`,
  'fm.map': (p) => `Karte ${p.n} (${p.name}) des Filters: ${p.h}×${p.w}, Werte von ${p.min} bis ${p.max}`,
  'fm.mapOfLayer': (p) =>
    `Karte ${p.n} (${p.name}) der Schicht ${p.layer}: ${p.h}×${p.w}, Werte von ${p.min} bis ${p.max}`,
  'fm.mapBefore': (p) =>
    `Karte ${p.n} (${p.name}) vor ${p.what}: ${p.h}×${p.w}, Werte von ${p.min} bis ${p.max}`,
  'fm.pooling': 'Pooling',
  'fm.before': 'vorher',
  'fm.afterWhat': (p) => `nach ${p.what}`,
  'fm.low': 'niedrig',
  'fm.high': 'hoch',
  'fm.sharedScale': 'jedes Vorher-nachher-Paar hat eine gemeinsame Skala',
  'fm.ownScale': 'jede Karte ist auf ihren eigenen Wertebereich skaliert',
  'fm.kernels': (p) =>
    `Faltungskerne von ${p.layer}, einer je Farbkanal (${p.kh}×${p.kw} Gewichte; die drei eines Filters auf einer Skala)`,
  'fm.red': 'Rotkanal',
  'fm.green': 'Grünkanal',
  'fm.blue': 'Blaukanal',
  'fm.kernel': (p) =>
    `Filter ${p.n}, ${p.channel}: ${p.kh}×${p.kw}-Faltungskern, Gewichte von ${p.min} bis ${p.max}`,
  'fm.downscaled': (p) =>
    `Das ${p.nw}×${p.nh} große Bild wurde auf ${p.w}×${p.h} verkleinert (höchstens ${p.max} px je Seite), damit die Seite flüssig bleibt.`,
  'fm.waitingTrain': (p) =>
    `Warten auf das Training des Netzes: Die Aktivierungen von ${p.layer} erscheinen, sobald <cnn-trainer id="${p.id}"> gestartet ist.`,
  'fm.waitingTrainer': (p) => `Warten darauf, dass <cnn-trainer id="${p.id}"> auf der Seite erscheint.`,
  'fm.pipelineFailed': (p) => `Die Fotoverarbeitung konnte nicht geladen werden: ${p.error}`,
  'fm.computeFailed': (p) => `Die Berechnung der Merkmalskarten ist fehlgeschlagen: ${p.error}`,
  'fm.tfFailed': (p) => `TensorFlow.js konnte nicht starten: ${p.error}`,
  'fm.seed': 'Der Seed muss eine ganze Zahl sein, z. B. 1234.',
  'fm.seedGot': (p) => `Der Seed muss eine ganze Zahl sein (erhalten: ${p.got}), z. B. 1234.`,
  'fm.image.missing': (p) => `Das Bild "${p.src}" konnte nicht geladen werden: Es fehlt oder ist kein Bild.`,
  'fm.image.cors': (p) =>
    `Das Bild "${p.src}" konnte nicht geladen werden: Es fehlt, ist kein Bild oder liegt auf einer anderen Website, die das Auslesen seiner Pixel nicht erlaubt (dafür ist CORS nötig: Access-Control-Allow-Origin).`,
  'fm.image.noSize': (p) => `Das Bild "${p.src}" hat keine Größe (ein SVG ohne width und height?).`,
  'fm.image.noCanvas': 'Dieser Browser kann keine Bildpixel auslesen (kein 2D-Canvas).',
  'fm.image.tainted': (p) =>
    `Das Bild "${p.src}" liegt auf einer anderen Website, die das Auslesen seiner Pixel nicht erlaubt (CORS): Liefern Sie es mit Access-Control-Allow-Origin aus oder legen Sie es auf diese Website.`,
  'fm.digitRange': (p) => `digit muss eine ganze Zahl von 0 bis ${p.last} sein (erhalten: ${p.got}).`,
  'fm.classRange': (p) =>
    `digit muss eine ganze Zahl von 0 bis ${p.last} sein (eine Klasse von ${p.name}: 0 ist ${p.first}) (erhalten: ${p.got}).`,
  'fm.got.nan': 'keine Zahl',
  'fm.got.infinite': 'eine unendliche Zahl',
  'fm.layerEmpty': 'layer ist leer: Nennen Sie eine Schicht des Trainers, z. B. conv1.',
  'fm.activationsFailed': (p) =>
    `Die Aktivierungen von "${p.layer}" konnten nicht gelesen werden: ${p.error}`,
  'fm.noLayer': (p) => `Das Netz des Trainers hat keine Schicht "${p.layer}".`,
  'fm.noLayerIn': (p) =>
    `Das Netz des Trainers hat keine Schicht "${p.layer}": Seine Bildschichten sind ${p.layers}.`,
  'fm.noLayerFlat': (p) =>
    `Das Netz des Trainers hat keine Schicht "${p.layer}": Es hat keine Bildschichten (es glättet die Ziffer zuerst zu einem Vektor).`,
  'fm.flatLayer': (p, f) =>
    `Die Schicht "${p.layer}" liefert ${f.number(p.count)} Werte, kein Bild, und hat daher keine Merkmalskarten: Die Bildschichten sind ${p.layers}.`,
  'fm.flatLayerNone': (p, f) =>
    `Die Schicht "${p.layer}" liefert ${f.number(p.count)} Werte, kein Bild, und hat daher keine Merkmalskarten: Das Netz hat keine Bildschichten (es glättet die Ziffer zuerst zu einem Vektor).`,
  'fm.notImage': (p) => `Die Schicht "${p.layer}" hat die Form [${p.shape}]: keine bildförmige Aktivierung.`,
  'fm.noTestImage': (p) =>
    `Keines der ersten ${p.count} Testbilder gehört zur Klasse ${p.digit} (${p.name}): Wählen Sie eine andere.`,
};

export const FILTERS: SameKeys<typeof FILTERS_MESSAGES> = {
  'filters.name.padding': 'Das Padding',
  'filters.name.stride': 'Die Schrittweite',
  'filters.name.kernelSize': 'Die Kerngröße',
  'filters.name.count': 'Die Anzahl der Filter',
  'filters.notNumber': (p) => `${p.name} muss eine Zahl sein.`,
  'filters.notWhole': (p, f) =>
    `${p.name} muss eine ganze Zahl sein (erhalten: ${f.number(p.got, { useGrouping: false, maximumFractionDigits: 6 })}).`,
  'filters.tooSmall': (p) => `${p.name} muss mindestens ${p.min} sein (erhalten: ${p.got}).`,
  'filters.tooBig': (p) => `${p.name}: höchstens ${p.max} (erhalten: ${p.got}).`,
  'filters.activation': (p) => `activation muss "none" oder "relu" sein (erhalten: "${p.got}").`,
  'filters.pool': (p) => `pool muss 0 (keins) oder 2 (2×2-Max-Pooling) sein (erhalten: ${p.got}).`,
  'filters.notANumber': 'keine Zahl',
  'filters.inChannelsPhoto': (p) =>
    `in_channels ist ${p.declared}, hier kommen aber ${p.arrive} Kanäle an (das Foto ist RGB): Schreiben Sie ${p.arrive} (oder 1 auf dem Foto, für Graustufen).`,
  'filters.inChannels': (p) =>
    `in_channels ist ${p.declared}, hier kommen aber ${p.arrive} Kanäle an (die Filter der vorigen Schicht): Schreiben Sie ${p.arrive} (oder 1 auf dem Foto, für Graustufen).`,
  'filters.strideZero':
    'Die Schrittweite muss mindestens 1 sein: Bei einer Schrittweite von 0 würde sich das Fenster nie bewegen.',
  'filters.kernelSquare': (p) => `Der Faltungskern muss quadratisch sein (erhalten: ${p.rows}×${p.cols}).`,
  'filters.kernelSlices': (p) =>
    `Der Faltungskern hat ${p.slices} Kanalschichten, die Eingabe aber ${p.channels} Kanäle: Geben Sie eine Schicht je Eingabekanal an oder einen 2D-Kern.`,
  'filters.empty': (p) =>
    `filters ist leer: Geben Sie Namen von Vorlagen (${p.presets}) oder eine Anzahl zufälliger Filter an.`,
  'filters.emptyName': (p) =>
    `filters enthält einen leeren Namen (ein überzähliges Komma?). Vorlagen: ${p.presets}.`,
  'filters.unknown': (p) =>
    `Unbekannter Filter "${p.name}". Verwenden Sie Namen von Vorlagen (${p.presets}) oder eine Anzahl zufälliger Filter.`,
  'filters.tooMany': (p) => `Zu viele Filter (${p.count}): höchstens ${p.max}.`,
  'filters.poolTooSmall': (p) => `Die ${p.h}×${p.w}-Karte ist zu klein für 2×2-Pooling.`,
  'filters.inLayer': (p) => `Schicht ${p.n}: ${p.error}`,
  'filters.layersJson':
    'layers ist kein gültiges JSON: Schreiben Sie z. B. [{"filters": "5", "kernelSize": 5}].',
  'filters.layersEmpty': 'layers muss ein nicht leeres JSON-Array von Schicht-Objekten sein.',
  'filters.layersTooMany': (p) => `layers: höchstens ${p.max} (erhalten: ${p.got}).`,
  'filters.layerObject': (p) => `Schicht ${p.n} muss ein Objekt wie {"filters": "5", "kernelSize": 5} sein.`,
  'filters.layerKey': (p) =>
    `Schicht ${p.n}: unbekannter Schlüssel "${p.key}" (erlaubt: filters, kernel, kernelSize, padding, stride, activation, pool).`,
  'photo.lead': (p) => `Das Bild "${p.src}" konnte nicht geladen werden`,
  'photo.label': (p) => `das Bild "${p.src}"`,
  'photo.badAddress': (p) => `"${p.src}" ist keine gültige Bildadresse.`,
  'photo.cors': (p) =>
    `${p.lead}: Es liegt auf einer anderen Website, die das Auslesen seiner Pixel vielleicht nicht erlaubt (dafür ist CORS nötig: Access-Control-Allow-Origin), oder die Verbindung ist fehlgeschlagen; prüfen Sie das und klicken Sie dann auf Erneut versuchen.`,
  'photo.jpegCut': 'dem JPEG fehlt das Ende: Es wurde abgeschnitten',
  'photo.gifCut': 'dem GIF fehlt das Ende: Es wurde abgeschnitten',
  'photo.webpCut': 'die WebP-Datei wurde abgeschnitten',
  'photo.pngCut': 'das PNG wurde abgeschnitten',
  'photo.pngChecksum': 'ein PNG-Block hat eine falsche Prüfsumme',
  'torch.parse': (p) => `layers: ${p.error}`,
  'torch.at': (p) => `layers: Zeile ${p.line}, Spalte ${p.column}: ${p.error}`,
  'torch.square': (p) =>
    `${p.layer}: Die Merkmalskarten hier nehmen nur quadratische Kerne, Schrittweiten und Paddings.`,
  'torch.dilation': (p) => `${p.layer}: Dilatation gibt es nur in <cnn-trainer layers>.`,
  'torch.bias': (p) => `${p.layer}: Die Filter hier haben immer einen Bias.`,
  'torch.tooMany': (p) => `${p.layer}: Auf einem Foto werden höchstens ${p.max} Faltungen gezeigt.`,
  'torch.same': (p) =>
    `${p.layer}: padding='same' braucht hier einen ungeraden Kern und Schrittweite 1; geben Sie eine Zahl an.`,
  'torch.first': (p) =>
    `Die Kette beginnt mit einer Conv2d (das Foto geht zuerst in eine Faltung), nicht mit ${p.layer}.`,
  'torch.relu': (p) => `${p.layer}: Diese Faltung hat schon eine ReLU.`,
  'torch.pool': (p) => `${p.layer}: Das Pooling hier ist 2×2 mit Schrittweite 2: Schreiben Sie MaxPool2d(2).`,
  'torch.pooled': (p) => `${p.layer}: Diese Faltung hat schon ein Pooling.`,
  'torch.other': (p) =>
    `${p.type} wird auf einem Foto nicht gezeigt: Die Kette hier besteht aus Conv2d, ReLU() und MaxPool2d(2) (trainieren Sie ${p.type} in <cnn-trainer layers>).`,
};
