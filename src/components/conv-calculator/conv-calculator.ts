import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnnElement, numberConverter } from '../shared/cnn-element.js';
import { enumValue, numberValue, sizeValue, type ValueKind } from '../shared/property-values.js';
import { formatFixed, formatInteger } from '../shared/format.js';
import {
  checkInteger,
  convParams,
  outputSize,
  parseSize,
  type AxisResult,
  type PaddingSpec,
} from '../../engine/conv-size.js';
import { styles } from './conv-calculator.styles.js';

/** What `<conv-calculator>` computed: the output size and the parameter count. */
export interface ConvCalculatorResult {
  outputHeight: number;
  outputWidth: number;
  /** Output channels (conv: `out-channels`; pool: `in-channels`). */
  outputChannels: number;
  /** Kernel weights `K·K·Cin·Cout` (0 for pooling). */
  weights: number;
  /** One bias per output channel (0 for pooling). */
  biases: number;
  /** `weights + biases`. */
  params: number;
}

/** The events of `<conv-calculator>`: `detail` is the new `result` (`null` while the input is invalid). */
export interface ConvCalculatorEventMap {
  input: ConvCalculatorResult | null;
  change: ConvCalculatorResult | null;
}

/** Parses the `padding` attribute: a number, `same` or `valid`; anything else is kept to explain the error. */
const paddingConverter = {
  fromAttribute(v: string | null): PaddingSpec | string {
    const t = (v ?? '').trim().toLowerCase();
    if (t === 'same' || t === 'valid') return t;
    return t !== '' && /^[-+]?\d*\.?\d+(e[-+]?\d+)?$/.test(t) ? Number(t) : t;
  },
  toAttribute: (v: PaddingSpec | string) => String(v),
};

/** The `padding` property: a number, or text read as the attribute is (`"2"`, `"same"`). */
const paddingValue: ValueKind<PaddingSpec | string> = {
  expects: 'a number, "same" or "valid"',
  read: (v) =>
    typeof v === 'number'
      ? { value: v }
      : typeof v === 'string'
        ? { value: paddingConverter.fromAttribute(v) }
        : undefined,
  fromAttribute: (v) => v,
  toAttribute: (v) => (typeof v === 'number' || typeof v === 'string' ? String(v) : null),
};

/** The numeric fields, by their `data-field`, and the property each one writes. */
const NUMBER_FIELDS = {
  'kernel-size': 'kernelSize',
  stride: 'stride',
  dilation: 'dilation',
  'in-channels': 'inChannels',
  'out-channels': 'outChannels',
} as const;

/**
 * Shows how a convolution (or pooling) layer changes the size of an image, with the lesson's formula
 * `[(W − K + 2P)/S] + 1` filled in with the reader's own numbers, the output shape `C × H × W`, and the
 * layer's parameter count (weights plus biases). Sizes follow PyTorch:
 * `floor((W + 2P − D·(K−1) − 1)/S) + 1`. Loads no TensorFlow.js.
 *
 * @tagname conv-calculator
 * @summary Convolution output-size and parameter calculator.
 *
 * @fires {CustomEvent<ConvCalculatorResult | null>} input - At every keystroke (or pick) in a field. `detail` is the new `result` (or `null` when it is invalid).
 * @fires {CustomEvent<ConvCalculatorResult | null>} change - The reader committed an edit (left the field, pressed Enter, picked a layer): native `change`
 * semantics. `detail` is the new `result` (or `null` when it is invalid). Both bubble and cross shadow roots.
 *
 * @csspart error - The message shown for invalid input (`role="alert"`).
 * @csspart controls - The group of inputs.
 * @csspart formula - The formula with the reader's numbers.
 * @csspart results - The output-shape and parameter cards.
 * @csspart note - Remarks such as pixels the window never reaches.
 *
 * @cssproperty [--cnn-calculator-accent=var(--cnn-accent)] Colour of the computed answers.
 * @cssproperty [--cnn-mono-font=ui-monospace] Font of the formula.
 */
