// The dataset format cnn-widgets trains on, and the one writer of it (the packer and the build of the
// library's own MNIST both end here). A dataset is a folder:
//
//   dataset.json       { format, version, name, classes, shape: [H, W, C], train: { count, files }, test: { … },
//                        normalize: { mean, std }, licence, source, layout, compression, checksum }
//   train-<k>.u8z      the training examples in shards (the first one small: a lesson on 500 images
//   test-<k>.u8z       downloads a few hundred KB, not the whole set)
//
// A shard, once inflated (raw deflate), is `count` label bytes (0 … classes − 1) followed by `count × H × W × C`
// pixel bytes (0..255, each image row-major with its channels interleaved: R, G, B of pixel 0, then pixel 1 …;
// grey images have one channel). Labels and images travel in one file, so a shard is one request.
//
// Checksums, so that a damaged download is an error and never training on garbage: each entry of `files`
// records the shard's compressed size (`bytes`, what progress counts) and the size and FNV-1a checksum of its
// INFLATED bytes (`rawBytes`, `fnv1a`: identical on every machine, while the compressed bytes depend on the
// zlib that packed them). `checksum` is the FNV-1a of dataset.json itself (see `selfChecksum`), so a value
// changed on the way (a count, a checksum, a class name) is caught too.
//
// Why raw deflate under a made-up extension: every browser inflates it natively (`DecompressionStream
// ('deflate-raw')`), and no server or CDN knows `.u8z`, so none adds a `Content-Encoding` that would make the
// browser inflate it behind our back and break the byte counts the progress bar and the checks rely on.
//
// `normalize` is the per-channel mean and standard deviation of the training pixels (as 0..1), rounded to four
// decimals: the trainer standardises its input with them, as PyTorch's `transforms.Normalize` does (MNIST's
// come out as torchvision's well-known 0.1307 and 0.3081).
//
// Plain Node (no dependency): run by `npx cnn-widgets pack` and by scripts/assets/20-mnist.mjs.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

/** What `format` says in every dataset.json. */
export const FORMAT = 'cnn-widgets-dataset';
/** Bump when the format changes (the loader in src/engine/data/dataset.ts checks it). */
export const FORMAT_VERSION = 1;
/** The image sizes the trainer accepts (each side), and the class counts. */
export const MIN_SIDE = 8;
export const MAX_SIDE = 64;
export const MAX_CLASSES = 256;

/** FNV-1a, 32 bit, as 8 hex digits: tiny on both sides (here and in the browser) and enough to catch damage. */
export function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * dataset.json's checksum of itself: FNV-1a of `JSON.stringify` (no indentation) of the object without its
 * `checksum` field, as UTF-8. The loader re-serialises what it parsed the same way, so whitespace does not
 * matter but any changed value does.
 */
export function selfChecksum(dataset) {
  const rest = { ...dataset };
  delete rest.checksum;
  return fnv1a(Buffer.from(JSON.stringify(rest), 'utf8'));
}

/**
 * Where the shards of a split of `n` examples of `bytesPerExample` end: the first after 1,000 examples (what
 * the notebook preset's 500 need), then every `step`, a multiple of 1,000 examples of about 4 MB (at most
 * 5,000): MNIST's 1,000, 4,000, 5,000, 5,000 …
 */
export function shardSizes(n, bytesPerExample) {
  const step = Math.min(5000, Math.max(1000, Math.floor(4_000_000 / bytesPerExample / 1000) * 1000));
  const sizes = [];
  let start = 0;
  let end = Math.min(n, 1000);
  while (start < n) {
    sizes.push(end - start);
    start = end;
    end = Math.min(n, (Math.floor(start / step) + 1) * step);
  }
  return sizes;
}

/** Per-channel mean and standard deviation of `images` (bytes, channels interleaved) as 0..1, four decimals. */
export function channelStats(images, channels) {
  const sum = new Float64Array(channels);
  const sq = new Float64Array(channels);
  for (let i = 0; i < images.length; i += channels) {
    for (let c = 0; c < channels; c++) {
      const v = images[i + c];
      sum[c] += v;
      sq[c] += v * v;
    }
  }
  const n = images.length / channels;
  const round = (v) => Math.round(v * 10000) / 10000;
  const mean = [...sum].map((s) => s / n / 255);
  const std = [...sq].map((s, c) => Math.sqrt(Math.max(0, s / n / 65025 - mean[c] ** 2)));
  // A constant channel would divide by 0: standardise it by 1 instead.
  return { mean: mean.map(round), std: std.map((s) => (s > 1e-4 ? round(s) : 1)) };
}

