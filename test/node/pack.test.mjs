// The packer (`cnn-widgets pack`, bin/): IDX files and folders of images in, dataset.json and checksummed
// shards out. Small IDX datasets are written here byte by byte; the image folders are drawn with sharp (a
// devDependency: these tests skip without it, except in CI, where `npm ci` installs it and a missing one fails);
// Debian's Fashion-MNIST is packed where its package is installed (DATASETS=fashion-mnist makes it required).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { channelStats, fnv1a, selfChecksum, shardSizes, writeDataset } from '../../bin/pack/format.mjs';
import { readIdx, readIdxDataset } from '../../bin/pack/idx.mjs';
import { loadSharp } from '../../bin/pack/folder.mjs';
import { main, parsePackArgs } from '../../bin/pack/cli.mjs';
import { ensureDataset, FASHION_SRC } from '../../scripts/lib/datasets.mjs';
import * as known from '../../bin/pack/known.mjs';

const tmp = () => mkdtempSync(join(tmpdir(), 'cnn-pack-'));
const json = (dir) => JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'));

/** An IDX file: magic 0x0000 08 <dims>, big-endian sizes, bytes. */
function idx(dims, bytes) {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head[2] = 0x08;
  head[3] = dims.length;
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(bytes)]);
}

/** A folder of the four MNIST-named IDX files: `n` h×w images whose every pixel is 10·label + index mod 7. */
function idxFolder(
  dir,
  {
    train = 30,
    test = 10,
    h = 12,
    w = 10,
    classes = 3,
    gz = false,
    prefix = '',
    label = (i) => i % classes,
  } = {},
) {
  mkdirSync(dir, { recursive: true });
  const write = (name, data) =>
    writeFileSync(join(dir, prefix + name + (gz ? '.gz' : '')), gz ? gzipSync(data) : data);
  for (const [split, n] of [
    ['train', train],
    ['t10k', test],
  ]) {
    const labels = Array.from({ length: n }, (_, i) => label(i));
    const pixels = labels.flatMap((l, i) =>
      Array.from({ length: h * w }, (_, p) => (10 * l + ((i + p) % 7)) & 255),
    );
    write(`${split}-images-idx3-ubyte`, idx([n, h, w], pixels));
    write(`${split}-labels-idx1-ubyte`, idx([n], labels));
  }
  return dir;
}

/** Every shard inflated and checked against dataset.json: labels and pixels of a split, in order. */
function unpack(dir, split) {
  const d = json(dir);
  const [h, w, c] = d.shape;
  const labels = [];
  const pixels = [];
  for (const f of d[split].files) {
    const raw = inflateRawSync(readFileSync(join(dir, f.file)));
    assert.equal(raw.length, f.rawBytes, f.file);
    assert.equal(fnv1a(raw), f.fnv1a, f.file);
    labels.push(raw.subarray(0, f.count));
    pixels.push(raw.subarray(f.count));
    assert.equal(raw.length - f.count, f.count * h * w * c);
  }
  return { labels: [...Buffer.concat(labels)], pixels: Buffer.concat(pixels) };
}

/** Runs the CLI as a user does: `node bin/cnn-widgets.mjs …` → { code, stdout, stderr }. */
const cli = (args) =>
  new Promise((done) =>
    execFile(process.execPath, ['bin/cnn-widgets.mjs', ...args], (error, stdout, stderr) =>
      done({ code: error ? error.code : 0, stdout: String(stdout), stderr: String(stderr) }),
    ),
  );

/** sharp, or skips (fails in CI, where the devDependency must be there). */
function sharpOrSkip(t) {
  const sharp = loadSharp();
  if (!sharp) {
    if (process.env.CI) assert.fail('sharp is not installed, but it is a devDependency: did npm ci run?');
    t.skip('sharp is not installed (npm install --save-dev sharp)');
  }
  return sharp;
}

test('shards: 1,000 first, then up to 5,000 (about 4 MB); MNIST keeps its 1,000, 4,000, 5,000 …', () => {
  assert.deepEqual(shardSizes(60000, 785), [1000, 4000, ...Array(11).fill(5000)]);
  assert.deepEqual(shardSizes(10000, 785), [1000, 4000, 5000]);
  assert.deepEqual(shardSizes(300, 769), [300]);
  assert.deepEqual(shardSizes(2500, 12289), [1000, 1000, 500]); // 64×64 RGB: 12 MB shards at most
});

