// Vite 8 + React 19, no configuration for cnn-widgets: the production build trains in a Worker on wasm and
// <digit-pad> predicts (worker, .wasm, shards and weights all emitted by Vite); the dev server serves the data.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { noFailedRequests, predicts, serveStatic, trains, withPage } from '../_lib/harness.mjs';

const vite = './node_modules/.bin/vite';

console.log('vite build');
execFileSync(vite, ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
const site = await serveStatic('dist');
try {
  await withPage(async (page, log) => {
    await page.goto(site.url);
    const r = await trains(page, log);
    const p = await predicts(page, log);
    noFailedRequests(log);
    console.log(
      `build: trained (test accuracy ${r.testAccuracy.toFixed(3)}, ${r.backend}), pad says ${p.digit}`,
    );
  });
} finally {
  site.close();
}

// The dev server: the page loads and a trainer downloads its first shard (dependency pre-bundling must not
// break the URLs: every asset a 200, none 404).
const port = await new Promise((ok) => {
  const s = createServer().listen(0, () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});
// NO_COLOR: with CI set, Vite colours its output ("Local" and ":" apart), and the ready line is matched below.
const dev = spawn(vite, ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  stdio: 'pipe',
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
});
// eslint-disable-next-line no-control-regex
const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
let devLog = '';
dev.stdout.on('data', (d) => (devLog += d));
dev.stderr.on('data', (d) => (devLog += d));
try {
  await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`vite dev did not start:\n${devLog}`)), 60_000);
    dev.stdout.on('data', () => /Local:/.test(plain(devLog)) && (clearTimeout(timer), ok()));
    dev.on('exit', (code) => fail(new Error(`vite dev exited (${code}):\n${devLog}`)));
  });
  await withPage(async (page, log) => {
    const shard = page.waitForResponse((r) => /train-0[^/]*\.u8z/.test(r.url()), { timeout: 120_000 });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.querySelector('cnn-trainer')?.start, null, {
      timeout: 120_000,
    });
    await page.evaluate(() => document.querySelector('cnn-trainer').start());
    const res = await shard;
    if (res.status() !== 200)
      throw new Error(`dev: the first shard answered ${res.status()} at ${res.url()}`);
    await page.evaluate(() => document.querySelector('cnn-trainer').stop());
    noFailedRequests(log);
    console.log(`dev: first shard ${res.status()} ${new URL(res.url()).pathname}`);
  });
} finally {
  dev.kill();
}
