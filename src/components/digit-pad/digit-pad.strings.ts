/**
 * `<digit-pad>`'s English (see shared/shared.strings.ts for how a table is written). Class names (`7`,
 * `Sneaker`), dataset names (`MNIST`) and layer names (`conv1`) are the dataset's and the network's own and are
 * not translated.
 */
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;

export const PAD_EN = {
  /** `mode` is neither draw nor teach. */
  'pad.mode': (p: { got: string }) => `mode must be "draw" or "teach", not "${p.got}".`,
  // The drawing pad and its buttons.
  /** `from`, `to`: 0 and 9, in the reader's digits. */
  'pad.padDigits': (p: { from: number; to: number }, f: F) =>
    `Drawing pad: draw a digit from ${f.number(p.from)} to ${f.number(p.to)} with a mouse, finger or pen`,
  'pad.padClasses': (p: { classes: string }) =>
    `Drawing pad: draw one of ${p.classes} with a mouse, finger or pen`,
  'pad.padManyClasses': (p: { count: number }, f: F) =>
    `Drawing pad: draw one of the ${f.number(p.count)} classes with a mouse, finger or pen`,
  'pad.clear': 'Clear',
  'pad.loading': 'Loading…',
  'pad.tryDigit': 'Try a test digit',
  'pad.tryImage': 'Try a test image',
  /** The pen colour picker of a colour dataset. */
  'pad.pen': 'Pen',
  // The input the network sees.
  'pad.inputCentred': (p: { size: string; fit: string }) =>
    `The ${p.size} input the network sees: your drawing scaled to fit ${p.fit} and centred by its centre of mass`,
  'pad.inputScaled': (p: { size: string }) =>
    `The ${p.size} input the network sees: your drawing scaled down`,
  /** Under the input: its size (`28×28 input`). */
  'pad.inputCaption': (p: { size: string }) => `${p.size} input`,
  /** Under the input, for a test image: `MNIST test #42, label 7`. */
  'pad.testCaption': (p: { name: string; index: number; label: string }, f: F) =>
    `${p.name} test #${f.number(p.index, { useGrouping: false })}, label ${p.label}`,
  'pad.prediction': 'Prediction',
  // What is announced (politely) after a stroke.
  'pad.cleared': 'Pad cleared.',
  'pad.announce': (p: { label: string; sure: number }, f: F) =>
    `The network reads ${p.label} (${f.percent(p.sure)} sure).`,
  // The probability bars.
  'pad.probsDigits': 'Probability of each digit',
  'pad.probsClasses': 'Probability of each class',
  'pad.digit': (p: { digit: number }, f: F) => `Digit ${f.number(p.digit)}`,
  'pad.noPrediction': 'no prediction',
  'pad.topClasses': (p: { count: number }, f: F) =>
    `The ${f.number(10)} most probable of ${f.number(p.count)} classes.`,
  // The layer strip.
  'pad.layers': 'Activations of every layer',
  'pad.layerMaps': (p: { label: string; c: number; h: number; w: number }, f: F) =>
    `${p.label}: ${f.number(p.c)} ${f.plural(p.c) === 'one' ? 'feature map' : 'feature maps'} of ${f.number(p.h)}×${f.number(p.w)}`,
  'pad.layerValues': (p: { label: string; count: number }, f: F) => `${p.label}: ${f.number(p.count)} values`,
  'pad.layerEmpty': (p: { label: string }) => `${p.label}: nothing yet, draw something`,
  // Where the network is.
  'pad.loadingNetwork': 'Loading the pretrained network…',
  'pad.waitingTrain': (p: { id: string }) =>
    `Waiting for #${p.id} to train: its network has no weights yet. Press its Start button.`,
  'pad.waitingTrainer': (p: { id: string }) => `Waiting for a trainer with id "${p.id}" on this page.`,
  // Failures.
  'pad.loadFailed': 'The pretrained network could not be loaded.',
  'pad.predictFailed': (p: { error: string }) => `Prediction failed: ${p.error}`,
  'pad.invalidNumbers': 'The network returned invalid numbers (is it still training from scratch?).',
  'pad.testDigitsFailed': (p: { name: string; error: string }) =>
    `Could not load the ${p.name} test digits: ${p.error}`,
  'pad.testImagesFailed': (p: { name: string; error: string }) =>
    `Could not load the ${p.name} test images: ${p.error}`,
  'pad.testNeedsStart': (p: { name: string; id: string }) =>
    `The ${p.name} test images load with #${p.id}'s data: press its Start button first.`,
  /** The `examples` property was set to something that is not examples. */
  'pad.examples': (p: { error: string }) => `examples: ${p.error}`,
  // Teach mode.
  'pad.teach.label': 'Right label',
  'pad.teach.pick': 'Pick…',
  'pad.teach.teach': 'Teach',
  'pad.teach.fineTune': 'Fine-tune',
  'pad.teach.fineTuningButton': 'Fine-tuning…',
  'pad.teach.forget': 'Forget',
  'pad.teach.hint': 'Draw, pick the right label, press Teach.',
  'pad.teach.count': (p: { count: number }, f: F) =>
    `${f.number(p.count)} ${f.plural(p.count) === 'one' ? 'example' : 'examples'} taught.`,
  'pad.teach.taught': (p: { label: string; count: number }, f: F) =>
    `Taught: this is ${p.label}. ${f.number(p.count)} ${f.plural(p.count) === 'one' ? 'example' : 'examples'} so far.`,
  'pad.teach.forgotten': 'Examples forgotten.',
  'pad.teach.dropped': (p: { name: string; shape: string }) =>
    `The network now reads ${p.name} (${p.shape}): the examples taught before were dropped.`,
  'pad.teach.pickFirst': 'Pick the right label first, then press Teach.',
  'pad.teach.blank': 'The pad is blank: draw first, then teach the network what it is.',
  'pad.teach.needsTrainer': 'Fine-tuning needs a trainer: give the pad for="…" naming a <cnn-trainer>.',
  'pad.teach.noExamples': 'There are no examples yet: draw, pick the right label and press Teach.',
  'pad.teach.fineTuning': 'Fine-tuning on your examples…',
  'pad.teach.cannot': 'The trainer could not fine-tune.',
  'pad.teach.failed': (p: { error: string }) => `Could not fine-tune: ${p.error}`,
  'pad.teach.fineTuned': (p: { correct: number; examples: number; before: number; after: number }, f: F) =>
    `Fine-tuned: ${f.number(p.correct)} of ${f.number(p.examples)} ${f.plural(p.examples) === 'one' ? 'example' : 'examples'} now read right; test accuracy ${f.percent(p.before)} → ${f.percent(p.after)}.`,
};
