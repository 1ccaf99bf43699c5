/**
 * The ONE builder from a plain-data `ModelSpec` (specs.ts) to a TensorFlow.js model.
 *
 * WHY ONE BUILDER. The same spec objects feed conv-math's shape walk (what `<model-summary>` prints) and this
 * builder (what `<cnn-trainer>` trains). If the two ever disagreed, a reader would see "45,424 parameters"
 * next to a network that has another number. `test/engine/model-build.test.ts` checks, for every preset,
 * that the built model's layer output shapes and parameter counts equal the walk's.
 *
 * LAYOUT. Specs are written the PyTorch way (channels first, `[C, H, W]`), as in the lesson; TensorFlow.js
 * computes channels last (NHWC) on every backend, so the model's input is `[H, W, C]`. Flatten therefore
 * orders features H, W, C rather than PyTorch's C, H, W: the same count and the same maths, only a different
 * (fixed) permutation of fc1's input rows. It matters only to someone loading PyTorch weights.
 *
 * NAMES. Every TF.js layer takes the spec layer's name (`conv1`, `relu1`, `pool1`, `fc1`…) so widgets can ask
 * for activations by the names the lesson uses (`<feature-map layer="conv1">`). Explicit numeric padding
 * (PyTorch's `padding=2`) has no TF.js equivalent inside the conv layer, so it becomes a separate
 * `ZeroPadding2D` named `<name>_pad` just before it; the conv layer itself still carries `<name>`.
 *
 * INITIALISATION. PyTorch's defaults, because the lesson's hyperparameters (Adam at 0.01 for the notebook
 * preset) were tuned with them: Conv2d and Linear weights are Kaiming-uniform with a = √5, which works out to
 * U(−1/√fanIn, +1/√fanIn); biases are U(−1/√fanIn, +1/√fanIn) too. In TF.js terms: VarianceScaling(scale 1/3,
 * fanIn, uniform) — its limit is √(3·scale/fanIn) = 1/√fanIn — and RandomUniform for the bias. Each
 * initialiser gets its own seed derived from the model seed and the weight's name (random.ts), so the same
 * seed gives bit-identical weights on every backend (TF.js draws seeded random numbers in JavaScript, not on
 * the GPU), and adding a layer never changes the numbers of another.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayersModel, SymbolicTensor } from '@tensorflow/tfjs-layers';
import type { LayerSpec, ModelSpec } from '../conv-math.js';
import { deriveSeed } from '../random.js';
import type { Tf } from '../backend.js';

export type { LayersModel };

export interface BuildOptions {
  /** Seed for every initialiser (default 0). Same seed → same initial weights. */
  seed?: number;
  /** Overrides the spec's input shape (channels first, like the spec), e.g. `[3, 320, 320]`. */
  inputShape?: number[];
}

const pair = (v: number | [number, number] | undefined, dflt: number): [number, number] =>
  v === undefined ? [dflt, dflt] : Array.isArray(v) ? [v[0], v[1]] : [v, v];

/** Channels-first spec shape → channels-last TF.js shape (flat shapes unchanged). */
export const toNhwc = (shape: number[]): number[] =>
  shape.length === 3 ? [shape[1]!, shape[2]!, shape[0]!] : shape.slice();

/**
 * Builds a (not compiled) TF.js model from a spec. The first argument is the tf namespace from `getTf()`; it is
 * only used to check that a backend is ready — the layers come from tfjs-layers, which shares tfjs-core's
 * global engine. Throws an Error naming the layer for a spec the builder cannot express.
 */
