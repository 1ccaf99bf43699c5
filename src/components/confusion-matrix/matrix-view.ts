/**
 * How `<confusion-matrix>` shows a matrix, as template functions of what it computed (`MatrixView`): the heat
 * table of count buttons with recall and precision, the line under it (accuracy, the most confused pair), the
 * data table behind its toggle, and the selected cell's test images — in the reader's language.
 */
import { html, nothing } from 'lit';
import { inlineStyle } from '../shared/inline-style.js';
import { formatFixed, formatInteger, formatPercent, MISSING } from '../shared/format.js';
import { colourAt, cssRgb, textOn } from '../shared/colour-scale.js';
import { withParts } from '../shared/parts.js';
import { renderDataTable } from '../shared/data-table.js';
import type { LocalizeController } from '../shared/localize.js';
import type { RovingGrid } from '../shared/roving-grid.js';
import type { MatrixMetrics } from '../../engine/metrics.js';
import type { TestExample } from '../../engine/training/types.js';
import { thumbShape } from './dataset-view.js';
import type { MATRIX_EN } from './confusion-matrix.strings.js';
import type { SHARED_EN } from '../shared/shared.strings.js';

/** What the table is drawn from. */
export interface MatrixView {
  m: number[][];
  d: MatrixMetrics;
  names: string[];
  normalized: boolean;
  selected: { r: number; c: number } | null;
  grid: RovingGrid;
  select: (r: number, c: number) => void;
  /** Whether the data table is open, and its toggle. */
  showData: boolean;
  toggleData: () => void;
  localize: LocalizeController<typeof MATRIX_EN & typeof SHARED_EN>;
}

/** The off-diagonal cell with the most images (the first one on a tie), or null when there is none. */
function mostConfused(m: number[][]): { r: number; c: number; count: number } | null {
  let best: { r: number; c: number; count: number } | null = null;
  m.forEach((row, r) =>
    row.forEach((count, c) => {
      if (r !== c && count > 0 && count > (best?.count ?? 0)) best = { r, c, count };
    }),
  );
  return best;
}

