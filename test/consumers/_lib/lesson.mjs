// The lesson page that the framework apps (vue3, svelte5) render, each in its own framework's words, and the
// one check both get, on the production build and on the dev server. The page (same ids in both apps):
//
//   #calc    <conv-calculator>  input-size bound from state, kernel-size a number, padding as a PROPERTY
//   #kv      <kernel-viewer>    input and kernel as PROPERTIES (arrays of arrays)
//   #fm      <feature-map>      kernel as a PROPERTY (a Sobel array), activation relu: the bundled photo's maps
//   #t       <cnn-trainer>      500 training / 1,000 test images, one epoch, wasm (the Worker path)
//   #ms      <model-summary for="t">,  #cm-t <confusion-matrix for="t">,  #pad <digit-pad for="t">
//   #pad-own <digit-pad>        the bundled pretrained network (its weights)
//   #cm      <confusion-matrix> matrix as a PROPERTY (an array), labels cat,dog
//
// and one <output> per event, written by a handler the FRAMEWORK attached (@change / onchange, …):
//   #last-change "HxW" · #last-cell "actual/predicted/count" · #last-step "step:value" ·
//   #last-maps "CxHxW" · #last-train testAccuracy.toFixed(3) · #last-predict "<pad id>:<digit>"
import { noFailedRequests, photoMaps, predicts, startsTraining, trains } from './harness.mjs';

/** The values the apps bind (each app writes them out in its own syntax). */
export const GRID = Array.from({ length: 6 }, (_, r) => Array.from({ length: 6 }, (_, c) => r * 6 + c));
export const KERNEL = [
  [1, 0, -1],
  [1, 0, -1],
  [1, 0, -1],
];
export const MATRIX = [
  [5, 1],
  [2, 7],
];

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Waits until the page's `<output id>` has text, and returns it. */
async function output(page, id, timeout = 20_000) {
  await page.waitForFunction((id) => document.getElementById(id)?.textContent !== '', id, { timeout });
  return page.locator(`#${id}`).textContent();
}

/**
 * Checks the lesson page in `page` (already loaded). `train`: train a whole epoch and check what follows it
 * (the build); otherwise start training and stop at the first batch (the dev server). Throws with what a user
 * would have seen. Returns a one-line summary.
 */
export async function checkLesson(page, log, { train }) {
  const fail = (what, seen) => {
    throw new Error(`${what}: ${JSON.stringify(seen)}`);
  };
  await page.waitForFunction(() => document.querySelector('#calc')?.result != null, null, {
    timeout: 60_000,
  });
  const shape = await photoMaps(page, log);
  const seen = await page.evaluate(() => {
    const $ = (id) => document.getElementById(id);
    return {
      calc: $('calc').result,
      padding: $('calc').padding,
      inputSizeAttr: $('calc').getAttribute('input-size'),
      matrix: $('cm').matrix,
      accuracy: $('cm').accuracy,
      kvInput: $('kv').inputValues?.[0],
      kvKernel: $('kv').kernelValues?.[0],
      steps: $('kv').steps,
      params: $('ms').totalParams,
      errors: [...document.querySelectorAll('*')]
        .filter((el) => el.localName.includes('-') && el.error)
        .map((el) => `${el.id}: ${el.error}`),
    };
  });
  if (seen.errors.length) fail('an element shows an error', seen.errors);
  if (seen.inputSizeAttr !== '28') fail('input-size does not reach <conv-calculator>', seen);
  if (seen.padding !== 1) fail('padding is not set as a property (a number, not a string)', seen);
  if (seen.calc.outputHeight !== 28 || seen.calc.outputWidth !== 28) fail('conv-calculator: not 28x28', seen);
  if (!same(seen.matrix, MATRIX) || seen.accuracy !== 0.8) fail('the matrix property did not arrive', seen);
  if (!same(seen.kvInput, GRID) || !same(seen.kvKernel, KERNEL)) fail('kernel-viewer: input/kernel', seen);
  if (seen.steps !== 9) fail('kernel-viewer: 6x6, padding 1, stride 2 should take 9 steps', seen);
  if (seen.params !== 45424) fail('model-summary for="t" does not count the cnn', seen);
  // maps-ready: fired before this check looked, handled by the framework.
  const maps = await output(page, 'last-maps');
  if (maps !== shape.join('x') || maps !== '1x318x318')
    fail('maps-ready did not reach the handler', { maps, shape });

  // change: the reader edits the first field (input size) and commits it.
  const field = page.locator('#calc input').first();
  await field.fill('30');
  await field.press('Enter');
  await field.blur();
  const change = await output(page, 'last-change');
  if (change !== '30x30') fail('change did not reach the handler', change);
  // cell-select: the top-left cell (actual cat, predicted cat, 5 images).
  await page.locator('#cm button[part="cell"]').first().click();
  const cell = await output(page, 'last-cell');
  if (cell !== 'cat/cat/5') fail('cell-select did not reach the handler', cell);
  // step-change: the reader presses Next.
  await page.locator('#kv').getByRole('button', { name: /Next/ }).click();
  const step = await output(page, 'last-step');
  const want = await page.evaluate(() => `1:${document.getElementById('kv').output[0][1]}`);
  if (step !== want) fail('step-change did not reach the handler', { step, want });
  // predict: the pretrained pad (its weights downloaded) predicts a drawn "1".
  const own = await predicts(page, log, '#pad-own');
  const predicted = await output(page, 'last-predict');
  if (predicted !== `pad-own:${own.digit}`) fail('predict did not reach the handler', predicted);

  let summary;
  if (train) {
    const r = await trains(page, log);
    const ended = await output(page, 'last-train');
    if (ended !== r.testAccuracy.toFixed(3)) fail('train-end did not reach the handler', { ended, r });
    const cm = await page.evaluate(() => document.getElementById('cm-t').matrix);
    const total = cm?.flat().reduce((a, b) => a + b, 0);
    if (cm?.length !== 10 || total !== 1000) fail('confusion-matrix for="t" has not the trained run', cm);
    const p = await predicts(page, log, '#pad');
    if ((await output(page, 'last-predict')) !== `pad:${p.digit}`) fail('the trained pad: no predict', p);
    summary = `trained (test accuracy ${r.testAccuracy.toFixed(3)}, ${r.backend}), its pad says ${p.digit}`;
  } else {
    const batch = await startsTraining(page, log);
    summary = `training started in a Worker (batch ${batch.batch}, loss ${batch.loss.toFixed(2)})`;
  }
  noFailedRequests(log);
  return `${summary}; photo maps ${maps}, pad says ${own.digit}; change, cell-select, step-change, maps-ready, predict handled`;
}
