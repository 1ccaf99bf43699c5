/** The geometry of a `Conv2DBackpropFilter` call, shared by our wasm and cpu kernels of it. */
import {
  backend_util,
  type Conv2DBackpropFilterAttrs,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

type KernelArgs = { inputs: NamedTensorInfoMap; attrs?: NamedAttrMap };

export function backpropFilterInfo(args: KernelArgs): {
  x: TensorInfo;
  dy: TensorInfo;
  info: backend_util.Conv2DInfo;
} {
  const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    args.attrs as unknown as Conv2DBackpropFilterAttrs;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  return { x, dy, info };
}
