// Copies the pretrained CNN weights that <digit-pad> uses (committed in assets-src/weights/, produced by
// `node scripts/train-pretrained.mjs` from the real MNIST data) to <out>/weights/, beside the other assets.
// The manifest is checked against the binary so a half-written pair never ships, and the copy in <out> gets
// `fnv1a`, the checksum of the binary, so weights hosted elsewhere (a copy of dist/assets/weights/, named by
// `weights-src`) are verified too; the library's own pair is also listed in src/engine/data/integrity.ts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fnv1a } from './20-mnist.mjs';

const src = resolve('assets-src/weights');
const FILES = ['cnn-mnist.json', 'cnn-mnist.bin'];

function check() {
  const manifest = readManifest();
  const size = statSync(join(src, manifest.file)).size;
  if (size !== manifest.byteLength) {
    throw new Error(
      `assets-src/weights/${manifest.file} has ${size} bytes, the manifest says ${manifest.byteLength}: re-run scripts/train-pretrained.mjs`,
    );
  }
  return manifest;
}

const readManifest = () => JSON.parse(readFileSync(join(src, 'cnn-mnist.json'), 'utf8'));
/** The manifest as shipped: the committed one plus the binary's checksum. */
function shippedManifest(manifest) {
  return (
    JSON.stringify({ ...manifest, fnv1a: fnv1a(readFileSync(join(src, manifest.file))) }, null, 2) + '\n'
  );
}

export const isBuilt = (out) =>
  FILES.every(
    (f) =>
      existsSync(join(out, 'weights', f)) &&
      statSync(join(out, 'weights', f)).mtimeMs >= statSync(join(src, f)).mtimeMs,
  ) && readFileSync(join(out, 'weights', 'cnn-mnist.json'), 'utf8') === shippedManifest(readManifest());

export function build(out) {
  const manifest = check();
  mkdirSync(join(out, 'weights'), { recursive: true });
  copyFileSync(join(src, manifest.file), join(out, 'weights', manifest.file));
  writeFileSync(join(out, 'weights', 'cnn-mnist.json'), shippedManifest(manifest));
}
