/**
 * cnn-widgets: every element, registered. Import this module (or `dist/cdn/cnn-widgets.js` from a CDN) and
 * write the tags. To register one element only, import `cnn-widgets/<tag>.js`; to register a class under
 * another name, import the class from here and call `customElements.define` yourself.
 */
export * from './define/conv-calculator.js';
export type { ConvCalculatorResult } from './components/conv-calculator/conv-calculator.js';
export * as convMath from './engine/conv-math.js';
export { MODEL_SPECS } from './engine/models/specs.js';