/** Why `d` cannot be written (a sentence), or null. `d` is what `writeDataset` takes. */
export function checkDataset(d) {
  const [h, w, c] = d.shape ?? [];
  const side = (v) => Number.isInteger(v) && v >= MIN_SIDE && v <= MAX_SIDE;
  if (!side(h) || !side(w))
    return `images must be ${MIN_SIDE}×${MIN_SIDE} to ${MAX_SIDE}×${MAX_SIDE} pixels, not ${w}×${h}`;
  if (c !== 1 && c !== 3) return `images must have 1 channel (grey) or 3 (RGB), not ${c}`;
  const k = d.classes?.length ?? 0;
  if (k < 2 || k > MAX_CLASSES) return `a dataset needs 2 to ${MAX_CLASSES} classes, not ${k}`;
  const names = new Set();
  for (const name of d.classes) {
    if (typeof name !== 'string' || !name.trim()) return 'every class needs a name (one was empty)';
    if (names.has(name)) return `the class name "${name}" is given twice`;
    names.add(name);
  }
  const pixels = h * w * c;
  for (const split of ['train', 'test']) {
    const s = d[split];
    if (!s || !(s.count >= 1)) return `the ${split} split is empty`;
    if (s.images.length !== s.count * pixels || s.labels.length !== s.count)
      return `the ${split} split holds ${s.labels.length} labels and ${s.images.length} pixel bytes for ${s.count} images of ${pixels}`;
    for (let i = 0; i < s.count; i++) {
      if (s.labels[i] >= k)
        return `${split} image ${i} has label ${s.labels[i]}, but there are only ${k} classes`;
    }
  }
  return null;
}

/**
 * Writes a dataset folder: `{ name, classes, shape: [H, W, C], train: { images, labels, count }, test: { … },
 * licence, source }` (images as bytes, channels interleaved) → `out/dataset.json` and its shards. Shards of a
 * previous pack in `out` are removed first (nothing stale is left beside the new dataset.json). Returns the
 * written dataset.json object. Throws an Error with a readable message for bad input.
 */
export function writeDataset(d, out) {
  const problem = checkDataset(d);
  if (problem) throw new Error(`Cannot pack ${d.name || 'the dataset'}: ${problem}.`);
  const [h, w, c] = d.shape;
  const pixels = h * w * c;
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (/^(train|test)-\d+\.u8z$/.test(f)) rmSync(join(out, f));
  const json = {
    format: FORMAT,
    version: FORMAT_VERSION,
    name: d.name,
    classes: [...d.classes],
    shape: [h, w, c],
    train: null,
    test: null,
    normalize: channelStats(d.train.images, c),
    licence: d.licence || 'unknown',
    source: d.source || 'unknown',
    layout: `per shard, inflated: count label bytes, then count*${h}*${w}*${c} pixel bytes (uint8, row-major, channels interleaved)`,
    compression: 'deflate-raw',
  };
  for (const split of ['train', 'test']) {
    const s = d[split];
    const files = [];
    let start = 0;
    shardSizes(s.count, pixels + 1).forEach((count, k) => {
      const raw = Buffer.alloc(count * (1 + pixels));
      raw.set(s.labels.subarray(start, start + count), 0);
      raw.set(s.images.subarray(start * pixels, (start + count) * pixels), count);
      // Level 7, not 9: on MNIST level 9 saves 0.5 % but takes 15× as long.
      const packed = deflateRawSync(raw, { level: 7, memLevel: 9 });
      const file = `${split}-${k}.u8z`;
      writeFileSync(join(out, file), packed);
      files.push({ file, start, count, bytes: packed.length, rawBytes: raw.length, fnv1a: fnv1a(raw) });
      start += count;
    });
    json[split] = { count: s.count, files };
  }
  json.checksum = selfChecksum(json);
  writeFileSync(join(out, 'dataset.json'), JSON.stringify(json, null, 1) + '\n');
  return json;
}
