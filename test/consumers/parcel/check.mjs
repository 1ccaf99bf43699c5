// Parcel 2, zero configuration (no .parcelrc, nothing in package.json for cnn-widgets): `parcel build` emits
// the worker, the WebAssembly, the MNIST shards, the sample photos and the pretrained weights from the
// library's literal `new URL('…', import.meta.url)` references; the production build trains in a Worker on
// wasm, <digit-pad> predicts and <feature-map> shows its photo's maps; on `parcel serve` (dev) the same
// files load and training starts in a Worker; every request answered.
//
// --no-autoinstall: a Node built-in that OUR files named would otherwise make Parcel install a polyfill into
// the app (changing its package.json) instead of failing. The `process` and `buffer` polyfills in this app's
// package.json are the two Parcel installs by itself for TensorFlow.js's own Node code paths (tfjs-core reads
// `process.hrtime` and `Buffer`), as it does for any app that imports TensorFlow.js.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { appWorks, freePort, serveStatic, startDevServer, withPage } from '../_lib/harness.mjs';

const parcel = './node_modules/.bin/parcel';
execFileSync(parcel, ['build', 'index.html', '--no-autoinstall', '--log-level', 'warn'], {
  stdio: 'inherit',
});
// What Parcel emitted: each kind of asset under its own (hashed) name.
const emitted = readdirSync('dist');
for (const [what, re] of [
  ['the training worker', /^train-worker\.[^.]+\.js$/],
  ['the WebAssembly', /\.wasm$/],
  ['the MNIST shards', /^train-0\.[^.]+\.u8z$/],
  ['the sample photo', /^chelsea-320\.[^.]+\.png$/],
  ['the pretrained weights', /^cnn-mnist\.[^.]+\.bin$/],
])
  if (!emitted.some((f) => re.test(f)))
    throw new Error(`parcel build emitted no file for ${what}: ${emitted}`);

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
const dev = await startDevServer(
  parcel,
  [
    'serve',
    'index.html',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--no-autoinstall',
    '--no-hmr',
    '--dist-dir',
    'dev-dist',
  ],
  { port, ready: /Built in/, failed: /Build failed/, timeoutMs: 300_000 },
);
try {
  await withPage(async (page, log) => {
    await page.goto(dev.url);
    console.log(`dev: ${await appWorks(page, log, { train: false })}`);
  });
} finally {
  dev.close();
}
