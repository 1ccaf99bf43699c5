// Shared by the consumer apps' check.mjs files (scripts/test-consumers.mjs copies this folder beside them):
// a static server for a built app, Chromium through playwright-core, and the checks every app makes.
// Each helper throws an Error with a message that says what a user would have seen; check.mjs lets it escape
// (`node check.mjs` then exits non-zero with that message).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/** The library's own node_modules (playwright-core is its devDependency, not the app's). */
const library = process.env.CNN_LIBRARY_ROOT ?? resolve(import.meta.dirname, '../../..');
const { chromium } = createRequire(join(library, 'package.json'))('playwright-core');

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` on a free port; `/` and folders serve their index.html. Resolves `{ url, close }`. */
export function serveStatic(dir) {
  const rootDir = resolve(dir);
  const server = createServer((req, res) => {
    let path = resolve(rootDir, `.${decodeURIComponent(new URL(req.url, 'http://x').pathname)}`);
    if (path !== rootDir && !path.startsWith(rootDir + sep)) return void res.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() }),
    ),
  );
}

/** Runs `fn(page, log)` in a fresh headless Chromium; `log` gathers failed requests and page errors. */
export async function withPage(fn) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || undefined,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const log = { failed: [], errors: [] };
    // The browser's own favicon.ico request is no asset of ours.
    const ours = (url) => !/\/favicon\.ico$/.test(url);
    page.on(
      'response',
      (r) => r.status() >= 400 && ours(r.url()) && log.failed.push(`${r.status()} ${r.url()}`),
    );
    page.on('requestfailed', (r) => ours(r.url()) && log.failed.push(`${r.failure()?.errorText} ${r.url()}`));
    page.on('pageerror', (e) => log.errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && ours(m.location()?.url ?? ''))
        log.errors.push(`${m.text()} ${m.location()?.url ?? ''}`);
    });
    return await fn(page, log);
  } finally {
    await browser.close();
  }
}

/** What the page logged, for a failure message. */
const report = (log) =>
  [...log.failed.map((f) => `  request: ${f}`), ...log.errors.map((e) => `  page: ${e}`)].join('\n');

/**
 * The first `<cnn-trainer>` on the page trains to the end in a Worker (not the main-thread fallback) and
 * reaches a test accuracy no guess would; returns what it reported.
 */
export async function trains(page, log, { timeoutMs = 180_000 } = {}) {
  await page.waitForFunction(
    () => customElements.get('cnn-trainer') && document.querySelector('cnn-trainer'),
    null,
    {
      timeout: 60_000,
    },
  );
  const result = await page.evaluate(
    (ms) =>
      new Promise((ok) => {
        const t = document.querySelector('cnn-trainer');
        const finish = () =>
          ok({
            state: t.state,
            error: t.error,
            backend: t.backend,
            testAccuracy: t.testAccuracy,
            fallbacks: (t.fallbacks ?? []).map((f) => f.message),
          });
        const timer = setTimeout(finish, ms);
        for (const name of ['train-end', 'train-error'])
          t.addEventListener(name, () => (clearTimeout(timer), setTimeout(finish, 0)), { once: true });
        t.start();
      }),
    timeoutMs,
  );
  const problems = [];
  if (result.state !== 'done')
    problems.push(`the trainer ended in state "${result.state}" (${result.error ?? 'no error shown'})`);
  // 500 images, one epoch: about 8 Adam steps, so well above chance (0.1) is all a run can promise.
  if (!(result.testAccuracy > 0.15)) problems.push(`test accuracy ${result.testAccuracy} (chance is 0.1)`);
  const thread = result.fallbacks.find((m) => /own thread/i.test(m));
  if (thread) problems.push(`no training Worker: ${thread}`);
  if (problems.length) throw new Error(`${problems.join('; ')}\n${report(log)}`);
  return result;
}

/** The first `<digit-pad>` (its bundled pretrained network) predicts a digit for a drawn one. */
export async function predicts(page, log) {
  const prediction = await page.evaluate(async () => {
    await customElements.whenDefined('digit-pad');
    const pad = document.querySelector('digit-pad');
    // A vertical stroke: a "1".
    const px = Array.from({ length: 784 }, (_, i) =>
      i % 28 >= 13 && i % 28 <= 15 && i > 112 && i < 672 ? 1 : 0,
    );
    const p = await pad.setPixels(px);
    return p ? { digit: p.digit, sum: p.probabilities.reduce((a, b) => a + b, 0) } : { error: pad.error };
  });
  if (!(Number.isInteger(prediction.digit) && Math.abs(prediction.sum - 1) < 1e-3))
    throw new Error(`<digit-pad> predicted nothing: ${JSON.stringify(prediction)}\n${report(log)}`);
  return prediction;
}

/** Fails when any request of the page failed (a 404 for a shard, the worker, a .wasm). */
export function noFailedRequests(log) {
  if (log.failed.length || log.errors.length)
    throw new Error(`requests failed or the page logged errors:\n${report(log)}`);
}
