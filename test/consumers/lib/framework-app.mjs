// Shared by the framework consumer apps' check.mjs (vue3, svelte5): find the library checkout, build the app
// with its own Vite, serve dist/ and open it in Chromium (playwright-core from the library's node_modules), and
// run a type checker on a good and a deliberately wrong file.
//
// A check.mjs runs in a copy of its app folder (cwd) with the app's dependencies and the packed cnn-widgets
// installed; it loads this file from the library checkout: $CNN_LIBRARY_ROOT, else three folders above the
// check.mjs (test/consumers/<app>/).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Stops the check with a message (the runner prints it) and a non-zero status. */
export function fail(app, message) {
  console.error(`${app}: ${message}`);
  process.exit(1);
}

/** The library checkout: where playwright-core and scripts/lib/browser.mjs live. */
export function libraryRoot(checkDir) {
  for (const dir of [process.env.CNN_LIBRARY_ROOT, resolve(checkDir, '../../..')]) {
    if (!dir) continue;
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'cnn-widgets') return dir;
  }
  throw new Error('cannot find the cnn-widgets checkout: set CNN_LIBRARY_ROOT');
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
 * The type checker's verdicts: the good project passes, and every line of `wrongFile` that opens one of our
 * tags (or has a `.prop` binding) has an error of its own. `errorLines(out)` reads the checker's output.
 */
export function checkTypes(app, { good, wrong, wrongFile, errorLines }) {
  const ok = good();
  if (ok.status !== 0) fail(app, `the typings reject the good file:\n${ok.out}`);
  const lines = readFileSync(wrongFile, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => /^\s*<[a-z]+-[a-z-]+ /.test(text));
  const bad = wrong();
  if (bad.status === 0) fail(app, `${wrongFile} type-checked, but each of its tags has a wrong type`);
  const found = errorLines(bad.out);
  const missed = lines.filter(({ line }) => !found.has(line));
  if (missed.length)
    fail(
      app,
      `no type error for:\n${missed.map((m) => `  ${m.line}: ${m.text.trim()}`).join('\n')}\n${bad.out}`,
    );
  return lines.length;
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Serves a folder on 127.0.0.1 (a random port); resolves to `{ url, close }`. */
export function serve(dir) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) file = root;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      done({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

/** Opens `url` in headless Chromium and runs `fn(page)`; page errors, console errors and failed
 * downloads (but the favicon) fail the check. */
export async function inChromium(app, root, url, fn) {
  const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
  const { findChromium } = await import(pathToFileURL(join(root, 'scripts/lib/browser.mjs')).href);
  const { executablePath, args } = await findChromium();
  const browser = await chromium.launch({ executablePath, args, headless: true });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    // A failed download is reported with its URL below, not as the console's "Failed to load resource".
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        errors.push(`console error: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
        errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(url);
    await fn(page);
  } finally {
    await browser.close();
  }
  if (errors.length) fail(app, errors.join('\n'));
}