test('normalize: the per-channel mean and std of the training pixels, as 0..1, four decimals', () => {
  const rgb = Uint8Array.from([0, 255, 51, 255, 255, 51]); // two pixels: R 0/255, G 255/255, B 51/51
  assert.deepEqual(channelStats(rgb, 3), { mean: [0.5, 1, 0.2], std: [0.5, 1, 1] }); // a constant channel: std 1
});

test('IDX: a known dataset by its folder name (gzipped), every shard checksummed, dataset.json checksummed', () => {
  const src = idxFolder(join(tmp(), 'fashion-mnist'), { gz: true, classes: 10 });
  const out = tmp();
  const { dataset, notes } = readIdxDataset(src);
  assert.deepEqual(notes, []);
  const d = writeDataset(dataset, out);
  assert.equal(d.name, 'Fashion-MNIST');
  assert.equal(d.classes[0], 'T-shirt/top');
  assert.equal(d.licence, 'MIT');
  assert.deepEqual(d.shape, [12, 10, 1]);
  assert.deepEqual([d.train.count, d.test.count], [30, 10]);
  assert.equal(d.format, 'cnn-widgets-dataset');
  assert.equal(d.checksum, selfChecksum(json(out)));
  const train = unpack(out, 'train');
  assert.deepEqual(train.labels.slice(0, 12), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  assert.deepEqual([...train.pixels.subarray(120, 124)], [11, 12, 13, 14]); // image 1 (label 1), the IDX bytes
});

test('IDX: an unknown dataset needs --classes (and its labels must fit them); --name of a known one works', () => {
  const src = idxFolder(join(tmp(), 'my-data'), { classes: 3 });
  assert.throws(() => readIdxDataset(src), /--classes a,b,c/);
  const { dataset } = readIdxDataset(src, { classes: ['cat', 'dog', 'bird'], licence: 'CC0' });
  assert.deepEqual(dataset.classes, ['cat', 'dog', 'bird']);
  assert.equal(dataset.name, 'my-data');
  assert.throws(
    () => writeDataset({ ...dataset, classes: ['cat', 'dog'] }, tmp()),
    /label 2, but there are only 2 classes/,
  );
  assert.equal(readIdxDataset(src, { name: 'kmnist' }).dataset.name, 'KMNIST');
});

test('IDX: EMNIST Letters is transposed and its labels 1 … 26 become classes 0 … 25', () => {
  const dir = join(tmp(), 'emnist');
  idxFolder(dir, { prefix: 'emnist-letters-', classes: 26, h: 10, w: 10, label: (i) => 1 + (i % 26) });
  const { dataset, notes } = readIdxDataset(dir);
  assert.equal(dataset.name, 'EMNIST Letters');
  assert.equal(dataset.classes[0], 'A/a');
  assert.equal(dataset.train.labels[0], 0);
  assert.equal(dataset.train.labels[25], 25);
  assert.match(notes.join(), /transposed/);
  // Pixel (y=0, x=1) of image 0 is the IDX file's (x=0, y=1): 10·1 (its row) … transposed.
  const raw = readIdx(join(dir, 'emnist-letters-train-images-idx3-ubyte'));
  assert.equal(dataset.train.images[1], raw.data[10]);
});

test('IDX: damaged and wrong files are readable errors', () => {
  const dir = idxFolder(join(tmp(), 'mnist'));
  const file = join(dir, 'train-images-idx3-ubyte');
  writeFileSync(file, readFileSync(file).subarray(0, 100));
  assert.throws(() => readIdxDataset(dir), /cut short or too long/);
  writeFileSync(file, 'hello, not idx');
  assert.throws(() => readIdxDataset(dir), /not an IDX file/);
  writeFileSync(file, gzipSync(idx([2, 4, 4], new Array(32).fill(0))).subarray(0, 20));
  assert.throws(() => readIdxDataset(dir), /gzipped but does not unpack/);
  rmSync(join(dir, 't10k-labels-idx1-ubyte'));
  assert.throws(() => readIdxDataset(dir), /no t10k-labels-idx1-ubyte/);
});

test('the format refuses what the trainer cannot take: sizes outside 8..64, 2 channels, one class', () => {
  const split = (n, px) => ({ images: new Uint8Array(n * px), labels: new Uint8Array(n), count: n });
  const base = { name: 'x', classes: ['a', 'b'], train: split(2, 16), test: split(1, 16) };
  assert.throws(() => writeDataset({ ...base, shape: [4, 4, 1] }, tmp()), /8×8 to 64×64/);
  assert.throws(
    () => writeDataset({ ...base, shape: [8, 8, 2], train: split(2, 128), test: split(1, 128) }, tmp()),
    /1 channel \(grey\) or 3/,
  );
  const ok = { ...base, shape: [8, 8, 1], train: split(2, 64), test: split(1, 64) };
  assert.throws(() => writeDataset({ ...ok, classes: ['a'] }, tmp()), /2 to 256 classes/);
  assert.throws(() => writeDataset({ ...ok, classes: ['a', 'a'] }, tmp()), /given twice/);
  assert.throws(() => writeDataset({ ...ok, train: split(2, 60) }, tmp()), /pixel bytes/);
});

test('arguments: sizes, colours and fractions are checked before anything is read', () => {
  assert.deepEqual(parsePackArgs(['a', 'b', '--size', '32x24', '--rgb', '--test', '0.2', '--seed', '7']), {
    src: 'a',
    out: 'b',
    size: [32, 24],
    colour: 'rgb',
    test: 0.2,
    seed: 7,
  });
  assert.deepEqual(parsePackArgs(['a', 'b', '--size', '28']).size, [28, 28]);
  assert.throws(() => parsePackArgs(['a', 'b', '--size', '100x100']), /each side from 8 to 64/);
  assert.throws(() => parsePackArgs(['a', 'b', '--grey', '--rgb']), /not both/);
  assert.throws(() => parsePackArgs(['a', 'b', '--test', '1.5']), /between 0 and 1/);
  assert.throws(() => parsePackArgs(['a']), /SRC and OUT/);
  assert.throws(() => parsePackArgs(['a', 'b', '--colour', 'x']), /Unknown option/);
});

test('the command line: prints what it wrote; says what is wrong, with a non-zero exit', async () => {
  const src = idxFolder(join(tmp(), 'mnist'), { classes: 10 });
  const out = join(tmp(), 'packed');
  const ok = await cli(['pack', src, out]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Packed MNIST: 10 classes, 10×12 grey/);
  assert.match(ok.stdout, /train: 30 images in 1 shard/);
  assert.match(ok.stdout, /licence: CC BY-SA 3\.0/);
  assert.match(ok.stdout, /data-src=/);
  assert.deepEqual(readdirSync(out).sort(), ['dataset.json', 'test-0.u8z', 'train-0.u8z']);
  const size = await cli(['pack', src, out, '--size', '16x16']);
  assert.equal(size.code, 1);
  assert.match(size.stderr, /--size is for folders of images/);
  const none = await cli(['pack', join(src, 'nope'), out]);
  assert.match(none.stderr, /does not exist/);
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: cnn-widgets pack SRC OUT/);
  assert.equal((await cli(['unpack'])).code, 2);
});

