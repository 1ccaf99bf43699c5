/**
 * `<cnn-trainer>`'s English (see shared/shared.strings.ts for how a table is written): its buttons, settings,
 * progress, charts, results and announcements. Names of things (CNN, Adam, SGD, PyTorch, a dataset's name) are
 * not translated.
 */
import type { MessageFormats } from '../../engine/messages.js';
import type { LocalizeController } from '../shared/localize.js';
import type { SHARED_EN } from '../shared/shared.strings.js';

type F = MessageFormats;
const pct = (f: F, x: number) => f.percent(x);
const many = (f: F, n: number, one: string, other: string) => (f.plural(n) === 'one' ? one : other);

/** Says the trainer's terms in the reader's language. */
export type TrainerLocalize = LocalizeController<typeof SHARED_EN & typeof TRAINER_EN>;

export const TRAINER_EN = {
  // The buttons.
  'trainer.start': 'Start',
  'trainer.startAgain': 'Start again',
  'trainer.pause': 'Pause',
  'trainer.resume': 'Resume',
  'trainer.stop': 'Stop',
  /** Before the backend's name in bold (`webgl`, `wasm`, `cpu`). */
  'trainer.backend': 'Backend:',
  'trainer.downloadCode': 'Download PyTorch code',
  'trainer.downloadWeights': 'Download weights',
  'trainer.loadWeights': 'Load weights',
  'trainer.fineTune': 'Fine-tune on taught examples',
  'trainer.fineTuning': 'Fine-tuning…',
  'trainer.fineTuned': (
    p: { correct: number; examples: number; steps: number; before: number; after: number },
    f: F,
  ) =>
    `${p.correct} of ${p.examples} taught ${many(f, p.examples, 'example', 'examples')} now read right after ${f.number(p.steps)} steps; test accuracy ${pct(f, p.before)} → ${pct(f, p.after)}.`,
  // The settings.
  'trainer.settings': 'Training settings',
  'trainer.model': 'Model',
  'trainer.model.fnn': 'FNN (dense)',
  'trainer.model.custom': 'Your own',
  'trainer.epochs': 'Epochs',
  'trainer.batchSize': 'Batch size',
  'trainer.learningRate': 'Learning rate',
  'trainer.optimizer': 'Optimizer',
  'trainer.lrSchedule': 'LR schedule',
  'trainer.schedule.cooldown': 'Cooldown',
  'trainer.schedule.constant': 'Constant',
  'trainer.schedule.cosine': 'Cosine',
  'trainer.trainSize': 'Train size (images)',
  'trainer.layers': 'Your network (PyTorch layers, comma- or newline-separated)',
  // The progress bar.
  'trainer.downloadProgress': 'Download progress',
  'trainer.trainingProgress': 'Training progress',
  'trainer.evaluated': 'Loaded weights, evaluated on the test images',
  'trainer.evaluating': 'Evaluating the loaded weights on the test images',
  'trainer.failed': 'Failed',
  'trainer.startingTf': 'Starting TensorFlow.js…',
  /** The split being downloaded (`split` below). */
  'trainer.split.train': 'train',
  'trainer.split.test': 'test',
  'trainer.downloading': (p: { dataset: string; split: string; percent: number }, f: F) =>
    `Downloading ${p.dataset} ${p.split} images: ${f.percent(p.percent, 0)}`,
  'trainer.downloadingSized': (
    p: { dataset: string; split: string; loaded: number; total: number; percent: number },
    f: F,
  ) =>
    `Downloading ${p.dataset} ${p.split} images: ${f.number(p.loaded, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} of ${f.number(p.total, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB · ${f.percent(p.percent, 0)}`,
  /** `state`: '', 'paused', 'done' or 'stopped'; `speed`: images per second (0: not known). */
  'trainer.batch': (
    p: { state: string; epoch: number; epochs: number; batch: number; batches: number; speed: number },
    f: F,
  ) =>
    `${p.state === 'paused' ? 'Paused · ' : p.state === 'done' ? 'Done · ' : p.state === 'stopped' ? 'Stopped · ' : ''}epoch ${p.epoch}/${p.epochs} · batch ${f.number(p.batch, { maximumFractionDigits: 0 })}/${f.number(p.batches, { maximumFractionDigits: 0 })}${p.speed > 0 ? ` · ${f.number(p.speed, { maximumFractionDigits: 0 })} img/s` : ''}`,
  'trainer.preparing': 'Preparing the first batch…',
  'trainer.paused': 'Paused',
  'trainer.ready': (p: { epochs: number; images: number; of: string }, f: F) =>
    `Ready: ${f.number(p.epochs, { maximumFractionDigits: 0 })} ${many(f, p.epochs, 'epoch', 'epochs')} on ${f.number(p.images, { maximumFractionDigits: 0 })} images${p.of}`,
  // A dataset other than MNIST, after "on N images" (its name and class names are not translated).
  'trainer.ofDataset': (p: { name: string; classes: number; names: string }, f: F) =>
    ` of ${p.name} (${f.number(p.classes, { maximumFractionDigits: 0 })} ${many(f, p.classes, 'class', 'classes')}${p.names ? `: ${p.names}` : ''})`,
  'trainer.readingDataset': 'Reading the dataset…',
  'trainer.fixSettings': 'Fix the settings to start',
  'trainer.hiddenPause': 'Paused because the tab was hidden. Press Resume to continue.',
  /** An `autostart` trainer that waits, because the reader asked for reduced motion. */
  'trainer.autostartHeld':
    'Not started by itself, because your device asks for reduced motion. Press Start to train.',
  // The charts.
  'trainer.lossCaption': 'Loss (smoothed)',
  'trainer.trainAccuracy': 'Train accuracy',
  'trainer.testAccuracyCaption': 'Test accuracy (per epoch)',
  'trainer.epochAxis': 'epoch',
  'trainer.lossEmpty': 'Loss per batch (smoothed): no data yet.',
  'trainer.accuracyEmpty': 'Accuracy per batch and test accuracy per epoch: no data yet.',
  'trainer.lossSummary': (p: { from: number; to: number; batches: number }, f: F) =>
    `Loss per batch (smoothed): from ${f.number(p.from, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} to ${f.number(p.to, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} after ${f.number(p.batches)} batches.`,
  /** `tests`: the test accuracies by epoch, each already a percentage, joined (empty: none yet). */
  'trainer.accuracySummary': (p: { from: number; to: number; tests: string }, f: F) =>
    `Training accuracy per batch (smoothed): from ${pct(f, p.from)} to ${pct(f, p.to)}.${p.tests ? ` Test accuracy by epoch: ${p.tests}.` : ''}`,
  // The charts' *Data table*: one row per epoch.
  'trainer.tableCaption': 'Loss and accuracy by epoch (smoothed values at the epoch’s last batch)',
  'trainer.col.epoch': 'Epoch',
  'trainer.col.batches': 'Batches',
  'trainer.col.loss': 'Loss',
  'trainer.col.trainAccuracy': 'Train accuracy',
  'trainer.col.testAccuracy': 'Test accuracy',
  // The result. {0}: the accuracy, in bold.
  'trainer.result': 'Test accuracy {0}',
  'trainer.resultOn': (p: { images: number }, f: F) => `Test accuracy {0} on ${f.number(p.images)} images`,
  'trainer.noResult': 'Test accuracy appears after the first epoch.',
  'trainer.noResultEnded': 'The run ended before the test set was evaluated: no test accuracy.',
  // The settings' errors. `error`: the engine's clause (`config.*`), said as a sentence.
  'trainer.settingError': (p: { error: string }) =>
    `${String(p.error).charAt(0).toUpperCase()}${String(p.error).slice(1)}`,
  'trainer.networkError': (p: { error: string }) => `Your network (layers): ${p.error}`,
  'trainer.unknownPreset': (p: { preset: string }) =>
    `Unknown preset "${p.preset}": the only preset is "notebook".`,
  'trainer.batchTooLarge': (p: { batch: number; images: number }, f: F) =>
    `Batch size (${f.number(p.batch)}) is larger than the training set (${f.number(p.images)} images).`,
  'trainer.tooMuchWork': (p: { epochs: number; images: number; max: number }, f: F) =>
    `${f.number(p.epochs)} epochs × ${f.number(p.images)} images is too much work for a web page (at most ${f.number(p.max)} image passes, e.g. 20 epochs of all ${f.number(60000)}): lower epochs or train size.`,
  // Announcements (a polite live region).
  'trainer.announceStart': (p: { model: string; backend: string }) =>
    `Training the ${p.model} on ${p.backend || 'the'} backend.`,
  'trainer.announceEpoch': (p: { epoch: number; epochs: number; accuracy: number }, f: F) =>
    `Epoch ${p.epoch} of ${p.epochs > 0 ? p.epochs : '?'} done${Number.isFinite(p.accuracy) ? `: test accuracy ${pct(f, p.accuracy)}` : ''}.`,
  'trainer.announceLoaded': (p: { accuracy: number }, f: F) =>
    Number.isFinite(p.accuracy) ? `Weights loaded: test accuracy ${pct(f, p.accuracy)}.` : 'Weights loaded.',
  'trainer.announceEnd': (p: { stopped: string; accuracy: number }, f: F) =>
    `${p.stopped === 'yes' ? 'Training stopped' : 'Training finished'}${Number.isFinite(p.accuracy) ? `: test accuracy ${pct(f, p.accuracy)}` : ''}.`,
  'trainer.announceFailed': (p: { error: string }) => `Training failed: ${p.error}`,
};
