import { CnnTrainer } from '../components/cnn-trainer/cnn-trainer.js';
import { defineElement } from '../components/shared/define.js';

defineElement('cnn-trainer', CnnTrainer);

export { CnnTrainer };
declare global {
  interface HTMLElementTagNameMap {
    'cnn-trainer': CnnTrainer;
  }
}
