/**
 * The ONE builder from a plain-data `ModelSpec` (specs.ts) to a network TensorFlow.js can run and train.
 *
 * WHY NOT tfjs-layers. tfjs-layers is a whole Keras (~200 KB minified: serialisation, symbolic graphs,
 * callbacks, forty layer types) for what is, here, a dozen lines of maths per layer. A `SpecModel` is just its
 * parameters (`tf.Variable`s) and a `forward()` that calls tfjs-core ops in the spec's order. Nothing else:
 * no graph, no compile step — which is also why training/core.ts writes its own loop. The maths is the same as
 * the tfjs-layers model this replaced (same fused conv/dense ops, same initialisers and seeds, same flatten
 * order), so the same seed still gives the same weights and the shipped pretrained weights still load.
 *
 * WHY ONE BUILDER. The same spec objects feed conv-math's shape walk (what `<model-summary>` prints) and this
 * builder (what `<cnn-trainer>` trains). If the two ever disagreed, a reader would see "45,424 parameters"
 * next to a network that has another number. `test/engine/model-build.test.ts` checks, for every preset,
 * that the built model's layer output shapes and parameter counts equal the walk's.
 *
 * LAYOUT. Specs are written the PyTorch way (channels first, `[C, H, W]`), as in the lesson; TensorFlow.js
 * computes channels last (NHWC) on every backend, so the model's input is `[H, W, C]`. Flatten therefore
 * orders features H, W, C rather than PyTorch's C, H, W: the same count and the same maths, only a different
 * (fixed) permutation of fc1's input rows. It matters only to someone loading PyTorch weights (the shipped
 * pretrained weights were trained with this order). Kernels are `[kh, kw, in, out]`, dense weights `[in, out]`.
 *
 * NAMES. Layers keep the spec's names (`conv1`, `relu1`, `pool1`, `fc1`…) so widgets can ask for activations
 * by the names the lesson uses (`<feature-map layer="conv1">`). Parameters are called `<layer>/kernel` and
 * `<layer>/bias` (what tfjs-layers called them, and what the pretrained manifest's layer + role name). The
 * underlying tf.Variables get a unique suffix, because TF.js keeps one page-wide registry of variable names
 * and two pads (or a pad and a trainer) hold a `conv1` each.
 *
 * PADDING. Explicit numeric padding (PyTorch's `padding=2`) is a zero `pad` before the conv or pool (exactly
 * the old `ZeroPadding2D` layer); `same` / `valid` go to the op. PyTorch pads max-pooling with −∞, but after a
 * ReLU (values ≥ 0, how every spec here uses it) zero padding is the same; for average pooling PyTorch's
 * default counts the zeros in the mean, as we do.
 *
 * INITIALISATION. PyTorch's defaults, because the lesson's hyperparameters (Adam at 0.01 for the notebook
 * preset) were tuned with them: Conv2d and Linear weights are Kaiming-uniform with a = √5, which works out to
 * U(−1/√fanIn, +1/√fanIn); biases are U(−1/√fanIn, +1/√fanIn) too. The limits are computed exactly as
 * tfjs-layers' VarianceScaling(scale 1/3, fanIn, uniform) and RandomUniform did (so old seeds give the same
 * weights), drawn by `tf.randomUniform` with a seed derived from the model seed and the weight's name
 * (random.ts): the same seed gives bit-identical weights on every backend (TF.js draws seeded random numbers
 * in JavaScript), and adding a layer never changes the numbers of another.
 */
import {
  avgPool,
  dispose,
  dropout,
  engine,
  maxPool,
  pad,
  randomUniform,
  relu,
  leakyRelu,
  tanh,
  sigmoid,
  reshape,
  softmax,
  variable,
  type NamedTensorMap,
  type Tensor,
  type Tensor4D,
  type Variable,
} from '../tf-ops.js';
import { FusedConv2D, _FusedMatMul, type NamedAttrMap } from '@tensorflow/tfjs-core';
import type { LayerSpec, ModelSpec } from '../conv-math.js';
import { deriveSeed } from '../random.js';
import { convReluPool, convReluPoolFits } from '../kernels/conv-relu-pool.js';
import type { Tf } from '../backend.js';

