import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnnElement } from '../shared/cnn-element.js';
import {
  enumValue,
  networkValue,
  numberValue,
  stringValue,
  textOrNumberValue,
} from '../shared/property-values.js';
import { TrainerLink } from '../shared/trainer-link.js';
import { datasetOf, isMnistShaped } from '../../engine/models/dataset-of.js';
import { fitSpec } from '../../engine/models/fit.js';
import type { DatasetInfo } from '../../engine/training/types.js';
import { checkInteger, walkModel, type LayerInfo, type ModelSpec } from '../../engine/conv-math.js';
import { isModelName, MODEL_SPECS } from '../../engine/models/specs.js';
import { parseInputShape } from '../../engine/models/display.js';
import { isEmptyNetwork, type NetworkValue } from '../../engine/models/network-empty.js';
import { networkParser } from '../shared/network-parser.js';
import { styles } from './model-summary.styles.js';
import { SHARED_EN } from '../shared/shared.strings.js';
import { message, messagesOf, type Message } from '../../engine/messages.js';
import { SUMMARY_EN } from './model-summary.strings.js';
import {
  renderComparison,
  renderDiagram,
  renderTable,
  shapeSaid,
  titleOf,
  type SummaryView,
} from './summary-view.js';

const EN = { ...SHARED_EN, ...SUMMARY_EN };
const say = messagesOf(SUMMARY_EN);

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
export class ModelSummary extends CnnElement<Record<string, unknown>, typeof EN> {
  static override styles = [...CnnElement.styles, styles];
  protected static override strings = EN;

