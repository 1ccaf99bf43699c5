// Our WASM training kernels (src/engine/kernels/) against the cpu backend, which is the reference
// implementation of TensorFlow.js: every kernel over a grid of shapes / strides / paddings / data formats,
// no leaks (neither engine tensors nor backend buffers), and a few training steps of the lesson's CNN.
import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  registerWasmTrainingKernels,
  WASM_TRAINING_KERNEL_NAMES,
} from '../../src/engine/kernels/wasm-training.js';
import {
  setBackpropFilterFormulation,
  setBackpropFilterTapsPerPass,
} from '../../src/engine/kernels/wasm-conv-backprop.js';
import { setSimdKernelsEnabled, simdAvailable } from '../../src/engine/kernels/wasm-simd.js';
import type { BackendWasm } from '../../src/engine/kernels/wasm-util.js';
import { values } from './fixtures/values.js';

type Attrs = Record<string, unknown>;
type Shape = number[];

/** Runs one kernel on a backend with fresh input tensors; returns the output values and shape. */
async function runOn(
  backend: 'cpu' | 'wasm',
  kernel: string,
  inputs: Record<string, { shape: Shape; data: Float32Array }>,
  attrs: Attrs,
): Promise<{ shape: Shape; data: Float32Array }> {
  await tf.setBackend(backend);
  const ins: Record<string, tf.Tensor> = {};
  for (const [k, v] of Object.entries(inputs)) ins[k] = tf.tensor(v.data, v.shape);
  const out = tf.engine().runKernel(kernel, ins, attrs as never) as tf.Tensor;
  const res = { shape: out.shape, data: (await out.data()) as Float32Array };
  out.dispose();
  tf.dispose(Object.values(ins));
  return res;
}

/** max |a − b| ≤ tol · max(1, max |ref|) — relative to the output's scale, robust to near-zero entries. */
function expectClose(
  got: { shape: Shape; data: Float32Array },
  ref: { shape: Shape; data: Float32Array },
  what: string,
  tol = 1e-4,
): void {
  expect(got.shape, `${what}: shape`).to.deep.equal(ref.shape);
  let scale = 1;
  for (const v of ref.data) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  let at = -1;
  for (let i = 0; i < ref.data.length; i++) {
    const d = Math.abs(got.data[i]! - ref.data[i]!);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  }
  expect(
    worst / scale,
    `${what}: worst diff ${worst} at ${at} (got ${got.data[at]}, want ${ref.data[at]})`,
  ).to.be.at.most(tol);
}

async function compare(
  kernel: string,
  inputs: Record<string, { shape: Shape; data: Float32Array }>,
  attrs: Attrs,
  what: string,
  tol?: number,
): Promise<void> {
  const ref = await runOn('cpu', kernel, inputs, attrs);
  const got = await runOn('wasm', kernel, inputs, attrs);
  expectClose(got, ref, what, tol);
}

/** Forward output shape of a conv / pool, from TensorFlow's own shape logic. */
function convInfo(
  xShape: Shape,
  filterShape: Shape,
  strides: number | [number, number],
  pad: unknown,
  format: 'NHWC' | 'NCHW',
  dimRoundingMode?: 'floor' | 'round' | 'ceil',
) {
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides,
    1,
    pad as 'same',
    dimRoundingMode,
    false,
    format === 'NHWC' ? 'channelsLast' : 'channelsFirst',
  );
}

const PADS: unknown[] = [
  'valid',
  'same',
  [
    [0, 0],
    [1, 2],
    [0, 1],
    [0, 0],
  ], // explicit, asymmetric
  [
    [0, 0],
    [3, 0],
    [0, 4],
    [0, 0],
  ], // explicit, larger than the filter on one side (exotic paths)
];
const STRIDES: (number | [number, number])[] = [1, 2, [2, 1], 3];
const GEOMETRIES: { x: Shape; f: [number, number] }[] = [
  { x: [2, 7, 6, 3], f: [3, 3] },
  { x: [1, 8, 8, 1], f: [3, 2] },
  { x: [3, 5, 9, 4], f: [1, 1] },
  { x: [2, 6, 6, 16], f: [2, 3] },
];

