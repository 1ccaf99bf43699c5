/** 日本語：`<feature-map>` の言葉と、そのフィルタ連鎖のメッセージ (see ../types.ts)。 */
import type { FM_EN } from '../../components/feature-map/feature-map.strings.js';
import type { FILTERS_MESSAGES } from '../../engine/filters.messages.js';
import type { SameKeys } from '../types.js';

export const FM: SameKeys<typeof FM_EN> = {
  'fm.loadingImage': '画像を読み込んでいます…',
  'fm.loadingDigit': 'テスト用の数字を読み込んでいます…',
  'fm.loadingTestImage': 'テスト画像を読み込んでいます…',
  'fm.computing': '特徴マップを計算しています…',
  'fm.testDigit': 'テスト用の数字',
  'fm.testImage': 'テスト画像',
  'fm.after.group': '畳み込みの後に行う処理',
  'fm.maxPool': '2×2 最大プーリング',
  'fm.compare': '前後を比較',
  'fm.shape.layer': (p) => `${p.layer} 層：`,
  'fm.shape.input': (p) => `入力 ${p.shape}`,
  'fm.shape.conv': (p) => `畳み込み ${p.hyper}`,
  'fm.shape.pool': '2×2 最大プーリング',
  'fm.shape.output': '出力の形状 C × H × W：',
  'fm.photo': (p) => `フィルタから見た入力写真、${p.size} ピクセル`,
  'fm.testDigitFed': (p) => `ネットワークに入力したテスト用の数字 ${p.label}、${p.size}`,
  'fm.testImageFed': (p) => `ネットワークに入力したテスト画像 ${p.label}、${p.size}`,
  'fm.testImageFedColour': (p) => `ネットワークに入力したテスト画像 ${p.label}、${p.size}、カラー`,
  'fm.input': '入力',
  'fm.digit': (p) => `数字 ${p.label}`,
  'fm.filterN': (p) => `フィルタ ${p.n}`,
  'fm.custom': 'カスタム',
  'fm.channel': (p) => `チャネル ${p.n}`,
  'fm.map': (p) => `フィルタの特徴マップ ${p.n}（${p.name}）：${p.h}×${p.w}、値は ${p.min} から ${p.max}`,
  'fm.mapOfLayer': (p) =>
    `${p.layer} 層の特徴マップ ${p.n}（${p.name}）：${p.h}×${p.w}、値は ${p.min} から ${p.max}`,
  'fm.mapBefore': (p) =>
    `${p.what} 前の特徴マップ ${p.n}（${p.name}）：${p.h}×${p.w}、値は ${p.min} から ${p.max}`,
  'fm.pooling': 'プーリング',
  'fm.before': '前',
  'fm.afterWhat': (p) => `${p.what} 後`,
  'fm.low': '低',
  'fm.high': '高',
  'fm.sharedScale': '前後の各ペアは同じスケールで表示',
  'fm.ownScale': '各マップはそれぞれの値の範囲で表示',
  'fm.kernels': (p) =>
    `${p.layer} のカーネル、色チャネルごとに 1 つ（${p.kh}×${p.kw} の重み。各フィルタの 3 つは同じスケール）`,
  'fm.red': '赤チャネル',
  'fm.green': '緑チャネル',
  'fm.blue': '青チャネル',
  'fm.kernel': (p) =>
    `フィルタ ${p.n}、${p.channel}：${p.kh}×${p.kw} のカーネル、重みは ${p.min} から ${p.max}`,
  'fm.downscaled': (p) =>
    `ページの応答性を保つため、${p.nw}×${p.nh} の画像を ${p.w}×${p.h} に縮小しました（一辺は最大 ${p.max} px）。`,
  'fm.waitingTrain': (p) =>
    `ネットワークの学習を待っています：<cnn-trainer id="${p.id}"> が開始すると ${p.layer} の活性化が表示されます。`,
  'fm.waitingTrainer': (p) => `ページに <cnn-trainer id="${p.id}"> が現れるのを待っています。`,
  'fm.pipelineFailed': (p) => `写真の処理モジュールを読み込めませんでした：${p.error}`,
  'fm.computeFailed': (p) => `特徴マップの計算に失敗しました：${p.error}`,
  'fm.tfFailed': (p) => `TensorFlow.js を起動できませんでした：${p.error}`,
  'fm.seed': 'シードは整数で指定してください（例：1234）。',
  'fm.seedGot': (p) => `シードは整数で指定してください（例：1234）。指定された値：${p.got}`,
  'fm.image.missing': (p) => `画像「${p.src}」を読み込めませんでした：存在しないか、画像ではありません。`,
  'fm.image.cors': (p) =>
    `画像「${p.src}」を読み込めませんでした：存在しないか、画像ではないか、ピクセルの読み取りを許可していない別のサイトにあります（CORS が必要です：Access-Control-Allow-Origin）。`,
  'fm.image.noSize': (p) => `画像「${p.src}」にはサイズがありません（width と height のない SVG では？）。`,
  'fm.image.noCanvas': 'このブラウザは画像のピクセルを読み取れません（2D キャンバスがありません）。',
  'fm.image.tainted': (p) =>
    `画像「${p.src}」はピクセルの読み取りを許可していない別のサイトにあります（CORS）：Access-Control-Allow-Origin を付けて配信するか、このサイトに置いてください。`,
  'fm.digitRange': (p) =>
    `digit は 0 から ${p.last} までの整数で指定してください（指定された値：${p.got}）。`,
  'fm.classRange': (p) =>
    `digit は 0 から ${p.last} までの整数で指定してください（${p.name} のクラス番号：0 は ${p.first}）（指定された値：${p.got}）。`,
  'fm.got.nan': '数値でない値',
  'fm.got.infinite': '無限大',
  'fm.layerEmpty': 'layer が空です：トレーナーの層の名前を指定してください（例：conv1）。',
  'fm.activationsFailed': (p) => `「${p.layer}」の活性化を読み取れませんでした：${p.error}`,
  'fm.noLayer': (p) => `トレーナーのネットワークに「${p.layer}」という層はありません。`,
  'fm.noLayerIn': (p) =>
    `トレーナーのネットワークに「${p.layer}」という層はありません：画像の層は ${p.layers} です。`,
  'fm.noLayerFlat': (p) =>
    `トレーナーのネットワークに「${p.layer}」という層はありません：画像の層がありません（最初に数字を平坦化しています）。`,
  'fm.flatLayer': (p, f) =>
    `層「${p.layer}」は画像ではなく ${f.number(p.count)} 個の値を出力するため、特徴マップはありません：画像の層は ${p.layers} です。`,
  'fm.flatLayerNone': (p, f) =>
    `層「${p.layer}」は画像ではなく ${f.number(p.count)} 個の値を出力するため、特徴マップはありません：このネットワークには画像の層がありません（最初に数字を平坦化しています）。`,
  'fm.notImage': (p) => `層「${p.layer}」の形状は [${p.shape}] で、画像の形をした活性化ではありません。`,
  'fm.noTestImage': (p) =>
    `最初の ${p.count} 枚のテスト画像に、クラス ${p.digit}（${p.name}）の画像はありません：別のクラスを選んでください。`,
};

