/**
 * The shape of a complete translation, from the English: every key the elements and the engine use, each
 * a text or a template taking the same values. A table typed with these is checked by the compiler (a key
 * missing or misspelt is an error); test/components/translations.test.ts checks the shipped tables again at
 * run time, and that no English is left in them.
 *
 * Types only: importing this module loads nothing.
 */
import type { SHARED_EN } from '../components/shared/shared.strings.js';
import type { CALCULATOR_EN } from '../components/conv-calculator/conv-calculator.strings.js';
import type { KERNEL_VIEWER_EN } from '../components/kernel-viewer/kernel-viewer.strings.js';
import type { CONV_MATH_MESSAGES } from '../engine/conv-math.messages.js';
import type { CONV_STEPS_MESSAGES } from '../engine/conv-steps.messages.js';
import type { DISPLAY_MESSAGES } from '../engine/models/display.messages.js';

import type { SUMMARY_EN } from '../components/model-summary/model-summary.strings.js';

import type { MATRIX_EN } from '../components/confusion-matrix/confusion-matrix.strings.js';
import type { PAD_EN } from '../components/digit-pad/digit-pad.strings.js';
import type { TRAINER_EN } from '../components/cnn-trainer/cnn-trainer.strings.js';
import type { FM_EN } from '../components/feature-map/feature-map.strings.js';
import type { FILTERS_MESSAGES } from '../engine/filters.messages.js';
import type { INPUT_MESSAGES } from '../engine/input.messages.js';
import type { DOWNLOAD_MESSAGES } from '../engine/data/download.messages.js';
import type { CONFIG_MESSAGES } from '../engine/training/config.messages.js';
import type { LAYERS_MESSAGES } from '../engine/models/layers.messages.js';
import type { FALLBACK_MESSAGES } from '../engine/fallback.messages.js';
import type { SESSION_MESSAGES } from '../engine/training/session.messages.js';
import type { FILES_MESSAGES } from '../engine/export/files.messages.js';
import type { DATASET_MESSAGES } from '../engine/data/dataset.messages.js';
import type { PRETRAINED_MESSAGES } from '../engine/pretrained.messages.js';

/** The words of the elements (their own English tables). */
export type UiTerms = typeof MATRIX_EN &
  typeof FM_EN &
  typeof FILTERS_MESSAGES &
  typeof PAD_EN &
  typeof TRAINER_EN &
  typeof SUMMARY_EN &
  typeof SHARED_EN &
  typeof CALCULATOR_EN &
  typeof KERNEL_VIEWER_EN;

import type { METRICS_MESSAGES } from '../engine/metrics.messages.js';

/** The engine's messages (errors and notes that reach `part="error"`, `part="note"` …). */
export type EngineTerms = typeof METRICS_MESSAGES &
  typeof INPUT_MESSAGES &
  typeof DOWNLOAD_MESSAGES &
  typeof CONFIG_MESSAGES &
  typeof LAYERS_MESSAGES &
  typeof FALLBACK_MESSAGES &
  typeof SESSION_MESSAGES &
  typeof FILES_MESSAGES &
  typeof DATASET_MESSAGES &
  typeof PRETRAINED_MESSAGES &
  typeof CONV_MATH_MESSAGES &
  typeof CONV_STEPS_MESSAGES &
  typeof DISPLAY_MESSAGES;

/** A table with the same keys as `T`: each text a text, each template a template of the same values. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };

/** The header of every table. */
export type TranslationHeader = {
  $code: string;
  $name: string;
  $dir: 'ltr' | 'rtl';
};

/** A complete translation. */
export type CompleteTranslation = TranslationHeader & SameKeys<UiTerms> & SameKeys<EngineTerms>;