/** Every (geometry, stride, pad, format) combination whose output is non-empty. */
function convCases(): {
  xShape: Shape;
  fShape: Shape;
  dyShape: Shape;
  strides: number | [number, number];
  pad: unknown;
  format: 'NHWC' | 'NCHW';
  label: string;
}[] {
  const cases = [];
  for (const g of GEOMETRIES) {
    for (const strides of STRIDES) {
      for (const pad of PADS) {
        for (const format of ['NHWC', 'NCHW'] as const) {
          const [b, h, w, c] = g.x as [number, number, number, number];
          const xShape = format === 'NHWC' ? [b, h, w, c] : [b, c, h, w];
          const co = 5;
          const fShape = [g.f[0], g.f[1], c, co];
          let info;
          try {
            info = convInfo(xShape, fShape, strides, pad, format);
          } catch {
            continue;
          }
          if (info.outHeight <= 0 || info.outWidth <= 0) continue;
          const dyShape =
            format === 'NHWC'
              ? [b, info.outHeight, info.outWidth, co]
              : [b, co, info.outHeight, info.outWidth];
          cases.push({
            xShape,
            fShape,
            dyShape,
            strides,
            pad,
            format,
            label: `x${xShape} f${fShape} s${strides} p${JSON.stringify(pad)} ${format}`,
          });
        }
      }
    }
  }
  return cases;
}

before(async () => {
  setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  registerWasmTrainingKernels();
  expect(await tf.setBackend('wasm')).to.equal(true);
});

describe('wasm training kernels: registration', () => {
  it('registers every kernel for wasm, idempotently and without touching other backends', () => {
    const before = WASM_TRAINING_KERNEL_NAMES.map((n) => tf.getKernel(n, 'wasm')?.kernelFunc);
    registerWasmTrainingKernels();
    registerWasmTrainingKernels();
    const after = WASM_TRAINING_KERNEL_NAMES.map((n) => tf.getKernel(n, 'wasm')?.kernelFunc);
    expect(after).to.deep.equal(before);
    for (const f of after) expect(f).to.be.a('function');
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')).to.not.equal(undefined);
  });
});

describe('wasm Conv2DBackpropFilter vs cpu', function () {
  this.timeout(120000);
  it('matches over shapes × strides × paddings × formats', async () => {
    let n = 0;
    for (const c of convCases()) {
      const inputs = {
        x: { shape: c.xShape, data: values(c.xShape, ++n) },
        dy: { shape: c.dyShape, data: values(c.dyShape, ++n) },
      };
      await compare(
        'Conv2DBackpropFilter',
        inputs,
        { strides: c.strides, pad: c.pad, dataFormat: c.format, filterShape: c.fShape },
        `dW ${c.label}`,
      );
    }
    expect(n).to.be.greaterThan(100);
  });

  it('both formulations (dy as filter, x as filter) agree with cpu', async () => {
    try {
      for (const mode of ['x', 'dy'] as const) {
        setBackpropFilterFormulation(mode);
        for (const [xShape, fShape] of [
          [
            [3, 9, 8, 2],
            [3, 3, 2, 4],
          ],
          [
            [2, 6, 6, 16],
            [3, 3, 16, 10],
          ],
        ] as const) {
          for (const pad of ['valid', 'same']) {
            const info = convInfo([...xShape], [...fShape], 1, pad, 'NHWC');
            const dyShape = [xShape[0], info.outHeight, info.outWidth, fShape[3]];
            const inputs = {
              x: { shape: [...xShape], data: values([...xShape], 7) },
              dy: { shape: dyShape, data: values(dyShape, 8) },
            };
            await compare(
              'Conv2DBackpropFilter',
              inputs,
              { strides: 1, pad, dataFormat: 'NHWC', filterShape: [...fShape] },
              `dW mode ${mode} x${xShape} ${pad}`,
            );
          }
        }
      }
    } finally {
      setBackpropFilterFormulation('auto');
    }
  });

  it('matches at the lesson CNN sizes', async () => {
    for (const [xShape, dyShape, fShape] of [
      [
        [16, 28, 28, 1],
        [16, 26, 26, 16],
        [3, 3, 1, 16],
      ],
      [
        [16, 13, 13, 16],
        [16, 11, 11, 10],
        [3, 3, 16, 10],
      ],
    ]) {
      const inputs = {
        x: { shape: xShape!, data: values(xShape!, 11) },
        dy: { shape: dyShape!, data: values(dyShape!, 12) },
      };
      await compare(
        'Conv2DBackpropFilter',
        inputs,
        { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: fShape },
        `dW lesson ${xShape}`,
      );
    }
  });
});

