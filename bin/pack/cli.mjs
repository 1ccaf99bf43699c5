// `cnn-widgets pack SRC OUT [options]`: the command line of the packer (bin/cnn-widgets.mjs runs `main`).
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_SIDE, MIN_SIDE, writeDataset } from './format.mjs';
import { findIdx, readIdxDataset } from './idx.mjs';
import { isFolderSource, readFolderDataset } from './folder.mjs';

export const USAGE = `Usage: cnn-widgets pack SRC OUT [options]

Packs a dataset for <cnn-trainer data-src="OUT/">: OUT/dataset.json beside sharded, checksummed image and
label files.

SRC is either
  a folder of IDX files (MNIST, Fashion-MNIST, KMNIST, EMNIST: train-images-idx3-ubyte, train-labels-idx1-ubyte,
    t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, gzipped or not), or
  a folder per class of PNG/JPEG images (SRC/cat/*.png, SRC/dog/*.jpg …; or SRC/train/<class>/ and
    SRC/test/<class>/ when already split). Needs sharp: npm install --save-dev sharp.

Options:
  --name NAME        the dataset's name (default: a known IDX dataset's, else the folder's name)
  --classes a,b,c    class names in label order (IDX files of a dataset the packer does not know)
  --size WxH         pack images at this size, ${MIN_SIDE}x${MIN_SIDE} to ${MAX_SIDE}x${MAX_SIDE} (image folders; default: their own size)
  --grey | --rgb     one channel or three (image folders; default: RGB if any image has colour)
  --fit MODE         how images meet --size: cover (crop, default), contain (letterbox), fill (stretch)
  --test FRACTION    the share of each class kept for testing (image folders without test/; default 0.15)
  --seed N           the seed of that split (default 1234): the same seed gives the same split
  --licence TEXT     the data's licence (known for the standard IDX datasets)
  --source TEXT      where the data comes from, its authors (known for the standard IDX datasets)
  -h, --help         this text`;

const fmt = (n) => n.toLocaleString('en-US');
const mb = (n) => (n / 1e6).toFixed(n < 1e7 ? 2 : 1);

/** Parses argv (after `pack`) → options, or throws an Error with the message to print. */
export function parsePackArgs(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: 'string' },
      classes: { type: 'string' },
      size: { type: 'string' },
      grey: { type: 'boolean' },
      gray: { type: 'boolean' },
      rgb: { type: 'boolean' },
      fit: { type: 'string' },
      test: { type: 'string' },
      seed: { type: 'string' },
      licence: { type: 'string' },
      license: { type: 'string' },
      source: { type: 'string' },
      transpose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  if (positionals.length !== 2) throw new Error(`pack needs SRC and OUT (got ${positionals.length} paths).`);
  const o = { src: positionals[0], out: positionals[1] };
  if (values.name !== undefined) {
    if (!values.name.trim()) throw new Error('--name is empty.');
    o.name = values.name.trim();
  }
  if (values.classes !== undefined) o.classes = values.classes.split(',').map((s) => s.trim());
  if (values.size !== undefined) {
    const m = /^(\d+)(?:[x×*,](\d+))?$/i.exec(values.size.trim());
    const [w, h] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [NaN, NaN];
    if (!(w >= MIN_SIDE && w <= MAX_SIDE && h >= MIN_SIDE && h <= MAX_SIDE))
      throw new Error(
        `--size must be WxH with each side from ${MIN_SIDE} to ${MAX_SIDE} (e.g. 28x28), not "${values.size}".`,
      );
    o.size = [w, h];
  }
  const grey = values.grey || values.gray;
  if (grey && values.rgb) throw new Error('Give --grey or --rgb, not both.');
  if (grey) o.colour = 'grey';
  if (values.rgb) o.colour = 'rgb';
  if (values.fit !== undefined) {
    if (!['cover', 'contain', 'fill'].includes(values.fit))
      throw new Error(`--fit must be cover, contain or fill, not "${values.fit}".`);
    o.fit = values.fit;
  }
  if (values.test !== undefined) {
    const t = Number(values.test);
    if (!(t > 0 && t < 1))
      throw new Error(`--test must be a fraction between 0 and 1 (e.g. 0.15), not "${values.test}".`);
    o.test = t;
  }
  if (values.seed !== undefined) {
    const s = Number(values.seed);
    if (!Number.isInteger(s)) throw new Error(`--seed must be a whole number, not "${values.seed}".`);
    o.seed = s;
  }
  const licence = values.licence ?? values.license;
  if (licence !== undefined) o.licence = licence;
  if (values.source !== undefined) o.source = values.source;
  if (values.transpose) o.transpose = true;
  return o;
}

