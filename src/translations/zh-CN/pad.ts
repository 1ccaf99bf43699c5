/** 中文（简体）：`<digit-pad>` 的文字，以及引擎关于其输入的消息 (see ../types.ts)。 */
import type { PAD_EN } from '../../components/digit-pad/digit-pad.strings.js';
import type { INPUT_MESSAGES } from '../../engine/input.messages.js';
import type { SameKeys } from '../types.js';

export const PAD: SameKeys<typeof PAD_EN> = {
  'pad.mode': (p) => `mode 必须是 "draw" 或 "teach"，而不是 "${p.got}"。`,
  'pad.padDigits': (p, f) =>
    `画板：用鼠标、手指或触控笔写一个 ${f.number(p.from)} 到 ${f.number(p.to)} 的数字`,
  'pad.padClasses': (p) => `画板：用鼠标、手指或触控笔画出 ${p.classes}`,
  'pad.padManyClasses': (p, f) => `画板：用鼠标、手指或触控笔画出 ${f.number(p.count)} 个类别之一`,
  'pad.clear': '清除',
  'pad.loading': '加载中…',
  'pad.tryDigit': '试一个测试数字',
  'pad.tryImage': '试一张测试图像',
  'pad.pen': '画笔',
  'pad.inputCentred': (p) => `网络看到的 ${p.size} 输入：你的画缩放到 ${p.fit}，并按质心居中`,
  'pad.inputScaled': (p) => `网络看到的 ${p.size} 输入：你的画缩小后的样子`,
  'pad.inputCaption': (p) => `${p.size} 输入`,
  'pad.testCaption': (p, f) =>
    `${p.name} 测试图像 #${f.number(p.index, { useGrouping: false })}，标签 ${p.label}`,
  'pad.prediction': '预测',
  'pad.cleared': '画板已清除。',
  'pad.announce': (p, f) => `网络识别为 ${p.label}（置信度 ${f.percent(p.sure)}）。`,
  'pad.probsDigits': '每个数字的概率',
  'pad.probsClasses': '每个类别的概率',
  'pad.digit': (p, f) => `数字 ${f.number(p.digit)}`,
  'pad.noPrediction': '无预测',
  'pad.topClasses': (p, f) => `${f.number(p.count)} 个类别中概率最高的 ${f.number(10)} 个。`,
  'pad.layers': '每一层的激活',
  'pad.layerMaps': (p, f) => `${p.label}：${f.number(p.c)} 张 ${f.number(p.h)}×${f.number(p.w)} 的特征图`,
  'pad.layerValues': (p, f) => `${p.label}：${f.number(p.count)} 个值`,
  'pad.layerEmpty': (p) => `${p.label}：还没有内容，请画点什么`,
  'pad.loadingNetwork': '正在加载预训练网络…',
  'pad.waitingTrain': (p) => `等待 #${p.id} 训练：它的网络还没有权重。请按它的“开始”按钮。`,
  'pad.waitingTrainer': (p) => `等待本页上 id 为 "${p.id}" 的训练器。`,
  'pad.loadFailed': '无法加载预训练网络。',
  'pad.predictFailed': (p) => `预测失败：${p.error}`,
  'pad.invalidNumbers': '网络返回了无效的数值（它是否仍在从头训练？）。',
  'pad.testDigitsFailed': (p) => `无法加载 ${p.name} 测试数字：${p.error}`,
  'pad.testImagesFailed': (p) => `无法加载 ${p.name} 测试图像：${p.error}`,
  'pad.testNeedsStart': (p) => `${p.name} 测试图像随 #${p.id} 的数据一起加载：请先按它的“开始”按钮。`,
  'pad.examples': (p) => `examples：${p.error}`,
  'pad.teach.label': '正确标签',
  'pad.teach.pick': '选择…',
  'pad.teach.teach': '教给它',
  'pad.teach.fineTune': '微调',
  'pad.teach.fineTuningButton': '微调中…',
  'pad.teach.forget': '忘记',
  'pad.teach.hint': '画一个，选出正确标签，再按“教给它”。',
  'pad.teach.count': (p, f) => `已教 ${f.number(p.count)} 个样例。`,
  'pad.teach.taught': (p, f) => `已教：这是 ${p.label}。目前共 ${f.number(p.count)} 个样例。`,
  'pad.teach.forgotten': '样例已忘记。',
  'pad.teach.dropped': (p) => `网络现在读取 ${p.name}（${p.shape}）：之前教的样例已丢弃。`,
  'pad.teach.pickFirst': '请先选出正确标签，再按“教给它”。',
  'pad.teach.blank': '画板是空的：请先画，再告诉网络这是什么。',
  'pad.teach.needsTrainer': '微调需要训练器：请给画板加上指向某个 <cnn-trainer> 的 for="…"。',
  'pad.teach.noExamples': '还没有样例：画一个，选出正确标签，再按“教给它”。',
  'pad.teach.fineTuning': '正在用你的样例微调…',
  'pad.teach.cannot': '训练器无法进行微调。',
  'pad.teach.failed': (p) => `无法微调：${p.error}`,
  'pad.teach.fineTuned': (p, f) =>
    `微调完成：${f.number(p.examples)} 个样例中现在有 ${f.number(p.correct)} 个识别正确；测试准确率 ${f.percent(p.before)} → ${f.percent(p.after)}。`,
};

export const INPUT: SameKeys<typeof INPUT_MESSAGES> = {
  'pixels.notArray': (p, f) => `像素必须是由 ${f.number(p.count)} 个 0 到 1 之间的数组成的数组。`,
  'pixels.count': (p, f) =>
    `像素必须是 ${f.number(p.count)} 个数（${p.shape}），实际为 ${f.number(p.got)} 个。`,
  'pixels.notFinite': (p, f) => `像素 ${f.number(p.index)} 不是有限的数：每个值都必须在 0 到 1 之间。`,
  'label.unknown': (p) =>
    `${p.label} 不是这里的标签：请从 ${p.list} 中选一个（或它的编号，0 到 ${p.last}）。`,
  'label.none': '没有标签',
  'examples.notArray': '样例必须是 { pixels, label } 的数组（先在画板上教几个手写样例）。',
  'examples.empty': '还没有可学习的样例：画一个，选出正确标签，再按“教给它”。',
  'examples.tooMany': (p, f) => `一次最多 ${f.number(p.max)} 个样例（实际为 ${f.number(p.got)} 个）。`,
  'examples.notExample': (p, f) => `样例 ${f.number(p.n)} 不是 { pixels, label }。`,
  'examples.label': (p, f) =>
    `样例 ${f.number(p.n)} 的标签是 ${p.label}：标签是 ${f.number(0)} 到 ${f.number(p.last)} 的类别编号。`,
  'examples.pixels': (p, f) =>
    `样例 ${f.number(p.n)} 有 ${p.got < 0 ? '0' : f.number(p.got)} 个像素值；这个网络需要 ${f.number(p.size)} 个（${p.shape}）。`,
  'examples.pixel': (p, f) =>
    `样例 ${f.number(p.n)}：像素 ${f.number(p.index)} 不是有限的数（值为 0 到 1）。`,
  'examples.steps': (p, f) => `微调步数必须是 ${f.number(1)} 到 ${f.number(p.max)} 的整数。`,
};
