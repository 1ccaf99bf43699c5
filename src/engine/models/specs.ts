/**
 * The networks of the lesson, as plain data. The same objects feed `conv-math`'s shape walk (what
 * `<model-summary>` shows) and the TensorFlow.js builder (what `<cnn-trainer>` trains), so the numbers a
 * reader sees and the network that trains cannot disagree. No TensorFlow.js here.
 */
import type { ModelSpec } from '../conv-math.js';

/**
 * The lesson's MNIST CNN: Conv(1→16, 3×3) → ReLU → MaxPool 2 → Conv(16→10, 3×3) → ReLU → MaxPool 2 →
 * Flatten (250) → Linear(250→128) → ReLU → Linear(128→84) → ReLU → Linear(84→10).
 * Shapes 28 → 26 → 13 → 11 → 5; 45,424 parameters.
 */
export const CNN: ModelSpec = {
  name: 'cnn',
  title: 'The lesson’s MNIST CNN',
  inputShape: [1, 28, 28],
  layers: [
    { type: 'conv2d', name: 'conv1', filters: 16, kernelSize: 3 },
    { type: 'relu', name: 'relu1' },
    { type: 'maxpool2d', name: 'pool1', poolSize: 2 },
    { type: 'conv2d', name: 'conv2', filters: 10, kernelSize: 3 },
    { type: 'relu', name: 'relu2' },
    { type: 'maxpool2d', name: 'pool2', poolSize: 2 },
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'fc1', units: 128 },
    { type: 'relu', name: 'relu3' },
    { type: 'dense', name: 'fc2', units: 84 },
    { type: 'relu', name: 'relu4' },
    { type: 'dense', name: 'fc3', units: 10 },
  ],
};

/** The lesson's vanilla feed-forward net: Linear(784→50) → ReLU → Linear(50→20) → ReLU → Linear(20→10); 40,480 parameters. */
export const FNN: ModelSpec = {
  name: 'fnn',
  title: 'The lesson’s feed-forward network',
  inputShape: [1, 28, 28],
  layers: [
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'fc1', units: 50 },
    { type: 'relu', name: 'relu1' },
    { type: 'dense', name: 'fc2', units: 20 },
    { type: 'relu', name: 'relu2' },
    { type: 'dense', name: 'fc3', units: 10 },
  ],
};

/**
 * torchvision's AlexNet (for summaries only): 224×224×3 input, 61,100,840 parameters,
 * spatial sizes 224 → 55 → 27 → 27 → 13 → 13 → 13 → 13 → 6.
 */
export const ALEXNET: ModelSpec = {
  name: 'alexnet',
  title: 'AlexNet (torchvision)',
  inputShape: [3, 224, 224],
  layers: [
    { type: 'conv2d', name: 'conv1', filters: 64, kernelSize: 11, stride: 4, padding: 2, group: 'features' },
    { type: 'relu', name: 'relu1', group: 'features' },
    { type: 'maxpool2d', name: 'pool1', poolSize: 3, stride: 2, group: 'features' },
    { type: 'conv2d', name: 'conv2', filters: 192, kernelSize: 5, padding: 2, group: 'features' },
    { type: 'relu', name: 'relu2', group: 'features' },
    { type: 'maxpool2d', name: 'pool2', poolSize: 3, stride: 2, group: 'features' },
    { type: 'conv2d', name: 'conv3', filters: 384, kernelSize: 3, padding: 1, group: 'features' },
    { type: 'relu', name: 'relu3', group: 'features' },
    { type: 'conv2d', name: 'conv4', filters: 256, kernelSize: 3, padding: 1, group: 'features' },
    { type: 'relu', name: 'relu4', group: 'features' },
    { type: 'conv2d', name: 'conv5', filters: 256, kernelSize: 3, padding: 1, group: 'features' },
    { type: 'relu', name: 'relu5', group: 'features' },
    { type: 'maxpool2d', name: 'pool3', poolSize: 3, stride: 2, group: 'features' },
    { type: 'adaptiveavgpool2d', name: 'avgpool', outputSize: [6, 6], group: 'features' },
    { type: 'flatten', name: 'flatten', group: 'classifier' },
    { type: 'dropout', name: 'dropout1', rate: 0.5, group: 'classifier' },
    { type: 'dense', name: 'fc1', units: 4096, group: 'classifier' },
    { type: 'relu', name: 'relu6', group: 'classifier' },
    { type: 'dropout', name: 'dropout2', rate: 0.5, group: 'classifier' },
    { type: 'dense', name: 'fc2', units: 4096, group: 'classifier' },
    { type: 'relu', name: 'relu7', group: 'classifier' },
    { type: 'dense', name: 'fc3', units: 1000, group: 'classifier' },
  ],
};

/** Presets by the names writers use in attributes. */
export const MODEL_SPECS: Readonly<Record<'cnn' | 'fnn' | 'alexnet', ModelSpec>> = {
  cnn: CNN,
  fnn: FNN,
  alexnet: ALEXNET,
};
export type ModelName = keyof typeof MODEL_SPECS;
export const isModelName = (s: unknown): s is ModelName =>
  typeof s === 'string' && Object.hasOwn(MODEL_SPECS, s);
