/**
 * `cnn-widgets/classes`: every element class, WITHOUT registering any tag. Use it to register an element under
 * a name of your own (a class can be registered only once per page, so this entry must not define the default
 * tags first):
 *
 *   import { ConvCalculator } from 'cnn-widgets/classes';
 *   customElements.define('my-conv-calculator', ConvCalculator);
 */
export { ConvCalculator } from './components/conv-calculator/conv-calculator.js';
export { KernelViewer } from './components/kernel-viewer/kernel-viewer.js';
export { FeatureMap } from './components/feature-map/feature-map.js';
export { ModelSummary } from './components/model-summary/model-summary.js';
export { CnnTrainer } from './components/cnn-trainer/cnn-trainer.js';
export { TrainingCurves } from './components/cnn-trainer/training-curves.js';
export { ConfusionMatrix } from './components/confusion-matrix/confusion-matrix.js';
export { DigitPad } from './components/digit-pad/digit-pad.js';
