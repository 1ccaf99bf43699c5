// A page served with COOP + COEP (cross-origin isolated: SharedArrayBuffer exists, so TensorFlow.js would load its
// threaded WASM): the CDN build trains in its default Worker on wasm, on the plain SIMD binary (the page check
// also fails if any request asks for the threaded one, which is not shipped). Reports through data-done /
// data-problem.
import './watch.js';
import { trainOnce } from './train-once.js';
const problems = [];
try {
  if (globalThis.crossOriginIsolated !== true)
    problems.push('the page is not cross-origin isolated: the server did not send COOP and COEP');
  await import('../../dist/cdn/cnn-widgets.js');
  const t = await trainOnce();
  if (t.backend !== 'wasm') problems.push(`asked for the wasm backend, trained on ${t.backend}`);
  if (t.session?.thread !== 'worker')
    problems.push(`trained on thread ${t.session?.thread}, not in a Worker`);
  if (t.fallbacks?.length) problems.push(`unexpected fallback note: ${JSON.stringify(t.fallbacks)}`);
  if (!(t.testAccuracy > 0.5)) problems.push(`trainer test accuracy ${t.testAccuracy}`);
} catch (e) {
  problems.push(String(e?.stack ?? e));
}
document.body.dataset.problem = problems.join('; ');
document.body.dataset.done = 'true';