export const FILTERS: SameKeys<typeof FILTERS_MESSAGES> = {
  'filters.name.padding': 'パディング',
  'filters.name.stride': 'ストライド',
  'filters.name.kernelSize': 'カーネルサイズ',
  'filters.name.count': 'フィルタの数',
  'filters.notNumber': (p) => `${p.name}は数値で指定してください。`,
  'filters.notWhole': (p, f) =>
    `${p.name}は整数で指定してください（指定された値：${f.number(p.got, { useGrouping: false, maximumFractionDigits: 6 })}）。`,
  'filters.tooSmall': (p) => `${p.name}は ${p.min} 以上にしてください（指定された値：${p.got}）。`,
  'filters.tooBig': (p) => `${p.name}は最大 ${p.max} です（指定された値：${p.got}）。`,
  'filters.activation': (p) =>
    `activation は "none" か "relu" で指定してください（指定された値："${p.got}"）。`,
  'filters.pool': (p) =>
    `pool は 0（なし）か 2（2×2 最大プーリング）で指定してください（指定された値：${p.got}）。`,
  'filters.notANumber': '数値でない値',
  'filters.inChannelsPhoto': (p) =>
    `in_channels は ${p.declared} ですが、ここには ${p.arrive} チャネルが入ってきます（写真は RGB）：${p.arrive} と書いてください（写真をグレーで見るなら 1）。`,
  'filters.inChannels': (p) =>
    `in_channels は ${p.declared} ですが、ここには ${p.arrive} チャネルが入ってきます（前の層のフィルタ）：${p.arrive} と書いてください（写真をグレーで見るなら 1）。`,
  'filters.strideZero': 'ストライドは 1 以上にしてください：ストライド 0 ではウィンドウが動きません。',
  'filters.kernelSquare': (p) => `カーネルは正方形にしてください（指定された値：${p.rows}×${p.cols}）。`,
  'filters.kernelSlices': (p) =>
    `カーネルには ${p.slices} 枚のチャネルがありますが、入力は ${p.channels} チャネルです：入力チャネルごとに 1 枚にするか、2 次元のカーネルにしてください。`,
  'filters.empty': (p) =>
    `filters が空です：プリセット名（${p.presets}）か、ランダムなフィルタの数を指定してください。`,
  'filters.emptyName': (p) => `filters に空の名前があります（余分なカンマ？）。プリセット：${p.presets}。`,
  'filters.unknown': (p) =>
    `不明なフィルタ「${p.name}」。プリセット名（${p.presets}）か、ランダムなフィルタの数を指定してください。`,
  'filters.tooMany': (p) => `フィルタが多すぎます（${p.count} 個）：最大 ${p.max} 個です。`,
  'filters.poolTooSmall': (p) => `${p.h}×${p.w} のマップは小さすぎて 2×2 のプーリングができません。`,
  'filters.inLayer': (p) => `${p.n} 番目の層：${p.error}`,
  'filters.layersJson':
    'layers が正しい JSON ではありません：例えば [{"filters": "5", "kernelSize": 5}] と書いてください。',
  'filters.layersEmpty': 'layers は層オブジェクトの空でない JSON 配列にしてください。',
  'filters.layersTooMany': (p) => `layers は最大 ${p.max} 層です（指定された数：${p.got}）。`,
  'filters.layerObject': (p) =>
    `${p.n} 番目の層は {"filters": "5", "kernelSize": 5} のようなオブジェクトにしてください。`,
  'filters.layerKey': (p) =>
    `${p.n} 番目の層：不明なキー「${p.key}」（使えるのは filters、kernel、kernelSize、padding、stride、activation、pool）。`,
  'photo.lead': (p) => `画像「${p.src}」を読み込めませんでした`,
  'photo.label': (p) => `画像「${p.src}」`,
  'photo.badAddress': (p) => `「${p.src}」は有効な画像のアドレスではありません。`,
  'photo.cors': (p) =>
    `${p.lead}：ピクセルの読み取りを許可していない可能性のある別のサイトにあるか（CORS が必要です：Access-Control-Allow-Origin）、接続に失敗しました。確認してから「再試行」を押してください。`,
  'photo.jpegCut': 'JPEG に終端がありません：途中で切れています',
  'photo.gifCut': 'GIF に終端がありません：途中で切れています',
  'photo.webpCut': 'WebP ファイルが途中で切れています',
  'photo.pngCut': 'PNG が途中で切れています',
  'photo.pngChecksum': 'PNG のチャンクのチェックサムが一致しません',
  'torch.parse': (p) => `layers：${p.error}`,
  'torch.at': (p) => `layers：${p.line} 行 ${p.column} 列：${p.error}`,
  'torch.square': (p) =>
    `${p.layer}：ここでの特徴マップは正方形のカーネル、ストライド、パディングのみ使えます。`,
  'torch.dilation': (p) => `${p.layer}：ダイレーションは <cnn-trainer layers> で使ってください。`,
  'torch.bias': (p) => `${p.layer}：ここでのフィルタには常にバイアスがあります。`,
  'torch.tooMany': (p) => `${p.layer}：写真の上に表示できる畳み込みは最大 ${p.max} 個です。`,
  'torch.same': (p) =>
    `${p.layer}：ここでは padding='same' には奇数のカーネルとストライド 1 が必要です。数値を指定してください。`,
  'torch.first': (p) =>
    `この連鎖は ${p.layer} ではなく Conv2d で始めてください（写真はまず畳み込みに入ります）。`,
  'torch.relu': (p) => `${p.layer}：この畳み込みにはすでに ReLU があります。`,
  'torch.pool': (p) =>
    `${p.layer}：ここでのプーリングはストライド 2 の 2×2 です：MaxPool2d(2) と書いてください。`,
  'torch.pooled': (p) => `${p.layer}：この畳み込みはすでにプーリングされています。`,
  'torch.other': (p) =>
    `${p.type} は写真の上には表示できません：ここでの連鎖は Conv2d、ReLU()、MaxPool2d(2) です（${p.type} は <cnn-trainer layers> で学習させてください）。`,
};
