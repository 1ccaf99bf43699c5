/**
 * A training step of a spec model run straight on the WASM backend's kernels: the forward pass, the loss and
 * the backward pass as ~25 kernel calls on `TensorInfo`s, with no tape, no scopes and no tensor bookkeeping;
 * only the gradients become engine tensors, for the optimizer.
 *
 * WHY. Through `optimizer.minimize()` a step of the lesson's cnn was ~100 kernel calls (27 Identity and 20
 * Reshape of them bookkeeping), and the engine's share (recording the tape, walking it backwards, tracking and
 * disposing every tensor, the scopes) was ~1.3 ms of a 5.5 ms step in the trainer's Worker (bench --profile).
 *
 * WHAT. The blocks of `SpecModel.fusedPlan()` (conv → ReLU → 2×2 max-pool as one kernel, flatten, dense with
 * or without its ReLU), then the fused softmax cross-entropy. Each kernel is called with the very inputs and
 * attributes that the tape path gives it — the same kernels as `forward` and as the registered gradients
 * (gradients.ts, kernels/conv-relu-pool.ts, kernels/softmax-cross-entropy.ts) — so a step gives the same
 * numbers bit for bit (test/engine/direct-step.test.ts trains both ways and compares every loss and weight).
 * A network with any other layer, or another backend, returns null from `create` and trains on the tape.
 *
 * MEMORY. Every buffer a kernel returns is freed before `run` returns, also when a kernel throws; a "view" (the
 * same buffer under another shape, what a reshape is) is never freed on its own.
 */
