// engine/filters.ts: <feature-map>'s filters as plain numbers (presets, seeded random filters, custom kernels)
// and the shape walk of a chain of conv layers. No DOM, no TensorFlow.js.
import { expect } from '@esm-bundle/chai';
import {
  MAX_FILTERS,
  PRESETS,
  parseLayers,
  presetKernel,
  resolveChain,
  resolveLayer,
  spreadOverChannels,
  type LayerDef,
} from '../../src/engine/filters.js';

const def = (over: Partial<LayerDef> = {}): LayerDef => ({
  filters: 'sobel-x',
  kernelSize: 3,
  padding: 0,
  stride: 1,
  activation: 'none',
  pool: 0,
  ...over,
});
const sum = (g: number[][]) => g.flat().reduce((a, b) => a + b, 0);

describe('filters: presets', () => {
  it('are the textbook 3×3 kernels', () => {
    expect(presetKernel('sobel-x', 3)).to.deep.equal([
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ]);
    expect(presetKernel('laplacian', 3)).to.deep.equal([
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ]);
    expect(presetKernel('sharpen', 3)).to.deep.equal([
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ]);
    expect(presetKernel('emboss', 3)).to.deep.equal([
      [-2, -1, 0],
      [-1, 1, 1],
      [0, 1, 2],
    ]);
    expect(presetKernel('sobel-y', 3)).to.deep.equal([
      [-1, -2, -1],
      [0, 0, 0],
      [1, 2, 1],
    ]);
  });

  it('keep their meaning at any K: edge and laplacian sum to 0, blur and identity to 1', () => {
    for (const k of [1, 3, 5, 7]) {
      expect(sum(presetKernel('edge', k))).to.equal(0);
      expect(sum(presetKernel('laplacian', k))).to.equal(0);
      expect(sum(presetKernel('blur', k))).to.be.closeTo(1, 1e-12);
      expect(sum(presetKernel('identity', k))).to.equal(1);
      expect(presetKernel('sharpen', k).length).to.equal(k);
    }
  });

  it('spread a 2-D kernel over RGB by luminance, over other channel counts equally', () => {
    const rgb = spreadOverChannels([[1, 2]], 3);
    expect(rgb.map((p) => p[0]![1])).to.deep.equal([0.598, 1.174, 0.228]);
    expect(spreadOverChannels([[4]], 2)).to.deep.equal([[[2]], [[2]]]);
  });
});

