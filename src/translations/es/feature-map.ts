/** Español: las palabras de `<feature-map>` y los mensajes de su cadena de filtros (see ../types.ts). */
import type { FM_EN } from '../../components/feature-map/feature-map.strings.js';
import type { FILTERS_MESSAGES } from '../../engine/filters.messages.js';
import type { SameKeys } from '../types.js';

export const FM: SameKeys<typeof FM_EN> = {
  'fm.loadingImage': 'Cargando la imagen…',
  'fm.loadingDigit': 'Cargando el dígito de prueba…',
  'fm.loadingTestImage': 'Cargando la imagen de prueba…',
  'fm.computing': 'Calculando los mapas de características…',
  'fm.testDigit': 'Dígito de prueba',
  'fm.testImage': 'Imagen de prueba',
  'fm.after.group': 'Qué ocurre después de la convolución',
  'fm.maxPool': 'Max pooling 2×2',
  'fm.compare': 'Antes / después',
  'fm.shape.layer': (p) => `Capa ${p.layer}:`,
  'fm.shape.input': (p) => `entrada ${p.shape}`,
  'fm.shape.conv': (p) => `convolución ${p.hyper}`,
  'fm.shape.pool': 'max pooling 2×2',
  'fm.shape.output': 'forma de la salida C × H × W:',
  'fm.photo': (p) => `La foto de entrada tal como la ven los filtros, ${p.size} píxeles`,
  'fm.testDigitFed': (p) => `El dígito de prueba ${p.label} que recibe la red, ${p.size}`,
  'fm.testImageFed': (p) => `La imagen de prueba ${p.label} que recibe la red, ${p.size}`,
  'fm.testImageFedColour': (p) => `La imagen de prueba ${p.label} que recibe la red, ${p.size} en color`,
  'fm.input': 'Entrada',
  'fm.digit': (p) => `Dígito ${p.label}`,
  'fm.filterN': (p) => `filtro ${p.n}`,
  'fm.custom': 'personalizado',
  'fm.channel': (p) => `canal ${p.n}`,
  'fm.map': (p) => `Mapa ${p.n} (${p.name}) del filtro: ${p.h}×${p.w}, valores de ${p.min} a ${p.max}`,
  'fm.mapOfLayer': (p) =>
    `Mapa ${p.n} (${p.name}) de la capa ${p.layer}: ${p.h}×${p.w}, valores de ${p.min} a ${p.max}`,
  'fm.mapBefore': (p) =>
    `Mapa ${p.n} (${p.name}) antes de ${p.what}: ${p.h}×${p.w}, valores de ${p.min} a ${p.max}`,
  'fm.pooling': 'pooling',
  'fm.before': 'antes',
  'fm.afterWhat': (p) => `después de ${p.what}`,
  'fm.low': 'bajo',
  'fm.high': 'alto',
  'fm.sharedScale': 'cada par antes/después comparte una misma escala',
  'fm.ownScale': 'cada mapa se escala a su propio rango',
  'fm.kernels': (p) =>
    `Kernels de ${p.layer}, uno por canal de color (${p.kh}×${p.kw} pesos; los tres de cada filtro en una misma escala)`,
  'fm.red': 'canal rojo',
  'fm.green': 'canal verde',
  'fm.blue': 'canal azul',
  'fm.kernel': (p) => `Filtro ${p.n}, ${p.channel}: kernel de ${p.kh}×${p.kw}, pesos de ${p.min} a ${p.max}`,
  'fm.downscaled': (p) =>
    `La imagen de ${p.nw}×${p.nh} se redujo a ${p.w}×${p.h} (como máximo ${p.max} px por lado) para que la página siga respondiendo.`,
  'fm.waitingTrain': (p) =>
    `Esperando a que la red entrene: las activaciones de ${p.layer} aparecerán cuando <cnn-trainer id="${p.id}"> haya empezado.`,
  'fm.waitingTrainer': (p) => `Esperando a que aparezca <cnn-trainer id="${p.id}"> en la página.`,
  'fm.pipelineFailed': (p) => `No se pudo cargar el procesamiento de la foto: ${p.error}`,
  'fm.computeFailed': (p) => `Falló el cálculo de los mapas: ${p.error}`,
  'fm.tfFailed': (p) => `TensorFlow.js no pudo arrancar: ${p.error}`,
  'fm.seed': 'La semilla debe ser un número entero, p. ej. 1234.',
  'fm.seedGot': (p) => `La semilla debe ser un número entero (se recibió ${p.got}), p. ej. 1234.`,
  'fm.image.missing': (p) => `No se pudo cargar la imagen "${p.src}": no existe o no es una imagen.`,
  'fm.image.cors': (p) =>
    `No se pudo cargar la imagen "${p.src}": no existe, no es una imagen o está en otro sitio que no permite leer sus píxeles (necesita CORS: Access-Control-Allow-Origin).`,
  'fm.image.noSize': (p) => `La imagen "${p.src}" no tiene tamaño (¿un SVG sin width ni height?).`,
  'fm.image.noCanvas': 'Este navegador no puede leer los píxeles de una imagen (no tiene lienzo 2D).',
  'fm.image.tainted': (p) =>
    `La imagen "${p.src}" está en otro sitio que no permite leer sus píxeles (CORS): sírvela con Access-Control-Allow-Origin o alójala en este sitio.`,
  'fm.digitRange': (p) => `digit debe ser un número entero de 0 a ${p.last} (se recibió ${p.got}).`,
  'fm.classRange': (p) =>
    `digit debe ser un número entero de 0 a ${p.last} (una clase de ${p.name}: 0 es ${p.first}) (se recibió ${p.got}).`,
  'fm.got.nan': 'algo que no es un número',
  'fm.got.infinite': 'un número infinito',
  'fm.layerEmpty': 'layer está vacío: indica una capa del entrenador, p. ej. conv1.',
  'fm.activationsFailed': (p) => `No se pudieron leer las activaciones de "${p.layer}": ${p.error}`,
  'fm.noLayer': (p) => `La red del entrenador no tiene ninguna capa "${p.layer}".`,
  'fm.noLayerIn': (p) =>
    `La red del entrenador no tiene ninguna capa "${p.layer}": sus capas de imagen son ${p.layers}.`,
  'fm.noLayerFlat': (p) =>
    `La red del entrenador no tiene ninguna capa "${p.layer}": no tiene capas de imagen (aplana el dígito desde el principio).`,
  'fm.flatLayer': (p, f) =>
    `La capa "${p.layer}" da ${f.number(p.count)} valores, no una imagen, así que no tiene mapas de características: sus capas de imagen son ${p.layers}.`,
  'fm.flatLayerNone': (p, f) =>
    `La capa "${p.layer}" da ${f.number(p.count)} valores, no una imagen, así que no tiene mapas de características: la red no tiene capas de imagen (aplana el dígito desde el principio).`,
  'fm.notImage': (p) =>
    `La capa "${p.layer}" tiene forma [${p.shape}], que no es una activación con forma de imagen.`,
  'fm.noTestImage': (p) =>
    `Ninguna de las primeras ${p.count} imágenes de prueba es de la clase ${p.digit} (${p.name}): elige otra.`,
};

