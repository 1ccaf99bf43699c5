/**
 * `cnn-widgets/translations`: what a writer needs to translate the widgets or pick a language.
 *
 * - `translations.en`: the complete English table, every key with its text (what to translate);
 * - `registerTranslation({ $code, $name, $dir, …terms })`: adds a language, or rewords some terms of one (a
 *   partial table falls back key by key: `de-CH` → `de` → English);
 * - `loadTranslation('de')`: loads a shipped table (es, fr, de, zh-CN, ja) now, instead of on first need.
 *
 * The elements pick their language from the nearest `lang` attribute (their own, else an ancestor's, else
 * `<html lang>`) and follow its changes. `import 'cnn-widgets/translations/de.js'` registers German.
 */
import en from './en.js';

export {
  registerTranslation,
  loadTranslation,
  type Translation,
  type Term,
} from '../components/shared/localize.js';
export type { CompleteTranslation, UiTerms, EngineTerms } from './types.js';

/** The tables bundled with this module: English, the fallback of every key. */
export const translations = { en };

/** The languages shipped with the library (each loaded on first need). */
export const SHIPPED_LANGUAGES = ['en', 'es', 'fr', 'de', 'zh-CN', 'ja'] as const;
