import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/cnn-trainer.js';
import type { TrainingCurves } from '../src/components/cnn-trainer/training-curves.js';

interface Args {
  epochs: number;
  /** Epochs of the made-up run fed to the element (0: none yet). */
  fed: number;
  chartHeight: string;
}

/** Batches per epoch of the made-up run (the lesson's 60,000 images in batches of 64 would be 938). */
const BATCHES = 120;

/**
 * A made-up but plausible MNIST run, the same every time (a fixed LCG, not Math.random): the loss falls from
 * ln 10 ≈ 2.3 towards 0.05 and the accuracy rises from chance towards 98%, each batch a little noisy.
 */
function feedRun(el: TrainingCurves, epochs: number): void {
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.12;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let batch = 1; batch <= BATCHES; batch++) {
      const t = epoch - 1 + batch / BATCHES;
      const progress = 1 - Math.exp(-3 * t);
      el.addBatch({
        epoch,
        batch,
        batches: BATCHES,
        loss: Math.max(0.01, 2.3 - 2.25 * progress + noise()),
        accuracy: Math.min(1, Math.max(0, 0.1 + 0.88 * progress + noise() / 2)),
        imagesPerSecond: 900,
      });
    }
    const progress = 1 - Math.exp(-3 * epoch);
    el.addEpoch({
      epoch,
      loss: 2.3 - 2.25 * progress,
      accuracy: 0.1 + 0.88 * progress,
      testAccuracy: 0.1 + 0.87 * progress,
    });
  }
}

/**
 * `<cnn-training-curves>` is the pair of charts inside `<cnn-trainer>`; the trainer feeds it with `feed()` as its
 * session reports batches and epochs. On its own it draws whatever `addBatch()` and `addEpoch()` give it.
 */
const meta: Meta<Args> = {
  title: 'Elements/cnn-training-curves',
  component: 'cnn-training-curves',
  tags: ['autodocs'],
  argTypes: {
    epochs: { control: { type: 'number', min: 1 } },
    fed: { control: { type: 'number', min: 0, max: 10 }, description: 'epochs of a made-up run fed to it' },
    chartHeight: { control: 'text', description: '--cnn-trainer-chart-height' },
  },
  args: { epochs: 3, fed: 3, chartHeight: '' },
  render: (a) => {
    const el = document.createElement('cnn-training-curves');
    el.epochs = a.epochs;
    if (a.chartHeight) el.style.setProperty('--cnn-trainer-chart-height', a.chartHeight);
    feedRun(el, a.fed);
    return el;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Three epochs: the smoothed loss and training accuracy per batch, the test accuracy marked after each epoch. */
export const Default: Story = {};
/** Halfway through a run: the x axis already spans every epoch, so the curves grow to the right. */
export const MidRun: Story = { args: { epochs: 6, fed: 2 } };
/** Before the first batch: the axes only, at their fixed height, so the page does not move when data arrives. */
export const Empty: Story = { args: { fed: 0 } };
/** Taller charts through `--cnn-trainer-chart-height`. */
export const Tall: Story = { args: { chartHeight: '260px' } };
