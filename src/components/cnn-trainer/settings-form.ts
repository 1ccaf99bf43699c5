import { html, nothing } from 'lit';
import type { SettingKey } from './settings.js';
import type { TrainerLocalize } from './cnn-trainer.strings.js';

/** What the settings form shows: each setting's value in effect, the fields a message is about, the handler. */
export interface SettingsFormState {
  value: (key: SettingKey) => unknown;
  /** The settings the current message is about (marked `aria-invalid`). */
  bad: readonly SettingKey[];
  /** Whether the form is locked (a run is in progress). */
  disabled: boolean;
  /** Reads an edited control (its `data-field` names the setting). */
  onChange: (e: Event) => void;
  /** How many training images the dataset holds (the train size field's max), when known. */
  trainImages?: number | undefined;
  /** The model select: what it shows (`custom` for the reader's own network) and its handler (layers-editor.ts). */
  model: { choice: string; onChange: (e: Event) => void };
  localize: TrainerLocalize;
}

const invalid = (s: SettingsFormState, key: SettingKey) => (s.bad.includes(key) ? 'true' : 'false');

/** A numeric setting's field: a number input labelled `label`. */
function field(
  s: SettingsFormState,
  label: string,
  key: SettingKey,
  opts: { min?: number; max?: number; step?: string } = {},
) {
  const v = s.value(key);
  const shown = typeof v === 'number' && !Number.isFinite(v) ? '' : String(v ?? '');
  return html`<label
    >${label}
    <input
      type="number"
      data-field=${key}
      .value=${shown}
      min=${opts.min ?? nothing}
      max=${opts.max ?? nothing}
      step=${opts.step ?? '1'}
      inputmode=${opts.step === 'any' ? 'decimal' : 'numeric'}
      aria-invalid=${invalid(s, key)}
      @change=${s.onChange}
  /></label>`;
}

/** A setting with a few choices: a select labelled `label`, one option per `[value, text]`. */
function choice(
  s: SettingsFormState,
  label: string,
  key: SettingKey,
  options: [string, string][],
  { v, onChange }: { v: unknown; onChange: (e: Event) => void } = { v: s.value(key), onChange: s.onChange },
) {
  return html`<label
    >${label}
    <select data-field=${key} .value=${String(v)} aria-invalid=${invalid(s, key)} @change=${onChange}>
      ${options.map(([value, text]) => html`<option value=${value} ?selected=${v === value}>${text}</option>`)}
    </select></label
  >`;
}

/** The trainer's settings form (`part="controls"`), locked while a run is in progress. */
export function renderSettingsForm(s: SettingsFormState) {
  const l = s.localize;
  return html`<fieldset part="controls" class="controls" ?disabled=${s.disabled}>
    <legend class="visually-hidden">${l.term('trainer.settings')}</legend>
    ${choice(
      s,
      l.term('trainer.model'),
      'model',
      [
        ['cnn', 'CNN'],
        ['fnn', l.term('trainer.model.fnn')],
        ['custom', l.term('trainer.model.custom')],
      ],
      { v: s.model.choice, onChange: s.model.onChange },
    )}
    ${field(s, l.term('trainer.epochs'), 'epochs', { min: 1 })}
    ${field(s, l.term('trainer.batchSize'), 'batchSize', { min: 1 })}
    ${field(s, l.term('trainer.learningRate'), 'learningRate', { min: 0, step: 'any' })}
    ${choice(s, l.term('trainer.optimizer'), 'optimizer', [
      ['adam', 'Adam'],
      ['sgd', 'SGD'],
    ])}
    ${choice(s, l.term('trainer.lrSchedule'), 'lrSchedule', [
      ['cooldown', l.term('trainer.schedule.cooldown')],
      ['constant', l.term('trainer.schedule.constant')],
      ['cosine', l.term('trainer.schedule.cosine')],
    ])}
    ${field(s, l.term('trainer.trainSize'), 'trainSize', {
      min: 1,
      ...(s.trainImages !== undefined && Number.isFinite(s.trainImages) ? { max: s.trainImages } : {}),
    })}
  </fieldset>`;
}
