/**
 * The English of conv-math's messages (see messages.ts): the checks of sizes, kernels, strides and paddings,
 * and the layer walk's hyperparameters and failures. Also the English translation table's entries for them.
 */
import type { MessageFormats } from './messages.js';

type F = MessageFormats;
/** A number as the lesson writes it: `0.5`, `1,000,000` (grouped in the reader's locale). */
const n = (f: F, v: number) => f.number(v, { maximumFractionDigits: 6 });

export const CONV_MATH_MESSAGES = {
  // What a checked number is (the `name` of the checks below).
  'name.inputSize': 'Input size',
  'name.kernelSize': 'Kernel size',
  'name.stride': 'Stride',
  'name.dilation': 'Dilation',
  'name.padding': 'Padding',
  'name.filters': 'Filters',
  'name.units': 'Units',
  'name.inputDimension': (p: { index: number }) => `Input dimension ${p.index}`,

  // checkInteger
  'check.notNumber': (p: { name: string }) => `${p.name} must be a number.`,
  'check.notFinite': (p: { name: string }) => `${p.name} must be finite.`,
  'check.notWhole': (p: { name: string; value: number }, f: F) =>
    `${p.name} must be a whole number (got ${n(f, p.value)}).`,
  'check.tooSmall': (p: { name: string; min: number; value: number }, f: F) =>
    `${p.name} must be at least ${n(f, p.min)} (got ${n(f, p.value)}).`,
  'check.tooLarge': (p: { name: string; max: number }, f: F) =>
    `${p.name} is too large (at most ${n(f, p.max)}).`,

  // outputSize
  'conv.strideZero': 'Stride must be at least 1: a stride of 0 would never move the window.',
  'conv.paddingChoice': (p: { got: string }) =>
    `Padding must be a number, "same" or "valid" (got "${p.got}").`,
  'conv.poolPadding': (p: { max: number; kernel: number }) =>
    `Pooling padding must be at most half the kernel (${p.max} for a ${p.kernel}-wide window).`,
  'conv.kernelTooLarge': (p: { kernel: number; padded: number }) =>
    `The kernel (${p.kernel}) is larger than the padded input (${p.padded}): there is no position for the window.`,
  'conv.dilatedTooLarge': (p: { extent: number; padded: number }) =>
    `The dilated kernel (${p.extent} wide) is larger than the padded input (${p.padded}): there is no position for the window.`,

  // parseSize
  'size.empty': 'Input size is empty: give a width like "28" or a height×width like "28x32".',
  'size.parts': (p: { text: string }) => `Input size "${p.text}" has too many parts: use "W" or "HxW".`,
  'size.notNumber': (p: { text: string }) => `Input size "${p.text}" is not a number: use "W" or "HxW".`,

  // walkModel
  'walk.inputShape': 'Input shape must be [channels, height, width] or [features].',
  'walk.layer': (p: { name: string; error: string }) => `${p.name}: ${p.error}`,
  'walk.flatInput': 'needs a [channels, height, width] input, but the input is flat.',
  'walk.denseNeedsFlat': (p: { shape: string }) =>
    `a dense layer needs flat input; the input is ${p.shape}: add a flatten layer first.`,
  'walk.unknownType': (p: { type: string }) => `unknown layer type "${p.type}".`,
  // A layer's hyperparameters in the summary's table.
  'hyper.window': (p: { kernel: string; stride: string; padding: string }) =>
    `${p.kernel}, stride ${p.stride}, padding ${p.padding}`,
  'hyper.windowDilated': (p: { kernel: string; stride: string; padding: string; dilation: string }) =>
    `${p.kernel}, stride ${p.stride}, padding ${p.padding}, dilation ${p.dilation}`,
  'hyper.adaptive': (p: { size: string }) => `to ${p.size}`,
  'hyper.slope': (p: { slope: number }, f: F) => `slope ${n(f, p.slope)}`,
  'hyper.dropout': (p: { rate: number }, f: F) => `p = ${n(f, p.rate)}`,
  'hyper.unreached': (p: { count: number }) =>
    `the window never reaches the last ${p.count} row(s)/column(s)`,
};
