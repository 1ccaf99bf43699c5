// The trainer's own buttons, clicked on the BUILT CDN bundle in its default mode (training in a Worker), as a
// reader would: after each command the batch events are counted. Reports through data-done / data-problem.
import './watch.js';
const problems = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const check = (ok, what) => ok || problems.push(what);
try {
  await import('/dist/cdn/cnn-widgets.js');
  await customElements.whenDefined('cnn-trainer');
  const t = document.querySelector('cnn-trainer');
  await t.updateComplete;
  const button = (part) => t.shadowRoot.querySelector(`button[part=${part}]`);
  // A reader clicks what is there and enabled: a missing or disabled button is a failure, not a silent no-op.
  const click = (part, label) => {
    const b = button(part);
    if (!b) throw new Error(`no ${part} button`);
    if (b.disabled) throw new Error(`the ${part} button is disabled in state ${t.state}`);
    const text = b.textContent.trim();
    if (text !== label) problems.push(`the ${part} button reads "${text}", expected "${label}"`);
    b.click();
  };
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

  check(t.state === 'idle', `state before Start: ${t.state}`);
  click('start', 'Start');
  await until('5 batches after Start', () => batches >= 5);
  check(t.state === 'training', `state after Start: ${t.state}`);
  check(t.session?.thread === 'worker', `trains on thread ${t.session?.thread}, not in a Worker`);

  click('pause', 'Pause');
  await t.updateComplete;
  check(t.state === 'paused', `state after Pause: ${t.state}`);
  check(
    button('pause').textContent.trim() === 'Resume',
    `while paused the button reads "${button('pause').textContent.trim()}"`,
  );
  await sleep(300); // the batch in flight may still report
  const atPause = batches;
  await sleep(1000);
  check(batches === atPause, `${batches - atPause} batches arrived in the second after Pause`);

  const n = await Promise.race([t.session.numTensors(), sleep(2000).then(() => 'no answer')]);
  check(typeof n === 'number' && n > 0, `numTensors() while paused: ${n}`);

  click('pause', 'Resume');
  await until('3 batches after Resume', () => batches >= atPause + 3, 10000);
  check(t.state === 'training', `state after Resume: ${t.state}`);

  const atStop = batches;
  click('stop', 'Stop');
  const end = await Promise.race([ended, sleep(5000).then(() => null)]);
  check(end?.stopped === true, `train-end after Stop: ${JSON.stringify(end)}`);
  check(t.state === 'done', `state after Stop: ${t.state}`);
  await t.updateComplete;
  check(button('stop').disabled, 'the Stop button is still enabled after Stop');
  check(
    button('start').textContent.trim() === 'Start again',
    `after Stop Start reads "${button('start').textContent.trim()}"`,
  );
  check(batches - atStop <= 2, `${batches - atStop} batches between Stop and train-end`);
  const afterEnd = batches;
  await sleep(500);
  check(batches === afterEnd, `${batches - afterEnd} batches after train-end`);
} catch (e) {
  problems.push(String(e?.stack ?? e));
}
document.body.dataset.problem = problems.join('; ');
document.body.dataset.done = 'true';
