// @web/test-runner: every test runs in real browsers (no DOM emulation): headless Chromium, Firefox ESR and
// WebKitGTK, each where installed; BROWSERS=chromium,firefox,webkit picks (see scripts/lib/test-browsers.mjs).
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { serveFault } from './scripts/lib/faults.mjs';
import { pythonCommand } from './scripts/lib/python-command.mjs';
import { datasetCommand } from './scripts/lib/datasets.mjs';
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
/** Real network faults (scripts/lib/faults.mjs): `/__fault/<kind>,<times>,<file>,<id>/<path>`. */
const networkFaults = async (ctx, next) => {
  const mapPath = (p) => p.replace(/^src\/assets\//, 'dist/assets/');
  if (!(await serveFault(ctx.path, ctx.req, ctx.res, { mapPath }))) return next();
  ctx.respond = false; // answered on the raw response
};
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
  plugins: [
    tfPrebundle,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    // `run-python`: the PyTorch round trip (test/engine/pytorch-export.test.ts); skips without python3-torch.
    pythonCommand(),
    // `dataset`: packs a real dataset with the packer into .cache/datasets/ (test/components/cnn-trainer-dataset).
    datasetCommand(),
  ],
  browsers,
  // Two cores: run test files one or two at a time, with room for slow software-GPU work.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
  testFramework: { config: { ui: 'bdd', timeout: 60000 } },
};
