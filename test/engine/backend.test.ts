import { expect } from '@esm-bundle/chai';
import {
  getTf,
  backendReport,
  assertBackendHealthy,
  isBackendLost,
  onBackendLost,
  BackendLostError,
  BackendUnavailableError,
  detectWebGl,
} from '../../src/engine/tensor.js';
import type { Tf } from '../../src/engine/tensor.js';

/** A tiny conv-net training step's gradient: proves the backend can train (Conv2DBackpropFilter etc.). */
async function convGradSum(tf: Tf): Promise<number> {
  const g = tf.tidy(() => {
    const x = tf.tensor4d(
      Array.from({ length: 2 * 6 * 6 }, (_, i) => (i % 7) / 7),
      [2, 6, 6, 1],
    );
    const f = (k: ReturnType<typeof tf.variable>) =>
      tf.sum(
        tf.maxPool(
          tf.relu(tf.conv2d(x, k as unknown as Parameters<typeof tf.conv2d>[1], 1, 'valid')),
          2,
          2,
          'valid',
        ),
      );
    const k = tf.tensor4d(
      Array.from({ length: 9 * 2 }, (_, i) => ((i % 5) - 2) / 4),
      [3, 3, 1, 2],
    );
    return tf.sum(tf.grad((kk) => f(kk as never))(k));
  });
  const v = (await g.data())[0]!;
  g.dispose();
  return v;
}

describe('backend: one TensorFlow.js per page', () => {
  it('loads tf and runs on an explicitly requested cpu backend', async () => {
    const { tf, backend } = await getTf('cpu');
    expect(backend).to.equal('cpu');
    expect(tf.getBackend()).to.equal('cpu');
    const s = tf.tidy(() => tf.sum(tf.tensor1d([1, 2, 3])));
    expect((await s.data())[0]).to.equal(6);
    s.dispose();
  });

  it('wasm: finds its binaries next to the library and trains a conv (our gradient kernels)', async () => {
    const { tf: cpuTf } = await getTf('cpu', { strict: true });
    const expected = await convGradSum(cpuTf);
    const { tf, backend } = await getTf('wasm', { strict: true });
    expect(backend).to.equal('wasm');
    expect(tf.getBackend()).to.equal('wasm');
    expect(await convGradSum(tf)).to.be.closeTo(expected, 1e-4);
  });

  it('auto: a software GPU counts as no GPU; the choice is explained, shared and made once', async () => {
    const [a, b] = await Promise.all([getTf('auto'), getTf()]);
    expect(a.backend).to.equal(b.backend);
    const report = backendReport()!;
    expect(report.chosen).to.equal(a.backend);
    expect(report.reason).to.be.a('string').and.not.equal('');
    const gpu = report.candidates.filter((c) => c.name === 'webgl' || c.name === 'webgpu');
    expect(gpu).to.have.length(2);
    if (!gpu.some((c) => c.kind === 'hardware' || c.kind === 'unknown')) {
      // headless Chromium here renders with SwiftShader: WASM must win, and the report must say why.
      expect(a.backend).to.equal('wasm');
      if (gpu.some((c) => c.kind === 'software')) expect(report.reason).to.match(/software/);
    }
    // the state lives on globalThis, so a second copy of the library would find it
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('cnn-widgets.engine.backend')]).to.be.an(
      'object',
    );
    const again = await getTf('auto');
    expect(again.backend).to.equal(a.backend);
    expect(backendReport()).to.equal(report);
  });

  it('detects SwiftShader from the WebGL renderer string', function () {
    const c = detectWebGl();
    // Only Chromium renders with SwiftShader (Firefox here: llvmpipe; WebKitGTK: no WebGL in an OffscreenCanvas).
    if (c.kind === 'unavailable' || !/swiftshader/i.test(c.detail ?? '')) this.skip();
    expect(c.kind).to.equal('software');
  });

  it('webgl: runs, and a lost context is detected — work fails clearly, the next request moves on', async function () {
    const c = detectWebGl();
    if (c.kind === 'unavailable') this.skip(); // WebKitGTK: no WebGL in an OffscreenCanvas
    const { tf, backend } = await getTf('webgl', { strict: true });
    expect(backend).to.equal('webgl');
    expect(await convGradSum(tf)).to.be.a('number');
    const lost = new Promise<string>((resolve) => {
      const off = onBackendLost((name) => {
        off();
        resolve(name);
      });
    });
    const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
    gl.getExtension('WEBGL_lose_context')!.loseContext();
    expect(await lost).to.equal('webgl');
    expect(isBackendLost('webgl')).to.equal(true);
    expect(() => assertBackendHealthy('webgl')).to.throw(BackendLostError, /webgl/);
    const next = await getTf('webgl');
    expect(next.backend).to.not.equal('webgl');
    let error: unknown = null;
    try {
      await getTf('webgl', { strict: true });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(BackendUnavailableError);
  });

  it('webgpu: runs when the browser offers it, and a destroyed device is detected', async function () {
    if (!('gpu' in navigator)) this.skip();
    let got: Awaited<ReturnType<typeof getTf>>;
    try {
      got = await getTf('webgpu', { strict: true });
    } catch {
      this.skip();
    }
    const { tf, backend } = got!;
    expect(backend).to.equal('webgpu');
    const s = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([1, 2, 3]), 2)));
    expect((await s.data())[0]).to.equal(12);
    s.dispose();
    const lost = new Promise<string>((resolve) => {
      const off = onBackendLost((name) => {
        off();
        resolve(name);
      });
    });
    (tf.backend() as unknown as { device: { destroy(): void } }).device.destroy();
    expect(await lost).to.equal('webgpu');
    expect(() => assertBackendHealthy('webgpu')).to.throw(BackendLostError);
    expect((await getTf('webgpu')).backend).to.not.equal('webgpu');
  });
});
