import { expect } from '@esm-bundle/chai';
import '../../src/define/kernel-viewer.js';
import type { KernelViewer, KernelStepDetail } from '../../src/components/kernel-viewer/kernel-viewer.js';
import { outputSize } from '../../src/engine/conv-math.js';
import { cleanup, expectAccessible, fixture, nextEvent, settle, shadowText } from '../helpers.js';
import { describeBadInput, expectNoBadNumbers, expectVisibleFocus } from './quality.js';

const mount = (attrs = '') => fixture<KernelViewer>(`<kernel-viewer ${attrs}></kernel-viewer>`);
const q = <T extends Element>(el: KernelViewer, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const qa = <T extends Element>(el: KernelViewer, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

/**
 * Reference convolution written independently of the element: build the zero-padded image explicitly, then
 * slide the (dilated) kernel over it and sum over channels. Output size by counting positions, not by formula.
 */
function reference(
  input: number[][][],
  kernel: number[][][],
  pad: number,
  stride: number,
  dilation = 1,
): number[][] {
  const C = input.length;
  const H = input[0]!.length + 2 * pad;
  const W = input[0]![0]!.length + 2 * pad;
  const padded = input.map((plane) => {
    const p = Array.from({ length: H }, () => new Array<number>(W).fill(0));
    plane.forEach((row, i) => row.forEach((v, j) => (p[i + pad]![j + pad] = v)));
    return p;
  });
  const kh = kernel[0]!.length;
  const kw = kernel[0]![0]!.length;
  const out: number[][] = [];
  for (let top = 0; top + (kh - 1) * dilation < H; top += stride) {
    const row: number[] = [];
    for (let left = 0; left + (kw - 1) * dilation < W; left += stride) {
      let s = 0;
      for (let c = 0; c < C; c++)
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++)
            s += padded[c]![top + i * dilation]![left + j * dilation]! * kernel[c]![i]![j]!;
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

async function toEnd(el: KernelViewer) {
  el.step = el.steps - 1;
  await settle(el);
}

describe('<kernel-viewer>', () => {
  afterEach(cleanup);

  it('is accessible, in light and dark', async () => {
    const el = await mount();
    await expectAccessible(el);
    el.theme = 'dark';
    await settle(el);
    await expectAccessible(el);
    const rgb = await mount('channels="3" theme="dark"');
    await expectAccessible(rgb);
  });

  it('defaults to the lesson: 6×6 input, 3×3 kernel, padding 1, stride 2 → 3×3, with outputSize', async () => {
    const el = await mount();
    const o = outputSize({ input: 6, kernel: 3, padding: 1, stride: 2 });
    expect(o.ok && o.size).to.equal(3);
    expect(el.error).to.equal(null);
    expect(el.steps).to.equal(9);
    expect(el.step).to.equal(0);
    const out = el.output;
    expect(out.length).to.equal(3);
    expect(out.every((r) => r.length === 3)).to.equal(true);
    expect(out[0]![0]).to.be.a('number');
    expect(out.flat().filter((v) => v === null).length).to.equal(8);
    // Padding cells: an 8×8 padded grid has 64 − 36 = 28 of them, drawn differently.
    expect(qa(el, '[part=input] .cell.pad').length).to.equal(28);
    expect(qa(el, '[part=input] button.cell').length).to.equal(36);
    expect(shadowText(el)).to.contain('⌊(6 − 3 + 2·1) / 2⌋ + 1 = 3');
  });

  it('computes the same numbers as a reference convolution, cell by cell', async () => {
    const el = await mount();
    const ref = reference(el.inputValues!, el.kernelValues!, 1, 2);
    await toEnd(el);
    expect(el.output).to.deep.equal(ref);
    // The value of the current window is shown in the products panel, and the products sum to it.
    const sum = q(el, '[data-testid=channel-sum]').textContent!.replace('−', '-');
    expect(Number(sum)).to.equal(ref[2]![2]);
  });

  it('default values are small integers, stable for a seed and different for another', async () => {
    const a = await mount();
    const b = await mount();
    const c = await mount('seed="7"');
    expect(a.inputValues).to.deep.equal(b.inputValues);
    expect(a.kernelValues).to.deep.equal(b.kernelValues);
    expect(c.inputValues).not.to.deep.equal(a.inputValues);
    expect(a.inputValues!.flat(2).every((v) => Number.isInteger(v) && v >= 0 && v <= 9)).to.equal(true);
    expect(a.kernelValues!.flat(2).every((v) => Number.isInteger(v) && v >= -1 && v <= 1)).to.equal(true);
  });

  it("shows an RGB kernel's per-channel sums being added (the lesson's R 8 + G 12 + B 12 = 32)", async () => {
    const input = [
      [
        [1, 1, 1],
        [1, 0, 1],
        [1, 1, 1],
      ],
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      [
        [0, 2, 0],
        [2, 4, 2],
        [0, 2, 0],
      ],
    ];
    const kernel = [
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      [
        [1, 1, 1],
        [1, 4, 1],
        [1, 1, 1],
      ],
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
    ];
    const el = await mount(
      `padding="0" stride="1" input='${JSON.stringify(input)}' kernel='${JSON.stringify(kernel)}'`,
    );
    expect(el.error).to.equal(null);
    expect(el.steps).to.equal(1);
    expect(el.output).to.deep.equal(reference(input, kernel, 0, 1));
    expect(el.output).to.deep.equal([[32]]);
    expect(qa(el, '[data-testid=channel-sum]').map((s) => s.textContent)).to.deep.equal(['8', '12', '12']);
    expect(q(el, '[data-testid=total]').textContent).to.equal('32');
    expect(q(el, '.total').textContent!.replace(/\s+/g, ' ')).to.contain('R 8 + G 12 + B 12 = 32');
  });

  it('a 3-D input with random kernel, and random RGB defaults, sum over channels', async () => {
    const el = await mount('channels="3" input-size="5" padding="0" stride="1"');
    expect(el.inputValues!.length).to.equal(3);
    await toEnd(el);
    expect(el.output).to.deep.equal(reference(el.inputValues!, el.kernelValues!, 0, 1));
    expect(qa(el, '[part=input] figure').length).to.equal(3);
  });

  it('steps with next/prev, clamps at the ends and fires step-change with the reference value', async () => {
    const el = await mount();
    const ref = reference(el.inputValues!, el.kernelValues!, 1, 2);
    const ev = nextEvent<KernelStepDetail>(el, 'step-change');
    el.next();
    const e = await ev;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail).to.deep.equal({ step: 1, row: 0, col: 1, value: ref[0]![1] });
    await settle(el);
    expect(el.output[0]![1]).to.equal(ref[0]![1]);
    expect(el.output[0]![2]).to.equal(null);
    // The window sits over padded columns 2…4 of row 0.
    const win = q<HTMLElement>(el, '[part=window]');
    expect([win.style.getPropertyValue('--top'), win.style.getPropertyValue('--left')]).to.deep.equal([
      '0',
      '2',
    ]);
    el.prev();
    el.prev();
    await settle(el);
    expect(el.step).to.equal(0);
    el.step = 99;
    await settle(el);
    expect(el.step).to.equal(8);
    el.next();
    expect(el.step).to.equal(8);
  });

  it('play steps on a timer and pause stops; removal stops it too', async () => {
    const el = await mount();
    const ev = nextEvent<KernelStepDetail>(el, 'step-change', 5000);
    el.play();
    expect(el.playing).to.equal(true);
    expect((await ev).detail.step).to.equal(1);
    el.pause();
    expect(el.playing).to.equal(false);
    el.play();
    el.remove();
    expect(el.playing).to.equal(false);
  });

  it('play pauses by itself at the last window, and starts over from the first when played again', async () => {
    const el = await mount('input-size="3" kernel-size="2" padding="0" stride="1"'); // 2×2 = 4 windows
    el.step = 2;
    await settle(el);
    const last = nextEvent<KernelStepDetail>(el, 'step-change', 5000);
    el.play();
    expect((await last).detail.step).to.equal(3);
    expect(el.playing).to.equal(false);
    await settle(el);
    expect(qa<HTMLButtonElement>(el, '[part=controls] button')[1]!.textContent!.trim()).to.equal('Play');
    const restart = nextEvent<KernelStepDetail>(el, 'step-change');
    el.play();
    expect((await restart).detail.step).to.equal(0);
    expect(el.playing).to.equal(true);
    el.pause();
  });

  it('the step line is not announced while playing (aria-live off), and is again once paused', async () => {
    const el = await mount();
    const where = () => q<HTMLElement>(el, '[role=status]');
    expect(where().getAttribute('aria-live')).to.equal('polite');
    const ev = nextEvent<KernelStepDetail>(el, 'step-change', 5000);
    el.play();
    await settle(el);
    expect(where().getAttribute('aria-live')).to.equal('off');
    await ev;
    el.pause();
    await settle(el);
    expect(where().getAttribute('aria-live')).to.equal('polite');
  });

  it('setting `step` from script fires no step-change (documented); next() does', async () => {
    const el = await mount();
    const seen: number[] = [];
    el.addEventListener('step-change', (e) => seen.push(e.detail.step));
    el.step = 4;
    await settle(el);
    expect(el.step).to.equal(4);
    expect(seen).to.deep.equal([]);
    el.next();
    expect(seen).to.deep.equal([5]);
  });

  it('is keyboard operable: arrows on the stage, the scrubber, the buttons', async () => {
    const el = await mount();
    const stage = q<HTMLElement>(el, '.stage');
    stage.focus();
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(el.step).to.equal(1);
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    expect(el.step).to.equal(8);
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }));
    expect(el.step).to.equal(7);
    await settle(el);
    const range = q<HTMLInputElement>(el, 'input[type=range]');
    expect(range.max).to.equal('8');
    range.value = '3';
    range.dispatchEvent(new Event('input', { bubbles: true }));
    expect(el.step).to.equal(3);
    await settle(el);
    const buttons = qa<HTMLButtonElement>(el, '[part=controls] button');
    buttons.find((b) => b.textContent!.includes('Next'))!.click();
    expect(el.step).to.equal(4);
  });

  it('edits a cell: Enter opens a number field, Enter saves, the output follows', async () => {
    const el = await mount();
    const cell = q<HTMLButtonElement>(el, 'button[data-cell="input:0:0:0"]');
    cell.click();
    await settle(el);
    const field = q<HTMLInputElement>(el, 'input.cell-edit');
    expect(field).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal(field);
    field.value = '100';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await settle(el);
    expect(el.inputValues![0]![0]![0]).to.equal(100);
    const ref = reference(el.inputValues!, el.kernelValues!, 1, 2);
    expect(el.output[0]![0]).to.equal(ref[0]![0]);
    // Kernel cell, Escape cancels.
    const before = el.kernelValues![0]![1]![1];
    q<HTMLButtonElement>(el, 'button[data-cell="kernel:0:1:1"]').click();
    await settle(el);
    const kf = q<HTMLInputElement>(el, 'input.cell-edit');
    kf.value = '42';
    kf.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settle(el);
    expect(el.kernelValues![0]![1]![1]).to.equal(before);
    // Roving focus within a grid.
    const first = q<HTMLButtonElement>(el, 'button[data-cell="kernel:0:0:0"]');
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await settle(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-cell')).to.equal('kernel:0:0:1');
    expect(el.step).to.equal(0);
  });

  it('inside a grid the arrows move between cells only; Home and End still step the window', async () => {
    const el = await mount();
    const key = (cell: string, k: string) =>
      q(el, `button[data-cell="${cell}"]`).dispatchEvent(
        new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }),
      );
    q<HTMLButtonElement>(el, 'button[data-cell="input:0:0:0"]').focus();
    key('input:0:0:0', 'ArrowDown');
    await settle(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-cell')).to.equal('input:0:1:0');
    expect(el.step).to.equal(0);
    key('input:0:1:0', 'End');
    expect(el.step).to.equal(8);
    key('input:0:1:0', 'Home');
    expect(el.step).to.equal(0);
    await settle(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-cell')).to.equal('input:0:1:0');
  });

  it("new values make each grid's first cell the tabbable one again", async () => {
    const el = await mount();
    const tabIndex = (cell: string) => q(el, `button[data-cell="${cell}"]`).getAttribute('tabindex');
    q<HTMLButtonElement>(el, 'button[data-cell="kernel:0:0:0"]').focus();
    q(el, 'button[data-cell="kernel:0:0:0"]').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }),
    );
    await settle(el);
    expect([tabIndex('kernel:0:0:0'), tabIndex('kernel:0:0:1')]).to.deep.equal(['-1', '0']);
    el.seed = 2;
    await settle(el);
    expect([tabIndex('kernel:0:0:0'), tabIndex('kernel:0:0:1')]).to.deep.equal(['0', '-1']);
  });

  const shapes: [string, number, number, number, number][] = [
    // attrs, input, kernel, padding, stride, (dilation 1)
    ['input-size="7" kernel-size="3" padding="0" stride="1"', 7, 3, 0, 1],
    ['input-size="7" kernel-size="2" padding="0" stride="2"', 7, 2, 0, 2],
    ['input-size="5" kernel-size="5" padding="2" stride="1"', 5, 5, 2, 1],
    ['input-size="8" kernel-size="4" padding="1" stride="3"', 8, 4, 1, 3],
  ];
  for (const [attrs, n, k, p, s] of shapes) {
    it(`agrees with outputSize and the reference: ${attrs}`, async () => {
      const el = await mount(attrs);
      const o = outputSize({ input: n, kernel: k, padding: p, stride: s });
      expect(o.ok).to.equal(true);
      if (!o.ok) return;
      expect(el.steps).to.equal(o.size * o.size);
      await toEnd(el);
      expect(el.output).to.deep.equal(reference(el.inputValues!, el.kernelValues!, p, s));
    });
  }

  it('dilation spreads the taps', async () => {
    const el = await mount('input-size="7" kernel-size="3" padding="0" stride="1" dilation="2"');
    expect(el.steps).to.equal(9);
    expect(qa(el, '[part=input] .tap').length).to.equal(9);
    await toEnd(el);
    expect(el.output).to.deep.equal(reference(el.inputValues!, el.kernelValues!, 0, 1, 2));
  });

  const bad: [string, RegExp][] = [
    [`input='[[1,2],[3'`, /not valid JSON/],
    [`input='[[1,2],[3]]'`, /ragged/],
    [`input='[[1,"a"],[3,4]]'`, /not a finite number/],
    [`input='[]'`, /non-empty/],
    [`input='{"a":1}'`, /array of rows/],
    [`kernel='[[1,2],[3,null]]'`, /not a finite number/],
    [`input='[[1,2],[3,4]]' kernel='[[1,1,1],[1,1,1],[1,1,1]]' padding="0"`, /larger than the padded input/],
    [`kernel-size="9" input-size="4"`, /at most 7/],
    [`input='[[[1,2],[3,4]],[[1,2],[3,4]]]' kernel='[[1]]'`, /2 channels but the kernel has 1/],
    ['input-size="100"', /at most 32/],
    ['input-size="abc"', /not a number/],
    ['kernel-size="0"', /at least 1/],
    ['stride="0"', /stride of 0/i],
    ['stride="1.5"', /whole number/],
    ['padding="-1"', /at least 0/],
    ['padding="x"', /must be a number/],
    ['dilation="0"', /at least 1/],
    ['channels="9"', /at most 4/],
    [`kernel='[[[1]],[[1]],[[1]],[[1]],[[1]]]'`, /at most 4/],
  ];
  for (const [attrs, message] of bad) {
    it(`explains bad input: ${attrs}`, async () => {
      const el = await mount(attrs);
      expect(el.error).to.match(message);
      expect(el.steps).to.equal(0);
      expect(el.output).to.deep.equal([]);
      const alert = q(el, '[part=error]');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.match(message);
      expect(shadowText(el)).not.to.match(/NaN|Infinity|undefined/);
      el.next();
      el.play();
      expect(el.playing).to.equal(false);
    });
  }

  it('recovers when the input becomes valid again', async () => {
    const el = await mount('input="[[1,2"');
    expect(el.error).to.be.a('string');
    el.input = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    el.kernel = [
      [1, 0],
      [0, 1],
    ];
    el.padding = 0;
    el.stride = 1;
    await settle(el);
    expect(el.error).to.equal(null);
    await toEnd(el);
    expect(el.output).to.deep.equal([
      [6, 8],
      [12, 14],
    ]);
  });

  it('loads no TensorFlow.js', async () => {
    await mount();
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    expect(urls.filter((u) => /tfjs-|tensorflow/.test(u))).to.deep.equal([]);
  });

  it('shows a visible focus ring on every control, in light and dark', async () => {
    const el = await mount();
    await expectVisibleFocus(el);
    el.theme = 'dark';
    await settle(el);
    await expectVisibleFocus(el);
  });

  it('two copies on one page are independent: stepping, playing and removing one leaves the other', async () => {
    const host = await fixture<HTMLDivElement>(
      '<div><kernel-viewer seed="1"></kernel-viewer><kernel-viewer seed="1"></kernel-viewer></div>',
    );
    const [a, b] = [...host.querySelectorAll<KernelViewer>('kernel-viewer')] as [KernelViewer, KernelViewer];
    await settle(a);
    await settle(b);
    expect(a.output).to.deep.equal(b.output); // same seed, same numbers
    a.next();
    a.next();
    await settle(a);
    expect([a.step, b.step]).to.deep.equal([2, 0]);
    b.kernel = '[[1,0],[0,1]]';
    await settle(b);
    expect(b.steps).to.not.equal(a.steps);
    expect(a.error).to.equal(null);
    const stepped = nextEvent(b, 'step-change', 5000);
    b.play();
    a.remove();
    await stepped; // the survivor still plays
    b.pause();
    expect(b.step).to.be.greaterThan(0);
  });

  it('step given as an attribute is clamped to the steps there are, never NaN', async () => {
    for (const [v, want] of [
      ['-3', 0],
      ['1e9', 8],
      ['2.5', 3],
      ['abc', 0],
      ['', 0],
    ] as const) {
      const el = await mount(`step="${v}"`);
      expect(el.step, `step="${v}"`).to.equal(want);
      expectNoBadNumbers(el);
      el.remove();
    }
  });
});

