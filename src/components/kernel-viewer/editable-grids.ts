import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { RovingGrid } from '../shared/roving-grid.js';
import type { ViewerGeometry } from '../../engine/conv-steps.js';

/** The two kinds of editable grid in the picture. */
export type GridKind = 'input' | 'kernel';

/** One editable cell: which grid (`kind`, channel `c`) and where in it (row `i`, column `j`). */
export interface CellRef {
  kind: GridKind;
  c: number;
  i: number;
  j: number;
}

export interface EditableGridsOptions {
  /** How many channels each kind can have: one grid per kind and channel. */
  channels: number;
  /** The picture's sizes now (`null`: nothing shown); the input's editable cells are those inside its padding. */
  geometry: () => ViewerGeometry | null;
  /** Writes a saved value into its cell (the host recomputes what follows from it). */
  save: (cell: CellRef, value: number) => void;
  /** An edit is starting (the host stops playing). */
  onOpen: () => void;
  /** Where the cells are rendered: the buttons `button[data-cell="kind:c:i:j"]` and the field `input.cell-edit`. */
  root: () => ParentNode;
}

const same = (a: CellRef, b: CellRef) => a.kind === b.kind && a.c === b.c && a.i === b.i && a.j === b.j;

/**
 * The editable cells of `<kernel-viewer>`'s input and kernel grids. Keyboard focus: one shared `RovingGrid` per
 * grid (keyed `kind:channel`), so each grid is one Tab stop and the arrow keys move inside it. Editing in place:
 * `open` swaps a cell's button for a number field, Enter or leaving the field saves a finite number, Escape
 * cancels, and the focus goes to the field once it is rendered and back to the cell's button after. Why a
 * controller: the active cells survive re-renders, and every focus move waits for the render that creates the
 * element to focus. It renders the cells too (`renderCell`), so their markup and the selectors that find them
 * stay together.
 */
export class EditableGrids implements ReactiveController {
  private readonly grids = new Map<string, RovingGrid>();
  private editing: CellRef | null = null;
  /** The cell whose button gets the focus back after the next update. */
  private refocus: CellRef | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: EditableGridsOptions,
  ) {
    for (const kind of ['input', 'kernel'] as const) {
      for (let c = 0; c < options.channels; c++) {
        const grid = new RovingGrid(host, {
          size: () => {
            const g = options.geometry();
            if (!g || c >= g.channels) return { rows: 0, cols: 0 };
            return kind === 'input' ? { rows: g.inRows, cols: g.inCols } : { rows: g.kRows, cols: g.kCols };
          },
          cell: (i, j) => this.button({ kind, c, i, j }),
        });
        this.grids.set(`${kind}:${c}`, grid);
      }
    }
    host.addController(this);
  }

  /**
   * One editable cell: its button (click or Enter edits it; one per grid is tabbable), or the number field while
   * it is edited. `text` is what the cell shows (the value in the reader's locale) and its accessible names: the
   * button's (`Input R row 1, column 2: 5. Press Enter to edit.`) and the field's (`Edit Input R row 1, column 2`).
   */
  renderCell(r: CellRef, value: number, cls: string, text: { shown: string; button: string; edit: string }) {
    if (this.isEditing(r)) {
      return html`<input
        class="cell-edit"
        type="number"
        step="any"
        aria-label=${text.edit}
        .value=${String(value)}
        @keydown=${this.onFieldKey}
        @blur=${(ev: Event) => this.finish(ev, true)}
      />`;
    }
    const grid = this.grid(r.kind, r.c);
    return html`<button
      class=${cls}
      data-cell="${r.kind}:${r.c}:${r.i}:${r.j}"
      tabindex=${grid.tabIndex(r.i, r.j)}
      aria-label=${text.button}
      @click=${() => this.open(r)}
      @focus=${() => grid.setActive(r.i, r.j)}
    >
      ${text.shown}
    </button>`;
  }

  /**
   * A grid's `keydown`: the arrow keys move between its cells and go no further (the stage around the grids
   * would step the window). Home and End are left to the stage, which steps to the first or last window.
   */
  onKey(kind: GridKind, c: number, e: KeyboardEvent): void {
    if (e.key.startsWith('Arrow') && this.grid(kind, c).handleKey(e)) e.stopPropagation();
  }

  /** Whether `r` is the cell being edited. */
  private isEditing(r: CellRef): boolean {
    return this.editing !== null && same(this.editing, r);
  }

  /** Opens the number field of a cell (and makes the cell its grid's active one). */
  open(r: CellRef): void {
    this.options.onOpen();
    this.grid(r.kind, r.c).setActive(r.i, r.j);
    this.editing = r;
    this.host.requestUpdate();
  }

  /** New grids: no edit, no focus move, and each grid's first cell is the tabbable one again. */
  reset(): void {
    this.editing = this.refocus = null;
    for (const grid of this.grids.values()) grid.setActive(0, 0);
    this.host.requestUpdate();
  }

  /** Ends the edit from the field (`save`: keep a finite number typed there) and gives the focus back. */
  private finish(e: Event, save: boolean): void {
    const r = this.editing;
    if (!r) return;
    const raw = (e.target as HTMLInputElement).value.trim();
    const v = Number(raw);
    if (save && raw !== '' && Number.isFinite(v)) this.options.save(r, v);
    this.editing = null;
    this.refocus = r;
    this.host.requestUpdate();
  }

  /** The field's `keydown`: Enter saves, Escape cancels; no key leaves the field (the stage would step). */
  private readonly onFieldKey = (e: KeyboardEvent): void => {
    e.stopPropagation();
    if (e.key !== 'Enter' && e.key !== 'Escape') return;
    e.preventDefault();
    this.finish(e, e.key === 'Enter');
  };

  hostUpdated(): void {
    if (this.editing) {
      this.options.root().querySelector<HTMLInputElement>('input.cell-edit')?.focus();
    } else if (this.refocus) {
      const r = this.refocus;
      this.refocus = null;
      this.button(r)?.focus();
    }
  }

  private grid(kind: GridKind, c: number): RovingGrid {
    return this.grids.get(`${kind}:${c}`)!;
  }

  private button(r: CellRef): HTMLElement | null {
    return this.options
      .root()
      .querySelector<HTMLElement>(`button[data-cell="${r.kind}:${r.c}:${r.i}:${r.j}"]`);
  }
}
