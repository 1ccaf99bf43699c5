// @web/test-runner: every test runs in real browsers (no DOM emulation): headless Chromium, Firefox ESR and
// WebKitGTK, each where installed; BROWSERS=chromium,firefox,webkit picks (see scripts/lib/test-browsers.mjs).
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { testBrowsers } from './scripts/lib/test-browsers.mjs';
import { prebundleTf, prebundledUrl, TF_PACKAGES } from './scripts/lib/tf-prebundle.mjs';

await prebundleTf();
const browsers = await testBrowsers();

/** Maps bare '@tensorflow/…' imports to the shared pre-bundle (see scripts/lib/tf-prebundle.mjs). */
const tfPrebundle = {
  name: 'tf-prebundle',
  resolveImport({ source }) {
    if (TF_PACKAGES.includes(source)) return prebundledUrl(source);
  },
};

/**
 * Source modules find assets at `new URL('../assets/', import.meta.url)`, i.e. /src/assets/ when the tests
 * run from source; the built assets live in dist/assets/. Serve one as the other.
 */
const assetsFromDist = (ctx, next) => {
  if (ctx.url.startsWith('/src/assets/')) ctx.url = ctx.url.replace('/src/assets/', '/dist/assets/');
  return next();
};

/**
 * Source names the files that ship (`new URL('./train-worker.js', import.meta.url)`, so that `dist/` names no
 * `.ts` file): a request for a `.js` file under src/ or test/ that does not exist gets the `.ts` beside it,
 * which the esbuild plugin then compiles (it decides by the rewritten path).
 */
const tsForJs = (ctx, next) => {
  const m = /^\/((?:src|test)\/.+)\.js$/.exec(ctx.path);
  if (m && !existsSync(`${m[1]}.js`) && existsSync(`${m[1]}.ts`))
    ctx.url = ctx.url.replace(/\.js(?=$|\?)/, '.ts');
  return next();
};

// ---- Network faults for the fault tests (test/*/faults.test.ts) ---------------------------------------------
/**
 * `/__fault/<kind>,<times>,<file>,<id>/<path>` serves the repository file `<path>` (`src/assets/…` read from
 * `dist/assets/…`, as above), except that the first `<times>` requests (counted per `<id>`; `inf`: all) for
 * a file named `<file>` (`*`: any) get the fault `<kind>`. Relative URLs (MNIST shards beside their manifest,
 * the weights binary) stay under the same prefix, so one attribute points a whole loader at it.
 *   truncate  the first half of the bytes, as a clean response of that length
 *   flip      256 bytes XOR 0xff from the middle on, same length
 *   stall     the headers and 64 bytes, then silence (until the client gives up)
 *   reset     the headers and half the bytes, then the connection is destroyed
 *   html      a 200 web page instead of the file
 *   404, 500  that status
 * Everything it serves is `Cache-Control: no-store`, so no faulty copy lingers in the browser's cache.
 */
const networkFaults = (() => {
  const served = new Map();
  const types = { json: 'application/json', png: 'image/png', wasm: 'application/wasm' };
  return async (ctx, next) => {
    const m = /^\/__fault\/([a-z0-9]+),(\d+|inf),([^,/]+),([^,/]+)\/(.+)$/.exec(ctx.path);
    if (!m) return next();
    const [, kind, times, name, id, rest] = m;
    const { readFile } = await import('node:fs/promises');
    const { resolve, sep, basename, extname } = await import('node:path');
    const rel = rest.replace(/^src\/assets\//, 'dist/assets/');
    const file = resolve(rel);
    if (!file.startsWith(process.cwd() + sep)) return void (ctx.status = 403);
    let bytes;
    try {
      bytes = await readFile(file);
    } catch {
      return void (ctx.status = 404);
    }
    ctx.compress = false;
    ctx.set('Cache-Control', 'no-store');
    ctx.type = types[extname(file).slice(1)] ?? 'application/octet-stream';
    const key = `${id}|${basename(file)}`;
    const count = served.get(key) ?? 0;
    served.set(key, count + 1);
    const hit = (name === '*' || name === basename(file)) && (times === 'inf' || count < Number(times));
    if (!hit) return void (ctx.body = bytes);
    const { PassThrough } = await import('node:stream');
    switch (kind) {
      case 'truncate':
        return void (ctx.body = bytes.subarray(0, bytes.length >> 1));
      case 'flip': {
        const out = Buffer.from(bytes);
        for (let i = 0; i < 256 && (out.length >> 1) + i < out.length; i++)
          out[(out.length >> 1) + i] ^= 0xff;
        return void (ctx.body = out);
      }
      case 'stall':
      case 'reset': {
        const body = new PassThrough();
        body.write(bytes.subarray(0, kind === 'stall' ? 64 : bytes.length >> 1));
        ctx.req.on('close', () => body.destroy());
        if (kind === 'reset') setTimeout(() => ctx.req.socket.destroy(), 50);
        return void (ctx.body = body);
      }
      case 'html':
        ctx.type = 'text/html';
        return void (ctx.body = '<!doctype html><title>Not found</title><p>Try the home page.</p>');
      default:
        ctx.status = Number(kind) || 500;
        ctx.body = `fault ${kind}`;
    }
  };
})();
// ------------------------------------------------------------------------------------------------------------

/** Prints one closing line, `Tests: N passed, N failed, N skipped`, that CI logs can be read by. */
function closingLine() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        if (!suite) return;
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) walk(s);
      };
      for (const s of sessions) {
        walk(s.testResults);
        if (!s.passed && !s.testResults?.tests?.length && !s.testResults?.suites?.length) failed++; // a file that failed to load
      }
      setTimeout(() => console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`), 0);
    },
  };
}

export default {
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), closingLine()],
  middleware: [assetsFromDist, tsForJs, networkFaults],
  files: process.env.TEST_FILES ? process.env.TEST_FILES.split(',') : ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [tfPrebundle, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers,
  // Two cores: run test files one or two at a time, with room for slow software-GPU work.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
  testFramework: { config: { ui: 'bdd', timeout: 60000 } },
};
