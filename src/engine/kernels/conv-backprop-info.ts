/**
 * The geometry of the kernels' inputs, in one place: TensorFlow's own shape logic (`computeConv2DInfo`,
 * `computePool2DInfo`) applied to a kernel call's attributes, and the short names our loops use.
 */
import {
  backend_util,
  type Conv2DBackpropFilterAttrs,
  type Conv2DBackpropInputAttrs,
  type MaxPoolGradAttrs,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

type KernelArgs = { inputs: NamedTensorInfoMap; attrs?: NamedAttrMap };
type Shape4 = [number, number, number, number];
/** A kernel call's named inputs and its geometry. */
type Info<K extends string> = Record<K, TensorInfo> & { info: backend_util.Conv2DInfo };

/** A convolution's sizes as our loops name them (NHWC; pt/pl: top/left padding). */
export interface ConvDims {
  B: number;
  H: number;
  W: number;
  CI: number;
  OH: number;
  OW: number;
  CO: number;
  KH: number;
  KW: number;
  SH: number;
  SW: number;
  pt: number;
  pl: number;
}

export function convDims(info: backend_util.Conv2DInfo): ConvDims {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: CI, outHeight: OH, outWidth: OW } = info;
  const { outChannels: CO, filterHeight: KH, filterWidth: KW, strideHeight: SH, strideWidth: SW } = info;
  return { B, H, W, CI, OH, OW, CO, KH, KW, SH, SW, pt: info.padInfo.top, pl: info.padInfo.left };
}

/** TensorFlow's geometry of the forward convolution of a backprop kernel's attributes. */
function forwardInfo(
  xShape: Shape4,
  filterShape: Shape4,
  a: Pick<Conv2DBackpropFilterAttrs, 'strides' | 'pad' | 'dataFormat' | 'dimRoundingMode'>,
): backend_util.Conv2DInfo {
  const format = backend_util.convertConv2DDataFormat(a.dataFormat);
  return backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
    false,
    format,
  );
}

/** A `Conv2DBackpropFilter` call: its inputs and TensorFlow's geometry of the forward convolution. */
export function backpropFilterInfo(args: KernelArgs): Info<'x' | 'dy'> {
  const { x, dy } = args.inputs as Record<'x' | 'dy', TensorInfo>;
  const a = args.attrs as unknown as Conv2DBackpropFilterAttrs;
  return { x, dy, info: forwardInfo(x.shape as Shape4, a.filterShape, a) };
}

/** A `Conv2DBackpropInput` call: its inputs and the geometry of the forward convolution. */
export function backpropInputInfo(args: KernelArgs): Info<'dy' | 'filter'> {
  const { dy, filter } = args.inputs as Record<'dy' | 'filter', TensorInfo>;
  const a = args.attrs as unknown as Conv2DBackpropInputAttrs;
  return { dy, filter, info: forwardInfo(a.inputShape, filter.shape as Shape4, a) };
}

/** A `MaxPoolGrad` call: pooling is always NHWC in TensorFlow.js (no dataFormat attribute), dilation 1. */
export function maxPoolGradInfo(args: KernelArgs): Info<'dy' | 'input'> {
  const { dy, input } = args.inputs as Record<'dy' | 'input', TensorInfo>;
  const a = args.attrs as unknown as MaxPoolGradAttrs;
  const info = backend_util.computePool2DInfo(
    input.shape as Shape4,
    a.filterSize,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  return { dy, input, info };
}
