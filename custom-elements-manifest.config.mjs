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

/** `src/a/b.ts` → `dist/a/b.js`: the manifest describes the files a user gets (the package ships dist/). */
const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/** Members a user may touch: not private/protected (TypeScript's keywords), not `_`-prefixed, not static. */
const isPublic = (m) =>
  m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('_') && !m.static;

/** A Markdown list of the public methods, appended to the description (Storybook's tables list no methods). */
function methodsSection(methods) {
  if (!methods.length) return '';
  const line = (m) => {
    const params = (m.parameters ?? []).map((p) => p.name).join(', ');
    return `- \`${m.name}(${params})\`${m.description ? ` — ${m.description.replace(/\s+/g, ' ')}` : ''}`;
  };
  return `\n\n**Methods**\n\n${methods.map(line).join('\n')}`;
}

const tidy = {
  name: 'cnn-widgets-tidy',
  packageLinkPhase({ customElementsManifest }) {
    const tokens = themeTokens();
    for (const mod of customElementsManifest.modules) {
      mod.path = toDist(mod.path);
      // Only the elements are the public API of these modules (their helpers are internal).
      mod.declarations = (mod.declarations ?? []).filter((d) => d.customElement);
      const names = new Set(mod.declarations.map((d) => d.name));
      mod.exports = (mod.exports ?? [])
        .filter((e) => e.kind === 'js' && names.has(e.declaration?.name))
        .map((e) => ({ ...e, declaration: { ...e.declaration, module: toDist(e.declaration.module) } }));
      for (const d of mod.declarations) {
        // CnnElement.emit(name, …) is a helper, not an event named "name".
        d.events = (d.events ?? []).filter((e) => e.name !== 'name');
        const have = new Set((d.cssProperties ?? []).map((p) => p.name));
        d.cssProperties = [...(d.cssProperties ?? []), ...tokens.filter((t) => !have.has(t.name))];
        d.members = (d.members ?? []).filter(isPublic);
        for (const m of d.members)
          if (m.inheritedFrom?.module) m.inheritedFrom.module = toDist(m.inheritedFrom.module);
        if (d.superclass?.module) d.superclass.module = toDist(d.superclass.module);
        const methods = d.members.filter((m) => m.kind === 'method');
        d.description = `${d.description ?? ''}${methodsSection(methods)}`;
      }
    }
    customElementsManifest.modules = customElementsManifest.modules.filter((m) => m.declarations.length);
  },
};

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [tidy],
};
