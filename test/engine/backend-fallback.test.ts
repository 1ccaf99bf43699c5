import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import { getTf, BackendUnavailableError, backendReport, markLost } from '../../src/engine/tensor.js';

// Its own test file, so its page starts with no backend initialised: here WebGPU's factory is registered first
// as one that fails asynchronously, as the real one does when `navigator.gpu` gives no adapter.
describe('backend: a requested backend that fails to start', () => {
  it('falls back to the next one, which then really works (no pending init left behind)', async () => {
    tf.registerBackend(
      'webgpu',
      // Fails after a while, like a real adapter request that comes back empty.
      () =>
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new TypeError("Cannot read properties of null (reading 'features')")), 300),
        ),
      3,
    );
    let strictError: unknown = null;
    await getTf('webgpu', { strict: true }).catch((e) => (strictError = e));
    expect(strictError).to.be.instanceOf(BackendUnavailableError);
    const { backend } = await getTf('webgpu');
    expect(backend).to.not.equal('webgpu');
    // Ops run on the fallback (before the fix, every op threw "Backend 'webgl' has not yet been initialized").
    const s = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([1, 2, 3]), 2)));
    expect(Array.from(await s.data())).to.deep.equal([12]);
    s.dispose();
    expect(tf.getBackend()).to.equal(backend);
    // The report says what was asked for, why it was not used, and what is used instead.
    const report = backendReport()!;
    expect(report.chosen).to.equal(backend);
    expect(report.reason).to.match(
      new RegExp(`^webgpu was asked for but did not start \\(.+\\); using ${backend}$`),
    );
    expect(report.candidates[0]).to.include({ name: 'webgpu', initialised: false });
  });

  it("re-decides `auto` when its choice is lost, even after a fallback's report replaced auto's", async () => {
    const { backend: first } = await getTf('auto');
    await getTf('webgpu'); // falls back again: the report now describes that, not auto's choice
    expect(backendReport()!.reason).to.match(/^webgpu was asked for/);
    markLost(first, 'lost in a test');
    // Before the fix this call never settled: auto kept its lost choice and asked itself again, forever.
    const { backend: next } = await getTf('auto');
    expect(next).to.not.equal(first);
    const s = tf.tidy(() => tf.sum(tf.tensor1d([1, 2, 3])));
    expect(Array.from(await s.data())).to.deep.equal([6]);
    s.dispose();
  });
});
