/** Deutsch: die vortrainierten Gewichte, die sich nicht laden lassen (see ../../engine/pretrained.messages.ts). */
import type { SameKeys } from '../types.js';
import type { PRETRAINED_MESSAGES } from '../../engine/pretrained.messages.js';

export const PRETRAINED: SameKeys<typeof PRETRAINED_MESSAGES> = {
  'pretrained.cannotLoad': 'Das vortrainierte Netz konnte nicht geladen werden',
  'pretrained.damaged.json': 'sein Manifest ist kein gültiges JSON',
  'pretrained.webPage': (p) =>
    `Das Manifest des vortrainierten Netzes (${p.url}) ist eine Webseite statt JSON: Prüfen Sie die Adresse (weights-src).`,
  'pretrained.unusable': (p) => `Das Manifest des vortrainierten Netzes ist unbrauchbar: ${p.why}.`,
  'pretrained.why.notObject': 'das Manifest ist kein JSON-Objekt',
  'pretrained.why.format': (p) => `das Manifestformat ${p.got} wird nicht unterstützt`,
  'pretrained.why.model': (p) => `die Gewichte gehören zum Modell "${p.got}", nicht zu "${p.model}"`,
  'pretrained.why.noTensors': 'das Manifest führt keine Tensoren auf',
  'pretrained.why.noFile': 'im Manifest fehlen die Binärdatei oder ihre Größe',
  'pretrained.why.tensor': (p) => `der Tensor ${p.tensor} ist in sich widersprüchlich`,
  'pretrained.noLayer': (p) =>
    `Die vortrainierten Gewichte enthalten keine Schicht ${p.layer}, die zum Modell passt.`,
  'pretrained.shape': (p) =>
    `Der vortrainierte Tensor ${p.tensor} hat die Form ${p.got}, das Modell erwartet aber ${p.want}.`,
  'pretrained.extraLayers': 'Die vortrainierten Gewichte nennen Schichten, die das Modell nicht hat.',
};
