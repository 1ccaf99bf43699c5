/**
 * Français. Loaded by the elements on first need (`<html lang="fr">`); import this module (or
 * `loadTranslation('fr')`) to have it before the first render.
 */
import { registerShippedTranslation } from '../components/shared/localize.js';
import type { CompleteTranslation } from './types.js';
import { UI } from './fr/ui.js';
import { ENGINE } from './fr/engine.js';

const table: CompleteTranslation = { $code: 'fr', $name: 'Français', $dir: 'ltr', ...UI, ...ENGINE };
registerShippedTranslation(table);

export default table;
