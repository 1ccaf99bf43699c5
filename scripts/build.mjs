#!/usr/bin/env node
// `npm run build`: everything a release needs in dist/.
//   dist/            ES modules with bare imports + .d.ts (tsc), for bundler users (npm)
//   dist/cdn/        self-contained, code-split, minified (rollup), for <script type="module">
//   dist/assets/     MNIST shards, sample photo, pretrained weights, WASM binaries (scripts/assets/*)
//   examples/data/   the example pages' other datasets, packed when their source is installed (not shipped)
//   custom-elements.json  the manifest (@custom-elements-manifest/analyzer)
//   dist/types/      React, Vue and Svelte typings generated from the manifest (scripts/framework-types.mjs)
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd) => {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
};
const t0 = Date.now();
rmSync('dist/cdn', { recursive: true, force: true });
run('npx tsc -p tsconfig.build.json');
run('npx rollup -c --silent');
run('node scripts/build-assets.mjs --if-missing');
run('node scripts/examples-data.mjs');
run('npm run --silent analyze');
run('node scripts/framework-types.mjs');
console.log(`build done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
