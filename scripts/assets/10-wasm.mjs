// Copies TensorFlow.js's WASM binaries next to the library, so the WASM backend loads them from the same
// place as the code (a CDN included) instead of from any other host. Not the threaded one: the library never
// loads it (data/wasm-binary.ts turns tfjs' threads off; its pool was 4.6× slower here), so shipping it would
// only add 436 KB to the package and to every app that bundles the library.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const src = resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist');
const files = () => readdirSync(src).filter((f) => f.endsWith('.wasm') && !f.includes('threaded'));
const stale = (out) =>
  existsSync(join(out, 'wasm')) && readdirSync(join(out, 'wasm')).some((f) => f.includes('threaded'));
export const isBuilt = (out) => files().every((f) => existsSync(join(out, 'wasm', f))) && !stale(out);
export function build(out) {
  mkdirSync(join(out, 'wasm'), { recursive: true });
  for (const f of readdirSync(join(out, 'wasm'))) if (f.includes('threaded')) rmSync(join(out, 'wasm', f));
  for (const f of files()) copyFileSync(join(src, f), join(out, 'wasm', f));
}
