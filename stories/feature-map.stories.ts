import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/feature-map.js';
import '../src/define/cnn-trainer.js';

interface Args {
  src: string;
  filters: string;
  kernel?: string;
  kernelSize: number;
  padding: number;
  stride: number;
  activation: 'none' | 'relu';
  pool: 0 | 2;
  seed: number;
  compare: boolean;
  layers?: string;
  theme?: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Elements/feature-map',
  component: 'feature-map',
  tags: ['autodocs'],
  argTypes: {
    src: {
      control: 'text',
      description: 'Image URL (empty: the bundled 320×320 cat). Other sites need CORS.',
    },
    filters: {
      control: 'text',
      description:
        'Preset names (identity, edge, sobel-x, sobel-y, laplacian, blur, sharpen, emboss) or a count',
    },
    kernel: { control: 'text', description: 'One custom kernel as JSON, 2-D or 3-D [3][K][K]' },
    kernelSize: { control: { type: 'number', min: 1, max: 15 } },
    padding: { control: { type: 'number', min: 0, max: 16 } },
    stride: { control: { type: 'number', min: 1, max: 16 } },
    activation: { control: 'inline-radio', options: ['none', 'relu'] },
    pool: { control: 'inline-radio', options: [0, 2] },
    seed: { control: 'number' },
    compare: { control: 'boolean' },
    layers: {
      control: 'text',
      description: 'A chain of layers as JSON; replaces the single-layer attributes',
    },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  args: {
    src: '',
    filters: 'sobel-x,sobel-y,laplacian,blur',
    kernelSize: 3,
    padding: 0,
    stride: 1,
    activation: 'none',
    pool: 0,
    seed: 1,
    compare: false,
  },
  render: (a) =>
    html`<feature-map
      src=${a.src || nothing}
      filters=${a.filters}
      kernel=${a.kernel || nothing}
      kernel-size=${a.kernelSize}
      padding=${a.padding}
      stride=${a.stride}
      activation=${a.activation}
      pool=${a.pool}
      seed=${a.seed}
      ?compare=${a.compare}
      layers=${a.layers || nothing}
      theme=${a.theme ?? nothing}
    ></feature-map>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Edge detectors and a blur on the bundled cat. */
export const Default: Story = {};
/** Every preset. */
export const AllPresets: Story = {
  args: { filters: 'identity,edge,sobel-x,sobel-y,laplacian,blur,sharpen,emboss' },
};
/** ReLU zeroes the negatives, max-pooling halves each side: before and after, side by side. */
export const ReluAndPool: Story = {
  args: { filters: 'sobel-x,sobel-y', activation: 'relu', pool: 2, compare: true },
};
/** The lesson's first layer: Conv2d(3→5, K=5) on the 320×320 photo gives 5×316×316 (random filters, like a fresh nn.Conv2d). */
export const LessonFirstLayer: Story = { args: { filters: '5', kernelSize: 5 } };
/** Then Conv2d(5→8, K=10, P=2, S=2) gives 8×156×156. */
export const LessonTwoLayers: Story = {
  args: { layers: '[{"filters":"5","kernelSize":5},{"filters":"8","kernelSize":10,"padding":2,"stride":2}]' },
};
/** Bigger padding and stride shrink the maps. */
export const PaddingAndStride: Story = {
  args: { filters: 'edge,blur', kernelSize: 5, padding: 4, stride: 3 },
};
/** A custom kernel per colour channel: red minus blue. */
export const CustomRgbKernel: Story = {
  args: { kernel: '[[[0,0,0],[0,1,0],[0,0,0]],[[0,0,0],[0,0,0],[0,0,0]],[[0,0,0],[0,-1,0],[0,0,0]]]' },
};
export const Dark: Story = {
  args: { theme: 'dark', filters: 'sobel-x,sobel-y', activation: 'relu', pool: 2, compare: true },
};
/** A trained network's layer: put a `<cnn-trainer id="t">` on the page and point `for` at it. */
export const FromTrainer: Story = {
  render: () =>
    html`<cnn-trainer id="fm-trainer" model="cnn" epochs="1" train-size="2000"></cnn-trainer>
      <feature-map for="fm-trainer" layer="conv1" digit="7"></feature-map>`,
};
/** Bad input is explained, never thrown. */
export const ErrorUnknownFilter: Story = { args: { filters: 'sobel' } };
export const ErrorImageMissing: Story = { args: { src: '/nowhere/cat.png' } };
