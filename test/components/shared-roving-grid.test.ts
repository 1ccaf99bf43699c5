import { expect } from '@esm-bundle/chai';
import { LitElement, html } from 'lit';
import { RovingGrid } from '../../src/components/shared/roving-grid.js';
import { cleanup } from '../helpers.js';

class GridHost extends LitElement {
  static override properties = { rows: {}, cols: {} };
  rows = 3;
  cols = 4;
  grid = new RovingGrid(this, {
    size: () => ({ rows: this.rows, cols: this.cols }),
    cell: (r, c) => this.renderRoot.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`),
  });
  override render() {
    return html`<div @keydown=${this.grid.handleKey}>
      ${Array.from(
        { length: this.rows },
        (_, r) =>
          html`<div>
            ${Array.from(
              { length: this.cols },
              (_, c) =>
                html`<button
                  data-r=${r}
                  data-c=${c}
                  tabindex=${this.grid.tabIndex(r, c)}
                  @focus=${() => this.grid.setActive(r, c)}
                ></button>`,
            )}
          </div>`,
      )}
    </div>`;
  }
}
customElements.define('roving-grid-test-host', GridHost);

const mount = async () => {
  const host = document.createElement('div');
  host.className = 'fixture';
  document.body.append(host);
  const el = document.createElement('roving-grid-test-host') as GridHost;
  host.append(el);
  await el.updateComplete;
  return el;
};
const focused = (el: GridHost) => {
  const a = el.shadowRoot!.activeElement as HTMLElement | null;
  return a ? [Number(a.dataset['r']), Number(a.dataset['c'])] : null;
};
const tabbable = (el: GridHost) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('button')]
    .filter((b) => b.tabIndex === 0)
    .map((b) => [Number(b.dataset['r']), Number(b.dataset['c'])]);
const press = async (el: GridHost, key: string, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  (el.shadowRoot!.activeElement ?? el.shadowRoot!.querySelector('button'))!.dispatchEvent(e);
  await el.updateComplete;
  return e;
};

describe('RovingGrid (shared/roving-grid.ts)', () => {
  afterEach(cleanup);

  it('one cell is tabbable; arrows move it and the focus, stopping at the edges', async () => {
    const el = await mount();
    expect(tabbable(el)).to.deep.equal([[0, 0]]);
    el.shadowRoot!.querySelector<HTMLElement>('button')!.focus();
    expect((await press(el, 'ArrowRight')).defaultPrevented).to.equal(true);
    expect(focused(el)).to.deep.equal([0, 1]);
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown'); // already on the last row
    expect(focused(el)).to.deep.equal([2, 1]);
    await press(el, 'ArrowLeft');
    await press(el, 'ArrowLeft');
    expect(focused(el)).to.deep.equal([2, 0]);
    await press(el, 'ArrowUp');
    expect(focused(el)).to.deep.equal([1, 0]);
    expect(tabbable(el)).to.deep.equal([[1, 0]]);
  });

  it('Home/End go to the row’s ends, with Ctrl to the grid’s; other keys are left alone', async () => {
    const el = await mount();
    el.grid.setActive(1, 1);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('[data-r="1"][data-c="1"]')!.focus();
    await press(el, 'End');
    expect(focused(el)).to.deep.equal([1, 3]);
    await press(el, 'Home');
    expect(focused(el)).to.deep.equal([1, 0]);
    await press(el, 'End', { ctrlKey: true });
    expect(focused(el)).to.deep.equal([2, 3]);
    await press(el, 'Home', { ctrlKey: true });
    expect(focused(el)).to.deep.equal([0, 0]);
    const e = await press(el, 'a');
    expect(e.defaultPrevented).to.equal(false);
    expect(el.grid.handleKey(new KeyboardEvent('keydown', { key: 'Enter' }))).to.equal(false);
  });

  it('focusing or clicking a cell makes it the tabbable one; a grid that shrinks keeps it inside', async () => {
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLElement>('[data-r="2"][data-c="3"]')!.focus();
    await el.updateComplete;
    expect(tabbable(el)).to.deep.equal([[2, 3]]);
    el.rows = 2;
    el.cols = 2;
    await el.updateComplete;
    expect([el.grid.row, el.grid.col]).to.deep.equal([1, 1]);
    expect(tabbable(el)).to.deep.equal([[1, 1]]);
  });
});