export function buildModel(tf: Tf, spec: ModelSpec, options: BuildOptions = {}): LayersModel {
  void tf; // the layers API is backend-agnostic; taking tf keeps call sites explicit about having awaited getTf()
  const seed = (options.seed ?? 0) >>> 0;
  const inputShape = toNhwc(options.inputShape ?? spec.inputShape);
  const input = tfl.input({ shape: inputShape, name: `${spec.name}_input` });
  let x: SymbolicTensor = input;
  const used = new Set<string>();

  spec.layers.forEach((layer: LayerSpec, index: number) => {
    const name = layer.name ?? `${layer.type}${index + 1}`;
    if (used.has(name)) throw new Error(`Layer name "${name}" is used twice in spec "${spec.name}".`);
    used.add(name);
    const shape = x.shape; // [null, H, W, C] or [null, N]
    const seedOf = (what: string) => deriveSeed(seed, `${name}.${what}`);

    /** PyTorch's default initialisers for a layer with `fanIn` inputs per output. */
    const torchInit = (fanIn: number) => ({
      kernelInitializer: tfl.initializers.varianceScaling({
        scale: 1 / 3,
        mode: 'fanIn',
        distribution: 'uniform',
        seed: seedOf('kernel'),
      }),
      biasInitializer: tfl.initializers.randomUniform({
        minval: -1 / Math.sqrt(fanIn),
        maxval: 1 / Math.sqrt(fanIn),
        seed: seedOf('bias'),
      }),
    });

    /** Explicit PyTorch padding → a ZeroPadding2D layer; returns the TF.js padding mode for the layer itself. */
    const pad = (padding: number | 'same' | 'valid' | [number, number] | undefined): 'same' | 'valid' => {
      if (padding === 'same' || padding === 'valid') return padding;
      const [ph, pw] = pair(padding, 0);
      if (ph > 0 || pw > 0) {
        x = tfl.layers
          .zeroPadding2d({ padding: [[ph, ph], [pw, pw]], name: `${name}_pad` })
          .apply(x) as SymbolicTensor;
      }
      return 'valid';
    };

    const need4d = () => {
      if (shape.length !== 4) throw new Error(`Layer "${name}" (${layer.type}) needs an image input, got a flat one.`);
    };

    switch (layer.type) {
      case 'conv2d': {
        need4d();
        const [kh, kw] = pair(layer.kernelSize, 1);
        const inChannels = shape[3]!;
        const padding = pad(layer.padding);
        x = tfl.layers
          .conv2d({
            name,
            filters: layer.filters,
            kernelSize: [kh, kw],
            strides: pair(layer.stride, 1),
            dilationRate: pair(layer.dilation, 1),
            padding,
            useBias: layer.bias ?? true,
            ...torchInit(inChannels * kh * kw),
          })
          .apply(x) as SymbolicTensor;
        break;
      }
      case 'maxpool2d':
      case 'avgpool2d': {
        need4d();
        const poolSize = pair(layer.poolSize, 1);
        // PyTorch pads max-pooling with −∞ and (by default) average pooling with zeros counted in the mean.
        // Zero padding is exact for the latter, and for max-pooling after a ReLU (values ≥ 0), which is how
        // every spec here uses it.
        const padding = pad(layer.padding);
        const strides = layer.stride === undefined ? poolSize : pair(layer.stride, 1);
        const args = { name, poolSize, strides, padding };
        x = (layer.type === 'maxpool2d' ? tfl.layers.maxPooling2d(args) : tfl.layers.averagePooling2d(args)).apply(
          x,
        ) as SymbolicTensor;
        break;
      }
      case 'adaptiveavgpool2d': {
        need4d();
        const [h, w] = [shape[1]!, shape[2]!];
        const [oh, ow] = layer.outputSize;
        // PyTorch's adaptive pooling uses windows of varying size when the sizes do not divide; when they do
        // (AlexNet at 224×224: 6 → 6) it is an ordinary average pool with window = stride = size / output.
        if (h % oh !== 0 || w % ow !== 0) {
          throw new Error(
            `Layer "${name}": adaptive average pooling from ${h}×${w} to ${oh}×${ow} needs sizes that divide evenly.`,
          );
        }
        x = tfl.layers
          .averagePooling2d({ name, poolSize: [h / oh, w / ow], strides: [h / oh, w / ow], padding: 'valid' })
          .apply(x) as SymbolicTensor;
        break;
      }
      case 'dense': {
        if (shape.length !== 2) throw new Error(`Layer "${name}" (dense) needs a flat input: add a flatten layer first.`);
        x = tfl.layers
          .dense({ name, units: layer.units, useBias: layer.bias ?? true, ...torchInit(shape[1]!) })
          .apply(x) as SymbolicTensor;
        break;
      }
      case 'relu':
        x = tfl.layers.reLU({ name }).apply(x) as SymbolicTensor;
        break;
      case 'softmax':
        x = tfl.layers.softmax({ name }).apply(x) as SymbolicTensor;
        break;
      case 'flatten':
        x = tfl.layers.flatten({ name }).apply(x) as SymbolicTensor;
        break;
      case 'dropout':
        x = tfl.layers.dropout({ name, rate: layer.rate, seed: seedOf('dropout') }).apply(x) as SymbolicTensor;
        break;
      default: {
        const unknown = layer as { type?: unknown };
        throw new Error(`Layer "${name}": unknown layer type "${String(unknown.type)}".`);
      }
    }
  });
  return tfl.model({ inputs: input, outputs: x, name: spec.name });
}

/**
 * Names of the model's layers that have an image-shaped output (`[H, W, C]`), in order: what a feature-map
 * widget can show.
 */
export function spatialLayerNames(model: LayersModel): string[] {
  return model.layers
    .filter((l) => l.getClassName() !== 'InputLayer' && (l.outputShape as number[]).length === 4)
    .map((l) => l.name);
}

/** Number of trainable + non-trainable parameters (same as `model.countParams()`, spelled out for clarity). */
export const countParams = (model: LayersModel): number => model.countParams();
