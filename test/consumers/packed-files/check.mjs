// The installed tarball: no JavaScript file names a `.ts` file (a bundler would try to load it: "Cannot
// resolve entry module …/train-worker.ts"), and the npm build's training worker is one self-contained file
// (no import of any kind: Astro 5's Vite 6 refuses a code-split worker).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const pkgDir = dirname(createRequire(import.meta.url).resolve('cnn-widgets/package.json'));
const failures = [];
const js = readdirSync(join(pkgDir, 'dist'), { recursive: true })
  .map(String)
  .filter((f) => /\.m?js$/.test(f));
for (const f of js) {
  const text = readFileSync(join(pkgDir, 'dist', f), 'utf8');
  // A quoted path or URL ending in .ts (comments aside: `// see spawn.ts` harms nobody).
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/["'`]([^"'`\n]*\.ts)(?:[?#][^"'`\n]*)?["'`]/g))
    failures.push(`dist/${f} names ${m[1]}`);
}
const worker = readFileSync(join(pkgDir, 'dist/engine/worker/train-worker.js'), 'utf8');
// `import("x")`, `import "x"`, `import {a} from "x"` / `export * from "x"` (not `importScripts`, `.importFetch`).
const imports = [
  ...worker.matchAll(
    /(?<![\w.$])import\s*\(\s*["'`]|(?<![\w.$])import\s*["'`]|\}\s*from\s*["'`]|\*\s*from\s*["'`]/g,
  ),
].length;
if (imports)
  failures.push(`dist/engine/worker/train-worker.js has ${imports} import(s): it must be self-contained`);
if (!js.length) failures.push('no JavaScript in dist/');
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`${js.length} files in dist/ name no .ts file; the worker is self-contained`);