export interface BuildOptions {
  /** Seed for every initialiser (default 0). Same seed → same initial weights. */
  seed?: number;
  /** Overrides the spec's input shape (channels first, like the spec), e.g. `[3, 320, 320]`. */
  inputShape?: number[];
}

/** One named parameter tensor of a model. */
export interface ModelWeight {
  /** `<layer>/<role>`, e.g. `conv1/kernel`. */
  name: string;
  layer: string;
  role: 'kernel' | 'bias';
  variable: Variable;
}

/** One layer of a built model. */
export interface ModelLayer {
  name: string;
  type: LayerSpec['type'];
  /** Output shape without the batch axis: `[H, W, C]` or `[N]`. */
  outputShape: number[];
  /** Its parameters, kernel first. */
  weights: ModelWeight[];
  /** Number of parameters (kernel + bias). */
  params: number;
}

interface Step extends ModelLayer {
  run(x: Tensor, training: boolean): Tensor;
  /**
   * For conv2d and dense: the same layer with a ReLU fused into its op. `forward` uses it when the next layer
   * is a ReLU and nobody asked for this layer's pre-activation output. The ReLU is then applied inside the
   * conv/matmul kernel (see `fusedKernel`), in inference and in training, instead of in a pass of its own.
   */
  runRelu?(x: Tensor): Tensor;
  /**
   * For a conv2d with stride 1, no padding and a bias: the same layer with a ReLU and a 2×2/2 max-pool fused
   * into ONE op (kernels/conv-relu-pool.ts), or null where the backend has no such kernel. `forward` uses it
   * when a ReLU and a `pool2x2` step follow and neither the conv's nor the ReLU's output was asked for.
   */
  runReluPool?(x: Tensor): Tensor | null;
  /** A max-pool 2×2 with stride 2 and no padding (what `runReluPool` fuses). */
  pool2x2?: boolean;
}

/**
 * A conv or dense layer as ONE TensorFlow.js kernel (FusedConv2D / _FusedMatMul): the product, its bias and its
 * activation in a single pass, in inference and in training alike. tfjs' own `fused.conv2d` / `fused.matMul`
 * fall back to three ops (product, add, relu) whenever a gradient is being recorded with a ReLU; calling the
 * kernel directly keeps it whole, and gradients.ts registers its gradient (tfjs' fused-op maths): on the cnn,
 * two passes fewer over each conv and dense layer's output per training step (10 kernels fewer of ~270).
 */
const fusedKernel = (kernel: string, inputs: NamedTensorMap, attrs: Record<string, unknown>): Tensor =>
  engine().runKernel(kernel, inputs, attrs as unknown as NamedAttrMap) as Tensor;

const pair = (v: number | [number, number] | undefined, dflt: number): [number, number] =>
  v === undefined ? [dflt, dflt] : Array.isArray(v) ? [v[0], v[1]] : [v, v];

/** A block of `SpecModel.fusedPlan()`: shapes without the batch axis, channels last. */
export type FusedBlock =
  | { kind: 'conv-relu-pool'; filter: Variable; bias: Variable; inShape: number[]; outShape: number[] }
  | { kind: 'flatten'; inShape: number[]; outShape: number[] }
  | {
      kind: 'dense';
      kernel: Variable;
      bias: Variable | null;
      relu: boolean;
      inShape: number[];
      outShape: number[];
    };

/** Channels-first spec shape → channels-last TF.js shape (flat shapes unchanged). */
export const toNhwc = (shape: number[]): number[] =>
  shape.length === 3 ? [shape[1]!, shape[2]!, shape[0]!] : shape.slice();

/** Output size of a window op along one axis (TF.js' rules: `same` → ⌈n/s⌉, else ⌊(n − k_eff)/s⌋ + 1). */
const outSize = (n: number, k: number, s: number, d: number, mode: 'same' | 'valid'): number =>
  mode === 'same' ? Math.ceil(n / s) : Math.floor((n - (d * (k - 1) + 1)) / s) + 1;

