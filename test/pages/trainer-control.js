// The trainer's own buttons, clicked on the BUILT CDN bundle in its default mode (training in a Worker), as a
// reader would: after each command the batch events are counted. Reports through data-done / data-problem.
const problems = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const check = (ok, what) => ok || problems.push(what);
try {
  await import('/dist/cdn/cnn-widgets.js');
  await customElements.whenDefined('cnn-trainer');
  const t = document.querySelector('cnn-trainer');
  await t.updateComplete;
  const button = (part) => t.shadowRoot.querySelector(`button[part=${part}]`);
  let batches = 0;
  t.addEventListener('train-batch', () => batches++);
  const until = async (what, test, ms = 60000) => {
    const t0 = performance.now();
    while (!test()) {
      if (performance.now() - t0 > ms) throw new Error(`${what}: not within ${ms} ms (state ${t.state})`);
      await sleep(20);
    }
  };
  const ended = new Promise((resolve) =>
    t.addEventListener('train-end', (e) => resolve(e.detail), { once: true }),
  );

  button('start').click();
  await until('5 batches after Start', () => batches >= 5);
  check(t.session?.thread === 'worker', `trains on thread ${t.session?.thread}, not in a Worker`);

  button('pause').click();
  await t.updateComplete;
  check(t.state === 'paused', `state after Pause: ${t.state}`);
  await sleep(300); // the batch in flight may still report
  const atPause = batches;
  await sleep(1000);
  check(batches === atPause, `${batches - atPause} batches arrived in the second after Pause`);

  const n = await Promise.race([t.session.numTensors(), sleep(2000).then(() => 'no answer')]);
  check(typeof n === 'number' && n > 0, `numTensors() while paused: ${n}`);

  button('pause').click(); // Resume
  await until('3 batches after Resume', () => batches >= atPause + 3, 10000);
  check(t.state === 'training', `state after Resume: ${t.state}`);

  const atStop = batches;
  button('stop').click();
  const end = await Promise.race([ended, sleep(5000).then(() => null)]);
  check(end?.stopped === true, `train-end after Stop: ${JSON.stringify(end)}`);
  check(t.state === 'done', `state after Stop: ${t.state}`);
  check(batches - atStop <= 2, `${batches - atStop} batches between Stop and train-end`);
  const afterEnd = batches;
  await sleep(500);
  check(batches === afterEnd, `${batches - afterEnd} batches after train-end`);
} catch (e) {
  problems.push(String(e?.stack ?? e));
}
document.body.dataset.problem = problems.join('; ');
document.body.dataset.done = 'true';
