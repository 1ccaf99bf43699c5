// The BUILT CDN bundle under real network faults (scripts/serve.mjs --faults, see scripts/lib/faults.mjs): a
// damaged file is an error in the element, never used; a network fault is retryable, and Retry works once the
// fault is gone. Reports through data-done / data-problem.
const problems = [];
const check = (ok, what) => ok || problems.push(what);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let n = 0;
/** The first `times` requests of `file` under this prefix are damaged in the way `kind` says. */
const fault = (kind, file, times = 1) =>
  `/__fault/${kind},${times},${file},p${Date.now()}x${n++}/dist/assets/`;
const until = async (what, test, ms = 30000) => {
  const t0 = performance.now();
  while (!test()) {
    if (performance.now() - t0 > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(25);
  }
};
const add = async (html) => {
  const host = document.createElement('div');
  host.innerHTML = html; // test-authored markup only
  document.body.append(host);
  const el = host.firstElementChild;
  await el.updateComplete;
  return el;
};
const retry = (el) => el.shadowRoot.querySelector('[part~=retry]');
const errorText = (el) => el.shadowRoot.querySelector('[part~=error]')?.textContent ?? '';

try {
  await import('/dist/cdn/cnn-widgets.js');

  // 1. Pretrained weights with 256 flipped bytes, at the right length: refused, then Retry loads the good copy.
  const pad = await add(
    `<digit-pad weights-src="${fault('flip', 'cnn-mnist.bin')}weights/cnn-mnist.json"></digit-pad>`,
  );
  await until('digit-pad error for flipped weights', () => pad.error);
  check(/damaged/i.test(pad.error), `digit-pad: flipped weights said "${pad.error}"`);
  check(errorText(pad).includes(pad.error), 'digit-pad: the error is not shown in part="error"');
  check(retry(pad), 'digit-pad: no Retry button for damaged weights');
  retry(pad)?.click();
  await until('digit-pad ready after Retry', () => pad.status === 'ready');
  const pixels = new Float32Array(784);
  for (let y = 6; y < 22; y++) pixels[y * 28 + 14] = 1; // a "1"
  pad.setPixels(pixels);
  await until('a prediction after Retry', () => pad.prediction);
  check(pad.prediction.probabilities.every(Number.isFinite), 'digit-pad: non-finite probabilities');

  // 2. A truncated photo: an error with Retry, not a half-decoded image.
  const fm = await add(
    `<feature-map src="${fault('truncate', 'coffee-320.png', 'inf')}images/coffee-320.png"></feature-map>`,
  );
  await until('feature-map error for a truncated photo', () => fm.error);
  check(retry(fm), 'feature-map: no Retry button for a truncated photo');
  check(!fm.maps, 'feature-map: maps were computed from a truncated photo');

  // 3. The MNIST manifest's connection dropped: retryable (not "not in the format"), then Retry trains.
  const t = await add(
    `<cnn-trainer data-src="${fault('reset', 'dataset.json')}mnist/" model="fnn" train-size="500" test-size="500" epochs="1" backend="wasm"></cnn-trainer>`,
  );
  // data-src's dataset.json is read at once (class names, shape): the fault shows before Start, with Retry.
  await until('trainer error for a dropped manifest', () => t.error);
  check(!/format/i.test(t.error), `trainer: a dropped connection said "${t.error}"`);
  check(/dataset\.json/.test(t.error), `trainer: the message does not name the file: "${t.error}"`);
  check(retry(t), 'trainer: no Retry button for a dropped connection');
  const ended = new Promise((r) => t.addEventListener('train-end', r, { once: true }));
  retry(t)?.click(); // reads dataset.json again (the fault is gone), then Start trains
  await until('the dataset read after Retry', () => !t.error && t.datasetInfo);
  t.shadowRoot.querySelector('button[part=start]').click();
  await Promise.race([ended, sleep(60000)]);
  check(t.state === 'done' && t.testAccuracy > 0.15, `trainer after Retry: ${t.state}, ${t.testAccuracy}`);
} catch (e) {
  problems.push(String(e?.stack ?? e));
}
document.body.dataset.problem = problems.join('; ');
document.body.dataset.done = 'true';
