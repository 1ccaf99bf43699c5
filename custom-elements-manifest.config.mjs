// @custom-elements-manifest/analyzer: the manifest (custom-elements.json) that Storybook's autodocs and IDEs
// read. Elements are registered by src/define/*.ts, so each class names its tag with `@tagname`.
import { readFileSync } from 'node:fs';

/** The global --cnn-* tokens documented once in theme.styles.ts, added to every element's CSS properties. */
function themeTokens() {
  const src = readFileSync('src/components/shared/theme.styles.ts', 'utf8');
  return [...src.matchAll(/@cssproperty \[(--[\w-]+)=([^\]]*)\] (.*)/g)].map(
    ([, name, def, description]) => ({
      name,
      default: def,
      description,
    }),
  );
}

const tidy = {
  name: 'cnn-widgets-tidy',
  packageLinkPhase({ customElementsManifest }) {
    const tokens = themeTokens();
    for (const mod of customElementsManifest.modules) {
      for (const d of mod.declarations ?? []) {
        if (!d.customElement) continue;
        // CnnElement.emit(name, …) is a helper, not an event named "name".
        d.events = (d.events ?? []).filter((e) => e.name !== 'name');
        const have = new Set((d.cssProperties ?? []).map((p) => p.name));
        d.cssProperties = [...(d.cssProperties ?? []), ...tokens.filter((t) => !have.has(t.name))];
      }
    }
  },
};

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [tidy],
};
