/**
 * 中文（简体）. Loaded by the elements on first need (`<html lang="zh-CN">`); import this module (or
 * `loadTranslation('zh-CN')`) to have it before the first render.
 */
import { registerShippedTranslation } from '../components/shared/localize.js';
import type { CompleteTranslation } from './types.js';
import { UI } from './zh-CN/ui.js';
import { ENGINE } from './zh-CN/engine.js';

const table: CompleteTranslation = { $code: 'zh-CN', $name: '中文（简体）', $dir: 'ltr', ...UI, ...ENGINE };
registerShippedTranslation(table);

export default table;
