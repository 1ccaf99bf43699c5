/** 日本語: 壊れて届いたデータセット、または読み込めない形式のデータセット (see ../../engine/data/dataset.messages.ts). */
import type { SameKeys } from '../types.js';
import type { DATASET_MESSAGES } from '../../engine/data/dataset.messages.js';

export const DATA: SameKeys<typeof DATASET_MESSAGES> = {
  'dataset.cannotLoad': (p) => `${p.label}を読み込めませんでした`,
  'dataset.cannotUnpack': (p) =>
    `このブラウザーでは${p.label}を展開できません (DecompressionStream がありません)。最新のブラウザーをお使いください。`,
  'dataset.damaged.checksum': 'チェックサムが一致しません',
  'dataset.damaged.unpack': '展開できません',
  'dataset.damaged.json': '正しい JSON ではありません',
  'dataset.damaged.jsonChecksum': 'チェックサムが一致しません',
  'dataset.format': (p) =>
    `${p.url} のデータセットは、このライブラリが読める形式ではありません（${p.why}）。`,
  'dataset.badAddress': (p) => `"${p.address}" はデータセットの有効なアドレスではありません (data-src)。`,
  'dataset.why.notDatasetJson': 'dataset.json ではありません',
  'dataset.why.webPage': 'JSON ではなくウェブページです。アドレス (data-src) を確認してください',
  'dataset.why.formatName': (p) =>
    `"format" が "${p.format}" ではなく ${p.got} です。npx cnn-widgets pack でパックしてください`,
  'dataset.why.version': (p) =>
    `バージョン ${p.got} です。このライブラリが読めるのはバージョン ${p.version} です`,
  'dataset.why.shape': (p) =>
    `"shape" は [高さ, 幅, チャネル数] で、辺は ${p.min}〜${p.max}、チャネル数は 1 か 3 にしてください (${p.got} ではなく)`,
  'dataset.why.classes': '"classes" には 2〜256 個のクラス名を並べてください',
  'dataset.why.normalize': (p) =>
    `"normalize" には ${p.channels} 個のチャネルそれぞれについて平均と正の標準偏差 (std) を指定してください`,
  'dataset.why.noSplit': (p) => `"${p.split}" の分割がありません`,
  'dataset.why.shard': (p) => `"${p.split}" のシャード ${p.file} の記述が正しくありません`,
  'dataset.why.shardCount': (p) =>
    `"${p.split}" のシャードに含まれるサンプルは ${p.count} 件ではなく ${p.held} 件です`,
  'dataset.why.label': (p) =>
    `サンプル ${p.example} のラベルは ${p.label} ですが、クラスは ${p.classes} 個しかありません`,
};
