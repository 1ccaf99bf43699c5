// Property values as frameworks set them, on the BUILT CDN bundle: the attribute's string form means the same as
// the attribute, null/undefined mean the default, any other type is a clear `error` (never an exception), and no
// rendered text shows NaN, Infinity or null. (The full table over every attribute runs from source:
// test/components/property-values.test.ts.) Reports through data-done / data-problem.
const problems = [];
const check = (ok, what) => ok || problems.push(what);
const uncaught = [];
window.addEventListener('error', (e) => uncaught.push(e.message));
window.addEventListener('unhandledrejection', (e) => uncaught.push(String(e.reason)));
const make = async (tag, attrs = {}) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
};
const text = (el) => el.shadowRoot.textContent;
const settled = async (el) => {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
};
try {
  await import('/dist/cdn/cnn-widgets.js');

  const t = await make('cnn-trainer', { 'train-size': '1000' });
  t.epochs = '3'; // React 19 / Vue / Svelte pass attribute strings as properties
  await settled(t);
  check(t.epochs === 3 && t.error === null, `trainer.epochs = "3": ${t.epochs}, error ${t.error}`);
  t.epochs = null;
  await settled(t);
  check(t.epochs === 2 && t.error === null, `trainer.epochs = null: ${t.epochs}, error ${t.error}`);
  t.preset = 1;
  await settled(t);
  check(/preset/i.test(t.error ?? ''), `trainer.preset = 1: error ${t.error}`);
  t.preset = 'notebook';
  await settled(t);
  check(t.error === null && t.epochs === 200, `trainer recovers from preset = 1: ${t.error}, ${t.epochs}`);

  const calc = await make('conv-calculator', { 'input-size': '320', 'kernel-size': '5' });
  calc.stride = '1';
  calc.mode = null;
  await settled(calc);
  check(
    calc.result?.outputHeight === 316 && calc.error === null,
    `calculator: ${JSON.stringify(calc.result)}`,
  );
  calc.inChannels = [3];
  await settled(calc);
  check(calc.error && calc.result === null, `calculator.inChannels = [3]: error ${calc.error}`);

  const cm = await make('confusion-matrix');
  cm.matrix = '[[1,2],[3,4]]';
  await settled(cm);
  check(Math.abs(cm.accuracy - 0.5) < 1e-12, `confusion-matrix.matrix as text: accuracy ${cm.accuracy}`);
  cm.matrix = [
    [1e308, 1e308],
    [1e308, 1e308],
  ];
  await settled(cm);
  check(cm.error && !/NaN|Infinity|∞/.test(text(cm)), `huge counts: error ${cm.error}, text has NaN/∞`);

  const ms = await make('model-summary', { model: 'cnn' });
  ms.inputShape = [227, 227, 3];
  await settled(ms);
  check(ms.error, 'model-summary.inputShape = [227,227,3]: no error');
  ms.inputShape = undefined;
  await settled(ms);
  check(
    ms.error === null && ms.totalParams === 45424,
    `model-summary recovers: ${ms.error}, ${ms.totalParams}`,
  );

  const fm = await make('feature-map');
  fm.src = null; // the bundled photo
  fm.htmlFor = 5;
  await settled(fm);
  check(fm.error, 'feature-map.htmlFor = 5: no error');

  for (const el of document.querySelectorAll('*')) {
    if (el.shadowRoot && /\bNaN\b|Infinity|∞|\bnull\b|\bundefined\b/.test(el.shadowRoot.textContent))
      problems.push(`<${el.localName}> shows NaN/Infinity/null`);
  }
} catch (e) {
  problems.push(String(e?.stack ?? e));
}
check(uncaught.length === 0, `uncaught: ${uncaught.join(' | ')}`);
document.body.dataset.problem = problems.join('; ');
document.body.dataset.done = 'true';
