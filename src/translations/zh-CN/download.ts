/** 中文（简体）：下载失败的消息 (see ../types.ts). */
import type { DOWNLOAD_MESSAGES } from '../../engine/data/download.messages.js';
import type { SameKeys } from '../types.js';

export const DOWNLOAD: SameKeys<typeof DOWNLOAD_MESSAGES> = {
  'download.label.pretrained': '预训练网络',
  'download.label.wasm': 'WebAssembly 后端',
  'download.label.dataset': '数据集',
  'download.label.data': (p) => `${p.name} 数据`,
  'download.lead': (p) => `无法下载${p.label}`,
  'download.checkAndRetry': '请检查网络连接，然后按“重试”',
  'download.checkAddress': '请检查地址，然后按“重试”',
  'download.checkAttribute': (p) => `请检查地址（${p.attribute}），然后按“重试”`,
  'download.serverProblem': '服务器出了问题；请稍后按“重试”',
  'download.network': (p) => `${p.lead}（${p.url}：${p.why}）：${p.advice}。`,
  'download.http': (p) => `${p.lead}（${p.url}：HTTP ${p.status}）：${p.advice}。`,
  'download.stalled': (p, f) =>
    `${p.lead}（收到 ${p.url} 的 ${f.number(p.got)} 字节后 ${f.number(p.seconds)} 秒没有数据）：连接停滞；${p.advice}。`,
  'download.truncated': (p, f) =>
    `${p.lead}：文件到达时不完整，被截断（${p.url} 的 ${f.number(p.got)}${p.total >= 0 ? ` / ${f.number(p.total)}` : ''} 字节${p.why ? `：${p.why}` : ''}）；${p.advice}。`,
  'download.damaged': (p) =>
    `${p.lead}：${p.url} 到达时已损坏（${p.why}）。请按“重试”；如果再次发生，说明服务器上的文件已损坏。`,
  'download.wrongSize': (p, f) => `${f.number(p.got)} 字节，而不是 ${f.number(p.expected)}`,
  'download.checksum': '校验和不匹配',
};
