import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/kernel-viewer.js';

interface Args {
  inputSize: string;
  kernelSize: number;
  padding: number;
  stride: number;
  dilation: number;
  channels: number;
  seed: number;
  input?: string;
  kernel?: string;
  step: number;
  theme?: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Elements/kernel-viewer',
  component: 'kernel-viewer',
  tags: ['autodocs'],
  argTypes: {
    inputSize: { control: 'text' },
    kernelSize: { control: { type: 'number', min: 1, max: 7 } },
    padding: { control: { type: 'number', min: 0, max: 8 } },
    stride: { control: { type: 'number', min: 1 } },
    dilation: { control: { type: 'number', min: 1 } },
    channels: { control: { type: 'number', min: 1, max: 4 } },
    seed: { control: 'number' },
    input: { control: 'text', description: 'JSON: [rows][cols] or [channels][rows][cols]' },
    kernel: { control: 'text', description: 'JSON: [rows][cols] or [channels][rows][cols]' },
    step: { control: { type: 'number', min: 0 } },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  args: { inputSize: '6', kernelSize: 3, padding: 1, stride: 2, dilation: 1, channels: 1, seed: 1, step: 0 },
  render: (a) =>
    html`<kernel-viewer
      input-size=${a.inputSize}
      kernel-size=${a.kernelSize}
      padding=${a.padding}
      stride=${a.stride}
      dilation=${a.dilation}
      channels=${a.channels}
      seed=${a.seed}
      input=${a.input ?? nothing}
      kernel=${a.kernel ?? nothing}
      .step=${a.step}
      theme=${a.theme ?? nothing}
    ></kernel-viewer>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The lesson's picture: a 6×6 input, 3×3 kernel, padding 1, stride 2 → a 3×3 output. */
export const Default: Story = {};
/** Half-way through: five output cells filled. */
export const HalfWay: Story = { args: { step: 4 } };
/** An RGB kernel: each channel's products sum separately (R 8, G 12, B 12) and the sums add up to 32. */
export const RgbSumsOverChannels: Story = {
  args: {
    padding: 0,
    stride: 1,
    input: '[[[1,1,1],[1,0,1],[1,1,1]],[[1,1,1],[1,1,1],[1,1,1]],[[0,2,0],[2,4,2],[0,2,0]]]',
    kernel: '[[[1,1,1],[1,1,1],[1,1,1]],[[1,1,1],[1,4,1],[1,1,1]],[[1,1,1],[1,1,1],[1,1,1]]]',
  },
};
/** Random RGB values on a 5×5 input. */
export const RandomRgb: Story = { args: { channels: 3, inputSize: '5', padding: 0, stride: 1 } };
/** A vertical-edge kernel on a picture with an edge. */
export const EdgeKernel: Story = {
  args: {
    padding: 0,
    stride: 1,
    input: '[[0,0,0,9,9,9],[0,0,0,9,9,9],[0,0,0,9,9,9],[0,0,0,9,9,9],[0,0,0,9,9,9],[0,0,0,9,9,9]]',
    kernel: '[[-1,0,1],[-1,0,1],[-1,0,1]]',
  },
};
/** Dilation 2 spreads the kernel taps apart. */
export const Dilated: Story = { args: { inputSize: '7', padding: 0, stride: 1, dilation: 2 } };
export const Dark: Story = { args: { theme: 'dark', step: 4 } };
/** Bad input is explained, never thrown: a ragged array. */
export const ErrorRagged: Story = { args: { input: '[[1,2,3],[4,5]]' } };
/** Bad input: the input has 2 channels but the kernel 1. */
export const ErrorChannels: Story = { args: { input: '[[[1,2],[3,4]],[[5,6],[7,8]]]', kernel: '[[1]]' } };
