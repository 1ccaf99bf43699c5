// Real network faults against the real built assets: the test server's /__fault/ route (see
// web-test-runner.config.mjs) serves a file truncated, with flipped bytes, stalled, reset mid-body, as a web
// page or with an HTTP error. The loaders must say which file failed and what to try, mark network faults and
// damage retryable and real format problems not, never hang, and succeed once the fault is gone.
import { expect } from '@esm-bundle/chai';
import {
  AssetLoadError,
  download,
  fnv1a,
  setDownloadTimeout,
  verify,
} from '../../src/engine/data/download.js';
import { clearMnistCache, loadMnist, MnistLoadError } from '../../src/engine/data/mnist.js';
import { fetchPretrained, PretrainedLoadError } from '../../src/engine/pretrained.js';
import { crc32, fetchPhoto, imageDamage } from '../../src/engine/data/photo.js';
import { prepareWasm, wasmFileFor, type TfEnvLike } from '../../src/engine/data/wasm-binary.js';
import { assetBase, assetUrl, integrityOf, setAssetBase } from '../../src/engine/assets.js';
import { INTEGRITY } from '../../src/engine/data/integrity.js';

let n = 0;
/** A URL prefix that gives `kind` to the first `times` requests for `file` (fresh counters per call). */
const fault = (kind: string, file = '*', times: number | 'inf' = 'inf') =>
  `/__fault/${kind},${times},${file},t${Date.now()}x${n++}/dist/assets/`;

async function rejection(p: Promise<unknown>): Promise<AssetLoadError> {
  try {
    await p;
  } catch (err) {
    return err as AssetLoadError;
  }
  throw new Error('expected the promise to reject');
}

const STALL_MS = 400;

describe('faults: download()', () => {
  beforeEach(() => setDownloadTimeout(STALL_MS));
  afterEach(() => setDownloadTimeout(null));

  it('FNV-1a matches the reference values (and the build script’s)', () => {
    const enc = new TextEncoder();
    expect(fnv1a(new Uint8Array())).to.equal('811c9dc5');
    expect(fnv1a(enc.encode('a'))).to.equal('e40c292c');
    expect(fnv1a(enc.encode('foobar'))).to.equal('bf9cf968');
  });

  it('the build recorded every fixed asset, and the recorded values are the served files’', async () => {
    for (const path of ['images/chelsea-320.png', 'weights/cnn-mnist.bin', 'weights/cnn-mnist.json'])
      expect(INTEGRITY[path], path).to.be.an('object');
    expect(Object.keys(INTEGRITY).filter((k) => k.endsWith('.wasm'))).to.have.length(2);
    const url = assetUrl('weights/cnn-mnist.bin');
    expect(integrityOf(url + '?v=2')).to.equal(INTEGRITY['weights/cnn-mnist.bin']);
    expect(integrityOf('https://elsewhere.example/weights/cnn-mnist.bin')).to.equal(undefined);
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect({ bytes: bytes.length, fnv1a: fnv1a(bytes) }).to.deep.equal(INTEGRITY['weights/cnn-mnist.bin']);
  });

  it('verify(): short is truncated, same length with one flipped byte is damaged; both retryable', () => {
    const data = new Uint8Array(1000).map((_, i) => i * 7);
    const expected = { bytes: 1000, fnv1a: fnv1a(data) };
    const make = (m: string, init: ConstructorParameters<typeof AssetLoadError>[1]) =>
      new AssetLoadError(m, init);
    expect(() => verify(data, 'u', expected, 'L', make)).not.to.throw();
    const flipped = data.slice();
    flipped[500]! ^= 1;
    const e1 = (() => {
      try {
        verify(flipped, 'u', expected, 'L', make);
      } catch (e) {
        return e as AssetLoadError;
      }
      throw new Error('no error');
    })();
    expect([e1.kind, e1.retryable]).to.deep.equal(['corrupt', true]);
    expect(e1.message).to.match(/arrived damaged/);
    try {
      verify(data.subarray(0, 10), 'u', expected, 'L', make);
      throw new Error('no error');
    } catch (e) {
      expect((e as AssetLoadError).kind).to.equal('truncated');
    }
  });

  it('a stall (headers, 64 bytes, silence) times out: retryable, names the file; progress was reported', async () => {
    const url = new URL(fault('stall') + 'weights/cnn-mnist.bin', location.href).href;
    let got = 0;
    const t0 = performance.now();
    const e = await rejection(download(url, { label: 'the file', onChunk: (k) => (got += k) }));
    expect(performance.now() - t0).to.be.below(STALL_MS + 3000);
    expect(e).to.be.instanceOf(AssetLoadError);
    expect(e.kind).to.equal('timeout');
    expect(e.retryable).to.equal(true);
    expect(e.message).to.contain(url);
    expect(e.message).to.match(/stalled; check your connection and press Retry/);
    expect(got).to.equal(64);
  });

  it('a reset mid-body is a retryable cut-short download that names the file', async () => {
    const url = new URL(fault('reset') + 'weights/cnn-mnist.bin', location.href).href;
    const e = await rejection(download(url, { label: 'the file', expected: { bytes: 181696 } }));
    expect(e.kind).to.equal('truncated');
    expect(e.retryable).to.equal(true);
    expect(e.message).to.contain(url);
    expect(e.message).to.contain('press Retry');
  });

  it('a refused connection says which file and what to try, not just "Failed to fetch"', async () => {
    const url = 'http://127.0.0.1:9/nothing.bin'; // the discard port: nothing listens
    const e = await rejection(download(url, { label: 'the file' }));
    expect(e.kind).to.equal('network');
    expect(e.retryable).to.equal(true);
    expect(e.message).to.match(
      /^Could not download the file \(.+ for http:\/\/127\.0\.0\.1:9\/nothing\.bin\): check your connection and press Retry\.$/,
    );
  });

  it('HTTP 500 is retryable and says the server had a problem', async () => {
    const url = new URL(fault('500') + 'weights/cnn-mnist.bin', location.href).href;
    const e = await rejection(download(url, { label: 'the file' }));
    expect([e.kind, e.status, e.retryable]).to.deep.equal(['http', 500, true]);
    expect(e.message).to.match(/HTTP 500 .*server had a problem; press Retry/);
  });

  it('an abort during a stall rejects with AbortError at once', async () => {
    const ac = new AbortController();
    const url = fault('stall') + 'weights/cnn-mnist.bin';
    const p = download(url, { label: 'x', signal: ac.signal, onChunk: () => ac.abort(), stallMs: 60000 });
    expect(((await rejection(p)) as Error).name).to.equal('AbortError');
  });
});