export class ConvCalculator extends CnnElement<ConvCalculatorEventMap> {
  static override styles = [...CnnElement.styles, styles];

  /** Input size: `"W"` for a square image or `"HxW"`, e.g. `"320"` or `"28x32"`. */
  @property({ attribute: 'input-size', reflect: true, converter: sizeValue }) inputSize = '28';
  /** Kernel (window) size K. */
  @property({ attribute: 'kernel-size', reflect: true, converter: numberValue }) kernelSize = 3;
  /** Zero padding P per side: a number, `same` or `valid`. */
  @property({ reflect: true, converter: paddingValue }) padding: PaddingSpec | string = 0;
  /** Stride S. */
  @property({ reflect: true, converter: numberValue }) stride = 1;
  /** Dilation D: spacing between kernel taps. */
  @property({ reflect: true, converter: numberValue }) dilation = 1;
  /** Input channels (3 for an RGB photo). */
  @property({ attribute: 'in-channels', reflect: true, converter: numberValue }) inChannels = 1;
  /** Output channels: the number of filters. Ignored for pooling. */
  @property({ attribute: 'out-channels', reflect: true, converter: numberValue }) outChannels = 1;
  /** `conv` for a convolution, `pool` for a (max) pooling layer, which has no parameters. */
  @property({ reflect: true, converter: enumValue(['conv', 'pool']) }) mode: 'conv' | 'pool' = 'conv';

