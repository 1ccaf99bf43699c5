import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/confusion-matrix.js';
import '../src/define/cnn-trainer.js';

interface Args {
  matrix: unknown;
  labels: string;
  normalize: boolean;
  theme?: 'light' | 'dark';
}

/** A plausible MNIST confusion matrix (10,000 test images, ~97% accurate; 4↔9, 3↔5 and 7→2 are the usual mix-ups). */
const MNIST: number[][] = [
  [971, 0, 1, 0, 0, 2, 3, 1, 2, 0],
  [0, 1124, 2, 1, 0, 1, 3, 0, 4, 0],
  [5, 2, 1001, 4, 2, 0, 2, 10, 6, 0],
  [0, 0, 4, 982, 0, 11, 0, 5, 5, 3],
  [1, 0, 2, 0, 956, 0, 4, 2, 2, 15],
  [2, 0, 0, 9, 1, 867, 6, 1, 4, 2],
  [6, 3, 1, 0, 3, 5, 937, 0, 3, 0],
  [1, 3, 12, 2, 1, 0, 0, 997, 2, 10],
  [4, 1, 3, 6, 3, 5, 3, 4, 941, 4],
  [3, 4, 0, 6, 10, 4, 1, 7, 5, 969],
];

const meta: Meta<Args> = {
  title: 'Elements/confusion-matrix',
  component: 'confusion-matrix',
  tags: ['autodocs'],
  argTypes: {
    matrix: { control: 'object', description: 'n×n counts, rows = actual class (property)' },
    labels: { control: 'text' },
    normalize: { control: 'boolean' },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  args: { matrix: MNIST, labels: '', normalize: false },
  render: (a) =>
    html`<confusion-matrix
      .matrix=${a.matrix as number[][]}
      labels=${a.labels || nothing}
      ?normalize=${a.normalize}
      theme=${a.theme ?? nothing}
      @cell-select=${(e: CustomEvent) => console.log('cell-select', e.detail)}
    ></confusion-matrix>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A trained MNIST CNN's confusion on the 10,000 test images: rows are the actual digit. */
export const Default: Story = {};
/** Row fractions: how each actual digit was spread over the predictions (recall on the diagonal). */
export const Normalized: Story = { args: { normalize: true } };
/** Any classes, with labels. */
export const Labelled: Story = {
  args: {
    matrix: [
      [40, 8, 2],
      [5, 30, 15],
      [1, 9, 40],
    ],
    labels: 'cat,dog,fox',
  },
};
export const Dark: Story = { args: { theme: 'dark', normalize: true } };
/** Bad input is explained, never thrown. */
export const NotSquare: Story = { args: { matrix: [[1, 2], [3]] } };
export const NegativeCount: Story = {
  args: {
    matrix: [
      [1, -2],
      [3, 4],
    ],
  },
};
export const LabelsMismatch: Story = { args: { labels: 'a,b,c' } };
/** Bound to a trainer: fills in after each epoch; click a cell to see its test images. */
export const ForATrainer: Story = {
  render: () =>
    html`<cnn-trainer id="cm-story-trainer" epochs="1" train-size="6000"></cnn-trainer>
      <confusion-matrix for="cm-story-trainer"></confusion-matrix>`,
};
