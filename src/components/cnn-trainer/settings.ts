import {
  DEFAULT_CONFIG,
  MNIST_DATASET,
  PRESETS,
  isPresetName,
  resolveConfigWith,
  type BackendPreference,
  type TrainConfig,
  type TrainDataset,
} from '../../engine/training/config-base.js';
import { enumValue, numberValue, type ValueKind } from '../shared/property-values.js';
import { messagesOf, type Message } from '../../engine/messages.js';
import { TRAINER_EN } from './cnn-trainer.strings.js';
import type { LayersError } from '../../engine/models/pytorch-layers.js';
import { isEmptyNetwork } from '../../engine/models/network-empty.js';
import type { NetworkParser } from '../shared/network-parser.js';

const say = messagesOf(TRAINER_EN);

/**
 * The trainer's settings: which there are, how each is read, and what the ones in effect add up to. Plain data
 * and functions (the element keeps the accessors, so the manifest still lists every setting).
 */

/**
 * The most work one element may be asked for: epochs × training images. 1.2 million image passes is 20 epochs
 * of the full 60,000 — minutes on a GPU, far longer on a CPU. Beyond that a typo (epochs="1e9") would lock a
 * reader's tab for hours, so we refuse with a message instead.
 */
export const MAX_IMAGE_PASSES = 1_200_000;

/** The settings a writer can give, by property name → attribute name. */
export const SETTINGS = {
  model: 'model',
  epochs: 'epochs',
  batchSize: 'batch-size',
  learningRate: 'learning-rate',
  lrSchedule: 'lr-schedule',
  optimizer: 'optimizer',
  trainSize: 'train-size',
  testSize: 'test-size',
  seed: 'seed',
} as const;
export type SettingKey = keyof typeof SETTINGS;

/** Whether a form field's `data-field` names a setting. */
export const isSettingKey = (key: string | undefined): key is SettingKey =>
  key !== undefined && Object.hasOwn(SETTINGS, key);

/**
 * How each setting is read (see property-values.ts): the attribute's text or the typed value; `null`,
 * `undefined` and a removed attribute mean "not set" (the preset or the default applies). Words are trimmed,
 * as the attribute always was.
 */
const trimmed = <T extends string>(choices: readonly T[]): ValueKind<string> => {
  const base = enumValue(choices);
  return { ...base, read: (v) => (typeof v === 'string' ? { value: v.trim() } : undefined) };
};
export const SETTING_KINDS: Record<SettingKey, ValueKind<unknown>> = {
  model: trimmed(['cnn', 'fnn']),
  epochs: numberValue,
  batchSize: numberValue,
  learningRate: numberValue,
  lrSchedule: trimmed(['constant', 'cooldown', 'cosine']),
  optimizer: trimmed(['adam', 'sgd']),
  trainSize: numberValue,
  testSize: numberValue,
  seed: numberValue,
};

/**
 * `workers` (a property of its own, not a form field): `"auto"`, or a number of Workers — the typed number or its
 * text. Any other text is kept, so that the configuration check names the choices (`workers must be "auto" or a
 * whole number from 1 to 8.`).
 */
export const workersValue: ValueKind<'auto' | number | string> = {
  ...enumValue(['auto']),
  read: (v) => {
    if (typeof v === 'number') return { value: v };
    if (typeof v !== 'string') return undefined;
    const t = v.trim();
    return { value: t === 'auto' || t === '' || Number.isNaN(Number(t)) ? t || 'auto' : Number(t) };
  },
  toAttribute: (v) => (v == null ? null : String(v)),
};

/**
 * What the writer set (attribute or property), and the value in effect: the writer's, else the preset's, else
 * the default. Kept apart from the element's properties so that the property reads the value in effect while
 * the preset can still tell what the writer set.
 */
export class TrainerSettings {
  /** What the writer set; `undefined` = not set. */
  private readonly raw: Partial<Record<SettingKey, unknown>> = {};

  /** `preset` is read live (the element's `preset` property). */
  constructor(private readonly preset: () => string | null) {}

  /** The value in effect for `key`. */
  effective(key: SettingKey): unknown {
    if (this.raw[key] !== undefined) return this.raw[key];
    const name = this.preset();
    const preset = isPresetName(name) ? (PRESETS[name] as Partial<TrainConfig>) : {};
    return (
      (preset as Record<string, unknown>)[key] ?? (DEFAULT_CONFIG as unknown as Record<string, unknown>)[key]
    );
  }

  /** Records what the writer set (`undefined`: not set any more). */
  set(key: SettingKey, value: unknown): void {
    if (value === undefined) delete this.raw[key];
    else this.raw[key] = value;
  }
}

/**
 * Defines one accessor per setting on the element's prototype, in one place for all of them: `get` reads the
 * value in effect, `set` records what the writer set. (The element declares each, for its type and its doc.)
 */
