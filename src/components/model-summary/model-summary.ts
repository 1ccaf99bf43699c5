import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { inlineStyle } from '../shared/inline-style.js';
import { CnnElement } from '../shared/cnn-element.js';
import { enumValue, numberValue, stringValue, textOrNumberValue } from '../shared/property-values.js';
import { TrainerLink } from '../shared/trainer-link.js';
import { formatInteger } from '../shared/format.js';
import { checkInteger, walkModel, type LayerInfo, type ModelSpec } from '../../engine/conv-math.js';
import { isModelName, MODEL_SPECS } from '../../engine/models/specs.js';
import {
  denseVersusConv,
  parseInputShape,
  spatialStages,
  TORCH_TYPE_NAMES,
} from '../../engine/models/display.js';
import { networkParser } from '../shared/network-parser.js';
import { styles } from './model-summary.styles.js';

const shapeText = (s: readonly number[]) => s.join('×');

/**
 * A layer-by-layer table of a network: each layer's type, hyperparameters, output shape (C × H × W),
 * parameters and multiply-adds, grouped into `features` and `classifier` as torchvision groups AlexNet, with
 * totals; a diagram of the spatial size shrinking through the network; and the lesson's point in one line —
 * how many weights a dense first layer would need for the same input, next to what the convolutions need.
 * Pure arithmetic (conv-math): loads no TensorFlow.js.
 *
 * @tagname model-summary
 * @summary Layer table, shape diagram and parameter counts of `alexnet`, `cnn`, `fnn` or a trainer's model.
 *
 * @csspart error - The message shown for invalid input or an impossible layer (`role="alert"`).
 * @csspart diagram - The shrinking-shapes diagram (one block per spatial layer).
 * @csspart comparison - The dense-versus-convolution weight comparison.
 * @csspart table - The layer table.
 * @csspart total - The totals row.
 *
 * @cssproperty [--cnn-summary-block=var(--cnn-accent)] Colour of the diagram's blocks.
 * @cssproperty [--cnn-summary-error-row=var(--cnn-negative)] Colour marking the layer that cannot be computed.
 */
export class ModelSummary extends CnnElement {
  static override styles = [...CnnElement.styles, styles];

  /** The network: `cnn` (the lesson's MNIST CNN), `fnn` (its feed-forward net) or `alexnet` (torchvision's). */
  @property({ reflect: true, converter: enumValue(['cnn', 'fnn', 'alexnet']) }) model = 'cnn';
  /**
   * Your own network, written as PyTorch writes it (`Conv2d(1, 16, 3), ReLU(), MaxPool2d(2), Flatten(), …`),
   * comma- or newline-separated; attribute `layers`. Overrides `model` when not empty. Named `network`, not
   * `layers`, because the `layers` property is already the computed rows.
   */
  @property({ attribute: 'layers', reflect: true, converter: stringValue }) network = '';
  /** Id of a trainer element (e.g. `<cnn-trainer>`) whose network (`layers`, else `model`) to show instead. */
  @property({ reflect: true, attribute: 'for', converter: stringValue }) htmlFor: string | null = null;
  /** Input shape: `"C×H×W"`, `"H×W"` or `"W"` (keeps the model's channels). Empty: the model's own input. */
  @property({
    attribute: 'input-shape',
    reflect: true,
    converter: textOrNumberValue('a shape such as "3x227x227", "227x227" or "227"'),
  })
  inputShape = '';
  /** Hidden units of the imagined dense first layer in the comparison (the lesson uses 500). */
  @property({ attribute: 'dense-hidden', reflect: true, converter: numberValue }) denseHidden = 500;

  /** The computed rows (`{ name, type, group, hyper, inputShape, outputShape, params, macs, … }`); on error, the rows computed before the failing layer. */
  get layers(): LayerInfo[] {
    return this._layers;
  }
  /** Total parameters of the network, or `null` when it cannot be computed (see `error`). */
  get totalParams(): number | null {
    return this._totalParams;
  }
  /** Total multiply-adds for one input, or `null` when it cannot be computed. */
  get totalMacs(): number | null {
    return this._totalMacs;
  }
  /** The spec actually shown (after resolving `for`), or null when the model name is unknown. */
  get spec(): ModelSpec | null {
    return this._spec;
  }