describe('wasm Conv2DBackpropInput vs cpu', function () {
  this.timeout(120000);
  it('matches over shapes × strides × paddings × formats', async () => {
    let n = 0;
    for (const c of convCases()) {
      const inputs = {
        dy: { shape: c.dyShape, data: values(c.dyShape, ++n) },
        filter: { shape: c.fShape, data: values(c.fShape, ++n) },
      };
      await compare(
        'Conv2DBackpropInput',
        inputs,
        { strides: c.strides, pad: c.pad, dataFormat: c.format, inputShape: c.xShape },
        `dx ${c.label}`,
      );
    }
    expect(n).to.be.greaterThan(100);
  });

  it('matches with dimRoundingMode and numeric padding', async () => {
    for (const dimRoundingMode of ['floor', 'round', 'ceil'] as const) {
      const xShape = [2, 9, 8, 3];
      const fShape = [3, 3, 3, 4];
      const info = convInfo(xShape, fShape, 2, 1, 'NHWC', dimRoundingMode);
      const dyShape = [2, info.outHeight, info.outWidth, 4];
      const inputs = {
        dy: { shape: dyShape, data: values(dyShape, 3) },
        filter: { shape: fShape, data: values(fShape, 4) },
      };
      await compare(
        'Conv2DBackpropInput',
        inputs,
        { strides: 2, pad: 1, dataFormat: 'NHWC', dimRoundingMode, inputShape: xShape },
        `dx rounding ${dimRoundingMode}`,
      );
      const inputsF = {
        x: { shape: xShape, data: values(xShape, 5) },
        dy: { shape: dyShape, data: values(dyShape, 6) },
      };
      await compare(
        'Conv2DBackpropFilter',
        inputsF,
        { strides: 2, pad: 1, dataFormat: 'NHWC', dimRoundingMode, filterShape: fShape },
        `dW rounding ${dimRoundingMode}`,
      );
    }
  });
});

describe('wasm MaxPoolGrad vs cpu', function () {
  this.timeout(120000);
  it('matches over window sizes × strides × paddings, with many ties', async () => {
    let n = 0;
    for (const xShape of [
      [2, 8, 8, 3],
      [1, 7, 9, 16],
      [3, 26, 26, 4],
    ]) {
      for (const filterSize of [2, 3, [2, 3]] as (number | [number, number])[]) {
        for (const strides of [1, 2, 3, [2, 1]] as (number | [number, number])[]) {
          for (const pad of ['valid', 'same', 1] as const) {
            // Quantised to 4 levels and ReLU-like (a third are exactly 0): many tied maxima.
            const x = values(xShape, ++n, 4).map((v) => Math.max(0, v - 0.25));
            await tf.setBackend('cpu');
            const y = tf.maxPool(
              tf.tensor4d(x, xShape as [number, number, number, number]),
              filterSize,
              strides,
              pad,
              pad === 1 ? 'floor' : undefined,
            );
            const yShape = y.shape;
            const yData = (await y.data()) as Float32Array;
            y.dispose();
            const inputs = {
              dy: { shape: yShape, data: values(yShape, ++n) },
              input: { shape: xShape, data: x },
              output: { shape: yShape, data: yData },
            };
            const attrs: Attrs = { filterSize, strides, pad };
            if (pad === 1) attrs['dimRoundingMode'] = 'floor';
            await compare(
              'MaxPoolGrad',
              inputs,
              attrs,
              `maxPoolGrad x${xShape} k${filterSize} s${strides} p${pad}`,
            );
          }
        }
      }
    }
  });
});

