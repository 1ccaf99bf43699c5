// Loads the CDN build from the origin given in ?lib= (a different port = a different origin), as a blog
// would load it from a CDN, and checks that the elements work. Reports through data-done / data-problem.
import './watch.js';
import { trainOnce } from './train-once.js';
const lib = new URLSearchParams(location.search).get('lib');
const problems = [];
// Every URL a Worker is constructed with: a library on another origin must go straight to a blob: worker (a
// module Worker of another origin throws in Chromium, but Firefox fires an error event and logs it in red).
const workerUrls = [];
const NativeWorker = globalThis.Worker;
globalThis.Worker = class extends NativeWorker {
  constructor(url, options) {
    workerUrls.push(String(url));
    super(url, options);
  }
};
try {
  await import(`${lib}/dist/cdn/cnn-widgets.js`);
  // The bundle defines every element: one that is missing is a failure, not a check left out.
  for (const tag of ['conv-calculator', 'model-summary', 'cnn-trainer'])
    if (!customElements.get(tag)) problems.push(`<${tag}> was not defined by the CDN bundle`);
  await customElements.whenDefined('conv-calculator');
  const calc = document.querySelector('conv-calculator');
  await calc.updateComplete;
  if (calc.result?.outputHeight !== 316)
    problems.push(`conv-calculator result ${JSON.stringify(calc.result)}`);
  if (customElements.get('model-summary')) {
    const ms = document.querySelector('model-summary');
    await ms.updateComplete;
    if (ms.totalParams !== 61100840) problems.push(`model-summary totalParams ${ms.totalParams}`);
  }
  if (customElements.get('cnn-trainer')) {
    // A short real training run: the worker, the MNIST shards and the WASM files all come from the other origin.
    const t = await trainOnce();
    if (t.backend !== 'wasm') problems.push(`asked for the wasm backend, trained on ${t.backend}`);
    // Off the page's thread: a worker script on another origin cannot be started directly, so the library must
    // have started its worker from a blob: URL, not fallen back to training on the page.
    const { thread, threadHow } = t.session ?? {};
    if (thread !== 'worker' || threadHow !== 'blob')
      problems.push(`trained on thread ${thread} (${threadHow}), not in a blob: worker`);
    if (!workerUrls.every((u) => u.startsWith('blob:')))
      problems.push(`a Worker was first tried from ${workerUrls.join(', ')}, not only from a blob: URL`);
    if (t.fallbacks?.length) problems.push(`unexpected fallback note: ${JSON.stringify(t.fallbacks)}`);
    if (!(t.testAccuracy > 0.5)) problems.push(`trainer test accuracy ${t.testAccuracy}`);
  }
} catch (e) {
  problems.push(String(e?.stack ?? e));
}
document.body.dataset.problem = problems.join('; ');
document.body.dataset.done = 'true';
