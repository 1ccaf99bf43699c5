import { expect } from '@esm-bundle/chai';
import {
  convParams,
  denseParams,
  outputSize,
  parseSize,
  receptiveField,
  walkModel,
  type ModelSpec,
} from '../../src/engine/conv-math.js';
import { ALEXNET, CNN, FNN } from '../../src/engine/models/specs.js';

const size = (r: ReturnType<typeof outputSize>) => (r.ok ? r.size : r.error);

describe('conv-math: outputSize', () => {
  it('reproduces the lesson’s three cases', () => {
    expect(size(outputSize({ input: 320, kernel: 5 }))).to.equal(316);
    expect(size(outputSize({ input: 316, kernel: 10, padding: 2, stride: 2 }))).to.equal(156);
    expect(size(outputSize({ input: 6, kernel: 3, padding: 1, stride: 2 }))).to.equal(3);
  });

  it('follows PyTorch’s rule with dilation', () => {
    // floor((W + 2P − D(K−1) − 1)/S) + 1 = floor((10 + 0 − 4 − 1)/1) + 1 = 6
    expect(size(outputSize({ input: 10, kernel: 3, dilation: 2 }))).to.equal(6);
    expect(size(outputSize({ input: 7, kernel: 3, dilation: 3, padding: 3, stride: 2 }))).to.equal(4);
  });

  it('brute-force agrees with counting window positions', () => {
    for (let w = 1; w <= 12; w++)
      for (let k = 1; k <= 5; k++)
        for (let s = 1; s <= 3; s++)
          for (let p = 0; p <= 2; p++)
            for (let d = 1; d <= 2; d++) {
              const ext = d * (k - 1) + 1;
              let count = 0;
              for (let start = 0; start + ext <= w + 2 * p; start += s) count++;
              const r = outputSize({ input: w, kernel: k, stride: s, padding: p, dilation: d });
              if (count === 0) expect(r.ok, `w${w} k${k} s${s} p${p} d${d}`).to.equal(false);
              else expect(size(r), `w${w} k${k} s${s} p${p} d${d}`).to.equal(count);
            }
  });

  it('reports when the stride does not divide exactly', () => {
    const r = outputSize({ input: 7, kernel: 2, stride: 2 });
    expect(r.ok && r.size).to.equal(3);
    expect(r.ok && r.exact).to.equal(false);
    expect(r.ok && r.unreached).to.equal(1);
    const e = outputSize({ input: 6, kernel: 2, stride: 2 });
    expect(e.ok && e.exact).to.equal(true);
  });

  it('handles same and valid padding', () => {
    expect(size(outputSize({ input: 28, kernel: 3, padding: 'same' }))).to.equal(28);
    expect(size(outputSize({ input: 28, kernel: 3, padding: 'valid' }))).to.equal(26);
    const r = outputSize({ input: 28, kernel: 4, padding: 'same' });
    expect(r.ok && [r.padBefore, r.padAfter]).to.deep.equal([1, 2]);
    expect(size(outputSize({ input: 7, kernel: 3, padding: 'same', stride: 2 }))).to.equal(4);
  });

  it('says why a combination is invalid', () => {
    const bad = (p: Parameters<typeof outputSize>[0]) => {
      const r = outputSize(p);
      expect(r.ok).to.equal(false);
      return r.ok ? '' : r.error;
    };
    expect(bad({ input: 3, kernel: 5 })).to.match(/larger than the padded input/);
    expect(bad({ input: 5, kernel: 3, stride: 0 })).to.match(/stride of 0/i);
    expect(bad({ input: 5.5, kernel: 3 })).to.match(/whole number/);
    expect(bad({ input: 5, kernel: 3, padding: -1 })).to.match(/at least 0/);
    expect(bad({ input: NaN, kernel: 3 })).to.match(/must be a number/);
    expect(bad({ input: Infinity, kernel: 3 })).to.match(/finite/);
    expect(bad({ input: 8, kernel: 2, padding: 2, mode: 'pool' })).to.match(/half the kernel/);
    expect(bad({ input: 5, kernel: 3, padding: 'full' as never })).to.match(/"same" or "valid"/);
  });
});

describe('conv-math: parseSize', () => {
  it('parses W and HxW', () => {
    expect(parseSize('320')).to.deep.equal([320, 320]);
    expect(parseSize('28x32')).to.deep.equal([28, 32]);
    expect(parseSize(' 28 × 32 ')).to.deep.equal([28, 32]);
    expect(parseSize(7)).to.deep.equal([7, 7]);
  });
  it('rejects junk with a message', () => {
    for (const s of ['', 'abc', '3x', '1x2x3', '-4', '0', '2.5', '1e9']) {
      const r = parseSize(s);
      expect(Array.isArray(r), s).to.equal(false);
      expect((r as { error: string }).error, s).to.be.a('string').and.not.empty;
    }
  });
});

describe('conv-math: parameters, MACs and receptive field', () => {
  it('counts the lesson’s conv layers', () => {
    expect(convParams(5, 5, 3, 5)).to.deep.equal({ weights: 375, biases: 5, params: 380 });
    expect(convParams(10, 10, 5, 8)).to.deep.equal({ weights: 4000, biases: 8, params: 4008 });
    expect(denseParams(10000, 500).weights).to.equal(5_000_000);
  });

  it('computes the receptive field of a chain', () => {
    expect(receptiveField([{ kernel: 3 }, { kernel: 3 }])).to.equal(5);
    expect(
      receptiveField([{ kernel: 3 }, { kernel: 2, stride: 2 }, { kernel: 3 }, { kernel: 2, stride: 2 }]),
    ).to.equal(10);
  });
});

describe('conv-math: walkModel', () => {
  it('walks the lesson’s CNN: 28 → 26 → 13 → 11 → 5, 45,424 parameters', () => {
    const r = walkModel(CNN);
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const spatial = r.layers
      .filter((l) => l.type === 'conv2d' || l.type === 'maxpool2d')
      .map((l) => l.outputShape[1]);
    expect(spatial).to.deep.equal([26, 13, 11, 5]);
    expect(r.layers.find((l) => l.name === 'flatten')!.outputShape).to.deep.equal([250]);
    expect(r.totalParams).to.equal(45_424);
    expect(r.outputShape).to.deep.equal([10]);
    expect(r.layers[0]!.macs).to.equal(26 * 26 * 16 * 9);
  });

  it('walks the FNN: 40,480 parameters', () => {
    const r = walkModel(FNN);
    expect(r.ok && r.totalParams).to.equal(40_480);
  });

  it('walks AlexNet: 61,100,840 parameters and 224 → 55 → 27 → 27 → 13 → 13 → 6', () => {
    const r = walkModel(ALEXNET);
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.totalParams).to.equal(61_100_840);
    const sizes = r.layers.filter((l) => /conv|pool/.test(l.type)).map((l) => l.outputShape[1]);
    expect(sizes).to.deep.equal([55, 27, 27, 13, 13, 13, 13, 6, 6]);
    expect(new Set(r.layers.map((l) => l.group))).to.deep.equal(new Set(['features', 'classifier']));
  });

  it('stops at an impossible layer and says which', () => {
    const r = walkModel(CNN, [1, 6, 6]);
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.error).to.match(/^conv2:/);
    expect(r.layers.length).to.equal(3);
    const flatFirst: ModelSpec = { name: 'x', inputShape: [1, 4, 4], layers: [{ type: 'dense', units: 3 }] };
    const f = walkModel(flatFirst);
    expect(!f.ok && f.error).to.match(/flatten/);
  });
});
