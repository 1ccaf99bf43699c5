// engine/training/config.ts: resolveConfig refuses a bad setting with one sentence AND the setting it is about,
// so a form marks that field without reading the words. Plain inputs → outputs, no DOM, no TensorFlow.js.
import { expect } from '@esm-bundle/chai';
import { resolveConfig, type TrainConfig } from '../../src/engine/training/config.js';

describe('training/config: resolveConfig', () => {
  const cases: [Partial<TrainConfig>, keyof TrainConfig, RegExp][] = [
    [{ model: 'vgg' as TrainConfig['model'] }, 'model', /^model must be "cnn" or "fnn"/],
    [{ optimizer: 'rmsprop' as TrainConfig['optimizer'] }, 'optimizer', /^optimizer must be/],
    [{ lrSchedule: 'step' as TrainConfig['lrSchedule'] }, 'lrSchedule', /^learning-rate schedule must be/],
    [{ backend: 'metal' as TrainConfig['backend'] }, 'backend', /^backend must be/],
    [{ epochs: 0 }, 'epochs', /^epochs must be a whole number from 1 to 10,000\.$/],
    [{ batchSize: 1.5 }, 'batchSize', /^batch size must be/],
    [{ learningRate: -1 }, 'learningRate', /^learning rate must be/],
    [{ momentum: 1 }, 'momentum', /^momentum must be/],
    [{ trainSize: 60001 }, 'trainSize', /^train size must be/],
    [{ testSize: 0 }, 'testSize', /^test size must be/],
    [{ seed: 0.5 }, 'seed', /^seed must be a whole number\.$/],
    [{ thread: 'gpu' as TrainConfig['thread'] }, 'thread', /^thread must be auto, worker or main\.$/],
  ];
  for (const [partial, field, message] of cases) {
    it(`names "${field}" as the setting a bad ${field} is about`, () => {
      const r = resolveConfig(partial);
      expect(r).to.have.property('field', field);
      expect((r as { error: string }).error).to.match(message);
    });
  }

  it('a good config has no error and no field', () => {
    const r = resolveConfig({ epochs: 3 }, 'notebook');
    expect(r).not.to.have.property('error');
    expect(r).not.to.have.property('field');
    expect((r as TrainConfig).batchSize).to.equal(20);
  });
});
