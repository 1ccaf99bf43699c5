/**
 * What the trainer asks of the engine beyond the run itself: the session it creates (through the engine's one
 * lazy "tensor side" entry, so a page that never starts training downloads no TensorFlow.js), and the network
 * taken out of the page and brought back in (the PyTorch script, the weights as safetensors).
 */
import type { TrainConfig } from '../../engine/training/config.js';
import type { TrainerSession } from '../../engine/training/types.js';

/** Creates the engine's training session, loading TensorFlow.js on first use. */
export async function createTrainingSession(config: TrainConfig): Promise<TrainerSession> {
  const mod = (await import('../../engine/tensor.js')) as unknown as {
    TrainingSession?: new (c: TrainConfig) => TrainerSession;
  };
  if (!mod.TrainingSession) throw new Error('This build of cnn-widgets has no training engine.');
  return new mod.TrainingSession(config);
}
