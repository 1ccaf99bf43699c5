/** 日本語: `<cnn-trainer>` の言葉 (see ../types.ts)。 */
import type { TRAINER_EN } from '../../components/cnn-trainer/cnn-trainer.strings.js';
import type { SameKeys } from '../types.js';
import type { CONFIG_MESSAGES } from '../../engine/training/config.messages.js';
import { int, dec, dec2 } from '../formats.js';

export const TRAINER: SameKeys<typeof TRAINER_EN> = {
  'trainer.start': '開始',
  'trainer.startAgain': 'もう一度開始',
  'trainer.pause': '一時停止',
  'trainer.resume': '再開',
  'trainer.stop': '停止',
  'trainer.backend': 'バックエンド:',
  'trainer.downloadCode': 'PyTorch コードをダウンロード',
  'trainer.downloadWeights': '重みをダウンロード',
  'trainer.loadWeights': '重みを読み込む',
  'trainer.fineTune': '教えた例でファインチューニング',
  'trainer.fineTuning': 'ファインチューニング中…',
  'trainer.fineTuned': (p, f) =>
    `${f.number(p.steps)} ステップ後、教えた例 ${p.examples} 個のうち ${p.correct} 個を正しく読めるようになりました。テスト精度 ${f.percent(p.before)} → ${f.percent(p.after)}。`,
  'trainer.settings': '学習の設定',
  'trainer.model': 'モデル',
  'trainer.model.fnn': 'FNN (全結合)',
  'trainer.model.custom': '自作',
  'trainer.epochs': 'エポック数',
  'trainer.batchSize': 'バッチサイズ',
  'trainer.learningRate': '学習率',
  'trainer.optimizer': '最適化手法',
  'trainer.lrSchedule': '学習率スケジュール',
  'trainer.schedule.cooldown': 'クールダウン',
  'trainer.schedule.constant': '一定',
  'trainer.schedule.cosine': 'コサイン',
  'trainer.trainSize': '訓練画像の枚数',
  'trainer.layers': 'あなたのネットワーク (PyTorch の層。カンマか改行で区切る)',
  'trainer.downloadProgress': 'ダウンロードの進行状況',
  'trainer.trainingProgress': '学習の進行状況',
  'trainer.evaluated': '読み込んだ重みをテスト画像で評価しました',
  'trainer.evaluating': '読み込んだ重みをテスト画像で評価中',
  'trainer.failed': '失敗しました',
  'trainer.split.train': '訓練',
  'trainer.split.test': 'テスト',
  'trainer.startingTf': 'TensorFlow.js を起動中…',
  'trainer.downloading': (p, f) =>
    `${p.dataset} の ${p.split} 画像をダウンロード中: ${f.percent(p.percent, 0)}`,
  'trainer.downloadingSized': (p, f) =>
    `${p.dataset} の ${p.split} 画像をダウンロード中: ${f.number(p.loaded, dec)} / ${f.number(p.total, dec)} MB · ${f.percent(p.percent, 0)}`,
  'trainer.batch': (p, f) =>
    `${p.state === 'paused' ? '一時停止中 · ' : p.state === 'done' ? '完了 · ' : p.state === 'stopped' ? '停止 · ' : ''}エポック ${p.epoch}/${p.epochs} · バッチ ${int(f, p.batch)}/${int(f, p.batches)}${p.speed > 0 ? ` · 毎秒 ${int(f, p.speed)} 枚` : ''}`,
  'trainer.preparing': '最初のバッチを準備中…',
  'trainer.paused': '一時停止中',
  'trainer.ready': (p, f) => `準備完了: ${int(f, p.images)} 枚の画像で ${int(f, p.epochs)} エポック${p.of}`,
  'trainer.ofDataset': (p, f) => `（${p.name}、${int(f, p.classes)} クラス${p.names ? `: ${p.names}` : ''}）`,
  'trainer.readingDataset': 'データセットを読み込み中…',
  'trainer.fixSettings': '開始するには設定を直してください',
  'trainer.hiddenPause': 'タブが非表示になったため一時停止しました。続けるには「再開」を押してください。',
  'trainer.autostartHeld':
    'お使いのデバイスで動きを減らす設定がオンになっているため、自動では開始しませんでした。学習するには「開始」を押してください。',
  'trainer.lossCaption': '損失 (平滑化)',
  'trainer.trainAccuracy': '訓練精度',
  'trainer.testAccuracyCaption': 'テスト精度 (エポックごと)',
  'trainer.epochAxis': 'エポック',
  'trainer.lossEmpty': 'バッチごとの損失 (平滑化): まだデータがありません。',
  'trainer.accuracyEmpty': 'バッチごとの精度とエポックごとのテスト精度: まだデータがありません。',
  'trainer.lossSummary': (p, f) =>
    `バッチごとの損失 (平滑化): ${f.number(p.batches)} バッチで ${f.number(p.from, dec2)} から ${f.number(p.to, dec2)} へ。`,
  'trainer.accuracySummary': (p, f) =>
    `バッチごとの訓練精度 (平滑化): ${f.percent(p.from)} から ${f.percent(p.to)} へ。${p.tests ? `エポックごとのテスト精度: ${p.tests}。` : ''}`,
  // The charts' data table.
  'trainer.tableCaption': 'エポックごとの損失と精度 (各エポック最後のバッチでの平滑化した値)',
  'trainer.col.epoch': 'エポック',
  'trainer.col.batches': 'バッチ数',
  'trainer.col.loss': '損失',
  'trainer.col.trainAccuracy': '訓練精度',
  'trainer.col.testAccuracy': 'テスト精度',
  'trainer.result': 'テスト精度 {0}',
  'trainer.resultOn': (p, f) => `テスト画像 ${f.number(p.images)} 枚での精度 {0}`,
  'trainer.noResult': 'テスト精度は最初のエポックの後に表示されます。',
  'trainer.noResultEnded': 'テストセットを評価する前に実行が終了しました。テスト精度はありません。',
  'trainer.settingError': (p) => `${String(p.error).charAt(0).toUpperCase()}${String(p.error).slice(1)}`,
  'trainer.networkError': (p) => `あなたのネットワーク (layers): ${p.error}`,
  'trainer.unknownPreset': (p) => `不明な preset "${p.preset}" です: preset は "notebook" だけです。`,
  'trainer.batchTooLarge': (p, f) =>
    `バッチサイズ (${f.number(p.batch)}) が訓練データ (${f.number(p.images)} 枚) より大きくなっています。`,
  'trainer.tooMuchWork': (p, f) =>
    `${f.number(p.epochs)} エポック × ${f.number(p.images)} 枚は Web ページには重すぎます (画像の処理は最大 ${f.number(p.max)} 回。例: ${f.number(60000)} 枚すべてで 20 エポック): エポック数か訓練画像の枚数を減らしてください。`,
  'trainer.announceStart': (p) => `${p.model} を ${p.backend || '既定の'} バックエンドで学習しています。`,
  'trainer.announceEpoch': (p, f) =>
    `エポック ${p.epoch} / ${p.epochs > 0 ? p.epochs : '?'} 完了${Number.isFinite(p.accuracy) ? `: テスト精度 ${f.percent(p.accuracy)}` : ''}。`,
  'trainer.announceLoaded': (p, f) =>
    Number.isFinite(p.accuracy)
      ? `重みを読み込みました: テスト精度 ${f.percent(p.accuracy)}。`
      : '重みを読み込みました。',
  'trainer.announceEnd': (p, f) =>
    `${p.stopped === 'yes' ? '学習を停止しました' : '学習が終わりました'}${Number.isFinite(p.accuracy) ? `: テスト精度 ${f.percent(p.accuracy)}` : ''}。`,
  'trainer.announceFailed': (p) => `学習に失敗しました: ${p.error}`,
};

