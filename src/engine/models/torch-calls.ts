/**
 * A spec written back as PyTorch text: one constructor call per layer, as the lesson writes them. No parser
 * here (pytorch-network.ts re-exports these beside it), so the PyTorch export loads without one.
 */
import { MessageError } from '../messages.js';
import { walkModel, type LayerSpec, type ModelSpec } from '../conv-math.js';

/** PyTorch's class name of each layer type, as the lesson prints them (the summary, the parser's messages). */
export const TORCH_TYPE_NAMES: Readonly<Record<LayerSpec['type'], string>> = {
  conv2d: 'Conv2d',
  maxpool2d: 'MaxPool2d',
  avgpool2d: 'AvgPool2d',
  adaptiveavgpool2d: 'AdaptiveAvgPool2d',
  dense: 'Linear',
  relu: 'ReLU',
  leakyrelu: 'LeakyReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  flatten: 'Flatten',
  softmax: 'Softmax',
  dropout: 'Dropout',
};

/**
 * One PyTorch constructor call per layer of a spec (`nn.Conv2d(1, 16, kernel_size=3)` written as the lesson
 * would: `Conv2d(1, 16, 3)`), with the in-counts from the walk. Used for the `layers` text of a preset and by
 * the PyTorch export. Throws for a spec the walk refuses or a layer type PyTorch's Sequential cannot express
 * here (adaptive pooling and softmax are written too, for completeness).
 */
export function toTorchCalls(
  spec: ModelSpec,
  inputShape: number[] = spec.inputShape,
): { name: string; call: string }[] {
  const walk = walkModel(spec, inputShape);
  if (!walk.ok) throw new MessageError(walk.message);
  const sq = (v: number | [number, number] | undefined): string | undefined =>
    v === undefined
      ? undefined
      : Array.isArray(v)
        ? v[0] === v[1]
          ? String(v[0])
          : `(${v[0]}, ${v[1]})`
        : String(v);
  return spec.layers.map((l, i) => {
    const row = walk.layers[i]!;
    const kw = (pairs: [string, string | undefined, string][]) =>
      pairs
        .filter(([, v, d]) => v !== undefined && v !== d)
        .map(([k, v]) => `, ${k}=${v}`)
        .join('');
    let call: string;
    switch (l.type) {
      case 'conv2d': {
        const pad = typeof l.padding === 'string' ? `'${l.padding}'` : sq(l.padding);
        call = `Conv2d(${row.inputShape[0]}, ${l.filters}, ${sq(l.kernelSize)}${kw([
          ['stride', sq(l.stride), '1'],
          ['padding', pad, '0'],
          ['dilation', sq(l.dilation), '1'],
          ['bias', l.bias === false ? 'False' : undefined, 'True'],
        ])})`;
        break;
      }
      case 'maxpool2d':
      case 'avgpool2d':
        call = `${l.type === 'maxpool2d' ? 'MaxPool2d' : 'AvgPool2d'}(${sq(l.poolSize)}${kw([
          ['stride', sq(l.stride), sq(l.poolSize)!],
          ['padding', sq(l.padding), '0'],
        ])})`;
        break;
      case 'adaptiveavgpool2d':
        call = `AdaptiveAvgPool2d((${l.outputSize.join(', ')}))`;
        break;
      case 'dense':
        call = `Linear(${row.inputShape[0]}, ${l.units}${l.bias === false ? ', bias=False' : ''})`;
        break;
      case 'relu':
        call = 'ReLU()';
        break;
      case 'leakyrelu':
        call = `LeakyReLU(${l.negativeSlope ?? 0.01})`;
        break;
      case 'tanh':
        call = 'Tanh()';
        break;
      case 'sigmoid':
        call = 'Sigmoid()';
        break;
      case 'softmax':
        call = 'Softmax(dim=1)';
        break;
      case 'dropout':
        call = `Dropout(${l.rate})`;
        break;
      case 'flatten':
        call = 'Flatten()';
        break;
    }
    return { name: row.name, call };
  });
}

/** A spec written as a `layers` text (one layer a line), e.g. to show a preset the way a writer would edit it. */
export const toLayersText = (spec: ModelSpec, inputShape?: number[]): string =>
  toTorchCalls(spec, inputShape)
    .map((c) => c.call)
    .join(',\n');
