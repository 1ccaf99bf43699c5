import { expect } from '@esm-bundle/chai';
import '../../src/define/confusion-matrix.js';
import type {
  CellSelectDetail,
  ConfusionMatrix,
} from '../../src/components/confusion-matrix/confusion-matrix.js';
import { colourAt, contrastRatio, luminance, textOn } from '../../src/components/shared/colour-scale.js';
import { cleanup, expectAccessible, fixture, nextEvent, settle, shadowText } from '../helpers.js';
import { describeBadInput, expectNoBadNumbers, expectVisibleFocus } from './quality.js';

const M3 = [
  [5, 1, 0],
  [2, 7, 1],
  [0, 0, 4],
];

const mount = async (attrs = '', matrix: unknown = M3) => {
  const el = await fixture<ConfusionMatrix>(`<confusion-matrix ${attrs}></confusion-matrix>`);
  if (matrix !== null) {
    el.matrix = matrix as number[][];
    await settle(el);
  }
  return el;
};
const q = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const qa = <T extends Element>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const cell = (el: Element, r: number, c: number) =>
  q<HTMLButtonElement>(el, `button[data-r="${r}"][data-c="${c}"]`);
const key = (target: Element, k: string, extra: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, ...extra }));

/** A stand-in for <cnn-trainer>: a `confusion` property, `train-epoch` events and a session with testExamples. */
class FakeTrainer extends HTMLElement {
  confusion: number[][] | null = null;
  calls: [number, number, number][] = [];
  session = {
    testExamples: async (a: number, p: number, limit: number) => {
      this.calls.push([a, p, limit]);
      const n = Math.min(limit, this.confusion?.[a]?.[p] ?? 0);
      return Array.from({ length: n }, (_, i) => ({ index: 100 + i, pixels: new Uint8Array(784).fill(200) }));
    },
  };
  epoch(m: number[][]) {
    this.confusion = m;
    this.dispatchEvent(new CustomEvent('train-epoch', { detail: {}, bubbles: true, composed: true }));
  }
}

