/**
 * The shipped translations are complete: every key of the English table (`translations.en`, which gathers every
 * element's and every engine module's English) is in es, fr, de, zh-CN and ja, no other key is, every template
 * fills without throwing, and almost nothing is left in English. Also: no two English tables define one key
 * (a spread would silently keep only one of them).
 */
import { expect } from '@esm-bundle/chai';
import { translations } from '../../src/translations/index.js';
import es from '../../src/translations/es.js';
import fr from '../../src/translations/fr.js';
import de from '../../src/translations/de.js';
import zhCN from '../../src/translations/zh-CN.js';
import ja from '../../src/translations/ja.js';
import { SHARED_EN } from '../../src/components/shared/shared.strings.js';
import { CALCULATOR_EN } from '../../src/components/conv-calculator/conv-calculator.strings.js';
import { KERNEL_VIEWER_EN } from '../../src/components/kernel-viewer/kernel-viewer.strings.js';
import { CONV_MATH_MESSAGES } from '../../src/engine/conv-math.messages.js';
import { CONV_STEPS_MESSAGES } from '../../src/engine/conv-steps.messages.js';
import { DISPLAY_MESSAGES } from '../../src/engine/models/display.messages.js';
import { SUMMARY_EN } from '../../src/components/model-summary/model-summary.strings.js';
import { MATRIX_EN } from '../../src/components/confusion-matrix/confusion-matrix.strings.js';
import { METRICS_MESSAGES } from '../../src/engine/metrics.messages.js';
import { PAD_EN } from '../../src/components/digit-pad/digit-pad.strings.js';
import { TRAINER_EN } from '../../src/components/cnn-trainer/cnn-trainer.strings.js';
import { FM_EN } from '../../src/components/feature-map/feature-map.strings.js';
import { FILTERS_MESSAGES } from '../../src/engine/filters.messages.js';
import { INPUT_MESSAGES } from '../../src/engine/input.messages.js';
import { DOWNLOAD_MESSAGES } from '../../src/engine/data/download.messages.js';
import { CONFIG_MESSAGES } from '../../src/engine/training/config.messages.js';
import { LAYERS_MESSAGES } from '../../src/engine/models/layers.messages.js';
import { FALLBACK_MESSAGES } from '../../src/engine/fallback.messages.js';
import { SESSION_MESSAGES } from '../../src/engine/training/session.messages.js';
import { FILES_MESSAGES } from '../../src/engine/export/files.messages.js';
import { DATASET_MESSAGES } from '../../src/engine/data/dataset.messages.js';
import { PRETRAINED_MESSAGES } from '../../src/engine/pretrained.messages.js';
import { fill } from './english-left.js';
import { messageFormats } from '../../src/engine/messages.js';

/** Every English table a key can come from, by name (a new one must be added here and to en.ts). */
const SOURCES: Record<string, object> = {
  METRICS_MESSAGES,
  MATRIX_EN,
  SUMMARY_EN,
  SHARED_EN,
  CALCULATOR_EN,
  KERNEL_VIEWER_EN,
  CONV_MATH_MESSAGES,
  CONV_STEPS_MESSAGES,
  DISPLAY_MESSAGES,
  PAD_EN,
  TRAINER_EN,
  FM_EN,
  FILTERS_MESSAGES,
  INPUT_MESSAGES,
  DOWNLOAD_MESSAGES,
  CONFIG_MESSAGES,
  LAYERS_MESSAGES,
  FALLBACK_MESSAGES,
  SESSION_MESSAGES,
  FILES_MESSAGES,
  DATASET_MESSAGES,
  PRETRAINED_MESSAGES,
};

