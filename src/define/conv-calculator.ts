import { ConvCalculator } from '../components/conv-calculator/conv-calculator.js';
import { defineElement } from '../components/shared/define.js';

defineElement('conv-calculator', ConvCalculator);

export { ConvCalculator };
declare global {
  interface HTMLElementTagNameMap {
    'conv-calculator': ConvCalculator;
  }
}
