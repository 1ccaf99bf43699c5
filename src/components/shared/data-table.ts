/**
 * A chart's numbers as a table, behind a visible "Data table" toggle (the Highcharts accessibility pattern):
 * a reader who cannot see the curve, or wants the exact values, opens the same numbers as a `<table>` with a
 * caption and column headers. The toggle is a button with `aria-expanded`; the table is a labelled region.
 *
 * The host keeps whether it is open and renders `renderDataTable(…)` where the toggle belongs; its styles
 * include `dataTableStyles`.
 */
import { css, html, nothing } from 'lit';

/** What the table shows: a caption, the column headers, and the rows (each cell already formatted). */
export interface DataTableSpec {
  /** Says what is tabulated: also the region's name. */
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/**
 * The toggle (`part="data-toggle"`) and, when `open`, the table (`part="data-table"`, the first column as row
 * headers). `label` is the toggle's text in the reader's language; `id` ties the button to the region. `table`
 * is asked for the rows only when the table is open: a chart renders once a frame while it trains, and a closed
 * table needs none of them formatted.
 */
export function renderDataTable(
  table: () => DataTableSpec,
  o: { open: boolean; label: string; id: string; toggle: () => void },
) {
  const spec = o.open ? table() : null;
  return html`<div class="data">
    <button
      part="data-toggle"
      class="secondary data-toggle"
      aria-expanded=${o.open ? 'true' : 'false'}
      aria-controls=${o.id}
      @click=${o.toggle}
    >
      ${o.label}
    </button>
    ${
      spec
        ? html`<div part="data-table" class="data-table" id=${o.id} role="region" aria-label=${spec.caption}>
            <table>
              <caption>
                ${spec.caption}
              </caption>
              <thead>
                <tr>
                  ${spec.columns.map((c) => html`<th scope="col">${c}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${spec.rows.map(
                  ([head, ...cells]) =>
                    html`<tr>
                      <th scope="row">${head}</th>
                      ${cells.map((c) => html`<td>${c}</td>`)}
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing
    }
  </div>`;
}

/** The toggle and the table's look (include in the host's styles). */
export const dataTableStyles = css`
  .data {
    margin-top: 8px;
  }
  .data-toggle {
    min-height: 32px;
    padding: 3px 10px;
    font-size: 0.9em;
  }
  .data-table {
    max-height: 18em;
    overflow: auto;
    margin-top: 6px;
  }
  .data-table table {
    border-collapse: collapse;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  .data-table caption {
    text-align: start;
    color: var(--_muted);
    padding-bottom: 4px;
  }
  .data-table th,
  .data-table td {
    border: 1px solid var(--_border);
    padding: 2px 8px;
    text-align: end;
  }
  .data-table thead th,
  .data-table tbody th {
    text-align: start;
    background: var(--_surface);
  }
`;
