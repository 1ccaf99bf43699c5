/** 简体中文：训练会话拒绝或失败的原因（see ../../engine/training/session.messages.ts）。 */
import type { SameKeys } from '../types.js';
import type { SESSION_MESSAGES } from '../../engine/training/session.messages.js';

export const SESSION: SameKeys<typeof SESSION_MESSAGES> = {
  'session.networkMisfit': (p) =>
    `你的网络（layers）与 ${p.dataset} 不匹配（${p.channels}×${p.height}×${p.width} 的图像，${p.classes} 个类别）：${p.error}`,
  'session.tooMuchData': (p, f) =>
    `${f.number(p.train)} 张训练图像和 ${f.number(p.test)} 张测试图像（${p.width}×${p.height}×${p.channels}）共 ${f.number(p.mb)} MB，超出了一个浏览器标签页应承载的量（${f.number(p.maxMb)} MB）：请把 train-size 设为不超过 ${f.number(p.most)}。`,
  'session.disposed': '这个训练会话已被释放。',
  'session.notReady': '尚未初始化。',
  'session.notStartedYet': '模型尚未就绪（请先调用 start()）。',
  'session.runFailed': '这次训练失败了：请重新开始一次，再进行微调。',
  'session.notTrained': '微调需要一个训练好的网络：请等训练结束（或先停止训练）。',
  'session.notStarted': '微调需要一个训练好的网络：请先点击“开始”让它训练。',
  'session.tuning': '已有一次微调正在进行。',
  'session.tuningWait': '已有一次微调正在进行：请等它完成。',
  'session.tuneRate': '微调的学习率必须是大于 0 的数（且不超过 10）。',
  'session.diverged': (p) => `微调在第 ${p.step} 步发散了（损失不是数字）：请尝试更小的学习率。`,
  'session.noExamples': (p) => `还没有可学习的样本：请在 ${p.pad} 中画图，选择正确的标签，然后点击“教给它”。`,
  'session.tuneFailed': (p) => `无法微调：${p.error}`,
  'session.workerSilent': (p, f) =>
    `训练 worker 在 ${f.number(p.seconds)} 秒内没有响应，已被停止：请重新加载页面再试。`,
  'session.helperSilent': (p, f) =>
    `一个训练辅助 worker 在 ${f.number(p.seconds)} 秒内没有响应：训练已停止。请用 workers="1" 再试。`,
};
