/**
 * cnn-widgets: every element, registered. Import this module (or `dist/cdn/cnn-widgets.js` from a CDN) and
 * write the tags. To register one element only, import `cnn-widgets/<tag>.js`; to register a class under
 * another name, import the class from here and call `customElements.define` yourself.
 *
 * Nothing here imports TensorFlow.js: the engine's tensor side loads with `import()` on first need.
 */
export * from './define/conv-calculator.js';
export * from './define/kernel-viewer.js';
export * from './define/feature-map.js';
export * from './define/model-summary.js';
export * from './define/cnn-trainer.js';
export * from './define/confusion-matrix.js';
export * from './define/digit-pad.js';
export type { ConvCalculatorResult } from './components/conv-calculator/conv-calculator.js';
export type { CellSelectDetail } from './components/confusion-matrix/confusion-matrix.js';
export * as convMath from './engine/conv-math.js';
export { MODEL_SPECS } from './engine/models/specs.js';
export { setAssetBase, assetUrl } from './engine/assets.js';
// Languages: the complete English table and the shipped ones are in `cnn-widgets/translations`.
export { registerTranslation, loadTranslation, type Translation } from './components/shared/localize.js';
// The engine (MNIST loader, training, TensorFlow.js) is its own entry, `cnn-widgets/engine`, so that this
// module stays light.
