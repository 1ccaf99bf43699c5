/** 日本語: ネットワークのファイルの読み書き（see ../../engine/export/files.messages.ts）。 */
import type { SameKeys } from '../types.js';
import type { FILES_MESSAGES } from '../../engine/export/files.messages.js';

export const FILES: SameKeys<typeof FILES_MESSAGES> = {
  'st.notFile': (p) => `safetensors の重みファイルではありません: ${p.why}。`,
  'st.whyShort': (p) => `${p.bytes} バイトしかありません`,
  'st.whyHeaderLength': (p) => `ヘッダー長（${p.n}）が全体の ${p.bytes} バイトに収まりません`,
  'st.whyHeaderJson': 'ヘッダーが JSON ではありません',
  'st.whyHeaderObject': 'ヘッダーが JSON オブジェクトではありません',
  'st.whyEntry': (p) => `エントリ "${p.name}" がオブジェクトではありません`,
  'st.whyShape': (p) => `"${p.name}" に有効な形状がありません`,
  'st.whyOffsets': (p) => `"${p.name}" に有効な data_offsets がありません`,
  'st.whyFit': (p) =>
    `"${p.name}"（${p.shape}）が ${p.length} バイト中の ${p.begin}…${p.end} バイトに収まりません`,
  'st.dtype': (p) =>
    `"${p.name}" は ${p.dtype} で保存されています。ここで読めるのは float32（F32）の重みだけです。.float() で保存してください。`,
  'st.lacks': (p) => `この重みはこのネットワークのものではありません: ${p.missing} がありません。`,
  'st.strangers': (p) =>
    `この重みはこのネットワークのものではありません: このネットワークにない ${p.strangers} が含まれています。`,
  'st.lacksAndStrangers': (p) =>
    `この重みはこのネットワークのものではありません: ${p.missing} がなく、このネットワークにない ${p.strangers} が含まれています。`,
  'st.fileShape': (p) => `"${p.name}" はファイルでは ${p.got} ですが、このネットワークでは ${p.want} です。`,
  'st.exportMissing': (p) => `重みに "${p.name}" がありません（ネットワーク "${p.network}" に必要です）。`,
  'st.exportShape': (p) => `"${p.name}" は ${p.got} ですが、ネットワークには ${p.want} が必要です。`,
  'io.noWeights': 'まだ重みがありません。先にネットワークを学習させてください。',
  'io.starting': '学習はまだ開始中です。学習が始まってから重みを読み込んでください。',
  'io.badSettings': '設定が正しくありません（トレーナーのメッセージを見てください）。',
  'io.notStarted': '読み込んだネットワークが起動しませんでした。',
  'io.loadFailed': (p) => `重みを読み込めませんでした: ${p.error}`,
  'io.source': 'importWeights には Blob（ファイル）か URL を渡してください。',
  'io.answered': (p) => `${p.url} の応答は ${p.status} でした`,
};
