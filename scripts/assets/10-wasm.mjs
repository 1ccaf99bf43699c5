// Copies TensorFlow.js's WASM binaries next to the library, so the WASM backend loads them from the same
// place as the code (a CDN included) instead of from any other host.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const src = resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist');
const files = () => readdirSync(src).filter((f) => f.endsWith('.wasm'));
export const isBuilt = (out) => files().every((f) => existsSync(join(out, 'wasm', f)));
export function build(out) {
  mkdirSync(join(out, 'wasm'), { recursive: true });
  for (const f of files()) copyFileSync(join(src, f), join(out, 'wasm', f));
}