/**
 * Packs `opts.src` into `opts.out` and says what it wrote through `log`. Returns the dataset.json object.
 * Throws an Error with a readable message for bad input.
 */
export async function pack(opts, log = console.log) {
  const src = resolve(opts.src);
  if (!existsSync(src)) throw new Error(`${opts.src} does not exist.`);
  if (!statSync(src).isDirectory())
    throw new Error(
      `${opts.src} is not a folder: give the folder that holds the IDX files or the class folders.`,
    );
  let read;
  if (findIdx(src, opts.name)) {
    for (const [flag, v] of [
      ['--size', opts.size],
      ['--grey/--rgb', opts.colour],
      ['--test', opts.test],
      ['--fit', opts.fit],
    ])
      if (v !== undefined)
        throw new Error(
          `${flag} is for folders of images; IDX files are packed as they are (their size, grey, their own test split).`,
        );
    read = readIdxDataset(src, opts);
  } else if (isFolderSource(src)) {
    if (opts.classes)
      throw new Error('--classes is for IDX files: in a folder source the class names are the folder names.');
    read = await readFolderDataset(src, { test: 0.15, seed: 1234, ...opts });
  } else {
    throw new Error(
      `${opts.src} holds neither IDX files (train-images-idx3-ubyte …) nor a folder per class of images.`,
    );
  }
  const { dataset, notes } = read;
  const out = resolve(opts.out);
  const json = writeDataset(dataset, out);
  const [h, w, c] = json.shape;
  const where = relative(process.cwd(), out) || '.';
  const bytes = (s) => s.files.reduce((a, f) => a + f.bytes, 0);
  log(
    `Packed ${json.name}: ${json.classes.length} classes, ${w}×${h} ${c === 1 ? 'grey' : 'RGB'}, into ${where}/`,
  );
  for (const split of ['train', 'test']) {
    const s = json[split];
    log(
      `  ${split}: ${fmt(s.count)} images in ${s.files.length} shard${s.files.length === 1 ? '' : 's'} (${s.files[0].file} …), ${mb(bytes(s))} MB`,
    );
  }
  log(`  classes: ${json.classes.join(', ')}`);
  log(`  normalize: mean ${json.normalize.mean.join(', ')}, std ${json.normalize.std.join(', ')}`);
  log(`  licence: ${json.licence}; source: ${json.source}`);
  for (const n of notes) log(`  note: ${n}`);
  if (json.licence === 'unknown')
    log('  note: no licence given (--licence): say under which terms readers may use the data');
  log(`  dataset.json (checksum ${json.checksum}). Use it: <cnn-trainer data-src="${where}/"></cnn-trainer>`);
  return json;
}

/** The command line: `argv` after the program name. Returns the exit code. */
export async function main(argv, { log = console.log, error = console.error } = {}) {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    log(USAGE);
    return command ? 0 : 1;
  }
  if (command !== 'pack') {
    error(`cnn-widgets: unknown command "${command}" (the one command is pack).\n\n${USAGE}`);
    return 2;
  }
  try {
    const opts = parsePackArgs(rest);
    if (opts.help) {
      log(USAGE);
      return 0;
    }
    await pack(opts, log);
    return 0;
  } catch (e) {
    error(`cnn-widgets pack: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
