// The fused conv → bias → ReLU → max-pool 2×2/2 kernel of the WASM backend (kernels/wasm-conv-relu-pool.ts)
// against the cpu backend running the same block op by op: the pooled output and all three gradients, on the
// SIMD paths and the plain ones, with ties; no leaks; and the lesson's cnn built by models/build.ts training
// to the same weights on both backends.
import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../../src/engine/kernels/wasm-training.js';
import {
  Fn,
  I32,
  instantiate,
  setSimdKernelsEnabled,
  simdAvailable,
} from '../../src/engine/kernels/wasm-asm.js';
import { CONV_RELU_POOL, convReluPool, convReluPoolFits } from '../../src/engine/kernels/conv-relu-pool.js';
import { buildModel } from '../../src/engine/models/build.js';
import { registerTrainingGradients } from '../../src/engine/gradients.js';
import { CNN } from '../../src/engine/models/specs.js';
import type { BackendWasm } from '../../src/engine/kernels/wasm-util.js';
import { mulberry32 } from '../../src/engine/random.js';

type Shape = number[];

/**
 * Deterministic values on a coarse grid (multiples of 1/8 in [−1, 1), or small integers): every sum of a few
 * hundred products of them is exact in float32, whatever the order, so ties between window positions are the
 * same ties on both backends and the winners agree exactly.
 */
function grid(shape: Shape, seed: number, scale = 1 / 8, levels = 16): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from(
    { length: shape.reduce((a, b) => a * b, 1) },
    () => (Math.floor(r() * levels) - levels / 2) * scale,
  );
}

interface Case {
  x: Shape;
  k: [number, number];
  co: number;
}
const CASES: Case[] = [
  { x: [3, 28, 28, 1], k: [3, 3], co: 16 }, // the lesson's conv1 (CI = 1: dW straight from the winners)
  { x: [19, 9, 11, 1], k: [3, 3], co: 6 }, // CI = 1 over 3 chunks of images, odd rows and columns, groups overlap
  { x: [2, 12, 12, 1], k: [5, 5], co: 4 }, // CI = 1 with more taps than registers: the dense gradient path
  { x: [2, 13, 13, 16], k: [3, 3], co: 10 }, // conv2: odd conv output (11), sparse paths, CO not a multiple of 4
  { x: [2, 7, 8, 3], k: [3, 3], co: 5 }, // odd rows, even columns, CI = 3 (dense path)
  { x: [1, 6, 6, 8], k: [2, 2], co: 4 },
  { x: [2, 9, 7, 4], k: [5, 3], co: 6 },
  { x: [1, 6, 6, 4], k: [1, 1], co: 36 }, // more channel groups than the SIMD forward unrolls: plain forward
];

/** The block op by op, as the cpu backend (TensorFlow.js' reference) runs it. */
const composed = (x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D) =>
  tf.maxPool(tf.relu(tf.add(tf.conv2d(x, w, 1, 'valid'), b)) as tf.Tensor4D, 2, 2, 'valid');

async function run(backend: 'cpu' | 'wasm', c: Case, seed: number) {
  await tf.setBackend(backend);
  const ci = c.x[3]!;
  const x = tf.tensor4d(grid(c.x, seed, 1, 8), c.x as [number, number, number, number]);
  const w = tf.tensor4d(grid([...c.k, ci, c.co], seed + 1), [...c.k, ci, c.co]);
  const b = tf.tensor1d(grid([c.co], seed + 2));
  const before = tf.memory();
  const block = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
    backend === 'wasm'
      ? convReluPool(xx, ww, bb)!
      : composed(xx as tf.Tensor4D, ww as tf.Tensor4D, bb as tf.Tensor1D);
  const y = tf.tidy(() => block(x, w, b));
  // A weighting of the pooled outputs, so each gets its own upstream gradient.
  const r = tf.tensor(grid(y.shape, seed + 3, 1 / 4), y.shape);
  const grads = tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
    tf.sum(tf.mul(block(xx, ww, bb), r)),
  )([x, w, b]);
  const out = {
    y: { shape: y.shape, data: (await y.data()) as Float32Array },
    grads: await Promise.all(
      grads.map(async (g) => ({ shape: g.shape, data: (await g.data()) as Float32Array })),
    ),
  };
  tf.dispose([y, r, ...grads]);
  const after = tf.memory();
  tf.dispose([x, w, b]);
  return {
    ...out,
    leaked: after.numTensors - before.numTensors,
    leakedBuffers: after.numDataBuffers - before.numDataBuffers,
  };
}

function expectSame(
  got: { shape: Shape; data: Float32Array },
  want: { shape: Shape; data: Float32Array },
  what: string,
) {
  expect(got.shape, `${what}: shape`).to.deep.equal(want.shape);
  for (let i = 0; i < want.data.length; i++) {
    if (got.data[i] !== want.data[i])
      expect.fail(`${what}: element ${i} is ${got.data[i]}, want ${want.data[i]}`);
  }
}