test('a folder per class of PNG/JPEG: resized, RGB or grey, a seeded per-class split', async (t) => {
  const sharp = sharpOrSkip(t);
  const src = join(tmp(), 'toys');
  const colours = { blue: [0, 0, 255], red: [255, 0, 0] };
  for (const [name, rgb] of Object.entries(colours)) {
    mkdirSync(join(src, name), { recursive: true });
    for (let i = 0; i < 10; i++) {
      const img = sharp({
        create: { width: 40, height: 30, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } },
      });
      await (i % 2 ? img.jpeg() : img.png()).toFile(join(src, name, `${i}.${i % 2 ? 'jpg' : 'png'}`));
    }
  }
  writeFileSync(join(src, 'red', 'notes.txt'), 'not an image');
  const out = tmp();
  const logs = [];
  const code = await main(['pack', src, out, '--size', '16x12', '--test', '0.2', '--licence', 'CC0'], {
    log: (l) => logs.push(l),
    error: (l) => logs.push(l),
  });
  assert.equal(code, 0, logs.join('\n'));
  const d = json(out);
  assert.deepEqual(d.classes, ['blue', 'red']);
  assert.deepEqual(d.shape, [12, 16, 3]);
  assert.deepEqual([d.train.count, d.test.count], [16, 4]); // 2 of each class's 10 for testing
  assert.match(logs.join('\n'), /skipped 1 file/);
  const test = unpack(out, 'test');
  assert.deepEqual([...test.labels].sort(), [0, 0, 1, 1]);
  const first = test.labels[0];
  assert.deepEqual(
    [...test.pixels.subarray(0, 3)].map((v) => Math.round(v / 20)),
    first === 0 ? [0, 0, 13] : [13, 0, 0],
  );
  // The same seed gives the same dataset; another seed another split.
  const again = tmp();
  await main(['pack', src, again, '--size', '16x12', '--test', '0.2', '--licence', 'CC0'], { log: () => {} });
  assert.equal(json(again).checksum, d.checksum);
  const other = tmp();
  await main(['pack', src, other, '--size', '16x12', '--test', '0.2', '--licence', 'CC0', '--seed', '9'], {
    log: () => {},
  });
  assert.notEqual(json(other).checksum, d.checksum);
  // Grey: one channel; without --size, the images' own size (all 40×30, inside 8..64).
  const grey = tmp();
  assert.equal(await main(['pack', src, grey, '--grey'], { log: () => {} }), 0);
  assert.deepEqual(json(grey).shape, [30, 40, 1]);
});

