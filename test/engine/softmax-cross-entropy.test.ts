// The fused loss kernel (src/engine/kernels/softmax-cross-entropy.ts): its JavaScript maths against TensorFlow.js'
// own ops on the cpu backend (the reference), the kernels on wasm and cpu against that maths, its gradient
// through the tape against tf.grad of the ops, ties, bad labels, and no leak.
import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { values } from './fixtures/values.js';
import {
  registerSoftmaxCrossEntropy,
  softmaxCrossEntropy,
  softmaxCrossEntropyGradient,
  softmaxCrossEntropyJs,
} from '../../src/engine/kernels/softmax-cross-entropy.js';

/** The ops the loss was before: mean cross-entropy over `divisor`, count of right answers. */
function reference(z: tf.Tensor2D, labels: Int32Array, divisor: number) {
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), z.shape[1]);
  const loss = tf.div(tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(z)))), divisor);
  const right = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), tf.tensor1d(labels, 'int32')), 'float32'));
  return [loss, right] as const;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

before(async () => {
  setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  tf.registerGradient(softmaxCrossEntropyGradient);
  registerSoftmaxCrossEntropy('cpu');
  registerSoftmaxCrossEntropy('wasm');
  expect(await tf.setBackend('wasm')).to.equal(true);
});

describe('fused softmax cross-entropy', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`${backend}: loss, right answers and gradient agree with the ops (cpu), for a share of a batch too`, async () => {
      const [n, k, divisor] = [37, 10, 64];
      const z = values([n * k], 3).map((v) => v * 4);
      const labels = Int32Array.from({ length: n }, (_, i) => (i * 7) % k);
      // The reference: TensorFlow.js' ops and tf.grad on the cpu backend.
      await tf.setBackend('cpu');
      const zc = tf.tensor2d(z, [n, k]);
      const [refLoss, refRight] = reference(zc, labels, divisor);
      const refGrad = tf.grad((t: tf.Tensor) => reference(t as tf.Tensor2D, labels, divisor)[0])(zc);
      const ref = { loss: refLoss.dataSync()[0]!, right: refRight.dataSync()[0]!, grad: refGrad.dataSync() };
      tf.dispose([zc, refLoss, refRight, refGrad]);

      await tf.setBackend(backend);
      const before = tf.memory().numTensors;
      const zt = tf.tensor2d(z, [n, k]);
      const lt = tf.tensor1d(labels, 'int32');
      const zv = tf.variable(zt, true, `z-${backend}`);
      let right: tf.Tensor | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const out = softmaxCrossEntropy(zv, lt, divisor);
        expect(out, 'the kernel is there').to.not.equal(null);
        right = tf.keep(out![1]);
        return out![0] as tf.Scalar;
      }, [zv]);
      const got = {
        loss: value.dataSync()[0]!,
        right: right!.dataSync()[0]!,
        grad: grads[`z-${backend}`]!.dataSync(),
      };
      expect(got.loss, 'the JS maths').to.equal(softmaxCrossEntropyJs(z, labels, n, k, divisor)[0]);
      expect(Math.abs(got.loss - ref.loss), 'loss vs the ops').to.be.below(1e-6);
      expect(got.right).to.equal(ref.right);
      expect(maxDiff(got.grad, ref.grad), 'gradient vs tf.grad of the ops').to.be.below(1e-7);
      tf.dispose([value, right!, ...Object.values(grads), zt, lt]);
      tf.disposeVariables();
      expect(tf.memory().numTensors, 'no tensor left').to.equal(before);
    });
  }

  it('the first of tied maxima is the answer (as tf.argMax); a label out of range makes the loss NaN', () => {
    const z = new Float32Array([1, 3, 3, 0, 2, 2, 2, 2]);
    expect(softmaxCrossEntropyJs(z, [1, 0], 2, 4, 2)[1]).to.equal(2);
    expect(softmaxCrossEntropyJs(z, [2, 1], 2, 4, 2)[1]).to.equal(0);
    expect(softmaxCrossEntropyJs(z, [1, 4], 2, 4, 2)[0]).to.be.NaN;
    expect(softmaxCrossEntropyJs(z, [1, -1], 2, 4, 2)[0]).to.be.NaN;
    // Large logits do not overflow: the maximum is taken out first.
    const big = softmaxCrossEntropyJs(new Float32Array([1000, 0, -1000]), [0], 1, 3, 1)[0];
    expect(big).to.be.within(0, 1e-6);
  });

  it('is not used where the backend has no such kernel, nor for other dtypes or ranks', async () => {
    await tf.setBackend('cpu');
    const z = tf.zeros([2, 3]);
    expect(softmaxCrossEntropy(z, tf.tensor1d([0, 1], 'float32'), 2)).to.equal(null);
    expect(softmaxCrossEntropy(tf.zeros([2, 3, 1]), tf.tensor1d([0, 1], 'int32'), 2)).to.equal(null);
    tf.disposeVariables();
    await tf.setBackend('wasm');
  });
});
