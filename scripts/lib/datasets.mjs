// Datasets the tests (and the Fashion-MNIST example) pack with the real packer, into .cache/datasets/ (never
// committed), each only when it is not there yet:
//
//   fashion-mnist   Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist): real data nobody here
//                   made, packed from its gzipped IDX files by `cnn-widgets pack` (the CLI, as a user runs it).
//   shapes-rgb      a few hundred 20×20 PNGs of coloured shapes (a folder per class), drawn here with sharp and
//                   packed through the folder path (`--size 16x16 --rgb --test 0.2`).
//
// `ensureDataset(name)` resolves `{ dir, url }` (url: under the served root), or `{ skipped: why }` where the
// machine lacks what it needs (the Debian package, sharp). DATASETS=fashion-mnist,shapes-rgb names the ones
// that must be there: then a missing one is an error, as BROWSERS does for browsers (.ci/run sets it).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selfChecksum } from '../../bin/pack/format.mjs';
import { loadSharp, SHARP_MISSING } from '../../bin/pack/folder.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CACHE = join(ROOT, '.cache', 'datasets');
const CLI = join(ROOT, 'bin', 'cnn-widgets.mjs');
export const FASHION_SRC = '/usr/share/datasets/fashion-mnist';

/** The datasets DATASETS says must be there. */
export const requiredDatasets = () =>
  (process.env.DATASETS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Whether `dir` holds a whole packed dataset (dataset.json with a valid checksum, every shard present). */
function packed(dir) {
  try {
    const d = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'));
    return (
      d.checksum === selfChecksum(d) &&
      ['train', 'test'].every((s) => d[s].files.every((f) => existsSync(join(dir, f.file))))
    );
  } catch {
    return false;
  }
}

/** Runs `cnn-widgets pack …args` (the CLI itself) → its output; rejects with it on failure. */
export function runPack(args, opts = {}) {
  return new Promise((done, fail) =>
    execFile(
      process.execPath,
      [CLI, 'pack', ...args],
      { cwd: ROOT, maxBuffer: 16 << 20, ...opts },
      (error, stdout, stderr) =>
        error
          ? fail(new Error(`cnn-widgets pack ${args.join(' ')} failed: ${stderr || error.message}`))
          : done(String(stdout)),
    ),
  );
}

/** Draws the shapes dataset's PNGs into `src/<class>/` (seeded: the same pictures every time). */
async function drawShapes(sharp, src) {
  rmSync(src, { recursive: true, force: true });
  const classes = ['red-square', 'green-disc', 'blue-bar'];
  let seed = 42;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (const [k, name] of classes.entries()) {
    mkdirSync(join(src, name), { recursive: true });
    for (let i = 0; i < 100; i++) {
      const s = 20;
      const px = Buffer.alloc(s * s * 3);
      const bg = [rand() * 90, rand() * 90, rand() * 90].map(Math.round); // a dark, varying background
      const cx = 6 + rand() * 8;
      const cy = 6 + rand() * 8;
      const r = 3 + rand() * 3;
      for (let y = 0; y < s; y++)
        for (let x = 0; x < s; x++) {
          const inside =
            k === 0
              ? Math.abs(x - cx) < r && Math.abs(y - cy) < r
              : k === 1
                ? (x - cx) ** 2 + (y - cy) ** 2 < r * r
                : Math.abs(x - cx) < r * 1.6 && Math.abs(y - cy) < r / 2;
          const colour = k === 0 ? [220, 40, 40] : k === 1 ? [40, 200, 60] : [50, 80, 230];
          px.set(
            inside ? colour.map((v) => Math.min(255, v + Math.round(rand() * 30))) : bg,
            (y * s + x) * 3,
          );
        }
      await sharp(px, { raw: { width: s, height: s, channels: 3 } })
        .png()
        .toFile(join(src, name, `${name}-${i}.png`));
    }
  }
}

/**
 * Draws the shapes dataset (three classes of coloured shapes, 300 PNGs) and packs it into `dir` as 16×16 RGB,
 * a fifth of it for testing, with the packer's CLI; resolves with the packer's output. The tests' copy and the
 * example page's (scripts/examples-data.mjs) are made the same way.
 */
export async function packShapes(sharp, dir) {
  const src = join(CACHE, 'shapes-src');
  await drawShapes(sharp, src);
  return runPack([
    src,
    dir,
    '--size',
    '16x16',
    '--rgb',
    '--test',
    '0.2',
    '--name',
    'Shapes',
    '--licence',
    'CC0',
    '--source',
    'drawn by scripts/lib/datasets.mjs',
  ]);
}

/** Whether `dir` holds a whole packed dataset (for scripts/examples-data.mjs). */
export const isPacked = (dir) => packed(dir);

/**
 * Packs `name` into .cache/datasets/<name>/ unless it is there already; resolves `{ dir, url, output }` or
 * `{ skipped }` (an error instead when DATASETS names it).
 */
export async function ensureDataset(name) {
  const dir = join(CACHE, name);
  const result = (output = '') => ({ dir, url: `/${relative(ROOT, dir)}/`, output });
  const skip = (why) => {
    if (requiredDatasets().includes(name)) throw new Error(`DATASETS names ${name}, but ${why}`);
    return { skipped: why };
  };
  if (name === 'fashion-mnist') {
    if (!existsSync(join(FASHION_SRC, 'train-images-idx3-ubyte.gz')))
      return skip(`Debian's dataset-fashion-mnist is not installed (apt-get install dataset-fashion-mnist)`);
    if (packed(dir)) return result();
    return result(await runPack([FASHION_SRC, dir]));
  }
  if (name === 'shapes-rgb') {
    const sharp = loadSharp();
    if (!sharp) return skip(SHARP_MISSING);
    if (packed(dir)) return result();
    return result(await packShapes(sharp, dir));
  }
  throw new Error(`No dataset "${name}" (fashion-mnist, shapes-rgb).`);
}

/** A @web/test-runner server command, `dataset`: `{ name }` → what `ensureDataset` resolves. */
export function datasetCommand() {
  return {
    name: 'dataset',
    async executeCommand({ command, payload }) {
      if (command !== 'dataset') return undefined;
      return ensureDataset(String(payload?.name));
    },
  };
}
