import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
// Autodocs tables (attributes, properties, events, CSS parts and properties) come from the manifest that
// @custom-elements-manifest/analyzer writes from the classes' JSDoc (`npm run analyze`).
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);

type Enhancer = NonNullable<Preview['argTypesEnhancers']>[number];
interface Method {
  kind: string;
  name: string;
  description?: string;
  privacy?: string;
  static?: boolean;
  parameters?: { name: string; optional?: boolean; type?: { text: string } }[];
  return?: { type?: { text: string } };
}

/**
 * Storybook's web-components docgen reads attributes, properties, events, parts and custom properties from the
 * manifest but leaves the methods out; this adds them, as a "methods" section of each element's Docs table
 * (`start()`, `addBatch(b: TrainerBatch)`, with their return types). It runs after Storybook's own extraction.
 */
const withMethods: Enhancer = (context) => {
  const { argTypes, component } = context;
  if (typeof component !== 'string') return argTypes;
  const declaration = (manifest.modules as { declarations?: { tagName?: string; members?: Method[] }[] }[])
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === component);
  const methods = (declaration?.members ?? []).filter(
    (m) => m.kind === 'method' && !m.static && (m.privacy ?? 'public') === 'public',
  );
  const added = { ...argTypes };
  for (const m of methods) {
    const params = (m.parameters ?? [])
      .map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`)
      .join(', ');
    added[`method:${m.name}`] = {
      name: `${m.name}(${params})`,
      description: m.description ?? '',
      control: false,
      table: { category: 'methods', type: { summary: m.return?.type?.text ?? 'void' } },
    };
  }
  return added;
};
withMethods.secondPass = true;

const preview: Preview = {
  argTypesEnhancers: [withMethods],
  parameters: {
    controls: { expanded: true },
    backgrounds: { disable: true },
  },
  globalTypes: {
    theme: {
      description: 'Widget theme',
      toolbar: { title: 'Theme', items: ['auto', 'light', 'dark'], dynamicTitle: true },
    },
    // The widgets speak the page's language (`<html lang>`): English, or a shipped translation.
    locale: {
      description: 'Widget language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'fr', title: 'Français' },
          { value: 'de', title: 'Deutsch' },
          { value: 'zh-CN', title: '中文（简体）' },
          { value: 'ja', title: '日本語' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto', locale: 'en' },
  decorators: [
    (story, context) => {
      const theme = context.globals['theme'] as string;
      document.documentElement.lang = (context.globals['locale'] as string | undefined) ?? 'en';
      document.documentElement.style.colorScheme = theme === 'auto' ? 'light dark' : theme;
      document.body.style.background = theme === 'dark' ? '#0d1117' : theme === 'light' ? '#ffffff' : '';
      document.body.style.color = theme === 'dark' ? '#e6e9ef' : '';
      for (const el of document.querySelectorAll('#storybook-root *')) {
        if (el.tagName.includes('-')) {
          if (theme === 'auto') el.removeAttribute('theme');
          else el.setAttribute('theme', theme);
        }
      }
      return story();
    },
  ],
};
export default preview;
