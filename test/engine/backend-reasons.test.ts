// Why a backend did not start, in words a reader can act on (src/engine/backend.ts): TensorFlow.js only logs
// the reason (setBackend resolves false), so the library finds it itself. Its own file: the page starts with no
// backend initialised, and the WebGL failure made here stays for the page's life.
import { expect } from '@esm-bundle/chai';
import { backendFallbackNote, backendReport, getTf } from '../../src/engine/backend.js';

/**
 * Runs `body` with every WebGL context refused under `failIfMajorPerformanceCaveat` — what a software renderer
 * (WebKitGTK's) does — with the browser's `webglcontextcreationerror` message; without the caveat a stand-in
 * context comes up.
 */
async function withSlowWebGlOnly<T>(body: () => Promise<T>): Promise<T> {
  const protos = [HTMLCanvasElement.prototype, OffscreenCanvas.prototype] as unknown as {
    getContext: (...a: unknown[]) => unknown;
  }[];
  const saved = protos.map((p) => p.getContext);
  const stub = function (this: EventTarget, ...args: unknown[]) {
    const [kind, attrs] = args as [string, WebGLContextAttributes | undefined];
    if (!/webgl/.test(kind)) return null;
    if (attrs?.failIfMajorPerformanceCaveat) {
      this.dispatchEvent(
        new WebGLContextEvent('webglcontextcreationerror', { statusMessage: 'Software renderer refused' }),
      );
      return null;
    }
    return { getExtension: () => null, getParameter: () => null };
  };
  for (const p of protos) p.getContext = stub;
  try {
    return await body();
  } finally {
    protos.forEach((p, i) => (p.getContext = saved[i]!));
  }
}

describe('backend: the real reason a backend did not start', () => {
  it('webgl that falls back says what the browser said, not "initialisation failed"', async () => {
    const { backend } = await withSlowWebGlOnly(() => getTf('webgl'));
    expect(backend).to.not.equal('webgl');
    const report = backendReport()!;
    expect(report.reason).to.match(/^webgl was asked for but did not start \(.*major performance caveat/);
    expect(report.reason).to.contain('Software renderer refused');
    expect(report.fallback).to.include({ what: 'backend', wanted: 'webgl', used: backend });
    expect(report.fallback!.message).to.match(
      new RegExp(`^Training on ${backend} instead of webgl: .*major performance caveat`),
    );
  });

  it('words every fallback below WebAssembly with its cause and its fix', () => {
    const csp = backendFallbackNote('wasm', 'cpu', {
      wasm: { detail: "this page's Content-Security-Policy blocks WebAssembly (…)", cause: 'csp' },
    })!;
    expect(csp).to.include({ what: 'backend', wanted: 'wasm', used: 'cpu', cause: 'csp' });
    expect(csp.message).to.equal(
      "Training on the processor without WebAssembly (8× slower): this page's Content-Security-Policy blocks " +
        "WebAssembly — add 'wasm-unsafe-eval' to script-src.",
    );
    // auto ends on cpu for the same reason: the same note.
    const auto = backendFallbackNote('auto', 'cpu', { wasm: { detail: 'x', cause: 'csp' } })!;
    expect(auto.message).to.equal(csp.message);
    // An explicit webgl that fell through to cpu names both.
    const both = backendFallbackNote('webgl', 'cpu', {
      webgl: { detail: 'no WebGL2 context', cause: 'unsupported' },
      wasm: { detail: 'x', cause: 'csp' },
    })!;
    expect(both.message).to.match(
      /'wasm-unsafe-eval' to script-src \(webgl did not start: no WebGL2 context\)\.$/,
    );
    // No WebAssembly at all, or a failure of its own.
    expect(
      backendFallbackNote('wasm', 'cpu', { wasm: { detail: 'x', cause: 'unsupported' } })!.message,
    ).to.match(/without WebAssembly \(8× slower\): this browser has no WebAssembly\.$/);
    expect(
      backendFallbackNote('auto', 'cpu', { wasm: { detail: 'out of memory', cause: 'failed' } })!.message,
    ).to.match(/WebAssembly did not start \(out of memory\)\.$/);
    // Nothing to say: the wanted backend runs, or auto chose (its `reason` explains).
    expect(backendFallbackNote('wasm', 'wasm', {})).to.equal(null);
    expect(backendFallbackNote('auto', 'wasm', { webgl: { detail: 'x', cause: 'failed' } })).to.equal(null);
  });
});