before(async () => {
  setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  registerWasmTrainingKernels();
  registerTrainingGradients();
  expect(await tf.setBackend('wasm')).to.equal(true);
});

describe('the assembler (wasm-asm.ts)', () => {
  it('a loop of no passes skips itself only: the code after it still runs', async () => {
    await tf.setBackend('wasm');
    const backend = tf.backend() as unknown as BackendWasm;
    // f(out, n): for (i = 0; i < n; i++) out[0] += 1;  out[1] = 7
    const f = instantiate(backend, `test-loop:${Math.random()}`, () => {
      const fn = new Fn(2);
      const i = fn.local(I32);
      fn.i32(0).set(i);
      fn.loopTo(i, 1, () => {
        fn.get(0).get(0).iload(0).i32(1).add().op(0x36, 2, 0); // i32.store
      });
      fn.get(0).i32(7).op(0x36, 2, 4);
      return { nParams: 2, fn };
    });
    for (const n of [0, 3]) {
      const out = tf.engine().makeTensor(new Int32Array(2), [2], 'int32') as tf.Tensor;
      const info = (
        backend as unknown as { dataIdMap: { get(id: object): { memoryOffset: number } } }
      ).dataIdMap.get(out.dataId);
      f(info.memoryOffset, n);
      expect(Array.from(out.dataSync()), `n = ${n}`).to.deep.equal([n, 7]);
      out.dispose();
    }
  });
});

