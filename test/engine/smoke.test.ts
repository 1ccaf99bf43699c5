import { expect } from '@esm-bundle/chai';

describe('test harness', () => {
  it('loads TensorFlow.js from the pre-bundle and computes on cpu', async () => {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    const s = tf.tidy(() => tf.sum(tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4]))));
    expect(await s.data()).to.deep.equal(new Float32Array([10]));
    s.dispose();
  });
});
