// IDX files (the format of MNIST, Fashion-MNIST, KMNIST and EMNIST), gzipped or not, read with Node alone: a
// magic number (0x0000 08 <dims>: unsigned bytes), big-endian dimension sizes, then the bytes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { keyOf, known } from './known.mjs';

/** The four files of an IDX dataset, by the names the MNIST family uses (`.gz` or not). */
const ROLES = {
  trainImages: ['train-images-idx3-ubyte', 'train-images.idx3-ubyte'],
  trainLabels: ['train-labels-idx1-ubyte', 'train-labels.idx1-ubyte'],
  testImages: ['t10k-images-idx3-ubyte', 't10k-images.idx3-ubyte', 'test-images-idx3-ubyte'],
  testLabels: ['t10k-labels-idx1-ubyte', 't10k-labels.idx1-ubyte', 'test-labels-idx1-ubyte'],
};

/**
 * The IDX files in `dir`, or null when it holds none. EMNIST names its files `emnist-<split>-train-images-…`;
 * a folder with several EMNIST splits needs `--name` to say which (else it is an error).
 */
export function findIdx(dir, name) {
  const files = readdirSync(dir);
  const prefixes = new Set();
  for (const f of files) {
    const m = /^(.*?)(train|t10k|test)-(images|labels)[-.]idx[13]-ubyte(\.gz)?$/.exec(f);
    if (m) prefixes.add(m[1]);
  }
  if (!prefixes.size) return null;
  let prefix;
  if (prefixes.size === 1) prefix = [...prefixes][0];
  else {
    const want = name ? keyOf(name) : '';
    prefix = [...prefixes].find((p) => keyOf(p) === want);
    if (prefix === undefined)
      throw new Error(
        `${dir} holds several IDX datasets (${[...prefixes].map((p) => p.replace(/-$/, '') || '(none)').join(', ')}): say which with --name.`,
      );
  }
  const found = {};
  for (const [role, names] of Object.entries(ROLES)) {
    const hit = names.flatMap((n) => [prefix + n, `${prefix + n}.gz`]).find((n) => files.includes(n));
    if (!hit)
      throw new Error(`${dir} has no ${prefix}${names[0]} (or .gz): an IDX dataset needs all four files.`);
    found[role] = join(dir, hit);
  }
  return { ...found, prefix };
}

/** Reads an IDX file (gzipped or not) → `{ dims, data }`; throws a readable Error for anything else. */
export function readIdx(file) {
  let buf = readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch (e) {
      throw new Error(`${file} is gzipped but does not unpack (${e.message}): is it complete?`, { cause: e });
    }
  }
  if (buf.length < 8 || buf[0] !== 0 || buf[1] !== 0)
    throw new Error(`${file} is not an IDX file (it does not start with the IDX magic number).`);
  if (buf[2] !== 0x08)
    throw new Error(
      `${file} holds IDX values of type 0x${buf[2].toString(16)}: only unsigned bytes (0x08) are read.`,
    );
  const ndim = buf[3];
  if (ndim < 1 || ndim > 4)
    throw new Error(`${file} has ${ndim} dimensions: images have 3 (or 4), labels 1.`);
  const dims = [];
  for (let i = 0; i < ndim; i++) dims.push(buf.readUInt32BE(4 + 4 * i));
  const head = 4 + 4 * ndim;
  const size = dims.reduce((a, b) => a * b, 1);
  if (buf.length !== head + size)
    throw new Error(
      `${file} is cut short or too long: ${buf.length - head} bytes for ${dims.join('×')} values.`,
    );
  return { dims, data: buf.subarray(head) };
}

/** Transposes each h×w image in place (EMNIST stores its images column by column). */
function transpose(images, n, h, w) {
  const tmp = new Uint8Array(h * w);
  for (let k = 0; k < n; k++) {
    const img = images.subarray(k * h * w, (k + 1) * h * w);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) tmp[x * h + y] = img[y * w + x];
    img.set(tmp);
  }
}

