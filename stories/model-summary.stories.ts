import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/model-summary.js';

interface Args {
  model: string;
  inputShape: string;
  denseHidden: number;
  theme?: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Elements/model-summary',
  component: 'model-summary',
  tags: ['autodocs'],
  argTypes: {
    model: { control: 'inline-radio', options: ['cnn', 'fnn', 'alexnet'] },
    inputShape: { control: 'text' },
    denseHidden: { control: { type: 'number', min: 1 } },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  args: { model: 'cnn', inputShape: '', denseHidden: 500 },
  render: (a) =>
    html`<model-summary
      model=${a.model}
      input-shape=${a.inputShape || nothing}
      dense-hidden=${a.denseHidden}
      theme=${a.theme ?? nothing}
    ></model-summary>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The lesson's MNIST CNN: 28 → 26 → 13 → 11 → 5, 45,424 parameters. */
export const Default: Story = {};
/** torchvision's AlexNet: 61,100,840 parameters, features then classifier. */
export const AlexNet: Story = { args: { model: 'alexnet' } };
/** The feed-forward network the CNN beats: 40,480 parameters. */
export const FeedForward: Story = { args: { model: 'fnn' } };
/** The lesson's argument: a 100×100 image into 500 hidden units needs 5,000,000 weights. */
export const DenseVersusConv: Story = { args: { inputShape: '100x100' } };
/** Too small an input: the table stops at the layer that cannot be computed and says why. */
export const InputTooSmall: Story = { args: { inputShape: '6' } };
export const UnknownModel: Story = { args: { model: 'resnet' } };
export const Dark: Story = { args: { model: 'alexnet', theme: 'dark' } };
/** Following a trainer by id: the summary shows whatever model the trainer is set to. */
export const ForATrainer: Story = {
  render: () =>
    html`<label
        >Trainer model
        <select
          @change=${(e: Event) => document.getElementById('story-trainer')!.setAttribute('model', (e.target as HTMLSelectElement).value)}
        >
          <option>cnn</option>
          <option>fnn</option>
        </select></label
      >
      <div id="story-trainer" model="cnn"></div>
      <model-summary for="story-trainer"></model-summary>`,
};