describe('wasm SIMD kernels (wasm-simd.ts)', function () {
  this.timeout(120000);

  it('are available in this browser (so the fast paths below are really exercised)', async () => {
    await tf.setBackend('wasm');
    expect(simdAvailable(tf.backend() as unknown as BackendWasm)).to.equal(true);
  });

  /** Runs the same MaxPoolGrad on cpu, on wasm with SIMD and on wasm without; all three must agree exactly. */
  async function maxPoolGradAllWays(
    xShape: Shape,
    x: Float32Array,
    dyData: (n: number) => Float32Array,
    attrs: Attrs,
    what: string,
  ) {
    await tf.setBackend('cpu');
    const y = tf.maxPool(
      tf.tensor4d(x, xShape as [number, number, number, number]),
      attrs['filterSize'] as number,
      attrs['strides'] as number,
      attrs['pad'] as 'valid',
    );
    const yShape = y.shape;
    const yData = (await y.data()) as Float32Array;
    y.dispose();
    const inputs = {
      dy: { shape: yShape, data: dyData(yData.length) },
      input: { shape: xShape, data: x },
      output: { shape: yShape, data: yData },
    };
    const ref = await runOn('cpu', 'MaxPoolGrad', inputs, attrs);
    const simd = await runOn('wasm', 'MaxPoolGrad', inputs, attrs);
    setSimdKernelsEnabled(false);
    let js;
    try {
      js = await runOn('wasm', 'MaxPoolGrad', inputs, attrs);
    } finally {
      setSimdKernelsEnabled(true);
    }
    expect(simd.shape, what).to.deep.equal(ref.shape);
    // Bit-exact (as numbers: −0 and +0 compare equal, NaN must be NaN at the same places).
    const same = (a: Float32Array, b: Float32Array) =>
      a.every((v, i) => v === b[i] || (Number.isNaN(v) && Number.isNaN(b[i]!)));
    expect(same(simd.data, ref.data), `${what}: simd vs cpu`).to.equal(true);
    expect(same(js.data, ref.data), `${what}: js vs cpu`).to.equal(true);
  }

  it('MaxPoolGrad 2×2/2: bit-exact with cpu, ties / NaN / ±Infinity / −0, any C ≥ 4, odd sizes', async () => {
    let n = 100;
    for (const xShape of [
      [2, 6, 6, 4],
      [3, 26, 26, 16],
      [2, 11, 11, 10],
      [1, 7, 9, 5],
      [2, 5, 4, 17],
      [1, 3, 3, 8],
    ]) {
      for (const pad of ['valid', 'same'] as const) {
        // Mostly ReLU-like ties; then sprinkle special values.
        const x = values(xShape, ++n, 3).map((v) => Math.max(0, v - 0.34));
        const specials = [NaN, -Infinity, Infinity, -0, -1];
        for (let i = 0; i < x.length; i += 7) x[i] = specials[(i / 7) % specials.length]!;
        // Whole windows of −∞ / NaN (no winner at all): the first window of channel 0.
        if (xShape[1]! >= 2 && xShape[2]! >= 2) {
          const C = xShape[3]!;
          x[0] = -Infinity;
          x[C] = NaN;
          x[xShape[2]! * C] = -Infinity;
          x[(xShape[2]! + 1) * C] = NaN;
        }
        const dy = (len: number) => {
          const d = values([len], ++n);
          d[1] = Infinity;
          d[2] = NaN;
          d[3] = -0;
          return d;
        };
        await maxPoolGradAllWays(xShape, x, dy, { filterSize: 2, strides: 2, pad }, `mpg x${xShape} ${pad}`);
      }
    }
  });

  it('Conv2DBackpropFilter with one input channel: matches cpu (any CO ≥ 4, strides, filter sizes, taps per pass)', async () => {
    let n = 200;
    try {
      for (const taps of [0, 1, 2, 5]) {
        setBackpropFilterTapsPerPass(taps);
        for (const [xShape, fShape, strides] of [
          [[2, 9, 8, 1], [3, 3, 1, 4], 1],
          [
            [3, 10, 7, 1],
            [3, 2, 1, 5],
            [2, 1],
          ],
          [[2, 12, 12, 1], [5, 5, 1, 16], 1],
          [[1, 9, 9, 1], [1, 4, 1, 17], 3],
          [[4, 28, 28, 1], [3, 3, 1, 16], 1],
        ] as [Shape, Shape, number | [number, number]][]) {
          const info = convInfo(xShape, fShape, strides, 'valid', 'NHWC');
          const dyShape = [xShape[0]!, info.outHeight, info.outWidth, fShape[3]!];
          const inputs = {
            x: { shape: xShape, data: values(xShape, ++n) },
            dy: { shape: dyShape, data: values(dyShape, ++n) },
          };
          await compare(
            'Conv2DBackpropFilter',
            inputs,
            { strides, pad: 'valid', dataFormat: 'NHWC', filterShape: fShape },
            `dW simd taps ${taps} x${xShape} f${fShape} s${strides}`,
            1e-5,
          );
        }
      }
    } finally {
      setBackpropFilterTapsPerPass(0);
    }
  });

  it('Sum over leading axes (bias gradients): column sums match cpu to 1e-5, inner widths 4…32 and around', async () => {
    let n = 300;
    for (const xShape of [
      [64, 4],
      [65, 5],
      [10, 11, 10],
      [3, 40, 16],
      [2, 50, 17],
      [130, 32],
      [130, 33],
      [64, 26, 26, 16],
      [64, 11, 11, 10],
    ]) {
      for (const keepDims of [false, true]) {
        const axis = xShape.length === 4 ? [0, 1, 2] : xShape.length === 3 ? [0, 1] : 0;
        const inputs = { x: { shape: xShape, data: values(xShape, ++n) } };
        await compare('Sum', inputs, { axis, keepDims }, `simd sum x${xShape} keepDims ${keepDims}`, 1e-5);
      }
    }
  });

  it('Conv2DBackpropFilter at the lesson conv1 size: 1e-5 of cpu with 64 images', async () => {
    const xShape = [64, 28, 28, 1];
    const dyShape = [64, 26, 26, 16];
    // ReLU-like positive x and signed dy, as in training.
    const inputs = {
      x: { shape: xShape, data: values(xShape, 31).map((v) => Math.max(0, v)) },
      dy: { shape: dyShape, data: values(dyShape, 32) },
    };
    await compare(
      'Conv2DBackpropFilter',
      inputs,
      { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 1, 16] },
      'dW conv1 B=64',
      1e-5,
    );
  });
});