/** Page-wide counter for unique variable names (shared by every copy of this module). */
const UID = Symbol.for('cnn-widgets.engine.modelUid');
const nextUid = (): number => {
  const g = globalThis as { [UID]?: number };
  g[UID] = (g[UID] ?? 0) + 1;
  return g[UID];
};

/**
 * A network built from a spec: its parameters and a forward pass. The caller owns it (`dispose()` frees the
 * variables). Input `[batch, H, W, C]`; the output is the last layer's (the cnn/fnn end in logits, no softmax).
 */
export class SpecModel {
  /** Input shape without the batch axis, channels last (`[28, 28, 1]`). */
  readonly inputShape: number[];
  /** Every parameter, in layer order (kernel, then bias). */
  readonly weights: ModelWeight[];
  private readonly steps: Step[];
  private readonly byName: Map<string, number>;
  private dropoutCalls = 0;
  private disposed = false;

  /** @internal use buildModel() */
  constructor(
    readonly name: string,
    inputShape: number[],
    steps: Step[],
    private readonly seed: number,
  ) {
    this.inputShape = inputShape;
    this.steps = steps;
    this.weights = steps.flatMap((s) => s.weights);
    this.byName = new Map(steps.map((s, i) => [s.name, i]));
  }

  /** The layers, in order (name, type, output shape, parameters). */
  get layers(): readonly ModelLayer[] {
    return this.steps;
  }

  /** The layer called `name`; a RangeError listing the names otherwise. */
  getLayer(name: string): ModelLayer {
    const i = this.byName.get(name);
    if (i === undefined)
      throw new RangeError(`No layer named "${name}" (have ${this.steps.map((s) => s.name).join(', ')}).`);
    return this.steps[i]!;
  }

  /** The variables an optimizer should update. */
  get trainableVariables(): Variable[] {
    return this.weights.map((w) => w.variable);
  }

  /** Number of parameters. */
  countParams(): number {
    return this.steps.reduce((a, s) => a + s.params, 0);
  }

  /**
   * One forward pass. `outputs` names layers whose activations to return as well; with `upTo`, the pass stops
   * after the last of them (`output` is then that layer's activation). Dropout is active only when
   * `training` (seeded: the n-th training call of a model uses the n-th seed of its sequence).
   * Call inside `tf.tidy` (every intermediate tensor is left to it).
   */
  forward(
    x: Tensor,
    opts: { training?: boolean; outputs?: readonly string[]; upTo?: boolean } = {},
  ): { output: Tensor; activations: Record<string, Tensor> } {
    if (this.disposed) throw new Error(`The model "${this.name}" was disposed.`);
    const wanted = new Set(opts.outputs ?? []);
    let last = this.steps.length - 1;
    if (wanted.size) {
      for (const n of wanted) this.getLayer(n); // throws a readable RangeError for unknown names
      if (opts.upTo) last = Math.max(...[...wanted].map((n) => this.byName.get(n)!));
    }
    const training = opts.training ?? false;
    if (training) this.dropoutCalls++;
    const activations: Record<string, Tensor> = {};
    let y = x;
    for (let i = 0; i <= last; i++) {
      const s = this.steps[i]!;
      const next = this.steps[i + 1];
      const pool = this.steps[i + 2];
      if (s.runReluPool && next?.type === 'relu' && pool?.pool2x2 && i + 2 <= last) {
        const fused = wanted.has(s.name) || wanted.has(next.name) ? null : s.runReluPool(y);
        if (fused) {
          y = fused;
          if (wanted.has(pool.name)) activations[pool.name] = y;
          i += 2;
          continue;
        }
      }
      if (s.runRelu && next?.type === 'relu' && i + 1 <= last && !wanted.has(s.name)) {
        // conv/dense + ReLU as one fused op (see Step.runRelu); the pre-activation was not asked for.
        y = s.runRelu(y);
        if (wanted.has(next.name)) activations[next.name] = y;
        i++;
        continue;
      }
      y = s.type === 'dropout' ? this.dropout(s, y, training) : s.run(y, training);
      if (wanted.has(s.name)) activations[s.name] = y;
    }
    return { output: y, activations };
  }

