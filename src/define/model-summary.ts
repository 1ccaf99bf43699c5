import { ModelSummary } from '../components/model-summary/model-summary.js';
import { defineElement } from '../components/shared/define.js';

defineElement('model-summary', ModelSummary);

export { ModelSummary };
declare global {
  interface HTMLElementTagNameMap {
    'model-summary': ModelSummary;
  }
}