describe('faults: MNIST', () => {
  beforeEach(() => {
    clearMnistCache();
    setDownloadTimeout(STALL_MS);
  });
  afterEach(() => setDownloadTimeout(null));

  it('a dropped connection on the manifest is retryable (not "not in the format"), and Retry works', async () => {
    const base = fault('reset', 'dataset.json', 1) + 'mnist/';
    const e = await rejection(loadMnist({ split: 'test', count: 10, baseUrl: base }));
    expect(e).to.be.instanceOf(MnistLoadError);
    expect(e.retryable).to.equal(true);
    expect(e.kind).to.not.equal('format');
    expect(e.message).not.to.contain('not in the format');
    expect(e.message).to.contain('dataset.json');
    const d = await loadMnist({ split: 'test', count: 10, baseUrl: base });
    expect(d.labels[0]).to.equal(7);
  });

  it('a damaged manifest (flipped or truncated) is "damaged" and retryable', async () => {
    for (const kind of ['flip', 'truncate']) {
      const e = await rejection(
        loadMnist({ split: 'test', count: 10, baseUrl: fault(kind, 'dataset.json') + 'mnist/' }),
      );
      expect([kind, e.kind, e.retryable]).to.deep.equal([kind, 'corrupt', true]);
      expect(e.message).to.contain('damaged');
    }
  });

  it('a manifest whose values were changed but still parses fails its own checksum', async () => {
    const own = assetUrl('mnist/dataset.json');
    const text = await (await fetch(own)).text();
    const changed = text.replace(/"count": 1000/, '"count": 1001');
    expect(changed).not.to.equal(text);
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) =>
      String(input) === own ? new Response(changed) : realFetch(input, init);
    try {
      const e = await rejection(loadMnist({ split: 'test', count: 10 }));
      expect(e).to.be.instanceOf(MnistLoadError);
      expect([e.kind, e.retryable]).to.deep.equal(['corrupt', true]);
      expect(e.message).to.match(/dataset\.json arrived damaged \(its checksum does not match\)/);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('a web page instead of the manifest is a format problem: not retryable, names data-src', async () => {
    const e = await rejection(
      loadMnist({ split: 'test', count: 10, baseUrl: fault('html', 'dataset.json') + 'mnist/' }),
    );
    expect([e.kind, e.retryable]).to.deep.equal(['format', false]);
    expect(e.message).to.contain('data-src');
  });

  it('a stalled shard times out (never loading forever); progress kept coming; Retry works', async () => {
    const base = fault('stall', 'test-0.u8z', 1) + 'mnist/';
    const progress: number[] = [];
    const e = await rejection(
      loadMnist({ split: 'test', count: 10, baseUrl: base, onProgress: (p) => progress.push(p.loaded) }),
    );
    expect([e.kind, e.retryable]).to.deep.equal(['timeout', true]);
    expect(e.message).to.contain('test-0.u8z');
    expect(progress).to.include(64);
    const d = await loadMnist({ split: 'test', count: 10, baseUrl: base });
    expect(d.count).to.equal(10);
  });

  it('a shard with 256 flipped bytes, or reset mid-body, is a retryable error naming the shard', async () => {
    for (const kind of ['flip', 'reset', '500']) {
      clearMnistCache();
      const e = await rejection(
        loadMnist({ split: 'test', count: 10, baseUrl: fault(kind, 'test-0.u8z') + 'mnist/' }),
      );
      expect([kind, e.retryable]).to.deep.equal([kind, true]);
      expect(e.message).to.contain('test-0.u8z');
      expect(e.message).to.match(/Retry/);
    }
  });
});

describe('faults: pretrained weights', () => {
  let saved: string;
  beforeEach(() => {
    saved = assetBase();
    setDownloadTimeout(STALL_MS);
  });
  afterEach(() => {
    setAssetBase(saved);
    setDownloadTimeout(null);
  });

  it('256 flipped bytes at the right length are refused (the library’s copy: build-time checksum)', async () => {
    setAssetBase(fault('flip', 'cnn-mnist.bin', 1));
    const url = assetUrl('weights/cnn-mnist.json');
    const e = await rejection(fetchPretrained(url));
    expect(e).to.be.instanceOf(PretrainedLoadError);
    expect([e.kind, e.retryable]).to.deep.equal(['corrupt', true]);
    expect(e.message).to.match(/cnn-mnist\.bin arrived damaged/);
    const ok = await fetchPretrained(url); // the fault is gone: Retry works
    expect(ok.bytes.byteLength).to.equal(181696);
  });

  it('a copy hosted elsewhere is checked against the manifest’s own checksum of the binary', async () => {
    // Not under the asset base: only the manifest's `fnv1a` (written by the build) can catch it.
    const url = fault('flip', 'cnn-mnist.bin') + 'weights/cnn-mnist.json';
    expect(integrityOf(new URL(url, location.href).href)).to.equal(undefined);
    const e = await rejection(fetchPretrained(new URL(url, location.href).href));
    expect(e.kind).to.equal('corrupt');
  });

  it('a stalled manifest times out with a retryable error', async () => {
    const url = new URL(fault('stall', 'cnn-mnist.json') + 'weights/cnn-mnist.json', location.href).href;
    const e = await rejection(fetchPretrained(url));
    expect([e.kind, e.retryable]).to.deep.equal(['timeout', true]);
  });
});

describe('faults: photos', () => {
  beforeEach(() => setDownloadTimeout(STALL_MS));
  afterEach(() => setDownloadTimeout(null));

  it('imageDamage: the real PNG is whole; cut, or one flipped byte, is not', async () => {
    const png = new Uint8Array(await (await fetch(assetUrl('images/coffee-320.png'))).arrayBuffer());
    expect(imageDamage(png)).to.equal(null);
    expect(imageDamage(png.subarray(0, png.length >> 1))).to.match(/cut short/);
    const flipped = png.slice();
    flipped[png.length >> 1]! ^= 0x10;
    expect(imageDamage(flipped)).to.match(/checksum/);
    expect(crc32(new TextEncoder().encode('123456789'))).to.equal(0xcbf43926);
  });

  it('imageDamage: a JPEG without its end marker is cut short; unknown formats pass', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    expect(imageDamage(jpeg)).to.equal(null);
    expect(imageDamage(jpeg.subarray(0, 7))).to.match(/JPEG .*cut short/);
    expect(imageDamage(new TextEncoder().encode('<svg/>'))).to.equal(null);
  });

  it('a truncated photo from any site is refused, retryably; data: URLs are not fetched', async () => {
    const src = fault('truncate', 'coffee-320.png') + 'images/coffee-320.png';
    const e = await rejection(fetchPhoto(src));
    expect([e.kind, e.retryable]).to.deep.equal(['corrupt', true]);
    expect(e.message).to.contain(`Could not load the image "${src}"`);
    expect(await fetchPhoto('data:image/png;base64,AAAA')).to.equal(null);
  });

  it("the library's own photo re-encoded by a bundler (Parcel's production build: same pixels, other bytes) is accepted; flipped bytes are not", async () => {
    const own = assetUrl('images/chelsea-320.png');
    const original = new Uint8Array(await (await fetch(own)).arrayBuffer());
    const bitmap = await createImageBitmap(new Blob([original], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const reencoded = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    expect(reencoded.length).to.not.equal(original.length);
    const flipped = original.slice();
    flipped[original.length >> 1]! ^= 0x10;
    const realFetch = globalThis.fetch;
    let served = reencoded;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === own ? new Response(served.slice()) : realFetch(input, init)) as typeof fetch;
    try {
      expect((await fetchPhoto(own))!.length).to.equal(reencoded.length);
      served = flipped;
      const e = await rejection(fetchPhoto(own));
      expect([e.kind, e.retryable]).to.deep.equal(['corrupt', true]);
      expect(e.message).to.match(/chelsea-320\.png arrived damaged/);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('faults: the WASM binary', () => {
  let saved: string;
  beforeEach(() => {
    saved = assetBase();
    setDownloadTimeout(STALL_MS);
  });
  afterEach(() => {
    setAssetBase(saved);
    setDownloadTimeout(null);
  });
  /** A stand-in for tfjs' env() and the wasm backend: records what the backend would be told. */
  function fakes(simd: boolean, threads = false) {
    const paths: [unknown, boolean | undefined][] = [];
    // Like tfjs' env(): a flag that was set answers its value; otherwise the feature test's.
    const flags = new Map<string, unknown>();
    const env: TfEnvLike = {
      getAsync: async (flag) =>
        flags.has(flag) ? flags.get(flag) : flag === 'WASM_HAS_SIMD_SUPPORT' ? simd : threads,
      set: (flag, value) => void flags.set(flag, value),
      platform: { fetch: (path, init) => fetch(path, init) },
    };
    return {
      env,
      flags,
      paths,
      wasm: { setWasmPaths: (p: unknown, f?: boolean) => void paths.push([p, f]) },
    };
  }

  it('a cross-origin isolated page gets the plain SIMD binary: tfjs is told threads are off (its pool was 4.6× slower)', async () => {
    setAssetBase(fault('500', '*', 0));
    const { env, wasm, flags } = fakes(true, true);
    const asked: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      asked.push(String(input));
      return realFetch(input, init);
    };
    try {
      await prepareWasm(wasm, env);
    } finally {
      globalThis.fetch = realFetch;
    }
    // The backend reads the same flag when it initialises (backend_wasm.js) and so loads this binary.
    expect(flags.get('WASM_HAS_MULTITHREAD_SUPPORT')).to.equal(false);
    expect(asked.map((u) => u.split('/').pop())).to.deep.equal(['tfjs-backend-wasm-simd.wasm']);
  });

  it('a damaged binary fails before tfjs sees it, naming the file', async () => {
    setAssetBase(fault('flip', '*'));
    const { env, wasm, paths } = fakes(true);
    const e = await rejection(prepareWasm(wasm, env));
    expect([e.kind, e.retryable]).to.deep.equal(['corrupt', true]);
    expect(e.message).to.contain('tfjs-backend-wasm-simd.wasm');
    expect(paths).to.deep.equal([]);
  });

  it('a good binary is verified, and tfjs gets exactly those bytes through its platform fetch', async () => {
    setAssetBase(fault('500', '*', 0)); // a fresh prefix (never faulted): a URL nothing has cached
    const { env, wasm, paths } = fakes(false);
    await prepareWasm(wasm, env);
    // Each binary by its own URL (what a bundler emits under its own name), not a folder plus a name.
    // All three names, as tfjs requires (the threaded one is not shipped: the library never loads it).
    const files = [
      'tfjs-backend-wasm.wasm',
      'tfjs-backend-wasm-simd.wasm',
      'tfjs-backend-wasm-threaded-simd.wasm',
    ];
    expect(paths).to.deep.equal([[Object.fromEntries(files.map((f) => [f, assetUrl(`wasm/${f}`)])), true]]);
    const url = assetUrl(`wasm/${wasmFileFor(false, false)}`);
    const served = new Uint8Array(await (await env.platform.fetch(url)).arrayBuffer());
    expect(fnv1a(served)).to.equal(INTEGRITY['wasm/tfjs-backend-wasm.wasm']!.fnv1a);
    // Anything else still goes to the network.
    expect((await env.platform.fetch(assetUrl('weights/cnn-mnist.json'))).ok).to.equal(true);
  });
});
