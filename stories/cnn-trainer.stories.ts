import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/cnn-trainer.js';
import '../src/define/confusion-matrix.js';

interface Args {
  model: string;
  preset: string;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  lrSchedule: string;
  optimizer: string;
  trainSize?: number;
  seed?: number;
  backend: string;
  dataSrc: string;
  autostart: boolean;
  theme?: 'light' | 'dark';
}

const num = (v: number | undefined) => (v === undefined || v === null ? nothing : String(v));

const meta: Meta<Args> = {
  title: 'Elements/cnn-trainer',
  component: 'cnn-trainer',
  tags: ['autodocs'],
  argTypes: {
    model: { control: 'inline-radio', options: ['cnn', 'fnn'] },
    preset: { control: 'inline-radio', options: ['', 'notebook'] },
    epochs: { control: { type: 'number', min: 1 } },
    batchSize: { control: { type: 'number', min: 1 } },
    learningRate: { control: { type: 'number', min: 0, step: 0.0005 } },
    lrSchedule: {
      control: 'inline-radio',
      options: ['', 'cooldown', 'constant', 'cosine'],
    },
    optimizer: { control: 'inline-radio', options: ['adam', 'sgd'] },
    trainSize: { control: { type: 'number', min: 1, max: 60000 } },
    seed: { control: 'number' },
    backend: { control: 'select', options: ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] },
    dataSrc: { control: 'text' },
    autostart: { control: 'boolean' },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  args: {
    model: 'cnn',
    preset: '',
    lrSchedule: '',
    optimizer: 'adam',
    backend: 'auto',
    dataSrc: '',
    autostart: false,
    epochs: 1,
    trainSize: 6000,
  },
  render: (a) =>
    html`<cnn-trainer
      model=${a.model}
      preset=${a.preset || nothing}
      epochs=${num(a.epochs)}
      batch-size=${num(a.batchSize)}
      learning-rate=${num(a.learningRate)}
      lr-schedule=${a.lrSchedule || nothing}
      optimizer=${a.optimizer}
      train-size=${num(a.trainSize)}
      seed=${num(a.seed)}
      backend=${a.backend}
      data-src=${a.dataSrc || nothing}
      ?autostart=${a.autostart}
      theme=${a.theme ?? nothing}
    ></cnn-trainer>`,
};
export default meta;
type Story = StoryObj<Args>;

/** One epoch of the lesson's CNN on 6,000 images: press Start. */
export const Default: Story = {};
/** The plain feed-forward net, for comparison. */
export const FeedForward: Story = { args: { model: 'fnn' } };
/** The lesson's own recipe: 500 training and 500 test images, batch 20, Adam at a constant 0.01, 200 epochs, seed 1234. */
export const Notebook: Story = { args: { preset: 'notebook', epochs: undefined, trainSize: undefined } };
/** The lesson's comparison: FNN and CNN trained side by side on the same data; the CNN ends clearly ahead. */
export const Comparison: Story = {
  render: () =>
    html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px">
      <cnn-trainer model="fnn" epochs="2" train-size="12000"></cnn-trainer>
      <cnn-trainer model="cnn" epochs="2" train-size="12000"></cnn-trainer>
    </div>`,
};
/** With a confusion matrix following it. */
export const WithConfusionMatrix: Story = {
  render: () =>
    html`<cnn-trainer id="trainer-story" epochs="1" train-size="6000"></cnn-trainer>
      <confusion-matrix for="trainer-story"></confusion-matrix>`,
};
export const Dark: Story = { args: { theme: 'dark' } };
/** Bad settings: a clear message, Start disabled. */
export const BadEpochs: Story = { args: { epochs: 0 } };
export const TooMuchWork: Story = { args: { epochs: 100, trainSize: 60000 } };
/** A data download that fails (wrong data-src): the error offers Retry and fires train-error. */
export const DownloadFails: Story = { args: { dataSrc: '/no-such-folder/' } };
