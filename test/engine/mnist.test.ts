// MNIST loader against the real built assets (run `node scripts/build-assets.mjs` first; the test runner
// serves /src/assets/* from dist/assets/*). Faults are simulated by wrapping globalThis.fetch.
import { expect } from '@esm-bundle/chai';
import {
  clearMnistCache,
  fnv1a,
  loadMnist,
  MNIST_CLASSES,
  MNIST_PIXELS,
  MnistLoadError,
  toFloat,
  type MnistProgress,
} from '../../src/engine/data/mnist.js';
import { assetUrl } from '../../src/engine/assets.js';
import { html, LitElement } from 'lit';
import { LocalizeController, loadTranslation } from '../../src/components/shared/localize.js';
import type { Message } from '../../src/engine/messages.js';

interface Call {
  url: string;
  init: RequestInit | undefined;
}
type Tamper = (
  url: string,
  init: RequestInit | undefined,
  real: typeof fetch,
) => Promise<Response | undefined>;

const realFetch = globalThis.fetch;
/** Replaces fetch with a recorder; `tamper` may answer instead of the network (undefined: pass through). */
function spyFetch(tamper?: Tamper): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, init });
    return (await tamper?.(url, init, realFetch)) ?? realFetch(input, init);
  };
  return calls;
}
const file = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const files = (calls: Call[]) => calls.map((c) => file(c.url));

async function manifest() {
  const res = await realFetch(assetUrl('mnist/dataset.json'));
  return (await res.json()) as Record<
    'train' | 'test',
    { count: number; files: { file: string; bytes: number; count: number }[] }
  >;
}

/** A bare element that says an engine message in its `lang` (as the trainer says a load error). */
class SayProbe extends LitElement {
  readonly localize = new LocalizeController(this, {});
  protected override render() {
    return html``;
  }
}
customElements.define('mnist-say-probe', SayProbe);

