/** Español: las palabras de `<digit-pad>` y los mensajes del motor sobre sus entradas (see ../types.ts). */
import type { PAD_EN } from '../../components/digit-pad/digit-pad.strings.js';
import type { INPUT_MESSAGES } from '../../engine/input.messages.js';
import type { SameKeys } from '../types.js';

const ej = (n: number, f: { plural(n: number): string }) => (f.plural(n) === 'one' ? 'ejemplo' : 'ejemplos');

export const PAD: SameKeys<typeof PAD_EN> = {
  'pad.mode': (p) => `mode debe ser "draw" o "teach", no "${p.got}".`,
  'pad.padDigits': (p, f) =>
    `Área de dibujo: dibuja un dígito del ${f.number(p.from)} al ${f.number(p.to)} con el ratón, el dedo o un lápiz`,
  'pad.padClasses': (p) => `Área de dibujo: dibuja ${p.classes} con el ratón, el dedo o un lápiz`,
  'pad.padManyClasses': (p, f) =>
    `Área de dibujo: dibuja una de las ${f.number(p.count)} clases con el ratón, el dedo o un lápiz`,
  'pad.clear': 'Borrar',
  'pad.loading': 'Cargando…',
  'pad.tryDigit': 'Probar un dígito de prueba',
  'pad.tryImage': 'Probar una imagen de prueba',
  'pad.pen': 'Lápiz',
  'pad.inputCentred': (p) =>
    `La entrada de ${p.size} que ve la red: tu dibujo escalado a ${p.fit} y centrado por su centro de masa`,
  'pad.inputScaled': (p) => `La entrada de ${p.size} que ve la red: tu dibujo reducido`,
  'pad.inputCaption': (p) => `entrada de ${p.size}`,
  'pad.testCaption': (p, f) =>
    `${p.name}, imagen de prueba n.º ${f.number(p.index, { useGrouping: false })}, etiqueta ${p.label}`,
  'pad.prediction': 'Predicción',
  'pad.cleared': 'Área de dibujo borrada.',
  'pad.announce': (p, f) => `La red lee ${p.label} (con un ${f.percent(p.sure)} de seguridad).`,
  'pad.probsDigits': 'Probabilidad de cada dígito',
  'pad.probsClasses': 'Probabilidad de cada clase',
  'pad.digit': (p, f) => `Dígito ${f.number(p.digit)}`,
  'pad.noPrediction': 'sin predicción',
  'pad.topClasses': (p, f) => `Las ${f.number(10)} más probables de ${f.number(p.count)} clases.`,
  'pad.layers': 'Activaciones de cada capa',
  'pad.layerMaps': (p, f) =>
    `${p.label}: ${f.number(p.c)} ${f.plural(p.c) === 'one' ? 'mapa de características' : 'mapas de características'} de ${f.number(p.h)}×${f.number(p.w)}`,
  'pad.layerValues': (p, f) => `${p.label}: ${f.number(p.count)} valores`,
  'pad.layerEmpty': (p) => `${p.label}: todavía nada, dibuja algo`,
  'pad.loadingNetwork': 'Cargando la red preentrenada…',
  'pad.waitingTrain': (p) =>
    `Esperando a que #${p.id} entrene: su red aún no tiene pesos. Pulsa su botón Iniciar.`,
  'pad.waitingTrainer': (p) => `Esperando un entrenador con id "${p.id}" en esta página.`,
  'pad.loadFailed': 'No se pudo cargar la red preentrenada.',
  'pad.predictFailed': (p) => `La predicción falló: ${p.error}`,
  'pad.invalidNumbers': 'La red devolvió números no válidos (¿sigue entrenando desde cero?).',
  'pad.testDigitsFailed': (p) => `No se pudieron cargar los dígitos de prueba de ${p.name}: ${p.error}`,
  'pad.testImagesFailed': (p) => `No se pudieron cargar las imágenes de prueba de ${p.name}: ${p.error}`,
  'pad.testNeedsStart': (p) =>
    `Las imágenes de prueba de ${p.name} llegan con los datos de #${p.id}: pulsa primero su botón Iniciar.`,
  'pad.examples': (p) => `examples: ${p.error}`,
  'pad.teach.label': 'Etiqueta correcta',
  'pad.teach.pick': 'Elige…',
  'pad.teach.teach': 'Enseñar',
  'pad.teach.fineTune': 'Ajustar',
  'pad.teach.fineTuningButton': 'Ajustando…',
  'pad.teach.forget': 'Olvidar',
  'pad.teach.hint': 'Dibuja, elige la etiqueta correcta y pulsa Enseñar.',
  'pad.teach.count': (p, f) =>
    `${f.number(p.count)} ${ej(p.count, f)} ${f.plural(p.count) === 'one' ? 'enseñado' : 'enseñados'}.`,
  'pad.teach.taught': (p, f) =>
    `Enseñado: esto es ${p.label}. ${f.number(p.count)} ${ej(p.count, f)} hasta ahora.`,
  'pad.teach.forgotten': 'Ejemplos olvidados.',
  'pad.teach.dropped': (p) =>
    `La red lee ahora ${p.name} (${p.shape}): se descartaron los ejemplos enseñados antes.`,
  'pad.teach.pickFirst': 'Elige primero la etiqueta correcta y luego pulsa Enseñar.',
  'pad.teach.blank': 'El área está vacía: dibuja primero y luego enseña a la red qué es.',
  'pad.teach.needsTrainer':
    'El ajuste necesita un entrenador: da al área for="…" con el id de un <cnn-trainer>.',
  'pad.teach.noExamples': 'Aún no hay ejemplos: dibuja, elige la etiqueta correcta y pulsa Enseñar.',
  'pad.teach.fineTuning': 'Ajustando con tus ejemplos…',
  'pad.teach.cannot': 'El entrenador no pudo hacer el ajuste.',
  'pad.teach.failed': (p) => `No se pudo hacer el ajuste: ${p.error}`,
  'pad.teach.fineTuned': (p, f) =>
    `Ajustada: ahora se leen bien ${f.number(p.correct)} de ${f.number(p.examples)} ${ej(p.examples, f)}; exactitud en prueba ${f.percent(p.before)} → ${f.percent(p.after)}.`,
};