/** EMNIST's `<prefix>mapping.txt`, if present: `label ascii [ascii]` per line → names in label order. */
function mappingFile(dir, prefix) {
  const file = join(dir, `${prefix}mapping.txt`);
  if (!prefix || !existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((r) => r.length >= 2 && r.every(Number.isInteger));
  return {
    labels: rows.map((r) => r[0]),
    classes: rows.map((r) => [...new Set(r.slice(1).map((c) => String.fromCharCode(c)))].join('/')),
  };
}

/**
 * Reads an IDX dataset folder into what `writeDataset` takes. `opts`: `name`, `classes` (overrides the
 * known names), `licence`, `source`, `transpose` (default: true for EMNIST). Returns `{ dataset, notes }`.
 */
export function readIdxDataset(dir, opts = {}) {
  const files = findIdx(dir, opts.name);
  if (!files) return null;
  const notes = [];
  const info =
    known(opts.name) ??
    known(files.prefix.replace(/-$/, '')) ??
    (opts.name ? undefined : known(basename(dir)));
  const mapping = mappingFile(dir, files.prefix);
  let classes = opts.classes ?? mapping?.classes ?? info?.classes;
  if (!classes) {
    throw new Error(
      `${dir} is an IDX dataset the packer does not know${opts.name ? ` ("${opts.name}")` : ''}: give its class names with --classes a,b,c (in label order), or --name of a known one (MNIST, Fashion-MNIST, KMNIST, EMNIST-<split>).`,
    );
  }
  // The label values of the classes, in class order, when they are not 0 … n − 1 (EMNIST Letters: 1 … 26).
  const labelValues = opts.classes ? null : (mapping?.labels ?? info?.labels ?? null);
  const flip = opts.transpose ?? info?.transpose ?? false;
  const split = (imagesFile, labelsFile, which) => {
    const im = readIdx(imagesFile);
    const lb = readIdx(labelsFile);
    if (im.dims.length !== 3 && !(im.dims.length === 4 && (im.dims[3] === 1 || im.dims[3] === 3)))
      throw new Error(
        `${imagesFile} is not an image file: its dimensions are ${im.dims.join('×')} (N×H×W or N×H×W×C).`,
      );
    if (lb.dims.length !== 1)
      throw new Error(`${labelsFile} is not a label file: its dimensions are ${lb.dims.join('×')}.`);
    const [n, h, w, c = 1] = im.dims;
    if (lb.dims[0] !== n) throw new Error(`${which}: ${n} images but ${lb.dims[0]} labels.`);
    const images = new Uint8Array(im.data); // a copy: transposed in place
    if (flip) {
      if (c !== 1) throw new Error('only grey IDX images can be transposed');
      transpose(images, n, h, w);
    }
    let labels = new Uint8Array(lb.data);
    if (labelValues) {
      const index = new Map(labelValues.map((v, i) => [v, i]));
      labels = labels.map((v, i) => {
        const k = index.get(v);
        if (k === undefined) throw new Error(`${which} image ${i} has label ${v}, which no class has.`);
        return k;
      });
    }
    return { images, labels, count: n, shape: [h, w, c] };
  };
  const train = split(files.trainImages, files.trainLabels, 'train');
  const test = split(files.testImages, files.testLabels, 'test');
  if (train.shape.join() !== test.shape.join())
    throw new Error(
      `The train images are ${train.shape.join('×')} but the test images ${test.shape.join('×')}.`,
    );
  if (flip) notes.push('transposed the images (EMNIST stores them column by column)');
  if (!opts.classes && !info && mapping) notes.push(`class names from ${files.prefix}mapping.txt`);
  const name = opts.name ?? info?.name ?? basename(dir);
  return {
    dataset: {
      name: info && (!opts.name || known(opts.name) === info) ? info.name : name,
      classes,
      shape: train.shape,
      train,
      test,
      licence: opts.licence ?? info?.licence,
      source: opts.source ?? info?.source,
    },
    notes,
  };
}