export const FILTERS: SameKeys<typeof FILTERS_MESSAGES> = {
  'filters.name.padding': 'El relleno (padding)',
  'filters.name.stride': 'El paso (stride)',
  'filters.name.kernelSize': 'El tamaño del kernel',
  'filters.name.count': 'El número de filtros',
  'filters.notNumber': (p) => `${p.name} debe ser un número.`,
  'filters.notWhole': (p, f) =>
    `${p.name} debe ser un número entero (se recibió ${f.number(p.got, { useGrouping: false, maximumFractionDigits: 6 })}).`,
  'filters.tooSmall': (p) => `${p.name} debe ser como mínimo ${p.min} (se recibió ${p.got}).`,
  'filters.tooBig': (p) => `${p.name}: como máximo ${p.max} (se recibió ${p.got}).`,
  'filters.activation': (p) => `activation debe ser "none" o "relu" (se recibió "${p.got}").`,
  'filters.pool': (p) => `pool debe ser 0 (ninguno) o 2 (max pooling 2×2) (se recibió ${p.got}).`,
  'filters.notANumber': 'algo que no es un número',
  'filters.inChannelsPhoto': (p) =>
    `in_channels es ${p.declared}, pero aquí llegan ${p.arrive} canales (la foto es RGB): escribe ${p.arrive} (o 1 sobre la foto, para verla en gris).`,
  'filters.inChannels': (p) =>
    `in_channels es ${p.declared}, pero aquí llegan ${p.arrive} canales (los filtros de la capa anterior): escribe ${p.arrive} (o 1 sobre la foto, para verla en gris).`,
  'filters.strideZero': 'El paso debe ser al menos 1: con un paso de 0 la ventana nunca se movería.',
  'filters.kernelSquare': (p) => `El kernel debe ser cuadrado (se recibió ${p.rows}×${p.cols}).`,
  'filters.kernelSlices': (p) =>
    `El kernel tiene ${p.slices} capas de canal, pero la entrada tiene ${p.channels} canales: da una por canal de entrada, o un kernel 2D.`,
  'filters.empty': (p) =>
    `filters está vacío: da nombres de filtros predefinidos (${p.presets}) o un número de filtros aleatorios.`,
  'filters.emptyName': (p) =>
    `filters tiene un nombre vacío (¿una coma de más?). Predefinidos: ${p.presets}.`,
  'filters.unknown': (p) =>
    `Filtro desconocido "${p.name}". Usa nombres de filtros predefinidos (${p.presets}) o un número de filtros aleatorios.`,
  'filters.tooMany': (p) => `Demasiados filtros (${p.count}): como máximo ${p.max}.`,
  'filters.poolTooSmall': (p) => `El mapa de ${p.h}×${p.w} es demasiado pequeño para un pooling 2×2.`,
  'filters.inLayer': (p) => `Capa ${p.n}: ${p.error}`,
  'filters.layersJson': 'layers no es JSON válido: escribe p. ej. [{"filters": "5", "kernelSize": 5}].',
  'filters.layersEmpty': 'layers debe ser un array JSON no vacío de objetos de capa.',
  'filters.layersTooMany': (p) => `layers: como máximo ${p.max} (se recibieron ${p.got}).`,
  'filters.layerObject': (p) => `La capa ${p.n} debe ser un objeto como {"filters": "5", "kernelSize": 5}.`,
  'filters.layerKey': (p) =>
    `Capa ${p.n}: clave desconocida "${p.key}" (usa filters, kernel, kernelSize, padding, stride, activation, pool).`,
  'photo.lead': (p) => `No se pudo cargar la imagen "${p.src}"`,
  'photo.label': (p) => `la imagen "${p.src}"`,
  'photo.badAddress': (p) => `"${p.src}" no es una dirección de imagen válida.`,
  'photo.cors': (p) =>
    `${p.lead}: está en otro sitio que quizá no permite leer sus píxeles (necesita CORS: Access-Control-Allow-Origin), o falló la conexión; compruébalo y pulsa Reintentar.`,
  'photo.jpegCut': 'el JPEG no tiene final: llegó cortado',
  'photo.gifCut': 'el GIF no tiene final: llegó cortado',
  'photo.webpCut': 'el archivo WebP llegó cortado',
  'photo.pngCut': 'el PNG llegó cortado',
  'photo.pngChecksum': 'un bloque del PNG no supera su suma de comprobación',
  'torch.parse': (p) => `layers: ${p.error}`,
  'torch.at': (p) => `layers: línea ${p.line}, columna ${p.column}: ${p.error}`,
  'torch.square': (p) =>
    `${p.layer}: aquí los mapas de características usan kernels, pasos y rellenos cuadrados.`,
  'torch.dilation': (p) => `${p.layer}: la dilatación es para <cnn-trainer layers>.`,
  'torch.bias': (p) => `${p.layer}: aquí los filtros siempre tienen sesgo.`,
  'torch.tooMany': (p) => `${p.layer}: sobre una foto se muestran como máximo ${p.max} convoluciones.`,
  'torch.same': (p) => `${p.layer}: padding='same' necesita aquí un kernel impar y paso 1; da un número.`,
  'torch.first': (p) =>
    `La cadena empieza con una Conv2d (la foto entra primero en una convolución), no con ${p.layer}.`,
  'torch.relu': (p) => `${p.layer}: esta convolución ya tiene una ReLU.`,
  'torch.pool': (p) => `${p.layer}: aquí los mapas usan un pooling 2×2 con paso 2: escribe MaxPool2d(2).`,
  'torch.pooled': (p) => `${p.layer}: esta convolución ya tiene pooling.`,
  'torch.other': (p) =>
    `${p.type} no se muestra sobre una foto: aquí la cadena es Conv2d, ReLU() y MaxPool2d(2) (entrena ${p.type} en <cnn-trainer layers>).`,
};
