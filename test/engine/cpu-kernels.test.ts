import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import { getTf } from '../../src/engine/tensor.js';
import { registerCpuTrainingKernels, restoreStockCpuKernels } from '../../src/engine/kernels/cpu-training.js';
import { mulberry32 } from '../../src/engine/random.js';

const rand = (shape: number[], seed: number, zeros = 0) => {
  const r = mulberry32(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => (r() < zeros ? 0 : r() * 2 - 1)),
    shape,
  );
};

/** Runs the registered Conv2DBackpropFilter on the cpu backend. */
function filterGrad(
  x: tf.Tensor,
  dy: tf.Tensor,
  filterShape: [number, number, number, number],
  strides: [number, number],
  pad: 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]],
  dataFormat: 'NHWC' | 'NCHW' = 'NHWC',
): Float32Array {
  const out = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, {
    strides,
    pad,
    dataFormat,
    dimRoundingMode: undefined,
    filterShape,
  } as never) as tf.Tensor;
  const v = out.dataSync() as Float32Array;
  out.dispose();
  return v;
}

describe('cpu kernels: Conv2DBackpropFilter', () => {
  before(async () => {
    await getTf('cpu', { strict: true });
    await tf.setBackend('cpu');
  });
  after(() => registerCpuTrainingKernels());

  it('is ours on the cpu backend once it starts', () => {
    const k = tf.getKernel('Conv2DBackpropFilter', 'cpu')!;
    restoreStockCpuKernels();
    const stockFunc = tf.getKernel('Conv2DBackpropFilter', 'cpu')!.kernelFunc;
    expect(stockFunc).to.not.equal(k.kernelFunc);
    registerCpuTrainingKernels();
    const again = tf.getKernel('Conv2DBackpropFilter', 'cpu')!.kernelFunc;
    expect(again).to.not.equal(stockFunc);
    registerCpuTrainingKernels(); // idempotent: does not wrap itself
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')!.kernelFunc).to.equal(again);
  });

  // [x shape NHWC, kernel KH×KW, CO, strides, padding]
  const cases: [number[], [number, number], number, [number, number], Parameters<typeof filterGrad>[4]][] = [
    [[64, 28, 28, 1], [3, 3], 16, [1, 1], 'valid'], // the lesson's conv1
    [[8, 13, 13, 16], [3, 3], 10, [1, 1], 'valid'], // conv2
    [[2, 9, 7, 3], [3, 3], 5, [2, 2], 'valid'],
    [[2, 9, 8, 3], [3, 2], 4, [2, 1], 'same'],
    [[3, 10, 10, 2], [5, 5], 3, [3, 3], 'same'],
    [[2, 7, 7, 3], [3, 3], 4, [1, 1], 1],
    [
      [2, 8, 9, 2],
      [2, 3],
      3,
      [2, 2],
      [
        [0, 0],
        [1, 2],
        [2, 0],
        [0, 0],
      ],
    ],
    [[1, 5, 5, 1], [5, 5], 2, [1, 1], 'valid'], // a 1×1 output
  ];
  for (const [shape, [KH, KW], CO, strides, pad] of cases) {
    it(`matches tfjs' own kernel: x ${shape.join('×')}, ${KH}×${KW}→${CO}, stride ${strides}, pad ${JSON.stringify(pad)}`, () => {
      const x = rand(shape, 1, 0.3); // some exact zeros, as after ReLU
      const filterShape: [number, number, number, number] = [KH, KW, shape[3]!, CO];
      // dy has the forward output's shape
      const probe = tf.conv2d(x as tf.Tensor4D, tf.zeros(filterShape) as tf.Tensor4D, strides, pad as never);
      const dy = rand(probe.shape, 2);
      probe.dispose();
      const ours = filterGrad(x, dy, filterShape, strides, pad);
      restoreStockCpuKernels();
      const stock = filterGrad(x, dy, filterShape, strides, pad);
      registerCpuTrainingKernels();
      expect(ours.length).to.equal(KH * KW * shape[3]! * CO);
      let worst = 0;
      for (let i = 0; i < ours.length; i++)
        worst = Math.max(worst, Math.abs(ours[i]! - stock[i]!) / Math.max(1, Math.abs(stock[i]!)));
      expect(worst).to.be.below(1e-5);
      expect(stock.some((v) => v !== 0)).to.equal(true);
      tf.dispose([x, dy]);
    });
  }

  it('leaves NCHW to the stock kernel, and trains through tf.grad like before', () => {
    const x = rand([2, 3, 6, 6], 3); // NCHW
    const dy = rand([2, 4, 4, 4], 4);
    restoreStockCpuKernels();
    let stock: Float32Array | null = null;
    try {
      stock = filterGrad(x, dy, [3, 3, 3, 4], [1, 1], 'valid', 'NCHW');
    } catch {
      // the stock cpu kernel may not support NCHW either: then ours must throw the same way
    }
    registerCpuTrainingKernels();
    let ours: Float32Array | null;
    try {
      ours = filterGrad(x, dy, [3, 3, 3, 4], [1, 1], 'valid', 'NCHW');
    } catch {
      ours = null;
    }
    expect(ours).to.deep.equal(stock);
    // Through the public gradient API: d/dw of sum(conv2d(x, w)) equals the stock result.
    const xi = rand([2, 6, 6, 2], 5) as tf.Tensor4D;
    const w = rand([3, 3, 2, 3], 6) as tf.Tensor4D;
    const g = () => tf.grad((f: tf.Tensor) => tf.sum(tf.conv2d(xi, f as tf.Tensor4D, 1, 'same')))(w);
    const a = g().dataSync();
    restoreStockCpuKernels();
    const b = g().dataSync();
    registerCpuTrainingKernels();
    for (let i = 0; i < a.length; i++) expect(a[i]!).to.be.closeTo(b[i]!, 1e-4);
    tf.dispose([x, dy, xi, w]);
  });
});
