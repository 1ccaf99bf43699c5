/** 简体中文：PyTorch `layers` 文本的提示（see ../../engine/models/layers.messages.ts）。 */
import type { SameKeys } from '../types.js';
import type { LAYERS_MESSAGES } from '../../engine/models/layers.messages.js';
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;
const n = (f: F, v: number) => f.number(Math.round(v));
const mflop = (f: F, v: number) => f.number(v, { maximumFractionDigits: v < 10 ? 1 : 0 });

export const LAYERS: SameKeys<typeof LAYERS_MESSAGES> = {
  'layers.at': (p) => `第 ${p.line} 行，第 ${p.column} 列：${p.error}`,
  'layers.atLayer': (p) => `第 ${p.index} 层：${p.error}`,
  'layers.cannotTake': (p) => `它无法接收 ${p.width}×${p.height}×${p.channels} 的图像：${p.error}`,
  'layers.in': (p) => `${p.error}（位于 ${p.layer}）`,
  'layers.notText': 'layers 必须是文本，例如 "Conv2d(1, 16, 3), ReLU(), …"。',
  'layers.tooLong': (p, f) => `layers 太长（${f.number(p.length)} 个字符；最多 ${f.number(p.max)} 个）。`,
  'layers.empty': 'layers 为空：请写一个网络，例如 "Flatten(), Linear(784, 10)"。',
  'layers.unclosedString': (p) => `这个字符串没有闭合：请在后面加上 ${p.quote}。`,
  'layers.unexpectedChar': (p) => `意外的 "${p.char}"：请像 Conv2d(1, 16, 3) 这样写各层，用逗号或换行分隔。`,
  'layers.theEnd': '结尾',
  'layers.tooMany': (p) => `层数太多（最多 ${p.max} 层）。`,
  'layers.separator': (p) => `${p.layer} 之后应为逗号或换行，却是 "${p.found}"。`,
  'layers.sequentialOpen': 'Sequential( 没有闭合：请在末尾加上 ")"。',
  'layers.afterSequential': (p) => `Sequential(…) 之后出现了意外的 "${p.found}"。`,
  'layers.expectedLayer': (p) => `此处应为一个层，例如 Conv2d(1, 16, 3)，却是 "${p.found}"。`,
  'layers.notBuilt': (p) => `${p.layer} 不在这里可构建的层之列（${p.list}）。`,
  'layers.unknownLayerHint': (p) => `未知的层 "${p.layer}"——您是想写 "${p.hint}" 吗？`,
  'layers.unknownLayer': (p) => `未知的层 "${p.layer}"。可用的层有 ${p.list}。`,
  'layers.parentheses': (p) => `${p.layer} 需要括号：请写成 ${p.layer}(${p.args})。`,
  'layers.callOpen': (p) => `${p.layer}( 没有闭合：请加上 ")"。`,
  'layers.callComma': (p) => `${p.layer}(…) 中应为 "," 或 ")"，却是 "${p.found}"。`,
  'layers.capital': (p) => `请写成 ${p.word}（Python 中首字母大写）。`,
  'layers.tupleNumbers': (p) => `这里的元组应包含数字，例如 (3, 3)；却是 "${p.found}"。`,
  'layers.tupleComma': (p) => `元组中应为 "," 或 ")"，却是 "${p.found}"。`,
  'layers.expectedValue': (p) => `${p.layer}(…) 中应为一个值（数字、'same'、True 等），却是 "${p.found}"。`,
  'layers.positionalAfterKeyword': '位置参数不能跟在关键字参数之后（这是 Python 的规则）。',
  'layers.noArguments': (p) => `${p.layer}() 不接受参数。`,
  'layers.tooManyPositional': (p) =>
    `${p.layer} 最多接受 ${p.max} 个位置参数（${p.names}）；这是第 ${p.n} 个。`,
  'layers.unknownArgumentHint': (p) => `${p.layer} 没有参数 "${p.arg}"——您是想写 "${p.hint}" 吗？`,
  'layers.unknownArgument': (p) => `${p.layer} 没有参数 "${p.arg}"（它接受 ${p.names}）`,
  'layers.unknownArgumentNone': (p) => `${p.layer} 没有参数 "${p.arg}"（它不接受任何参数）`,
  'layers.twice': (p) => `${p.layer} 收到了两次 ${p.arg}。`,
  'layers.missing': (p) => `${p.layer} 缺少参数 ${p.names}：例如写成 ${p.example}。`,
  'layers.badArgument': (p) => `${p.layer} 的 ${p.arg} ${p.error}。`,
  'layers.sameStride': "padding='same' 要求步幅为 1（PyTorch 不允许带步幅的卷积使用它）。",
  'layers.strideDilation': '这里不能同时使用大于 1 的步幅和膨胀率。',
  'arg.wholeNot': (p) => `必须是整数，而不是 ${p.value}`,
  'arg.whole': (p) => `必须是整数（收到的是 ${p.value}）`,
  'arg.atLeast': (p) => `必须至少为 ${p.min}（收到的是 ${p.value}）`,
  'arg.tooLarge': (p, f) => `太大了（最多 ${f.number(p.max)}；收到的是 ${n(f, p.value)}）`,
  'arg.pair': (p) => `必须是一个数字或像 (3, 3) 这样的数对，而不是 ${p.value}`,
  'arg.square': (p) => `这里必须是正方形：${p.value} 的两个尺寸不同；请只写一个数字`,
  'arg.padding': (p) => `必须是数字、'same' 或 'valid'，而不是 ${p.value}`,
  'arg.bool': (p) => `必须是 True 或 False，而不是 ${p.value}`,
  'arg.number': (p) => `必须是数字，而不是 ${p.value}`,
  'arg.range': (p) => `必须在 ${p.lo} 到 ${p.hi} 之间（收到的是 ${p.value}）`,
  'arg.rangeBelow': (p) => `必须不小于 ${p.lo} 且小于 ${p.hi}（收到的是 ${p.value}）`,
  'arg.small': (p) => `必须是一个较小的数（收到的是 ${p.value}）`,
  'arg.onlyDefault': (p) => `这里只能是 ${p.only}（${p.why}；收到的是 ${p.value}）`,
  'why.groups': '不构建分组卷积',
  'why.paddingMode': '填充总是用零',
  'why.poolDilation': '不构建带膨胀的池化',
  'why.indices': '只使用数值',
  'why.ceil': '尺寸按默认方式向下取整',
  'why.countPad': '按默认方式，填充的零计入平均值',
  'why.flatten': '除批次维度外全部展平',
  'net.noLayers': '这个网络没有任何层。',
  'net.flatInput': (p, f) =>
    `${p.layer} 需要一张图像 [通道, 高, 宽]，但这里的输入是扁平的（${n(f, p.features)} 个特征${p.from ? `，来自 ${p.from}` : ''}）：请把它移到 Flatten() 之前。`,
  'net.channels': (p, f) =>
    `${p.layer} 在这里收到的是 ${n(f, p.channels)} 个通道${p.input ? `（输入为 ${p.input}）` : ''}：请写成 ${p.fix}。`,
  'net.needsFlatten': (p, f) =>
    `${p.layer} 在这里收到的是一张 ${p.shape} 的图像：请在它之前加上 Flatten()（得到 ${n(f, p.features)} 个特征）。`,
  'net.features': (p, f) =>
    `${p.layer} 在这里收到的是 ${n(f, p.features)} 个特征${p.from ? `（${p.from}）` : p.input ? `（输入为 ${p.input}）` : ''}：请写成 ${p.fix}。`,
  'net.window': (p) => `${p.layer} 在这里收到的是一张 ${p.shape} 的图像：${p.error}`,
  'net.endsWithImage': (p) =>
    `网络以一张 ${p.shape} 的图像结束，但它必须以每个类别一个分数（${p.classes} 个）结束：请加上 Flatten() 和 Linear(${p.features}, ${p.classes})。`,
  'net.lastLayer': (p, f) =>
    `最后一层给出 ${n(f, p.outputs)} 个输出，但数据有 ${n(f, p.classes)} 个类别：请写成 ${p.fix}。`,
  'net.lastLayerEnd': (p, f) =>
    `最后一层给出 ${n(f, p.outputs)} 个输出，但数据有 ${n(f, p.classes)} 个类别：请以 Linear(${p.outputs}, ${p.classes}) 结束。`,
  'net.tooManyParams': (p, f) =>
    `这个网络有 ${f.number(p.params)} 个参数，超过了浏览器标签页能训练的 ${f.number(p.max)} 个（仅 ${p.layer} 就有 ${f.number(p.layerParams)} 个）：请把它缩小。`,
  'net.tooManyFlops': (p, f) =>
    `每张训练图像将花费 ${mflop(f, p.mflop)} MFLOP，超过了浏览器标签页能承受的 ${mflop(f, p.max)} MFLOP（${p.layer} 花费 ${mflop(f, p.layerMflop)}）：请减少通道数、缩小输入或提前池化。`,
  'net.badJson':
    'layers 看起来像 JSON，但不是有效的 JSON：请写 PyTorch 层（"Conv2d(1, 16, 3), ReLU(), …"）或层规格的 JSON 数组。',
  'net.notValue':
    'network 必须是文本形式的 PyTorch 层，或层规格：例如 [{ "type": "conv2d", "filters": 16, "kernelSize": 3 }, …] 这样的数组。',
  'net.notSpec': (p) => `第 ${p.n} 层不是层规格：请给出 { "type": … }，取值为 ${p.types} 之一。`,
  'net.notSpecType': (p) =>
    `第 ${p.n} 层不是层规格：请给出 { "type": … }，取值为 ${p.types} 之一（而不是 "${p.type}"）。`,
  'net.cannotWrite': (p) => `无法将这些层规格写成 PyTorch 层：${p.error}`,
};
