/** Español: las palabras de `<cnn-trainer>` (see ../types.ts). */
import type { TRAINER_EN } from '../../components/cnn-trainer/cnn-trainer.strings.js';
import type { SameKeys } from '../types.js';
import type { CONFIG_MESSAGES } from '../../engine/training/config.messages.js';
import { int, one, dec, dec2 } from '../formats.js';

export const TRAINER: SameKeys<typeof TRAINER_EN> = {
  'trainer.start': 'Iniciar',
  'trainer.startAgain': 'Volver a iniciar',
  'trainer.pause': 'Pausar',
  'trainer.resume': 'Reanudar',
  'trainer.stop': 'Detener',
  'trainer.backend': 'Backend:',
  'trainer.downloadCode': 'Descargar el código PyTorch',
  'trainer.downloadWeights': 'Descargar los pesos',
  'trainer.loadWeights': 'Cargar pesos',
  'trainer.fineTune': 'Ajustar con los ejemplos enseñados',
  'trainer.fineTuning': 'Ajustando…',
  'trainer.fineTuned': (p, f) =>
    `Ahora se leen bien ${p.correct} de ${p.examples} ${one(f, p.examples, 'ejemplo enseñado', 'ejemplos enseñados')} tras ${f.number(p.steps)} pasos; exactitud en prueba ${f.percent(p.before)} → ${f.percent(p.after)}.`,
  'trainer.settings': 'Ajustes del entrenamiento',
  'trainer.model': 'Modelo',
  'trainer.model.fnn': 'FNN (densa)',
  'trainer.model.custom': 'La tuya',
  'trainer.epochs': 'Épocas',
  'trainer.batchSize': 'Tamaño del lote',
  'trainer.learningRate': 'Tasa de aprendizaje',
  'trainer.optimizer': 'Optimizador',
  'trainer.lrSchedule': 'Programa de la tasa',
  'trainer.schedule.cooldown': 'Enfriamiento',
  'trainer.schedule.constant': 'Constante',
  'trainer.schedule.cosine': 'Coseno',
  'trainer.trainSize': 'Imágenes de entrenamiento',
  'trainer.layers': 'Tu red (capas de PyTorch, separadas por comas o saltos de línea)',
  'trainer.downloadProgress': 'Progreso de la descarga',
  'trainer.trainingProgress': 'Progreso del entrenamiento',
  'trainer.evaluated': 'Pesos cargados, evaluados con las imágenes de prueba',
  'trainer.evaluating': 'Evaluando los pesos cargados con las imágenes de prueba',
  'trainer.failed': 'Falló',
  'trainer.split.train': 'entrenamiento',
  'trainer.split.test': 'prueba',
  'trainer.startingTf': 'Iniciando TensorFlow.js…',
  'trainer.downloading': (p, f) =>
    `Descargando las imágenes de ${p.split} de ${p.dataset}: ${f.percent(p.percent, 0)}`,
  'trainer.downloadingSized': (p, f) =>
    `Descargando las imágenes de ${p.split} de ${p.dataset}: ${f.number(p.loaded, dec)} de ${f.number(p.total, dec)} MB · ${f.percent(p.percent, 0)}`,
  'trainer.batch': (p, f) =>
    `${p.state === 'paused' ? 'En pausa · ' : p.state === 'done' ? 'Terminado · ' : p.state === 'stopped' ? 'Detenido · ' : ''}época ${p.epoch}/${p.epochs} · lote ${int(f, p.batch)}/${int(f, p.batches)}${p.speed > 0 ? ` · ${int(f, p.speed)} img/s` : ''}`,
  'trainer.preparing': 'Preparando el primer lote…',
  'trainer.paused': 'En pausa',
  'trainer.ready': (p, f) =>
    `Listo: ${int(f, p.epochs)} ${one(f, p.epochs, 'época', 'épocas')} con ${int(f, p.images)} imágenes${p.of}`,
  'trainer.ofDataset': (p, f) =>
    ` de ${p.name} (${int(f, p.classes)} ${one(f, p.classes, 'clase', 'clases')}${p.names ? `: ${p.names}` : ''})`,
  'trainer.readingDataset': 'Leyendo el conjunto de datos…',
  'trainer.fixSettings': 'Corrige los ajustes para empezar',
  'trainer.hiddenPause': 'En pausa porque la pestaña quedó oculta. Pulsa Reanudar para continuar.',
  'trainer.autostartHeld':
    'No empezó automáticamente porque tu dispositivo pide reducir el movimiento. Pulsa Iniciar para entrenar.',
  'trainer.lossCaption': 'Pérdida (suavizada)',
  'trainer.trainAccuracy': 'Exactitud de entrenamiento',
  'trainer.testAccuracyCaption': 'Exactitud en prueba (por época)',
  'trainer.epochAxis': 'época',
  'trainer.lossEmpty': 'Pérdida por lote (suavizada): aún sin datos.',
  'trainer.accuracyEmpty': 'Exactitud por lote y exactitud en prueba por época: aún sin datos.',
  'trainer.lossSummary': (p, f) =>
    `Pérdida por lote (suavizada): de ${f.number(p.from, dec2)} a ${f.number(p.to, dec2)} tras ${f.number(p.batches)} lotes.`,
  'trainer.accuracySummary': (p, f) =>
    `Exactitud de entrenamiento por lote (suavizada): de ${f.percent(p.from)} a ${f.percent(p.to)}.${p.tests ? ` Exactitud en prueba por época: ${p.tests}.` : ''}`,
  // The charts' data table.
  'trainer.tableCaption': 'Pérdida y exactitud por época (valores suavizados en el último lote de la época)',
  'trainer.col.epoch': 'Época',
  'trainer.col.batches': 'Lotes',
  'trainer.col.loss': 'Pérdida',
  'trainer.col.trainAccuracy': 'Exactitud de entrenamiento',
  'trainer.col.testAccuracy': 'Exactitud en prueba',
  'trainer.result': 'Exactitud en prueba {0}',
  'trainer.resultOn': (p, f) => `Exactitud en prueba {0} con ${f.number(p.images)} imágenes`,
  'trainer.noResult': 'La exactitud en prueba aparece tras la primera época.',
  'trainer.noResultEnded':
    'La ejecución terminó antes de evaluar el conjunto de prueba: no hay exactitud en prueba.',
  'trainer.settingError': (p) => `${String(p.error).charAt(0).toUpperCase()}${String(p.error).slice(1)}`,
  'trainer.networkError': (p) => `Tu red (layers): ${p.error}`,
  'trainer.unknownPreset': (p) => `preset desconocido "${p.preset}": el único preset es "notebook".`,
  'trainer.batchTooLarge': (p, f) =>
    `El tamaño del lote (${f.number(p.batch)}) es mayor que el conjunto de entrenamiento (${f.number(p.images)} imágenes).`,
  'trainer.tooMuchWork': (p, f) =>
    `${f.number(p.epochs)} épocas × ${f.number(p.images)} imágenes es demasiado trabajo para una página web (como máximo ${f.number(p.max)} pasadas de imágenes, p. ej. 20 épocas de las ${f.number(60000)}): reduce las épocas o el número de imágenes.`,
  'trainer.announceStart': (p) => `Entrenando la ${p.model} con el backend ${p.backend || 'predeterminado'}.`,
  'trainer.announceEpoch': (p, f) =>
    `Época ${p.epoch} de ${p.epochs > 0 ? p.epochs : '?'} terminada${Number.isFinite(p.accuracy) ? `: exactitud en prueba ${f.percent(p.accuracy)}` : ''}.`,
  'trainer.announceLoaded': (p, f) =>
    Number.isFinite(p.accuracy)
      ? `Pesos cargados: exactitud en prueba ${f.percent(p.accuracy)}.`
      : 'Pesos cargados.',
  'trainer.announceEnd': (p, f) =>
    `${p.stopped === 'yes' ? 'Entrenamiento detenido' : 'Entrenamiento terminado'}${Number.isFinite(p.accuracy) ? `: exactitud en prueba ${f.percent(p.accuracy)}` : ''}.`,
  'trainer.announceFailed': (p) => `El entrenamiento falló: ${p.error}`,
};

