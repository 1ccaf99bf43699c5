/** Español: lo que una sesión de entrenamiento rechaza o en lo que falla (see ../../engine/training/session.messages.ts). */
import type { SameKeys } from '../types.js';
import type { SESSION_MESSAGES } from '../../engine/training/session.messages.js';

export const SESSION: SameKeys<typeof SESSION_MESSAGES> = {
  'session.networkMisfit': (p) =>
    `Tu red (layers) no encaja con ${p.dataset} (imágenes de ${p.channels}×${p.height}×${p.width}, ${p.classes} clases): ${p.error}`,
  'session.tooMuchData': (p, f) =>
    `${f.number(p.train)} imágenes de entrenamiento y ${f.number(p.test)} de prueba de ${p.width}×${p.height}×${p.channels} ocupan ${f.number(p.mb)} MB, más de lo que debería guardar una pestaña del navegador (${f.number(p.maxMb)} MB): pon train-size en ${f.number(p.most)} como máximo.`,
  'session.disposed': 'Esta sesión de entrenamiento se cerró.',
  'session.notReady': 'Sin inicializar.',
  'session.notStartedYet': 'El modelo aún no está listo (primero start()).',
  'session.runFailed': 'Esta ejecución falló: inicia una nueva y luego ajusta.',
  'session.notTrained':
    'El ajuste necesita una red entrenada: espera a que termine la ejecución (o detenla).',
  'session.notStarted': 'El ajuste necesita una red entrenada: pulsa Iniciar y deja que entrene primero.',
  'session.tuning': 'Ya hay un ajuste en curso.',
  'session.tuningWait': 'Ya hay un ajuste en curso: espera a que termine.',
  'session.tuneRate': 'La tasa de aprendizaje del ajuste debe ser un número mayor que 0 (y como máximo 10).',
  'session.diverged': (p) =>
    `El ajuste divergió en el paso ${p.step} (la pérdida no es un número): prueba una tasa de aprendizaje más pequeña.`,
  'session.noExamples': (p) =>
    `Aún no hay ejemplos de los que aprender: dibuja en un ${p.pad}, elige la etiqueta correcta y pulsa Enseñar.`,
  'session.tuneFailed': (p) => `No se pudo ajustar: ${p.error}`,
  'session.workerSilent': (p, f) =>
    `El worker de entrenamiento no respondió durante ${f.number(p.seconds)} s y se detuvo: recargue la página para intentarlo de nuevo.`,
  'session.helperSilent': (p, f) =>
    `Un worker auxiliar del entrenamiento no respondió durante ${f.number(p.seconds)} s: el entrenamiento se detuvo. Inténtelo de nuevo con workers="1".`,
};
