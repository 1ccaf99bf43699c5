/**
 * `cnn-widgets/engine`: the library's non-DOM side, for lesson builders who script their own widgets.
 *
 * Everything exported here is light (no TensorFlow.js): convolution arithmetic, the lesson's model specs,
 * asset URLs, the dataset loader (MNIST or any packed dataset) and training configuration. The tensor side — `getTf`, `buildModel`,
 * `TrainingSession` — loads TensorFlow.js, so it is reached with `await import('cnn-widgets/engine/tensor')`
 * (or `loadTensorEngine()` below), never statically.
 */
export * from './conv-math.js';
export { MODEL_SPECS, CNN, FNN, ALEXNET, isModelName, type ModelName } from './models/specs.js';
export * from './models/pytorch-layers.js';
export * from './models/pytorch-network.js';
export * from './export/safetensors.js';
export {
  toPyTorch,
  SCRIPT_NORMALIZE,
  type ScriptConfig,
  type PyTorchScriptOptions,
} from './export/pytorch.js';
export { assetBase, assetUrl, setAssetBase } from './assets.js';
export {
  loadMnist,
  MnistLoadError,
  MNIST_CLASSES,
  MNIST_COUNTS,
  toFloat,
  type MnistSplit,
  type MnistProgress,
  type LoadMnistOptions,
} from './data/mnist.js';
export {
  loadDataset,
  loadDatasetInfo,
  datasetUrl,
  clearDatasetCache,
  DatasetLoadError,
  DATASET_FORMAT,
  DATASET_FORMAT_VERSION,
  MIN_IMAGE_SIDE,
  MAX_IMAGE_SIDE,
  type DatasetMeta,
  type DatasetSplit,
  type DatasetProgress,
  type LoadDatasetOptions,
} from './data/dataset.js';
export { fitSpec, type FitTarget } from './models/fit.js';
export {
  AssetLoadError,
  DEFAULT_STALL_MS,
  downloadTimeout,
  setDownloadTimeout,
  type AssetErrorKind,
} from './data/download.js';
export {
  DEFAULT_CONFIG,
  PRESETS,
  resolveConfig,
  checkTrainSpec,
  checkTrainSpecMessage,
  specFitError,
  specFitMessage,
  MNIST_DATASET,
  learningRateAt,
  LR_SCHEDULES,
  COOLDOWN_FRACTION,
  type LrScheduleName,
  type TrainConfig,
  type TrainDataset,
  type TrainState,
  type BackendName,
  type BackendPreference,
} from './training/config.js';
export {
  checkExamples,
  fineTunePlan,
  FINE_TUNE_STEPS,
  MAX_FINE_TUNE_STEPS,
  type FineTuneOptions,
  type FineTuneResult,
  type TaughtExample,
} from './training/fine-tune.js';

/** Loads the tensor side (TensorFlow.js and the trainer) on demand. */
export const loadTensorEngine = () => import('./tensor.js');