  /** The network: `cnn` (the lesson's MNIST CNN), `fnn` (its feed-forward net) or `alexnet` (torchvision's). */
  @property({ reflect: true, converter: enumValue(['cnn', 'fnn', 'alexnet']) }) model = 'cnn';
  /**
   * Your own network, written as PyTorch writes it (`Conv2d(1, 16, 3), ReLU(), MaxPool2d(2), Flatten(), …`),
   * comma- or newline-separated, or the engine's plain layer specs (an array, or its JSON in the attribute);
   * attribute `layers`. Overrides `model` when not empty. Named `network`, not `layers`, because the `layers`
   * property is already the computed rows.
   */
  @property({ attribute: 'layers', reflect: true, converter: networkValue }) network: NetworkValue = '';
  /** Id of a trainer element (e.g. `<cnn-trainer>`) whose network (`layers`, else `model`, on its dataset's images) to show instead. */
  @property({ reflect: true, attribute: 'for', converter: stringValue }) htmlFor: string | null = null;
  /** Input shape: `"C×H×W"`, `"H×W"` or `"W"` (keeps the model's channels). Empty: the model's own input. */
  @property({
    attribute: 'input-shape',
    reflect: true,
    converter: textOrNumberValue(message(SHARED_EN, 'value.shape')),
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
  private readonly link = new TrainerLink(this, {
    attributes: ['model', 'layers', 'data-src'],
    // What it trains on is known (a data-src read): its preset is fitted to that size, channels and classes.
    on: { dataset: () => {} },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.link.setFor(this.htmlFor);
    this.compute();
  }

  /**
   * The network in force: the trainer's when `for` names one that is on the page (its own network text, else
   * its model), else `layers`, else `model`.
   */
  private modelName(): { name: string; source: Message; text: unknown } {
    const t = this.link.trainer;
    if (t) {
      // The trainer's property (text or specs), else its attribute (a trainer not upgraded yet).
      const text = t.network !== undefined && t.network !== null ? t.network : t.getAttribute('layers');
      if (!isEmptyNetwork(text))
        return { name: 'custom', source: say('summary.source.trainerNetwork', { id: t.id }), text };
      const v = typeof t.model === 'string' ? t.model : t.getAttribute('model');
      return { name: v ?? 'cnn', source: say('summary.source.trainerModel', { id: t.id }), text: null };
    }
    if (!isEmptyNetwork(this.network))
      return { name: 'custom', source: say('summary.source.layers'), text: this.network };
    return { name: this.model, source: say('summary.source.model'), text: null };
  }

  /** The followed trainer's dataset, `[C, H, W]` of one image, when it is not MNIST's; else null. */
  private trainerInput(): number[] | null {
    const d = this.trainerData();
    return d ? [d.shape[2], d.shape[0], d.shape[1]] : null;
  }

  /** What the followed trainer trains on, when it says and it is not MNIST (whose networks need no fitting). */
  private trainerData(): Readonly<DatasetInfo> | null {
    const t = this.link.trainer;
    if (!t) return null;
    const d = datasetOf(t);
    return isMnistShaped(d) ? null : d;
  }

  /** A lesson preset as the followed trainer trains it: fitted to its dataset (as the trainer fits it). */
  private fitted(spec: ModelSpec): ModelSpec {
    const d = this.trainerData();
    if (!d || spec === MODEL_SPECS.alexnet) return spec;
    try {
      return fitSpec(spec, d);
    } catch {
      return spec;
    }
  }

  /**
   * Parses a network text against the input shape (`input-shape`, else one 28×28 grey image) with any output
   * width and no training limits: a summary only shows it. Returns the spec, or shows the error (with the line
   * and column, and the layer's text) over the rows computed before the failing layer.
   */
  private parseText(text: unknown, source: Message): ModelSpec | null {
    let input = this.trainerInput() ?? [1, 28, 28];
    if (this.inputShape.trim()) {
      const parsed = parseInputShape(this.inputShape, 1);
      if (!Array.isArray(parsed)) return (this.setError(parsed.message), null);
      input = parsed;
    }
    const parser = this.parts.need(networkParser);
    if (!parser) return (this.setError(null), null); // the table appears when the parser arrives
    const r = parser.parseNetworkValue(text, { inputShape: input, classes: null, limits: false });
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
    const error = parser.formatLayersMessage(e);
    this.setError(
      e.layerText && !e.message.includes(e.layerText)
        ? say('summary.networkErrorIn', { source, error, layer: e.layerText })
        : say('summary.networkError', { source, error }),
    );
    return null;
  }

  private compute(): void {
    this._layers = [];
    this._totalParams = null;
    this._totalMacs = null;
    this._input = null;
    this.failedAt = null;
    this._spec = null;
    if (this.propertyMessage) return this.setError(this.propertyMessage);
    const { name, source, text } = this.modelName();
    const key = String(name).trim().toLowerCase();
    if (text !== null) {
      const parsed = this.parseText(text, source);
      if (!parsed) return;
      this._spec = parsed;
    } else this._spec = isModelName(key) ? this.fitted(MODEL_SPECS[key]) : null;
    if (!this._spec) {
      return this.setError(say('summary.unknownModel', { name: String(name), source }));
    }
    const spec = this._spec;
    let input = spec.inputShape;
    if (this.inputShape.trim()) {
      const parsed = parseInputShape(this.inputShape, spec.inputShape[0] ?? 1);
      if (!Array.isArray(parsed)) return this.setError(parsed.message);
      input = parsed;
    }
    this._input = input;
    const hiddenErr = checkInteger(say('summary.name.hidden'), this.denseHidden, 1);
    const walk = walkModel(spec, input);
    this._layers = walk.layers;
    if (!walk.ok) {
      this.failedAt = walk.at >= 0 ? walk.at : null;
      const title = titleOf(spec, this.localize);
      return this.setError(
        say('summary.walkError', { title, shape: shapeSaid(input, this.localize), error: walk.message }),
      );
    }
    this._totalParams = walk.totalParams;
    this._totalMacs = walk.totalMacs;
    this.setError(hiddenErr);
  }

  protected override render() {
    const spec = this._spec;
    const input = this._input;
    if (!spec || !input) return html`${this.renderError()}`;
    const view: SummaryView = {
      spec,
      input,
      layers: this._layers,
      failedAt: this.failedAt,
      totalParams: this._totalParams,
      totalMacs: this._totalMacs,
      hidden: checkInteger('h', this.denseHidden, 1) ? null : this.denseHidden,
      localize: this.localize,
    };
    return html`
      ${this.renderError()} ${renderDiagram(view)} ${renderComparison(view)} ${renderTable(view)}
    `;
  }
}