describe('wasm Identity / Cast: zero-copy', () => {
  it('shares the buffer for identity and same-dtype casts, copies real conversions, and frees at the last dispose', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory();
    const x = tf.tensor2d([1.5, -2.25, 3, 0], [2, 2]);
    const id = tf.engine().runKernel('Identity', { x }, {}) as tf.Tensor;
    const same = tf.cast(x, 'float32');
    const toInt = tf.cast(x, 'int32');
    const b = tf.tensor1d([0, 2, -1], 'int32');
    const toBool = tf.cast(b, 'bool');
    // x, id and same share one buffer; toInt, b and toBool have their own (6 if nothing were shared).
    expect(tf.memory().numDataBuffers - before.numDataBuffers, 'buffers').to.equal(4);
    expect(Array.from(await id.data())).to.deep.equal([1.5, -2.25, 3, 0]);
    expect(Array.from(await same.data())).to.deep.equal([1.5, -2.25, 3, 0]);
    expect(same.dtype).to.equal('float32');
    expect(Array.from(await toInt.data())).to.deep.equal([1, -2, 3, 0]);
    expect(Array.from(await toBool.data())).to.deep.equal([0, 1, 1]);
    x.dispose();
    // The shared buffer outlives x while id/same use it.
    expect(Array.from(await id.data())).to.deep.equal([1.5, -2.25, 3, 0]);
    same.dispose();
    expect(Array.from(await id.data())).to.deep.equal([1.5, -2.25, 3, 0]);
    tf.dispose([id, toInt, b, toBool]);
    const after = tf.memory();
    expect(after.numTensors).to.equal(before.numTensors);
    expect(after.numDataBuffers).to.equal(before.numDataBuffers);
    expect(after.numBytes).to.equal(before.numBytes);
  });
});

describe('wasm BatchMatMul and Sum wrappers vs cpu', () => {
  it('BatchMatMul: every transpose combination, with batch broadcasting', async () => {
    let n = 0;
    for (const [aShape, bShape] of [
      [
        [1, 5, 7],
        [1, 7, 3],
      ],
      [
        [3, 4, 6],
        [3, 6, 2],
      ],
      [
        [1, 4, 6],
        [3, 6, 5],
      ],
      [
        [1, 64, 250],
        [1, 250, 128],
      ],
    ]) {
      for (const transposeA of [false, true]) {
        for (const transposeB of [false, true]) {
          const a = transposeA ? [aShape![0]!, aShape![2]!, aShape![1]!] : aShape!;
          const b = transposeB ? [bShape![0]!, bShape![2]!, bShape![1]!] : bShape!;
          const inputs = { a: { shape: a, data: values(a, ++n) }, b: { shape: b, data: values(b, ++n) } };
          await compare(
            'BatchMatMul',
            inputs,
            { transposeA, transposeB },
            `matmul ${a} ${b} tA=${transposeA} tB=${transposeB}`,
          );
        }
      }
    }
  });

  it('Sum: leading-axis fast path and the stock fallback', async () => {
    const xShape = [4, 5, 6, 3];
    for (const axis of [0, [0, 1], [0, 1, 2], [1, 0], 1, [1, 2], [0, 3], -1]) {
      for (const keepDims of [false, true]) {
        const inputs = { x: { shape: xShape, data: values(xShape, 9) } };
        await compare(
          'Sum',
          inputs,
          { axis, keepDims },
          `sum axis ${JSON.stringify(axis)} keepDims ${keepDims}`,
        );
      }
    }
    // int32 goes to the stock kernel.
    await tf.setBackend('wasm');
    const s = tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0);
    expect(s.dtype).to.equal('int32');
    expect(Array.from(await s.data())).to.deep.equal([4, 6]);
    s.dispose();
  });
});

