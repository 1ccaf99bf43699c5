// engine/feature-maps.ts: the layouts between PyTorch and TensorFlow.js, and the conv chain itself. The
// layout helpers are plain arrays in → arrays out; computeMaps is checked against a direct convolution by its
// definition (engine/conv-steps.ts) on the cpu backend, with no tensor left behind.
import { expect } from '@esm-bundle/chai';
import {
  computeMaps,
  hwioKernels,
  layerWeightsOf,
  nhwcToMaps,
  rgbToMaps,
  splitChannels,
  toHwio,
  unionRange,
  type RgbImage,
} from '../../src/engine/feature-maps.js';
import { resolveChain, type LayerDef, type ResolvedLayer } from '../../src/engine/filters.js';
import { convolveSteps } from '../../src/engine/conv-steps.js';
import { getTf, readBack } from '../../src/engine/tensor.js';

const def = (over: Partial<LayerDef> = {}): LayerDef => ({
  filters: '2',
  kernelSize: 3,
  padding: 0,
  stride: 1,
  activation: 'none',
  pool: 0,
  ...over,
});

/** A small photo with distinct values everywhere, interleaved RGB in 0..1. */
function photo(width: number, height: number): RgbImage {
  const pixels = Float32Array.from({ length: width * height * 3 }, (_, i) => ((i * 37) % 101) / 100);
  return { pixels, width, height };
}

