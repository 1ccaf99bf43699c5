// The installed tarball: no JavaScript file names a `.ts` file (a bundler would try to load it: "Cannot
// resolve entry module …/train-worker.ts"), the npm build's training worker is one self-contained file
// (no import of any kind: Astro 5's Vite 6 refuses a code-split worker), and the shipped custom-elements.json
// describes what ships: every module a `dist/*.js` file in the package, only the public API (no private,
// protected or `_` member, every property documented), each attribute tied to a property by its property
// name, and no declaration but the elements and their base class (none named "tag"). And the packer, as
// `npx cnn-widgets pack` runs it from the installed package: it packs IDX files with nothing more installed,
// and for a folder of images it says to install sharp (its optional peer dependency, which this app does not
// have).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const manifest = JSON.parse(readFileSync(join(pkgDir, 'custom-elements.json'), 'utf8'));
let elements = 0;
for (const mod of manifest.modules) {
  const shipped = (path) => /^dist\/.+\.js$/.test(path) && js.includes(path.slice(5));
  if (!shipped(mod.path))
    failures.push(`custom-elements.json: module ${mod.path} is no dist/*.js file that ships`);
  for (const e of mod.exports ?? [])
    if (e.declaration?.module && !shipped(e.declaration.module))
      failures.push(`custom-elements.json: ${mod.path} exports from ${e.declaration.module}`);
  for (const d of mod.declarations ?? []) {
    // An element, or the base class they inherit their shared members from (no tag of its own).
    if (!d.customElement || d.name === 'tag')
      failures.push(`custom-elements.json: ${mod.path} declares ${d.kind} "${d.name}", not an element`);
    if (d.tagName) elements++;
    const members = d.members ?? [];
    for (const m of members) {
      if (m.name.startsWith('_') || ['private', 'protected'].includes(m.privacy ?? 'public'))
        failures.push(`custom-elements.json: <${d.tagName}> lists the internal member ${m.name}`);
      if (m.kind === 'field' && !m.description?.trim())
        failures.push(`custom-elements.json: <${d.tagName}>.${m.name} has no description`);
    }
    for (const a of d.attributes ?? [])
      if (a.fieldName && !members.some((m) => m.name === a.fieldName))
        failures.push(
          `custom-elements.json: <${d.tagName} ${a.name}> names the property ${a.fieldName}, not listed`,
        );
  }
}
if (elements < 7) failures.push(`custom-elements.json lists ${elements} elements, not the 7 tags`);
// The bin: two classes of 8×8 grey images as IDX files → a dataset folder.
const bin = join(process.cwd(), 'node_modules', '.bin', 'cnn-widgets');
const src = mkdtempSync(join(tmpdir(), 'cnn-consumer-pack-'));
const idx = (dims, values) => {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head[2] = 8;
  head[3] = dims.length;
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(values)]);
};
for (const split of ['train', 't10k']) {
  writeFileSync(join(src, `${split}-images-idx3-ubyte`), idx([4, 8, 8], new Array(256).fill(7)));
  writeFileSync(join(src, `${split}-labels-idx1-ubyte`), idx([4], [0, 1, 0, 1]));
}
const out = join(src, 'packed');
const { PATH, HOME } = process.env; // no NODE_PATH: nothing outside this app may lend it sharp
const printed = execFileSync(bin, ['pack', src, out, '--classes', 'a,b'], {
  encoding: 'utf8',
  env: { PATH, HOME },
});
if (!/Packed .*: 2 classes, 8×8 grey/.test(printed)) failures.push(`cnn-widgets pack printed: ${printed}`);
const dataset = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8'));
if (dataset.train.count !== 4 || dataset.classes.join() !== 'a,b')
  failures.push(`the packed dataset.json is wrong: ${JSON.stringify(dataset).slice(0, 200)}`);
const images = join(src, 'images');
mkdirSync(join(images, 'cat'), { recursive: true });
mkdirSync(join(images, 'dog'), { recursive: true });
// Real 1×1 PNGs, two in each class: the images are there, only the decoder is missing.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==',
  'base64',
);
for (const c of ['cat', 'dog']) for (const i of [1, 2]) writeFileSync(join(images, c, `${c}${i}.png`), png);
// As a project without sharp: the package's bin copied into a bare project under the temp folder (this app sits
// inside the repository's .cache/, where walking up node_modules finds the repository's own sharp).
const bare = join(src, 'bare');
const bareBin = join(bare, 'node_modules', 'cnn-widgets');
cpSync(join(pkgDir, 'bin'), join(bareBin, 'bin'), { recursive: true });
cpSync(join(pkgDir, 'package.json'), join(bareBin, 'package.json'));
writeFileSync(join(bare, 'package.json'), '{ "name": "bare", "private": true }');
const noSharp = spawnSync(
  process.execPath,
  [join(bareBin, 'bin', 'cnn-widgets.mjs'), 'pack', images, join(src, 'out2'), '--size', '8x8'],
  { encoding: 'utf8', cwd: bare, env: { PATH, HOME } },
);
if (noSharp.status === 0 || !noSharp.stderr.includes('npm install --save-dev sharp'))
  failures.push(
    `a folder of images without sharp: exit ${noSharp.status}, ${noSharp.stderr || noSharp.stdout}`,
  );
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(
  `${js.length} files in dist/ name no .ts file; the worker is self-contained; custom-elements.json: ${elements} elements, public API only, all in dist/; cnn-widgets pack packs IDX files and asks for sharp for images`,
);