describe('wasm training kernels: no leaks', () => {
  it('leaves no engine tensor and no backend buffer behind', async () => {
    await tf.setBackend('wasm');
    const calls: [string, Record<string, tf.Tensor>, Attrs][] = [];
    const x = tf.tensor4d(values([2, 9, 9, 3], 1), [2, 9, 9, 3]);
    const w = tf.tensor4d(values([3, 3, 3, 4], 2), [3, 3, 3, 4]);
    const dy = tf.tensor4d(values([2, 4, 4, 4], 3), [2, 4, 4, 4]);
    const dy1 = tf.tensor4d(values([2, 7, 7, 4], 3), [2, 7, 7, 4]);
    const xNchw = tf.tensor4d(values([2, 3, 9, 9], 1), [2, 3, 9, 9]);
    const dyNchw = tf.tensor4d(values([2, 4, 4, 4], 3), [2, 4, 4, 4]);
    const p = tf.maxPool(x, 2, 2, 'valid');
    const pdy = tf.onesLike(p);
    const a = tf.tensor3d(values([1, 5, 4], 4), [1, 5, 4]);
    const b = tf.tensor3d(values([1, 6, 5], 5), [1, 6, 5]);
    const x4 = tf.tensor4d(values([2, 9, 9, 8], 6), [2, 9, 9, 8]);
    const p4 = tf.maxPool(x4, 2, 2, 'valid');
    const pdy4 = tf.onesLike(p4);
    const x1 = tf.tensor4d(values([2, 9, 9, 1], 7), [2, 9, 9, 1]);
    const dyC1 = tf.tensor4d(values([2, 7, 7, 8], 8), [2, 7, 7, 8]);
    calls.push([
      'Conv2DBackpropFilter',
      { x, dy },
      { strides: 2, pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 3, 4] },
    ]);
    calls.push([
      'Conv2DBackpropFilter',
      { x, dy: dy1 },
      { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 3, 4] },
    ]);
    calls.push([
      'Conv2DBackpropFilter',
      { x: xNchw, dy: dyNchw },
      { strides: 2, pad: 'valid', dataFormat: 'NCHW', filterShape: [3, 3, 3, 4] },
    ]);
    calls.push([
      'Conv2DBackpropFilter',
      { x, dy },
      {
        strides: 2,
        pad: [
          [0, 0],
          [3, 0],
          [0, 4],
          [0, 0],
        ],
        dataFormat: 'NHWC',
        filterShape: [3, 3, 3, 4],
      },
    ]);
    calls.push([
      'Conv2DBackpropInput',
      { dy, filter: w },
      { strides: 2, pad: 'valid', dataFormat: 'NHWC', inputShape: [2, 9, 9, 3] },
    ]);
    calls.push([
      'Conv2DBackpropInput',
      { dy: dy1, filter: w },
      { strides: 1, pad: 'valid', dataFormat: 'NHWC', inputShape: [2, 9, 9, 3] },
    ]);
    calls.push([
      'Conv2DBackpropInput',
      { dy: dyNchw, filter: w },
      { strides: 2, pad: 'valid', dataFormat: 'NCHW', inputShape: [2, 3, 9, 9] },
    ]);
    calls.push([
      'MaxPoolGrad',
      { dy: pdy, input: x, output: p },
      { filterSize: 2, strides: 2, pad: 'valid' },
    ]);
    calls.push([
      'MaxPoolGrad',
      { dy: pdy4, input: x4, output: p4 },
      { filterSize: 2, strides: 2, pad: 'valid' },
    ]);
    calls.push([
      'Conv2DBackpropFilter',
      { x: x1, dy: dyC1 },
      { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 1, 8] },
    ]);
    calls.push(['Identity', { x }, {}]);
    calls.push(['Cast', { x }, { dtype: 'float32' }]);
    calls.push(['Sum', { x: x4 }, { axis: [0, 1, 2], keepDims: true }]);
    calls.push(['Cast', { x }, { dtype: 'int32' }]);
    calls.push(['BatchMatMul', { a, b }, { transposeA: true, transposeB: true }]);
    calls.push(['Sum', { x }, { axis: [0, 1, 2], keepDims: false }]);
    for (const [name, inputs, attrs] of calls) {
      const before = tf.memory();
      const out = tf.engine().runKernel(name, inputs, attrs as never) as tf.Tensor;
      await out.data();
      const during = tf.memory();
      expect(during.numTensors - before.numTensors, `${name}: tensors`).to.equal(1);
      out.dispose();
      const after = tf.memory();
      expect(after.numTensors, `${name}: tensors after`).to.equal(before.numTensors);
      expect(after.numDataBuffers, `${name}: backend buffers after`).to.equal(before.numDataBuffers);
      expect(after.numBytes, `${name}: bytes after`).to.equal(before.numBytes);
    }
    tf.dispose([x, w, dy, dy1, xNchw, dyNchw, p, pdy, a, b, x4, p4, pdy4, x1, dyC1]);
  });
});