/** The count buttons, recall, precision; then the accuracy line, the data table and the test images. */
export function renderMatrix(v: MatrixView) {
  const { m, d, names, localize: t } = v;
  const n = d.n;
  const norm = v.normalized;
  const int = (x: number) => formatInteger(x, t.lang);
  const pct = (x: number | null) => formatPercent(x, 1, t.lang);
  const cells = (r: number) =>
    m[r]!.map((count, c) => {
      const frac = d.normalized[r]![c]!;
      const level = norm ? (frac ?? 0) : d.max > 0 ? count / d.max : 0;
      const bg = colourAt(level, 'viridis');
      const text = norm ? (frac === null ? MISSING : formatFixed(frac, 2, t.lang)) : int(count);
      const diag = r === c;
      const sel = v.selected?.r === r && v.selected?.c === c;
      const who = { value: text, actual: names[r]!, predicted: names[c]! };
      // The accessible name starts with the visible text (WCAG 2.5.3, label in name), then the headers.
      const label =
        (norm
          ? t.term('cm.cellNormalized', { ...who, count })
          : t.term('cm.cell', { ...who, share: frac === null ? '' : pct(frac) })) +
        (diag ? t.term('cm.correct') : '');
      return html`<td class=${diag ? 'diag' : ''}>
        <button
          part="cell"
          data-r=${r}
          data-c=${c}
          tabindex=${v.grid.tabIndex(r, c)}
          aria-label=${label}
          aria-pressed=${sel ? 'true' : 'false'}
          ${inlineStyle({ background: cssRgb(bg), color: textOn(bg) })}
          @click=${() => v.select(r, c)}
          @focus=${() => v.grid.setActive(r, c)}
        >
          ${text}
        </button>
      </td>`;
    });
  const worst = mostConfused(m);
  const rtl = t.dir === 'rtl';
  /** The colour scale's range, 0 to `top`: its arrow points the way the ramp runs (from the right in RTL). */
  const scale = (top: number) => `${int(0)} ${rtl ? '←' : '→'} ${int(top)}`;
  return html`
    <div class="wrap">
      <table part="table" @keydown=${v.grid.handleKey}>
        <caption class="visually-hidden">
          ${t.term(norm ? 'cm.captionNormalized' : 'cm.caption')}
        </caption>
        <thead>
          <tr>
            <td colspan="2"></td>
            <th scope="colgroup" colspan=${n} class="axis-x">${t.term('cm.predicted')} ${rtl ? '←' : '→'}</th>
            <td></td>
          </tr>
          <tr>
            <td colspan="2"></td>
            ${names.map((name) => html`<th scope="col" class="label">${name}</th>`)}
            <th scope="col" class="metric" title=${t.term('cm.recallHint')}>${t.term('cm.recall')}</th>
          </tr>
        </thead>
        <tbody>
          ${m.map(
            (_row, r) =>
              html`<tr>
                ${
                  r === 0
                    ? html`<th scope="rowgroup" rowspan=${n} class="axis-y">
                        <span>${t.term('cm.actual')} ↓</span>
                      </th>`
                    : nothing
                }
                <th scope="row" class="label">${names[r]}</th>
                ${cells(r)}
                <td class="metric">${pct(d.recall[r]!)}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <td></td>
            <th scope="row" class="metric" title=${t.term('cm.precisionHint')}>${t.term('cm.precision')}</th>
            ${d.precision.map((p) => html`<td class="metric">${pct(p)}</td>`)}
            <td></td>
          </tr>
        </tfoot>
      </table>
    </div>
    <p part="summary" class="summary">
      ${withParts(t.term('cm.accuracy', { correct: d.correct, total: d.total }), html`<strong>${pct(d.accuracy)}</strong>`)}
      <span class="scale" aria-hidden="true"
        ><span class=${rtl ? 'ramp rtl' : 'ramp'}></span
        >${norm ? t.term('cm.scaleRow', { range: scale(1) }) : scale(d.max)}</span
      >
      <span class="confused"
        >${
          worst
            ? t.term('cm.mostConfused', {
                actual: names[worst.r]!,
                predicted: names[worst.c]!,
                count: worst.count,
              })
            : d.total > 0
              ? t.term('cm.noConfusion')
              : nothing
        }</span
      >
    </p>
    ${renderDataTable(
      () => ({
        caption: t.term('cm.table'),
        columns: [
          t.term('cm.col.class'),
          t.term('cm.col.count'),
          t.term('cm.col.correct'),
          t.term('cm.recall'),
          t.term('cm.precision'),
          t.term('cm.col.confused'),
        ],
        rows: m.map((row, r) => {
          const off = row.map((x, c) => (c === r ? -1 : x));
          const top = off.indexOf(Math.max(...off));
          return [
            names[r]!,
            int(row.reduce((a, b) => a + b, 0)),
            int(row[r]!),
            pct(d.recall[r]!),
            pct(d.precision[r]!),
            top >= 0 && off[top]! > 0 ? `${names[top]} (${int(off[top]!)})` : MISSING,
          ];
        }),
      }),
      { open: v.showData, label: t.term('common.dataTable'), id: 'data', toggle: v.toggleData },
    )}
  `;
}

/** The placeholder before there is data (its room kept when a trainer's 10 × 10 table will come). */
export function renderPlaceholder(
  t: MatrixView['localize'],
  o: { trainer: boolean; ended?: boolean; htmlFor: string | null },
) {
  const text = o.trainer
    ? t.term(o.ended ? 'cm.endedEarly' : 'cm.waitingEpoch')
    : o.htmlFor
      ? t.term('cm.waitingId', { id: o.htmlFor })
      : t.term('cm.noData');
  return html`<p part="placeholder" class=${o.htmlFor ? 'placeholder reserve' : 'placeholder'}>${text}</p>`;
}

/** The selected cell's test images, with the heading and the note above them. */
export function renderExamples(
  t: MatrixView['localize'],
  o: {
    actual: string;
    predicted: string;
    correct: boolean;
    count: number;
    thumbs: TestExample[];
    note: string;
  },
) {
  const who = { actual: o.actual, predicted: o.predicted };
  return html`<section part="examples" class="examples" aria-label=${t.term('cm.examples', who)}>
    <h3>
      ${t.term(o.correct ? 'cm.readCorrectly' : 'cm.readAs', who)} ·
      ${t.term('cm.imageCount', { count: o.count, shown: o.thumbs.length })}
    </h3>
    ${o.note ? html`<p class="note">${o.note}</p>` : nothing}
    <div class="thumbs">
      ${o.thumbs.map(
        (ex) =>
          html`<canvas
            data-thumb
            width=${thumbShape(ex)[1]}
            height=${thumbShape(ex)[0]}
            role="img"
            aria-label=${t.term('cm.thumb', { index: ex.index, ...who })}
          ></canvas>`,
      )}
    </div>
  </section>`;
}
