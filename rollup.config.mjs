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

const NODE_BUILTINS = ['fs', 'path', 'worker_threads', 'perf_hooks', 'os', 'crypto', 'util'];

const tags = readdirSync('src/define')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
const input = Object.fromEntries([
  ['cnn-widgets', 'src/index.ts'],
  ...tags.map((t) => [t, `src/define/${t}.ts`]),
]);
// The training worker is its own entry.
import { existsSync } from 'node:fs';
// worker/spawn.ts finds it at new URL('./train-worker.js', import.meta.url): chunks are flat in dist/cdn/, so
// the worker must be dist/cdn/train-worker.js.
if (existsSync('src/engine/worker/train-worker.ts'))
  input['train-worker'] = 'src/engine/worker/train-worker.ts';

export default {
  input,
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'c-[name]-[hash].js',
    sourcemap: true,
  },
  preserveEntrySignatures: 'exports-only',
  plugins: [
    // TensorFlow.js's WASM glue (Emscripten) requires Node built-ins behind `if (ENVIRONMENT_IS_NODE)`. They
    // must become empty modules: left as `import "fs"` they would stop every browser from loading the chunk.
    {
      name: 'empty-node-builtins',
      resolveId: (id) => (NODE_BUILTINS.includes(id) ? '\0empty:' + id : null),
      load: (id) => (id.startsWith('\0empty:') ? 'export default {};' : null),
    },
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'], preferBuiltins: false }),
    commonjs(),
    esbuild({
      target: 'es2022',
      minify: true,
      tsconfig: 'tsconfig.json',
      define: { 'process.env.NODE_ENV': '"production"' },
    }),
  ],
  onwarn(warning, warn) {
    // TensorFlow.js has harmless circular imports and `this` at module level in its UMD helpers.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
