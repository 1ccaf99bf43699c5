import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
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
 * A dataset `npm run build` packs with `npx cnn-widgets pack` (scripts/examples-data.mjs: Fashion-MNIST from
 * Debian's dataset-fashion-mnist, the colour shapes drawn with sharp), served beside the stories at
 * examples-data/ (.storybook/main.ts); where it was not packed, the lesson says why.
 */
const packedLesson = async (
  key: 'fashion-mnist' | 'shapes-rgb',
  what: string,
  lesson: (src: string) => TemplateResult,
) => {
  try {
    const res = await fetch('examples-data/datasets.json');
    const index = (await res.json()) as Record<string, string | null> & { notes?: Record<string, string> };
    const folder = index[key];
    if (!folder) throw new Error(index.notes?.[key] ?? 'it was not packed');
    return lesson(`examples-data/${folder}`);
  } catch (e) {
    return prose(
      `${what} is not packed for this Storybook, so this lesson cannot train here: ${e instanceof Error ? e.message : String(e)}.`,
    );
  }
};
const grid =
  'display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px;align-items:start';

export const EightYourOwnData: Story = {
  name: '8. Your own data: Fashion-MNIST',
  render: () => html`
    ${prose(
      'The same network on clothes instead of digits: Fashion-MNIST’s 70,000 photos (Zalando Research, MIT), packed with npx cnn-widgets pack and given to the trainer with data-src. The network takes the data’s size and classes; the matrix labels its axes with the class names. Shirts, T-shirts, pullovers and coats are what it confuses.',
    )}
    ${until(
      packedLesson(
        'fashion-mnist',
        'Fashion-MNIST',
        (src) => html`
          <div style=${grid}>
            <cnn-trainer id="lesson-fashion" data-src=${src} epochs="1"></cnn-trainer>
            <confusion-matrix for="lesson-fashion"></confusion-matrix>
          </div>
        `,
      ),
      prose('Looking for the packed Fashion-MNIST…'),
    )}
  `,
};

export const NineYourOwnNetwork: Story = {
  name: '9. Your own network',
  render: () => html`
    ${prose(
      'Write your own network the way PyTorch writes it, in the trainer’s text area. The summary follows as you type: a channel or feature count that does not match what really arrives is explained, with the number to write. Then train it, and look inside.',
    )}
    <cnn-trainer
      id="lesson-own"
      epochs="1"
      train-size="5000"
      batch-size="50"
      layers="Conv2d(1, 8, 3), ReLU(), MaxPool2d(2),
Conv2d(8, 16, 3), ReLU(), MaxPool2d(2),
Flatten(), Linear(400, 64), ReLU(), Linear(64, 10)"
    ></cnn-trainer>
    ${prose('What it computes, layer by layer:')}
    <model-summary for="lesson-own"></model-summary>
    ${prose('Once it trains: the first ReLU’s maps of a test digit, and the digits it confuses.')}
    <feature-map for="lesson-own" layer="relu1"></feature-map>
    <confusion-matrix for="lesson-own"></confusion-matrix>
  `,
};

export const TenYourOwnDataInColour: Story = {
  name: '10. Your own data, in colour',
  render: () => html`
    ${prose(
      'A folder of your own pictures, a sub-folder per class, packed with npx cnn-widgets pack --rgb: here 300 small drawings of a red square, a green disc and a blue bar. The network’s first layer now takes three channels, so each of conv1’s filters is three kernels, one per colour; after Start, the feature map draws them channel by channel, and the pad inks in colour.',
    )}
    ${until(
      packedLesson(
        'shapes-rgb',
        'The colour shapes',
        (src) => html`
          <div style=${grid}>
            <cnn-trainer
              id="lesson-colour"
              data-src=${src}
              epochs="4"
              batch-size="16"
              learning-rate="0.01"
            ></cnn-trainer>
            <confusion-matrix for="lesson-colour"></confusion-matrix>
            <digit-pad for="lesson-colour"></digit-pad>
            <feature-map for="lesson-colour" layer="conv1" digit="0"></feature-map>
          </div>
        `,
      ),
      prose('Looking for the packed colour shapes…'),
    )}
  `,
};
