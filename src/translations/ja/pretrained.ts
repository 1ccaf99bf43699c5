/** 日本語: 読み込めない学習済みの重み (see ../../engine/pretrained.messages.ts). */
import type { SameKeys } from '../types.js';
import type { PRETRAINED_MESSAGES } from '../../engine/pretrained.messages.js';

export const PRETRAINED: SameKeys<typeof PRETRAINED_MESSAGES> = {
  'pretrained.cannotLoad': '学習済みネットワークを読み込めませんでした',
  'pretrained.damaged.json': 'マニフェストが正しい JSON ではありません',
  'pretrained.webPage': (p) =>
    `学習済みネットワークのマニフェスト (${p.url}) は JSON ではなくウェブページです。アドレス (weights-src) を確認してください。`,
  'pretrained.unusable': (p) => `学習済みネットワークのマニフェストは使用できません: ${p.why}。`,
  'pretrained.why.notObject': 'マニフェストが JSON オブジェクトではありません',
  'pretrained.why.format': (p) => `マニフェストの形式 ${p.got} には対応していません`,
  'pretrained.why.model': (p) => `この重みはモデル "${p.model}" ではなく "${p.got}" 用です`,
  'pretrained.why.noTensors': 'マニフェストにテンソルが 1 つもありません',
  'pretrained.why.noFile': 'マニフェストにバイナリファイルまたはそのサイズがありません',
  'pretrained.why.tensor': (p) => `テンソル ${p.tensor} の内容が矛盾しています`,
  'pretrained.noLayer': (p) => `学習済みの重みに、モデルに対応する ${p.layer} 層がありません。`,
  'pretrained.shape': (p) =>
    `学習済みのテンソル ${p.tensor} の形状は ${p.got} ですが、モデルが求めるのは ${p.want} です。`,
  'pretrained.extraLayers': '学習済みの重みに、モデルにない層の名前があります。',
};