export const CONFIG: SameKeys<typeof CONFIG_MESSAGES> = {
  'config.notSpec': 'spec debe ser una red ({ name, inputShape, layers: [...] }).',
  'config.spec': (p) => `spec: ${p.error}`,
  'config.model': (p) => `model debe ser "cnn" o "fnn", no "${p.got}".`,
  'config.optimizer': (p) => `el optimizador debe ser "adam" o "sgd", no "${p.got}".`,
  'config.lrSchedule': (p) =>
    `el programa de la tasa debe ser "constant", "cooldown" o "cosine", no "${p.got}".`,
  'config.backend': (p) => `backend debe ser auto, webgpu, webgl, wasm o cpu, no "${p.got}".`,
  'config.epochs': (p, f) => `las épocas deben ser un número entero de 1 a ${f.number(p.max)}.`,
  'config.batchSize': (p, f) => `el tamaño del lote debe ser un número entero de 1 a ${f.number(p.max)}.`,
  'config.learningRate': 'la tasa de aprendizaje debe ser un número mayor que 0 (y como máximo 10).',
  'config.momentum': 'el momento debe ser un número de 0 a menos de 1.',
  'config.trainSize': (p, f) =>
    `el número de imágenes de entrenamiento debe ser un entero de 1 a ${f.number(p.max)}.`,
  'config.testSize': (p, f) =>
    `el número de imágenes de prueba debe ser un entero de 1 a ${f.number(p.max)}.`,
  'config.seed': 'seed debe ser un número entero.',
  'config.thread': 'thread debe ser auto, worker o main.',
  'config.workers': (p) => `workers debe ser "auto" o un número entero de 1 a ${p.max}.`,
};
