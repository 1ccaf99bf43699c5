/**
 * Español. Loaded by the elements on first need (`<html lang="es">`); import this module (or
 * `loadTranslation('es')`) to have it before the first render.
 */
import { registerShippedTranslation } from '../components/shared/localize.js';
import type { CompleteTranslation } from './types.js';
import { UI } from './es/ui.js';
import { ENGINE } from './es/engine.js';

const table: CompleteTranslation = { $code: 'es', $name: 'Español', $dir: 'ltr', ...UI, ...ENGINE };
registerShippedTranslation(table);

export default table;
