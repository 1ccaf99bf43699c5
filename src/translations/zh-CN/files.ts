/** 简体中文：读写网络的文件（see ../../engine/export/files.messages.ts）。 */
import type { SameKeys } from '../types.js';
import type { FILES_MESSAGES } from '../../engine/export/files.messages.js';

export const FILES: SameKeys<typeof FILES_MESSAGES> = {
  'st.notFile': (p) => `这不是 safetensors 权重文件：${p.why}。`,
  'st.whyShort': (p) => `它只有 ${p.bytes} 个字节`,
  'st.whyHeaderLength': (p) => `它的头部长度（${p.n}）与其 ${p.bytes} 个字节不符`,
  'st.whyHeaderJson': '它的头部不是 JSON',
  'st.whyHeaderObject': '它的头部不是 JSON 对象',
  'st.whyEntry': (p) => `条目 "${p.name}" 不是对象`,
  'st.whyShape': (p) => `"${p.name}" 没有有效的形状`,
  'st.whyOffsets': (p) => `"${p.name}" 没有有效的 data_offsets`,
  'st.whyFit': (p) => `"${p.name}"（${p.shape}）放不进第 ${p.begin}…${p.end} 字节（共 ${p.length} 字节）`,
  'st.dtype': (p) => `"${p.name}" 以 ${p.dtype} 存储；这里只读取 float32（F32）权重：请用 .float() 保存。`,
  'st.lacks': (p) => `这些权重不属于这个网络：缺少 ${p.missing}。`,
  'st.strangers': (p) => `这些权重不属于这个网络：其中有 ${p.strangers}，而这个网络没有。`,
  'st.lacksAndStrangers': (p) =>
    `这些权重不属于这个网络：缺少 ${p.missing}；其中有 ${p.strangers}，而这个网络没有。`,
  'st.fileShape': (p) => `"${p.name}" 在文件中是 ${p.got}，但这个网络中是 ${p.want}。`,
  'st.exportMissing': (p) => `权重中没有 "${p.name}"（网络 "${p.network}" 需要它）。`,
  'st.exportShape': (p) => `"${p.name}" 是 ${p.got}，但网络需要 ${p.want}。`,
  'io.noWeights': '还没有权重：请先训练网络。',
  'io.starting': '训练仍在启动：请等它开始训练后再加载权重。',
  'io.badSettings': '设置无效（请看训练器中的提示）。',
  'io.notStarted': '加载的网络未能启动。',
  'io.loadFailed': (p) => `无法加载权重：${p.error}`,
  'io.source': 'importWeights 接受一个 Blob（文件）或一个 URL。',
  'io.answered': (p) => `${p.url} 返回了 ${p.status}`,
};
