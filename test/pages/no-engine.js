// A page with only <conv-calculator>, <kernel-viewer> and <model-summary>, from the CDN build's per-element
// entries: they must work without ever loading TensorFlow.js (its chunks, a backend, a .wasm file) or MNIST.
// Reports through data-done / data-problem.
const problems = [];
try {
  const base = new URL('../../dist/cdn/', import.meta.url);
  await Promise.all(
    ['conv-calculator', 'kernel-viewer', 'model-summary'].map((n) => import(new URL(`${n}.js`, base).href)),
  );
  for (const name of ['conv-calculator', 'kernel-viewer', 'model-summary']) {
    await customElements.whenDefined(name);
    await document.querySelector(name).updateComplete;
  }
  if (document.querySelector('model-summary').totalParams !== 45424)
    problems.push(`model-summary totalParams ${document.querySelector('model-summary').totalParams}`);
  if (document.querySelector('conv-calculator').result?.outputHeight !== 26)
    problems.push(
      `conv-calculator outputHeight ${document.querySelector('conv-calculator').result?.outputHeight}`,
    );
  await new Promise((r) => setTimeout(r, 1500)); // anything lazy would have started by now
  // The engine's chunks: TensorFlow.js packages (named after their dist/index.js), the model builder, the trainer.
  const engine = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => /\/c-(dist|build|core)-|\.wasm$|\/assets\/mnist\//.test(u));
  if (engine.length) problems.push(`loaded engine files: ${engine.join(', ')}`);
  if (globalThis[Symbol.for('cnn-widgets.engine.backend')])
    problems.push('a TensorFlow.js backend was started');
} catch (e) {
  problems.push(String(e?.stack ?? e));
}
document.body.dataset.problem = problems.join('; ');
document.body.dataset.done = 'true';