/**
 * Terms that are the same in a language as in English, on purpose: symbols, code words, names of layers and
 * the lesson's formulas. Anything else equal to the English is a forgotten translation.
 */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  common: [
    'summary.source.layers',
    'summary.source.model',
    'summary.title.alexnet',
    'walk.layer',
    'viewer.size',
    'kv.gridChannel',
    'hyper.dropout',
    'layer.withRelu',
    'layer.name',
    'pad.examples',
    'trainer.settingError',
    'value.boolean',
    'got.symbol',
    'got.bigint',
    // The setting's name (code) before the network's own error, said in the language.
    'config.spec',
  ],
  es: ['calc.pool', 'kv.kernel', 'summary.total', 'trainer.backend', 'fm.pooling'],
  fr: [
    'calc.pool',
    'calc.conv',
    'common.pause',
    'layer.scores',
    'summary.col.type',
    'summary.total',
    'cm.imageCount',
    'trainer.model.fnn',
    'trainer.schedule.constant',
    'fm.pooling',
  ],
  de: [
    'common.pause',
    'calc.params',
    'calc.padding',
    'trainer.start',
    'trainer.backend',
    'trainer.col.batches',
    'layers.in',
  ],
  'zh-CN': [],
  ja: [],
};

const en = translations.en as unknown as Record<string, unknown>;
const keys = (t: object) => Object.keys(t).filter((k) => !k.startsWith('$'));

describe('the shipped translations', () => {
  it('take every key from exactly one English table', () => {
    const seen = new Map<string, string>();
    for (const [name, table] of Object.entries(SOURCES))
      for (const k of keys(table)) {
        expect(seen.get(k), `${k} is in ${seen.get(k)} and ${name}`).to.equal(undefined);
        seen.set(k, name);
      }
    expect([...seen.keys()].sort()).to.deep.equal(keys(en).sort());
  });

  it('ja: <model-summary> brackets an aside in Japanese as layers.in does (full-width, no space before)', () => {
    const t = ja as unknown as Record<string, (p: unknown, f: unknown) => string>;
    const f = messageFormats('ja');
    const inLayer = t['layers.in']!({ error: 'E', layer: 'conv1' }, f);
    expect(inLayer).to.equal('E（conv1 内）');
    const said = t['summary.networkErrorIn']!({ source: 'layers', error: 'E', layer: 'conv1' }, f);
    expect(said.endsWith(inLayer), said).to.equal(true);
    // No half-width brackets around Japanese words in any of the summary's texts (code keeps its own: Conv2d(…)).
    const japaneseInHalfWidth = /\([^()]*[\u3040-\u30ff\u4e00-\u9fff][^()]*\)/;
    const bad = keys(ja)
      .filter((k) => k.startsWith('summary.'))
      .filter((k) => japaneseInHalfWidth.test(fill((ja as unknown as Record<string, unknown>)[k], 'ja')));
    expect(bad).to.deep.equal([]);
  });

  for (const table of [es, fr, de, zhCN, ja] as unknown as Record<string, unknown>[]) {
    const code = String(table['$code']);
    describe(code, () => {
      it('has every key of the English and no other', () => {
        const missing = keys(en).filter((k) => !(k in table));
        const extra = keys(table).filter((k) => !(k in en));
        expect(missing, `missing in ${code}`).to.deep.equal([]);
        expect(extra, `not in the English (${code})`).to.deep.equal([]);
        expect(table['$name']).to.be.a('string').and.not.equal('');
        expect(table['$dir']).to.equal('ltr');
      });

      it('fills every template without throwing, never empty, the same kind as the English', () => {
        for (const k of keys(en)) {
          expect(typeof table[k], k).to.equal(typeof en[k]);
          const text = fill(table[k], code);
          expect(text.trim(), k).not.to.equal('');
          expect(text, k).not.to.match(/undefined|NaN|\[object/);
        }
      });

      it('leaves nothing in English but what is the same on purpose', () => {
        const allowed = [...SAME_AS_ENGLISH['common']!, ...(SAME_AS_ENGLISH[code] ?? [])];
        const same = keys(en).filter(
          (k) => !allowed.includes(k) && fill(table[k], code) === fill(en[k], 'en'),
        );
        expect(same, `still English in ${code}: ${same.join(', ')}`).to.deep.equal([]);
      });
    });
  }
});
