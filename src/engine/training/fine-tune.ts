/**
 * "Teach it my handwriting": the plain-data half of fine-tuning a trained network on a reader's own examples —
 * what an example is, how a list of them is checked, and which images each fine-tuning step trains on. The
 * tensor half (the steps themselves, on the thread that trains) is fine-tune-run.ts.
 *
 * THE RECIPE. A few optimizer steps (30 by default) at the run's own learning rate, with the run's optimizer
 * (its moments carry on), each on one batch that mixes the taught examples with training images: a network
 * fitted to five drawings alone would forget the other 60,000 in as many steps, and the lesson is that it does
 * not. Each step's batch holds the run's `batchSize` training images drawn at random (seeded) from the training
 * set and, beside them, taught copies making up a tenth as many (at least one; 7 beside a batch of 64), the
 * examples taken in turn from step to step, each copy after an example's first in a step shifted by up to one
 * pixel so the network learns the drawing, not its exact pixels.
 *
 * Why a tenth: measured on the CNN (5 test digits it read wrong, taught with their true labels; 30 steps at
 * 0.001), a network at 93 % on its test set read all five right afterwards and kept its test accuracy within
 * 0.3 points; with the taught copies at a third of each batch it also read them right but lost 5 points — the
 * copies of a few classes pull every prediction towards those classes.
 *
 * SEEDING. The training images and the shifts come from mulberry32 seeded with `deriveSeed(seed, 'fine-tune')`:
 * the same trained weights, seed and examples give the same fine-tuned weights, run after run.
 *
 * LIGHT: no TensorFlow.js, no DOM.
 */
import { deriveSeed, mulberry32 } from '../random.js';
import type { MnistSplit } from './config.js';
import { messagesOf, type Message } from '../messages.js';
import { INPUT_MESSAGES } from '../input.messages.js';

const say = messagesOf(INPUT_MESSAGES);

/**
 * One example a reader taught: an image as the network sees it (`height × width × channels` values in 0..1,
 * row-major, channels last: 784 grey levels for MNIST) and its label, the index of its class.
 */
export interface TaughtExample {
  pixels: Float32Array;
  label: number;
}

/** How to fine-tune (every field optional). */
export interface FineTuneOptions {
  /** Optimizer steps (default 30, at most 200). */
  steps?: number;
  /** Step size (default: the run's `learningRate`, without its schedule). */
  learningRate?: number;
}

/** What a fine-tune did: the steps, the last step's loss, the taught examples read back, and the test set. */
export interface FineTuneResult {
  /** Optimizer steps taken. */
  steps: number;
  /** How many taught examples it trained on. */
  examples: number;
  /** Mean cross-entropy of the last step's batch (before its update). */
  loss: number;
  /** The class each taught example is predicted as after fine-tuning (in the order given). */
  predicted: number[];
  /** How many taught examples are now predicted as their own label. */
  correct: number;
  /** Accuracy on the evaluated test images after fine-tuning (null if the evaluation did not run). */
  testAccuracy: number | null;
  /** The same before fine-tuning (the run's last evaluation), to show that the test set is not forgotten. */
  previousTestAccuracy: number | null;
}

/** The most fine-tuning steps one call may take. */
export const MAX_FINE_TUNE_STEPS = 200;
/** Default fine-tuning steps. */
export const FINE_TUNE_STEPS = 30;
/** Taught copies in a step's batch, as a fraction of its training images (see the recipe above). */
const TAUGHT_SHARE = 0.1;
/** The most taught copies in one step's batch. */
const MAX_TAUGHT_PER_STEP = 64;
/** The most taught examples one call accepts (a reader teaches a handful; a writer's script a few hundred). */
export const MAX_TAUGHT_EXAMPLES = 1000;

/** What an image is for the network being tuned: `[height, width, channels]` and the number of classes. */
export interface ExampleTarget {
  shape: readonly [number, number, number];
  classes: number;
}

/**
 * Checks taught examples against the network: a non-empty array (at most 1,000) of `{ pixels, label }`, each
 * with `h·w·c` finite values (clamped to 0..1) and a whole label below the class count. Returns clean copies
 * (`Float32Array` pixels) or one sentence naming the first bad example.
 */