describe('fused conv → ReLU → max-pool on wasm', function () {
  this.timeout(120000);

  it('runs its SIMD paths in this browser (so the tests below exercise them)', () => {
    expect(simdAvailable(tf.backend() as unknown as BackendWasm)).to.equal(true);
    expect(tf.getKernel(CONV_RELU_POOL, 'wasm')).to.not.equal(undefined);
    expect(tf.getKernel(CONV_RELU_POOL, 'cpu')).to.equal(undefined);
  });

  it('fits only stride-1 unpadded blocks with ≥ 4 channels and a pooled row and column', () => {
    expect(convReluPoolFits([1, 28, 28, 1], [3, 3, 1, 16])).to.equal(true);
    expect(convReluPoolFits([1, 28, 28, 1], [3, 3, 1, 3])).to.equal(false); // < 4 output channels
    expect(convReluPoolFits([1, 3, 9, 1], [3, 3, 1, 4])).to.equal(false); // one conv row: nothing to pool
    expect(convReluPoolFits([1, 9, 9, 2], [3, 3, 1, 4])).to.equal(false); // channel mismatch
    expect(convReluPoolFits([9, 9, 2], [3, 3, 2, 4])).to.equal(false);
  });

  for (const simd of [true, false]) {
    for (const c of CASES) {
      it(`${simd ? 'SIMD' : 'plain'}: x ${c.x.join('×')}, ${c.k.join('×')} → ${c.co}: output and gradients equal cpu's, no leaks`, async () => {
        setSimdKernelsEnabled(simd);
        try {
          const want = await run('cpu', c, 7);
          const got = await run('wasm', c, 7);
          expectSame(got.y, want.y, 'pooled');
          ['dx', 'dw', 'db'].forEach((name, i) => expectSame(got.grads[i]!, want.grads[i]!, name));
          expect(got.leaked, 'tensors left').to.equal(0);
          expect(got.leakedBuffers, 'backend buffers left').to.equal(0);
        } finally {
          setSimdKernelsEnabled(true);
        }
      });
    }
  }

  it('with real-valued inputs: within float32 rounding of cpu', async () => {
    const c = { x: [4, 13, 13, 16] as [number, number, number, number] };
    await tf.setBackend('cpu');
    const x = tf.randomNormal(c.x, 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([3, 3, 16, 10], 0, 0.3, 'float32', 2) as tf.Tensor4D;
    const b = tf.randomNormal([10], 0, 0.1, 'float32', 3) as tf.Tensor1D;
    const data = await Promise.all([x, w, b].map((t) => t.data()));
    const want = await composed(x, w, b).data();
    await tf.setBackend('wasm');
    const [xw, ww, bw] = [x, w, b].map((t, i) => tf.tensor(data[i]!, t.shape));
    const y = convReluPool(xw!, ww!, bw!)!;
    const got = await y.data();
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
    expect(worst).to.be.below(1e-5);
    tf.dispose([y, xw!, ww!, bw!]);
    await tf.setBackend('cpu');
    tf.dispose([x, w, b]);
    await tf.setBackend('wasm');
  });
});

describe('the lesson cnn (models/build.ts) on wasm, through the fused blocks', function () {
  this.timeout(120000);

  it('a training step makes no tensor in JavaScript for the winners (no zero gradient for them)', async () => {
    await tf.setBackend('wasm');
    const model = buildModel(null, CNN, { seed: 3 });
    const B = 8;
    const xs = tf.tensor4d(grid([B, 28, 28, 1], 5, 1 / 16), [B, 28, 28, 1]);
    const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
    const opt = tf.train.sgd(0.1);
    // Every tensor made from JavaScript values during the step (the engine's zeros for an unused output's
    // gradient are such tensors), by shape and dtype.
    const engine = tf.engine() as unknown as { makeTensor: (...a: unknown[]) => tf.Tensor };
    const made: string[] = [];
    const original = engine.makeTensor;
    engine.makeTensor = function (this: unknown, ...a: unknown[]) {
      const t = original.apply(this, a);
      made.push(`${t.dtype}[${t.shape.join(',')}]`);
      return t;
    };
    try {
      const loss = opt.minimize(
        () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true })) as tf.Scalar,
        true,
        model.trainableVariables,
      )!;
      loss.dispose();
    } finally {
      engine.makeTensor = original;
    }
    // The winners of conv1 ([8, 13, 13, 16]) and conv2 ([8, 5, 5, 10]) are int32.
    expect(
      made.filter((m) => m.startsWith('int32[8,')),
      made.join(' '),
    ).to.deep.equal([]);
    expect(
      made.some((m) => m.includes('8,13,13,16') || m.includes('8,5,5,10')),
      made.join(' '),
    ).to.equal(false);
    tf.dispose([xs, ys]);
    model.dispose();
    opt.dispose();
  });

  async function steps(backend: 'cpu' | 'wasm') {
    await tf.setBackend(backend);
    const model = buildModel(null, CNN, { seed: 3 });
    const B = 8;
    const xs = tf.tensor4d(grid([B, 28, 28, 1], 5, 1 / 16), [B, 28, 28, 1]);
    const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
    const opt = tf.train.sgd(0.1);
    const losses: number[] = [];
    const n0 = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const loss = opt.minimize(
        () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true })) as tf.Scalar,
        true,
        model.trainableVariables,
      )!;
      losses.push((await loss.data())[0]!);
      loss.dispose();
    }
    const leaked = tf.memory().numTensors - n0;
    const pool2 = tf.tidy(() => model.forward(xs, { outputs: ['pool2'] }).activations['pool2']!);
    const weights = await Promise.all(model.trainableVariables.map((v) => v.data()));
    const out = { losses, leaked, weights, pool2: await pool2.data() };
    tf.dispose([xs, ys, pool2]);
    opt.dispose();
    model.dispose();
    return out;
  }

  it('trains to the same losses and weights as cpu (op by op), without leaking', async () => {
    const cpu = await steps('cpu');
    const wasm = await steps('wasm');
    wasm.losses.forEach((l, i) => expect(l).to.be.closeTo(cpu.losses[i]!, 1e-5));
    cpu.weights.forEach((w, i) => {
      let worst = 0;
      for (let j = 0; j < w.length; j++) worst = Math.max(worst, Math.abs(wasm.weights[i]![j]! - w[j]!));
      expect(worst, `weight ${i}`).to.be.below(1e-5);
    });
    for (let j = 0; j < cpu.pool2.length; j++) expect(wasm.pool2[j]).to.be.closeTo(cpu.pool2[j]!, 1e-5);
    expect(wasm.leaked).to.equal(0);
    expect(cpu.leaked).to.equal(0);
  });

  it('asks for the conv or the ReLU output → runs op by op (the same numbers)', async () => {
    await tf.setBackend('wasm');
    const model = buildModel(null, CNN, { seed: 3 });
    const xs = tf.tensor4d(grid([2, 28, 28, 1], 5, 1 / 16), [2, 28, 28, 1]);
    const { relu1, pool1, relu2 } = tf.tidy(() => {
      const a = model.forward(xs, { outputs: ['relu1', 'pool1', 'relu2'] }).activations;
      return { relu1: a['relu1']!, pool1: a['pool1']!, relu2: a['relu2']! };
    });
    expect(relu1.shape).to.deep.equal([2, 26, 26, 16]);
    expect(relu2.shape).to.deep.equal([2, 11, 11, 10]);
    const fused = tf.tidy(() => model.forward(xs, { outputs: ['pool1'] }).activations['pool1']!);
    // The plain prediction runs both blocks fused: two fused kernels, no separate pool.
    const profile = await tf.profile(() => tf.tidy(() => model.predict(xs)));
    const names = profile.kernels.map((k) => k.name);
    expect(names.filter((n) => n === CONV_RELU_POOL).length).to.equal(2);
    expect(names).to.not.include('MaxPool');
    const [a, b] = await Promise.all([pool1.data(), fused.data()]);
    for (let i = 0; i < a.length; i++) expect(b[i]).to.be.closeTo(a[i]!, 1e-5);
    tf.dispose([xs, relu1, pool1, relu2, fused]);
    model.dispose();
  });
});
