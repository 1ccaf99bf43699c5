#!/usr/bin/env node
// `npm run build` (after the manifest): typings for React 19, Vue 3 and Svelte 5 in dist/types/, generated
// from custom-elements.json so they list exactly the public attributes, properties and events.
// Users enable one with `import type {} from 'cnn-widgets/react'` (or `/vue`, `/svelte`); see the README.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderAll } from './lib/framework-types.mjs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
mkdirSync('dist/types', { recursive: true });
for (const [name, text] of Object.entries(renderAll(manifest))) {
  writeFileSync(`dist/types/${name}`, text);
  console.log(`[framework-types] dist/types/${name}`);
}
