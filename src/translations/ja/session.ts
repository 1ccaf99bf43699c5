/** 日本語: 学習セッションが拒否・失敗する理由（see ../../engine/training/session.messages.ts）。 */
import type { SameKeys } from '../types.js';
import type { SESSION_MESSAGES } from '../../engine/training/session.messages.js';

export const SESSION: SameKeys<typeof SESSION_MESSAGES> = {
  'session.networkMisfit': (p) =>
    `ネットワーク (layers) が ${p.dataset}（${p.channels}×${p.height}×${p.width} の画像、${p.classes} クラス）に合いません: ${p.error}`,
  'session.tooMuchData': (p, f) =>
    `${p.width}×${p.height}×${p.channels} の学習画像 ${f.number(p.train)} 枚とテスト画像 ${f.number(p.test)} 枚で ${f.number(p.mb)} MB になり、ブラウザーのタブ 1 つに収めるべき量 (${f.number(p.maxMb)} MB) を超えています。train-size を ${f.number(p.most)} 以下にしてください。`,
  'session.disposed': 'この学習セッションは破棄されました。',
  'session.notReady': '初期化されていません。',
  'session.notStartedYet': 'モデルはまだ準備できていません（先に start() を呼んでください）。',
  'session.runFailed': 'この学習は失敗しました。新しく開始してからファインチューニングしてください。',
  'session.notTrained':
    'ファインチューニングには学習済みのネットワークが必要です。学習が終わるまで待ってください（または停止してください）。',
  'session.notStarted':
    'ファインチューニングには学習済みのネットワークが必要です。先に「開始」を押して学習させてください。',
  'session.tuning': 'ファインチューニングはすでに実行中です。',
  'session.tuningWait': 'ファインチューニングはすでに実行中です。終わるまで待ってください。',
  'session.tuneRate': 'ファインチューニングの学習率は 0 より大きい数（10 以下）でなければなりません。',
  'session.diverged': (p) =>
    `ファインチューニングがステップ ${p.step} で発散しました（損失が数値ではありません）。学習率を小さくしてみてください。`,
  'session.noExamples': (p) =>
    `学習に使う例がまだありません。${p.pad} に描き、正しいラベルを選んで「教える」を押してください。`,
  'session.tuneFailed': (p) => `ファインチューニングできませんでした: ${p.error}`,
  'session.workerSilent': (p, f) =>
    `学習ワーカーが ${f.number(p.seconds)} 秒間応答しなかったため停止しました。ページを再読み込みしてもう一度試してください。`,
  'session.helperSilent': (p, f) =>
    `学習の補助ワーカーが ${f.number(p.seconds)} 秒間応答しませんでした。学習を停止しました。workers="1" でもう一度試してください。`,
};
