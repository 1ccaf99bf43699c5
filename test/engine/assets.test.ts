import { expect } from '@esm-bundle/chai';
import { ASSET_FILES } from '../../src/engine/asset-files.js';
import {
  assetBaseOverride,
  assetPathOf,
  assetUrl,
  integrityOf,
  setAssetBase,
  siblingUrl,
} from '../../src/engine/assets.js';
import { INTEGRITY } from '../../src/engine/data/integrity.js';

/** Restores "no override" (setAssetBase has no public reset: the registry lives on globalThis). */
const clearOverride = () =>
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('cnn-widgets.assetBase')];

describe('asset URLs: literal per file (what bundlers emit), setAssetBase overrides', () => {
  afterEach(clearOverride);

  it('lists every shipped file, checksummed ones included, as a literal new URL()', () => {
    for (const path of Object.keys(INTEGRITY)) expect(ASSET_FILES, path).to.have.property(path);
    expect(Object.keys(ASSET_FILES)).to.include.members(['mnist/dataset.json', 'mnist/train-0.u8z']);
  });

  it('resolves a file to its own literal, and back to its path', () => {
    expect(assetBaseOverride()).to.equal(null);
    for (const path of Object.keys(ASSET_FILES)) {
      const url = assetUrl(path);
      expect(url).to.equal(new URL(ASSET_FILES[path]!(), location.href).href);
      expect(assetPathOf(`${url}?v=2`)).to.equal(path);
    }
    expect(integrityOf(assetUrl('weights/cnn-mnist.bin'))).to.deep.equal(INTEGRITY['weights/cnn-mnist.bin']);
  });

  it("finds a manifest's files beside it: the library's own by their literals, anyone else's by URL", () => {
    expect(siblingUrl('train-3.u8z', assetUrl('mnist/dataset.json'))).to.equal(assetUrl('mnist/train-3.u8z'));
    expect(siblingUrl('cnn-mnist.bin', assetUrl('weights/cnn-mnist.json'))).to.equal(
      assetUrl('weights/cnn-mnist.bin'),
    );
    expect(siblingUrl('a.u8z', 'https://data.example.com/set/dataset.json')).to.equal(
      'https://data.example.com/set/a.u8z',
    );
    expect(siblingUrl('https://x.example/b.u8z', assetUrl('mnist/dataset.json'))).to.equal(
      'https://x.example/b.u8z',
    );
    expect(assetPathOf('https://data.example.com/set/dataset.json')).to.equal(undefined);
  });

  it('setAssetBase moves every file, and the worker is told only that folder', () => {
    setAssetBase('https://cdn.example.com/cnn/assets');
    expect(assetBaseOverride()).to.equal('https://cdn.example.com/cnn/assets/');
    expect(assetUrl('mnist/train-0.u8z')).to.equal('https://cdn.example.com/cnn/assets/mnist/train-0.u8z');
    expect(siblingUrl('test-0.u8z', assetUrl('mnist/dataset.json'))).to.equal(
      'https://cdn.example.com/cnn/assets/mnist/test-0.u8z',
    );
    expect(integrityOf(assetUrl('wasm/tfjs-backend-wasm.wasm'))).to.deep.equal(
      INTEGRITY['wasm/tfjs-backend-wasm.wasm'],
    );
  });
});
