#!/usr/bin/env node
// The data of the example pages and Storybook lessons that train on more than MNIST, packed at build time by the
// packer itself (`cnn-widgets pack`) into examples/data/ (never committed, never in the npm package):
//
//   examples/data/datasets.json     what is there: { "fashion-mnist": "fashion-mnist/" | null,
//                                   "shapes-rgb": "shapes-rgb/" | null, "notes": {…} }
//   examples/data/fashion-mnist/    Fashion-MNIST from Debian's dataset-fashion-mnist, when it is installed
//   examples/data/shapes-rgb/       300 small colour pictures of three shapes, drawn with sharp and packed from
//                                   their folders (`--rgb`): a colour dataset for examples/colour-data.html
//
// Without the Debian package (or sharp) the page and the lesson say how to get it instead of failing
// (datasets.json says why). Run by `npm run build`; `--if-missing` (the default) packs only what is not there yet.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FASHION_SRC, isPacked, packShapes, runPack } from './lib/datasets.mjs';
import { loadSharp, SHARP_MISSING } from '../bin/pack/folder.mjs';

const OUT = resolve('examples/data');
mkdirSync(OUT, { recursive: true });
const index = { 'fashion-mnist': null, 'shapes-rgb': null, notes: {} };
const dir = join(OUT, 'fashion-mnist');
if (!existsSync(join(FASHION_SRC, 'train-images-idx3-ubyte.gz'))) {
  index.notes['fashion-mnist'] =
    "Debian's dataset-fashion-mnist is not installed here (apt-get install dataset-fashion-mnist, then npm run build), or pack Fashion-MNIST's IDX files yourself: npx cnn-widgets pack <folder> examples/data/fashion-mnist";
  console.log(`[examples-data] Fashion-MNIST skipped: ${index.notes['fashion-mnist']}`);
} else {
  if (!isPacked(dir) || process.argv.includes('--force'))
    process.stdout.write(await runPack([FASHION_SRC, dir]));
  index['fashion-mnist'] = 'fashion-mnist/';
}
const shapes = join(OUT, 'shapes-rgb');
const sharp = loadSharp();
if (!sharp) {
  index.notes['shapes-rgb'] = SHARP_MISSING;
  console.log(`[examples-data] the colour shapes skipped: ${SHARP_MISSING}`);
} else {
  if (!isPacked(shapes) || process.argv.includes('--force'))
    process.stdout.write(await packShapes(sharp, shapes));
  index['shapes-rgb'] = 'shapes-rgb/';
}
writeFileSync(join(OUT, 'datasets.json'), JSON.stringify(index, null, 1) + '\n');
