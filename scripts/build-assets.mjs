#!/usr/bin/env node
// Builds the data files that ship in dist/assets/ (never committed): every module in scripts/assets/
// exports `build(outDir)` and, optionally, `isBuilt(outDir)`; they run in name order.
//   node scripts/build-assets.mjs              rebuild everything
//   node scripts/build-assets.mjs --if-missing build only what is not there yet (what `npm test` does)
import { mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const outDir = resolve(process.env.ASSETS_OUT ?? 'dist/assets');
const ifMissing = process.argv.includes('--if-missing');
mkdirSync(outDir, { recursive: true });
const dir = resolve('scripts/assets');
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  const mod = await import(pathToFileURL(resolve(dir, file)).href);
  if (ifMissing && mod.isBuilt && (await mod.isBuilt(outDir))) continue;
  const t0 = Date.now();
  await mod.build(outDir);
  console.log(`[assets] ${file} built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
