// Vite 8 + React 19, no configuration for cnn-widgets: the production build trains in a Worker on wasm,
// <digit-pad> predicts and <feature-map> shows its photo's maps (worker, .wasm, shards, weights and photo all
// emitted by Vite); on the dev server (dependency pre-bundling and all) the same files load: the pad
// predicts, the photo's maps show, training starts in a Worker; every request answered.
import { execFileSync } from 'node:child_process';
import { appWorks, freePort, serveStatic, startDevServer, withPage } from '../_lib/harness.mjs';

const vite = './node_modules/.bin/vite';

execFileSync(vite, ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
const site = await serveStatic('dist');
try {
  await withPage(async (page, log) => {
    await page.goto(site.url);
    console.log(`build: ${await appWorks(page, log, { train: true })}`);
  });
} finally {
  site.close();
}

const port = await freePort();
const dev = await startDevServer(vite, ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  port,
  ready: /Local:/,
});
try {
  await withPage(async (page, log) => {
    await page.goto(dev.url);
    console.log(`dev: ${await appWorks(page, log, { train: false })}`);
  });
} finally {
  dev.close();
}
