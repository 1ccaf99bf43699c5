/**
 * How `<model-summary>` shows a network, as template functions of what it computed (`SummaryView`): the diagram
 * of spatial sizes, the dense-versus-convolution sentence and the layer table, in the reader's language.
 */
import { html, nothing } from 'lit';
import { inlineStyle } from '../shared/inline-style.js';
import { formatInteger } from '../shared/format.js';
import { withParts } from '../shared/parts.js';
import type { LocalizeController } from '../shared/localize.js';
import type { LayerInfo, ModelSpec } from '../../engine/conv-math.js';
import { denseVersusConv, spatialStages, TORCH_TYPE_NAMES } from '../../engine/models/display.js';
import type { SUMMARY_EN } from './model-summary.strings.js';

/** What the summary computed, and how to say it. */
export interface SummaryView {
  spec: ModelSpec;
  input: number[];
  layers: LayerInfo[];
  /** Index of the layer that cannot be computed, or null. */
  failedAt: number | null;
  totalParams: number | null;
  totalMacs: number | null;
  /** Hidden units of the imagined dense layer; null when not a valid count. */
  hidden: number | null;
  localize: LocalizeController<typeof SUMMARY_EN>;
}

/**
 * A shape (1×28×28) in the reader's digits. In a sentence it goes through `localize.ltr` (shapeSaid); in the
 * table and the diagram its element holds `class="shape"`, kept strictly left to right by CSS, since
 * Arabic-Indic digits and × would otherwise be laid out right to left even inside a left-to-right isolate.
 */
export const shapeText = (s: readonly number[], t: Pick<LocalizeController, 'lang'>) =>
  s.map((x) => formatInteger(x, t.lang)).join('×');
/** A shape inside a sentence: the reader's digits, left to right in a right-to-left text too. */
export const shapeSaid = (s: readonly number[], t: Pick<LocalizeController, 'lang' | 'ltr'>) =>
  t.ltr(shapeText(s, t));

/** A network's title in the reader's language: the lesson's networks by name, a writer's own as written. */
export function titleOf(spec: ModelSpec, t: SummaryView['localize']): string {
  const known = {
    cnn: 'summary.title.cnn',
    fnn: 'summary.title.fnn',
    alexnet: 'summary.title.alexnet',
  } as const;
  if (spec.name in known) return t.term(known[spec.name as keyof typeof known]);
  if (spec.name === 'custom' && (!spec.title || spec.title === 'Your network'))
    return t.term('summary.title.custom');
  return spec.title ?? spec.name;
}

/** A stage's or a layer's name: `input` in the reader's language, layer names as they are. */
const stageName = (name: string, t: SummaryView['localize']) =>
  name === 'input' ? t.term('summary.input') : name;

/** One block per spatial stage (input, then each conv/pool), side proportional to its height and width. */
export function renderDiagram(v: SummaryView) {
  const t = v.localize;
  const stages = spatialStages(v.input, v.layers);
  if (!stages.length) return nothing;
  const maxSide = Math.max(...stages.map((s) => Math.max(s.shape[1] ?? 1, s.shape[2] ?? 1)));
  // Linear scale for sides (so areas show H×W), but never smaller than a visible square.
  const px = (n: number) => Math.max(4, Math.round((72 * n) / maxSide));
  const said = stages.map((s) =>
    s.shape.length === 3
      ? t.term('summary.stageImage', {
          name: stageName(s.name, t),
          size: shapeSaid([s.shape[1]!, s.shape[2]!], t),
          channels: s.shape[0]!,
        })
      : t.term('summary.stageFlat', { name: stageName(s.name, t), count: s.shape[0]! }),
  );
  const alt = t.term('summary.diagram', { title: titleOf(v.spec, t), stages: t.formats.list(said) });
  const arrow = t.dir === 'rtl' ? '←' : '→';
  return html`<figure part="diagram" class="diagram" role="img" aria-label=${alt}>
    ${stages.map(
      (s, i) =>
        // Each arrow travels with the stage it points to, so a wrapped row never ends on a dangling arrow.
        html`<div class="step">
          ${i ? html`<span class="arrow" aria-hidden="true">${arrow}</span>` : nothing}
          <div class="stage" aria-hidden="true">
            <div class="box-area">
              ${
                s.shape.length === 3
                  ? html`<div
                      class="box"
                      ${inlineStyle({ width: `${px(s.shape[2]!)}px`, height: `${px(s.shape[1]!)}px` })}
                    ></div>`
                  : html`<div
                      class="box flat"
                      ${inlineStyle({ height: `${Math.max(4, Math.min(72, Math.round(Math.sqrt(s.shape[0]!) * 2)))}px` })}
                    ></div>`
              }
            </div>
            <div class="stage-name">${stageName(s.name, t)}</div>
            <div class="stage-shape">${shapeText(s.shape, t)}</div>
          </div>
        </div>`,
    )}
  </figure>`;
}