test('a folder source: too few classes, an empty class, unreadable images and mixed sizes are errors', async (t) => {
  const sharp = sharpOrSkip(t);
  const src = join(tmp(), 'bad');
  mkdirSync(join(src, 'only'), { recursive: true });
  const errors = [];
  const run = (...args) =>
    main(['pack', src, tmp(), ...args], { log: () => {}, error: (e) => errors.push(e) });
  await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } })
    .png()
    .toFile(join(src, 'only', 'a.png'));
  assert.equal(await run(), 1);
  assert.match(errors.pop(), /at least two/);
  mkdirSync(join(src, 'empty'));
  await run();
  assert.match(errors.pop(), /No PNG or JPEG images in .*empty/);
  writeFileSync(join(src, 'empty', 'broken.png'), 'not a png');
  await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } })
    .png()
    .toFile(join(src, 'empty', 'd.png'));
  await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } })
    .png()
    .toFile(join(src, 'only', 'b.png'));
  await run();
  assert.match(errors.pop(), /broken\.png is not an image sharp can read/);
  await sharp({ create: { width: 100, height: 80, channels: 3, background: '#888' } })
    .png()
    .toFile(join(src, 'empty', 'broken.png'));
  await sharp({ create: { width: 100, height: 80, channels: 3, background: '#888' } })
    .png()
    .toFile(join(src, 'empty', 'c.png'));
  await run();
  assert.match(errors.pop(), /give the size to pack them at with --size WxH/);
  assert.equal(await run('--size', '32x32'), 0);
});

test("Debian's Fashion-MNIST, packed by the command line: 60,000 + 10,000 images, its ten class names", async (t) => {
  const r = await ensureDataset('fashion-mnist');
  if (r.skipped) return t.skip(r.skipped);
  const d = json(r.dir);
  assert.equal(d.name, 'Fashion-MNIST');
  assert.deepEqual([d.train.count, d.test.count], [60000, 10000]);
  assert.equal(d.classes[9], 'Ankle boot');
  assert.deepEqual(d.shape, [28, 28, 1]);
  assert.equal(d.checksum, selfChecksum(d));
  // The first test labels of the real files (t10k-labels-idx1-ubyte.gz): 9 2 1 1 6.
  const labels = readIdx(join(FASHION_SRC, 't10k-labels-idx1-ubyte.gz')).data;
  assert.deepEqual([...labels.subarray(0, 5)], [9, 2, 1, 1, 6]);
  assert.deepEqual(unpack(r.dir, 'test').labels.slice(0, 5), [9, 2, 1, 1, 6]);
});

test('the known datasets’ class names live in bin/pack/known.mjs only: src/ repeats none of them', () => {
  const { KNOWN } = known;
  // Names long enough to be unmistakable (no digit or letter lists), written out as a list item would be.
  const names = Object.values(KNOWN)
    .flatMap((k) => k.classes)
    .filter((c) => c.length > 3);
  assert.ok(names.includes('Ankle boot'));
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 50);
  for (const f of files) {
    const text = readFileSync(join('src', f), 'utf8');
    for (const name of names)
      assert.ok(
        !text.includes(`'${name}'`),
        `src/${f} repeats the class name '${name}': take it from the dataset`,
      );
  }
});
