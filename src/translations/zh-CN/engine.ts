/** 简体中文：引擎的消息 (see ../types.ts)。 */
import type { EngineTerms, SameKeys } from '../types.js';
import { INPUT } from './pad.js';
import { DOWNLOAD } from './download.js';
import { CONFIG } from './trainer.js';
import { LAYERS } from './layers.js';
import { FALLBACK } from './fallback.js';
import { SESSION } from './session.js';
import { FILES } from './files.js';
import { DATA } from './data.js';
import { PRETRAINED } from './pretrained.js';

const n = (f: { number(v: number, o?: Intl.NumberFormatOptions): string }, v: number) =>
  f.number(v, { maximumFractionDigits: 6 });

export const ENGINE: SameKeys<EngineTerms> = {
  ...INPUT,
  ...DOWNLOAD,
  ...CONFIG,
  ...LAYERS,
  ...FALLBACK,
  ...SESSION,
  ...FILES,
  ...DATA,
  ...PRETRAINED,
  'name.inputSize': '输入尺寸',
  'name.kernelSize': '卷积核大小',
  'name.stride': '步幅',
  'name.dilation': '膨胀率',
  'name.padding': '填充',
  'name.filters': '滤波器个数',
  'name.units': '神经元个数',
  'name.inputDimension': (p) => `输入的第 ${p.index} 维`,
  'check.notNumber': (p) => `${p.name}必须是数字。`,
  'check.notFinite': (p) => `${p.name}必须是有限的数。`,
  'check.notWhole': (p, f) => `${p.name}必须是整数（收到的是 ${n(f, p.value)}）。`,
  'check.tooSmall': (p, f) => `${p.name}至少为 ${n(f, p.min)}（收到的是 ${n(f, p.value)}）。`,
  'check.tooLarge': (p, f) => `${p.name}太大了（最多 ${n(f, p.max)}）。`,
  'conv.strideZero': '步幅至少为 1：步幅为 0 时窗口永远不会移动。',
  'conv.paddingChoice': (p) => `填充必须是数字、"same" 或 "valid"（收到的是 "${p.got}"）。`,
  'conv.poolPadding': (p) => `池化的填充最多为卷积核的一半（宽为 ${p.kernel} 的窗口最多 ${p.max}）。`,
  'conv.kernelTooLarge': (p) =>
    `卷积核（${p.kernel}）比填充后的输入（${p.padded}）还大：窗口没有可放置的位置。`,
  'conv.dilatedTooLarge': (p) =>
    `膨胀后的卷积核（宽 ${p.extent}）比填充后的输入（${p.padded}）还大：窗口没有可放置的位置。`,
  'size.empty': '输入尺寸为空：请给出宽度（如 "28"）或 高×宽（如 "28x32"）。',
  'size.parts': (p) => `输入尺寸 "${p.text}" 的部分太多：请写成 "W" 或 "HxW"。`,
  'size.notNumber': (p) => `输入尺寸 "${p.text}" 不是数字：请写成 "W" 或 "HxW"。`,
  'walk.inputShape': '输入形状必须是 [通道, 高, 宽] 或 [特征]。',
  'walk.layer': (p) => `${p.name}：${p.error}`,
  'walk.flatInput': '需要 [通道, 高, 宽] 形状的输入，但输入已被展平。',
  'walk.denseNeedsFlat': (p) => `全连接层需要展平的输入；当前输入是 ${p.shape}：请先加一个 Flatten 层。`,
  'walk.unknownType': (p) => `未知的层类型 "${p.type}"。`,
  'hyper.window': (p) => `${p.kernel}，步幅 ${p.stride}，填充 ${p.padding}`,
  'hyper.windowDilated': (p) => `${p.kernel}，步幅 ${p.stride}，填充 ${p.padding}，膨胀率 ${p.dilation}`,
  'hyper.adaptive': (p) => `到 ${p.size}`,
  'hyper.slope': (p, f) => `斜率 ${n(f, p.slope)}`,
  'hyper.dropout': (p, f) => `p = ${n(f, p.rate)}`,
  'hyper.unreached': (p) => `窗口永远到不了最后 ${p.count} 行/列`,

  'grid.input': '输入',
  'grid.kernel': '卷积核',
  'grid.channel': (p) => `${p.grid}（通道 ${p.channel}）`,
  'grid.json': (p) => `${p.grid}不是有效的 JSON：请写成由行组成的数组，例如 [[1,0],[0,1]]。`,
  'grid.empty': (p) => `${p.grid}必须是非空的行数组，例如 [[1,0],[0,1]]。`,
  'grid.channels': (p) => `${p.grid}有 ${p.count} 个通道：最多 ${p.max} 个。`,
  'grid.emptyPlane': (p) => `${p.grid}必须是非空的行数组。`,
  'grid.planeRows': (p) => `${p.grid}：每个通道的行数必须相同。`,
  'grid.rowNotArray': (p) => `${p.grid}：第 ${p.row} 行不是数字数组。`,
  'grid.ragged': (p) => `${p.grid}的行长度不一：第 ${p.row} 行有 ${p.count} 个值，第 1 行有 ${p.cols} 个。`,
  'grid.notFinite': (p) => `${p.grid}：第 ${p.row} 行含有 ${p.value}，不是有限的数。`,
  'grid.tooBig': (p, f) =>
    `${p.grid}：第 ${p.row} 行含有 ${n(f, p.value)}；数值必须在 −${n(f, p.max)} 到 ${n(f, p.max)} 之间。`,
  'grid.tooLarge': (p) => `${p.grid}是 ${p.rows}×${p.cols}：图中最多放得下 ${p.max}×${p.max}。`,
  'grid.nan': '一个不是数字的值',
  'grid.huge': '一个大到无法计算的数',
  'viewer.name.channels': '通道数',
  'viewer.seed': (p, f) =>
    `seed 必须是整数${typeof p.got === 'number' ? `（收到的是 ${n(f, p.got)}）` : ''}，例如 1234。`,
  'viewer.channelsMax': (p) => `通道数：最多 ${p.max}。`,
  'viewer.inputTooLarge': (p) => `输入尺寸 ${p.rows}×${p.cols} 对于图示太大：最多 ${p.max}×${p.max}。`,
  'viewer.kernelTooLarge': (p) => `卷积核大小 ${p.size} 对于图示太大：最多 ${p.max}。`,
  'viewer.channelMismatch': (p) =>
    `输入有 ${p.input} 个通道，而卷积核有 ${p.kernel} 个：卷积核的每个输入通道都需要一片。`,
  'viewer.paddingMax': (p) => `图示中的填充最多为 ${p.max}。`,
  'viewer.strideMax': (p) => `步幅：最多 ${p.max}。`,
  'viewer.dilationMax': (p) => `膨胀率：最多 ${p.max}。`,
  'viewer.summary': (p, f) =>
    `${p.channels > 1 ? `${f.number(p.channels)} 通道、` : ''}${p.input} 的输入，填充 ${f.number(p.padding)}，${p.kernel} 的卷积核${p.dilation > 1 ? `（膨胀率 ${f.number(p.dilation)}）` : ''}，步幅 ${f.number(p.stride)} ${p.arrow} ${p.output} 的输出。`,
  'viewer.size': (p, f) => `${f.number(p.rows)}×${f.number(p.cols)}`,
  'viewer.channel': (p) => `通道 ${p.channel}`,

  'shape.empty': '输入形状为空：请给出 "W"、"H×W" 或 "C×H×W"，例如 "28" 或 "3x224x224"。',
  'shape.parts': (p) => `输入形状 "${p.text}" 的部分太多：请写成 "W"、"H×W" 或 "C×H×W"。`,
  'shape.notNumbers': (p) => `输入形状 "${p.text}" 不是数字列表：请写成 "W"、"H×W" 或 "C×H×W"。`,
  'shape.channels': '通道数',
  'shape.height': '高度',
  'shape.width': '宽度',
  'layer.withRelu': (p) => `${p.layer} + ReLU`,
  'layer.name': (p) => `${p.layer}`,
  'layer.layer': '层',
  'layer.scores': (p) => `${p.layer}（得分）`,

  'matrix.json': (p) => `矩阵必须是由行组成的 JSON 数组，例如 [[5,1],[2,7]]（收到的是 "${p.got}"）。`,
  'matrix.notArray': (p) => `矩阵必须是由行组成的数组（收到的是 ${p.got}）。`,
  'matrix.empty': '矩阵为空：请至少给出一行。',
  'matrix.tooMany': (p) => `矩阵有 ${p.rows} 行；最多只能显示 ${p.max} 个类别。`,
  'matrix.rowNotArray': (p) => `矩阵的第 ${p.row} 行不是数组。`,
  'matrix.notSquare': (p) => `矩阵必须是方阵（n×n）：第 ${p.row} 行有 ${p.count} 个值，应为 ${p.n} 个。`,
  'matrix.where': (p) => `第 ${p.row} 行第 ${p.col} 列`,
  'matrix.notNumber': (p) => `每个计数都必须是数字：${p.where}是 ${p.value}。`,
  'matrix.infinite': (p) => `每个计数都必须是有限的：${p.where}是无穷大。`,
  'matrix.minusInfinite': (p) => `每个计数都必须是有限的：${p.where}是负无穷大。`,
  'matrix.negative': (p, f) => `计数不能为负：${p.where}是 ${n(f, p.value)}。`,
  'matrix.notWhole': (p, f) =>
    `计数必须是整数：${p.where}是 ${n(f, p.value)}。（要显示比例请使用 normalize。）`,
  'matrix.tooLarge': (p, f) => `计数太大：总和最多为 ${f.number(p.max)}（到${p.where}时超出了）。`,
  'labels.count': (p) => `${p.n} 个类别却有 ${p.count} 个标签：请为每个类别给一个标签，用逗号分隔。`,
  'labels.empty': (p) => `标签 ${p.which} 为空：请给每个类别起个名字，用逗号分隔（例如 "猫,狗,鸟"）。`,
};
