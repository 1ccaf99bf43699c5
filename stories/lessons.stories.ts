import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import '../src/index.js';

/**
 * The lesson, as the notebook flows: convolution arithmetic → kernels → feature maps → AlexNet → training the CNN
 * against the FNN → the confusion matrix → drawing a digit. Each story composes several widgets the way a writer
 * would on a page.
 */
const meta: Meta = {
  title: 'Lessons',
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj;

const prose = (text: string) =>
  html`<p style="max-width: 70ch; font-family: Georgia, serif; line-height: 1.55">${text}</p>`;

export const OneConvolutionArithmetic: Story = {
  name: '1. Convolution arithmetic',
  render: () => html`
    ${prose('Why not a dense network? A 100×100 image into 500 hidden units needs 5,000,000 weights:')}
    <model-summary model="fnn" input-shape="1x100x100"></model-summary>
    ${prose('A 320×320 RGB photo through Conv2d(3→5, K=5), then Conv2d(5→8, K=10, P=2, S=2):')}
    <conv-calculator input-size="320" kernel-size="5" in-channels="3" out-channels="5"></conv-calculator>
    <conv-calculator
      input-size="316"
      kernel-size="10"
      padding="2"
      stride="2"
      in-channels="5"
      out-channels="8"
    ></conv-calculator>
  `,
};

export const TwoKernels: Story = {
  name: '2. A kernel, step by step',
  render: () => html`
    ${prose('A 6×6 image, a 3×3 kernel, padding 1, stride 2:')}
    <kernel-viewer></kernel-viewer>
    ${prose('An RGB kernel: each channel gives a sum, and the three sums are added (8 + 12 + 12 = 32 in the lesson).')}
    <kernel-viewer
      padding="0"
      stride="1"
      input="[[[1,1,1],[1,0,1],[1,1,1]],[[1,1,1],[1,1,1],[1,1,1]],[[0,2,0],[2,4,2],[0,2,0]]]"
      kernel="[[[1,1,1],[1,1,1],[1,1,1]],[[1,1,1],[1,4,1],[1,1,1]],[[1,1,1],[1,1,1],[1,1,1]]]"
    ></kernel-viewer>
  `,
};

export const ThreeFeatureMaps: Story = {
  name: '3. Feature maps of a photo',
  render: () => html`
    ${prose('Edge detectors and blur on the cat; then ReLU and max-pooling.')}
    <feature-map filters="sobel-x,sobel-y,laplacian,blur"></feature-map>
    <feature-map filters="sobel-x,sobel-y" activation="relu" pool="2" compare></feature-map>
  `,
};

export const FourAlexNet: Story = {
  name: '4. AlexNet',
  render: () => html`<model-summary model="alexnet"></model-summary>`,
};

export const FiveTrainCnnVsFnn: Story = {
  name: '5. Train the CNN against the FNN',
  render: () => html`
    ${prose('Press Start on both. The same data, the same optimiser: the convolutional network ends clearly ahead.')}
    <div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px">
      <cnn-trainer id="lesson-fnn" model="fnn" epochs="2" train-size="10000"></cnn-trainer>
      <cnn-trainer id="lesson-cnn" model="cnn" epochs="2" train-size="10000"></cnn-trainer>
    </div>
  `,
};

export const SixConfusionMatrix: Story = {
  name: '6. Confusion matrix',
  render: () => html`
    ${prose('Train, then see which digits the network confuses. Click a cell to see those test images.')}
    <cnn-trainer id="lesson-cm" model="cnn" epochs="1" train-size="10000"></cnn-trainer>
    <confusion-matrix for="lesson-cm"></confusion-matrix>
  `,
};

export const SevenDrawADigit: Story = {
  name: '7. Draw a digit',
  render: () => html`
    ${prose('Draw a digit: a pretrained copy of the lesson’s CNN reads it, and every layer lights up.')}
    <digit-pad></digit-pad>
  `,
};

/**
 * Fashion-MNIST, packed by `npx cnn-widgets pack` from Debian's dataset-fashion-mnist when `npm run build` finds
 * it (scripts/examples-data.mjs), served beside the stories at examples-data/ (.storybook/main.ts).
 */
const fashionLesson = async () => {
  try {
    const res = await fetch('examples-data/datasets.json');
    const index = (await res.json()) as { 'fashion-mnist'?: string | null; notes?: Record<string, string> };
    const folder = index['fashion-mnist'];
    if (!folder) throw new Error(index.notes?.['fashion-mnist'] ?? 'it was not packed');
    return html`
      <div
        style="display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px;align-items:start"
      >
        <cnn-trainer id="lesson-fashion" data-src=${`examples-data/${folder}`} epochs="1"></cnn-trainer>
        <confusion-matrix for="lesson-fashion"></confusion-matrix>
      </div>
    `;
  } catch (e) {
    return prose(
      `Fashion-MNIST is not packed for this Storybook, so this lesson cannot train here: ${e instanceof Error ? e.message : String(e)}.`,
    );
  }
};

export const EightYourOwnData: Story = {
  name: '8. Your own data: Fashion-MNIST',
  render: () => html`
    ${prose(
      'The same network on clothes instead of digits: Fashion-MNIST’s 70,000 photos (Zalando Research, MIT), packed with npx cnn-widgets pack and given to the trainer with data-src. The network takes the data’s size and classes; the matrix labels its axes with the class names. Shirts, T-shirts, pullovers and coats are what it confuses.',
    )}
    ${until(fashionLesson(), prose('Looking for the packed Fashion-MNIST…'))}
  `,
};