export const CONFIG: SameKeys<typeof CONFIG_MESSAGES> = {
  'config.notSpec': 'spec はネットワーク ({ name, inputShape, layers: [...] }) にしてください。',
  'config.spec': (p) => `spec: ${p.error}`,
  'config.model': (p) => `model は "cnn" か "fnn" にしてください ("${p.got}" ではなく)。`,
  'config.optimizer': (p) => `最適化手法は "adam" か "sgd" にしてください ("${p.got}" ではなく)。`,
  'config.lrSchedule': (p) =>
    `学習率スケジュールは "constant"、"cooldown"、"cosine" のどれかにしてください ("${p.got}" ではなく)。`,
  'config.backend': (p) =>
    `backend は auto、webgpu、webgl、wasm、cpu のどれかにしてください ("${p.got}" ではなく)。`,
  'config.epochs': (p, f) => `エポック数は 1〜${f.number(p.max)} の整数にしてください。`,
  'config.batchSize': (p, f) => `バッチサイズは 1〜${f.number(p.max)} の整数にしてください。`,
  'config.learningRate': '学習率は 0 より大きい数 (最大 10) にしてください。',
  'config.momentum': 'モーメンタムは 0 以上 1 未満の数にしてください。',
  'config.trainSize': (p, f) => `訓練画像の枚数は 1〜${f.number(p.max)} の整数にしてください。`,
  'config.testSize': (p, f) => `テスト画像の枚数は 1〜${f.number(p.max)} の整数にしてください。`,
  'config.seed': 'seed は整数にしてください。',
  'config.thread': 'thread は auto、worker、main のどれかにしてください。',
  'config.workers': (p) => `workers は "auto" か 1〜${p.max} の整数にしてください。`,
};
