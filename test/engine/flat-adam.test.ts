// FlatAdamOptimizer (src/engine/optimizers/flat-adam.ts): Adam over all variables as one flat vector, for the GPU
// backends. Checked against tf.train.adam on WebGL (where it runs in training) and on cpu (the reference).
import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { getTf } from '../../src/engine/tensor.js';
import { FlatAdamOptimizer } from '../../src/engine/optimizers/flat-adam.js';

/** Deterministic values in −1…1. */
const values = (n: number, seed: number) =>
  Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 0.9);

/** Three variables of different shapes, trained 6 steps on a loss that couples them; returns their values. */
function train(opt: tf.Optimizer, tag: string, steps = 6) {
  const shapes = [[3, 3, 2, 4], [4], [5, 3]];
  const vars = shapes.map((s, k) => {
    const init = tf.tensor(
      values(
        s.reduce((a, b) => a * b, 1),
        k + 1,
      ),
      s,
    );
    const v = tf.variable(init, true, `${tag}_${k}_${Math.random()}`);
    init.dispose();
    return v;
  });
  const targets = shapes.map((s, k) =>
    tf.tensor(
      values(
        s.reduce((a, b) => a * b, 1),
        k + 7,
      ),
      s,
    ),
  );
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    const loss = opt.minimize(
      () =>
        tf.addN(
          vars.map((v, k) => tf.sum(tf.square(tf.sub(tf.mul(v, tf.add(v, 0.5)), targets[k]!)))),
        ) as tf.Scalar,
      true,
      vars,
    )!;
    losses.push(loss.dataSync()[0]!);
    loss.dispose();
  }
  const out = vars.map((v) => Array.from(v.dataSync()));
  tf.dispose([...vars, ...targets]);
  return { out, losses };
}

const maxRelDiff = (a: number[][], b: number[][]) =>
  Math.max(
    ...a.flatMap((row, k) => row.map((v, i) => Math.abs(v - b[k]![i]!) / Math.max(1, Math.abs(b[k]![i]!)))),
  );