/** The lesson's point: a dense first layer on the same input would need C·H·W × hidden weights. */
export function renderComparison(v: SummaryView) {
  const t = v.localize;
  const hidden = v.hidden;
  if (hidden === null) return nothing;
  const n = (x: number) => formatInteger(x, t.lang);
  const { inputs, dense, convLayers, convParams, ratio } = denseVersusConv(v.input, hidden, v.layers);
  const ratioText =
    ratio >= 1.05
      ? t.term('summary.fewer', { ratio: Math.round(ratio) })
      : ratio > 0 && ratio < 0.95
        ? t.term('summary.more')
        : '';
  return html`<p part="comparison" class="comparison" data-testid="comparison">
    ${withParts(
      t.term('summary.dense', { shape: shapeSaid(v.input, t), inputs, hidden }),
      html`<strong>${n(inputs)} × ${n(hidden)} = ${n(dense)}</strong>`,
    )}
    ${
      convLayers
        ? withParts(
            t.term('summary.conv', { count: convLayers, ratio: ratioText }),
            html`<strong>${n(convParams)}</strong>`,
          )
        : v.failedAt === null
          ? t.term('summary.noConv')
          : nothing
    }
  </p>`;
}

export function renderTable(v: SummaryView) {
  const t = v.localize;
  const n = (x: number) => formatInteger(x, t.lang);
  const groups: { group: string; rows: LayerInfo[] }[] = [];
  for (const layer of v.layers) {
    const g = groups.at(-1);
    if (g && g.group === layer.group) g.rows.push(layer);
    else groups.push({ group: layer.group, rows: [layer] });
  }
  const groupName = (g: string) =>
    g === 'features'
      ? t.term('summary.group.features')
      : g === 'classifier'
        ? t.term('summary.group.classifier')
        : g;
  const failed = v.failedAt !== null ? v.spec.layers[v.failedAt] : undefined;
  const failedName = failed ? (failed.name ?? failed.type) : null;
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${t.term('summary.table')}>
    <table part="table">
      <caption>
        ${t.term('summary.caption', { title: titleOf(v.spec, t), count: v.layers.length, shape: shapeSaid(v.input, t) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.term('summary.col.layer')}</th>
          <th scope="col">${t.term('summary.col.type')}</th>
          <th scope="col">${t.term('summary.col.hyper')}</th>
          <th scope="col" class="num">${t.term('summary.col.output')}</th>
          <th scope="col" class="num">${t.term('summary.col.params')}</th>
          <th scope="col" class="num">${t.term('summary.col.macs')}</th>
        </tr>
      </thead>
      <tbody>
        <tr class="input-row">
          <th scope="row">${t.term('summary.input')}</th>
          <td></td>
          <td></td>
          <td class="num"><span class="shape">${shapeText(v.input, t)}</span></td>
          <td class="num">—</td>
          <td class="num">—</td>
        </tr>
      </tbody>
      ${groups.map(
        (g) =>
          html`<tbody>
            <tr class="group">
              <th scope="rowgroup" colspan="6">${groupName(g.group)}</th>
            </tr>
            ${g.rows.map(
              (l) =>
                html`<tr>
                  <th scope="row">${l.name}</th>
                  <td>${TORCH_TYPE_NAMES[l.type] ?? l.type}</td>
                  <td>
                    ${l.hyperMessage ? t.say(l.hyperMessage) : html`<span class="ltr">${l.hyper}</span>`}${
                      l.note ? html`<span class="note"> (${t.say(l.noteMessage ?? l.note)})</span>` : nothing
                    }
                  </td>
                  <td class="num"><span class="shape">${shapeText(l.outputShape, t)}</span></td>
                  <td class="num">${n(l.params)}</td>
                  <td class="num">${l.macs ? n(l.macs) : '—'}</td>
                </tr>`,
            )}
          </tbody>`,
      )}
      ${
        failedName
          ? html`<tbody>
              <tr class="failed">
                <th scope="row">${failedName}</th>
                <td>${TORCH_TYPE_NAMES[failed!.type] ?? failed!.type}</td>
                <td colspan="4">${t.term('summary.failed')}</td>
              </tr>
            </tbody>`
          : nothing
      }
      ${
        v.totalParams !== null
          ? html`<tfoot>
              <tr part="total">
                <th scope="row" colspan="4">${t.term('summary.total')}</th>
                <td class="num" data-testid="total-params">${n(v.totalParams)}</td>
                <td class="num">${n(v.totalMacs ?? 0)}</td>
              </tr>
            </tfoot>`
          : nothing
      }
    </table>
  </div>`;
}
