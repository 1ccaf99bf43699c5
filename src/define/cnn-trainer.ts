import { CnnTrainer } from '../components/cnn-trainer/cnn-trainer.js';
import { defineElement } from '../components/shared/define.js';

defineElement('cnn-trainer', CnnTrainer);

export { CnnTrainer };
declare global {
  interface HTMLElementTagNameMap {
    'cnn-trainer': CnnTrainer;
  }
  interface GlobalEventHandlersEventMap {
    'data-progress': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerProgressDetail>;
    'train-start': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerStartDetail>;
    'train-batch': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerBatch>;
    'train-epoch': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerEpoch>;
    'train-end': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerEndDetail>;
    'train-error': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerErrorDetail>;
  }
}