describe('FlatAdamOptimizer', function () {
  this.timeout(60000);
  for (const backend of ['webgl', 'cpu'] as const) {
    it(`${backend}: follows tf.train.adam step for step, and holds only its two moments`, async () => {
      await getTf(backend, { strict: true });
      const ref = train(tf.train.adam(0.05, 0.9, 0.999, 1e-8), 'ref');
      const n0 = tf.memory().numTensors;
      const flat = new FlatAdamOptimizer(0.05, 0.9, 0.999, 1e-8);
      const got = train(flat, 'flat');
      // Held after training: two moment vectors, five constants, and the two β-power scalars AdamOptimizer's
      // constructor makes; nothing per step (train() disposed its own variables).
      expect(tf.memory().numTensors - n0).to.equal(2 + 5 + 2);
      expect(maxRelDiff(got.out, ref.out)).to.be.at.most(1e-5);
      got.losses.forEach((l, i) =>
        expect(l).to.be.closeTo(ref.losses[i]!, 1e-4 * Math.max(1, ref.losses[i]!)),
      );
      // It did train: the loss went down and the weights moved.
      expect(got.losses[5]!).to.be.below(got.losses[0]!);
      flat.dispose();
      expect(tf.memory().numTensors).to.equal(n0);
    });
  }

  it('follows a changing learning rate (the cooldown schedule sets it between steps)', async () => {
    await getTf('webgl', { strict: true });
    const run = (opt: tf.Optimizer) => {
      const init = tf.tensor1d(values(8, 3));
      const w = tf.variable(init, true, `lr_${Math.random()}`);
      init.dispose();
      for (let i = 0; i < 4; i++) {
        (opt as unknown as { learningRate: number }).learningRate = 0.1 / (i + 1); // as core.ts sets it
        opt.minimize(() => tf.sum(tf.square(tf.sub(w, 0.25))) as tf.Scalar, false, [w]);
      }
      const out = Array.from(w.dataSync());
      w.dispose();
      return out;
    };
    const ref = run(tf.train.adam(0.1, 0.9, 0.999, 1e-8));
    const flat = new FlatAdamOptimizer(0.1, 0.9, 0.999, 1e-8);
    expect(maxRelDiff([run(flat)], [ref])).to.be.at.most(1e-5);
    flat.dispose();
  });

  it('refuses a step over other variables than its first (the flat layout is fixed)', async () => {
    await getTf('cpu', { strict: true });
    const a = tf.variable(tf.ones([3]), true, `a_${Math.random()}`);
    const b = tf.variable(tf.ones([2]), true, `b_${Math.random()}`);
    const flat = new FlatAdamOptimizer(0.01);
    flat.minimize(() => tf.sum(tf.mul(a, a)) as tf.Scalar, false, [a]);
    expect(() => flat.minimize(() => tf.sum(tf.mul(b, b)) as tf.Scalar, false, [b])).to.throw(
      /same variables/,
    );
    flat.dispose();
    tf.dispose([a, b]);
  });

  it('getWeights/setWeights: tf.train.adam’s format, and a restored optimizer continues alike', async () => {
    await getTf('webgl', { strict: true });
    const w = tf.variable(tf.tensor2d(values(6, 4), [2, 3]), true, `ws_${Math.random()}`);
    const u = tf.variable(tf.tensor1d(values(2, 5)), true, `us_${Math.random()}`);
    const loss = () => tf.add(tf.sum(tf.square(tf.sub(w, 0.3))), tf.sum(tf.square(u))) as tf.Scalar;
    const a = new FlatAdamOptimizer(0.05, 0.9, 0.999, 1e-8);
    for (let i = 0; i < 3; i++) a.minimize(loss, false, [w, u]);
    const saved = await a.getWeights();
    expect(saved.map((e) => e.name)).to.deep.equal([
      'iter',
      `${w.name}/m`,
      `${u.name}/m`,
      `${w.name}/v`,
      `${u.name}/v`,
    ]);
    expect(saved[1]!.tensor.shape).to.deep.equal([2, 3]);
    expect(Array.from(await saved[0]!.tensor.data())).to.deep.equal([3]);
    const after3 = [w.dataSync().slice(), u.dataSync().slice()];
    const reset = () =>
      tf.tidy(() => {
        w.assign(tf.tensor2d(after3[0]!, [2, 3]));
        u.assign(tf.tensor1d(after3[1]!));
      });
    const twoMore = (opt: tf.Optimizer) => {
      reset();
      opt.minimize(loss, false, [w, u]);
      opt.minimize(loss, false, [w, u]);
      return [Array.from(w.dataSync()), Array.from(u.dataSync())];
    };
    const b = new FlatAdamOptimizer(0.05, 0.9, 0.999, 1e-8);
    await b.setWeights(saved);
    const stock = tf.train.adam(0.05, 0.9, 0.999, 1e-8);
    const clones = saved.map((e) => ({ name: e.name, tensor: e.tensor.clone() }));
    await stock.setWeights(clones);
    tf.dispose(clones.map((e) => e.tensor));
    const viaA = twoMore(a);
    const viaB = twoMore(b);
    const viaStock = twoMore(stock);
    expect(viaB).to.deep.equal(viaA);
    expect(maxRelDiff(viaB, viaStock)).to.be.at.most(1e-5);
    // And the other way: tf.train.adam's state restores into a FlatAdamOptimizer.
    const c = new FlatAdamOptimizer(0.05, 0.9, 0.999, 1e-8);
    await c.setWeights(await stock.getWeights());
    expect(maxRelDiff(twoMore(c), twoMore(stock))).to.be.at.most(1e-5);
    [a, b, c, stock].forEach((o) => o.dispose());
    tf.dispose([w, u]);
  });

  it('inside an outer tidy (as core.ts trains) its moments survive, and restored state applies by position', async () => {
    await getTf('webgl', { strict: true });
    const make = (tag: string) => {
      const init = tf.tensor1d(values(5, 8));
      const w = tf.variable(init, true, `${tag}_${Math.random()}`);
      init.dispose();
      return w;
    };
    const loss = (w: tf.Variable) => () => tf.sum(tf.square(tf.sub(w, 0.5))) as tf.Scalar;
    const w = make('tidy');
    const a = new FlatAdamOptimizer(0.05, 0.9, 0.999, 1e-8);
    const ref = tf.train.adam(0.05, 0.9, 0.999, 1e-8);
    const wRef = make('tidyRef');
    for (let i = 0; i < 3; i++) {
      tf.tidy(() => void a.minimize(loss(w), true, [w]));
      tf.tidy(() => void ref.minimize(loss(wRef), true, [wRef]));
    }
    expect(maxRelDiff([Array.from(w.dataSync())], [Array.from(wRef.dataSync())])).to.be.at.most(1e-5);
    // A rebuilt model: the same shapes under new variable names takes the saved state by position.
    const saved = await a.getWeights();
    const w2 = make('rebuilt');
    w2.assign(w);
    const b = new FlatAdamOptimizer(0.05, 0.9, 0.999, 1e-8);
    await b.setWeights(saved);
    tf.tidy(() => void a.minimize(loss(w), true, [w]));
    tf.tidy(() => void b.minimize(loss(w2), true, [w2]));
    expect(Array.from(w2.dataSync())).to.deep.equal(Array.from(w.dataSync()));
    // Saved state in another layout is refused with a message, not misread.
    let error: unknown = null;
    try {
      await b.setWeights([saved[0]!, saved[1]!, { name: 'other/v', tensor: saved[2]!.tensor }]);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/FlatAdamOptimizer\.setWeights: expected <name>\/m for every variable/);
    expect(b.iterations).to.equal(4); // the refused state changed nothing, not even the step count
    [a, b, ref].forEach((o) => o.dispose());
    tf.dispose([w, w2, wRef]);
  });
});
