/**
 * `<conv-calculator>`'s English (see shared/shared.strings.ts for how a table is written). The formula's
 * symbols (W, K, P, S, D, ⌊ ⌋) stay as the lesson writes them in every language.
 */
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;

export const CALCULATOR_EN = {
  'calc.settings': 'Layer settings',
  'calc.inputSize': 'Input size (W or H×W)',
  'calc.inputSizeHint': 'e.g. 320 or 28x32',
  'calc.kernelSize': 'Kernel size K',
  'calc.padding': 'Padding P',
  'calc.paddingHint': 'a number, same or valid',
  'calc.stride': 'Stride S',
  'calc.dilation': 'Dilation D',
  'calc.inChannels': 'In channels',
  'calc.outChannels': 'Out channels (filters)',
  'calc.layer': 'Layer',
  'calc.conv': 'Convolution',
  'calc.pool': 'Max pooling',
  // Errors (beside conv-math's).
  'calc.mode': (p: { got: string }) => `Mode must be "conv" or "pool" (got "${p.got}").`,
  'calc.paddingEmpty': 'Padding is empty: give a number, "same" or "valid".',
  'calc.paddingValue': 'a number, "same" or "valid"',
  'calc.name.inChannels': 'Input channels',
  'calc.name.outChannels': 'Output channels',
  // The working.
  'calc.formula': 'Output size formula with your numbers',
  'calc.axisBoth': 'Output width and height',
  'calc.axisHeight': 'Output height',
  'calc.axisWidth': 'Output width',
  /** After an axis's name when padding is `same` / `valid`: `(padding "same" = 1)`. */
  'calc.paddingWord': (p: { word: string; value: string }) => `(padding "${p.word}" = ${p.value})`,
  'calc.shape': 'Output shape (C × H × W)',
  'calc.from': (p: { shape: string; values: number }, f: F) =>
    `from ${p.shape} · ${f.number(p.values)} values`,
  'calc.params': 'Parameters',
  'calc.weights': 'weights',
  'calc.biases': 'biases',
  'calc.poolNoParams': 'Pooling has no parameters: it only takes the maximum of each window.',
  'calc.unreachedRows': (p: { count: number }, f: F) =>
    `The stride does not divide exactly: the last ${f.number(p.count)} padded ${f.plural(p.count) === 'one' ? 'row is' : 'rows are'} never reached by the window.`,
  'calc.unreachedCols': (p: { count: number }, f: F) =>
    `The stride does not divide exactly: the last ${f.number(p.count)} padded ${f.plural(p.count) === 'one' ? 'column is' : 'columns are'} never reached by the window.`,
  'calc.unevenRows': (p: { before: number; after: number }, f: F) =>
    `"same" pads rows unevenly: ${f.number(p.before)} before and ${f.number(p.after)} after.`,
  'calc.unevenCols': (p: { before: number; after: number }, f: F) =>
    `"same" pads columns unevenly: ${f.number(p.before)} before and ${f.number(p.after)} after.`,
};
