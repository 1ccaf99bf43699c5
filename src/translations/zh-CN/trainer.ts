/** 中文（简体）：`<cnn-trainer>` 的文字 (see ../types.ts)。 */
import type { TRAINER_EN } from '../../components/cnn-trainer/cnn-trainer.strings.js';
import type { SameKeys } from '../types.js';
import type { CONFIG_MESSAGES } from '../../engine/training/config.messages.js';
import { int, dec, dec2 } from '../formats.js';

export const TRAINER: SameKeys<typeof TRAINER_EN> = {
  'trainer.start': '开始',
  'trainer.startAgain': '重新开始',
  'trainer.pause': '暂停',
  'trainer.resume': '继续',
  'trainer.stop': '停止',
  'trainer.backend': '后端：',
  'trainer.downloadCode': '下载 PyTorch 代码',
  'trainer.downloadWeights': '下载权重',
  'trainer.loadWeights': '加载权重',
  'trainer.fineTune': '用教过的样例微调',
  'trainer.fineTuning': '微调中…',
  'trainer.fineTuned': (p, f) =>
    `${f.number(p.steps)} 步之后，教过的 ${p.examples} 个样例中有 ${p.correct} 个识别正确；测试准确率 ${f.percent(p.before)} → ${f.percent(p.after)}。`,
  'trainer.settings': '训练设置',
  'trainer.model': '模型',
  'trainer.model.fnn': 'FNN（全连接）',
  'trainer.model.custom': '自定义网络',
  'trainer.epochs': '轮数',
  'trainer.batchSize': '批大小',
  'trainer.learningRate': '学习率',
  'trainer.optimizer': '优化器',
  'trainer.lrSchedule': '学习率调度',
  'trainer.schedule.cooldown': '冷却',
  'trainer.schedule.constant': '恒定',
  'trainer.schedule.cosine': '余弦',
  'trainer.trainSize': '训练图像数',
  'trainer.layers': '你的网络（PyTorch 层，用逗号或换行分隔）',
  'trainer.downloadProgress': '下载进度',
  'trainer.trainingProgress': '训练进度',
  'trainer.evaluated': '已加载权重，并在测试图像上评估',
  'trainer.evaluating': '正在测试图像上评估加载的权重',
  'trainer.failed': '失败',
  'trainer.split.train': '训练',
  'trainer.split.test': '测试',
  'trainer.startingTf': '正在启动 TensorFlow.js…',
  'trainer.downloading': (p, f) => `正在下载 ${p.dataset} ${p.split} 图像：${f.percent(p.percent, 0)}`,
  'trainer.downloadingSized': (p, f) =>
    `正在下载 ${p.dataset} ${p.split} 图像：${f.number(p.loaded, dec)} / ${f.number(p.total, dec)} MB · ${f.percent(p.percent, 0)}`,
  'trainer.batch': (p, f) =>
    `${p.state === 'paused' ? '已暂停 · ' : p.state === 'done' ? '完成 · ' : p.state === 'stopped' ? '已停止 · ' : ''}第 ${p.epoch}/${p.epochs} 轮 · 批次 ${int(f, p.batch)}/${int(f, p.batches)}${p.speed > 0 ? ` · 每秒 ${int(f, p.speed)} 张` : ''}`,
  'trainer.preparing': '正在准备第一个批次…',
  'trainer.paused': '已暂停',
  'trainer.ready': (p, f) => `就绪：在 ${int(f, p.images)} 张图像上训练 ${int(f, p.epochs)} 轮${p.of}`,
  'trainer.ofDataset': (p, f) => `（${p.name}，${int(f, p.classes)} 个类别${p.names ? `：${p.names}` : ''}）`,
  'trainer.readingDataset': '正在读取数据集…',
  'trainer.fixSettings': '请先修正设置再开始',
  'trainer.hiddenPause': '因为标签页被隐藏而暂停。按“继续”接着训练。',
  'trainer.autostartHeld': '由于您的设备要求减少动态效果，训练没有自动开始。按“开始”进行训练。',
  'trainer.lossCaption': '损失（平滑）',
  'trainer.trainAccuracy': '训练准确率',
  'trainer.testAccuracyCaption': '测试准确率（每轮）',
  'trainer.epochAxis': '轮',
  'trainer.lossEmpty': '每批损失（平滑）：还没有数据。',
  'trainer.accuracyEmpty': '每批准确率和每轮测试准确率：还没有数据。',
  'trainer.lossSummary': (p, f) =>
    `每批损失（平滑）：${f.number(p.batches)} 个批次后从 ${f.number(p.from, dec2)} 降到 ${f.number(p.to, dec2)}。`,
  'trainer.accuracySummary': (p, f) =>
    `每批训练准确率（平滑）：从 ${f.percent(p.from)} 到 ${f.percent(p.to)}。${p.tests ? `每轮测试准确率：${p.tests}。` : ''}`,
  // The charts' data table.
  'trainer.tableCaption': '每轮的损失和准确率（每轮最后一个批次时的平滑值）',
  'trainer.col.epoch': '轮',
  'trainer.col.batches': '批次数',
  'trainer.col.loss': '损失',
  'trainer.col.trainAccuracy': '训练准确率',
  'trainer.col.testAccuracy': '测试准确率',
  'trainer.result': '测试准确率 {0}',
  'trainer.resultOn': (p, f) => `在 ${f.number(p.images)} 张测试图像上的准确率 {0}`,
  'trainer.noResult': '第一轮结束后显示测试准确率。',
  'trainer.noResultEnded': '运行在评估测试集之前就结束了：没有测试准确率。',
  'trainer.settingError': (p) => `${String(p.error).charAt(0).toUpperCase()}${String(p.error).slice(1)}`,
  'trainer.networkError': (p) => `你的网络（layers）：${p.error}`,
  'trainer.unknownPreset': (p) => `未知的 preset "${p.preset}"：唯一的 preset 是 "notebook"。`,
  'trainer.batchTooLarge': (p, f) =>
    `批大小（${f.number(p.batch)}）大于训练集（${f.number(p.images)} 张图像）。`,
  'trainer.tooMuchWork': (p, f) =>
    `${f.number(p.epochs)} 轮 × ${f.number(p.images)} 张图像对网页来说计算量太大（最多 ${f.number(p.max)} 次图像处理，例如全部 ${f.number(60000)} 张训练 20 轮）：请减少轮数或训练图像数。`,
  'trainer.announceStart': (p) => `正在用 ${p.backend || '默认'} 后端训练 ${p.model}。`,
  'trainer.announceEpoch': (p, f) =>
    `第 ${p.epoch} 轮（共 ${p.epochs > 0 ? p.epochs : '?'} 轮）完成${Number.isFinite(p.accuracy) ? `：测试准确率 ${f.percent(p.accuracy)}` : ''}。`,
  'trainer.announceLoaded': (p, f) =>
    Number.isFinite(p.accuracy) ? `权重已加载：测试准确率 ${f.percent(p.accuracy)}。` : '权重已加载。',
  'trainer.announceEnd': (p, f) =>
    `${p.stopped === 'yes' ? '训练已停止' : '训练完成'}${Number.isFinite(p.accuracy) ? `：测试准确率 ${f.percent(p.accuracy)}` : ''}。`,
  'trainer.announceFailed': (p) => `训练失败：${p.error}`,
};

