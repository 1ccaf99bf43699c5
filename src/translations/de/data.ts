/** Deutsch: ein Datensatz, der beschädigt ankommt oder nicht im Format ist, das der Loader liest (see ../../engine/data/dataset.messages.ts). */
import type { SameKeys } from '../types.js';
import type { DATASET_MESSAGES } from '../../engine/data/dataset.messages.js';

export const DATA: SameKeys<typeof DATASET_MESSAGES> = {
  'dataset.cannotLoad': (p) =>
    `${String(p.label).charAt(0).toUpperCase()}${String(p.label).slice(1)} konnte nicht geladen werden`,
  'dataset.cannotUnpack': (p) =>
    `Dieser Browser kann ${p.label} nicht entpacken (ihm fehlt DecompressionStream). Bitte verwenden Sie einen aktuellen Browser.`,
  'dataset.damaged.checksum': 'die Prüfsumme stimmt nicht überein',
  'dataset.damaged.unpack': 'lässt sich nicht entpacken',
  'dataset.damaged.json': 'kein gültiges JSON',
  'dataset.damaged.jsonChecksum': 'die Prüfsumme stimmt nicht',
  'dataset.format': (p) =>
    `Der Datensatz unter ${p.url} liegt nicht in dem Format vor, das diese Bibliothek liest (${p.why}).`,
  'dataset.badAddress': (p) => `"${p.address}" ist keine gültige Adresse für einen Datensatz (data-src).`,
  'dataset.why.notDatasetJson': 'keine dataset.json',
  'dataset.why.webPage': 'eine Webseite statt JSON: Prüfen Sie die Adresse (data-src)',
  'dataset.why.formatName': (p) =>
    `sein "format" ist ${p.got} statt "${p.format}": Packen Sie ihn mit npx cnn-widgets pack`,
  'dataset.why.version': (p) => `Version ${p.got}; diese Bibliothek liest Version ${p.version}`,
  'dataset.why.shape': (p) =>
    `"shape" muss [Höhe, Breite, Kanäle] sein, mit Seiten von ${p.min} bis ${p.max} und 1 oder 3 Kanälen, nicht ${p.got}`,
  'dataset.why.classes': '"classes" muss 2 bis 256 Klassennamen aufzählen',
  'dataset.why.normalize': (p) =>
    `"normalize" muss für jeden der ${p.channels} Kanäle einen Mittelwert und eine positive Standardabweichung (std) angeben`,
  'dataset.why.noSplit': (p) => `keine Aufteilung "${p.split}"`,
  'dataset.why.shard': (p) => `Teildatei ${p.file} von "${p.split}" ist fehlerhaft`,
  'dataset.why.shardCount': (p) =>
    `die Teildateien von "${p.split}" enthalten ${p.held} Beispiele statt ${p.count}`,
  'dataset.why.label': (p) =>
    `Beispiel ${p.example} hat das Label ${p.label}, es gibt aber nur ${p.classes} Klassen`,
};
