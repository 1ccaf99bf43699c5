// A folder per class of PNG or JPEG images → what `writeDataset` takes: decoded, resized and converted to grey
// or RGB by sharp (libvips), split into train and test with a seeded, per-class split.
//
//   SRC/cat/*.png, SRC/dog/*.jpg …            one folder per class (the folder name is the class name)
//   SRC/train/cat/…, SRC/test/cat/…           or already split: the same classes under train/ and test/
//
// WHY sharp, and why optional. Decoding PNG and JPEG correctly (interlacing, 16-bit, palettes, CMYK, EXIF
// orientation, colour profiles) and resizing without aliasing is a library's job, not a few hundred lines of
// our own. sharp is the best-kept one in Node (libvips, prebuilt for every platform as ordinary npm packages).
// But it brings a ~20 MB native library, which nobody who only embeds the widgets should download: so it is an
// optional peer dependency, loaded only here, and `pack` says exactly what to install when it is missing.
// IDX sources (idx.mjs) need nothing at all.
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, join, resolve } from 'node:path';
import { fnv1a } from './format.mjs';

const IMAGE = new Set(['.png', '.jpg', '.jpeg']);
const natural = (a, b) => a.localeCompare(b, 'en', { numeric: true });

/** What to do when sharp is not installed. */
export const SHARP_MISSING =
  'Packing a folder of PNG/JPEG images needs sharp, which decodes and resizes them: install it beside ' +
  'cnn-widgets with `npm install --save-dev sharp`, or run `npx -p cnn-widgets -p sharp cnn-widgets pack …`. ' +
  '(IDX files need nothing more.)';

/**
 * sharp, resolved from this package (its optional peer dependency), else from the current project (a
 * `npx cnn-widgets` run from a project that has sharp); null when neither has it. CommonJS resolution, so
 * NODE_PATH works too.
 */
export function loadSharp() {
  for (const from of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      const req = createRequire(from);
      return req(req.resolve('sharp'));
    } catch {
      /* not there: try the next place */
    }
  }
  return null;
}

const isDir = (p) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
const subfolders = (dir) =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.') && isDir(join(dir, f)))
    .sort(natural);

/** The classes of `dir` (a folder per class) and their image files; files of other types are counted. */
function scan(dir) {
  const classes = subfolders(dir);
  const files = {};
  let skipped = 0;
  for (const c of classes) {
    const all = readdirSync(join(dir, c)).filter((f) => !f.startsWith('.'));
    files[c] = all.filter((f) => IMAGE.has(extname(f).toLowerCase())).map((f) => join(dir, c, f));
    skipped += all.length - files[c].length;
  }
  return { classes, files, skipped };
}

/** Whether `dir` looks like a folder-per-class source (at least one subfolder). */
export const isFolderSource = (dir) => subfolders(dir).length > 0;

