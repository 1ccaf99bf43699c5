import { expect } from '@esm-bundle/chai';
import { walkModel } from '../../src/engine/conv-math.js';
import { CNN, FNN } from '../../src/engine/models/specs.js';
import {
  MAX_TRAIN_FLOPS_PER_IMAGE,
  parseLayers,
  trainingFlopsPerImage,
  type NetworkResult,
} from '../../src/engine/models/pytorch-layers.js';
import { parseNetwork, toLayersText } from '../../src/engine/models/pytorch-network.js';

const LESSON = `Conv2d(1, 16, 3), ReLU(), MaxPool2d(2), Conv2d(16, 10, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(250, 128), ReLU(), Linear(128, 84), ReLU(), Linear(84, 10)`;
const MNIST = { inputShape: [1, 28, 28], classes: 10 };

const errorOf = (r: NetworkResult) => {
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('models/pytorch-layers: a network in PyTorch’s words', () => {
  it('the lesson’s CNN and FNN written out give exactly the cnn and fnn specs', () => {
    const cnn = parseNetwork(LESSON, MNIST);
    if (!cnn.ok) throw new Error(cnn.error.message);
    expect(cnn.spec.layers).to.deep.equal(CNN.layers);
    expect(cnn.walk.totalParams).to.equal(45424);
    const fnn = parseNetwork(
      'nn.Flatten()\nnn.Linear(784, 50)\nnn.ReLU()\nnn.Linear(50, 20)\nnn.ReLU()\nnn.Linear(20, 10)',
      MNIST,
    );
    if (!fnn.ok) throw new Error(fnn.error.message);
    expect(fnn.spec.layers).to.deep.equal(FNN.layers);
    // and back: the spec written as text parses to itself
    const again = parseNetwork(toLayersText(CNN), MNIST);
    expect(again.ok && again.spec.layers).to.deep.equal(CNN.layers);
  });

  it('reads keywords, tuples, strings, comments, nn./Sequential wrappers and every layer type', () => {
    const r = parseNetwork(
      `nn.Sequential(
        nn.Conv2d(in_channels=1, out_channels=8, kernel_size=(3, 3), stride=1, padding='same'),  # 28
        nn.LeakyReLU(negative_slope=0.2), nn.AvgPool2d(kernel_size=2),  # 14
        Conv2d(8, 4, 3, padding=1, bias=False); Tanh(); MaxPool2d(2, stride=None)  # 7
        Flatten(); Dropout(p=0.25); Linear(196, 32); Sigmoid(); Dropout(); Linear(32, 10, bias=True),
      )`,
      MNIST,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.spec.layers).to.deep.equal([
      { type: 'conv2d', name: 'conv1', filters: 8, kernelSize: 3, stride: 1, padding: 'same' },
      { type: 'leakyrelu', name: 'leakyrelu1', negativeSlope: 0.2 },
      { type: 'avgpool2d', name: 'pool1', poolSize: 2 },
      { type: 'conv2d', name: 'conv2', filters: 4, kernelSize: 3, padding: 1, bias: false },
      { type: 'tanh', name: 'tanh1' },
      { type: 'maxpool2d', name: 'pool2', poolSize: 2 },
      { type: 'flatten', name: 'flatten' },
      { type: 'dropout', name: 'dropout1', rate: 0.25 },
      { type: 'dense', name: 'fc1', units: 32 },
      { type: 'sigmoid', name: 'sigmoid1' },
      { type: 'dropout', name: 'dropout2', rate: 0.5 },
      { type: 'dense', name: 'fc2', units: 10, bias: true },
    ]);
    expect(r.walk.outputShape).to.deep.equal([10]);
  });

  it('points at the mistake: position, layer and a sentence that says what to write', () => {
    const p = parseLayers('Conv2d(1, 16, 3),\n  Conv2d(1, 16, 3, strid=2)');
    expect(p.ok).to.equal(false);
    if (p.ok) return;
    expect(p.error.message).to.equal('unknown argument "strid" for Conv2d — did you mean "stride"?');
    expect(p.error).to.include({ line: 2, column: 20, offset: 37, length: 5, layerIndex: 1 });
    expect(p.error.layerText).to.equal('Conv2d(1, 16, 3, strid=2)');
    expect(p.error.layerOffset).to.equal(20);
    // Layers after it on the same line are not part of it.
    const mid = parseLayers('ReLU(), Conv2d(1, 16, 3, strid=2), ReLU(), MaxPool2d(2)');
    expect(!mid.ok && [mid.error.layerText, mid.error.layerOffset, mid.error.column]).to.deep.equal([
      'Conv2d(1, 16, 3, strid=2)',
      8,
      26,
    ]);
    const open = parseLayers('Conv2d(1, 16, 3, strid=2, ReLU()');
    expect(!open.ok && open.error.layerText).to.equal('Conv2d(1, 16, 3, strid=2, ReLU()');

    const cases: [string, RegExp][] = [
      ['Conv2D(1, 16, 3)', /unknown layer "Conv2D" — did you mean "Conv2d"\?/],
      ['nn.Linar(10, 10)', /unknown layer "nn.Linar" — did you mean "Linear"\?/],
      ['Frobnicate()', /unknown layer "Frobnicate"\. The layers are Conv2d, MaxPool2d/],
      ['BatchNorm2d(16)', /BatchNorm2d is not one of the layers built here/],
      ['Conv2d(1, 16)', /Conv2d is missing its argument kernel_size: write e\.g\. Conv2d\(1, 16, 3\)/],
      ['Linear()', /missing arguments in_features, out_features/],
      ['Conv2d(1, 16, 3.5)', /kernel_size of Conv2d must be a whole number \(got 3\.5\)/],
      ["Conv2d(1, '16', 3)", /out_channels of Conv2d must be a whole number, not '16'/],
      ['Conv2d(1, 16, (3, 5))', /must be square here: \(3, 5\)/],
      [
        "Conv2d(1, 16, 3, padding='full')",
        /padding of Conv2d must be a number, 'same' or 'valid', not 'full'/,
      ],
      ["Conv2d(1, 16, 3, stride=2, padding='same')", /padding='same' needs stride 1/],
      ['Conv2d(1, 16, kernel_size=3, 2)', /positional argument cannot follow a keyword/],
      ['Conv2d(1, 16, 3, stride=1, stride=2)', /got stride twice/],
      ['ReLU(1, 2)', /at most 1 positional argument/],
      ['Tanh(1)', /Tanh\(\) takes no arguments/],
      ['Dropout(1.5)', /p of Dropout must be from 0 to below 1 \(got 1\.5\)/],
      ['Linear(10, 10, bias=true)', /write True/],
      ['LeakyReLU(slope=0.1)', /unknown argument "slope" for LeakyReLU — did you mean "negative_slope"\?/],
      ['Conv2d(1, 16, 3) ReLU()', /expected a comma or a new line after Conv2d\(1, 16, 3\)/],
      ['Conv2d(1, 16, 3', /Conv2d\( is not closed/],
      ['ReLU', /ReLU needs parentheses/],
      ['', /layers is empty/],
      ['# only a comment', /layers is empty/],
    ];
    for (const [text, re] of cases) {
      const r = parseLayers(text);
      expect(r.ok, text).to.equal(false);
      if (!r.ok) expect(r.error.message, text).to.match(re);
    }
    expect(parseLayers(42 as unknown as string).ok).to.equal(false);
  });

  it('checks the counts against the shapes that really arrive, and says which number to write', () => {
    const wrong = LESSON.replace('Linear(250, 128)', 'Linear(200, 128)');
    const linear = errorOf(parseNetwork(wrong, MNIST));
    expect(linear.message).to.equal(
      'Linear(200, 128) receives 250 features here (10×5×5): write Linear(250, 128).',
    );
    expect(linear.layerIndex).to.equal(7);
    // The position is the count that is wrong; the layer is named, and where it starts.
    expect(wrong.slice(linear.offset, linear.offset + linear.length)).to.equal('200');
    expect(linear.layerText).to.equal('Linear(200, 128)');
    expect(wrong.slice(linear.layerOffset)).to.match(/^Linear\(200, 128\)/);

    const conv = errorOf(parseNetwork('Conv2d(3, 16, 3), Flatten(), Linear(10816, 10)', MNIST));
    expect(conv.message).to.equal(
      'Conv2d(3, 16, 3) receives 1 channel here (the input is 1×28×28): write Conv2d(1, 16, 3).',
    );
    const kw = errorOf(
      parseNetwork(
        'Conv2d(1, 16, 3), Conv2d(in_channels=8, out_channels=4, kernel_size=3), Flatten(), Linear(2304, 10)',
        MNIST,
      ),
    );
    expect(kw.message).to.match(
      /receives 16 channels here: write Conv2d\(in_channels=16, out_channels=4, kernel_size=3\)\.$/,
    );
    expect(kw.layerIndex).to.equal(1);

    expect(errorOf(parseNetwork('Linear(784, 10)', MNIST)).message).to.match(
      /Linear\(784, 10\) receives a 1×28×28 image here: add Flatten\(\) before it/,
    );
    expect(errorOf(parseNetwork('Flatten(), Conv2d(1, 4, 3)', MNIST)).message).to.match(
      /needs an image .* flat \(784 features, from 1×28×28\): move it before Flatten\(\)/,
    );
    // A window larger than what is left of the image.
    const shrink = errorOf(
      parseNetwork(
        'Conv2d(1, 4, 5), MaxPool2d(4), Conv2d(4, 4, 5), MaxPool2d(2), MaxPool2d(2), Flatten(), Linear(4, 10)',
        MNIST,
      ),
    );
    expect(shrink.message).to.match(
      /^MaxPool2d\(2\) receives a 4×1×1 image here: the kernel \(2\) is larger than the padded input \(1\)/,
    );
    expect(shrink.layerIndex).to.equal(4); // 28 → 24 → 6 → 2 → 1 → nothing
    // The last width is the class count.
    const classes = errorOf(parseNetwork('Flatten(), Linear(784, 50), ReLU(), Linear(50, 20)', MNIST));
    expect(classes.message).to.equal(
      'The last layer gives 20 outputs, but the data has 10 classes: write Linear(50, 10).',
    );
    expect(classes.layerIndex).to.equal(3);
    expect(errorOf(parseNetwork('Conv2d(1, 10, 28)', MNIST)).message).to.match(
      /ends with a 10×1×1 image.*add Flatten\(\) and Linear\(10, 10\)/,
    );
    // classes: null (a summary that only shows a network): any width, even an image, is accepted.
    const any = { inputShape: [1, 28, 28], classes: null };
    expect(parseNetwork('Flatten(), Linear(784, 50), ReLU(), Linear(50, 20)', any).ok).to.equal(true);
    expect(parseNetwork('Conv2d(1, 10, 28)', any).ok).to.equal(true);
  });

  it('refuses networks too big for a tab, with the numbers; a summary may show them', () => {
    const big = 'Flatten(), Linear(784, 8000), ReLU(), Linear(8000, 10)';
    const e = errorOf(parseNetwork(big, MNIST));
    expect(e.message).to.equal(
      'This network has 6,360,010 parameters, over the 5,000,000 a browser tab can train (fc1 alone has 6,280,000): make it smaller.',
    );
    expect(e.layerIndex).to.equal(1);
    expect(parseNetwork(big, { ...MNIST, limits: false }).ok).to.equal(true);

    const costly =
      'Conv2d(1, 256, 3, padding=1), ReLU(), Conv2d(256, 64, 3, padding=1), AvgPool2d(28), Flatten(), Linear(64, 10)';
    const c = errorOf(parseNetwork(costly, MNIST));
    // conv1 28·28·256·9 + conv2 28·28·64·9·256 + fc1 640 = 117,412,480 multiply-adds, × 6 FLOPs in training.
    expect(c.message).to.match(
      /^One training image would cost 704 MFLOP, over the 100 MFLOP a browser tab can train at \(conv2 costs 694\)/,
    );
    // The lesson's CNN is far under the budget.
    const cnn = walkModel(CNN);
    expect(cnn.ok && trainingFlopsPerImage(cnn.totalMacs)).to.be.below(MAX_TRAIN_FLOPS_PER_IMAGE / 40);
  });
});
