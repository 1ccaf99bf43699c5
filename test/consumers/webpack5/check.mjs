// webpack 5, no configuration for cnn-widgets: the production build trains in a Worker on wasm, <digit-pad>
// predicts and <feature-map> shows its photo's maps (worker, .wasm, shards, weights and photo all emitted as
// asset modules), every request answered. A development-mode build (what webpack-dev-server serves, from
// memory) loads the same files: the pad predicts, the photo's maps show, training starts in a Worker.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import webpack from 'webpack';
import config from './webpack.config.js';
import { appWorks, serveStatic, withPage } from '../_lib/harness.mjs';

async function build(mode, dir) {
  const options = { ...config, mode, output: { ...config.output, path: resolve(dir) } };
  const stats = await new Promise((ok, fail) => webpack(options, (err, s) => (err ? fail(err) : ok(s))));
  if (stats.hasErrors()) throw new Error(`webpack ${mode} build failed:\n${stats.toString('errors-only')}`);
  writeFileSync(
    `${dir}/index.html`,
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>webpack</title><script defer src="main.js"></script>',
  );
  const site = await serveStatic(dir);
  try {
    return await withPage(async (page, log) => {
      await page.goto(site.url);
      return appWorks(page, log, { train: mode === 'production' });
    });
  } finally {
    site.close();
  }
}

console.log(`production: ${await build('production', 'dist')}`);
console.log(`development: ${await build('development', 'dev-dist')}`);
