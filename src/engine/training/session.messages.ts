/**
 * The English of what a training session refuses or fails with (session.ts, fine-tune-run.ts, core.ts; see
 * ../messages.ts), and of the trainer's fine-tune (components/cnn-trainer/fine-tune-controller.ts), which says
 * the same situations from the element's side. Also the English translation table's entries for them.
 */
import type { MessageFormats } from '../messages.js';

export const SESSION_MESSAGES = {
  /** `error`: why (a `layers` error, specFitError). */
  'session.networkMisfit': (p: {
    dataset: string;
    channels: number;
    height: number;
    width: number;
    classes: number;
    error: string;
  }) =>
    `Your network (layers) does not fit ${p.dataset} (${p.channels}×${p.height}×${p.width} images, ${p.classes} classes): ${p.error}`,
  /** `mb`, `maxMb`: megabytes (10⁶ bytes); `most`: the largest train-size that fits. */
  'session.tooMuchData': (
    p: {
      train: number;
      test: number;
      width: number;
      height: number;
      channels: number;
      mb: number;
      maxMb: number;
      most: number;
    },
    f: MessageFormats,
  ) =>
    `${f.number(p.train)} training and ${f.number(p.test)} test images of ${p.width}×${p.height}×${p.channels} are ${f.number(p.mb)} MB, more than a reader's tab should hold (${f.number(p.maxMb)} MB): set train-size to at most ${f.number(p.most)}.`,
  'session.disposed': 'This training session was disposed.',
  'session.notReady': 'Not initialised.',
  'session.notStartedYet': 'The model is not ready yet (start() first).',
  'session.runFailed': 'This run failed: start a new one, then fine-tune.',
  'session.notTrained': 'Fine-tuning needs a trained network: wait for the run to end (or stop it) first.',
  'session.notStarted': 'Fine-tuning needs a trained network: press Start and let it train first.',
  'session.tuning': 'A fine-tune is already running.',
  'session.tuningWait': 'A fine-tune is already running: wait for it to finish.',
  'session.tuneRate': 'The fine-tuning learning rate must be a number above 0 (and at most 10).',
  'session.diverged': (p: { step: number }) =>
    `Fine-tuning diverged at step ${p.step} (the loss is not a number): try a smaller learning rate.`,
  /** `pad`: the `<digit-pad …>` tag to use, as code. */
  'session.noExamples': (p: { pad: string }) =>
    `There are no examples to learn from yet: draw in a ${p.pad}, pick the right label and press Teach.`,
  'session.tuneFailed': (p: { error: string }) => `Could not fine-tune: ${p.error}`,
  /** `seconds`: how long it waited. The Worker (or helper) was then stopped. */
  'session.workerSilent': (p: { seconds: number }, f: MessageFormats) =>
    `The training worker did not answer for ${f.number(p.seconds)} s and was stopped: reload the page to try again.`,
  'session.helperSilent': (p: { seconds: number }, f: MessageFormats) =>
    `A training helper worker did not answer for ${f.number(p.seconds)} s: training stopped. Try again with workers="1".`,
};