/** `[files, seed]` → the files in a seeded order (sorted by a hash of seed and name: no random generator). */
const seeded = (files, seed) =>
  files
    .map((f) => ({ f, k: fnv1a(Buffer.from(`${seed}:${basename(f)}:${f}`)) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : natural(a.f, b.f)))
    .map((e) => e.f);

/**
 * Reads a folder source. `opts`: `size` ([w, h] or null: the images' own size when they all share one),
 * `colour` ('grey' | 'rgb' | null: RGB when any image has colour channels), `test` (the test fraction of each
 * class, for an unsplit source), `seed`, `fit` ('cover' | 'contain' | 'fill'), `name`, `licence`, `source`,
 * `log`. Returns `{ dataset, notes }`.
 */
export async function readFolderDataset(dir, opts) {
  const sharp = loadSharp();
  if (!sharp) throw new Error(SHARP_MISSING);
  const notes = [];
  const presplit = isDir(join(dir, 'train')) && isDir(join(dir, 'test'));
  const parts = presplit
    ? { train: scan(join(dir, 'train')), test: scan(join(dir, 'test')) }
    : { all: scan(dir) };
  const classes = (parts.all ?? parts.train).classes;
  if (presplit && parts.test.classes.join('\n') !== classes.join('\n'))
    throw new Error(
      `${dir}/train and ${dir}/test must hold the same class folders (train: ${classes.join(', ')}; test: ${parts.test.classes.join(', ')}).`,
    );
  if (classes.length < 2)
    throw new Error(`${dir} needs a folder per class, at least two (found ${classes.length}).`);
  for (const [part, s] of Object.entries(parts)) {
    const empty = s.classes.filter((c) => s.files[c].length === 0);
    if (empty.length)
      throw new Error(
        `No PNG or JPEG images in ${empty.map((c) => join(part === 'all' ? dir : join(dir, part), c)).join(', ')}.`,
      );
    if (s.skipped)
      notes.push(`skipped ${s.skipped} file${s.skipped === 1 ? '' : 's'} that are not .png, .jpg or .jpeg`);
  }

  // The split: each class's files in a seeded order, the first `test` fraction to the test set.
  const lists = { train: [], test: [] };
  if (presplit) {
    for (const split of ['train', 'test'])
      classes.forEach((c, label) => parts[split].files[c].forEach((f) => lists[split].push({ f, label })));
  } else {
    if (!(opts.test > 0 && opts.test < 1))
      throw new Error(`--test must be a fraction between 0 and 1 (e.g. 0.15), not ${opts.test}.`);
    classes.forEach((c, label) => {
      const files = seeded(parts.all.files[c], opts.seed);
      if (files.length < 2)
        throw new Error(
          `${join(dir, c)} has ${files.length} image: a class needs at least 2 (one to train on, one to test).`,
        );
      const nTest = Math.min(files.length - 1, Math.max(1, Math.round(files.length * opts.test)));
      files.forEach((f, i) => lists[i < nTest ? 'test' : 'train'].push({ f, label }));
    });
  }
  // Mixed classes in a seeded order, so that the first N examples (train-size) hold every class.
  for (const split of ['train', 'test']) {
    const order = new Map(
      seeded(
        lists[split].map((e) => e.f),
        opts.seed,
      ).map((f, i) => [f, i]),
    );
    lists[split].sort((a, b) => order.get(a.f) - order.get(b.f));
  }

  // Sizes and colour: what every image says of itself.
  const all = [...lists.train, ...lists.test];
  const metas = await mapLimited(all, 8, async ({ f }) => {
    try {
      return await sharp(f).metadata();
    } catch (e) {
      throw new Error(`${f} is not an image sharp can read (${e.message}).`, { cause: e });
    }
  });
  let size = opts.size;
  if (!size) {
    const sizes = new Set(metas.map((m) => `${m.width}x${m.height}`));
    const [w, h] = metas[0] ? [metas[0].width, metas[0].height] : [0, 0];
    if (sizes.size !== 1 || w < 8 || w > 64 || h < 8 || h > 64)
      throw new Error(
        `The images are ${[...sizes].slice(0, 4).join(', ')}${sizes.size > 4 ? ' …' : ''}: give the size to pack them at with --size WxH (8x8 to 64x64, e.g. --size 32x32).`,
      );
    size = [w, h];
  }
  const colour =
    opts.colour ?? (metas.some((m) => (m.channels ?? 3) >= 3 && m.space !== 'b-w') ? 'rgb' : 'grey');
  if (!opts.colour)
    notes.push(
      `packed as ${colour === 'rgb' ? 'RGB (some images have colour)' : 'grey (no image has colour)'}: --grey or --rgb chooses`,
    );
  const [w, h] = size;
  const c = colour === 'rgb' ? 3 : 1;
  const read = async ({ f }) => {
    let img = sharp(f)
      .rotate()
      .resize(w, h, { fit: opts.fit ?? 'cover', position: 'centre', background: '#ffffff' });
    // Transparent pixels become white paper (a drawing on a transparent canvas), then grey or sRGB.
    img = img.flatten({ background: '#ffffff' });
    img = c === 1 ? img.greyscale().toColourspace('b-w') : img.toColourspace('srgb');
    const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
    if (info.width !== w || info.height !== h || info.channels !== c)
      throw new Error(`${f} decoded to ${info.width}×${info.height}×${info.channels}, not ${w}×${h}×${c}.`);
    return data;
  };
  const out = {};
  for (const split of ['train', 'test']) {
    const list = lists[split];
    const images = new Uint8Array(list.length * w * h * c);
    const decoded = await mapLimited(list, 8, read);
    decoded.forEach((d, i) => images.set(d, i * w * h * c));
    out[split] = { images, labels: Uint8Array.from(list, (e) => e.label), count: list.length };
  }
  if (presplit) notes.push('used the train/ and test/ folders as they are');
  return {
    dataset: {
      name: opts.name ?? basename(resolve(dir)),
      classes,
      shape: [h, w, c],
      ...out,
      licence: opts.licence,
      source: opts.source,
    },
    notes,
  };
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimited(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