  /**
   * The training pass as `forward` fuses it, layer block by layer block, where every block is one the direct
   * training step (training/direct-step.ts) knows: conv → ReLU → 2×2 max-pool as one op, flatten, dense with or
   * without a ReLU. Null for any other network (another activation, dropout, a pool on its own, padding…): it
   * trains through TensorFlow.js' tape. The blocks are exactly `forward`'s (the same kernels on the same
   * tensors), so either way a step computes the same numbers.
   */
  fusedPlan(): FusedBlock[] | null {
    if (this.disposed) return null;
    const plan: FusedBlock[] = [];
    let shape = this.inputShape;
    for (let i = 0; i < this.steps.length; i++) {
      const s = this.steps[i]!;
      const next = this.steps[i + 1];
      const kernel = s.weights.find((w) => w.role === 'kernel')?.variable;
      const bias = s.weights.find((w) => w.role === 'bias')?.variable ?? null;
      if (s.type === 'conv2d' && s.runReluPool && next?.type === 'relu' && this.steps[i + 2]?.pool2x2) {
        if (!kernel || !bias || !convReluPoolFits([1, ...shape], kernel.shape)) return null;
        plan.push({
          kind: 'conv-relu-pool',
          filter: kernel,
          bias,
          inShape: shape,
          outShape: this.steps[i + 2]!.outputShape,
        });
        i += 2;
      } else if (s.type === 'dense' && kernel) {
        const relu = next?.type === 'relu';
        plan.push({ kind: 'dense', kernel, bias, relu, inShape: shape, outShape: s.outputShape });
        if (relu) i++;
      } else if (s.type === 'flatten') {
        plan.push({ kind: 'flatten', inShape: shape, outShape: s.outputShape });
      } else return null;
      shape = plan[plan.length - 1]!.outShape;
    }
    return plan;
  }

  private dropout(s: Step, x: Tensor, training: boolean): Tensor {
    if (!training) return x;
    const rate = (s as Step & { rate: number }).rate;
    return dropout(x, rate, undefined, deriveSeed(this.seed, `${s.name}.dropout.${this.dropoutCalls}`));
  }

  /** The output for a batch at inference (dropout off). Call inside `tf.tidy`. */
  predict(x: Tensor): Tensor {
    return this.forward(x).output;
  }

  /** The output with dropout on when `training` (what a training step differentiates). */
  apply(x: Tensor, opts: { training?: boolean } = {}): Tensor {
    return this.forward(x, opts).output;
  }

