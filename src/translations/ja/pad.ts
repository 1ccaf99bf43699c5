/** 日本語: `<digit-pad>` の言葉と、その入力についてのエンジンのメッセージ (see ../types.ts)。 */
import type { PAD_EN } from '../../components/digit-pad/digit-pad.strings.js';
import type { INPUT_MESSAGES } from '../../engine/input.messages.js';
import type { SameKeys } from '../types.js';

export const PAD: SameKeys<typeof PAD_EN> = {
  'pad.mode': (p) => `mode は "draw" か "teach" にしてください ("${p.got}" ではなく)。`,
  'pad.padDigits': (p, f) =>
    `描画パッド: マウス、指、ペンで ${f.number(p.from)}〜${f.number(p.to)} の数字を描いてください`,
  'pad.padClasses': (p) => `描画パッド: マウス、指、ペンで ${p.classes} を描いてください`,
  'pad.padManyClasses': (p, f) =>
    `描画パッド: マウス、指、ペンで ${f.number(p.count)} クラスのどれかを描いてください`,
  'pad.clear': '消去',
  'pad.loading': '読み込み中…',
  'pad.tryDigit': 'テスト数字を試す',
  'pad.tryImage': 'テスト画像を試す',
  'pad.pen': 'ペン',
  'pad.inputCentred': (p) =>
    `ネットワークが見る ${p.size} の入力: 描画を ${p.fit} に縮小し、重心で中央に配置したもの`,
  'pad.inputScaled': (p) => `ネットワークが見る ${p.size} の入力: 描画を縮小したもの`,
  'pad.inputCaption': (p) => `${p.size} の入力`,
  'pad.testCaption': (p, f) =>
    `${p.name} テスト画像 #${f.number(p.index, { useGrouping: false })}、ラベル ${p.label}`,
  'pad.prediction': '予測',
  'pad.cleared': 'パッドを消去しました。',
  'pad.announce': (p, f) => `ネットワークの判定は ${p.label} です (確信度 ${f.percent(p.sure)})。`,
  'pad.probsDigits': '各数字の確率',
  'pad.probsClasses': '各クラスの確率',
  'pad.digit': (p, f) => `数字 ${f.number(p.digit)}`,
  'pad.noPrediction': '予測なし',
  'pad.topClasses': (p, f) => `${f.number(p.count)} クラスのうち確率の高い上位 ${f.number(10)} 件。`,
  'pad.layers': '各層の活性化',
  'pad.layerMaps': (p, f) => `${p.label}: ${f.number(p.h)}×${f.number(p.w)} の特徴マップ ${f.number(p.c)} 枚`,
  'pad.layerValues': (p, f) => `${p.label}: ${f.number(p.count)} 個の値`,
  'pad.layerEmpty': (p) => `${p.label}: まだ何もありません。何か描いてください`,
  'pad.loadingNetwork': '学習済みネットワークを読み込み中…',
  'pad.waitingTrain': (p) =>
    `#${p.id} の学習を待っています: そのネットワークにはまだ重みがありません。開始ボタンを押してください。`,
  'pad.waitingTrainer': (p) => `このページで id "${p.id}" のトレーナーを待っています。`,
  'pad.loadFailed': '学習済みネットワークを読み込めませんでした。',
  'pad.predictFailed': (p) => `予測に失敗しました: ${p.error}`,
  'pad.invalidNumbers': 'ネットワークが無効な数値を返しました (まだ最初から学習中ですか?)。',
  'pad.testDigitsFailed': (p) => `${p.name} のテスト数字を読み込めませんでした: ${p.error}`,
  'pad.testImagesFailed': (p) => `${p.name} のテスト画像を読み込めませんでした: ${p.error}`,
  'pad.testNeedsStart': (p) =>
    `${p.name} のテスト画像は #${p.id} のデータと一緒に読み込まれます: まずその開始ボタンを押してください。`,
  'pad.examples': (p) => `examples: ${p.error}`,
  'pad.teach.label': '正しいラベル',
  'pad.teach.pick': '選択…',
  'pad.teach.teach': '教える',
  'pad.teach.fineTune': 'ファインチューニング',
  'pad.teach.fineTuningButton': 'ファインチューニング中…',
  'pad.teach.forget': '忘れる',
  'pad.teach.hint': '描いて、正しいラベルを選び、「教える」を押してください。',
  'pad.teach.count': (p, f) => `${f.number(p.count)} 個の例を教えました。`,
  'pad.teach.taught': (p, f) =>
    `教えました: これは ${p.label} です。これまでに ${f.number(p.count)} 個の例。`,
  'pad.teach.forgotten': '例を忘れました。',
  'pad.teach.dropped': (p) =>
    `ネットワークは現在 ${p.name} (${p.shape}) を読みます: 以前に教えた例は破棄されました。`,
  'pad.teach.pickFirst': 'まず正しいラベルを選び、それから「教える」を押してください。',
  'pad.teach.blank': 'パッドが空です: まず描いてから、それが何かをネットワークに教えてください。',
  'pad.teach.needsTrainer':
    'ファインチューニングにはトレーナーが必要です: パッドに <cnn-trainer> を指す for="…" を指定してください。',
  'pad.teach.noExamples': 'まだ例がありません: 描いて、正しいラベルを選び、「教える」を押してください。',
  'pad.teach.fineTuning': 'あなたの例でファインチューニング中…',
  'pad.teach.cannot': 'トレーナーはファインチューニングできませんでした。',
  'pad.teach.failed': (p) => `ファインチューニングできませんでした: ${p.error}`,
  'pad.teach.fineTuned': (p, f) =>
    `ファインチューニング完了: ${f.number(p.examples)} 個の例のうち ${f.number(p.correct)} 個を正しく読めるようになりました。テスト精度 ${f.percent(p.before)} → ${f.percent(p.after)}。`,
};

