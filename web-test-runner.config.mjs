// @web/test-runner: every test runs in a real headless Chromium (no DOM emulation).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium } from './scripts/lib/browser.mjs';
import { prebundleTf, prebundledUrl, TF_PACKAGES } from './scripts/lib/tf-prebundle.mjs';

await prebundleTf();
const chrome = await findChromium();
console.log(`[wtr] Chromium from ${chrome.source}: ${chrome.executablePath}`);

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

export default {
  middleware: [assetsFromDist],
  files: process.env.TEST_FILES ? process.env.TEST_FILES.split(',') : ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [tfPrebundle, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chrome.executablePath, headless: true, args: chrome.args },
    }),
  ],
  // Two cores: run test files one or two at a time, with room for slow software-GPU work.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
  testFramework: { config: { ui: 'bdd', timeout: 60000 } },
};
