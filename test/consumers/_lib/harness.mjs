// Shared by the consumer apps' check.mjs files (scripts/test-consumers.mjs copies this folder beside them):
// a static server for a built app, Chromium through playwright-core, and the checks every app makes.
// Each helper throws an Error with a message that says what a user would have seen; check.mjs lets it escape
// (`node check.mjs` then exits non-zero with that message).
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
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

/** The `<digit-pad>` that `selector` names (the first one by default) predicts a digit for a drawn one. */
export async function predicts(page, log, selector = 'digit-pad') {
  const prediction = await page.evaluate(async (selector) => {
    await customElements.whenDefined('digit-pad');
    const pad = document.querySelector(selector);
    // A vertical stroke: a "1".
    const px = Array.from({ length: 784 }, (_, i) =>
      i % 28 >= 13 && i % 28 <= 15 && i > 112 && i < 672 ? 1 : 0,
    );
    const p = await pad.setPixels(px);
    return p ? { digit: p.digit, sum: p.probabilities.reduce((a, b) => a + b, 0) } : { error: pad.error };
  }, selector);
  if (!(Number.isInteger(prediction.digit) && Math.abs(prediction.sum - 1) < 1e-3))
    throw new Error(`${selector} predicted nothing: ${JSON.stringify(prediction)}\n${report(log)}`);
  return prediction;
}

/**
 * The first `<feature-map>` computes the maps of its bundled sample photo (the photo emitted by the bundler, its
 * bytes accepted): returns the maps' shape.
 */
export async function photoMaps(page, log, { timeoutMs = 60_000 } = {}) {
  const seen = await page.evaluate(async (ms) => {
    await customElements.whenDefined('feature-map');
    const fm = document.querySelector('feature-map');
    const t0 = Date.now();
    while (!fm.maps && !fm.error && Date.now() - t0 < ms) await new Promise((ok) => setTimeout(ok, 100));
    return { shape: fm.maps?.shape ?? null, error: fm.error };
  }, timeoutMs);
  if (!seen.shape)
    throw new Error(`<feature-map> showed no maps: ${seen.error ?? 'timed out'}\n${report(log)}`);
  return seen.shape;
}

/** Fails when any request of the page failed (a 404 for a shard, the worker, a .wasm). */
export function noFailedRequests(log) {
  if (log.failed.length || log.errors.length)
    throw new Error(`requests failed or the page logged errors:\n${report(log)}`);
}

/**
 * The first `<cnn-trainer>` starts training in a Worker (the dev server's worker, WebAssembly and first shard
 * all load: a `train-batch` arrives), then is stopped. Cheaper than a whole epoch, for the dev servers.
 */
export async function startsTraining(page, log, { timeoutMs = 180_000 } = {}) {
  await page.waitForFunction(
    () => customElements.get('cnn-trainer') && document.querySelector('cnn-trainer'),
    null,
    {
      timeout: 60_000,
    },
  );
  const seen = await page.evaluate(
    (ms) =>
      new Promise((ok) => {
        const t = document.querySelector('cnn-trainer');
        const finish = (batch) => {
          const r = {
            batch,
            state: t.state,
            error: t.error,
            fallbacks: (t.fallbacks ?? []).map((f) => f.message),
          };
          t.stop();
          ok(r);
        };
        const timer = setTimeout(() => finish(null), ms);
        t.addEventListener('train-batch', (e) => (clearTimeout(timer), finish(e.detail)), { once: true });
        t.addEventListener('train-error', () => (clearTimeout(timer), finish(null)), { once: true });
        t.start();
      }),
    timeoutMs,
  );
  const thread = seen.fallbacks.find((m) => /own thread/i.test(m));
  if (!seen.batch || thread)
    throw new Error(
      `the trainer did not start training in a Worker (state "${seen.state}": ${thread ?? seen.error ?? 'no batch'})\n${report(log)}`,
    );
  return seen.batch;
}

/**
 * The bundler apps' page (vite-react, webpack5, parcel: a `<cnn-trainer>`, a pretrained `<digit-pad>` and a
 * photo `<feature-map>`): the pad predicts, the photo's maps show, and the trainer trains a whole epoch
 * (`train`, the production build) or starts training (the dev server); no request fails. Returns a summary.
 */
export async function appWorks(page, log, { train }) {
  const p = await predicts(page, log);
  const shape = await photoMaps(page, log);
  let what;
  if (train) {
    const r = await trains(page, log);
    what = `trained (test accuracy ${r.testAccuracy.toFixed(3)}, ${r.backend})`;
  } else {
    what = `training started in a Worker (batch ${(await startsTraining(page, log)).batch})`;
  }
  noFailedRequests(log);
  return `${what}, pad says ${p.digit}, photo maps ${shape.join('×')}`;
}

/** A free TCP port on 127.0.0.1. */
export const freePort = () =>
  new Promise((ok) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/**
 * Starts a dev server (`cmd args…`, which must listen on `port`) and resolves `{ url, close }` once its output
 * matches `ready` (rejects at once when it matches `failed`). NO_COLOR: with CI set, Vite colours its output
 * and the ready line would not match.
 */
export async function startDevServer(cmd, args, { port, ready, failed = /$^/, timeoutMs = 120_000 }) {
  const dev = spawn(cmd, args, { stdio: 'pipe', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  let out = '';
  // eslint-disable-next-line no-control-regex
  const plain = () => out.replace(/\x1b\[[0-9;]*m/g, '');
  const close = () => dev.kill();
  try {
    await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`${cmd} did not start:\n${plain()}`)), timeoutMs);
      const onData = (d) => {
        out += d;
        const broken = failed.test(plain());
        if (!broken && !ready.test(plain())) return;
        clearTimeout(timer);
        if (broken) fail(new Error(`${cmd} failed:\n${plain()}`));
        else ok();
      };
      dev.stdout.on('data', onData);
      dev.stderr.on('data', onData);
      dev.on(
        'exit',
        (code) => (clearTimeout(timer), fail(new Error(`${cmd} exited (${code}):\n${plain()}`))),
      );
    });
  } catch (e) {
    close();
    throw e;
  }
  return { url: `http://127.0.0.1:${port}/`, close, output: plain };
}

/** Runs the CLI `name` of the app's own dependency `pkg` (its package.json `bin`); returns status and output. */
export function runBin(pkg, name, args) {
  const dir = join(process.cwd(), 'node_modules', pkg);
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = join(dir, typeof bin === 'string' ? bin : bin[name]);
  try {
    const out = execFileSync(process.execPath, [file, ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, out };
  } catch (e) {
    return { status: e.status ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/**
 * A type checker's verdicts: `good()` passes, and every line of `wrongFile` that opens one of our tags has an
 * error of its own (`errorLines(out)` reads the checker's output into line numbers). Returns how many.
 */
export function checkTypes({ good, wrong, wrongFile, errorLines }) {
  const ok = good();
  if (ok.status !== 0) throw new Error(`the typings reject the good file:\n${ok.out}`);
  const lines = readFileSync(wrongFile, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => /^\s*<[a-z]+-[a-z-]+ /.test(text));
  const bad = wrong();
  if (bad.status === 0) throw new Error(`${wrongFile} type-checked, but each of its tags has a wrong type`);
  const found = errorLines(bad.out);
  const missed = lines.filter(({ line }) => !found.has(line));
  if (missed.length)
    throw new Error(
      `no type error for:\n${missed.map((m) => `  ${m.line}: ${m.text.trim()}`).join('\n')}\n${bad.out}`,
    );
  return lines.length;
}