export function checkExamples(
  examples: unknown,
  target: ExampleTarget,
): TaughtExample[] | { error: string; message: Message } {
  const [h, w, c] = target.shape;
  const size = h * w * c;
  const bad = (m: Message) => ({ error: m.text, message: m });
  if (!Array.isArray(examples)) return bad(say('examples.notArray'));
  if (examples.length === 0) return bad(say('examples.empty'));
  if (examples.length > MAX_TAUGHT_EXAMPLES)
    return bad(say('examples.tooMany', { max: MAX_TAUGHT_EXAMPLES, got: examples.length }));
  const out: TaughtExample[] = [];
  for (const [i, e] of examples.entries()) {
    const n = i + 1;
    const ex = e as Partial<TaughtExample> | null;
    if (typeof ex !== 'object' || ex === null) return bad(say('examples.notExample', { n }));
    const label = ex.label;
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label >= target.classes) {
      return bad(
        say('examples.label', {
          n,
          label: JSON.stringify(label ?? null) ?? 'null',
          last: target.classes - 1,
        }),
      );
    }
    const px = ex.pixels as ArrayLike<unknown> | undefined;
    if (!px || typeof px !== 'object' || typeof px.length !== 'number' || px.length !== size) {
      const got = px && typeof px.length === 'number' ? px.length : -1;
      return bad(say('examples.pixels', { n, got, size, shape: `${h}×${w}${c > 1 ? `×${c}` : ''}` }));
    }
    const pixels = new Float32Array(size);
    for (let p = 0; p < size; p++) {
      const v = px[p];
      if (typeof v !== 'number' || !Number.isFinite(v)) return bad(say('examples.pixel', { n, index: p }));
      pixels[p] = Math.min(1, Math.max(0, v));
    }
    out.push({ pixels, label });
  }
  return out;
}

/** The checked number of steps (or a sentence). */
export function checkSteps(steps: unknown): number | { error: string; message: Message } {
  const s = steps ?? FINE_TUNE_STEPS;
  if (typeof s !== 'number' || !Number.isInteger(s) || s < 1 || s > MAX_FINE_TUNE_STEPS) {
    const m = say('examples.steps', { max: MAX_FINE_TUNE_STEPS });
    return { error: m.text, message: m };
  }
  return s;
}

/**
 * A taught image shifted by whole pixels (`dx` right, `dy` down), as bytes 0..255 like the training images;
 * what moves out of the frame is lost, what comes in is 0.
 */
export function shiftedBytes(
  pixels: Float32Array,
  shape: readonly [number, number, number],
  dx: number,
  dy: number,
  into: Uint8Array,
  offset: number,
): void {
  const [h, w, c] = shape;
  into.fill(0, offset, offset + h * w * c);
  for (let y = 0; y < h; y++) {
    const sy = y - dy;
    if (sy < 0 || sy >= h) continue;
    for (let x = 0; x < w; x++) {
      const sx = x - dx;
      if (sx < 0 || sx >= w) continue;
      for (let k = 0; k < c; k++)
        into[offset + (y * w + x) * c + k] = Math.round(pixels[(sy * w + sx) * c + k]! * 255);
    }
  }
}

/** How a fine-tune draws its batches: the shape, the run's batch size and seed, and the training images. */
export interface FineTunePlanOptions {
  shape: readonly [number, number, number];
  batchSize: number;
  seed: number;
  train: MnistSplit;
}

/**
 * The batches of a fine-tune, one per call of `next()`: a split of `count` images (the step's taught copies
 * first, then its training images), in the training data's format, so the loop's own step trains on it.
 * Deterministic: the same options and examples give the same batches.
 */
export function fineTunePlan(
  examples: readonly TaughtExample[],
  options: FineTunePlanOptions,
): { next(): MnistSplit } {
  const { shape, train } = options;
  const size = shape[0] * shape[1] * shape[2];
  const random = mulberry32(deriveSeed(options.seed, 'fine-tune'));
  const mix = Math.max(1, Math.min(options.batchSize, train.count));
  const taught = Math.max(1, Math.min(MAX_TAUGHT_PER_STEP, Math.ceil(mix * TAUGHT_SHARE)));
  const distinct = Math.min(examples.length, taught);
  let cursor = 0;
  return {
    next(): MnistSplit {
      const count = taught + (train.count > 0 ? mix : 0);
      const images = new Uint8Array(count * size);
      const labels = new Uint8Array(count);
      for (let i = 0; i < taught; i++) {
        const e = examples[(cursor + i) % examples.length]!;
        // In each step the first copy of an example as drawn; the others shifted by up to a pixel each way.
        const dx = i < distinct ? 0 : Math.floor(random() * 3) - 1;
        const dy = i < distinct ? 0 : Math.floor(random() * 3) - 1;
        shiftedBytes(e.pixels, shape, dx, dy, images, i * size);
        labels[i] = e.label;
      }
      cursor = (cursor + taught) % examples.length;
      for (let i = taught; i < count; i++) {
        const idx = Math.floor(random() * train.count);
        images.set(train.images.subarray(idx * size, (idx + 1) * size), i * size);
        labels[i] = train.labels[idx]!;
      }
      return { images, labels, count };
    },
  };
}
