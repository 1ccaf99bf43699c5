/**
 * Deutsch. Loaded by the elements on first need (`<html lang="de">`); import this module (or
 * `loadTranslation('de')`) to have it before the first render.
 */
import { registerShippedTranslation } from '../components/shared/localize.js';
import type { CompleteTranslation } from './types.js';
import { UI } from './de/ui.js';
import { ENGINE } from './de/engine.js';

const table: CompleteTranslation = { $code: 'de', $name: 'Deutsch', $dir: 'ltr', ...UI, ...ENGINE };
registerShippedTranslation(table);

export default table;
