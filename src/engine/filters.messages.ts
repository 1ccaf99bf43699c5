/**
 * The English of `<feature-map>`'s filter chain (filters.ts): what a writer is told about a layer, a kernel or
 * a `layers` value that cannot be used; and of its photo's download (data/photo.ts). Translations: translations/<lang>/feature-map.ts.
 * Attribute and key names (`kernelSize`, `in_channels`), preset names and PyTorch's words stay as written.
 */
import type { MessageFormats } from './messages.js';

type F = MessageFormats;

export const FILTERS_MESSAGES = {
  // What a number is called in the messages below.
  'filters.name.padding': 'Padding',
  'filters.name.stride': 'Stride',
  'filters.name.kernelSize': 'Kernel size',
  'filters.name.count': 'The number of filters',
  /** A setting that is not a number, a whole number, or in its range. */
  'filters.notNumber': (p: { name: string }) => `${p.name} must be a number.`,
  'filters.notWhole': (p: { name: string; got: number }, f: F) =>
    `${p.name} must be a whole number (got ${f.number(p.got, { useGrouping: false, maximumFractionDigits: 6 })}).`,
  'filters.tooSmall': (p: { name: string; min: number; got: number }) =>
    `${p.name} must be at least ${p.min} (got ${p.got}).`,
  'filters.tooBig': (p: { name: string; max: number; got: number }) =>
    `${p.name}: at most ${p.max} (got ${p.got}).`,
  'filters.activation': (p: { got: string }) => `Activation must be "none" or "relu" (got "${p.got}").`,
  'filters.pool': (p: { got: string }) => `Pool must be 0 (none) or 2 (2×2 max-pooling) (got ${p.got}).`,
  'filters.notANumber': 'not a number',
  'filters.inChannelsPhoto': (p: { declared: number; arrive: number }) =>
    `in_channels is ${p.declared}, but ${p.arrive} channels arrive here (the photo is RGB): write ${p.arrive} (or 1 on the photo, for grey).`,
  'filters.inChannels': (p: { declared: number; arrive: number }) =>
    `in_channels is ${p.declared}, but ${p.arrive} channels arrive here (the previous layer's filters): write ${p.arrive} (or 1 on the photo, for grey).`,
  'filters.strideZero': 'Stride must be at least 1: a stride of 0 would never move the window.',
  'filters.kernelSquare': (p: { rows: number; cols: number }) =>
    `Kernel must be square (got ${p.rows}×${p.cols}).`,
  'filters.kernelSlices': (p: { slices: number; channels: number }) =>
    `The kernel has ${p.slices} channel slices but the input has ${p.channels} channels: give one slice per input channel, or a 2-D kernel.`,
  'filters.empty': (p: { presets: string }) =>
    `Filters is empty: give preset names (${p.presets}) or a number of random filters.`,
  'filters.emptyName': (p: { presets: string }) =>
    `Filters has an empty name (a stray comma?). Presets: ${p.presets}.`,
  'filters.unknown': (p: { name: string; presets: string }) =>
    `Unknown filter "${p.name}". Use preset names (${p.presets}) or a number of random filters.`,
  'filters.tooMany': (p: { count: number; max: number }) =>
    `Too many filters (${p.count}): at most ${p.max}.`,
  'filters.poolTooSmall': (p: { h: number; w: number }) => `The ${p.h}×${p.w} map is too small to pool 2×2.`,
  /** An error of one layer of several: `Layer 2: Kernel must be square …`. */
  'filters.inLayer': (p: { n: number; error: string }) => `Layer ${p.n}: ${p.error}`,
  // The `layers` value.
  'filters.layersJson': 'Layers is not valid JSON: write e.g. [{"filters": "5", "kernelSize": 5}].',
  'filters.layersEmpty': 'Layers must be a non-empty JSON array of layer objects.',
  'filters.layersTooMany': (p: { max: number; got: number }) => `Layers: at most ${p.max} (got ${p.got}).`,
  'filters.layerObject': (p: { n: number }) =>
    `Layer ${p.n} must be an object like {"filters": "5", "kernelSize": 5}.`,
  'filters.layerKey': (p: { n: number; key: string }) =>
    `Layer ${p.n}: unknown key "${p.key}" (use filters, kernel, kernelSize, padding, stride, activation, pool).`,

  // The photo's download (data/photo.ts).
  /** What failed: the start of a download's failure message. */
  'photo.lead': (p: { src: string }) => `Could not load the image "${p.src}"`,
  /** The file downloaded, in a download's progress and failure messages. */
  'photo.label': (p: { src: string }) => `the image "${p.src}"`,
  'photo.badAddress': (p: { src: string }) => `"${p.src}" is not a valid image address.`,
  'photo.cors': (p: { lead: string }) =>
    `${p.lead}: it is on another site that may not allow reading its pixels (it needs CORS: Access-Control-Allow-Origin), or the connection failed; check that, then press Retry.`,
  // Why a downloaded photo is damaged.
  'photo.jpegCut': 'the JPEG has no end: it was cut short',
  'photo.gifCut': 'the GIF has no end: it was cut short',
  'photo.webpCut': 'the WebP file was cut short',
  'photo.pngCut': 'the PNG was cut short',
  'photo.pngChecksum': 'a PNG chunk fails its checksum',

  // The `layers` value in PyTorch's words (filters-torch.ts); `layer` is the layer as written (`Conv2d(3, 5, 5)`).
  /** A text that does not parse as layers (`error`: where and why, `layers.at`): `Layers: Line 1, column 17: …`. */
  'torch.parse': (p: { error: string }) => `Layers: ${p.error}`,
  /** Where in the text: `Layers: Line 1, column 13: …`. */
  'torch.at': (p: { line: number; column: number; error: string }) =>
    `Layers: Line ${p.line}, column ${p.column}: ${p.error}`,
  'torch.square': (p: { layer: string }) =>
    `${p.layer}: the feature maps here take square kernels, strides and paddings.`,
  'torch.dilation': (p: { layer: string }) => `${p.layer}: dilation is for <cnn-trainer layers>.`,
  'torch.bias': (p: { layer: string }) => `${p.layer}: the filters here always have a bias.`,
  'torch.tooMany': (p: { layer: string; max: number }) =>
    `${p.layer}: at most ${p.max} convolutions are shown on a photo.`,
  'torch.same': (p: { layer: string }) =>
    `${p.layer}: padding='same' needs an odd kernel and stride 1 here; give a number.`,
  'torch.first': (p: { layer: string }) =>
    `The chain starts with a Conv2d (the photo goes into a convolution first), not ${p.layer}.`,
  'torch.relu': (p: { layer: string }) => `${p.layer}: this convolution already has a ReLU.`,
  'torch.pool': (p: { layer: string }) =>
    `${p.layer}: the feature maps here pool 2×2 with stride 2: write MaxPool2d(2).`,
  'torch.pooled': (p: { layer: string }) => `${p.layer}: this convolution is already pooled.`,
  'torch.other': (p: { type: string }) =>
    `${p.type} is not shown on a photo: the chain here is Conv2d, ReLU() and MaxPool2d(2) (train ${p.type} in <cnn-trainer layers>).`,
};
