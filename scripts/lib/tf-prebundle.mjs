// TensorFlow.js ships CommonJS dependencies (`long`, `seedrandom`) that plain ESM node-resolve in the test
// server cannot serve. We pre-bundle every @tensorflow package the library uses, once, with esbuild and
// code splitting, so that all of them share ONE copy of tfjs-core (a second copy would have its own kernel
// registry and engine). The test server then maps each bare '@tensorflow/…' import to its pre-bundled file.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const TF_PACKAGES = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-webgpu',
  '@tensorflow/tfjs-backend-wasm',
  // Gradients are registered by a side-effect module of tfjs-core (the `@tensorflow/tfjs` union imports it).
  '@tensorflow/tfjs-core/dist/register_all_gradients',
  // Not TensorFlow, but CommonJS too: the accessibility checker used by the element tests.
  'axe-core',
];
export const OUT_DIR = resolve('.cache/prebundle');
const fileName = (pkg) => pkg.replace('@tensorflow/', '').replace(/\//g, '__') + '.js';
const STAMP_VERSION = 2; // bump when the list above changes

/** Returns the URL path that serves a pre-bundled package, e.g. '/.cache/prebundle/tfjs-core.js'. */
export const prebundledUrl = (pkg) => `/.cache/prebundle/${fileName(pkg)}`;

export async function prebundleTf() {
  const stamp = resolve(OUT_DIR, 'stamp.json');
  const version = JSON.parse(
    readFileSync(resolve('node_modules/@tensorflow/tfjs-core/package.json'), 'utf8'),
  ).version;
  if (existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).version === `${version}/${STAMP_VERSION}`)
    return;
  mkdirSync(OUT_DIR, { recursive: true });
  const entryPoints = Object.fromEntries(TF_PACKAGES.map((p) => [fileName(p).replace(/\.js$/, ''), p]));
  await build({
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: OUT_DIR,
    platform: 'browser',
    target: 'es2022',
    sourcemap: false,
    logLevel: 'warning',
    // The WASM backend references Node built-ins behind runtime checks; they never run in a browser.
    external: ['fs', 'path', 'worker_threads', 'perf_hooks', 'os', 'crypto', 'util'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  writeFileSync(
    stamp,
    JSON.stringify({ version: `${version}/${STAMP_VERSION}`, at: statSync(OUT_DIR).mtime }),
  );
}
