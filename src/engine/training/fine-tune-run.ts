/**
 * The tensor half of fine-tuning (the recipe and its seeding are in fine-tune.ts): a few steps of the training
 * loop's own `step` on the planned batches, on the thread that trains — a Worker or, in the fallback, the main
 * thread in the loop's time slices — then the test set evaluated again and the taught examples read back.
 * Using the loop's step means the same optimizer (its moments carry on from training), the same gradient
 * maths on every backend, the same micro-batches on the main thread (no task over 50 ms), the same helpers
 * with data-parallel Workers, and the same memory discipline (every step's tensors freed).
 */
import { readBack } from '../backend.js';
import type { TrainerCore } from './core.js';
import { MessageError, messagesOf } from '../messages.js';
import { SESSION_MESSAGES } from './session.messages.js';
import { yieldToEventLoop, type Evaluation } from './events.js';
import { fineTunePlan, type FineTuneOptions, type TaughtExample } from './fine-tune.js';

const tell = messagesOf(SESSION_MESSAGES);

/** What the thread that trains sends back; the session turns it into a `FineTuneResult`. */
export interface FineTuneOutcome {
  steps: number;
  loss: number;
  predicted: number[];
  evaluation: Evaluation | null;
}

/**
 * Fine-tunes `core`'s model on checked examples (see fine-tune.ts); `steps` is already checked. `disposed` is
 * asked between steps: a session disposed meanwhile ends the fine-tune there (rejecting).
 */
export async function fineTuneCore(
  core: TrainerCore,
  examples: readonly TaughtExample[],
  options: FineTuneOptions & { steps: number },
  disposed: () => boolean = () => false,
): Promise<FineTuneOutcome> {
  const { config } = core;
  const { shape, pixels: P, classes: K } = core.input;
  const plan = fineTunePlan(examples, {
    shape,
    batchSize: config.batchSize,
    seed: config.seed,
    train: { ...core.data.train, count: core.trainSize },
  });
  core.setLearningRate(options.learningRate ?? config.learningRate);
  let loss = NaN;
  for (let s = 0; s < options.steps; s++) {
    if (disposed()) throw new MessageError(tell('session.disposed'));
    const batch = plan.next();
    const order = new Uint32Array(batch.count).map((_, i) => i);
    const stats = await core.step(order, 0, batch.count, batch);
    try {
      loss = ((await readBack(core.backend, () => stats.data())) as Float32Array)[0]!;
    } finally {
      stats.dispose();
    }
    if (!Number.isFinite(loss)) throw new MessageError(tell('session.diverged', { step: s + 1 }));
    await yieldToEventLoop(); // a dispose (or a predict call) gets through between steps
  }
  const evaluation = await core.evaluate();
  const pixels = new Float32Array(examples.length * P);
  examples.forEach((e, i) => pixels.set(e.pixels, i * P));
  const probabilities = await core.predict(pixels, examples.length);
  const predicted = examples.map((_, i) => {
    let best = 0;
    for (let k = 1; k < K; k++) if (probabilities[i * K + k]! > probabilities[i * K + best]!) best = k;
    return best;
  });
  return { steps: options.steps, loss, predicted, evaluation };
}
