/**
 * The English of the training configuration's checks (config-base.ts `resolveConfigWith`; see ../messages.ts):
 * each names the setting as the lesson does and says what it takes. Lower-case, as a clause: the trainer
 * element says them as a sentence of its own (`trainer.settingError`). Also the English translation table's
 * entries for them.
 */
import type { MessageFormats } from '../messages.js';

type F = MessageFormats;

export const CONFIG_MESSAGES = {
  'config.notSpec': 'spec must be a network ({ name, inputShape, layers: [...] }).',
  /** `error`: why the network does not fit the data (a `layers` error, specFitError). */
  'config.spec': (p: { error: string }) => `spec: ${p.error}`,
  'config.model': (p: { got: string }) => `model must be "cnn" or "fnn", not "${p.got}".`,
  'config.optimizer': (p: { got: string }) => `optimizer must be "adam" or "sgd", not "${p.got}".`,
  'config.lrSchedule': (p: { got: string }) =>
    `learning-rate schedule must be "constant", "cooldown" or "cosine", not "${p.got}".`,
  'config.backend': (p: { got: string }) =>
    `backend must be auto, webgpu, webgl, wasm or cpu, not "${p.got}".`,
  'config.epochs': (p: { max: number }, f: F) =>
    `epochs must be a whole number from 1 to ${f.number(p.max)}.`,
  'config.batchSize': (p: { max: number }, f: F) =>
    `batch size must be a whole number from 1 to ${f.number(p.max)}.`,
  'config.learningRate': 'learning rate must be a number above 0 (and at most 10).',
  'config.momentum': 'momentum must be a number from 0 to below 1.',
  'config.trainSize': (p: { max: number }, f: F) =>
    `train size must be a whole number from 1 to ${f.number(p.max)}.`,
  'config.testSize': (p: { max: number }, f: F) =>
    `test size must be a whole number from 1 to ${f.number(p.max)}.`,
  'config.seed': 'seed must be a whole number.',
  'config.thread': 'thread must be auto, worker or main.',
  'config.workers': (p: { max: number }) => `workers must be "auto" or a whole number from 1 to ${p.max}.`,
};
