/**
 * The gradients training needs — and only those — registered with TensorFlow.js.
 *
 * WHY NOT `register_all_gradients`. tfjs-core keeps each op's derivative in a separate "gradient config" and
 * registers all ~140 of them from one side-effect module, which drags nearly every op into the bundle (a
 * gradient of `atan2` needs `atan2`'s helpers, and so on). The lesson's networks differentiate through very few
 * kernels, so we register those here. The configs are tfjs-core 4.22's own (`src/gradients/*_grad.ts`),
 * copied op for op so the numbers are bit-identical; they are not exported from tfjs-core's index and a
 * deep import (`@tensorflow/tfjs-core/dist/gradients/…`) would bypass the single shared copy of tfjs-core the
 * tests use, hence the copies. What each is for:
 *
 *   - FusedConv2D, _FusedMatMul: a spec model's conv and dense layers, each with its bias and ReLU in ONE
 *     kernel, also while training (models/build.ts calls the kernels directly). tfjs' own `fused.conv2d` /
 *     `fused.matMul` split into three ops (conv, add, relu) whenever a gradient is recorded with a ReLU
 *     (`shouldFuse` in tfjs-core's fused_util), which costs two extra passes over every layer's output. The
 *     maths is that of tfjs' own fused-op gradients (ops/fused/conv2d.ts, ops/fused_mat_mul.ts).
 *   - Conv2D, BatchMatMul: plain `conv2d` / `matMul` (a spec model no longer runs them; they serve anyone who
 *     differentiates the plain ops, e.g. the backend probe tests).
 *   - Relu, MaxPool, AvgPool, PadV2 (explicit padding), Reshape (flatten), Softmax (a `softmax` layer):
 *     the layers of a spec model (models/build.ts).
 *   - Tanh, Sigmoid, LeakyRelu: the other activations a writer's own network (`layers="…"`, parsed by
 *     models/pytorch-layers.ts) may use. They run as ops of their own after the conv/dense kernel (only ReLU is
 *     fused into it), so their gradients are tfjs' plain ones.
 *   - Mul, RealDiv, Neg, Sum, Add, Cast, Identity: the loss −Σ y·logSoftmax(z) / B (logSoftmax is a
 *     `customGrad` too), dropout (x · mask / keep), bias broadcasts and bookkeeping.
 *
 * A gradient missing here shows up as TF.js' error "gradient function not found for <Kernel>": add it.
 * Registering is idempotent (a second copy of the library re-registers the same maths).
 */
import {
  Add,
  AvgPool,
  FusedConv2D,
  _FusedMatMul,
  AvgPoolGrad,
  BatchMatMul,
  Cast,
  Conv2D,
  Conv2DBackpropFilter,
  Conv2DBackpropInput,
  Identity,
  LeakyRelu,
  MaxPool,
  MaxPoolGrad,
  Multiply,
  Neg,
  PadV2,
  RealDiv,
  Relu,
  Reshape,
  Sigmoid,
  Softmax,
  Sum,
  Tanh,
  broadcast_util,
  cast,
  div,
  engine,
  greater,
  matMul,
  mul,
  neg,
  ones,
  registerGradient,
  reshape,
  scalar,
  slice,
  square,
  step,
  sub,
  sum,
  util,
  where,
} from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap, Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { softmaxCrossEntropyGradient } from './kernels/softmax-cross-entropy.js';

type Attrs = NamedAttrMap & Record<string, never>;
const run = (kernel: string, inputs: Record<string, Tensor>, attrs: object): Tensor =>
  engine().runKernel(kernel, inputs, attrs as Attrs) as Tensor;

/** Sums `res` over the axes broadcasting added to `shape`, then gives it that shape. */
const unbroadcast = (res: Tensor, shape: number[], outShape: number[], alwaysReshape: boolean): Tensor => {
  const axes = broadcast_util.getReductionAxes(shape, outShape);
  if (axes.length > 0) return reshape(sum(res, axes), shape);
  return alwaysReshape ? reshape(res, shape) : res;
};

/** A matmul's input gradients (tfjs' BatchMatMul gradient, for each combination of transposes). */
function matMulGrads(g: Tensor, a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean) {
  if (!transposeA && !transposeB)
    return { a: () => matMul(g, b, false, true), b: () => matMul(a, g, true, false) };
  if (!transposeA && transposeB)
    return { a: () => matMul(g, b, false, false), b: () => matMul(g, a, true, false) };
  if (transposeA && !transposeB)
    return { a: () => matMul(b, g, false, true), b: () => matMul(a, g, false, false) };
  return { a: () => matMul(b, g, true, true), b: () => matMul(g, a, true, true) };
}

