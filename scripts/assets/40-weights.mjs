// Copies the pretrained CNN weights that <digit-pad> uses (committed in assets-src/weights/, produced by
// `node scripts/train-pretrained.mjs` from the real MNIST data) to <out>/weights/, beside the other assets.
// The manifest is checked against the binary so a half-written pair never ships.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const src = resolve('assets-src/weights');
const FILES = ['cnn-mnist.json', 'cnn-mnist.bin'];

function check() {
  const manifest = JSON.parse(readFileSync(join(src, 'cnn-mnist.json'), 'utf8'));
  const size = statSync(join(src, manifest.file)).size;
  if (size !== manifest.byteLength) {
    throw new Error(
      `assets-src/weights/${manifest.file} has ${size} bytes, the manifest says ${manifest.byteLength}: re-run scripts/train-pretrained.mjs`,
    );
  }
}

export const isBuilt = (out) =>
  FILES.every(
    (f) =>
      existsSync(join(out, 'weights', f)) &&
      statSync(join(out, 'weights', f)).mtimeMs >= statSync(join(src, f)).mtimeMs,
  );

export function build(out) {
  check();
  mkdirSync(join(out, 'weights'), { recursive: true });
  for (const f of FILES) copyFileSync(join(src, f), join(out, 'weights', f));
}
