// Every entry of the package's "exports" (and every per-element `cnn-widgets/<tag>.js`) imports in plain Node,
// the way an SSR build (Astro, Next, Eleventy) loads it, without throwing and without our code reaching for
// a browser global at import time. lit's Node export brings its own DOM shim (customElements, HTMLElement);
// `window`, `document`, `navigator`, `location` and `self` are trapped here: a read from cnn-widgets' own files
// fails the check (a read from lit or TensorFlow.js feature detection is theirs, and allowed).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('cnn-widgets/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

/** An export with nothing to run (`{ "types": … }` alone: the React, Vue and Svelte typings). */
const typesOnly = (target) =>
  typeof target === 'object' && target !== null && Object.keys(target).every((k) => k === 'types');

const entries = [];
for (const key of Object.keys(pkg.exports)) {
  if (key === './*.js') {
    for (const f of readdirSync(join(pkgDir, 'dist/define')).filter((f) => f.endsWith('.js')))
      entries.push(`cnn-widgets/${f}`);
  } else if (!key.includes('*') && !key.endsWith('.json') && !typesOnly(pkg.exports[key])) {
    entries.push(key === '.' ? 'cnn-widgets' : `cnn-widgets/${key.slice(2)}`);
  }
}

const reads = [];
for (const name of ['window', 'document', 'navigator', 'location', 'self']) {
  const had = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      const stack = new Error().stack ?? '';
      if (/[\\/]cnn-widgets[\\/]dist[\\/]/.test(stack)) reads.push(`${name}\n${stack}`);
      return had?.get ? had.get.call(globalThis) : had?.value;
    },
  });
}

const failures = [];
for (const entry of entries) {
  try {
    await import(entry);
  } catch (e) {
    failures.push(`${entry}: ${e instanceof Error ? e.stack : e}`);
  }
}
if (reads.length) failures.push(`read a browser global at import time:\n${reads.join('\n')}`);
if (failures.length) {
  console.error(failures.join('\n\n'));
  process.exit(1);
}
console.log(`imported ${entries.length} entries in Node: ${entries.join(', ')}`);