  /** Frees the parameters. The model cannot be used after. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    dispose(this.trainableVariables);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }
}

/**
 * Builds a model from a spec. The first argument (the `tf` from `getTf()`) is not used — the ops are imported
 * by name — but taking it keeps call sites explicit about having awaited a backend. Throws an Error naming the
 * layer for a spec the builder cannot express (and then holds no tensors).
 */
export function buildModel(tf: Tf | null, spec: ModelSpec, options: BuildOptions = {}): SpecModel {
  void tf;
  const seed = (options.seed ?? 0) >>> 0;
  const inputShape = toNhwc(options.inputShape ?? spec.inputShape);
  const uid = nextUid();
  const steps: Step[] = [];
  const used = new Set<string>();
  let shape = inputShape.slice();
  try {
    spec.layers.forEach((layer: LayerSpec, index: number) => {
      const name = layer.name ?? `${layer.type}${index + 1}`;
      if (used.has(name)) throw new Error(`Layer name "${name}" is used twice in spec "${spec.name}".`);
      used.add(name);
      const seedOf = (what: string) => deriveSeed(seed, `${name}.${what}`);
      const need4d = () => {
        if (shape.length !== 3)
          throw new Error(`Layer "${name}" (${layer.type}) needs an image input, got a flat one.`);
      };
      /** PyTorch's default initialisation for a weight with `fanIn` inputs per output (see the top). */
      const param = (role: 'kernel' | 'bias', wshape: number[], fanIn: number): ModelWeight => {
        let init: Tensor;
        if (role === 'kernel') {
          const limit = Math.sqrt(3 * (1 / 3 / Math.max(1, fanIn))); // VarianceScaling(1/3, fanIn, uniform)
          init = randomUniform(wshape, -limit, limit, 'float32', seedOf('kernel'));
        } else {
          init = randomUniform(
            wshape,
            -1 / Math.sqrt(fanIn),
            1 / Math.sqrt(fanIn),
            'float32',
            seedOf('bias'),
          );
        }
        const v = variable(init, true, `${spec.name}_${uid}/${name}/${role}`);
        init.dispose();
        return { name: `${name}/${role}`, layer: name, role, variable: v };
      };
      /** Explicit padding → [[top, bottom], [left, right]] for `tf.pad`, or the op's own mode. */
      const padding = (p: number | 'same' | 'valid' | [number, number] | undefined) => {
        if (p === 'same' || p === 'valid') return { mode: p, explicit: null };
        const [ph, pw] = pair(p, 0);
        return { mode: 'valid' as const, explicit: ph > 0 || pw > 0 ? ([ph, pw] as const) : null };
      };
      const padded = (x: Tensor, e: readonly [number, number] | null): Tensor4D =>
        (e
          ? pad(x as Tensor4D, [
              [0, 0],
              [e[0], e[0]],
              [e[1], e[1]],
              [0, 0],
            ])
          : x) as Tensor4D;
      const base = { name, type: layer.type, weights: [] as ModelWeight[], params: 0 };
      /** A conv/dense step: its parameters and one fused op, run with a linear or a ReLU activation. */
      const weightedStep = (
        weights: ModelWeight[],
        outputShape: number[],
        op: (x: Tensor, activation: 'linear' | 'relu') => Tensor,
      ): Step => ({
        ...base,
        weights,
        params: weights.reduce((a, p) => a + p.variable.size, 0),
        outputShape,
        run: (x) => op(x, 'linear'),
        runRelu: (x) => op(x, 'relu'),
      });
      let step: Step;

      switch (layer.type) {
        case 'conv2d': {
          need4d();
          const [kh, kw] = pair(layer.kernelSize, 1);
          const strides = pair(layer.stride, 1);
          const dilations = pair(layer.dilation, 1);
          if (strides.some((v) => v > 1) && dilations.some((v) => v > 1)) {
            // TF.js' conv kernels take one or the other (tfjs' own conv2d op asserts it).
            throw new Error(`Layer "${name}" (conv2d): a stride and a dilation above 1 cannot be combined.`);
          }
          const { mode, explicit } = padding(layer.padding);
          const [h, w, c] = shape as [number, number, number];
          const [hp, wp] = explicit ? [h + 2 * explicit[0], w + 2 * explicit[1]] : [h, w];
          const kernel = param('kernel', [kh, kw, c, layer.filters], c * kh * kw);
          const bias = (layer.bias ?? true) ? param('bias', [layer.filters], c * kh * kw) : null;
          const weights = bias ? [kernel, bias] : [kernel];
          shape = [
            outSize(hp, kh, strides[0], dilations[0], mode),
            outSize(wp, kw, strides[1], dilations[1], mode),
            layer.filters,
          ];
          const conv = (x: Tensor, activation: 'linear' | 'relu') =>
            fusedKernel(
              FusedConv2D,
              { x: padded(x, explicit), filter: kernel.variable, ...(bias ? { bias: bias.variable } : {}) },
              { strides, pad: mode, dataFormat: 'NHWC', dilations, activation },
            );
          step = weightedStep(weights, shape, conv);
          const plain = strides.every((v) => v === 1) && dilations.every((v) => v === 1) && !explicit;
          if (bias && plain && mode === 'valid')
            step.runReluPool = (x) => convReluPool(x, kernel.variable, bias.variable);
          break;
        }
        case 'maxpool2d':
        case 'avgpool2d': {
          need4d();
          const size = pair(layer.poolSize, 1);
          const strides = layer.stride === undefined ? size : pair(layer.stride, 1);
          const { explicit } = padding(layer.padding);
          const [h, w, c] = shape as [number, number, number];
          const [hp, wp] = explicit ? [h + 2 * explicit[0], w + 2 * explicit[1]] : [h, w];
          shape = [
            outSize(hp, size[0], strides[0], 1, 'valid'),
            outSize(wp, size[1], strides[1], 1, 'valid'),
            c,
          ];
          const op = layer.type === 'maxpool2d' ? maxPool : avgPool;
          step = { ...base, outputShape: shape, run: (x) => op(padded(x, explicit), size, strides, 'valid') };
          step.pool2x2 = op === maxPool && !explicit && [...size, ...strides].every((v) => v === 2);
          break;
        }
        case 'adaptiveavgpool2d': {
          need4d();
          const [h, w, c] = shape as [number, number, number];
          const [oh, ow] = layer.outputSize;
          // PyTorch's adaptive pooling uses windows of varying size when the sizes do not divide; when they do
          // (AlexNet at 224×224: 6 → 6) it is an ordinary average pool with window = stride = size / output.
          if (h % oh !== 0 || w % ow !== 0) {
            throw new Error(
              `Layer "${name}": adaptive average pooling from ${h}×${w} to ${oh}×${ow} needs sizes that divide evenly.`,
            );
          }
          const win: [number, number] = [h / oh, w / ow];
          shape = [oh, ow, c];
          step = { ...base, outputShape: shape, run: (x) => avgPool(x as Tensor4D, win, win, 'valid') };
          break;
        }
        case 'dense': {
          if (shape.length !== 1)
            throw new Error(`Layer "${name}" (dense) needs a flat input: add a flatten layer first.`);
          const n = shape[0]!;
          const kernel = param('kernel', [n, layer.units], n);
          const bias = (layer.bias ?? true) ? param('bias', [layer.units], n) : null;
          const weights = bias ? [kernel, bias] : [kernel];
          shape = [layer.units];
          // The matmul kernels take batches of matrices: [1, B, n] × [1, n, units] → [1, B, units].
          const dense = (x: Tensor, activation: 'linear' | 'relu') =>
            reshape(
              fusedKernel(
                _FusedMatMul,
                {
                  a: reshape(x, [1, ...x.shape]),
                  b: reshape(kernel.variable, [1, n, layer.units]),
                  ...(bias ? { bias: bias.variable } : {}),
                },
                { transposeA: false, transposeB: false, activation },
              ),
              [x.shape[0]!, layer.units],
            );
          step = weightedStep(weights, shape, dense);
          break;
        }
        case 'relu':
          step = { ...base, outputShape: shape, run: (x) => relu(x) };
          break;
        case 'tanh':
          step = { ...base, outputShape: shape, run: (x) => tanh(x) };
          break;
        case 'sigmoid':
          step = { ...base, outputShape: shape, run: (x) => sigmoid(x) };
          break;
        case 'leakyrelu': {
          const slope = layer.negativeSlope ?? 0.01;
          step = { ...base, outputShape: shape, run: (x) => leakyRelu(x, slope) };
          break;
        }
        case 'softmax':
          step = { ...base, outputShape: shape, run: (x) => softmax(x) };
          break;
        case 'flatten': {
          const n = shape.reduce((a, b) => a * b, 1);
          shape = [n];
          // NHWC in memory: a reshape orders features H, W, C (see LAYOUT above).
          step = { ...base, outputShape: shape, run: (x) => reshape(x, [-1, n]) };
          break;
        }
        case 'dropout':
          // Applied by SpecModel.forward (it needs the call counter for its seed); identity at inference.
          step = Object.assign({ ...base, outputShape: shape, run: (x: Tensor) => x }, { rate: layer.rate });
          break;
        default: {
          const unknown = layer as { type?: unknown };
          throw new Error(`Layer "${name}": unknown layer type "${String(unknown.type)}".`);
        }
      }
      steps.push(step);
    });
  } catch (e) {
    dispose(steps.flatMap((s) => s.weights.map((w) => w.variable)));
    throw e;
  }
  return new SpecModel(spec.name, inputShape, steps, seed);
}

/**
 * Names of the model's layers that have an image-shaped output (`[H, W, C]`), in order: what a feature-map
 * widget can show.
 */
export function spatialLayerNames(model: SpecModel): string[] {
  return model.layers.filter((l) => l.outputShape.length === 3).map((l) => l.name);
}

/** Number of parameters (same as `model.countParams()`). */
export const countParams = (model: SpecModel): number => model.countParams();