describe('lesson CNN: training on wasm matches cpu', function () {
  this.timeout(120000);

  function buildCnn(): tfl.Sequential {
    const m = tfl.sequential();
    m.add(tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu' }));
    m.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tfl.layers.conv2d({ filters: 10, kernelSize: 3, activation: 'relu' }));
    m.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tfl.layers.flatten());
    m.add(tfl.layers.dense({ units: 128, activation: 'relu' }));
    m.add(tfl.layers.dense({ units: 84, activation: 'relu' }));
    m.add(tfl.layers.dense({ units: 10, activation: 'softmax' }));
    return m;
  }

  async function train(backend: 'cpu' | 'wasm', weights: Float32Array[] | null, optimizer: 'sgd' | 'adam') {
    await tf.setBackend(backend);
    const model = buildCnn();
    if (weights) model.setWeights(weights.map((w, i) => tf.tensor(w, model.getWeights()[i]!.shape)));
    const initial = await Promise.all(model.getWeights().map(async (w) => (await w.data()) as Float32Array));
    model.compile({
      optimizer: optimizer === 'sgd' ? tf.train.sgd(0.05) : tf.train.adam(0.01),
      loss: 'categoricalCrossentropy',
    });
    const B = 16;
    const xs = tf.tensor4d(
      values([B, 28, 28, 1], 42).map((v) => (v + 1) / 2),
      [B, 28, 28, 1],
    );
    const labels = Array.from({ length: B }, (_, i) => (i * 7) % 10);
    const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
    const losses: number[] = [];
    const n0 = tf.memory().numTensors;
    for (let i = 0; i < 4; i++) losses.push((await model.trainOnBatch(xs, ys)) as number);
    const leaked = tf.memory().numTensors - n0;
    const final = await Promise.all(model.getWeights().map(async (w) => (await w.data()) as Float32Array));
    tf.dispose([xs, ys]);
    model.dispose();
    return { initial, final, losses, leaked };
  }

  it('SGD: same losses and same weights after 4 steps', async () => {
    const cpu = await train('cpu', null, 'sgd');
    const wasm = await train('wasm', cpu.initial, 'sgd');
    for (let i = 0; i < cpu.losses.length; i++)
      expect(wasm.losses[i]).to.be.closeTo(cpu.losses[i]!, 1e-4 * Math.max(1, cpu.losses[i]!));
    cpu.final.forEach((ref, i) =>
      expectClose(
        { shape: [ref.length], data: wasm.final[i]! },
        { shape: [ref.length], data: ref },
        `weight ${i}`,
        1e-4,
      ),
    );
    // Weights did change (the gradients flowed through every layer, conv1 included).
    cpu.final.forEach((ref, i) =>
      expect(
        ref.some((v, j) => v !== cpu.initial[i]![j]),
        `weight ${i} trained`,
      ).to.equal(true),
    );
    expect(wasm.leaked).to.equal(cpu.leaked);
  });

  it('Adam: same losses over 4 steps', async () => {
    const cpu = await train('cpu', null, 'adam');
    const wasm = await train('wasm', cpu.initial, 'adam');
    for (let i = 0; i < cpu.losses.length; i++)
      expect(wasm.losses[i]).to.be.closeTo(cpu.losses[i]!, 1e-3 * Math.max(1, cpu.losses[i]!));
  });
});

