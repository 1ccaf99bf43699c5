/**
 * The "tensor side" of the engine: everything that needs TensorFlow.js, behind ONE entry that elements load
 * with `await import('../../engine/tensor.js')` on first need. Nothing imports this module statically from a
 * light module (conv-math, conv-steps, filters, feature-maps, metrics, models/specs,
 * models/display, assets, training/config), so a page with only `<conv-calculator>`,
 * `<kernel-viewer>` or `<model-summary>` never downloads TensorFlow.js.
 */
export {
  getTf,
  backendReport,
  onBackendLost,
  isBackendLost,
  assertBackendHealthy,
  readBack,
  markLost,
  detectWebGl,
  detectWebGpu,
  BackendLostError,
  BackendUnavailableError,
  BACKEND_ORDER,
  isBackendName,
  isBackendPreference,
} from './backend.js';
export type {
  Tf,
  BackendName,
  BackendPreference,
  BackendReport,
  BackendCandidate,
  GetTfOptions,
} from './backend.js';
export { buildModel, spatialLayerNames, toNhwc, SpecModel } from './models/build.js';
export type { BuildOptions, ModelLayer, ModelWeight } from './models/build.js';
export { setModelWeights } from './models/set-weights.js';
export { registerTrainingGradients, TRAINING_GRADIENT_KERNELS } from './gradients.js';
export { MODEL_SPECS, CNN, FNN, ALEXNET } from './models/specs.js';
export { TrainingSession } from './training/session.js';
export type { SessionOptions } from './training/session.js';
export type {
  BatchInfo,
  EpochInfo,
  Evaluation,
  StartInfo,
  Activations,
  NamedWeights,
  Runner,
} from './training/protocol.js';
export { TrainerCore } from './training/core.js';
export { Control } from './training/events.js';
export {
  resolveConfig,
  DEFAULT_CONFIG,
  PRESETS,
  isPresetName,
  learningRateAt,
  type LrScheduleName,
  type TrainConfig,
  type TrainState,
  type MnistSplit,
  type PresetName,
} from './training/config.js';