  /** The computed output size and parameters, or `null` when the input is invalid (see `error`). */
  get result(): ConvCalculatorResult | null {
    return this._result;
  }
  @state() private _result: ConvCalculatorResult | null = null;
  @state() private axes: { h: AxisResult; w: AxisResult; size: [number, number] } | null = null;
  /** Which field the current error is about, to mark it `aria-invalid`. */
  @state() private badField: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.compute();
  }

  private compute(): void {
    this._result = null;
    this.axes = null;
    this.badField = null;
    const fail = (field: string, msg: string) => {
      this.badField = field;
      this.setError(msg);
    };
    // A property set to a value of the wrong type: the message names it; no result from its default.
    if (this.propertyError) return this.setError(this.propertyError);
    const mode = this.mode === 'pool' ? 'pool' : this.mode === 'conv' ? 'conv' : null;
    if (!mode) return fail('mode', `Mode must be "conv" or "pool" (got "${String(this.mode)}").`);
    const size = parseSize(this.inputSize);
    if (!Array.isArray(size)) return fail('input-size', size.error);
    const padding = this.padding;
    if (typeof padding === 'string' && padding !== 'same' && padding !== 'valid') {
      return fail(
        'padding',
        padding === ''
          ? 'Padding is empty: give a number, "same" or "valid".'
          : `Padding must be a number, "same" or "valid" (got "${padding}").`,
      );
    }
    const chanErr = checkInteger('Input channels', this.inChannels, 1);
    if (chanErr) return fail('in-channels', chanErr);
    if (mode === 'conv') {
      const outErr = checkInteger('Output channels', this.outChannels, 1);
      if (outErr) return fail('out-channels', outErr);
    }
    const kErr = checkInteger('Kernel size', this.kernelSize, 1);
    if (kErr) return fail('kernel-size', kErr);
    if (this.stride === 0)
      return fail('stride', 'Stride must be at least 1: a stride of 0 would never move the window.');
    const sErr = checkInteger('Stride', this.stride, 1);
    if (sErr) return fail('stride', sErr);
    const dErr = checkInteger('Dilation', this.dilation, 1);
    if (dErr) return fail('dilation', dErr);

    const axis = (input: number) =>
      outputSize({
        input,
        kernel: this.kernelSize,
        stride: this.stride,
        padding,
        dilation: this.dilation,
        mode,
      });
    const h = axis(size[0]);
    const w = axis(size[1]);
    const bad = h.ok ? w : h;
    if (!bad.ok) return fail(/padding/i.test(bad.error) ? 'padding' : 'kernel-size', bad.error);
    if (!h.ok || !w.ok) return;
    this.axes = { h, w, size };
    const cout = mode === 'conv' ? this.outChannels : this.inChannels;
    const p =
      mode === 'conv'
        ? convParams(this.kernelSize, this.kernelSize, this.inChannels, cout)
        : { weights: 0, biases: 0, params: 0 };
    this._result = { outputHeight: h.size, outputWidth: w.size, outputChannels: cout, ...p };
    this.setError(null);
  }

  /**
   * Every keystroke: writes the property and fires our `input`. The native `input` event is composed, so it would
   * also reach the page (without a `detail`): stop it here, our own replaces it.
   */
  private onInput(e: Event): void {
    e.stopPropagation();
    if (this.apply(e.target as HTMLInputElement | HTMLSelectElement)) this.emit('input', this._result);
  }

  /** A committed edit (the field's native `change`, which does not leave the shadow root): fires our `change`. */
  private onChange(e: Event): void {
    e.stopPropagation();
    if (this.apply(e.target as HTMLInputElement | HTMLSelectElement)) this.emit('change', this._result);
  }

  /** Reads an edited field into its property (which reflects to the attribute); false for an unknown field. */
  private apply(input: HTMLInputElement | HTMLSelectElement): boolean {
    const field = input.dataset['field'] ?? '';
    const raw = input.value;
    if (field === 'input-size') this.inputSize = raw;
    else if (field === 'padding') this.padding = paddingConverter.fromAttribute(raw);
    else if (field === 'mode') this.mode = raw as 'conv' | 'pool';
    else if (Object.hasOwn(NUMBER_FIELDS, field))
      this[NUMBER_FIELDS[field as keyof typeof NUMBER_FIELDS]] = numberConverter.fromAttribute(raw);
    else return false;
    // Compute now so that listeners read the new result from the event and the property alike.
    this.compute();
    return true;
  }

  private field(
    label: string,
    field: string,
    value: unknown,
    opts: { min?: number; text?: boolean; hint?: string } = {},
  ) {
    const shown = typeof value === 'number' && !Number.isFinite(value) ? '' : String(value);
    return html`<label
      >${label}
      <input
        data-field=${field}
        type=${opts.text ? 'text' : 'number'}
        inputmode="numeric"
        min=${opts.min ?? nothing}
        step=${opts.text ? nothing : 1}
        .value=${shown}
        aria-invalid=${this.badField === field ? 'true' : 'false'}
        title=${opts.hint ?? nothing}
        @input=${this.onInput}
        @change=${this.onChange}
    /></label>`;
  }

  protected override render() {
    const conv = this.mode !== 'pool';
    return html`
      ${this.renderError()}
      <div part="controls" class="controls" role="group" aria-label="Layer settings">
        ${this.field('Input size (W or H×W)', 'input-size', this.inputSize, { text: true, hint: 'e.g. 320 or 28x32' })}
        ${this.field('Kernel size K', 'kernel-size', this.kernelSize, { min: 1 })}
        ${this.field('Padding P', 'padding', this.padding, { text: true, hint: 'a number, same or valid' })}
        ${this.field('Stride S', 'stride', this.stride, { min: 1 })}
        ${this.field('Dilation D', 'dilation', this.dilation, { min: 1 })}
        ${this.field('In channels', 'in-channels', this.inChannels, { min: 1 })}
        ${conv ? this.field('Out channels (filters)', 'out-channels', this.outChannels, { min: 1 }) : nothing}
        <label
          >Layer
          <select data-field="mode" .value=${this.mode} @input=${this.onInput} @change=${this.onChange}>
            <option value="conv" ?selected=${conv}>Convolution</option>
            <option value="pool" ?selected=${!conv}>Max pooling</option>
          </select></label
        >
      </div>
      ${this.axes && this._result ? this.renderWorking() : nothing}
    `;
  }

  private renderWorking() {
    const { h, w, size } = this.axes!;
    const r = this._result!;
    const square = size[0] === size[1];
    const notes: string[] = [];
    for (const [name, a] of [
      ['rows', h],
      ['columns', w],
    ] as const) {
      if (a.ok && !a.exact) {
        notes.push(
          `The stride does not divide exactly: the last ${a.unreached} padded ${name} ${a.unreached === 1 ? 'is' : 'are'} never reached by the window.`,
        );
      }
      if (a.ok && a.padBefore !== a.padAfter) {
        notes.push(`"same" pads ${name} unevenly: ${a.padBefore} before and ${a.padAfter} after.`);
      }
    }
    const kernel = this.kernelSize;
    return html`
      <div part="formula" role="group" aria-label="Output size formula with your numbers">
        ${
          square
            ? this.renderAxis('Output width and height', size[1], w)
            : html`${this.renderAxis('Output height', size[0], h)}${this.renderAxis('Output width', size[1], w)}`
        }
      </div>
      <div part="results" class="results">
        <div class="card">
          <h3>Output shape (C × H × W)</h3>
          <div class="big" data-testid="shape">
            ${r.outputChannels} × ${r.outputHeight} × ${r.outputWidth}
          </div>
          <div class="detail">
            from ${this.inChannels} × ${size[0]} × ${size[1]} ·
            ${formatInteger(r.outputChannels * r.outputHeight * r.outputWidth)} values
          </div>
        </div>
        <div class="card">
          <h3>Parameters</h3>
          ${
            this.mode !== 'pool'
              ? html`<div class="big" data-testid="params">${formatInteger(r.params)}</div>
                  <div class="detail">
                    weights K·K·C<sub>in</sub>·C<sub>out</sub> =
                    ${kernel}·${kernel}·${this.inChannels}·${this.outChannels} =
                    ${formatInteger(r.weights)}<br />biases C<sub>out</sub> = ${formatInteger(r.biases)}
                  </div>`
              : html`<div class="big" data-testid="params">0</div>
                  <div class="detail">
                    Pooling has no parameters: it only takes the maximum of each window.
                  </div>`
          }
        </div>
      </div>
      ${notes.length ? html`<p part="note">${notes.join(' ')}</p>` : nothing}
    `;
  }

  /** One axis's working, step by step: the formula, the numbers substituted, the division, the answer. */
  private renderAxis(name: string, input: number, a: AxisResult) {
    if (!a.ok) return nothing;
    const K = this.kernelSize;
    const S = this.stride;
    const D = this.dilation;
    const P = a.padBefore === a.padAfter ? a.padBefore : null;
    const padTerm = P === null ? `${a.padBefore}+${a.padAfter}` : `2·${P}`;
    const dilated = D > 1;
    const formula = dilated ? '⌊(W + 2P − D·(K−1) − 1) / S⌋ + 1' : '⌊(W − K + 2P) / S⌋ + 1';
    const substituted = dilated
      ? `⌊(${input} + ${padTerm} − ${D}·(${K}−1) − 1) / ${S}⌋ + 1`
      : `⌊(${input} − ${K} + ${padTerm}) / ${S}⌋ + 1`;
    const division = a.numerator % S === 0 ? `${a.numerator / S}` : `⌊${formatFixed(a.numerator / S, 2)}⌋`;
    return html`<p class="axis">
      <span class="axis-name"
        >${name}${typeof this.padding === 'string' ? ` (padding "${this.padding}" = ${P ?? `${a.padBefore}/${a.padAfter}`})` : ''}</span
      >
      <span class="step">${formula}</span><span class="eq">=</span><span class="step">${substituted}</span
      ><span class="eq">=</span><span class="step">⌊${a.numerator} / ${S}⌋ + 1</span><span class="eq">=</span
      ><span class="step">${division} + 1</span><span class="eq">=</span><span class="answer">${a.size}</span>
    </p>`;
  }
}