export const INPUT: SameKeys<typeof INPUT_MESSAGES> = {
  'pixels.notArray': (p, f) => `ピクセルは 0〜1 の数値 ${f.number(p.count)} 個の配列にしてください。`,
  'pixels.count': (p, f) =>
    `ピクセルは ${f.number(p.count)} 個 (${p.shape}) 必要ですが、${f.number(p.got)} 個でした。`,
  'pixels.notFinite': (p, f) =>
    `ピクセル ${f.number(p.index)} が有限の数ではありません: 値はすべて 0〜1 にしてください。`,
  'label.unknown': (p) =>
    `${p.label} はここではラベルではありません: ${p.list} のどれか (またはその番号 0〜${p.last}) を選んでください。`,
  'label.none': 'ラベルなし',
  'examples.notArray':
    '例は { pixels, label } の配列にしてください (まずパッドにいくつか描いて教えてください)。',
  'examples.empty': '学習する例がまだありません: 描いて、正しいラベルを選び、「教える」を押してください。',
  'examples.tooMany': (p, f) =>
    `一度に使える例は最大 ${f.number(p.max)} 個です (${f.number(p.got)} 個ありました)。`,
  'examples.notExample': (p, f) => `例 ${f.number(p.n)} は { pixels, label } ではありません。`,
  'examples.label': (p, f) =>
    `例 ${f.number(p.n)} のラベルは ${p.label} です: ラベルは ${f.number(0)}〜${f.number(p.last)} のクラス番号です。`,
  'examples.pixels': (p, f) =>
    `例 ${f.number(p.n)} のピクセル値は ${p.got < 0 ? '0' : f.number(p.got)} 個です。このネットワークは ${f.number(p.size)} 個 (${p.shape}) を受け取ります。`,
  'examples.pixel': (p, f) =>
    `例 ${f.number(p.n)}: ピクセル ${f.number(p.index)} が有限の数ではありません (値は 0〜1)。`,
  'examples.steps': (p, f) =>
    `ファインチューニングのステップ数は 1〜${f.number(p.max)} の整数にしてください。`,
};