export function defineSettingAccessors<E>(
  proto: E,
  get: (el: E, key: SettingKey) => unknown,
  set: (el: E, key: SettingKey, value: unknown) => void,
): void {
  for (const key of Object.keys(SETTINGS) as SettingKey[])
    Object.defineProperty(proto, key, {
      get(this: E) {
        return get(this, key);
      },
      set(this: E, value: unknown) {
        set(this, key, value);
      },
      configurable: true,
      enumerable: true,
    });
}

/**
 * What a set of settings adds up to: a complete configuration, or the message and the fields it is about (and,
 * for the writer's own network, the error with its position and layer, for the editor to point at), or
 * (`waiting`) nothing yet: a `layers` network waits for the dataset.json it must be checked against, and for
 * the parser that reads it (loaded only when a page gives a network).
 */
export type SettingsCheck =
  | { config: TrainConfig; error: null; bad: []; network?: undefined; waiting?: false }
  | { config: null; error: Message | string; bad: SettingKey[]; network?: LayersError; waiting?: false }
  | { config: null; error: null; bad: []; network?: undefined; waiting: true };

/** What `checkSettings` reads beside the settings with a form field. */
export interface SettingsContext {
  /** The `backend` attribute (the preference). */
  backend: unknown;
  dataSrc: string | null;
  /** The `preset` attribute, as written. */
  preset: string | null;
  /** A property set to a value of the wrong type, as a message (reported first). */
  typeError: string | null;
  /** The writer's own network (`layers`): its text or its layer specs; overrides `model` when not empty. */
  network?: unknown;
  /** What the data is (MNIST's when absent); null while the dataset.json of `data-src` is not read yet. */
  dataset?: TrainDataset | null;
  /** The `workers` property: `auto` (the default) or how many Workers share each batch. */
  workers?: unknown;
  /** The PyTorch-layers parser, once loaded (a `network` waits for it). */
  parser?: NetworkParser | undefined;
}

/**
 * Checks the settings in effect and resolves them into the configuration `start()` uses (`value` reads
 * the value in effect of each setting). A type error is reported first: its default is not trained with.
 */
export function checkSettings(
  value: (key: SettingKey) => unknown,
  { backend, dataSrc, preset: presetAttr, typeError, network, dataset, workers, parser }: SettingsContext,
): SettingsCheck {
  const fail = (error: Message | string, bad: SettingKey[] = [], network?: LayersError): SettingsCheck => ({
    config: null,
    error,
    bad,
    ...(network ? { network } : {}),
  });
  if (typeError) return fail(typeError);
  let spec: TrainConfig['spec'];
  if (!isEmptyNetwork(network)) {
    // Checked against the data's channels, size and classes, so that can wait for its dataset.json.
    if (dataset === null || !parser) return { config: null, error: null, bad: [], waiting: true };
    const [h, w, c] = (dataset ?? MNIST_DATASET).shape;
    const classes = (dataset ?? MNIST_DATASET).classes.length;
    // With the training limits: a network too big for a reader's tab is refused with its numbers.
    const r = parser.parseNetworkValue(network, { inputShape: [c, h, w], classes });
    if (!r.ok) {
      const e = r.error;
      return fail(
        say('trainer.networkError', { error: parser.formatLayersMessage(e, { layer: true }) }),
        [],
        e,
      );
    }
    spec = r.spec;
  }
  const preset = presetAttr?.trim() ? presetAttr.trim() : null;
  if (preset !== null && !isPresetName(preset)) return fail(say('trainer.unknownPreset', { preset }));
  const settings = Object.fromEntries(Object.keys(SETTINGS).map((k) => [k, value(k as SettingKey)]));
  // The spec (if any) was just checked by the parser against the same data and limits.
  const r = resolveConfigWith(
    () => null,
    {
      ...(settings as Partial<TrainConfig>),
      backend: backend as BackendPreference,
      ...(dataSrc ? { dataSrc } : {}),
      ...(spec ? { spec } : {}),
      ...(dataset ? { dataset } : {}),
      ...(workers != null ? { workers: workers as TrainConfig['workers'] } : {}),
    },
    preset,
  );
  if ('error' in r)
    // Only settings with a field in the form are marked (backend, momentum, thread and workers have none).
    return fail(
      say('trainer.settingError', { error: r.message ?? r.error }),
      isSettingKey(r.field) ? [r.field] : [],
    );
  if (r.batchSize > r.trainSize)
    return fail(say('trainer.batchTooLarge', { batch: r.batchSize, images: r.trainSize }), ['batchSize']);
  if (r.epochs * r.trainSize > MAX_IMAGE_PASSES)
    return fail(
      say('trainer.tooMuchWork', { epochs: r.epochs, images: r.trainSize, max: MAX_IMAGE_PASSES }),
      ['epochs', 'trainSize'],
    );
  return { config: r, error: null, bad: [] };
}