/** Expects `p` to reject and returns the reason. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

const histogram = (labels: Uint8Array) => {
  const h = new Array(10).fill(0) as number[];
  for (const l of labels) h[l]!++;
  return h;
};

describe('MNIST loader', () => {
  beforeEach(() => clearMnistCache());
  afterEach(() => {
    globalThis.fetch = realFetch;
    clearMnistCache();
  });

  it('loads the first 500 training examples from the first shard only, exactly as in the IDX files', async () => {
    const calls = spyFetch();
    const d = await loadMnist({ split: 'train', count: 500 });
    expect(d.count).to.equal(500);
    expect(d.labels.length).to.equal(500);
    expect(d.images.length).to.equal(500 * 784);
    expect(files(calls)).to.deep.equal(['dataset.json', 'train-0.u8z']);
    // The famous first training digits: 5 0 4 1 9 2 1 3 1 4.
    expect([...d.labels.subarray(0, 10)]).to.deep.equal([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    // Row 5 of the first image, pixel for pixel (uint8, not quantised), and its total ink.
    expect([...d.images.subarray(5 * 28 + 12, 5 * 28 + 24)]).to.deep.equal([
      3, 18, 18, 18, 126, 136, 175, 26, 166, 255, 247, 127,
    ]);
    expect(d.images.subarray(0, 784).reduce((a, b) => a + b, 0)).to.equal(27525);
    expect(d.images[0]).to.equal(0); // black corner
    expect(Math.max(...d.labels)).to.equal(9);
    expect(Math.min(...d.labels)).to.equal(0);
  });

  it('is one dataset of the format: dataset.json names it, its classes, shape, standardisation and licence', async () => {
    const d = await loadMnist({ split: 'test', count: 1 });
    expect(d.info.name).to.equal('MNIST');
    expect(d.info.classes).to.deep.equal([...MNIST_CLASSES]);
    expect(d.info.shape).to.deep.equal([28, 28, 1]);
    expect(d.info.counts).to.deep.equal({ train: 60000, test: 10000 });
    // The packer's per-channel statistics of the training pixels are torchvision's well-known MNIST numbers.
    expect(d.info.normalize).to.deep.equal({ mean: [0.1307], std: [0.3081] });
    expect(d.info.licence).to.equal('CC BY-SA 3.0');
    expect(d.info.source).to.contain('LeCun');
  });

  it('loads the whole test set with the official class counts', async () => {
    const d = await loadMnist({ split: 'test' });
    expect(d.count).to.equal(10000);
    expect(d.images.length).to.equal(10000 * MNIST_PIXELS);
    expect(d.labels[0]).to.equal(7);
    expect([...d.labels.subarray(0, 6)]).to.deep.equal([7, 2, 1, 0, 4, 1]);
    expect(histogram(d.labels)).to.deep.equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    // Images across shard boundaries are real digits (some ink, black border), not zero fill.
    for (const i of [0, 999, 1000, 4999, 5000, 9999]) {
      const img = d.images.subarray(i * 784, (i + 1) * 784);
      expect(
        img.reduce((a, b) => a + b, 0),
        `ink of #${i}`,
      ).to.be.greaterThan(5000);
      expect(img[0], `corner of #${i}`).to.equal(0);
    }
  });

  it('loads all 60,000 training examples with the official class counts', async () => {
    const d = await loadMnist({ split: 'train', count: 1e9 }); // clamped to the split
    expect(d.count).to.equal(60000);
    expect(histogram(d.labels)).to.deep.equal([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(fnv1a(d.labels)).to.not.equal(fnv1a(d.labels.subarray(1)));
  });

  it('fetches only the shards that hold the first `count` examples, and reuses them', async () => {
    const m = await manifest();
    const [first, second] = m.train.files;
    const calls = spyFetch();
    const d = await loadMnist({ split: 'train', count: first!.count + 1 });
    expect(files(calls)).to.deep.equal(['dataset.json', first!.file, second!.file]);
    expect(d.count).to.equal(first!.count + 1);
    // A smaller request later is served from the page cache: no new fetch.
    const small = await loadMnist({ split: 'train', count: 10 });
    expect(calls.length).to.equal(3);
    expect([...small.labels]).to.deep.equal([...d.labels.subarray(0, 10)]);
    // Each call gets its own arrays: writing to one does not change the cache.
    small.labels[0] = 9;
    expect((await loadMnist({ split: 'train', count: 10 })).labels[0]).to.equal(5);
  });

  it('reports progress in compressed bytes, never decreasing, ending at exactly 1', async () => {
    const m = await manifest();
    const total = m.test.files.reduce((a, s) => a + s.bytes, 0);
    const events: MnistProgress[] = [];
    await loadMnist({ split: 'test', onProgress: (p) => events.push(p) });
    expect(events.length).to.be.greaterThan(2);
    expect(events[0]!.loaded).to.equal(0);
    for (const e of events) {
      expect(e.total).to.equal(total);
      expect(e.split).to.equal('test');
      expect(e.fraction).to.be.within(0, 1);
      expect(e.fraction).to.be.closeTo(e.loaded / e.total, 1e-12);
    }
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.loaded).to.be.greaterThan(events[i - 1]!.loaded);
    expect(events.at(-1)!.fraction).to.equal(1);
    expect(events.at(-1)!.loaded).to.equal(total);
  });

  it('downloads once for two concurrent callers', async () => {
    const calls = spyFetch();
    const p1: MnistProgress[] = [];
    const p2: MnistProgress[] = [];
    const [a, b] = await Promise.all([
      loadMnist({ split: 'test', count: 3000, onProgress: (p) => p1.push(p) }),
      loadMnist({ split: 'test', count: 3000, onProgress: (p) => p2.push(p) }),
    ]);
    expect(files(calls)).to.deep.equal(['dataset.json', 'test-0.u8z', 'test-1.u8z']);
    expect(a.images).to.not.equal(b.images);
    expect([...a.labels]).to.deep.equal([...b.labels]);
    expect(p1.at(-1)!.fraction).to.equal(1);
    expect(p2.at(-1)!.fraction).to.equal(1);
  });

  it('a 404 gives a readable, retryable error; the retry succeeds', async () => {
    spyFetch(async (url) =>
      file(url) === 'train-0.u8z' ? new Response('not here', { status: 404 }) : undefined,
    );
    const err = await rejection(loadMnist({ split: 'train', count: 100 }));
    expect(err).to.be.instanceOf(MnistLoadError);
    const e = err as MnistLoadError;
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(404);
    expect(e.retryable).to.equal(true);
    expect(e.url).to.match(/\/mnist\/train-0\.u8z$/);
    expect(e.message).to.contain('Could not download the MNIST data (HTTP 404 for');
    expect(e.message).to.contain('train-0.u8z');
    globalThis.fetch = realFetch;
    const d = await loadMnist({ split: 'train', count: 100 });
    expect(d.labels[0]).to.equal(5);
  });

  it('a missing manifest (wrong data-src) fails clearly, and baseUrl can point at the folder', async () => {
    const err = (await rejection(
      loadMnist({ split: 'test', count: 5, baseUrl: '/nowhere/mnist/' }),
    )) as MnistLoadError;
    expect(err).to.be.instanceOf(MnistLoadError);
    expect(err.status).to.equal(404);
    expect(err.url).to.equal(new URL('/nowhere/mnist/dataset.json', location.href).href);
    expect(err.message).to.contain('data-src');
    // The built files, addressed directly (no trailing slash, as a writer might type it).
    const calls = spyFetch();
    const d = await loadMnist({ split: 'test', count: 5, baseUrl: '/dist/assets/mnist' });
    expect(calls[0]!.url).to.equal(new URL('/dist/assets/mnist/dataset.json', location.href).href);
    expect([...d.labels]).to.deep.equal([7, 2, 1, 0, 4]);
  });

  it('a network failure is retryable; the retry succeeds', async () => {
    spyFetch(async (url) => {
      if (file(url) === 'test-0.u8z') throw new TypeError('Failed to fetch');
      return undefined;
    });
    const err = (await rejection(loadMnist({ split: 'test', count: 10 }))) as MnistLoadError;
    expect(err).to.be.instanceOf(MnistLoadError);
    expect(err.kind).to.equal('network');
    expect(err.retryable).to.equal(true);
    expect(err.message).to.contain('check your connection and press Retry');
    globalThis.fetch = realFetch;
    expect((await loadMnist({ split: 'test', count: 10 })).count).to.equal(10);
  });

  it('a truncated body is detected (cleanly ended or broken stream); the retry succeeds', async () => {
    // Body ends early.
    spyFetch(async (url, init, real) => {
      if (file(url) !== 'test-0.u8z') return undefined;
      const bytes = new Uint8Array(await (await real(url, init)).arrayBuffer());
      return new Response(bytes.slice(0, bytes.length >> 1));
    });
    let err = (await rejection(loadMnist({ split: 'test', count: 10 }))) as MnistLoadError;
    expect(err).to.be.instanceOf(MnistLoadError);
    expect(err.kind).to.equal('truncated');
    expect(err.retryable).to.equal(true);
    expect(err.message).to.match(/cut short \([\d,]+ of [\d,]+ bytes/);

    // Connection drops mid-stream.
    spyFetch(async (url, init, real) => {
      if (file(url) !== 'test-0.u8z') return undefined;
      const bytes = new Uint8Array(await (await real(url, init)).arrayBuffer());
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes.slice(0, 1000));
          c.error(new TypeError('network error'));
        },
      });
      return new Response(body);
    });
    err = (await rejection(loadMnist({ split: 'test', count: 10 }))) as MnistLoadError;
    expect(err.kind).to.equal('truncated');

    globalThis.fetch = realFetch;
    expect((await loadMnist({ split: 'test', count: 10 })).labels[0]).to.equal(7);
  });

  it('corrupted bytes fail the checksum; the retry bypasses the HTTP cache and succeeds', async () => {
    const calls = spyFetch(async (url, init, real) => {
      if (file(url) !== 'test-0.u8z') return undefined;
      const bytes = new Uint8Array(await (await real(url, init)).arrayBuffer());
      for (let i = 0; i < 64; i++) bytes[(bytes.length >> 1) + i] ^= 0x5a; // same length, wrong content
      return new Response(bytes);
    });
    const err = (await rejection(loadMnist({ split: 'test', count: 10 }))) as MnistLoadError;
    expect(err).to.be.instanceOf(MnistLoadError);
    expect(err.kind).to.equal('corrupt');
    expect(err.retryable).to.equal(true);
    expect(err.message).to.contain('damaged');
    expect(calls.find((c) => file(c.url) === 'test-0.u8z')!.init?.cache).to.equal('default');

    const retry = spyFetch();
    const d = await loadMnist({ split: 'test', count: 10 });
    expect(d.labels[0]).to.equal(7);
    expect(retry.find((c) => file(c.url) === 'test-0.u8z')!.init?.cache).to.equal('reload');
    expect(retry.find((c) => file(c.url) === 'dataset.json')!.init?.cache).to.equal('reload');
  });

  it('abort rejects with AbortError, stops the request, and does not poison the cache', async () => {
    const calls = spyFetch();
    const ac = new AbortController();
    const p = loadMnist({
      split: 'test',
      signal: ac.signal,
      onProgress: (e) => {
        if (e.loaded > 0) ac.abort();
      },
    });
    const err = (await rejection(p)) as DOMException;
    expect(err.name).to.equal('AbortError');
    const shardCalls = calls.filter((c) => c.url.endsWith('.u8z'));
    expect(shardCalls.length).to.be.greaterThan(0);
    // Nobody else wanted those downloads: the requests themselves were cancelled.
    for (const c of shardCalls) expect(c.init?.signal?.aborted, file(c.url)).to.equal(true);

    const before = calls.length;
    const d = await loadMnist({ split: 'test' });
    expect(d.count).to.equal(10000);
    expect(calls.length).to.be.greaterThan(before); // a fresh download, not the aborted one
    // An already-aborted signal rejects at once without fetching.
    const n = calls.length;
    const err2 = await rejection(loadMnist({ split: 'test', signal: AbortSignal.abort() }));
    expect((err2 as DOMException).name).to.equal('AbortError');
    expect(calls.length).to.equal(n);
  });

  it("one caller aborting does not cancel another caller's shared download", async () => {
    const calls = spyFetch();
    const ac = new AbortController();
    const a = loadMnist({ split: 'test', count: 3000, signal: ac.signal });
    const b = loadMnist({ split: 'test', count: 3000 });
    const aborted = rejection(a);
    ac.abort();
    expect(((await aborted) as DOMException).name).to.equal('AbortError');
    const d = await b;
    expect(d.count).to.equal(3000);
    expect(histogram(d.labels).reduce((x, y) => x + y, 0)).to.equal(3000);
    expect(files(calls).filter((f) => f === 'test-0.u8z').length).to.equal(1);
  });

  it('rejects bad options with a non-retryable error', async () => {
    for (const count of [0, -5, Number.NaN, Infinity]) {
      const err = (await rejection(loadMnist({ split: 'test', count }))) as MnistLoadError;
      expect(err, String(count)).to.be.instanceOf(MnistLoadError);
      expect(err.retryable).to.equal(false);
      expect(err.message).to.contain('at least 1');
    }
    const err = (await rejection(loadMnist({ split: 'validation' as 'test' }))) as MnistLoadError;
    expect(err.kind).to.equal('input');
  });

  it('rejects a manifest of another format version', async () => {
    spyFetch(async (url) =>
      file(url) === 'dataset.json'
        ? new Response(JSON.stringify({ format: 'cnn-widgets-dataset', version: 99 }))
        : undefined,
    );
    const err = (await rejection(loadMnist({ split: 'test', count: 5 }))) as MnistLoadError;
    expect(err.kind).to.equal('format');
    expect(err.retryable).to.equal(false);
    expect(err.message).to.contain('version 99');
    // A JSON file that is not a dataset at all says what to do.
    clearMnistCache();
    spyFetch(async (url) => (file(url) === 'dataset.json' ? new Response('{"splits":{}}') : undefined));
    const other = (await rejection(loadMnist({ split: 'test', count: 5 }))) as MnistLoadError;
    expect(other.kind).to.equal('format');
    expect(other.message).to.contain('npx cnn-widgets pack');
  });

  it('a browser without DecompressionStream gets a message key (dataset.cannotUnpack), said in German too', async () => {
    const g = globalThis as { DecompressionStream?: typeof DecompressionStream };
    const real = g.DecompressionStream;
    let err: MnistLoadError;
    try {
      delete g.DecompressionStream;
      expect(typeof DecompressionStream).to.equal('undefined');
      err = (await rejection(loadMnist({ split: 'test', count: 5 }))) as MnistLoadError;
    } finally {
      g.DecompressionStream = real;
    }
    expect(typeof DecompressionStream).to.equal('function');
    expect(err).to.be.instanceOf(MnistLoadError);
    expect([err.name, err.kind, err.retryable]).to.deep.equal(['DatasetLoadError', 'unsupported', false]);
    const detail = err.detail as Message;
    expect(detail.key).to.equal('dataset.cannotUnpack');
    expect(err.message).to.equal(detail.text);
    expect(err.message).to.equal(
      'This browser cannot unpack the MNIST data (it lacks DecompressionStream). Please use a current browser.',
    );
    await loadTranslation('de');
    const probe = document.createElement('mnist-say-probe') as SayProbe;
    probe.lang = 'de';
    document.body.append(probe);
    try {
      await probe.updateComplete;
      expect(probe.localize.lang).to.equal('de');
      expect(probe.localize.say(detail)).to.equal(
        'Dieser Browser kann die MNIST-Daten nicht entpacken (ihm fehlt DecompressionStream). Bitte verwenden Sie einen aktuellen Browser.',
      );
    } finally {
      probe.remove();
    }
    // With the global back, the same load succeeds (nothing half-done was cached).
    expect((await loadMnist({ split: 'test', count: 5 })).count).to.equal(5);
  });

  it('works inside a Worker', async () => {
    const worker = new Worker(new URL('./fixtures/mnist-worker.ts', import.meta.url), { type: 'module' });
    try {
      const reply = await new Promise<{ count: number; labels: number[]; ink: number }>((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message || 'worker failed'));
        worker.postMessage({ count: 20 });
      });
      expect(reply.count).to.equal(20);
      expect(reply.labels.slice(0, 5)).to.deep.equal([5, 0, 4, 1, 9]);
      expect(reply.ink).to.equal(27525);
    } finally {
      worker.terminate();
    }
  });
});

describe('MNIST helpers', () => {
  it('toFloat scales bytes to 0..1 for a window of images', () => {
    const images = new Uint8Array(3 * 784);
    images[784] = 255;
    images[784 + 783] = 51;
    images[2 * 784 + 1] = 128;
    const f = toFloat(images, 1, 2);
    expect(f.length).to.equal(2 * 784);
    expect(f[0]).to.equal(1);
    expect(f[783]).to.be.closeTo(0.2, 1e-7);
    expect(f[784 + 1]).to.be.closeTo(128 / 255, 1e-7);
    const out = new Float32Array(784);
    expect(toFloat(images, 0, 1, out)).to.equal(out);
    expect(() => toFloat(images, 2, 2)).to.throw(RangeError);
    expect(() => toFloat(images, 0, 1, new Float32Array(10))).to.throw(RangeError);
  });

  it('MNIST_CLASSES names the ten digits by label', () => {
    expect([...MNIST_CLASSES]).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(Object.isFrozen(MNIST_CLASSES)).to.equal(true);
  });

  it('fnv1a matches the reference FNV-1a 32 values', () => {
    const enc = new TextEncoder();
    expect(fnv1a(new Uint8Array(0))).to.equal('811c9dc5');
    expect(fnv1a(enc.encode('a'))).to.equal('e40c292c');
    expect(fnv1a(enc.encode('foobar'))).to.equal('bf9cf968');
  });
});
