/**
 * EXACTLY the parts of TensorFlow.js (tfjs-core) the engine and its elements use — one list, named imports.
 *
 * WHY THIS FILE. `import * as tf from '@tensorflow/tfjs-core'` and passing `tf` around keeps every export of
 * tfjs-core alive: a bundler cannot know which ones the receiver calls, so all ~300 ops ship (~85 KB gzipped
 * for tfjs-core alone). tfjs-core marks its op files side-effect free, so NAMED imports tree-shake: only the
 * ops listed here (and what they use) reach the CDN chunk. `getTf()` still returns "a tf", but it is this
 * module's namespace — small, and the same functions under the same names, so `tf.tidy(…)` reads as before.
 *
 * Adding an op: add it here (and, if training differentiates through it, its gradient in gradients.ts).
 * Tests and benchmarks that want the whole of tfjs-core import '@tensorflow/tfjs-core' themselves.
 */
export {
  // memory and the engine
  tidy,
  keep,
  dispose,
  memory,
  engine,
  // backends
  setBackend,
  getBackend,
  findBackend,
  findBackendFactory,
  backend,
  // creating tensors
  tensor,
  tensor1d,
  tensor2d,
  tensor4d,
  scalar,
  variable,
  ones,
  fill,
  randomUniform,
  // the layers of a spec model (models/build.ts) and the feature-map widget
  conv2d,
  maxPool,
  avgPool,
  pad,
  relu,
  leakyRelu,
  tanh,
  sigmoid,
  reshape,
  softmax,
  logSoftmax,
  matMul,
  dropout,
  transpose,
  squeeze,
  // loss, metrics and gradient accumulation (training/core.ts)
  add,
  mul,
  div,
  neg,
  sum,
  cast,
  equal,
  argMax,
  stack,
  concat,
  // gradients and optimisers
  grad,
  variableGrads,
  registerGradient,
  AdamOptimizer,
  MomentumOptimizer,
} from '@tensorflow/tfjs-core';

export type {
  Tensor,
  Tensor1D,
  Tensor2D,
  Tensor4D,
  Scalar,
  Variable,
  Optimizer,
  NamedTensorMap,
  GradConfig,
  Rank,
} from '@tensorflow/tfjs-core';
