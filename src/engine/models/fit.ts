/**
 * The lesson's networks fitted to a dataset: `cnn` and `fnn` as written take 1×28×28 images and give 10 scores;
 * on another dataset the same recipe takes its channels and size and gives one score per class. No TensorFlow.js.
 *
 * What changes, and nothing else: the input shape (so fc1 meets the features that really arrive: 10×5×5 = 250
 * on MNIST, 10×6×6 = 360 on 32×32 RGB), the last Linear's width (the class count), and, for images under 10
 * pixels a side (where two unpadded 3×3 convolutions and two poolings leave nothing), padding 1 on the
 * convolutions. A writer's own `layers` network is never changed: it is checked against the data instead
 * (training/config.ts `checkTrainSpec`), and a count that does not fit is the lesson.
 */
import { walkModel, type ModelSpec } from '../conv-math.js';

/** The dataset facts a network is fitted to. */
export interface FitTarget {
  /** `[height, width, channels]`. */
  shape: readonly [number, number, number] | readonly number[];
  /** Class count (or the class names). */
  classes: number | readonly string[];
}

/**
 * `spec` (a preset) fitted to `target`: input `[C, H, W]`, last dense layer one unit per class, padded
 * convolutions when the image is too small for them unpadded. Returns a new spec; throws a RangeError when even
 * that does not fit (never for 8×8 to 64×64 images and the lesson's presets).
 */
export function fitSpec(spec: ModelSpec, target: FitTarget): ModelSpec {
  const [h, w, c] = target.shape as [number, number, number];
  const classes = typeof target.classes === 'number' ? target.classes : target.classes.length;
  let last = -1;
  spec.layers.forEach((l, i) => {
    if (l.type === 'dense') last = i;
  });
  const layers = spec.layers.map((l, i) =>
    i === last && l.type === 'dense' ? { ...l, units: classes } : { ...l },
  );
  const fitted: ModelSpec = { ...spec, inputShape: [c, h, w], layers };
  if (walkModel(fitted).ok) return fitted;
  const padded: ModelSpec = {
    ...fitted,
    layers: layers.map((l) => (l.type === 'conv2d' && !l.padding ? { ...l, padding: 1 } : l)),
  };
  const walk = walkModel(padded);
  if (walk.ok) return padded;
  throw new RangeError(`The ${spec.name} network does not fit ${w}×${h}×${c} images: ${walk.error}`);
}
