/**
 * Loads named weights (`{ name: 'conv1/kernel', shape, data }[]`, the engine's layouts: what
 * `TrainingSession.weights()` gives and `importSafetensors` returns) into a built model, checked first: every
 * parameter of the model must be given once, with its shape. Nothing is assigned unless everything fits, so a
 * refused file leaves the model as it was.
 */
import { tensor, tidy } from '../tf-ops.js';
import type { NamedWeights } from '../training/protocol.js';
import type { SpecModel } from './build.js';

/** Assigns `weights` to `model`'s variables by name. Throws an Error naming what does not fit. */
export function setModelWeights(model: SpecModel, weights: NamedWeights): void {
  const byName = new Map(weights.map((w) => [w.name, w]));
  const known = new Set(model.weights.map((w) => w.name));
  const strangers = weights.filter((w) => !known.has(w.name)).map((w) => w.name);
  if (strangers.length) throw new Error(`The model "${model.name}" has no ${strangers.join(', ')}.`);
  for (const w of model.weights) {
    const given = byName.get(w.name);
    if (!given) throw new Error(`No weights given for ${w.name}.`);
    const shape = w.variable.shape;
    if (given.shape.length !== shape.length || given.shape.some((d, i) => d !== shape[i])) {
      throw new Error(`${w.name} is ${given.shape.join('×')}, but the model's is ${shape.join('×')}.`);
    }
    if (given.data.length !== w.variable.size) {
      throw new Error(`${w.name} has ${given.data.length} values for a ${shape.join('×')} tensor.`);
    }
  }
  tidy(() => {
    for (const w of model.weights) w.variable.assign(tensor(byName.get(w.name)!.data, w.variable.shape));
  });
}