export const CONFIG: SameKeys<typeof CONFIG_MESSAGES> = {
  'config.notSpec': 'spec 必须是一个网络（{ name, inputShape, layers: [...] }）。',
  'config.spec': (p) => `spec：${p.error}`,
  'config.model': (p) => `model 必须是 "cnn" 或 "fnn"，而不是 "${p.got}"。`,
  'config.optimizer': (p) => `优化器必须是 "adam" 或 "sgd"，而不是 "${p.got}"。`,
  'config.lrSchedule': (p) => `学习率调度必须是 "constant"、"cooldown" 或 "cosine"，而不是 "${p.got}"。`,
  'config.backend': (p) => `backend 必须是 auto、webgpu、webgl、wasm 或 cpu，而不是 "${p.got}"。`,
  'config.epochs': (p, f) => `轮数必须是 1 到 ${f.number(p.max)} 的整数。`,
  'config.batchSize': (p, f) => `批大小必须是 1 到 ${f.number(p.max)} 的整数。`,
  'config.learningRate': '学习率必须是大于 0 的数（最大为 10）。',
  'config.momentum': '动量必须是 0 到 1 之间（不含 1）的数。',
  'config.trainSize': (p, f) => `训练图像数必须是 1 到 ${f.number(p.max)} 的整数。`,
  'config.testSize': (p, f) => `测试图像数必须是 1 到 ${f.number(p.max)} 的整数。`,
  'config.seed': 'seed 必须是整数。',
  'config.thread': 'thread 必须是 auto、worker 或 main。',
  'config.workers': (p) => `workers 必须是 "auto" 或 1 到 ${p.max} 的整数。`,
};
