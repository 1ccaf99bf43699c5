import { DigitPad } from '../components/digit-pad/digit-pad.js';
import { defineElement } from '../components/shared/define.js';

defineElement('digit-pad', DigitPad);

export { DigitPad };
declare global {
  interface HTMLElementTagNameMap {
    'digit-pad': DigitPad;
  }
  interface GlobalEventHandlersEventMap {
    predict: CustomEvent<import('../components/digit-pad/digit-pad.js').DigitPrediction>;
  }
}
