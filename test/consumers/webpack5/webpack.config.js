// Deliberately nothing for cnn-widgets: webpack 5 must emit its worker, WebAssembly and data on its own
// (asset modules from `new URL('…', import.meta.url)`).
import { resolve } from 'node:path';

export default {
  mode: 'production',
  entry: './src/index.js',
  output: { path: resolve(import.meta.dirname, 'dist'), filename: 'main.js', clean: true },
  performance: { hints: false },
};
