import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RovingGridOptions {
  /** The grid's size now (it may change between updates); the active cell is kept inside it. */
  size: () => { rows: number; cols: number };
  /** The rendered element of a cell, to move the focus to (e.g. a `querySelector` on `data-r`/`data-c`). */
  cell: (row: number, col: number) => HTMLElement | null | undefined;
}

/**
 * Keyboard focus in a 2-D grid of cells, as Spectrum's `RovingTabindex` and the ARIA grid pattern do it: one
 * cell is tabbable (`tabindex="0"`, all others `-1`), so Tab enters and leaves the grid in one step; the arrow
 * keys move to the neighbouring cell (stopping at the edges), Home/End to the first/last cell of the row,
 * Ctrl+Home/Ctrl+End to the first/last cell of the grid. The host renders `tabindex=${grid.tabIndex(r, c)}`,
 * passes `grid.handleKey` as the grid's `keydown` handler and calls `grid.setActive(r, c)` when a cell gets
 * focus or is clicked.
 *
 * Why a controller: the active cell survives re-renders, and focusing the next cell must wait for the render
 * that makes it tabbable.
 */
export class RovingGrid implements ReactiveController {
  private _row = 0;
  private _col = 0;
  /** Set by a key move: focus the active cell after the next update. */
  private focusPending = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RovingGridOptions,
  ) {
    host.addController(this);
  }

  /** The active (tabbable) cell's row. */
  get row(): number {
    return this._row;
  }

  /** The active (tabbable) cell's column. */
  get col(): number {
    return this._col;
  }

  /** The `tabindex` of a cell: 0 for the active one, -1 for every other. */
  tabIndex(row: number, col: number): 0 | -1 {
    return row === this._row && col === this._col ? 0 : -1;
  }

  /** Makes a cell the active one (a cell got focus or was clicked); does not move the focus. */
  setActive(row: number, col: number): void {
    const [r, c] = this.clamp(row, col);
    if (r === this._row && c === this._col) return;
    this._row = r;
    this._col = c;
    this.host.requestUpdate();
  }

  /**
   * The grid's `keydown` handler: moves the active cell and the focus for the grid's keys (and calls
   * `preventDefault`, so the page does not scroll). Returns whether it handled the key.
   */
  readonly handleKey = (e: KeyboardEvent): boolean => {
    const { rows, cols } = this.options.size();
    if (rows < 1 || cols < 1) return false;
    let r = this._row;
    let c = this._col;
    // A grid laid out right-to-left (a table under an Arabic page) has its first column on the right.
    const target = e.target instanceof Element ? e.target : null;
    const step = target && getComputedStyle(target).direction === 'rtl' ? -1 : 1;
    switch (e.key) {
      case 'ArrowRight':
        c += step;
        break;
      case 'ArrowLeft':
        c -= step;
        break;
      case 'ArrowDown':
        r++;
        break;
      case 'ArrowUp':
        r--;
        break;
      case 'Home':
        c = 0;
        if (e.ctrlKey) r = 0;
        break;
      case 'End':
        c = cols - 1;
        if (e.ctrlKey) r = rows - 1;
        break;
      default:
        return false;
    }
    e.preventDefault();
    [this._row, this._col] = this.clamp(r, c);
    this.focusPending = true;
    this.host.requestUpdate();
    return true;
  };

  /** Before each render: a grid that shrank keeps its active cell inside. */
  hostUpdate(): void {
    [this._row, this._col] = this.clamp(this._row, this._col);
  }

  /** After the render that made the new cell tabbable: focus it. */
  hostUpdated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    this.options.cell(this._row, this._col)?.focus();
  }

  private clamp(row: number, col: number): [number, number] {
    const { rows, cols } = this.options.size();
    const fit = (v: number, n: number) => Math.max(0, Math.min(Math.max(0, n - 1), Math.trunc(v) || 0));
    return [fit(row, rows), fit(col, cols)];
  }
}
