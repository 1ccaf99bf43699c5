/**
 * 日本語. Loaded by the elements on first need (`<html lang="ja">`); import this module (or
 * `loadTranslation('ja')`) to have it before the first render.
 */
import { registerShippedTranslation } from '../components/shared/localize.js';
import type { CompleteTranslation } from './types.js';
import { UI } from './ja/ui.js';
import { ENGINE } from './ja/engine.js';

const table: CompleteTranslation = { $code: 'ja', $name: '日本語', $dir: 'ltr', ...UI, ...ENGINE };
registerShippedTranslation(table);

export default table;