/** The gradient at a fused op's pre-activation, from the gradient at its output `y` (tfjs' getFusedDyActivation). */
function fusedDy(dy: Tensor, y: Tensor, activation: unknown): Tensor {
  if (activation == null || activation === 'linear') return dy;
  if (activation === 'relu') return mul(dy, cast(step(y), 'float32'));
  throw new Error(`Cannot compute the gradient of the fused activation ${String(activation)}.`);
}

/**
 * A fused op's bias gradient: the output's gradient summed over every axis but the last. The bias must be 1-D
 * (one value per output channel), the only kind models/build.ts passes; the gradient has that shape.
 */
const fusedBiasGrad = (g: Tensor): Tensor => sum(g, [...Array(g.rank - 1).keys()]);

/** Asserts a conv's dilations are all 1 (TF.js has no gradient for dilated convolutions). */
function assertNoDilation(dilations: number | [number, number] | undefined, what: string): void {
  const d = dilations == null ? [1, 1] : Array.isArray(dilations) ? dilations : [dilations, dilations];
  util.assert(
    d.every((v) => v === 1),
    () =>
      `Error in gradient of ${what}: dilation rates greater than 1 are not yet supported in gradients. Got dilations '${String(dilations)}'`,
  );
}

const CONFIGS: GradConfig[] = [
  {
    kernelName: FusedConv2D,
    inputsToSave: ['x', 'filter'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, filter, y] = saved as [Tensor4D, Tensor4D, Tensor];
      const { strides, pad, dataFormat, dilations, dimRoundingMode, activation } = attrs as unknown as {
        strides: number | [number, number];
        pad: unknown;
        dataFormat: string;
        dilations: number | [number, number];
        dimRoundingMode: unknown;
        activation: string;
      };
      util.assert(
        dataFormat === 'NHWC',
        () => `Error in gradient of fused conv2D: got dataFormat ${dataFormat}, only NHWC is supported.`,
      );
      assertNoDilation(dilations, 'fused conv2D');
      const g = fusedDy(dy as Tensor, y, activation);
      return {
        x: () =>
          run(
            Conv2DBackpropInput,
            { dy: g, filter },
            { strides, pad, dataFormat, dimRoundingMode, inputShape: x.shape },
          ),
        filter: () =>
          run(
            Conv2DBackpropFilter,
            { x, dy: g },
            { strides, pad, dataFormat, dimRoundingMode, filterShape: filter.shape },
          ),
        bias: () => fusedBiasGrad(g),
      };
    },
  },
  {
    kernelName: _FusedMatMul,
    inputsToSave: ['a', 'b'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [a, b, y] = saved as [Tensor, Tensor, Tensor];
      const { transposeA, transposeB, activation } = attrs as unknown as {
        transposeA: boolean;
        transposeB: boolean;
        activation: string;
      };
      const g = fusedDy(dy as Tensor, y, activation);
      return { ...matMulGrads(g, a, b, transposeA, transposeB), bias: () => fusedBiasGrad(g) };
    },
  },
  {
    kernelName: Conv2D,
    inputsToSave: ['x', 'filter'],
    gradFunc: (dy, saved, attrs) => {
      const [x, filter] = saved as [Tensor4D, Tensor4D];
      const { dilations, strides, pad, dataFormat } = attrs as unknown as {
        dilations: number | [number, number];
        strides: number | [number, number];
        pad: unknown;
        dataFormat: string;
      };
      assertNoDilation(dilations, 'conv2D');
      return {
        x: () =>
          run(
            Conv2DBackpropInput,
            { dy: dy as Tensor, filter },
            { strides, pad, dataFormat, inputShape: x.shape },
          ),
        filter: () =>
          run(
            Conv2DBackpropFilter,
            { x, dy: dy as Tensor },
            { strides, pad, dataFormat, filterShape: filter.shape },
          ),
      };
    },
  },
  {
    kernelName: BatchMatMul,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved as [Tensor, Tensor];
      const g = dy as Tensor;
      const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
      return matMulGrads(g, a, b, transposeA, transposeB);
    },
  },
  {
    kernelName: Relu,
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => ({ x: () => mul(dy as Tensor, cast(step(saved[0]!), 'float32')) }),
  },
  {
    kernelName: Tanh,
    outputsToSave: [true],
    // d tanh(x) = 1 − tanh(x)²: computed from the saved output, as tfjs does.
    gradFunc: (dy, saved) => ({ x: () => mul(sub(scalar(1), square(saved[0]!)), dy as Tensor) }),
  },
  {
    kernelName: Sigmoid,
    outputsToSave: [true],
    // d σ(x) = σ(x)·(1 − σ(x)), from the saved output.
    gradFunc: (dy, saved) => ({ x: () => mul(dy as Tensor, mul(saved[0]!, sub(scalar(1), saved[0]!))) }),
  },
  {
    kernelName: LeakyRelu,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      // dy where x > 0, alpha · dy elsewhere (at 0 too, as tfjs and PyTorch do).
      const { alpha } = attrs as unknown as { alpha: number };
      const mask = greater(saved[0]!, 0);
      return { x: () => where(mask, dy as Tensor, mul(dy as Tensor, alpha)) };
    },
  },
  {
    kernelName: MaxPool,
    inputsToSave: ['x'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, y] = saved as [Tensor, Tensor];
      const { filterSize, strides, pad } = attrs as unknown as {
        filterSize: unknown;
        strides: unknown;
        pad: unknown;
      };
      return {
        x: () => run(MaxPoolGrad, { dy: dy as Tensor, input: x, output: y }, { filterSize, strides, pad }),
      };
    },
  },
  {
    kernelName: AvgPool,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const { filterSize, strides, pad } = attrs as unknown as {
        filterSize: unknown;
        strides: unknown;
        pad: unknown;
      };
      return {
        x: () => run(AvgPoolGrad, { dy: dy as Tensor, input: saved[0]! }, { filterSize, strides, pad }),
      };
    },
  },
  {
    kernelName: PadV2,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      // Padding adds values around the input; its gradient cuts the input's window back out.
      const x = saved[0]!;
      const { paddings } = attrs as unknown as { paddings: [number, number][] };
      return {
        x: () =>
          slice(
            dy as Tensor,
            paddings.map((p) => p[0]),
            x.shape,
          ),
      };
    },
  },
  {
    kernelName: Reshape,
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => ({ x: () => reshape(dy as Tensor, saved[0]!.shape) }),
  },
  {
    kernelName: Softmax,
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [y] = saved as [Tensor];
      const { dim } = attrs as unknown as { dim: number };
      const dyTimesY = mul(dy as Tensor, y);
      return { logits: () => sub(dyTimesY, mul(sum(dyTimesY, [dim], true), y)) };
    },
  },
  {
    kernelName: Multiply,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => {
      const [a, b] = saved as [Tensor, Tensor];
      const out = broadcast_util.assertAndGetBroadcastShape(a.shape, b.shape);
      return {
        a: () => unbroadcast(mul(dy as Tensor, cast(b, 'float32')), a.shape, out, false),
        b: () => unbroadcast(mul(dy as Tensor, cast(a, 'float32')), b.shape, out, false),
      };
    },
  },
  {
    kernelName: RealDiv,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => {
      const [a, b] = saved as [Tensor, Tensor];
      const out = broadcast_util.assertAndGetBroadcastShape(a.shape, b.shape);
      return {
        a: () => unbroadcast(div(dy as Tensor, cast(b, 'float32')), a.shape, out, false),
        b: () => {
          const res = unbroadcast(mul(dy as Tensor, cast(a, 'float32')), b.shape, out, false);
          return neg(div(res, cast(square(b), 'float32')));
        },
      };
    },
  },
  { kernelName: Neg, gradFunc: (dy) => ({ x: () => neg(dy as Tensor) }) },
  {
    kernelName: Sum,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as [Tensor];
      const expanded = x.shape.slice();
      const { axis } = attrs as unknown as { axis: number | number[] };
      for (const a of util.parseAxisParam(axis, x.shape)) expanded[a] = 1;
      const derX = mul(reshape(dy as Tensor, expanded), ones(x.shape, 'float32'));
      return { x: () => derX };
    },
  },
  {
    kernelName: Add,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => {
      const [a, b] = saved as [Tensor, Tensor];
      const out = broadcast_util.assertAndGetBroadcastShape(a.shape, b.shape);
      return {
        a: () => unbroadcast(dy as Tensor, a.shape, out, true),
        b: () => unbroadcast(dy as Tensor, b.shape, out, true),
      };
    },
  },
  { kernelName: Cast, gradFunc: (dy) => ({ x: () => (dy as Tensor).clone() }) },
  { kernelName: Identity, gradFunc: (dy) => ({ x: () => cast(dy as Tensor, 'float32') }) },
  softmaxCrossEntropyGradient,
];

/** The kernels whose gradients `registerTrainingGradients()` provides (for tests and docs). */
export const TRAINING_GRADIENT_KERNELS: readonly string[] = CONFIGS.map((c) => c.kernelName);

let registered = false;
/** Registers the gradients above with TensorFlow.js (once per copy of this module; cheap to call again). */
export function registerTrainingGradients(): void {
  if (registered) return;
  registered = true;
  for (const config of CONFIGS) registerGradient(config);
}
