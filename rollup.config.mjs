// The CDN build: dist/cdn/, self-contained (lit and TensorFlow.js bundled), code-split and minified, for a
// plain <script type="module"> with no import map. (The npm build, dist/ with bare imports and .d.ts files,
// is plain `tsc -p tsconfig.build.json`: see scripts/build.mjs.)
//
// Entries: cnn-widgets.js defines every element; <tag>.js defines one. TensorFlow.js sits behind a dynamic
// import() in the engine, so it lands in its own chunks that only pages with tensor widgets download.
// Chunks stay flat in dist/cdn/ because the engine finds its data at `new URL('../assets/', import.meta.url)`
// (= dist/assets/) from whichever chunk it ends up in.
import { readdirSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import { minifyTemplatesPlugin } from './scripts/lib/minify-templates.mjs';

const NODE_BUILTINS = ['fs', 'path', 'worker_threads', 'perf_hooks', 'os', 'crypto', 'util'];

const tags = readdirSync('src/define')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
const input = Object.fromEntries([
  ['cnn-widgets', 'src/index.ts'],
  ...tags.map((t) => [t, `src/define/${t}.ts`]),
]);
// Each shipped translation is an entry too, dist/cdn/translations/<lang>.js: a page may load one with a
// <script type="module"> before the widgets render, and the elements' own import() of it (on first need)
// resolves to the same file. English needs none (every element brings its own); index, types and formats (what
// the tables' templates share) are not languages.
for (const f of readdirSync('src/translations')) {
  const m = /^([a-zA-Z-]+)\.ts$/.exec(f);
  if (m && !['en', 'index', 'types', 'formats'].includes(m[1]))
    input[`translations/${m[1]}`] = `src/translations/${f}`;
}
// The training worker is its own entry.
import { existsSync } from 'node:fs';
// worker/spawn.ts finds it at new URL('./train-worker.js', import.meta.url): chunks are flat in dist/cdn/, so
// the worker must be dist/cdn/train-worker.js.
if (existsSync('src/engine/worker/train-worker.ts'))
  input['train-worker'] = 'src/engine/worker/train-worker.ts';

/**
 * Plugins both builds share: TensorFlow.js resolved for browsers, TypeScript compiled and minified.
 * `mixed`: also turn the `require()` calls inside ES modules into imports (see the npm worker).
 */
const plugins = (define = {}, { mixed = false } = {}) => [
  // TensorFlow.js's WASM glue (Emscripten) requires Node built-ins behind `if (ENVIRONMENT_IS_NODE)`. They
  // must become empty modules: left as `import "fs"` they would stop every browser from loading the chunk.
  {
    name: 'empty-node-builtins',
    resolveId: (id) => (NODE_BUILTINS.includes(id) ? '\0empty:' + id : null),
    load: (id) => (id.startsWith('\0empty:') ? 'export default {};' : null),
  },
  // The static text of lit's css`` and html`` templates: no indentation or comments (see the plugin).
  minifyTemplatesPlugin(),
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'], preferBuiltins: false }),
  commonjs({ transformMixedEsModules: mixed }),
  esbuild({
    target: 'es2022',
    minify: true,
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"', ...define },
  }),
];

function onwarn(warning, warn) {
  // TensorFlow.js has harmless circular imports and `this` at module level in its UMD helpers.
  if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
}

/**
 * The npm build's training worker, dist/engine/worker/train-worker.js, replaces tsc's: ONE self-contained file
 * (TensorFlow.js included, every dynamic import inlined), because bundlers build workers apart from the page
 * and some only as one classic script (Astro 5's Vite 6 rejects a code-split worker). Its asset literals
 * (asset-files.ts: `new URL('../assets/…', import.meta.url)`) are rewritten one folder deeper, since the
 * worker sits in dist/engine/worker/, so the consumer's bundler (or a plain server) still finds dist/assets/.
 */
const npmWorker = {
  input: 'src/engine/worker/train-worker.ts',
  output: {
    file: 'dist/engine/worker/train-worker.js',
    format: 'es',
    inlineDynamicImports: true,
    sourcemap: false, // a map of all of TensorFlow.js would be 12 MB of the tarball
  },
  plugins: [
    {
      name: 'assets-one-folder-deeper',
      transform(code, id) {
        if (!id.replace(/\\/g, '/').endsWith('/src/engine/asset-files.ts')) return null;
        return { code: code.replaceAll("new URL('../assets/", "new URL('../../assets/"), map: null };
      },
    },
    // The Emscripten glue reads `typeof __filename` to find itself in Node; webpack, seeing an ES module,
    // rewrites the `typeof` but not the name, which then throws in the browser. A worker is never in Node.
    // mixed: TensorFlow.js's ES modules still call `require('util')`, `require('node-fetch')` on their Node
    // paths; as imports they resolve to the empty modules above (or to `false` by tfjs-core's "browser" field),
    // so the worker names no Node module. Parcel, meeting `require("util")` in our file (where tfjs-core's
    // "browser" map does not apply), would otherwise stop the build to ask for a polyfill.
    ...plugins({ __filename: 'undefined', __dirname: 'undefined' }, { mixed: true }),
  ],
  onwarn,
};

const cdn = {
  input,
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'c-[name]-[hash].js',
    sourcemap: true,
  },
  preserveEntrySignatures: 'exports-only',
  plugins: plugins(),
  onwarn,
};

export default process.env.CDN_ONLY ? cdn : [cdn, npmWorker];
