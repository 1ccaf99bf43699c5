/**
 * conv → bias → ReLU → 2×2 max-pool as ONE op, where a backend has the kernel (today: wasm,
 * wasm-conv-relu-pool.ts). This module is the light side that models/build.ts calls: the kernel names, the shape
 * test, and the call. No WebAssembly here, so the engine chunk every backend loads does not grow.
 *
 * WHY. In a training step of the lesson's cnn the two conv blocks were ~20 kernels (conv, pool, the ReLU's and
 * the pool's gradients, the three conv gradients, the bias sums) and about two thirds of the step's time. Fused,
 * the forward pass computes only the conv outputs the pool keeps and remembers, per pooled value, which of its
 * four positions won (or that none was positive). The backward pass then needs no ReLU or pool gradient at all:
 * a pooled gradient flows to exactly one conv output or to none, so the conv gradients are sums over the
 * winners only — a quarter of the dense sums, or fewer.
 *
 * MATHS (exactly the composed ops'): z = conv(x, w) + b; pooled = max(0, z₀, z₁, z₂, z₃) over each 2×2 window
 * (= maxPool(relu(z))), winner = the first of z₀…z₃ (row-major) that is > 0 and the largest; with no positive
 * z the ReLU's gradient is 0 at all four. Ties go to the first, as TensorFlow's MaxPool gradient does.
 */
import { engine, fill, getKernel, getBackend } from '@tensorflow/tfjs-core';
import type { NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';

export const CONV_RELU_POOL = 'CnnConvReluPool';
export const CONV_RELU_POOL_GRAD_FILTER = 'CnnConvReluPoolGradFilter';
export const CONV_RELU_POOL_GRAD_BIAS = 'CnnConvReluPoolGradBias';
export const CONV_RELU_POOL_GRAD_INPUT = 'CnnConvReluPoolGradInput';

/**
 * Whether conv(x, filter) with stride 1, no padding, no dilation, a bias, then ReLU and max-pool 2×2/2 'valid'
 * can run fused: a 4-D float32 input, at least one pooled row and column, at least 4 output channels.
 */
export function convReluPoolFits(xShape: readonly number[], filterShape: readonly number[]): boolean {
  if (xShape.length !== 4 || filterShape.length !== 4) return false;
  const [, H, W, CI] = xShape as [number, number, number, number];
  const [KH, KW, FI, CO] = filterShape as [number, number, number, number];
  return FI === CI && CO >= 4 && H - KH + 1 >= 2 && W - KW + 1 >= 2;
}

/**
 * The fused block's pooled output, or null where the current backend has no such kernel or the shapes do not fit
 * (the caller then runs the ops one by one). Call inside `tf.tidy` (the winners tensor is left to it).
 *
 * THE WINNERS ARE AN INPUT, not a second output: the kernel fills `code` (int32, the pooled shape, allocated
 * here) in place and has the pooled values as its only output. As an output, the winners would get a gradient
 * of their own in every backward pass: TensorFlow.js makes a zero tensor for each output nothing downstream
 * used — here 173k int32 for conv1, allocated in JavaScript and copied to the heap every step (measured: ~5 % of
 * a training step in the Worker, and much of its garbage). An input that leads to no variable is pruned from
 * the backward pass instead, and the gradient saves it like x and the filter.
 */
export function convReluPool(x: Tensor, filter: Tensor, bias: Tensor): Tensor | null {
  if (getKernel(CONV_RELU_POOL, getBackend()) == null) return null;
  if (x.dtype !== 'float32' || !convReluPoolFits(x.shape, filter.shape)) return null;
  const [B, H, W] = x.shape as [number, number, number, number];
  const [KH, KW, , CO] = filter.shape as [number, number, number, number];
  const code = fill([B, (H - KH + 1) >> 1, (W - KW + 1) >> 1, CO], 0, 'int32');
  return engine().runKernel(CONV_RELU_POOL, { x, filter, bias, code }, {} as NamedAttrMap) as Tensor;
}
