import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/digit-pad.js';
import '../src/define/cnn-trainer.js';

interface Args {
  for: string;
  weightsSrc: string;
  dataSrc: string;
  mode: 'draw' | 'teach';
  theme?: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Elements/digit-pad',
  component: 'digit-pad',
  tags: ['autodocs'],
  argTypes: {
    for: { control: 'text', description: 'Id of a <cnn-trainer> whose live model to use' },
    weightsSrc: { control: 'text' },
    dataSrc: { control: 'text' },
    mode: {
      control: 'inline-radio',
      options: ['draw', 'teach'],
      description: 'teach: pick the right label, Teach, then Fine-tune the trainer',
    },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  args: { for: '', weightsSrc: '', dataSrc: '', mode: 'draw' },
  render: (a) =>
    html`<digit-pad
      for=${a.for || nothing}
      weights-src=${a.weightsSrc || nothing}
      data-src=${a.dataSrc || nothing}
      mode=${a.mode === 'teach' ? 'teach' : nothing}
      theme=${a.theme ?? nothing}
    ></digit-pad>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The bundled pretrained CNN: draw a digit, or press "Try a test digit". */
export const Default: Story = {};
export const Dark: Story = { args: { theme: 'dark' } };
/** The weights cannot be downloaded: a message and a Retry button. */
export const WeightsMissing: Story = { args: { weightsSrc: '/no-such-weights.json' } };
/** Connected to a trainer: the pad waits until the trainer has a model, then predicts with its live weights. */
export const WithTrainer: Story = {
  render: () =>
    html`<cnn-trainer id="pad-story-trainer" model="cnn" epochs="1" train-size="6000"></cnn-trainer>
      <digit-pad for="pad-story-trainer"></digit-pad>`,
};
/**
 * Teach it your handwriting: train, draw a digit it reads wrong, pick the right label and press Teach (a few
 * times), then Fine-tune. The pad reads your drawing again; the trainer shows the test accuracy before and after.
 */
export const TeachMode: Story = {
  render: () =>
    html`<cnn-trainer id="pad-teach-trainer" model="cnn" epochs="1" train-size="6000"></cnn-trainer>
      <digit-pad for="pad-teach-trainer" mode="teach"></digit-pad>`,
};
/** Narrow column (320px): the panels stack. */
export const Narrow: Story = { render: () => html`<div style="width:320px"><digit-pad></digit-pad></div>` };
