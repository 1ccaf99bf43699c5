import { ConfusionMatrix } from '../components/confusion-matrix/confusion-matrix.js';
import { defineElement } from '../components/shared/define.js';

defineElement('confusion-matrix', ConfusionMatrix);

export { ConfusionMatrix };
declare global {
  interface HTMLElementTagNameMap {
    'confusion-matrix': ConfusionMatrix;
  }
  interface GlobalEventHandlersEventMap {
    'cell-select': CustomEvent<import('../components/confusion-matrix/confusion-matrix.js').CellSelectDetail>;
  }
}