const NUMBER_ATTRS = {
  empty: /must be a number|empty/,
  negative: /at least/,
  zero: /at least/,
  huge: /too large|at most/,
  fractional: /whole number/,
  nonNumeric: /must be a number/,
} as const;
const GRID = {
  empty: 'ok',
  negative: /array of rows/,
  zero: /array of rows/,
  huge: /array of rows/,
  fractional: /array of rows/,
  nonNumeric: /not valid JSON/,
  malformedJson: /not valid JSON/,
} as const;
describeBadInput(
  'kernel-viewer',
  {
    'input-size': {
      empty: /empty/,
      negative: /at least 1/,
      zero: /at least 1/,
      huge: /not a number|too large/,
      fractional: /whole number/,
      nonNumeric: /not a number/,
    },
    'kernel-size': NUMBER_ATTRS,
    padding: { ...NUMBER_ATTRS, zero: 'ok' },
    stride: NUMBER_ATTRS,
    dilation: NUMBER_ATTRS,
    channels: NUMBER_ATTRS,
    input: GRID,
    kernel: GRID,
    seed: {
      empty: /Seed must be a whole number/,
      negative: 'ok',
      zero: 'ok',
      huge: 'ok',
      fractional: /Seed must be a whole number \(got 2.5\)/,
      nonNumeric: /Seed must be a whole number/,
    },
  },
  { json: ['input', 'kernel'] },
);
