/**
 * The English table, complete: what a translator translates. Every key the elements and the engine use, with
 * its English text or template (`(params, f) => text`, `f` formatting numbers in the table's locale).
 *
 * The elements do not need this module: each brings its own English, and the engine's messages carry theirs.
 * Import it to see (or print) every key: `import { translations } from 'cnn-widgets/translations'`.
 */
import { SHARED_EN } from '../components/shared/shared.strings.js';
import { CALCULATOR_EN } from '../components/conv-calculator/conv-calculator.strings.js';
import { KERNEL_VIEWER_EN } from '../components/kernel-viewer/kernel-viewer.strings.js';
import { CONV_MATH_MESSAGES } from '../engine/conv-math.messages.js';
import { CONV_STEPS_MESSAGES } from '../engine/conv-steps.messages.js';
import { DISPLAY_MESSAGES } from '../engine/models/display.messages.js';
import { SUMMARY_EN } from '../components/model-summary/model-summary.strings.js';
import { MATRIX_EN } from '../components/confusion-matrix/confusion-matrix.strings.js';
import { METRICS_MESSAGES } from '../engine/metrics.messages.js';
import { PAD_EN } from '../components/digit-pad/digit-pad.strings.js';
import { TRAINER_EN } from '../components/cnn-trainer/cnn-trainer.strings.js';
import { FM_EN } from '../components/feature-map/feature-map.strings.js';
import { FILTERS_MESSAGES } from '../engine/filters.messages.js';
import { INPUT_MESSAGES } from '../engine/input.messages.js';
import { DOWNLOAD_MESSAGES } from '../engine/data/download.messages.js';
import { CONFIG_MESSAGES } from '../engine/training/config.messages.js';
import { LAYERS_MESSAGES } from '../engine/models/layers.messages.js';
import { FALLBACK_MESSAGES } from '../engine/fallback.messages.js';
import { SESSION_MESSAGES } from '../engine/training/session.messages.js';
import { FILES_MESSAGES } from '../engine/export/files.messages.js';
import { DATASET_MESSAGES } from '../engine/data/dataset.messages.js';
import { PRETRAINED_MESSAGES } from '../engine/pretrained.messages.js';
import type { CompleteTranslation } from './types.js';

const en = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  ...SHARED_EN,
  ...CALCULATOR_EN,
  ...KERNEL_VIEWER_EN,
  ...CONV_MATH_MESSAGES,
  ...CONV_STEPS_MESSAGES,
  ...DISPLAY_MESSAGES,
  ...SUMMARY_EN,
  ...MATRIX_EN,
  ...METRICS_MESSAGES,
  ...PAD_EN,
  ...TRAINER_EN,
  ...FM_EN,
  ...FILTERS_MESSAGES,
  ...INPUT_MESSAGES,
  ...DOWNLOAD_MESSAGES,
  ...CONFIG_MESSAGES,
  ...LAYERS_MESSAGES,
  ...FALLBACK_MESSAGES,
  ...SESSION_MESSAGES,
  ...FILES_MESSAGES,
  ...DATASET_MESSAGES,
  ...PRETRAINED_MESSAGES,
} satisfies CompleteTranslation;

export default en;
