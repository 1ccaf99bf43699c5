/**
 * `<model-summary>`'s English (see shared/shared.strings.ts for how a table is written). `{0}`, `{1}` mark
 * where a number in bold goes (shared/parts.ts). Layer names (`conv1`), PyTorch's layer types (`Conv2d`) and
 * shapes (`16×26×26`) are not translated.
 */
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;

export const SUMMARY_EN = {
  // The networks' titles.
  'summary.title.cnn': 'The lesson’s MNIST CNN',
  'summary.title.fnn': 'The lesson’s feed-forward network',
  'summary.title.alexnet': 'AlexNet (torchvision)',
  'summary.title.custom': 'Your network',
  // Where the network comes from (`source` below).
  'summary.source.trainerNetwork': (p: { id: string }) => `the network of #${p.id}`,
  'summary.source.trainerModel': (p: { id: string }) => `the model of #${p.id}`,
  'summary.source.layers': 'layers',
  'summary.source.model': 'model',
  // Errors.
  'summary.networkError': (p: { source: string; error: string }) => `Your network (${p.source}): ${p.error}`,
  'summary.networkErrorIn': (p: { source: string; error: string; layer: string }) =>
    `Your network (${p.source}): ${p.error} (in ${p.layer})`,
  'summary.unknownModel': (p: { name: string; source: string }) =>
    `Unknown model "${p.name}" (${p.source}): use "cnn", "fnn" or "alexnet".`,
  'summary.name.hidden': 'Dense hidden units',
  'summary.walkError': (p: { title: string; shape: string; error: string }) =>
    `${p.title} with a ${p.shape} input: ${p.error}`,
  // The diagram's text alternative.
  'summary.diagram': (p: { title: string; stages: string }) => `${p.title}: spatial size ${p.stages}.`,
  'summary.stageImage': (p: { name: string; size: string; channels: number }, f: F) =>
    `${p.name} ${p.size} (${f.number(p.channels)} ${f.plural(p.channels) === 'one' ? 'channel' : 'channels'})`,
  'summary.stageFlat': (p: { name: string; count: number }, f: F) => `${p.name} ${f.number(p.count)} values`,
  /** The input's name in the diagram and the table. */
  'summary.input': 'input',
  // The lesson's point, two sentences. {0}: inputs × hidden = weights; the convolutions' parameters (in bold).
  'summary.dense': (p: { shape: string; inputs: number; hidden: number }, f: F) =>
    `A dense first layer on this ${p.shape} input would need {0} weights (${f.number(p.inputs)} inputs, ${f.number(p.hidden)} hidden units).`,
  'summary.conv': (p: { count: number; ratio: string }, f: F) =>
    `${f.plural(p.count) === 'one' ? 'The one convolution layer has' : `All ${f.number(p.count)} convolution layers together have`} {0} parameters${p.ratio}: a kernel’s weights are shared by every position of the image.`,
  'summary.fewer': (p: { ratio: number }, f: F) => ` — ${f.number(p.ratio)} times fewer`,
  'summary.more': ' — more than the dense layer, at this small input',
  'summary.noConv': 'This network has no convolution layers: it is dense from the first layer on.',
  // The table.
  'summary.table': 'Layer table',
  'summary.caption': (p: { title: string; count: number; shape: string }, f: F) =>
    `${p.title}: ${f.number(p.count)} ${f.plural(p.count) === 'one' ? 'layer' : 'layers'} for a ${p.shape} input`,
  'summary.col.layer': 'Layer',
  'summary.col.type': 'Type',
  'summary.col.hyper': 'Hyperparameters',
  'summary.col.output': 'Output (C×H×W)',
  'summary.col.params': 'Parameters',
  'summary.col.macs': 'Multiply-adds',
  'summary.group.features': 'features',
  'summary.group.classifier': 'classifier',
  'summary.failed': 'cannot be computed (see the message above)',
  'summary.total': 'Total',
};
