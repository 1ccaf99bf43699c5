#!/usr/bin/env node
// The data of the example pages and Storybook lessons that train on more than MNIST, packed at build time by the
// packer itself (`cnn-widgets pack`) into examples/data/ (never committed, never in the npm package):
//
//   examples/data/datasets.json     what is there: { "fashion-mnist": "fashion-mnist/" | null, "notes": {…} }
//   examples/data/fashion-mnist/    Fashion-MNIST from Debian's dataset-fashion-mnist, when it is installed
//
// Without the Debian package the page and the lesson say how to get it instead of failing (datasets.json says
// why). Run by `npm run build`; `--if-missing` (the default) packs only what is not there yet.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FASHION_SRC, runPack } from './lib/datasets.mjs';
import { selfChecksum } from '../bin/pack/format.mjs';

const OUT = resolve('examples/data');
mkdirSync(OUT, { recursive: true });
const index = { 'fashion-mnist': null, notes: {} };
const dir = join(OUT, 'fashion-mnist');
const whole = () => {
  try {
    const d = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'));
    return (
      d.checksum === selfChecksum(d) &&
      ['train', 'test'].every((s) => d[s].files.every((f) => existsSync(join(dir, f.file))))
    );
  } catch {
    return false;
  }
};
if (!existsSync(join(FASHION_SRC, 'train-images-idx3-ubyte.gz'))) {
  index.notes['fashion-mnist'] =
    "Debian's dataset-fashion-mnist is not installed here (apt-get install dataset-fashion-mnist, then npm run build), or pack Fashion-MNIST's IDX files yourself: npx cnn-widgets pack <folder> examples/data/fashion-mnist";
  console.log(`[examples-data] Fashion-MNIST skipped: ${index.notes['fashion-mnist']}`);
} else {
  if (!whole() || process.argv.includes('--force')) process.stdout.write(await runPack([FASHION_SRC, dir]));
  index['fashion-mnist'] = 'fashion-mnist/';
}
writeFileSync(join(OUT, 'datasets.json'), JSON.stringify(index, null, 1) + '\n');
