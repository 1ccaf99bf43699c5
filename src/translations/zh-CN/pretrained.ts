/** 简体中文：无法加载的预训练权重 (see ../../engine/pretrained.messages.ts). */
import type { SameKeys } from '../types.js';
import type { PRETRAINED_MESSAGES } from '../../engine/pretrained.messages.js';

export const PRETRAINED: SameKeys<typeof PRETRAINED_MESSAGES> = {
  'pretrained.cannotLoad': '无法加载预训练网络',
  'pretrained.damaged.json': '其清单不是有效的 JSON',
  'pretrained.webPage': (p) => `预训练网络的清单（${p.url}）是网页而不是 JSON：请检查地址 (weights-src)。`,
  'pretrained.unusable': (p) => `预训练网络的清单无法使用：${p.why}。`,
  'pretrained.why.notObject': '清单不是 JSON 对象',
  'pretrained.why.format': (p) => `不支持清单格式 ${p.got}`,
  'pretrained.why.model': (p) => `这些权重属于模型 "${p.got}"，而不是 "${p.model}"`,
  'pretrained.why.noTensors': '清单中没有列出任何张量',
  'pretrained.why.noFile': '清单缺少二进制文件或其大小',
  'pretrained.why.tensor': (p) => `张量 ${p.tensor} 前后不一致`,
  'pretrained.noLayer': (p) => `预训练权重中没有与模型对应的 ${p.layer} 层。`,
  'pretrained.shape': (p) => `预训练张量 ${p.tensor} 的形状是 ${p.got}，但模型需要 ${p.want}。`,
  'pretrained.extraLayers': '预训练权重中含有模型没有的层。',
};