describe('<confusion-matrix>', () => {
  afterEach(cleanup);

  it('is accessible, in light and dark, counts and normalized', async () => {
    const el = await mount('labels="cat,dog,fox"');
    await expectAccessible(el);
    el.theme = 'dark';
    el.normalized = true;
    await settle(el);
    await expectAccessible(el);
  });

  it('is a real table: column and row headers, both axes labelled', async () => {
    const el = await mount('labels="cat,dog,fox"');
    const cols = qa(el, 'thead th[scope=col]').map((t) => t.textContent!.trim());
    expect(cols).to.deep.equal(['cat', 'dog', 'fox', 'Recall']);
    const rows = qa(el, 'tbody th[scope=row]').map((t) => t.textContent!.trim());
    expect(rows).to.deep.equal(['cat', 'dog', 'fox']);
    expect(q(el, 'th.axis-x').textContent).to.match(/Predicted/);
    expect(q(el, 'th.axis-y').textContent).to.match(/Actual/);
    expect(q(el, 'caption').textContent).to.match(/rows are the actual class/);
  });

  it('computes accuracy, precision and recall from the counts', async () => {
    const el = await mount();
    // trace 16 of total 20
    expect(el.accuracy).to.be.closeTo(16 / 20, 1e-12);
    expect(el.recall).to.deep.equal([5 / 6, 7 / 10, 4 / 4]);
    expect(el.precision).to.deep.equal([5 / 7, 7 / 8, 4 / 5]);
    expect(q(el, '[part=summary]').textContent).to.contain('80.0%');
    expect(cell(el, 1, 0).textContent!.trim()).to.equal('2');
  });

  it('undefined precision/recall (empty class) show a dash, never NaN', async () => {
    const el = await mount('', [
      [3, 0],
      [0, 0],
    ]);
    expect(el.recall).to.deep.equal([1, null]);
    expect(el.precision).to.deep.equal([1, null]);
    el.normalized = true;
    await settle(el);
    expect(shadowText(el)).not.to.match(/NaN|Infinity|undefined/);
    expect(cell(el, 1, 1).textContent!.trim()).to.equal('—');
  });

  it('normalize shows row fractions', async () => {
    const el = await mount('normalize');
    expect(cell(el, 0, 0).textContent!.trim()).to.equal((5 / 6).toFixed(2));
    expect(cell(el, 1, 2).textContent!.trim()).to.equal('0.10');
    expect(el.accuracy).to.be.closeTo(0.8, 1e-12);
  });

  it('colours cells with viridis and picks readable text by luminance', async () => {
    const el = await mount();
    const top = cell(el, 1, 1); // the max count → the brightest colour
    const bottom = cell(el, 0, 2); // zero → the darkest
    expect(getComputedStyle(top).backgroundColor).to.equal('rgb(253, 231, 37)');
    expect(getComputedStyle(top).color).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(bottom).backgroundColor).to.equal('rgb(68, 1, 84)');
    expect(getComputedStyle(bottom).color).to.equal('rgb(255, 255, 255)');
    // Every colour of the scale gets text with at least 4.5:1 contrast.
    for (let t = 0; t <= 1.0001; t += 0.01) {
      const bg = colourAt(t, 'viridis');
      const L = luminance(bg);
      const fg = textOn(bg) === '#000000' ? 0 : 1;
      const ratio = (Math.max(L, fg) + 0.05) / (Math.min(L, fg) + 0.05);
      expect(ratio, `t=${t}`).to.be.greaterThan(4.5);
      const fgBytes: [number, number, number] = fg ? [255, 255, 255] : [0, 0, 0];
      expect(contrastRatio(bg, fgBytes)).to.be.closeTo(ratio, 1e-9);
    }
    // Lightness rises monotonically (perceptually ordered).
    for (let t = 0.05; t <= 1; t += 0.05)
      expect(luminance(colourAt(t))).to.be.greaterThan(luminance(colourAt(t - 0.05)));
  });

  it('outlines the diagonal', async () => {
    const el = await mount();
    const diag = getComputedStyle(cell(el, 2, 2)).boxShadow;
    const off = getComputedStyle(cell(el, 2, 1)).boxShadow;
    expect(diag).not.to.equal('none');
    expect(off).to.equal('none');
    expect(cell(el, 2, 2).getAttribute('aria-label')).to.match(/correct/);
  });

  it('clicking a cell fires cell-select with labels (or indices) and count', async () => {
    const el = await mount('labels="cat,dog,fox"');
    const e = nextEvent<CellSelectDetail>(el, 'cell-select');
    cell(el, 1, 0).click();
    const d = (await e).detail;
    expect(d).to.include({ actual: 'dog', predicted: 'cat', count: 2, actualIndex: 1, predictedIndex: 0 });
    expect((await e).bubbles && (await e).composed).to.equal(true);
    el.labels = null;
    await settle(el);
    const e2 = nextEvent<CellSelectDetail>(el, 'cell-select');
    cell(el, 2, 2).click();
    expect((await e2).detail).to.include({ actual: 2, predicted: 2, count: 4 });
    await settle(el);
    expect(cell(el, 2, 2).getAttribute('aria-pressed')).to.equal('true');
  });

  it('is keyboard navigable: roving tabindex, arrows, Home/End, Enter', async () => {
    const el = await mount();
    const tabbable = () => qa<HTMLButtonElement>(el, 'td button').filter((b) => b.tabIndex === 0);
    expect(tabbable().map((b) => [b.dataset['r'], b.dataset['c']])).to.deep.equal([['0', '0']]);
    cell(el, 0, 0).focus();
    key(cell(el, 0, 0), 'ArrowRight');
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, 0, 1));
    key(cell(el, 0, 1), 'ArrowDown');
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, 1, 1));
    key(cell(el, 1, 1), 'End');
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, 1, 2));
    key(cell(el, 1, 2), 'ArrowRight'); // stays at the edge
    key(cell(el, 1, 2), 'Home', { ctrlKey: true });
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, 0, 0));
    expect(tabbable().length).to.equal(1);
    // Enter / Space on a <button> is a click: the native behaviour is what gives keyboard users selection.
    expect(cell(el, 0, 0).tagName).to.equal('BUTTON');
  });

  it('reads the matrix from a JSON attribute', async () => {
    const el = await fixture<ConfusionMatrix>(`<confusion-matrix matrix="[[1,2],[3,4]]"></confusion-matrix>`);
    expect(el.accuracy).to.be.closeTo(0.5, 1e-12);
    expect(el.error).to.equal(null);
  });

  it('copies the matrix: later edits to the caller’s arrays are not shown until re-assigned', async () => {
    const m = [
      [1, 0],
      [0, 1],
    ];
    const el = await mount('', m);
    m[0]![1] = 5;
    expect(el.accuracy).to.equal(1);
  });

  it('shows a placeholder, not an error, with no data', async () => {
    const el = await mount('', null);
    expect(el.error).to.equal(null);
    expect(q(el, '[part=placeholder]').textContent).to.match(/No data/);
    expect(el.accuracy).to.equal(null);
  });

  describe('bound to a trainer with for="id"', () => {
    before(() => {
      // Defined late on purpose: the matrix must still find and read it once it is upgraded.
    });

    it('follows a trainer declared later and defined later, updating at each epoch, and shows cell thumbnails', async () => {
      const host = document.createElement('div');
      host.className = 'fixture';
      document.body.append(host);
      const cm = document.createElement('confusion-matrix');
      cm.setAttribute('for', 'late-trainer');
      host.append(cm);
      await settle(cm);
      expect(q(cm, '[part=placeholder]').textContent).to.match(/late-trainer/);
      const t = document.createElement('fake-trainer-late') as FakeTrainer;
      t.id = 'late-trainer';
      host.append(t);
      if (!customElements.get('fake-trainer-late'))
        customElements.define('fake-trainer-late', class extends FakeTrainer {});
      await settle(cm);
      expect(q(cm, '[part=placeholder]').textContent).to.match(/Waiting for the trainer/);
      t.epoch([
        [8, 2],
        [1, 9],
      ]);
      await settle(cm);
      expect(cm.accuracy).to.be.closeTo(17 / 20, 1e-12);
      t.epoch([
        [10, 0],
        [1, 9],
      ]);
      await settle(cm);
      expect(cm.accuracy).to.be.closeTo(19 / 20, 1e-12);
      cell(cm, 1, 0).click();
      await settle(cm);
      await new Promise((r) => setTimeout(r, 0));
      await settle(cm);
      expect(t.calls.at(-1)).to.deep.equal([1, 0, 24]);
      const thumbs = qa<HTMLCanvasElement>(cm, 'canvas[data-thumb]');
      expect(thumbs.length).to.equal(1);
      expect(thumbs[0]!.getAttribute('role')).to.equal('img');
      expect(thumbs[0]!.getAttribute('aria-label')).to.match(/Test image 100: 1, predicted 0/);
      // Drawn as dark ink on light paper: pixel value 200 → 55.
      expect(thumbs[0]!.getContext('2d')!.getImageData(3, 3, 1, 1).data[0]).to.equal(55);
      await expectAccessible(cm);
      // Unbinding (removing the trainer) stops updates.
      t.remove();
      await settle(cm);
      t.epoch([
        [0, 10],
        [10, 0],
      ]);
      await settle(cm);
      expect(cm.accuracy).to.be.closeTo(19 / 20, 1e-12);
    });
  });

  describe('bound to a trainer: refreshes and layout', () => {
    if (!customElements.get('fake-trainer-now'))
      customElements.define('fake-trainer-now', class extends FakeTrainer {});
    const bound = async (id: string, width = 600) => {
      const host = document.createElement('div');
      host.className = 'fixture';
      host.style.width = `${width}px`;
      host.innerHTML = `<fake-trainer-now id="${id}"></fake-trainer-now><confusion-matrix for="${id}"></confusion-matrix>`;
      document.body.append(host);
      const cm = host.querySelector('confusion-matrix')!;
      await settle(cm);
      return { cm, t: host.querySelector('fake-trainer-now') as FakeTrainer };
    };

    it('a new epoch reloads the selected cell’s images using the NEW counts', async () => {
      const { cm, t } = await bound('fresh-trainer');
      t.epoch([
        [10, 0],
        [1, 9],
      ]);
      await settle(cm);
      cell(cm, 0, 1).click(); // 0 images yet
      await settle(cm);
      expect(q(cm, '[part=examples]').textContent).to.match(/No test images/);
      t.epoch([
        [7, 3],
        [1, 9],
      ]);
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 0));
        await settle(cm);
      }
      expect(t.calls.at(-1)).to.deep.equal([0, 1, 24]);
      expect(qa(cm, 'canvas[data-thumb]').length).to.equal(3);
    });

    for (const width of [600, 320]) {
      it(`reserves about the table’s height before the first epoch (no layout shift), ${width}px wide`, async () => {
        const { cm, t } = await bound(`shift-trainer-${width}`, width);
        const before = cm.getBoundingClientRect().height;
        expect(q(cm, '[part=placeholder]').textContent).to.match(/first epoch/);
        t.epoch(
          Array.from({ length: 10 }, (_, r) => Array.from({ length: 10 }, (_, c) => (r === c ? 950 : 5))),
        );
        await settle(cm);
        const after = cm.getBoundingClientRect().height;
        expect(after).to.be.greaterThan(200);
        expect(
          Math.abs(after - before) / after,
          `placeholder ${before}px vs table ${after}px`,
        ).to.be.lessThan(0.12);
      });
    }
  });

  it('rejects empty labels with a message', async () => {
    const el = await mount('labels="a,,c"');
    expect(el.error).to.match(/Label 2 is empty/);
    expect(qa(el, 'table').length).to.equal(0);
    el.labels = 'a, ,';
    await settle(el);
    expect(el.error).to.match(/Labels 2, 3 are empty/);
    el.labels = 'a,b,c';
    await settle(el);
    expect(el.error).to.equal(null);
  });

  const bad: [string, unknown, RegExp][] = [
    ['non-square', [[1, 2], [3]], /square/],
    [
      'ragged wide',
      [
        [1, 2, 3],
        [1, 2, 3],
      ],
      /square/,
    ],
    [
      'negative',
      [
        [1, -1],
        [0, 1],
      ],
      /negative/,
    ],
    [
      'non-integer',
      [
        [1, 0.5],
        [0, 1],
      ],
      /whole numbers/,
    ],
    [
      'NaN',
      [
        [1, NaN],
        [0, 1],
      ],
      /must be a number/,
    ],
    [
      'Infinity',
      [
        [1, Infinity],
        [0, 1],
      ],
      /finite/,
    ],
    [
      'string value',
      [
        [1, '2'],
        [0, 1],
      ],
      /must be a number/,
    ],
    ['row not array', [1, 2], /not an array/],
    ['non-array', { a: 1 }, /array of rows/],
    ['empty', [], /empty/],
    ['too big', Array.from({ length: 101 }, () => Array(101).fill(0)), /at most 100/],
  ];
  for (const [name, matrix, message] of bad) {
    it(`explains a bad matrix: ${name}`, async () => {
      const el = await mount('', matrix);
      expect(el.error).to.match(message);
      expect(el.accuracy).to.equal(null);
      const alert = q(el, '[part=error]');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.match(message);
      expect(qa(el, 'table').length).to.equal(0);
      expect(shadowText(el)).not.to.match(/NaN|Infinity|undefined/);
    });
  }

  it('explains a labels count mismatch and a bad JSON attribute, then recovers', async () => {
    const el = await mount('labels="a,b"');
    expect(el.error).to.match(/2 labels for 3 classes/);
    el.labels = 'a,b,c';
    await settle(el);
    expect(el.error).to.equal(null);
    el.setAttribute('matrix', '[[1,2],[3');
    await settle(el);
    expect(el.error).to.match(/JSON array/);
  });

  it('never puts label text into HTML', async () => {
    const el = await mount('labels="<img src=x onerror=alert(1)>,b,c"');
    expect(qa(el, 'img').length).to.equal(0);
    expect(q(el, 'thead th[scope=col]').textContent).to.contain('<img');
  });

  it('mounts and unmounts many times without leaving listeners on a trainer', async () => {
    if (!customElements.get('fake-trainer-x'))
      customElements.define('fake-trainer-x', class extends FakeTrainer {});
    const host = document.createElement('div');
    host.className = 'fixture';
    document.body.append(host);
    const t = document.createElement('fake-trainer-x') as FakeTrainer;
    t.id = 'tx';
    host.append(t);
    let added = 0;
    let removed = 0;
    const add = t.addEventListener.bind(t);
    const rem = t.removeEventListener.bind(t);
    t.addEventListener = ((...a: Parameters<typeof add>) => (
      added++,
      add(...a)
    )) as typeof t.addEventListener;
    t.removeEventListener = ((...a: Parameters<typeof rem>) => (
      removed++,
      rem(...a)
    )) as typeof t.removeEventListener;
    for (let i = 0; i < 20; i++) {
      const cm = document.createElement('confusion-matrix');
      cm.setAttribute('for', 'tx');
      host.append(cm);
      await settle(cm);
      cm.remove();
    }
    // Six listeners a mount (train-start, train-epoch, train-end, train-error, fine-tune, dataset), every one
    // removed again.
    expect(added).to.equal(120);
    expect(removed).to.equal(120);
  });

  it('shows a visible focus ring on the cells, in light and dark', async () => {
    const el = await mount();
    await expectVisibleFocus(el);
    el.theme = 'dark';
    await settle(el);
    await expectVisibleFocus(el);
  });

  it('two copies on one page are independent', async () => {
    const host = await fixture<HTMLDivElement>(
      `<div><confusion-matrix></confusion-matrix><confusion-matrix normalize></confusion-matrix></div>`,
    );
    const [a, b] = [...host.querySelectorAll<ConfusionMatrix>('confusion-matrix')] as [
      ConfusionMatrix,
      ConfusionMatrix,
    ];
    const shared = [
      [5, 1],
      [2, 7],
    ];
    a.matrix = shared;
    b.matrix = shared;
    await settle(a);
    await settle(b);
    expect([a.accuracy, b.accuracy]).to.deep.equal([12 / 15, 12 / 15]);
    const selected = nextEvent<CellSelectDetail>(a, 'cell-select');
    let bSelected = false;
    b.addEventListener('cell-select', () => (bSelected = true));
    a.shadowRoot!.querySelector<HTMLButtonElement>('button[data-r="1"][data-c="0"]')!.click();
    expect((await selected).detail.count).to.equal(2);
    expect(bSelected).to.equal(false);
    a.matrix = [[1]];
    await settle(a);
    expect(b.matrix).to.deep.equal(shared);
    expect(b.shadowRoot!.querySelector('button[data-r="1"][data-c="0"]')!.textContent!.trim()).to.equal(
      (2 / 9).toFixed(2),
    );
  });

  it('never shows or announces NaN, Infinity or undefined: all zeros, one class, huge counts', async () => {
    for (const m of [
      [
        [0, 0],
        [0, 0],
      ],
      [[0]],
      [[3]],
      [
        [1e12, 1],
        [0, 0],
      ],
    ]) {
      for (const attrs of ['', 'normalize']) {
        const el = await mount(attrs, m);
        expectNoBadNumbers(el);
        el.remove();
      }
    }
  });
});

const NOT_ROWS = /array of rows/;
describeBadInput(
  'confusion-matrix',
  {
    matrix: {
      empty: /JSON array of rows/,
      negative: NOT_ROWS,
      zero: NOT_ROWS,
      huge: NOT_ROWS,
      fractional: NOT_ROWS,
      nonNumeric: /JSON array of rows/,
      malformedJson: /JSON array of rows/,
    },
    labels: {
      empty: 'ok',
      negative: /1 label for 2 classes/,
      zero: /1 label for 2 classes/,
      huge: /1 label for 2 classes/,
      fractional: /1 label for 2 classes/,
      nonNumeric: /1 label for 2 classes/,
    },
    // A boolean attribute: present means on, whatever its text.
    normalize: { empty: 'ok', negative: 'ok', zero: 'ok', huge: 'ok', fractional: 'ok', nonNumeric: 'ok' },
    for: { empty: 'ok', negative: 'ok', zero: 'ok', huge: 'ok', fractional: 'ok', nonNumeric: 'ok' },
  },
  { json: ['matrix'], base: 'matrix="[[1,2],[3,4]]"' },
);
