// Writes a twin of every JSON file in the asset folder, `<name>.json.txt`, with the same bytes.
//
// Why: a bundler that follows the `new URL('…', import.meta.url)` convention emits each file it finds, but
// Parcel runs a `.json` through its JSON transformer even then and emits a JavaScript module in its place
// (`dataset.1a2b3c4d.js`, `module.exports = JSON.parse(…)`), which no loader can read as JSON. A `.txt` is
// emitted as it is by every bundler. assets.ts uses the twin only where the JSON's own URL came back as a
// script; everywhere else (no bundler, Vite, webpack) the `.json` itself is fetched, as before.
// Runs before 90-integrity and 95-asset-files, so the twins are checksummed and listed like every other file.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FOLDERS = ['images', 'mnist', 'weights', 'wasm'];
export const TWIN = '.txt';

/** Every JSON file of the asset folder `out` with its twin's path. */
function pairs(out) {
  const found = [];
  for (const folder of FOLDERS) {
    const dir = join(out, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')))
      found.push([join(dir, f), join(dir, f + TWIN)]);
  }
  return found;
}

/** Twins whose JSON file is gone (renamed or dropped by an earlier step): they must not ship. */
function orphans(out) {
  const found = [];
  for (const folder of FOLDERS) {
    const dir = join(out, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith(`.json${TWIN}`)))
      if (!existsSync(join(dir, f.slice(0, -TWIN.length)))) found.push(join(dir, f));
  }
  return found;
}

const same = (a, b) => existsSync(b) && readFileSync(a).equals(readFileSync(b));
export const isBuilt = (out) => pairs(out).every(([json, twin]) => same(json, twin)) && !orphans(out).length;
export function build(out) {
  for (const twin of orphans(out)) rmSync(twin);
  for (const [json, twin] of pairs(out)) if (!same(json, twin)) writeFileSync(twin, readFileSync(json));
}
