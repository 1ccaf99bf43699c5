// webpack 5, no configuration for cnn-widgets: the production build trains in a Worker on wasm, <digit-pad>
// predicts and <feature-map> shows its photo's maps (worker, .wasm, shards, weights and photo all emitted as
// asset modules), every request answered.
import { writeFileSync } from 'node:fs';
import webpack from 'webpack';
import config from './webpack.config.js';
import { appWorks, serveStatic, withPage } from '../_lib/harness.mjs';

const stats = await new Promise((ok, fail) => webpack(config, (err, s) => (err ? fail(err) : ok(s))));
if (stats.hasErrors()) throw new Error(`webpack build failed:\n${stats.toString('errors-only')}`);
writeFileSync(
  'dist/index.html',
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>webpack</title><script defer src="main.js"></script>',
);
const site = await serveStatic('dist');
try {
  await withPage(async (page, log) => {
    await page.goto(site.url);
    console.log(await appWorks(page, log, { train: true }));
  });
} finally {
  site.close();
}