  @state() private _layers: LayerInfo[] = [];
  @state() private _totalParams: number | null = null;
  @state() private _totalMacs: number | null = null;
  @state() private _spec: ModelSpec | null = null;
  @state() private _input: number[] | null = null;
  /** Index of the layer that could not be computed (its row is marked), or null. */
  @state() private failedAt: number | null = null;
  /**
   * The trainer named by `for`, and its `model` attribute. `<cnn-trainer>` reflects its `model` property to the
   * attribute (whether the writer sets it from script or the reader picks it in the trainer's form), so
   * observing the attribute sees every change without hooking into the trainer's update cycle or its events.
   * Each change requests an update, which recomputes.
   */
  private readonly link = new TrainerLink(this, { attributes: ['model', 'layers'] });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.link.setFor(this.htmlFor);
    this.compute();
  }

  /**
   * The network in force: the trainer's when `for` names one that is on the page (its own network text, else
   * its model), else `layers`, else `model`.
   */
  private modelName(): { name: string; source: string; text: string | null } {
    const t = this.link.trainer;
    if (t) {
      const text = typeof t.network === 'string' ? t.network : t.getAttribute('layers');
      if (text?.trim()) return { name: 'custom', source: `the network of #${t.id}`, text };
      const v = typeof t.model === 'string' ? t.model : t.getAttribute('model');
      return { name: v ?? 'cnn', source: `the model of #${t.id}`, text: null };
    }
    if (this.network.trim()) return { name: 'custom', source: 'layers', text: this.network };
    return { name: this.model, source: 'model', text: null };
  }

  /**
   * Parses a network text against the input shape (`input-shape`, else one 28×28 grey image) with any output
   * width and no training limits: a summary only shows it. Returns the spec, or shows the error (with the line
   * and column, and the layer's text) over the rows computed before the failing layer. Null without a message
   * while the parser is loading (the table appears when it arrives).
   */
  private parseText(text: string, source: string): ModelSpec | null {
    let input = [1, 28, 28];
    if (this.inputShape.trim()) {
      const parsed = parseInputShape(this.inputShape, 1);
      if (!Array.isArray(parsed)) return (this.setError(parsed.error), null);
      input = parsed;
    }
    const parser = this.parts.need(networkParser);
    if (!parser) return (this.setError(null), null);
    const r = parser.parseNetwork(text, { inputShape: input, classes: null, limits: false });
    if (r.ok) return r.spec;
    const e = r.error;
    this._spec = {
      name: 'custom',
      title: 'Your network',
      inputShape: input,
      layers: r.layers.map((l) => l.spec),
    };
    this._input = input;
    // Only the rows before the failing layer: the walk may have gone on past a count that does not match.
    this.failedAt = e.layerIndex >= 0 && r.layers.length ? e.layerIndex : null;
    this._layers = r.walkRows.slice(0, this.failedAt ?? 0);
    const where = e.layerText && !e.message.includes(e.layerText) ? ` (in ${e.layerText})` : '';
    this.setError(`Your network (${source}): ${parser.formatLayersError(e)}${where}`);
    return null;
  }

  private compute(): void {
    this._layers = [];
    this._totalParams = null;
    this._totalMacs = null;
    this._input = null;
    this.failedAt = null;
    this._spec = null;
    if (this.propertyError) return this.setError(this.propertyError);
    const { name, source, text } = this.modelName();
    const key = String(name).trim().toLowerCase();
    if (text !== null) {
      const parsed = this.parseText(text, source);
      if (!parsed) return;
      this._spec = parsed;
    } else this._spec = isModelName(key) ? MODEL_SPECS[key] : null;
    if (!this._spec) {
      return this.setError(`Unknown model "${String(name)}" (${source}): use "cnn", "fnn" or "alexnet".`);
    }
    const spec = this._spec;
    let input = spec.inputShape;
    if (this.inputShape.trim()) {
      const parsed = parseInputShape(this.inputShape, spec.inputShape[0] ?? 1);
      if (!Array.isArray(parsed)) return this.setError(parsed.error);
      input = parsed;
    }
    this._input = input;
    const hiddenErr = checkInteger('Dense hidden units', this.denseHidden, 1);
    const walk = walkModel(spec, input);
    this._layers = walk.layers;
    if (!walk.ok) {
      this.failedAt = walk.at >= 0 ? walk.at : null;
      return this.setError(`${spec.title ?? spec.name} with a ${shapeText(input)} input: ${walk.error}`);
    }
    this._totalParams = walk.totalParams;
    this._totalMacs = walk.totalMacs;
    this.setError(hiddenErr);
  }

  protected override render() {
    const spec = this._spec;
    return html`
      ${this.renderError()}
      ${spec && this._input ? html`${this.renderDiagram(spec, this._input)} ${this.renderComparison(this._input)} ${this.renderTable(spec, this._input)}` : nothing}
    `;
  }

  /** One block per spatial stage (input, then each conv/pool), side proportional to its height and width. */
  private renderDiagram(spec: ModelSpec, input: number[]) {
    const stages = spatialStages(input, this._layers);
    if (!stages.length) return nothing;
    const maxSide = Math.max(...stages.map((s) => Math.max(s.shape[1] ?? 1, s.shape[2] ?? 1)));
    // Linear scale for sides (so areas show H×W), but never smaller than a visible square.
    const px = (v: number) => Math.max(4, Math.round((72 * v) / maxSide));
    const alt = `${spec.title ?? spec.name}: spatial size ${stages
      .map(
        (s) =>
          `${s.name} ${s.shape.length === 3 ? `${s.shape[1]}×${s.shape[2]} (${s.shape[0]} channels)` : `${s.shape[0]} values`}`,
      )
      .join(' → ')}.`;
    return html`<figure part="diagram" class="diagram" role="img" aria-label=${alt}>
      ${stages.map(
        (s, i) =>
          // Each arrow travels with the stage it points to, so a wrapped row never ends on a dangling arrow.
          html`<div class="step">
            ${i ? html`<span class="arrow" aria-hidden="true">→</span>` : nothing}
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
              <div class="stage-name">${s.name}</div>
              <div class="stage-shape">${shapeText(s.shape)}</div>
            </div>
          </div>`,
      )}
    </figure>`;
  }

  /** The lesson's point: a dense first layer on the same input would need C·H·W × hidden weights. */
  private renderComparison(input: number[]) {
    const hidden = this.denseHidden;
    if (checkInteger('h', hidden, 1)) return nothing;
    const { inputs, dense, convLayers, convParams, ratio } = denseVersusConv(input, hidden, this._layers);
    return html`<p part="comparison" class="comparison" data-testid="comparison">
      A dense first layer on this ${shapeText(input)} input would need
      <strong>${formatInteger(inputs)} × ${formatInteger(hidden)} = ${formatInteger(dense)}</strong> weights
      (${formatInteger(inputs)} inputs, ${formatInteger(hidden)} hidden units).
      ${
        convLayers
          ? html`All ${convLayers} convolution layers together have
              <strong>${formatInteger(convParams)}</strong> parameters${
                ratio >= 1.05
                  ? html` — ${formatInteger(ratio)} times fewer`
                  : ratio > 0 && ratio < 0.95
                    ? html` — more than the dense layer, at this small input`
                    : nothing
              }:
              a kernel's weights are shared by every position of the image.`
          : this.failedAt === null
            ? html`This network has no convolution layers: it is dense from the first layer on.`
            : nothing
      }
    </p>`;
  }

  private renderTable(spec: ModelSpec, input: number[]) {
    const groups: { group: string; rows: { layer: LayerInfo; index: number }[] }[] = [];
    this._layers.forEach((layer, index) => {
      const g = groups.at(-1);
      if (g && g.group === layer.group) g.rows.push({ layer, index });
      else groups.push({ group: layer.group, rows: [{ layer, index }] });
    });
    const failed = this.failedAt !== null ? spec.layers[this.failedAt] : undefined;
    const failedName = failed ? (failed.name ?? failed.type) : null;
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Layer table">
      <table part="table">
        <caption>
          ${spec.title ?? spec.name}: ${this._layers.length} layers for a ${shapeText(input)} input
        </caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Type</th>
            <th scope="col">Hyperparameters</th>
            <th scope="col" class="num">Output (C×H×W)</th>
            <th scope="col" class="num">Parameters</th>
            <th scope="col" class="num">Multiply-adds</th>
          </tr>
        </thead>
        <tbody>
          <tr class="input-row">
            <th scope="row">input</th>
            <td></td>
            <td></td>
            <td class="num">${shapeText(input)}</td>
            <td class="num">—</td>
            <td class="num">—</td>
          </tr>
        </tbody>
        ${groups.map(
          (g) =>
            html`<tbody>
              <tr class="group">
                <th scope="rowgroup" colspan="6">${g.group}</th>
              </tr>
              ${g.rows.map(
                ({ layer: l }) =>
                  html`<tr>
                    <th scope="row">${l.name}</th>
                    <td>${TORCH_TYPE_NAMES[l.type] ?? l.type}</td>
                    <td>${l.hyper}${l.note ? html`<span class="note"> (${l.note})</span>` : nothing}</td>
                    <td class="num">${shapeText(l.outputShape)}</td>
                    <td class="num">${formatInteger(l.params)}</td>
                    <td class="num">${l.macs ? formatInteger(l.macs) : '—'}</td>
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
                  <td colspan="4">cannot be computed (see the message above)</td>
                </tr>
              </tbody>`
            : nothing
        }
        ${
          this._totalParams !== null
            ? html`<tfoot>
                <tr part="total">
                  <th scope="row" colspan="4">Total</th>
                  <td class="num" data-testid="total-params">${formatInteger(this._totalParams)}</td>
                  <td class="num">${formatInteger(this._totalMacs ?? 0)}</td>
                </tr>
              </tfoot>`
            : nothing
        }
      </table>
    </div>`;
  }
}