export const INPUT: SameKeys<typeof INPUT_MESSAGES> = {
  'pixels.notArray': (p, f) => `Los píxeles deben ser un array de ${f.number(p.count)} números entre 0 y 1.`,
  'pixels.count': (p, f) =>
    `Los píxeles deben ser ${f.number(p.count)} números (${p.shape}); se recibieron ${f.number(p.got)}.`,
  'pixels.notFinite': (p, f) =>
    `El píxel ${f.number(p.index)} no es un número finito: cada valor debe estar entre 0 y 1.`,
  'label.unknown': (p) =>
    `${p.label} no es una etiqueta aquí: elige una de ${p.list} (o su número, de 0 a ${p.last}).`,
  'label.none': 'Ninguna etiqueta',
  'examples.notArray':
    'Los ejemplos deben ser un array de { pixels, label } (enseña primero al área unos cuantos dibujos).',
  'examples.empty':
    'Aún no hay ejemplos de los que aprender: dibuja, elige la etiqueta correcta y pulsa Enseñar.',
  'examples.tooMany': (p, f) =>
    `Como máximo ${f.number(p.max)} ejemplos a la vez (se recibieron ${f.number(p.got)}).`,
  'examples.notExample': (p, f) => `El ejemplo ${f.number(p.n)} no es { pixels, label }.`,
  'examples.label': (p, f) =>
    `El ejemplo ${f.number(p.n)} tiene la etiqueta ${p.label}: una etiqueta es un número de clase de ${f.number(0)} a ${f.number(p.last)}.`,
  'examples.pixels': (p, f) =>
    `El ejemplo ${f.number(p.n)} tiene ${p.got < 0 ? 'cero' : f.number(p.got)} valores de píxel; esta red toma ${f.number(p.size)} (${p.shape}).`,
  'examples.pixel': (p, f) =>
    `Ejemplo ${f.number(p.n)}: el píxel ${f.number(p.index)} no es un número finito (los valores van de 0 a 1).`,
  'examples.steps': (p, f) =>
    `Los pasos de ajuste deben ser un número entero de ${f.number(1)} a ${f.number(p.max)}.`,
};
