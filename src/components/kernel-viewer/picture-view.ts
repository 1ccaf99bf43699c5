/**
 * How `<kernel-viewer>` draws its grids, as template functions of the picture (`PictureView`): each channel of
 * the padded input and of the kernel (editable cells under the window), the products and their sum, and the
 * output so far. The element decides what to show; these only say how, in the reader's language.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { inlineStyle } from '../shared/inline-style.js';
import { formatValue } from '../shared/format.js';
import type { LocalizeController } from '../shared/localize.js';
import {
  channelName,
  isTap,
  windowSize,
  type Grid3,
  type ViewerGeometry,
  type WindowStep,
} from '../../engine/conv-steps.js';
import type { EditableGrids, GridKind } from './editable-grids.js';
import type { KERNEL_VIEWER_EN } from './kernel-viewer.strings.js';

/** What the grids are drawn from. */
export interface PictureView {
  geo: ViewerGeometry;
  inGrid: Grid3;
  kGrid: Grid3;
  windows: readonly WindowStep[];
  step: number;
  steps: number;
  cells: EditableGrids;
  localize: LocalizeController<typeof KERNEL_VIEWER_EN>;
}

/** A channel's name in the reader's language (R, G, B; "channel 2"; nothing for one channel). */
const channel = (v: PictureView, c: number): string => v.localize.say(channelName(v.geo.channels, c));

/** One channel of the input (padded, under the window) or of the kernel: its cells, editable, in a roving grid. */
export function renderPlane(v: PictureView, kind: GridKind, c: number, w: WindowStep) {
  const g = v.geo;
  const t = v.localize;
  const input = kind === 'input';
  const pad = input ? g.pad : 0;
  const [rows, cols] = input ? [g.inRows, g.inCols] : [g.kRows, g.kCols];
  const values = (input ? v.inGrid : v.kGrid)[c]!;
  const name = channel(v, c);
  const who = `${t.term(input ? 'kv.input' : 'kv.kernel')}${name ? ` ${name}` : ''}`;
  const cells: TemplateResult[] = [];
  for (let y = 0; y < rows + 2 * pad; y++) {
    for (let x = 0; x < cols + 2 * pad; x++) {
      const [i, j] = [y - pad, x - pad];
      const isPad = i < 0 || j < 0 || i >= rows || j >= cols;
      const cls = input ? `cell${isPad ? ' pad' : ''}${isTap(g, w, y, x) ? ' tap' : ''}` : 'cell weight';
      if (isPad) {
        cells.push(html`<span class=${cls} aria-hidden="true">${formatValue(0, t.lang)}</span>`);
        continue;
      }
      const shown = formatValue(values[i]![j]!, t.lang);
      const cell = t.term('kv.cell', { grid: who, row: i + 1, col: j + 1 });
      cells.push(
        v.cells.renderCell({ kind, c, i, j }, values[i]![j]!, cls, {
          shown,
          button: t.term('kv.cellButton', { cell, value: shown }),
          edit: t.term('kv.cellEdit', { cell }),
        }),
      );
    }
  }
  const what = t.term(input ? 'kv.inputValues' : 'kv.kernelWeights');
  const [effH, effW] = windowSize(g);
  return html`<figure class="plane">
    ${name ? html`<figcaption>${name}</figcaption>` : nothing}
    <div
      class="grid"
      role="group"
      aria-label=${name ? t.term('kv.gridChannel', { grid: what, channel: name }) : what}
      ${inlineStyle({ '--rows': rows + 2 * pad, '--cols': cols + 2 * pad })}
      @keydown=${(e: KeyboardEvent) => v.cells.onKey(kind, c, e)}
    >
      ${cells}
      ${
        input
          ? html`<div
              part="window"
              class="window"
              aria-hidden="true"
              ${inlineStyle({ '--top': w.top, '--left': w.left, '--h': effH, '--w': effW })}
            ></div>`
          : nothing
      }
    </div>
  </figure>`;
}

/**
 * A sum written left to right as a formula: each term its own isolate. Arabic-Indic digits are right-to-left
 * numbers for the bidi algorithm, so `٣ + ٤` with a bare `+` between them would be laid out from the right even
 * inside a left-to-right span; isolated terms are neutral to their `+`, which then follow the span's direction.
 */
const sumOf = (terms: string[]) => terms.map((t, i) => html`${i ? ' + ' : ''}<span class="term">${t}</span>`);

export function renderProducts(v: PictureView, w: WindowStep) {
  const g = v.geo;
  const f = (x: number) => formatValue(x, v.localize.lang);
  const term = (p: number) => (p < 0 ? `(${f(p)})` : f(p));
  const planes = w.products.map((pc, c) => {
    const name = channel(v, c);
    const flat = pc.flat();
    return html`<div class="product-plane">
      ${name ? html`<div class="ch-name">${name}</div>` : nothing}
      <div class="grid small" ${inlineStyle({ '--rows': g.kRows, '--cols': g.kCols })} aria-hidden="true">
        ${flat.map((p) => html`<span class="cell product ${p === 0 ? 'zero' : ''}">${f(p)}</span>`)}
      </div>
      <p class="sum">
        <span class="ltr"
          >${sumOf(flat.map(term))} =
          <strong class="term" data-testid="channel-sum">${f(w.channelSums[c]!)}</strong></span
        >
      </p>
    </div>`;
  });
  return html`<div class="planes">${planes}</div>
    ${
      g.channels > 1
        ? html`<p class="total">
            <span class="ltr"
              >${sumOf(w.channelSums.map((s, c) => `${channel(v, c)} ${term(s)}`))} =
              <strong class="term" data-testid="total">${f(w.value)}</strong></span
            >
          </p>`
        : nothing
    }`;
}

export function renderOutput(v: PictureView) {
  const g = v.geo;
  const t = v.localize;
  const filled = v.windows.slice(0, v.step + 1).map((s) => formatValue(s.value, t.lang));
  const cells = Array.from(
    { length: g.outRows * g.outCols },
    (_, k) =>
      html`<span class="cell out${k <= v.step ? ' filled' : ''}${k === v.step ? ' current' : ''}"
        >${filled[k] ?? ''}</span
      >`,
  );
  const label = t.term('kv.outputGrid', {
    rows: g.outRows,
    cols: g.outCols,
    done: v.step + 1,
    steps: v.steps,
    values: filled.join('; '),
  });
  return html`<div
    class="grid"
    role="img"
    aria-label=${label}
    ${inlineStyle({ '--rows': g.outRows, '--cols': g.outCols })}
  >
    ${cells}
  </div>`;
}
