import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnnElement, numberConverter } from '../shared/cnn-element.js';
import { enumValue, numberValue, sizeValue, type ValueKind } from '../shared/property-values.js';
import { SHARED_EN } from '../shared/shared.strings.js';
import { formatFixed, formatInteger, formatValue } from '../shared/format.js';
import { messagesOf, type Message } from '../../engine/messages.js';
import {
  CONV_MATH_MESSAGES,
  NAMES,
  checkInteger,
  convParams,
  outputSize,
  parseSize,
  type AxisResult,
  type PaddingSpec,
} from '../../engine/conv-size.js';
import { styles } from './conv-calculator.styles.js';
import { CALCULATOR_EN } from './conv-calculator.strings.js';

const EN = { ...SHARED_EN, ...CALCULATOR_EN };
const say = messagesOf(CALCULATOR_EN);
const conv = messagesOf(CONV_MATH_MESSAGES);

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
  expects: say('calc.paddingValue'),
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
export class ConvCalculator extends CnnElement<ConvCalculatorEventMap, typeof EN> {
  static override styles = [...CnnElement.styles, styles];
  protected static override strings = EN;

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
    const fail = (field: string, msg: Message) => {
      this.badField = field;
      this.setError(msg);
    };
    // A property set to a value of the wrong type: the message names it; no result from its default.
    if (this.propertyMessage) return this.setError(this.propertyMessage);
    const mode = this.mode === 'pool' ? 'pool' : this.mode === 'conv' ? 'conv' : null;
    if (!mode) return fail('mode', say('calc.mode', { got: String(this.mode) }));
    const size = parseSize(this.inputSize);
    if (!Array.isArray(size)) return fail('input-size', size.message);
    const padding = this.padding;
    if (typeof padding === 'string' && padding !== 'same' && padding !== 'valid') {
      return fail(
        'padding',
        padding === '' ? say('calc.paddingEmpty') : conv('conv.paddingChoice', { got: padding }),
      );
    }
    const chanErr = checkInteger(say('calc.name.inChannels'), this.inChannels, 1);
    if (chanErr) return fail('in-channels', chanErr);
    if (mode === 'conv') {
      const outErr = checkInteger(say('calc.name.outChannels'), this.outChannels, 1);
      if (outErr) return fail('out-channels', outErr);
    }
    const kErr = checkInteger(NAMES.kernelSize, this.kernelSize, 1);
    if (kErr) return fail('kernel-size', kErr);
    if (this.stride === 0) return fail('stride', conv('conv.strideZero'));
    const sErr = checkInteger(NAMES.stride, this.stride, 1);
    if (sErr) return fail('stride', sErr);
    const dErr = checkInteger(NAMES.dilation, this.dilation, 1);
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
    if (!bad.ok) return fail(/padding/i.test(bad.error) ? 'padding' : 'kernel-size', bad.message);
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
    const t = this.localize;
    return html`
      ${this.renderError()}
      <div part="controls" class="controls" role="group" aria-label=${t.term('calc.settings')}>
        ${this.field(t.term('calc.inputSize'), 'input-size', this.inputSize, { text: true, hint: t.term('calc.inputSizeHint') })}
        ${this.field(t.term('calc.kernelSize'), 'kernel-size', this.kernelSize, { min: 1 })}
        ${this.field(t.term('calc.padding'), 'padding', this.padding, { text: true, hint: t.term('calc.paddingHint') })}
        ${this.field(t.term('calc.stride'), 'stride', this.stride, { min: 1 })}
        ${this.field(t.term('calc.dilation'), 'dilation', this.dilation, { min: 1 })}
        ${this.field(t.term('calc.inChannels'), 'in-channels', this.inChannels, { min: 1 })}
        ${conv ? this.field(t.term('calc.outChannels'), 'out-channels', this.outChannels, { min: 1 }) : nothing}
        <label
          >${t.term('calc.layer')}
          <select data-field="mode" .value=${this.mode} @input=${this.onInput} @change=${this.onChange}>
            <option value="conv" ?selected=${conv}>${t.term('calc.conv')}</option>
            <option value="pool" ?selected=${!conv}>${t.term('calc.pool')}</option>
          </select></label
        >
      </div>
      ${this.axes && this._result ? this.renderWorking() : nothing}
    `;
  }

  private renderWorking() {
    const { h, w, size } = this.axes!;
    const r = this._result!;
    const t = this.localize;
    const square = size[0] === size[1];
    const notes: string[] = [];
    for (const [unreached, uneven, a] of [
      ['calc.unreachedRows', 'calc.unevenRows', h],
      ['calc.unreachedCols', 'calc.unevenCols', w],
    ] as const) {
      if (a.ok && !a.exact) notes.push(t.term(unreached, { count: a.unreached }));
      if (a.ok && a.padBefore !== a.padAfter)
        notes.push(t.term(uneven, { before: a.padBefore, after: a.padAfter }));
    }
    const n = (v: number) => formatInteger(v, t.lang);
    const v = (x: number) => formatValue(x, t.lang);
    const kernel = v(this.kernelSize);
    const shape = `${v(this.inChannels)} × ${v(size[0])} × ${v(size[1])}`;
    return html`
      <div part="formula" role="group" aria-label=${t.term('calc.formula')}>
        ${
          square
            ? this.renderAxis(t.term('calc.axisBoth'), size[1], w)
            : html`${this.renderAxis(t.term('calc.axisHeight'), size[0], h)}${this.renderAxis(t.term('calc.axisWidth'), size[1], w)}`
        }
      </div>
      <div part="results" class="results">
        <div class="card">
          <h3>${t.term('calc.shape')}</h3>
          <div class="big">
            <span class="ltr strict" data-testid="shape"
              >${v(r.outputChannels)} × ${v(r.outputHeight)} × ${v(r.outputWidth)}</span
            >
          </div>
          <div class="detail">
            ${t.term('calc.from', {
              shape: t.ltr(shape), // isolated, and strictly left to right, inside the sentence
              values: r.outputChannels * r.outputHeight * r.outputWidth,
            })}
          </div>
        </div>
        <div class="card">
          <h3>${t.term('calc.params')}</h3>
          ${
            this.mode !== 'pool'
              ? html`<div class="big" data-testid="params">${n(r.params)}</div>
                  <div class="detail">
                    ${t.term('calc.weights')}
                    <span class="ltr strict" data-testid="weights"
                      >K·K·C<sub>in</sub>·C<sub>out</sub> =
                      ${kernel}·${kernel}·${v(this.inChannels)}·${v(this.outChannels)} = ${n(r.weights)}</span
                    ><br />${t.term('calc.biases')}
                    <span class="ltr strict">C<sub>out</sub> = ${n(r.biases)}</span>
                  </div>`
              : html`<div class="big" data-testid="params">${n(0)}</div>
                  <div class="detail">${t.term('calc.poolNoParams')}</div>`
          }
        </div>
      </div>
      ${notes.length ? html`<p part="note">${notes.join(' ')}</p>` : nothing}
    `;
  }

  /** One axis's working, step by step: the formula, the numbers substituted, the division, the answer. */
  private renderAxis(name: string, input: number, a: AxisResult) {
    if (!a.ok) return nothing;
    // Every number in the reader's locale digits (٢٨ on an ar-EG page), as the rest of the element writes them.
    const v = (x: number) => formatValue(x, this.localize.lang);
    const [K, S, D, one, two] = [this.kernelSize, this.stride, this.dilation, 1, 2].map(v);
    const P = a.padBefore === a.padAfter ? v(a.padBefore) : null;
    const padTerm = P === null ? `${v(a.padBefore)}+${v(a.padAfter)}` : `${two}·${P}`;
    const dilated = this.dilation > 1;
    const formula = dilated
      ? `⌊(W + ${two}P − D·(K−${one}) − ${one}) / S⌋ + ${one}`
      : `⌊(W − K + ${two}P) / S⌋ + ${one}`;
    const substituted = dilated
      ? `⌊(${v(input)} + ${padTerm} − ${D}·(${K}−${one}) − ${one}) / ${S}⌋ + ${one}`
      : `⌊(${v(input)} − ${K} + ${padTerm}) / ${S}⌋ + ${one}`;
    const division =
      a.numerator % this.stride === 0
        ? v(a.numerator / this.stride)
        : `⌊${formatFixed(a.numerator / this.stride, 2, this.localize.lang)}⌋`;
    const word =
      typeof this.padding === 'string'
        ? ` ${this.localize.term('calc.paddingWord', { word: this.padding, value: P ?? `${v(a.padBefore)}/${v(a.padAfter)}` })}`
        : '';
    return html`<p class="axis">
      <span class="axis-name">${name}${word}</span>
      <span class="steps ltr"
        ><span class="step">${formula}</span><span class="eq">=</span><span class="step">${substituted}</span
        ><span class="eq">=</span><span class="step">⌊${v(a.numerator)} / ${S}⌋ + ${one}</span
        ><span class="eq">=</span><span class="step">${division} + ${one}</span><span class="eq">=</span
        ><span class="answer">${v(a.size)}</span></span
      >
    </p>`;
  }
}
