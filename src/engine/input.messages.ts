/**
 * The English of the engine's checks of a reader's or writer's input to `<digit-pad>` and fine-tuning (see
 * messages.ts): pixels (images.ts `checkPixels`), a label (models/followed.ts `labelIndex`), taught examples
 * and fine-tuning steps (training/fine-tune.ts). Also the English translation table's entries for them.
 */
import type { MessageFormats } from './messages.js';

type F = MessageFormats;

export const INPUT_MESSAGES = {
  'pixels.notArray': (p: { count: number }, f: F) =>
    `Pixels must be an array of ${f.number(p.count)} numbers in 0..1.`,
  'pixels.count': (p: { count: number; shape: string; got: number }, f: F) =>
    `Pixels must be ${f.number(p.count)} numbers (${p.shape}), got ${f.number(p.got)}.`,
  'pixels.notFinite': (p: { index: number }, f: F) =>
    `Pixel ${f.number(p.index)} is not a finite number: every value must be in 0..1.`,
  /** `list`: the class names (the first ten and "…" for more). */
  'label.unknown': (p: { label: string; list: string; last: number }) =>
    `${p.label} is not a label here: pick one of ${p.list} (or its number, 0 to ${p.last}).`,
  /** What `label.unknown` names when no label was given. */
  'label.none': 'no label',
  'examples.notArray': 'Examples must be an array of { pixels, label } (teach the pad a few drawings first).',
  'examples.empty': 'There are no examples to learn from yet: draw, pick the right label and press Teach.',
  'examples.tooMany': (p: { max: number; got: number }, f: F) =>
    `At most ${f.number(p.max)} examples at once (got ${f.number(p.got)}).`,
  'examples.notExample': (p: { n: number }, f: F) => `Example ${f.number(p.n)} is not { pixels, label }.`,
  'examples.label': (p: { n: number; label: string; last: number }, f: F) =>
    `Example ${f.number(p.n)} has label ${p.label}: a label is a class number from ${f.number(0)} to ${f.number(p.last)}.`,
  'examples.pixels': (p: { n: number; got: number; size: number; shape: string }, f: F) =>
    `Example ${f.number(p.n)} has ${p.got < 0 ? 'no' : f.number(p.got)} pixel values; this network takes ${f.number(p.size)} (${p.shape}).`,
  'examples.pixel': (p: { n: number; index: number }, f: F) =>
    `Example ${f.number(p.n)}: pixel ${f.number(p.index)} is not a finite number (values are 0..1).`,
  'examples.steps': (p: { max: number }, f: F) =>
    `Fine-tuning steps must be a whole number from ${f.number(1)} to ${f.number(p.max)}.`,
};
