// Runs under a strict Content-Security-Policy (see scripts/test-pages.mjs) and checks that the elements
// render and compute. A CSP violation is reported through securitypolicyviolation events.
import './watch.js';
const problems = [];
document.addEventListener('securitypolicyviolation', (e) =>
  problems.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
);
try {
  await import('/dist/cdn/cnn-widgets.js');
  for (const tag of ['conv-calculator', 'kernel-viewer', 'model-summary', 'confusion-matrix', 'feature-map'])
    if (!customElements.get(tag)) problems.push(`<${tag}> was not defined under the policy`);
  const calc = document.querySelector('conv-calculator');
  await customElements.whenDefined('conv-calculator');
  await calc.updateComplete;
  if (calc.result?.outputHeight !== 156)
    problems.push(`conv-calculator result ${JSON.stringify(calc.result)}`);
  const styled = getComputedStyle(calc).borderTopStyle;
  if (styled !== 'solid') problems.push(`conv-calculator styles were blocked (border ${styled})`);
  const cm = document.querySelector('confusion-matrix');
  if (customElements.get('confusion-matrix')) {
    cm.matrix = [
      [5, 1],
      [2, 7],
    ];
    await cm.updateComplete;
    if (Math.abs(cm.accuracy - 12 / 15) > 1e-9) problems.push(`confusion-matrix accuracy ${cm.accuracy}`);
  }
  const fm = document.querySelector('feature-map');
  if (customElements.get('feature-map')) {
    await new Promise((resolve, reject) => {
      if (fm.maps) return resolve();
      fm.addEventListener('maps-ready', resolve, { once: true });
      setTimeout(() => reject(new Error(`feature-map produced no maps (error: ${fm.error})`)), 60000);
    });
  }
  await new Promise((r) => setTimeout(r, 300));
} catch (e) {
  problems.push(String(e?.stack ?? e));
}
document.body.dataset.problem = problems.join('; ');
document.body.dataset.done = 'true';
