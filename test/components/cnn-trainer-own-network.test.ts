// A reader's own network, driven the way a reader drives it: the trainer's own Start / Pause / Stop buttons by
// real clicks, in the default Worker, on the page beside the widgets that follow it; a
// layer that does not fit is a message naming the number that arrives; the files it hands out are named as
// the script says.
import { expect } from '@esm-bundle/chai';
import '../../src/define/cnn-trainer.js';
import '../../src/define/model-summary.js';
import '../../src/define/confusion-matrix.js';
import '../../src/define/feature-map.js';
import type { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { ModelSummary } from '../../src/components/model-summary/model-summary.js';
import type { ConfusionMatrix } from '../../src/components/confusion-matrix/confusion-matrix.js';
import type { FeatureMap } from '../../src/components/feature-map/feature-map.js';
import { SCRIPT_FILE, WEIGHTS_FILE } from '../../src/engine/export/file-names.js';
import { cleanup, expectAccessible, nextEvent, settle } from '../helpers.js';
import { expectVisibleFocus } from './quality.js';

const OWN = 'Conv2d(1, 6, 3), Tanh(), AvgPool2d(2), Flatten(), Dropout(0.2), Linear(1014, 10)';

const button = (el: CnnTrainer, part: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`button[part=${part}]`)!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `test()` holds (polling), failing with `what` after `ms`. */
async function until(test: () => boolean, what: string, ms = 60000): Promise<void> {
  const t0 = performance.now();
  while (!test()) {
    if (performance.now() - t0 > ms) throw new Error(`${what} within ${ms} ms`);
    await sleep(20);
  }
}

/** The page a lesson builder writes: the trainer with its own network, and every widget that follows it. */
async function page(attrs: string): Promise<{ el: CnnTrainer; host: HTMLDivElement }> {
  const host = document.createElement('div');
  host.className = 'fixture';
  host.innerHTML = `<cnn-trainer id="own" ${attrs}></cnn-trainer>
    <model-summary for="own"></model-summary>
    <confusion-matrix for="own"></confusion-matrix>
    <feature-map for="own" layer="tanh1"></feature-map>`;
  document.body.appendChild(host);
  const el = host.querySelector('cnn-trainer') as CnnTrainer;
  await settle(el);
  return { el, host };
}

/** Counts the trainer's `train-batch` events. */
function batchCounter(el: CnnTrainer): { readonly n: number } {
  const c = { n: 0 };
  el.addEventListener('train-batch', () => c.n++);
  return c;
}

describe('<cnn-trainer layers>: a reader’s own network, by its own buttons', function () {
  this.timeout(240000);
  afterEach(cleanup);

  it('Start, Pause, Resume and Stop by clicks train it in the default Worker; the followers and the files follow', async () => {
    const { el, host } = await page(
      `layers="${OWN}" epochs="1" train-size="3000" test-size="500" batch-size="20"`,
    );
    const summary = host.querySelector('model-summary') as ModelSummary;
    await settle(summary);
    expect(summary.layers.map((l) => l.name)).to.deep.equal([
      'conv1',
      'tanh1',
      'pool1',
      'flatten',
      'dropout1',
      'fc1',
    ]);
    expect(summary.totalParams).to.equal(6 * 9 + 6 + 1014 * 10 + 10);
    expect(button(el, 'pause').disabled && button(el, 'stop').disabled).to.equal(true);
    const batches = batchCounter(el);

    // Start: it loads, then trains; the run is in the Worker (no thread attribute: the default).
    const started = nextEvent(el, 'train-start', 120000);
    button(el, 'start').click();
    await started;
    await until(() => batches.n >= 3, 'three batches');
    await settle(el);
    expect(el.state).to.equal('training');
    expect((el.session as unknown as { thread?: string }).thread).to.equal('worker');
    expect(button(el, 'start').disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[part=layers]')!.disabled).to.equal(
      true,
    );

    // Pause: the batches stop coming, and the button says Resume.
    button(el, 'pause').click();
    await until(() => el.state === 'paused', 'paused');
    await settle(el);
    expect(button(el, 'pause').textContent!.trim()).to.equal('Resume');
    await sleep(150); // a batch already on its way may still arrive
    const atPause = batches.n;
    await sleep(600);
    expect(batches.n, 'no batch while paused').to.equal(atPause);

    // Resume (the same button): they come again.
    button(el, 'pause').click();
    await until(() => batches.n > atPause + 2, 'batches after Resume');
    expect(el.state).to.equal('training');

    // Stop: the run ends early, its results readable, and Start can start again.
    const ended = nextEvent(el, 'train-end', 60000);
    button(el, 'stop').click();
    await ended;
    await settle(el);
    expect(el.state).to.equal('done');
    expect(batches.n).to.be.below(3000 / 20); // stopped before the end
    expect(button(el, 'start').disabled).to.equal(false);
    expect(button(el, 'start').textContent!.trim()).to.equal('Start again');
    expect(el.shadowRoot!.querySelector('button[part=download-code]'), 'files once trained').to.not.equal(
      null,
    );

    // Start again: a fresh run of the same network, this time to the end.
    const again = nextEvent(el, 'train-end', 120000);
    button(el, 'start').click();
    await again;
    await settle(el);
    expect(el.state).to.equal('done');
    expect(el.testAccuracy).to.be.greaterThan(0.5);
    // The widgets that follow it show this network's run.
    const matrix = host.querySelector('confusion-matrix') as ConfusionMatrix;
    await until(() => matrix.matrix !== null, 'the confusion matrix');
    expect(matrix.matrix).to.deep.equal(el.confusion);
    expect(matrix.matrix!.flat().reduce((a, b) => a + b, 0)).to.equal(500);
    const fm = host.querySelector('feature-map') as FeatureMap;
    await until(() => fm.maps !== null || fm.error !== null, 'the feature maps');
    expect(fm.error).to.equal(null);
    expect(fm.maps!.shape).to.deep.equal(summary.layers[1]!.outputShape); // tanh1: 6×26×26
    expect(fm.maps!.data.flatMap((d) => [...d]).every((v) => Math.abs(v) <= 1)).to.equal(true);

    // The files, by their buttons: named as the script itself says to run it.
    const saved: { name: string; blob: Blob }[] = [];
    const blobs: Blob[] = [];
    const { createObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), createObjectURL(b));
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs[blobs.length - 1]! });
    };
    try {
      button(el, 'download-code').click();
      await until(() => saved.length === 1, 'the script saved');
      button(el, 'download-weights').click();
      await until(() => saved.length === 2, 'the weights saved');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved.map((s) => s.name)).to.deep.equal([SCRIPT_FILE, WEIGHTS_FILE]);
    const script = await saved[0]!.blob.text();
    expect(script).to.contain(`python3 ${SCRIPT_FILE} --data DIR --eval`);
    expect(script).to.match(/self\.conv1\s+= nn\.Conv2d\(1, 6, 3\)/);
    expect(script).to.match(/self\.fc1\s+= nn\.Linear\(1014, 10\)/);
    expect(script).to.contain(WEIGHTS_FILE);
    const bytes = new Uint8Array(await saved[1]!.blob.arrayBuffer());
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<
      string,
      { shape: number[] }
    >;
    expect(header['conv1.weight']!.shape).to.deep.equal([6, 1, 3, 3]);
    expect(header['fc1.weight']!.shape).to.deep.equal([10, 1014]);
    expect(el.error).to.equal(null);
  });

  it('a layer that does not fit is a message naming the number that arrives: Start stays off until it is fixed', async () => {
    const { el, host } = await page(`layers="Flatten(), Linear(784, 10)" epochs="1" train-size="500"`);
    const summary = host.querySelector('model-summary') as ModelSummary;
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[part=layers]')!;
    // The reader adds a convolution in front, and forgets that it changes what Linear receives.
    area.focus();
    area.value = 'Conv2d(1, 8, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(784, 10)';
    area.dispatchEvent(new Event('input'));
    area.dispatchEvent(new Event('change'));
    await settle(el);
    await settle(summary);
    const message = 'Linear(784, 10) receives 1,352 features here (8×13×13): write Linear(1352, 10).';
    expect(el.error).to.contain(message);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain(message);
    expect(summary.error).to.contain(message);
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    // Start is off; a click on it starts nothing.
    expect(button(el, 'start').disabled).to.equal(true);
    let startedRuns = 0;
    el.addEventListener('train-start', () => startedRuns++);
    button(el, 'start').click();
    await sleep(300);
    expect([startedRuns, el.state]).to.deep.equal([0, 'idle']);
    // A wrong in_channels likewise names the channels that arrive.
    area.value = 'Conv2d(1, 8, 3), ReLU(), Conv2d(6, 4, 3), Flatten(), Linear(2304, 10)';
    area.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.error).to.contain('Conv2d(6, 4, 3) receives 8 channels here: write Conv2d(8, 4, 3).');
    // Written as the message says: no error, Start is on.
    area.value = 'Conv2d(1, 8, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(1352, 10)';
    area.dispatchEvent(new Event('change'));
    await settle(el);
    await settle(summary);
    expect(el.error).to.equal(null);
    expect(summary.error).to.equal(null);
    expect(area.getAttribute('aria-invalid')).to.equal('false');
    expect(button(el, 'start').disabled).to.equal(false);
    expect(summary.totalParams).to.equal(8 * 9 + 8 + 1352 * 10 + 10);
  });

  it('is reachable by keyboard: the model menu, the text area, Start, then Pause and Stop, in the tab order, with a visible focus', async () => {
    const { el } = await page(`layers="${OWN}" epochs="1" train-size="3000" test-size="200" batch-size="20"`);
    await expectAccessible(el);
    await expectVisibleFocus(el);
    const root = el.shadowRoot!;
    /** The controls a Tab reaches, in order (not disabled, not tabindex=-1, shown). */
    const tabOrder = () =>
      [...root.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]')].filter(
        (c) => !(c as HTMLButtonElement).disabled && c.tabIndex >= 0 && c.getClientRects().length > 0,
      );
    const area = root.querySelector<HTMLTextAreaElement>('textarea[part=layers]')!;
    const select = root.querySelector<HTMLSelectElement>('select[data-field=model]')!;
    expect(select.value).to.equal('custom'); // the model menu says "Your own"
    const before = tabOrder();
    const at = (c: HTMLElement) => before.indexOf(c);
    expect(at(select)).to.be.at.least(0);
    // The menu, then the settings, then the text area; the next stop after it is Start (Pause and Stop are off
    // before a run).
    expect(at(area)).to.be.greaterThan(at(select));
    expect(before[at(area) + 1]).to.equal(button(el, 'start'));
    expect(before).to.not.include(button(el, 'pause'));
    // Focused and pressed (a button's Enter and Space are its click): it trains.
    button(el, 'start').focus();
    expect(root.activeElement).to.equal(button(el, 'start'));
    const started = nextEvent(el, 'train-start', 120000);
    button(el, 'start').click();
    await started;
    await until(() => el.state === 'training', 'training');
    await settle(el);
    // While it trains, Pause and Stop are in the tab order, and Start and the text area are not.
    const during = tabOrder();
    expect(during).to.include.members([button(el, 'pause'), button(el, 'stop')]);
    expect(during).to.not.include.members([button(el, 'start')]);
    expect(during).to.not.include(area);
    // Pause keeps the focus as it becomes Resume (the same button), so a second press resumes.
    button(el, 'pause').focus();
    button(el, 'pause').click();
    await until(() => el.state === 'paused', 'paused');
    await settle(el);
    expect(root.activeElement).to.equal(button(el, 'pause'));
    expect(button(el, 'pause').textContent!.trim()).to.equal('Resume');
    const ended = nextEvent(el, 'train-end', 60000);
    button(el, 'stop').focus();
    button(el, 'stop').click();
    await ended;
    await settle(el);
    expect(el.state).to.equal('done');
    // Done: Start (Start again) and the text area are back in the tab order.
    expect(tabOrder()).to.include.members([button(el, 'start'), area]);
  });
});