describe('FusedAdamOptimizer', function () {
  this.timeout(60000);
  for (const backend of ['wasm', 'cpu'])
    it(`follows tf.train.adam step for step (${backend}), without leaking`, async () => {
      await tf.setBackend(backend);
      const { FusedAdamOptimizer } = await import('../../src/engine/optimizers/fused-adam.js');
      const init = values([3, 3, 2, 4], 5);
      const target = tf.tensor4d(values([3, 3, 2, 4], 6), [3, 3, 2, 4]);
      const counts: number[] = [];
      const run = (opt: tf.Optimizer): Float32Array => {
        const w0 = tf.tensor4d(init, [3, 3, 2, 4]);
        const w = tf.variable(w0, true, `w_${Math.random()}`);
        w0.dispose();
        counts.length = 0;
        for (let i = 0; i < 5; i++) {
          // Inside a tidy, as training/core.ts steps: the optimizer's state must outlive it.
          tf.tidy(() => {
            opt.minimize(() => tf.sum(tf.square(tf.sub(tf.mul(w, w), target))) as tf.Scalar, false, [w]);
          });
          counts.push(tf.memory().numTensors);
        }
        const out = w.dataSync() as Float32Array;
        w.dispose();
        return out.slice();
      };
      const ref = run(tf.train.adam(0.05));
      const n0 = tf.memory().numTensors;
      const bytes0 = tf.memory().numBytes;
      const fused = new FusedAdamOptimizer(0.05);
      const got = run(fused);
      // The same number of tensors after every step (the moments are replaced, not added), none after dispose.
      expect(new Set(counts).size, `tensors after each step: ${counts.join(', ')}`).to.equal(1);
      fused.dispose();
      expect(tf.memory().numTensors).to.equal(n0);
      expect(tf.memory().numBytes).to.equal(bytes0);
      target.dispose();
      expectClose({ shape: [got.length], data: got }, { shape: [ref.length], data: ref }, 'fused adam', 1e-5);
      expect(got.some((v, i) => v !== init[i])).to.equal(true);
    });

  it('the wasm update kernel: float32 operations in tfjs order, the SIMD part and the tail, any size', async () => {
    await tf.setBackend('wasm');
    const { ADAM_UPDATE, adamUpdateJs } = await import('../../src/engine/kernels/adam-update.js');
    expect(tf.getKernel(ADAM_UPDATE, 'wasm'), 'registered').to.not.equal(undefined);
    const attrs = { lr: 0.003, beta1: 0.9, beta2: 0.999, c1: 1 - 0.9 ** 7, c2: 1 - 0.999 ** 7, eps: 1e-7 };
    for (const n of [1, 3, 4, 5, 10, 144, 1443]) {
      const [theta, g, m] = [values([n], n), values([n], n + 1), values([n], n + 2)];
      const v = values([n], n + 3).map((x) => x * x); // a second moment is never negative
      const want = [new Float32Array(n), new Float32Array(n), new Float32Array(n)] as const;
      adamUpdateJs(attrs, theta, g, m, v, ...want);
      for (const simd of [true, false]) {
        setSimdKernelsEnabled(simd);
        try {
          const ins = [theta, g, m, v].map((x) => tf.tensor1d(x));
          const outs = tf
            .engine()
            .runKernel(
              ADAM_UPDATE,
              { theta: ins[0]!, g: ins[1]!, m: ins[2]!, v: ins[3]! },
              attrs as never,
            ) as tf.Tensor[];
          const got = outs.map((t) => t.dataSync());
          ['θ', 'm', 'v'].forEach((what, i) =>
            expect(Array.from(got[i]!), `${what}, n = ${n}, simd ${simd}`).to.deep.equal(
              Array.from(want[i]!),
            ),
          );
          // Inputs untouched (θ' is a new tensor: the XNNPACK caches key packed weights by the tensor's id).
          expect(Array.from(ins[0]!.dataSync())).to.deep.equal(Array.from(theta));
          expect(Array.from(ins[2]!.dataSync())).to.deep.equal(Array.from(m));
          expect(
            got[0]!.some((x, i) => x !== theta[i]),
            'θ moved',
          ).to.equal(true);
          tf.dispose([...ins, ...outs]);
        } finally {
          setSimdKernelsEnabled(true);
        }
      }
    }
  });

  it('getWeights/setWeights: same format as tf.train.adam, and a restored optimizer continues identically', async () => {
    await tf.setBackend('wasm');
    const { FusedAdamOptimizer } = await import('../../src/engine/optimizers/fused-adam.js');
    const init = values([2, 3], 9);
    const target = tf.tensor2d(values([2, 3], 10), [2, 3]);
    const name = `wsave_${Math.random()}`;
    const w = tf.variable(tf.tensor2d(init, [2, 3]), true, name);
    const step = (opt: tf.Optimizer) =>
      opt.minimize(() => tf.sum(tf.square(tf.sub(tf.mul(w, w), target))) as tf.Scalar, false, [w]);
    const n0 = tf.memory().numTensors;
    const stock = tf.train.adam(0.05);
    const a = new FusedAdamOptimizer(0.05);
    for (let i = 0; i < 3; i++) step(a);
    const saved = await a.getWeights();
    expect(saved.map((e) => e.name)).to.deep.equal(['iter', `${name}/m`, `${name}/v`]);
    expect(Array.from(await saved[0]!.tensor.data())).to.deep.equal([3]);
    // Restoring into tf.train.adam (its own format) and into a fresh FusedAdamOptimizer: both continue alike.
    const wAfter3 = w.dataSync().slice();
    const b = new FusedAdamOptimizer(0.05);
    await b.setWeights(saved);
    const clones = saved.map((e) => ({ name: e.name, tensor: e.tensor.clone() }));
    await stock.setWeights(clones);
    tf.dispose(clones.map((e) => e.tensor));
    step(a);
    step(a);
    const viaA = w.dataSync().slice();
    tf.tidy(() => w.assign(tf.tensor2d(wAfter3, [2, 3])));
    step(b);
    step(b);
    const viaB = w.dataSync().slice();
    tf.tidy(() => w.assign(tf.tensor2d(wAfter3, [2, 3])));
    step(stock);
    step(stock);
    const viaStock = w.dataSync().slice();
    expect(Array.from(viaB)).to.deep.equal(Array.from(viaA));
    expectClose(
      { shape: [6], data: viaStock as Float32Array },
      { shape: [6], data: viaA as Float32Array },
      'stock vs fused after restore',
      1e-5,
    );
    expect(Array.from(viaA).some((v, i) => v !== wAfter3[i])).to.equal(true);
    // State in another layout is refused with a message, and leaves the optimizer as it was.
    let error: unknown = null;
    try {
      await b.setWeights([saved[0]!, saved[1]!]);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/FusedAdamOptimizer\.setWeights: expected <name>\/m for every variable/);
    expect(b.iterations).to.equal(5);
    a.dispose();
    b.dispose();
    stock.dispose();
    expect(tf.memory().numTensors).to.equal(n0);
    tf.dispose([w, target]);
  });
});
