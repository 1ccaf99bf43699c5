/**
 * `<feature-map>`'s English (see shared/shared.strings.ts for how a table is written). Preset names
 * (`sobel-x`), layer names (`conv1`), class names and PyTorch's words (`ReLU`, `Conv2d`) are the lesson's and the
 * network's own and are not translated; the colour letters R, G, B neither.
 */
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;

export const FM_EN = {
  // Statuses.
  'fm.loadingImage': 'Loading the image…',
  'fm.loadingDigit': 'Loading the test digit…',
  'fm.loadingTestImage': 'Loading the test image…',
  'fm.computing': 'Computing the feature maps…',
  // Controls.
  /** Trainer mode: the picker of the test image fed to the network, on MNIST and on another dataset. */
  'fm.testDigit': 'Test digit',
  'fm.testImage': 'Test image',
  /** The group of toggles (ReLU, max-pooling, before/after). */
  'fm.after.group': 'What happens after the convolution',
  'fm.maxPool': 'Max-pool 2×2',
  'fm.compare': 'Before / after',
  // The walk of shapes: `input 3 × 320 × 320 → conv 5×5 → 5 × 316 × 316`.
  'fm.shape.layer': (p: { layer: string }) => `Layer ${p.layer}:`,
  'fm.shape.input': (p: { shape: string }) => `input ${p.shape}`,
  /** A convolution in the walk, with its kernel (`5×5, P2, S2`). */
  'fm.shape.conv': (p: { hyper: string }) => `conv ${p.hyper}`,
  'fm.shape.pool': 'max-pool 2×2',
  /** Read before the final shape (visually hidden). */
  'fm.shape.output': 'output shape C × H × W:',
  // The maps.
  'fm.photo': (p: { size: string }) => `The input photo as the filters see it, ${p.size} pixels`,
  'fm.testDigitFed': (p: { label: string; size: string }) =>
    `The test digit ${p.label} fed to the network, ${p.size}`,
  'fm.testImageFed': (p: { label: string; size: string }) =>
    `The test image ${p.label} fed to the network, ${p.size}`,
  'fm.testImageFedColour': (p: { label: string; size: string }) =>
    `The test image ${p.label} fed to the network, ${p.size} in colour`,
  /** Under the input. */
  'fm.input': 'Input',
  'fm.digit': (p: { label: string }) => `Digit ${p.label}`,
  /** A map's name: a random filter, a custom kernel, a trained layer's channel. */
  'fm.filterN': (p: { n: number }) => `filter ${p.n}`,
  'fm.custom': 'custom',
  'fm.channel': (p: { n: number }) => `channel ${p.n}`,
  'fm.map': (p: { n: number; name: string; h: number; w: number; min: string; max: string }) =>
    `Map ${p.n} (${p.name}) of the filter: ${p.h}×${p.w}, values ${p.min} to ${p.max}`,
  'fm.mapOfLayer': (p: {
    n: number;
    name: string;
    layer: string;
    h: number;
    w: number;
    min: string;
    max: string;
  }) => `Map ${p.n} (${p.name}) of layer ${p.layer}: ${p.h}×${p.w}, values ${p.min} to ${p.max}`,
  /** The map before ReLU and/or pooling (`what`: `ReLU`, `pooling`, `ReLU + pooling`). */
  'fm.mapBefore': (p: {
    n: number;
    name: string;
    what: string;
    h: number;
    w: number;
    min: string;
    max: string;
  }) => `Map ${p.n} (${p.name}) before ${p.what}: ${p.h}×${p.w}, values ${p.min} to ${p.max}`,
  'fm.pooling': 'pooling',
  'fm.before': 'before',
  'fm.afterWhat': (p: { what: string }) => `after ${p.what}`,
  // The legend.
  'fm.low': 'low',
  'fm.high': 'high',
  'fm.sharedScale': 'each before/after pair shares one scale',
  'fm.ownScale': 'each map is scaled to its own range',
  // Trainer mode on colour data: the first layer's kernels.
  'fm.kernels': (p: { layer: string; kh: number; kw: number }) =>
    `Kernels of ${p.layer}, one per colour channel (${p.kh}×${p.kw} weights; each filter’s three on one scale)`,
  'fm.red': 'red channel',
  'fm.green': 'green channel',
  'fm.blue': 'blue channel',
  'fm.kernel': (p: { n: number; channel: string; kh: number; kw: number; min: string; max: string }) =>
    `Filter ${p.n}, ${p.channel}: ${p.kh}×${p.kw} kernel, weights ${p.min} to ${p.max}`,
  // Notes and what is waited for.
  'fm.downscaled': (p: { nw: number; nh: number; w: number; h: number; max: number }) =>
    `The ${p.nw}×${p.nh} image was downscaled to ${p.w}×${p.h} (at most ${p.max} px a side) to keep the page responsive.`,
  'fm.waitingTrain': (p: { layer: string; id: string }) =>
    `Waiting for the network to train: the activations of ${p.layer} appear once <cnn-trainer id="${p.id}"> has started.`,
  'fm.waitingTrainer': (p: { id: string }) => `Waiting for <cnn-trainer id="${p.id}"> to appear on the page.`,
  // Failures: photo mode.
  'fm.pipelineFailed': (p: { error: string }) => `Could not load the photo pipeline: ${p.error}`,
  'fm.computeFailed': (p: { error: string }) => `Computing the maps failed: ${p.error}`,
  'fm.tfFailed': (p: { error: string }) => `TensorFlow.js could not start: ${p.error}`,
  'fm.seed': 'Seed must be a whole number, e.g. 1234.',
  'fm.seedGot': (p: { got: number }) => `Seed must be a whole number (got ${p.got}), e.g. 1234.`,
  'fm.image.missing': (p: { src: string }) =>
    `Could not load the image "${p.src}": it is missing or not an image.`,
  'fm.image.cors': (p: { src: string }) =>
    `Could not load the image "${p.src}": it is missing, not an image, or on another site that does not allow reading its pixels (it needs CORS: Access-Control-Allow-Origin).`,
  'fm.image.noSize': (p: { src: string }) =>
    `The image "${p.src}" has no size (an SVG without width and height?).`,
  'fm.image.noCanvas': 'This browser cannot read image pixels (no 2-D canvas).',
  'fm.image.tainted': (p: { src: string }) =>
    `The image "${p.src}" is on another site that does not allow reading its pixels (CORS): serve it with Access-Control-Allow-Origin, or host it on this site.`,
  // Failures: trainer mode.
  'fm.digitRange': (p: { last: number; got: string }) =>
    `Digit must be a whole number from 0 to ${p.last} (got ${p.got}).`,
  'fm.classRange': (p: { last: number; name: string; first: string; got: string }) =>
    `Digit must be a whole number from 0 to ${p.last} (a class of ${p.name}: 0 is ${p.first}) (got ${p.got}).`,
  'fm.got.nan': 'not a number',
  'fm.got.infinite': 'an infinite number',
  'fm.layerEmpty': 'Layer is empty: name a layer of the trainer, e.g. conv1.',
  'fm.activationsFailed': (p: { layer: string; error: string }) =>
    `Could not read the activations of "${p.layer}": ${p.error}`,
  'fm.noLayer': (p: { layer: string }) => `The trainer's network has no layer "${p.layer}".`,
  'fm.noLayerIn': (p: { layer: string; layers: string }) =>
    `The trainer's network has no layer "${p.layer}": its image layers are ${p.layers}.`,
  'fm.noLayerFlat': (p: { layer: string }) =>
    `The trainer's network has no layer "${p.layer}": it has no image layers (it flattens the digit first).`,
  'fm.flatLayer': (p: { layer: string; count: number; layers: string }, f: F) =>
    `Layer "${p.layer}" gives ${f.number(p.count)} values, not an image, so it has no feature maps: its image layers are ${p.layers}.`,
  'fm.flatLayerNone': (p: { layer: string; count: number }, f: F) =>
    `Layer "${p.layer}" gives ${f.number(p.count)} values, not an image, so it has no feature maps: it has no image layers (it flattens the digit first).`,
  'fm.notImage': (p: { layer: string; shape: string }) =>
    `Layer "${p.layer}" has shape [${p.shape}], which is not an image-shaped activation.`,
  'fm.noTestImage': (p: { count: number; digit: number; name: string }) =>
    `None of the first ${p.count} test images is of class ${p.digit} (${p.name}): pick another.`,
};