import { engine, getKernel } from '@tensorflow/tfjs-core';
import type {
  KernelFunc,
  NamedAttrMap,
  NamedTensorMap,
  NamedTensorInfoMap,
  Tensor,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import type { FusedBlock, SpecModel } from '../models/build.js';
import {
  CONV_RELU_POOL,
  CONV_RELU_POOL_GRAD_BIAS,
  CONV_RELU_POOL_GRAD_FILTER,
  CONV_RELU_POOL_GRAD_INPUT,
} from '../kernels/conv-relu-pool.js';
import { SOFTMAX_CROSS_ENTROPY, SOFTMAX_CROSS_ENTROPY_GRAD } from '../kernels/softmax-cross-entropy.js';
import { heapOffset, view, type BackendWasm } from '../kernels/wasm-util.js';
import { gemm, gemmFits, packB, packedSize } from '../kernels/wasm-gemm.js';

/** What the step needs of the WASM backend (tfjs-backend-wasm's BackendWasm, structurally). */
interface Heap {
  makeOutput(shape: number[], dtype: 'float32' | 'int32'): TensorInfo;
  typedArrayFromHeap(x: TensorInfo): Float32Array | Int32Array;
  disposeData(dataId: object): boolean;
}

const KERNELS = [
  CONV_RELU_POOL,
  CONV_RELU_POOL_GRAD_BIAS,
  CONV_RELU_POOL_GRAD_FILTER,
  CONV_RELU_POOL_GRAD_INPUT,
  SOFTMAX_CROSS_ENTROPY,
  SOFTMAX_CROSS_ENTROPY_GRAD,
  '_FusedMatMul',
  'BatchMatMul',
  'Sum',
  'Step',
  'Multiply',
  'Transpose',
] as const;

export class DirectStep {
  private constructor(
    private readonly plan: FusedBlock[],
    private readonly kernels: Record<(typeof KERNELS)[number], KernelFunc>,
  ) {}

  /** A direct step for `model` on the current backend, or null (not wasm, or a block it does not know). */
  static create(model: SpecModel, classes: number): DirectStep | null {
    if (engine().backendName !== 'wasm') return null;
    const plan = model.fusedPlan();
    if (!plan?.length) return null;
    const last = plan[plan.length - 1]!;
    if (last.kind !== 'dense' || last.relu || last.outShape[0] !== classes) return null;
    const kernels = {} as Record<(typeof KERNELS)[number], KernelFunc>;
    for (const name of KERNELS) {
      const k = getKernel(name, 'wasm');
      if (!k) return null;
      kernels[name] = k.kernelFunc;
    }
    return new DirectStep(plan, kernels);
  }

  /**
   * One step's gradients for the batch `xs` (standardised, [n, …input shape]) with `labels`, the loss summed
   * over the batch and divided by `divisor`: `grads` (engine tensors by variable name, the caller disposes
   * them), the loss and the count of right answers.
   */
  run(
    xs: Float32Array,
    labels: Int32Array,
    divisor: number,
  ): { grads: NamedTensorMap; loss: number; correct: number } {
    const backend = engine().backend as unknown as Heap;
    const wasm = backend as unknown as BackendWasm;
    const at = (t: TensorInfo) => heapOffset(wasm, t);
    const n = labels.length;
    const owned: TensorInfo[] = [];
    const k = this.kernels;
    const call = (
      name: (typeof KERNELS)[number],
      inputs: NamedTensorInfoMap,
      attrs: object = {},
    ): TensorInfo => {
      const out = k[name]({ inputs, backend: backend as never, attrs: attrs as NamedAttrMap });
      const outs = Array.isArray(out) ? out : [out];
      owned.push(...outs);
      return outs[0]!;
    };
    const make = (shape: number[], dtype: 'float32' | 'int32'): TensorInfo => {
      const t = backend.makeOutput(shape, dtype);
      owned.push(t);
      return t;
    };
    const grads: NamedTensorMap = {};
    try {
      // ---- forward, keeping what the backward pass reads
      const first = this.plan[0]!;
      const x = make([n, ...first.inShape], 'float32');
      backend.typedArrayFromHeap(x).set(xs);
      const inputs: TensorInfo[] = [];
      const outputs: TensorInfo[] = [];
      const codes: (TensorInfo | null)[] = [];
      let y = x;
      for (const b of this.plan) {
        inputs.push(y);
        let code: TensorInfo | null = null;
        if (b.kind === 'conv-relu-pool') {
          code = make([n, ...b.outShape], 'int32');
          backend.typedArrayFromHeap(code).fill(0);
          y = call(CONV_RELU_POOL, { x: y, filter: b.filter, bias: b.bias, code });
        } else if (b.kind === 'flatten') {
          y = view(y, [n, ...b.outShape]);
        } else if (gemmFits(wasm, n, b.outShape[0]!)) {
          // y = relu?(x·W + b) by kernels/wasm-gemm.ts (XNNPACK's numbers), W first packed into panels.
          const [inSize] = b.inShape as [number];
          const [units] = b.outShape as [number];
          const packed = make([packedSize(inSize, units)], 'float32');
          packB(wasm, at(b.kernel), at(packed), inSize, units);
          const out = make([n, units], 'float32');
          gemm(
            wasm,
            { M: n, K: inSize, N: units, aRow: inSize, aCol: 1, bias: !!b.bias, relu: b.relu, packed: true },
            { a: at(y), b: at(packed), c: at(out), ...(b.bias ? { bias: at(b.bias) } : {}) },
          );
          y = out;
        } else {
          const [inSize] = b.inShape as [number];
          const [units] = b.outShape as [number];
          const out = call(
            '_FusedMatMul',
            {
              a: view(y, [1, n, inSize]),
              b: view(b.kernel, [1, inSize, units]),
              ...(b.bias ? { bias: b.bias } : {}),
            },
            { transposeA: false, transposeB: false, activation: b.relu ? 'relu' : 'linear' },
          );
          y = view(out, [n, units]);
        }
        codes.push(code);
        outputs.push(y);
      }
      const labelsT = make([n], 'int32');
      backend.typedArrayFromHeap(labelsT).set(labels);
      call(SOFTMAX_CROSS_ENTROPY, { logits: y, labels: labelsT }, { divisor });
      // Its two outputs, the last two buffers made: the loss and the count of right answers.
      const loss = backend.typedArrayFromHeap(owned[owned.length - 2]!)[0]!;
      const correct = backend.typedArrayFromHeap(owned[owned.length - 1]!)[0]!;

      // ---- backward (the registered gradients' kernels, in the tape's order: last block first)
      const one = make([], 'float32');
      backend.typedArrayFromHeap(one)[0] = 1;
      let dy = call(SOFTMAX_CROSS_ENTROPY_GRAD, { logits: y, labels: labelsT, dy: one }, { divisor });
      /** Hands a variable's gradient (`buffer`, seen with the variable's shape) to an engine tensor. */
      const give = (name: string, buffer: TensorInfo, shape: number[]) => {
        const at = owned.indexOf(buffer);
        if (at < 0) throw new Error('cnn-widgets: a gradient was not made by this step');
        owned.splice(at, 1); // the engine tensor owns the buffer now
        grads[name] = engine().makeTensorFromTensorInfo(view(buffer, shape));
      };
      for (let i = this.plan.length - 1; i >= 0; i--) {
        const b = this.plan[i]!;
        const input = inputs[i]!;
        const needInput = i > 0;
        if (b.kind === 'flatten') {
          dy = view(dy, [n, ...b.inShape]);
        } else if (b.kind === 'conv-relu-pool') {
          const code = codes[i]!;
          const dx = needInput
            ? call(CONV_RELU_POOL_GRAD_INPUT, { dy, code, filter: b.filter }, { inputShape: input.shape })
            : null;
          const dw = call(
            CONV_RELU_POOL_GRAD_FILTER,
            { x: input, dy, code },
            { filterShape: b.filter.shape },
          );
          give(b.filter.name, dw, b.filter.shape);
          give(b.bias.name, call(CONV_RELU_POOL_GRAD_BIAS, { dy, code }), b.bias.shape);
          if (dx) dy = dx;
        } else {
          const [inSize] = b.inShape as [number];
          const [units] = b.outShape as [number];
          let g = view(dy, [1, n, units]);
          if (b.relu) {
            const mask = call('Step', { x: view(outputs[i]!, [1, n, units]) }, { alpha: 0 });
            g = call('Multiply', { a: g, b: mask });
          }
          let dx: TensorInfo | null = null;
          let dw: TensorInfo;
          if (gemmFits(wasm, n, units) && gemmFits(wasm, inSize, units) && inSize >= 4) {
            // The same two products by kernels/wasm-gemm.ts: dx = g·Wᵀ (from Wᵀ), dW = xᵀ·g (x read in place).
            if (needInput) {
              const wt = call('Transpose', { x: view(b.kernel, [inSize, units]) }, { perm: [1, 0] });
              dx = make([n, inSize], 'float32');
              const shape = { M: n, K: units, N: inSize, aRow: units, aCol: 1, bias: false, relu: false };
              gemm(wasm, { ...shape, packed: false }, { a: at(g), b: at(wt), c: at(dx) });
            }
            dw = make([inSize, units], 'float32');
            const shape = { M: inSize, K: n, N: units, aRow: 1, aCol: inSize, bias: false, relu: false };
            gemm(wasm, { ...shape, packed: false }, { a: at(input), b: at(g), c: at(dw) });
          } else {
            const a = view(input, [1, n, inSize]);
            const w = view(b.kernel, [1, inSize, units]);
            dx = needInput
              ? call('BatchMatMul', { a: g, b: w }, { transposeA: false, transposeB: true })
              : null;
            dw = call('BatchMatMul', { a, b: g }, { transposeA: true, transposeB: false });
          }
          give(b.kernel.name, dw, b.kernel.shape);
          if (b.bias)
            give(b.bias.name, call('Sum', { x: g }, { axis: [0, 1], keepDims: false }), b.bias.shape);
          if (dx) dy = view(dx, [n, inSize]);
        }
      }
      return { grads, loss, correct };
    } catch (e) {
      for (const t of Object.values(grads)) (t as Tensor).dispose();
      throw e;
    } finally {
      for (const t of owned) backend.disposeData(t.dataId);
    }
  }
}
