/** Español: los mensajes del motor (see ../types.ts). */
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
  'name.inputSize': 'El tamaño de entrada',
  'name.kernelSize': 'El tamaño del kernel',
  'name.stride': 'El paso',
  'name.dilation': 'La dilatación',
  'name.padding': 'El relleno',
  'name.filters': 'El número de filtros',
  'name.units': 'El número de neuronas',
  'name.inputDimension': (p) => `La dimensión de entrada ${p.index}`,
  'check.notNumber': (p) => `${p.name} debe ser un número.`,
  'check.notFinite': (p) => `${p.name} debe ser finito.`,
  'check.notWhole': (p, f) => `${p.name} debe ser un número entero (se recibió ${n(f, p.value)}).`,
  'check.tooSmall': (p, f) => `${p.name} debe ser al menos ${n(f, p.min)} (se recibió ${n(f, p.value)}).`,
  'check.tooLarge': (p, f) => `${p.name} es demasiado grande (como máximo ${n(f, p.max)}).`,
  'conv.strideZero': 'El paso debe ser al menos 1: con un paso de 0 la ventana nunca se movería.',
  'conv.paddingChoice': (p) => `El relleno debe ser un número, "same" o "valid" (se recibió "${p.got}").`,
  'conv.poolPadding': (p) =>
    `El relleno del pooling debe ser como máximo la mitad del kernel (${p.max} para una ventana de ancho ${p.kernel}).`,
  'conv.kernelTooLarge': (p) =>
    `El kernel (${p.kernel}) es más grande que la entrada rellenada (${p.padded}): no hay ninguna posición para la ventana.`,
  'conv.dilatedTooLarge': (p) =>
    `El kernel dilatado (${p.extent} de ancho) es más grande que la entrada rellenada (${p.padded}): no hay ninguna posición para la ventana.`,
  'size.empty': 'El tamaño de entrada está vacío: indique un ancho como "28" o alto×ancho como "28x32".',
  'size.parts': (p) => `El tamaño de entrada "${p.text}" tiene demasiadas partes: escriba "W" o "HxW".`,
  'size.notNumber': (p) => `El tamaño de entrada "${p.text}" no es un número: escriba "W" o "HxW".`,
  'walk.inputShape': 'La forma de entrada debe ser [canales, alto, ancho] o [características].',
  'walk.layer': (p) => `${p.name}: ${p.error}`,
  'walk.flatInput': 'necesita una entrada [canales, alto, ancho], pero la entrada es plana.',
  'walk.denseNeedsFlat': (p) =>
    `una capa densa necesita una entrada plana; la entrada es ${p.shape}: añada antes una capa Flatten.`,
  'walk.unknownType': (p) => `tipo de capa desconocido "${p.type}".`,
  'hyper.window': (p) => `${p.kernel}, paso ${p.stride}, relleno ${p.padding}`,
  'hyper.windowDilated': (p) =>
    `${p.kernel}, paso ${p.stride}, relleno ${p.padding}, dilatación ${p.dilation}`,
  'hyper.adaptive': (p) => `a ${p.size}`,
  'hyper.slope': (p, f) => `pendiente ${n(f, p.slope)}`,
  'hyper.dropout': (p, f) => `p = ${n(f, p.rate)}`,
  'hyper.unreached': (p) => `la ventana nunca alcanza las últimas ${p.count} fila(s)/columna(s)`,

  'grid.input': 'La entrada',
  'grid.kernel': 'El kernel',
  'grid.channel': (p) => `${p.grid} (canal ${p.channel})`,
  'grid.json': (p) => `${p.grid} no es JSON válido: escriba un array de filas, p. ej. [[1,0],[0,1]].`,
  'grid.empty': (p) => `${p.grid} debe ser un array no vacío de filas, p. ej. [[1,0],[0,1]].`,
  'grid.channels': (p) => `${p.grid} tiene ${p.count} canales: como máximo ${p.max}.`,
  'grid.emptyPlane': (p) => `${p.grid} debe ser un array no vacío de filas.`,
  'grid.planeRows': (p) => `${p.grid}: todos los canales deben tener el mismo número de filas.`,
  'grid.rowNotArray': (p) => `${p.grid}: la fila ${p.row} no es un array de números.`,
  'grid.ragged': (p, f) =>
    `${p.grid} es irregular: la fila ${p.row} tiene ${p.count} ${one(f, p.count, 'valor', 'valores')} y la fila 1 tiene ${p.cols}.`,
  'grid.notFinite': (p) => `${p.grid}: la fila ${p.row} contiene ${p.value}, que no es un número finito.`,
  'grid.tooBig': (p, f) =>
    `${p.grid}: la fila ${p.row} contiene ${n(f, p.value)}; los valores deben estar entre −${n(f, p.max)} y ${n(f, p.max)}.`,
  'grid.tooLarge': (p) =>
    `${p.grid} es de ${p.rows}×${p.cols}: en la imagen caben como máximo ${p.max}×${p.max}.`,
  'grid.nan': 'un valor que no es un número',
  'grid.huge': 'un número demasiado grande para calcular con él',
  'viewer.name.channels': 'El número de canales',
  'viewer.seed': (p, f) =>
    `seed debe ser un número entero${typeof p.got === 'number' ? ` (se recibió ${n(f, p.got)})` : ''}, p. ej. 1234.`,
  'viewer.channelsMax': (p) => `Canales: como máximo ${p.max}.`,
  'viewer.inputTooLarge': (p) =>
    `El tamaño de entrada ${p.rows}×${p.cols} es demasiado grande para la imagen: como máximo ${p.max}×${p.max}.`,
  'viewer.kernelTooLarge': (p) =>
    `El tamaño del kernel ${p.size} es demasiado grande para la imagen: como máximo ${p.max}.`,
  'viewer.channelMismatch': (p, f) =>
    `La entrada tiene ${p.input} ${f.plural(p.input) === 'one' ? 'canal' : 'canales'}, pero el kernel tiene ${p.kernel}: un kernel necesita una capa por cada canal de entrada.`,
  'viewer.paddingMax': (p) => `Relleno: como máximo ${p.max} en la imagen.`,
  'viewer.strideMax': (p) => `Paso: como máximo ${p.max}.`,
  'viewer.dilationMax': (p) => `Dilatación: como máximo ${p.max}.`,
  'viewer.summary': (p, f) =>
    `Una entrada ${p.channels > 1 ? `de ${f.number(p.channels)} canales ` : ''}de ${p.input}, relleno ${f.number(p.padding)}, un kernel de ${p.kernel}${p.dilation > 1 ? ` (dilatación ${f.number(p.dilation)})` : ''}, paso ${f.number(p.stride)} ${p.arrow} una salida de ${p.output}.`,
  'viewer.size': (p, f) => `${f.number(p.rows)}×${f.number(p.cols)}`,
  'viewer.channel': (p) => `canal ${p.channel}`,

  'shape.empty': 'La forma de entrada está vacía: indique "W", "H×W" o "C×H×W", p. ej. "28" o "3x224x224".',
  'shape.parts': (p) =>
    `La forma de entrada "${p.text}" tiene demasiadas partes: escriba "W", "H×W" o "C×H×W".`,
  'shape.notNumbers': (p) =>
    `La forma de entrada "${p.text}" no es una lista de números: escriba "W", "H×W" o "C×H×W".`,
  'shape.channels': 'El número de canales',
  'shape.height': 'El alto',
  'shape.width': 'El ancho',
  'layer.withRelu': (p) => `${p.layer} + ReLU`,
  'layer.name': (p) => `${p.layer}`,
  'layer.layer': 'capa',
  'layer.scores': (p) => `${p.layer} (puntuaciones)`,

  'matrix.json': (p) =>
    `La matriz debe ser un array JSON de filas, p. ej. [[5,1],[2,7]] (se recibió "${p.got}").`,
  'matrix.notArray': (p) => `La matriz debe ser un array de filas (se recibió ${p.got}).`,
  'matrix.empty': 'La matriz está vacía: indique al menos una fila.',
  'matrix.tooMany': (p) => `La matriz tiene ${p.rows} filas; se pueden mostrar como máximo ${p.max} clases.`,
  'matrix.rowNotArray': (p) => `La fila ${p.row} de la matriz no es un array.`,
  'matrix.notSquare': (p, f) =>
    `La matriz debe ser cuadrada (n×n): la fila ${p.row} tiene ${p.count} ${one(f, p.count, 'valor', 'valores')} y se esperaban ${p.n}.`,
  'matrix.where': (p) => `fila ${p.row}, columna ${p.col}`,
  'matrix.notNumber': (p) => `Cada recuento debe ser un número: en ${p.where} hay ${p.value}.`,
  'matrix.infinite': (p) => `Cada recuento debe ser finito: en ${p.where} hay infinito.`,
  'matrix.minusInfinite': (p) => `Cada recuento debe ser finito: en ${p.where} hay menos infinito.`,
  'matrix.negative': (p, f) => `Los recuentos no pueden ser negativos: en ${p.where} hay ${n(f, p.value)}.`,
  'matrix.notWhole': (p, f) =>
    `Los recuentos deben ser números enteros: en ${p.where} hay ${n(f, p.value)}. (Use normalize para mostrar fracciones).`,
  'matrix.tooLarge': (p, f) =>
    `Los recuentos son demasiado grandes: su total debe ser como máximo ${f.number(p.max)} (${p.where} lo supera).`,
  'labels.count': (p, f) =>
    `${p.count} ${f.plural(p.count) === 'one' ? 'etiqueta' : 'etiquetas'} para ${p.n} clases: dé una etiqueta por clase, separadas por comas.`,
  'labels.empty': (p, f) =>
    `${f.plural(p.count) === 'one' ? `La etiqueta ${p.which} está vacía` : `Las etiquetas ${p.which} están vacías`}: dé un nombre a cada clase, separados por comas (p. ej. "gato,perro,pájaro").`,
};
