import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/conv-calculator.js';

interface Args {
  inputSize: string;
  kernelSize: number;
  padding: string;
  stride: number;
  dilation: number;
  inChannels: number;
  outChannels: number;
  mode: 'conv' | 'pool';
  theme?: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Elements/conv-calculator',
  component: 'conv-calculator',
  tags: ['autodocs'],
  argTypes: {
    inputSize: { control: 'text' },
    kernelSize: { control: { type: 'number', min: 1 } },
    padding: { control: 'text' },
    stride: { control: { type: 'number', min: 1 } },
    dilation: { control: { type: 'number', min: 1 } },
    inChannels: { control: { type: 'number', min: 1 } },
    outChannels: { control: { type: 'number', min: 1 } },
    mode: { control: 'inline-radio', options: ['conv', 'pool'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  args: {
    inputSize: '28',
    kernelSize: 3,
    padding: '0',
    stride: 1,
    dilation: 1,
    inChannels: 1,
    outChannels: 1,
    mode: 'conv',
  },
  render: (a) =>
    html`<conv-calculator
      input-size=${a.inputSize}
      kernel-size=${a.kernelSize}
      padding=${a.padding}
      stride=${a.stride}
      dilation=${a.dilation}
      in-channels=${a.inChannels}
      out-channels=${a.outChannels}
      mode=${a.mode}
      theme=${a.theme ?? nothing}
    ></conv-calculator>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
/** The lesson: a 320×320 RGB photo through Conv2d(3→5, K=5) gives 5×316×316 with 380 parameters. */
export const LessonFirstLayer: Story = {
  args: { inputSize: '320', kernelSize: 5, inChannels: 3, outChannels: 5 },
};
/** Then Conv2d(5→8, K=10, P=2, S=2) gives 8×156×156 with 4,008 parameters. */
export const LessonSecondLayer: Story = {
  args: { inputSize: '316', kernelSize: 10, padding: '2', stride: 2, inChannels: 5, outChannels: 8 },
};
/** The 6×6 example: K3, P1, S2 gives 3×3. */
export const SixBySix: Story = { args: { inputSize: '6', kernelSize: 3, padding: '1', stride: 2 } };
export const MaxPooling: Story = {
  args: { mode: 'pool', inputSize: '26', kernelSize: 2, stride: 2, inChannels: 16 },
};
export const NonSquareDilated: Story = { args: { inputSize: '28x32', kernelSize: 3, dilation: 2 } };
export const UnreachedPixels: Story = { args: { inputSize: '7', kernelSize: 2, stride: 2 } };
export const Dark: Story = {
  args: { theme: 'dark', inputSize: '320', kernelSize: 5, inChannels: 3, outChannels: 5 },
};
/** Invalid input shows a message instead of numbers. */
export const ErrorKernelTooLarge: Story = { args: { inputSize: '4', kernelSize: 7 } };
export const ErrorStrideZero: Story = { args: { stride: 0 } };
