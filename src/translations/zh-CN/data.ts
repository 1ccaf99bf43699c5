/** 简体中文：传输中损坏或格式无法读取的数据集 (see ../../engine/data/dataset.messages.ts). */
import type { SameKeys } from '../types.js';
import type { DATASET_MESSAGES } from '../../engine/data/dataset.messages.js';

export const DATA: SameKeys<typeof DATASET_MESSAGES> = {
  'dataset.cannotLoad': (p) => `无法加载${p.label}`,
  'dataset.cannotUnpack': (p) =>
    `此浏览器无法解压${p.label}（缺少 DecompressionStream）。请使用最新版本的浏览器。`,
  'dataset.damaged.checksum': '与其校验和不符',
  'dataset.damaged.unpack': '无法解压',
  'dataset.damaged.json': '不是有效的 JSON',
  'dataset.damaged.jsonChecksum': '校验和不符',
  'dataset.format': (p) => `${p.url} 处的数据集不是本库能读取的格式（${p.why}）。`,
  'dataset.badAddress': (p) => `"${p.address}" 不是有效的数据集地址 (data-src)。`,
  'dataset.why.notDatasetJson': '不是 dataset.json',
  'dataset.why.webPage': '是网页而不是 JSON：请检查地址 (data-src)',
  'dataset.why.formatName': (p) =>
    `其 "format" 是 ${p.got}，而不是 "${p.format}"：请用 npx cnn-widgets pack 打包`,
  'dataset.why.version': (p) => `版本为 ${p.got}；本库读取的是版本 ${p.version}`,
  'dataset.why.shape': (p) =>
    `"shape" 必须是 [高, 宽, 通道数]，边长 ${p.min} 到 ${p.max}，通道数为 1 或 3，而不是 ${p.got}`,
  'dataset.why.classes': '"classes" 必须列出 2 到 256 个类别名',
  'dataset.why.normalize': (p) =>
    `"normalize" 必须为 ${p.channels} 个通道各给出一个均值和一个正的标准差 (std)`,
  'dataset.why.noSplit': (p) => `缺少 "${p.split}" 划分`,
  'dataset.why.shard': (p) => `"${p.split}" 的分片 ${p.file} 格式有误`,
  'dataset.why.shardCount': (p) => `"${p.split}" 的分片共有 ${p.held} 个样本，而不是 ${p.count} 个`,
  'dataset.why.label': (p) => `样本 ${p.example} 的标签是 ${p.label}，但只有 ${p.classes} 个类别`,
};
