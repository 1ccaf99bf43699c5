/** Español: los mensajes de un texto `layers` de PyTorch (see ../../engine/models/layers.messages.ts). */
import type { SameKeys } from '../types.js';
import type { LAYERS_MESSAGES } from '../../engine/models/layers.messages.js';
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;
const count = (f: F, n: number, one: string, many: string) =>
  `${f.number(Math.round(n))} ${f.plural(n) === 'one' ? one : many}`;
const features = (f: F, n: number) => count(f, n, 'característica', 'características');
const mflop = (f: F, n: number) => f.number(n, { maximumFractionDigits: n < 10 ? 1 : 0 });
const lowerFirst = (s: string) => String(s).charAt(0).toLowerCase() + String(s).slice(1);

export const LAYERS: SameKeys<typeof LAYERS_MESSAGES> = {
  'layers.at': (p) => `Línea ${p.line}, columna ${p.column}: ${p.error}`,
  'layers.atLayer': (p) => `Capa ${p.index}: ${p.error}`,
  'layers.cannotTake': (p) => `no puede recibir imágenes de ${p.width}×${p.height}×${p.channels}: ${p.error}`,
  'layers.in': (p) => `${p.error} (en ${p.layer})`,
  'layers.notText': 'layers debe ser un texto como "Conv2d(1, 16, 3), ReLU(), …".',
  'layers.tooLong': (p, f) =>
    `layers es demasiado largo (${f.number(p.length)} caracteres; como máximo ${f.number(p.max)}).`,
  'layers.empty': 'layers está vacío: escribe una red como "Flatten(), Linear(784, 10)".',
  'layers.unclosedString': (p) => `esta cadena no está cerrada: añade un ${p.quote} después.`,
  'layers.unexpectedChar': (p) =>
    `"${p.char}" inesperado: escribe las capas como Conv2d(1, 16, 3), separadas por comas o saltos de línea.`,
  'layers.theEnd': 'el final',
  'layers.tooMany': (p) => `demasiadas capas (como máximo ${p.max}).`,
  'layers.separator': (p) =>
    `se esperaba una coma o un salto de línea después de ${p.layer}; se encontró "${p.found}".`,
  'layers.sequentialOpen': 'Sequential( no está cerrado: añade un ")" al final.',
  'layers.afterSequential': (p) => `"${p.found}" inesperado después de Sequential(…).`,
  'layers.expectedLayer': (p) => `se esperaba una capa como Conv2d(1, 16, 3); se encontró "${p.found}".`,
  'layers.notBuilt': (p) => `${p.layer} no es una de las capas que se construyen aquí (${p.list}).`,
  'layers.unknownLayerHint': (p) => `capa desconocida "${p.layer}": ¿quisiste decir "${p.hint}"?`,
  'layers.unknownLayer': (p) => `capa desconocida "${p.layer}". Las capas son ${p.list}.`,
  'layers.parentheses': (p) => `${p.layer} necesita paréntesis: escribe ${p.layer}(${p.args}).`,
  'layers.callOpen': (p) => `${p.layer}( no está cerrado: añade un ")".`,
  'layers.callComma': (p) => `se esperaba "," o ")" en ${p.layer}(…); se encontró "${p.found}".`,
  'layers.capital': (p) => `escribe ${p.word} (Python lo escribe con mayúscula).`,
  'layers.tupleNumbers': (p) => `aquí una tupla contiene números, como (3, 3); se encontró "${p.found}".`,
  'layers.tupleComma': (p) => `se esperaba "," o ")" en la tupla; se encontró "${p.found}".`,
  'layers.expectedValue': (p) =>
    `se esperaba un valor en ${p.layer}(…) (un número, 'same', True…); se encontró "${p.found}".`,
  'layers.positionalAfterKeyword':
    'un argumento posicional no puede ir después de un argumento con nombre (es la regla de Python).',
  'layers.noArguments': (p) => `${p.layer}() no admite argumentos.`,
  'layers.tooManyPositional': (p) =>
    `${p.layer} admite como máximo ${p.max} ${p.max === 1 ? 'argumento posicional' : 'argumentos posicionales'} (${p.names}); este es el número ${p.n}.`,
  'layers.unknownArgumentHint': (p) =>
    `argumento desconocido "${p.arg}" para ${p.layer}: ¿quisiste decir "${p.hint}"?`,
  'layers.unknownArgument': (p) => `argumento desconocido "${p.arg}" para ${p.layer} (admite ${p.names})`,
  'layers.unknownArgumentNone': (p) => `argumento desconocido "${p.arg}" para ${p.layer} (no admite ninguno)`,
  'layers.twice': (p) => `${p.layer} recibió ${p.arg} dos veces.`,
  'layers.missing': (p) =>
    `a ${p.layer} le ${p.count === 1 ? 'falta su argumento' : 'faltan los argumentos'} ${p.names}: escribe, por ejemplo, ${p.example}.`,
  'layers.badArgument': (p) => `${p.arg} de ${p.layer} ${p.error}.`,
  'layers.sameStride':
    "padding='same' necesita un paso (stride) de 1 (PyTorch lo rechaza en las convoluciones con paso).",
  'layers.strideDilation': 'aquí no se pueden combinar un paso y una dilatación mayores que 1.',
  'arg.wholeNot': (p) => `debe ser un número entero, no ${p.value}`,
  'arg.whole': (p) => `debe ser un número entero (se recibió ${p.value})`,
  'arg.atLeast': (p) => `debe ser al menos ${p.min} (se recibió ${p.value})`,
  'arg.tooLarge': (p, f) =>
    `es demasiado grande (como máximo ${f.number(p.max)}; se recibió ${f.number(Math.round(p.value))})`,
  'arg.pair': (p) => `debe ser un número o un par como (3, 3), no ${p.value}`,
  'arg.square': (p) =>
    `aquí debe ser cuadrado: ${p.value} tiene dos tamaños distintos; escribe un solo número`,
  'arg.padding': (p) => `debe ser un número, 'same' o 'valid', no ${p.value}`,
  'arg.bool': (p) => `debe ser True o False, no ${p.value}`,
  'arg.number': (p) => `debe ser un número, no ${p.value}`,
  'arg.range': (p) => `debe estar entre ${p.lo} y ${p.hi} (se recibió ${p.value})`,
  'arg.rangeBelow': (p) => `debe ser al menos ${p.lo} y menor que ${p.hi} (se recibió ${p.value})`,
  'arg.small': (p) => `debe ser un número pequeño (se recibió ${p.value})`,
  'arg.onlyDefault': (p) => `aquí solo puede ser ${p.only} (${p.why}; se recibió ${p.value})`,
  'why.groups': 'no se construyen convoluciones agrupadas',
  'why.paddingMode': 'el relleno siempre es con ceros',
  'why.poolDilation': 'no se construye el pooling dilatado',
  'why.indices': 'solo se usan los valores',
  'why.ceil': 'los tamaños se redondean hacia abajo, como por defecto',
  'why.countPad': 'los ceros del relleno cuentan en la media, como por defecto',
  'why.flatten': 'se aplana todo salvo el lote',
  'net.noLayers': 'La red no tiene capas.',
  'net.flatInput': (p, f) =>
    `${p.layer} necesita una imagen [canales, alto, ancho], pero aquí la entrada es plana (${features(f, p.features)}${p.from ? `, de ${p.from}` : ''}): ponla antes de Flatten().`,
  'net.channels': (p, f) =>
    `${p.layer} recibe aquí ${count(f, p.channels, 'canal', 'canales')}${p.input ? ` (la entrada es ${p.input})` : ''}: escribe ${p.fix}.`,
  'net.needsFlatten': (p, f) =>
    `${p.layer} recibe aquí una imagen de ${p.shape}: añade Flatten() antes (eso da ${features(f, p.features)}).`,
  'net.features': (p, f) =>
    `${p.layer} recibe aquí ${features(f, p.features)}${p.from ? ` (${p.from})` : p.input ? ` (la entrada es ${p.input})` : ''}: escribe ${p.fix}.`,
  'net.window': (p) => `${p.layer} recibe aquí una imagen de ${p.shape}: ${lowerFirst(p.error)}`,
  'net.endsWithImage': (p) =>
    `La red termina con una imagen de ${p.shape}, pero debe terminar con una puntuación por clase (${p.classes}): añade Flatten() y Linear(${p.features}, ${p.classes}).`,
  'net.lastLayer': (p, f) =>
    `La última capa da ${count(f, p.outputs, 'salida', 'salidas')}, pero los datos tienen ${count(f, p.classes, 'clase', 'clases')}: escribe ${p.fix}.`,
  'net.lastLayerEnd': (p, f) =>
    `La última capa da ${count(f, p.outputs, 'salida', 'salidas')}, pero los datos tienen ${count(f, p.classes, 'clase', 'clases')}: termina con Linear(${p.outputs}, ${p.classes}).`,
  'net.tooManyParams': (p, f) =>
    `Esta red tiene ${f.number(p.params)} parámetros, más de los ${f.number(p.max)} que puede entrenar una pestaña del navegador (solo ${p.layer} tiene ${f.number(p.layerParams)}): hazla más pequeña.`,
  'net.tooManyFlops': (p, f) =>
    `Una imagen de entrenamiento costaría ${mflop(f, p.mflop)} MFLOP, más de los ${mflop(f, p.max)} MFLOP con los que puede entrenar una pestaña del navegador (${p.layer} cuesta ${mflop(f, p.layerMflop)}): usa menos canales, una entrada más pequeña o un pooling más temprano.`,
  'net.badJson':
    'layers empieza como JSON pero no es JSON válido: escribe capas de PyTorch ("Conv2d(1, 16, 3), ReLU(), …") o un array JSON de especificaciones de capas.',
  'net.notValue':
    'network debe ser capas de PyTorch como texto o especificaciones de capas: un array como [{ "type": "conv2d", "filters": 16, "kernelSize": 3 }, …].',
  'net.notSpec': (p) =>
    `La capa ${p.n} no es una especificación de capa: da { "type": … } con uno de ${p.types}.`,
  'net.notSpecType': (p) =>
    `La capa ${p.n} no es una especificación de capa: da { "type": … } con uno de ${p.types} (no "${p.type}").`,
  'net.cannotWrite': (p) =>
    `Estas especificaciones de capas no se pueden escribir como capas de PyTorch: ${p.error}`,
};