describe('filters: resolveLayer and resolveChain', () => {
  it('walk the lesson’s chain: 3×320×320 → 5×316×316 → 8×156×156', () => {
    const r = resolveChain(
      [def({ filters: '5', kernelSize: 5 }), def({ filters: '8', kernelSize: 10, padding: 2, stride: 2 })],
      [3, 320, 320],
      1,
    );
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.layers.map((l) => l.outShape)).to.deep.equal([
      [5, 316, 316],
      [8, 156, 156],
    ]);
    // The lesson's parameter counts: 5·3·5·5 + 5 = 380 and 8·5·10·10 + 8 = 4,008.
    expect(r.layers.map((l) => l.weights.length + l.bias.length)).to.deep.equal([380, 4008]);
  });

  it('initialise random filters like a fresh nn.Conv2d (±1/√fan_in), reproducibly per seed and layer', () => {
    const a = resolveLayer(def({ filters: '4' }), [3, 8, 8], 1234, 0);
    const b = resolveLayer(def({ filters: '4' }), [3, 8, 8], 1234, 0);
    const other = resolveLayer(def({ filters: '4' }), [3, 8, 8], 1234, 1);
    if (!a.ok || !b.ok || !other.ok) throw new Error('should resolve');
    const bound = 1 / Math.sqrt(3 * 3 * 3);
    expect([...a.layer.weights, ...a.layer.bias].every((v) => Math.abs(v) <= bound)).to.equal(true);
    expect(Math.max(...a.layer.weights.map(Math.abs))).to.be.greaterThan(bound / 2);
    expect(b.layer.weights).to.deep.equal(a.layer.weights);
    expect(other.layer.weights).not.to.deep.equal(a.layer.weights);
    expect(a.layer.names).to.deep.equal(['filter 1', 'filter 2', 'filter 3', 'filter 4']);
  });

  it('store weights PyTorch-style [out][in][K][K], presets with zero bias', () => {
    const r = resolveLayer(def({ filters: 'identity,blur' }), [1, 5, 5], 1, 0);
    if (!r.ok) throw new Error(r.error);
    expect([...r.layer.weights.subarray(0, 9)]).to.deep.equal([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(r.layer.weights[9]).to.be.closeTo(1 / 9, 1e-7);
    expect([...r.layer.bias]).to.deep.equal([0, 0]);
    expect(r.layer.convShape).to.deep.equal([2, 3, 3]);
  });

  it('pool and activation change the output shape only through pooling', () => {
    const r = resolveLayer(def({ activation: 'ReLU', pool: 2 }), [3, 11, 11], 1, 0);
    if (!r.ok) throw new Error(r.error);
    expect(r.layer.activation).to.equal('relu');
    expect([r.layer.convShape, r.layer.outShape]).to.deep.equal([
      [1, 9, 9],
      [1, 4, 4],
    ]);
  });

  it('refuse bad layers in words', () => {
    const error = (over: Partial<LayerDef>, shape: [number, number, number] = [3, 8, 8]) => {
      const r = resolveLayer(def(over), shape, 1, 0);
      return r.ok ? null : r.error;
    };
    expect(error({ filters: 'sobel-z' })).to.match(/^Unknown filter "sobel-z"/);
    expect(error({ filters: 'blur,,edge' })).to.match(/empty name \(a stray comma\?\)/);
    expect(error({ filters: '' })).to.match(/^Filters is empty/);
    expect(error({ filters: String(MAX_FILTERS + 1) })).to.equal(
      `The number of filters: at most ${MAX_FILTERS} (got ${MAX_FILTERS + 1}).`,
    );
    expect(error({ stride: 0 })).to.match(/^Stride must be at least 1/);
    expect(error({ padding: 1.5 })).to.equal('Padding must be a whole number (got 1.5).');
    expect(error({ activation: 'tanh' })).to.equal('Activation must be "none" or "relu" (got "tanh").');
    expect(error({ pool: 3 })).to.match(/^Pool must be 0 \(none\) or 2/);
    expect(error({ kernel: '[[1,2],[3,4],[5,6]]' })).to.equal('Kernel must be square (got 3×2).');
    expect(error({ kernel: [[[1]], [[1]]] })).to.match(/2 channel slices but the input has 3 channels/);
    expect(error({ kernelSize: 9 })).to.match(/larger than the padded input/);
    expect(error({ kernelSize: 8, pool: 2 })).to.equal('The 1×1 map is too small to pool 2×2.');
  });

  it('name the kind of a failure: `size` when only the input’s height and width are at fault', () => {
    const kind = (over: Partial<LayerDef>, shape: [number, number, number] = [3, 8, 8]) => {
      const r = resolveLayer(def(over), shape, 1, 0);
      return r.ok ? null : r.kind;
    };
    expect(kind({ kernelSize: 9 })).to.equal('size');
    expect(kind({ kernelSize: 8, pool: 2 })).to.equal('size');
    expect(kind({ kernelSize: 3 }, [3, 2, 40])).to.equal('size'); // too short, wide enough
    for (const over of [
      { filters: 'nope' },
      { stride: 0 },
      { pool: 3 },
      { kernelSize: 99 },
      { kernel: '[[1' },
    ])
      expect(kind(over), JSON.stringify(over)).to.equal('input');
    // A chain keeps the kind under its "Layer n:" prefix; the same chain fits a bigger image.
    const chain = [def({ kernelSize: 5 }), def({ kernelSize: 5, pool: 2 })];
    const small = resolveChain(chain, [3, 9, 9], 1);
    expect(small.ok ? null : [small.kind, small.error]).to.deep.equal([
      'size',
      'Layer 2: The 1×1 map is too small to pool 2×2.',
    ]);
    expect(resolveChain(chain, [3, 64, 64], 1).ok).to.equal(true);
  });

  it('prefix a chain’s errors with the layer’s number', () => {
    const r = resolveChain([def(), def({ filters: 'nope' })], [3, 8, 8], 1);
    expect(r.ok ? null : r.error).to.match(/^Layer 2: Unknown filter "nope"/);
  });
});

describe('filters: parseLayers', () => {
  it('reads JSON with defaults, camelCase or kebab-case keys', () => {
    const r = parseLayers('[{"filters": "5", "kernelSize": 5}, {"kernel-size": 2, "stride": "2"}]');
    expect(r).to.deep.equal({
      ok: true,
      defs: [
        {
          filters: '5',
          kernel: undefined,
          kernelSize: 5,
          padding: 0,
          stride: 1,
          activation: 'none',
          pool: 0,
        },
        {
          filters: '1',
          kernel: undefined,
          kernelSize: 2,
          padding: 0,
          stride: 2,
          activation: 'none',
          pool: 0,
        },
      ],
    });
  });

  it('refuses what it cannot read, in words', () => {
    const error = (v: unknown) => {
      const r = parseLayers(v);
      return r.ok ? null : r.error;
    };
    expect(error('[{')).to.match(/^Layers is not valid JSON/);
    expect(error([])).to.match(/non-empty JSON array/);
    expect(error([1])).to.match(/^Layer 1 must be an object/);
    expect(error([{ size: 3 }])).to.match(/^Layer 1: unknown key "size"/);
    expect(error([{}, {}, {}, {}, {}])).to.equal('Layers: at most 4 (got 5).');
    // A value that is not a number reaches resolveLayer as NaN, which refuses it there.
    const r = parseLayers([{ padding: 'x' }]);
    expect(r.ok && Number.isNaN(r.defs[0]!.padding)).to.equal(true);
  });

  it('lists every preset name', () => {
    expect([...PRESETS]).to.include.members(['identity', 'edge', 'sobel-x', 'blur']);
  });
});