describe('feature-maps: layouts', () => {
  it('toHwio moves [out][in][K][K] to [K][K][in][out]', () => {
    const O = 2;
    const I = 3;
    const K = 2;
    const weights = Float32Array.from({ length: O * I * K * K }, (_, i) => i);
    const hwio = toHwio({ outChannels: O, inChannels: I, kernelSize: K, weights });
    for (let o = 0; o < O; o++)
      for (let i = 0; i < I; i++)
        for (let y = 0; y < K; y++)
          for (let x = 0; x < K; x++)
            expect(hwio[((y * K + x) * I + i) * O + o]).to.equal(((o * I + i) * K + y) * K + x);
  });

  it('hwioKernels reads [K][K][in][out] back as each filter’s slice per input channel (toHwio’s inverse), else null', () => {
    const O = 4;
    const I = 3;
    const K = 3;
    const weights = Float32Array.from({ length: O * I * K * K }, (_, i) => i * 0.5 - 20);
    const hwio = toHwio({ outChannels: O, inChannels: I, kernelSize: K, weights });
    const k = hwioKernels([K, K, I, O], hwio)!;
    expect(k.shape).to.deep.equal([O, I, K, K]);
    for (let o = 0; o < O; o++)
      for (let i = 0; i < I; i++)
        expect([...k.data[o]![i]!]).to.deep.equal([
          ...weights.subarray((o * I + i) * K * K, (o * I + i + 1) * K * K),
        ]);
    // A 2×3 (H×W) kernel: rows stay rows.
    const wide = hwioKernels([2, 3, 1, 1], Float32Array.of(1, 2, 3, 4, 5, 6))!;
    expect(wide.shape).to.deep.equal([1, 1, 2, 3]);
    expect([...wide.data[0]![0]!]).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(hwioKernels([3, 3, 3], new Float32Array(27))).to.equal(null);
    expect(hwioKernels([3, 3, 3, 2], new Float32Array(10))).to.equal(null);
    expect(hwioKernels([3, 0, 3, 2], new Float32Array(0))).to.equal(null);
  });

  it('nhwcToMaps reads [1, H, W, C] and [H, W, C] channel by channel, [1, N] as a strip, else null', () => {
    // 2×2 pixels, 3 channels: value = 10·channel + pixel
    const data = Float32Array.from({ length: 12 }, (_, i) => 10 * (i % 3) + Math.floor(i / 3));
    const maps = nhwcToMaps([1, 2, 2, 3], data)!;
    expect(maps.shape).to.deep.equal([3, 2, 2]);
    expect(maps.data.map((d) => [...d])).to.deep.equal([
      [0, 1, 2, 3],
      [10, 11, 12, 13],
      [20, 21, 22, 23],
    ]);
    expect(nhwcToMaps([2, 2, 3], data)!.shape).to.deep.equal([3, 2, 2]);
    expect(nhwcToMaps([1, 4], Float32Array.of(1, 2, 3, 4))).to.deep.equal({
      shape: [1, 1, 4],
      data: [Float32Array.of(1, 2, 3, 4)],
    });
    expect(nhwcToMaps([2, 2, 4], data)).to.equal(null); // the data does not fill the shape
    expect(nhwcToMaps([2, 3], data)).to.equal(null);
    expect(nhwcToMaps([0, 2, 3], new Float32Array(0))).to.equal(null);
  });

  it('splitChannels and rgbToMaps give one row-major plane per channel', () => {
    const chw = Float32Array.from({ length: 12 }, (_, i) => i);
    expect(splitChannels(chw, [3, 2, 2]).data.map((d) => [...d])).to.deep.equal([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
    const rgb = rgbToMaps({ pixels: Float32Array.of(1, 2, 3, 4, 5, 6), width: 2, height: 1 });
    expect(rgb.shape).to.deep.equal([3, 1, 2]);
    expect(rgb.data.map((d) => [...d])).to.deep.equal([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('layerWeightsOf hands out copies in PyTorch order; unionRange spans both ranges', () => {
    const chain = resolveChain([def()], [3, 5, 5], 1);
    if (!chain.ok) throw new Error(chain.error);
    const [w] = layerWeightsOf(chain.layers);
    expect(w!.shape).to.deep.equal([2, 3, 3, 3]);
    w!.weights[0] = 42;
    expect(chain.layers[0]!.weights[0]).not.to.equal(42);
    expect(unionRange({ min: -1, max: 2 }, { min: 0, max: 5 })).to.deep.equal({ min: -1, max: 5 });
  });
});

describe('feature-maps: computeMaps', () => {
  /** The maps by definition: each filter over each channel, summed, plus its bias (conv-steps' loop). */
  function expected(img: RgbImage, l: ResolvedLayer): number[][] {
    const planes = rgbToMaps(img).data.map((d) =>
      Array.from({ length: img.height }, (_, y) =>
        Array.from(d.subarray(y * img.width, (y + 1) * img.width)),
      ),
    );
    const K = l.kernelSize;
    return Array.from({ length: l.outChannels }, (_, o) => {
      const kernel = Array.from({ length: l.inChannels }, (_, i) =>
        Array.from({ length: K }, (_, y) =>
          Array.from(
            l.weights.subarray(
              ((o * l.inChannels + i) * K + y) * K,
              ((o * l.inChannels + i) * K + y + 1) * K,
            ),
          ),
        ),
      );
      const steps = convolveSteps(planes, kernel, {
        padTop: l.padding,
        padLeft: l.padding,
        stride: l.stride,
        dilation: 1,
        outRows: l.convShape[1],
        outCols: l.convShape[2],
      });
      return steps.map((s) => s.value + l.bias[o]!);
    });
  }

  it('computes the chain’s maps (and the ones before ReLU and pooling) as the definition does, leaving no tensor', async () => {
    const { tf, backend } = await getTf('cpu');
    const img = photo(9, 7);
    const chain = resolveChain([def({ padding: 1, stride: 2, activation: 'relu', pool: 2 })], [3, 7, 9], 3);
    if (!chain.ok) throw new Error(chain.error);
    const before = tf.memory().numTensors;
    const r = await computeMaps({ tf, backend, readBack }, img, chain.layers, true);
    expect(tf.memory().numTensors).to.equal(before);

    const l = chain.layers[0]!;
    expect(r.before!.shape).to.deep.equal(l.convShape);
    expect(r.maps.shape).to.deep.equal(l.outShape);
    const want = expected(img, l);
    r.before!.data.forEach((d, o) => [...d].forEach((v, i) => expect(v).to.be.closeTo(want[o]![i]!, 1e-5)));
    // After ReLU and a 2×2 max-pool of the 4×5 conv output: 2×2, each the largest of its block, never negative.
    const [, h, w] = l.convShape;
    expect([h, w, ...r.maps.shape.slice(1)]).to.deep.equal([4, 5, 2, 2]);
    r.maps.data.forEach((d, o) => {
      const relu = want[o]!.map((v) => Math.max(0, v));
      [...d].forEach((v, i) => {
        const y = Math.floor(i / r.maps.shape[2]) * 2;
        const x = (i % r.maps.shape[2]) * 2;
        const block = [
          relu[y * w + x]!,
          relu[y * w + x + 1]!,
          relu[(y + 1) * w + x]!,
          relu[(y + 1) * w + x + 1]!,
        ];
        expect(v).to.be.closeTo(Math.max(...block), 1e-5);
      });
    });
  });

  it('without wantBefore returns only the maps; a failing read still frees every tensor', async () => {
    const { tf, backend } = await getTf('cpu');
    const chain = resolveChain([def(), def({ filters: 'blur' })], [3, 6, 6], 1);
    if (!chain.ok) throw new Error(chain.error);
    const r = await computeMaps({ tf, backend, readBack }, photo(6, 6), chain.layers, false);
    expect(r.before).to.equal(null);
    expect(r.maps.shape).to.deep.equal([1, 2, 2]);

    const before = tf.memory().numTensors;
    const failing = () => Promise.reject(new Error('lost'));
    let error: unknown = null;
    await computeMaps({ tf, backend, readBack: failing }, photo(6, 6), chain.layers, true).catch(
      (e: unknown) => (error = e),
    );
    expect((error as Error).message).to.equal('lost');
    expect(tf.memory().numTensors).to.equal(before);
  });
});
