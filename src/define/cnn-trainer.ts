import { CnnTrainer } from '../components/cnn-trainer/cnn-trainer.js';
import { TrainingCurves } from '../components/cnn-trainer/training-curves.js';
import { defineElement } from '../components/shared/define.js';

// The charts first: the trainer renders them in its first update.
defineElement('cnn-training-curves', TrainingCurves);
defineElement('cnn-trainer', CnnTrainer);

export { CnnTrainer, TrainingCurves };
declare global {
  interface HTMLElementTagNameMap {
    'cnn-trainer': CnnTrainer;
    'cnn-training-curves': TrainingCurves;
  }
  interface GlobalEventHandlersEventMap {
    'data-progress': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerProgressDetail>;
    'train-start': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerStartDetail>;
    'train-batch': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerBatch>;
    'train-epoch': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerEpoch>;
    'train-end': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerEndDetail>;
    'train-error': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').TrainerErrorDetail>;
    'fine-tune': CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').FineTuneResult>;
    dataset: CustomEvent<import('../components/cnn-trainer/cnn-trainer.js').DatasetInfo>;
  }
}
