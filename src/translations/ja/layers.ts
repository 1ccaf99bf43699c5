/** 日本語: PyTorch の `layers` テキストのメッセージ（see ../../engine/models/layers.messages.ts）。 */
import type { SameKeys } from '../types.js';
import type { LAYERS_MESSAGES } from '../../engine/models/layers.messages.js';
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;
const n = (f: F, v: number) => f.number(Math.round(v));
const mflop = (f: F, v: number) => f.number(v, { maximumFractionDigits: v < 10 ? 1 : 0 });

export const LAYERS: SameKeys<typeof LAYERS_MESSAGES> = {
  'layers.at': (p) => `${p.line} 行 ${p.column} 列目: ${p.error}`,
  'layers.atLayer': (p) => `${p.index} 番目の層: ${p.error}`,
  'layers.cannotTake': (p) => `${p.width}×${p.height}×${p.channels} の画像を受け取れません: ${p.error}`,
  'layers.in': (p) => `${p.error}（${p.layer} 内）`,
  'layers.notText': 'layers は "Conv2d(1, 16, 3), ReLU(), …" のようなテキストで指定してください。',
  'layers.tooLong': (p, f) =>
    `layers が長すぎます（${f.number(p.length)} 文字。上限は ${f.number(p.max)} 文字）。`,
  'layers.empty': 'layers が空です。"Flatten(), Linear(784, 10)" のようにネットワークを書いてください。',
  'layers.unclosedString': (p) => `この文字列が閉じていません。後ろに ${p.quote} を付けてください。`,
  'layers.unexpectedChar': (p) =>
    `予期しない "${p.char}" です。層は Conv2d(1, 16, 3) のように書き、カンマか改行で区切ってください。`,
  'layers.theEnd': '末尾',
  'layers.tooMany': (p) => `層が多すぎます（上限は ${p.max} 層）。`,
  'layers.separator': (p) => `${p.layer} の後にはカンマか改行が必要ですが、"${p.found}" があります。`,
  'layers.sequentialOpen': 'Sequential( が閉じていません。最後に ")" を付けてください。',
  'layers.afterSequential': (p) => `Sequential(…) の後に予期しない "${p.found}" があります。`,
  'layers.expectedLayer': (p) => `Conv2d(1, 16, 3) のような層が必要ですが、"${p.found}" があります。`,
  'layers.notBuilt': (p) => `${p.layer} はここで構築できる層ではありません（${p.list}）。`,
  'layers.unknownLayerHint': (p) => `不明な層 "${p.layer}" です。"${p.hint}" のことですか？`,
  'layers.unknownLayer': (p) => `不明な層 "${p.layer}" です。使える層は ${p.list} です。`,
  'layers.parentheses': (p) => `${p.layer} には括弧が必要です。${p.layer}(${p.args}) と書いてください。`,
  'layers.callOpen': (p) => `${p.layer}( が閉じていません。")" を付けてください。`,
  'layers.callComma': (p) => `${p.layer}(…) の中には "," か ")" が必要ですが、"${p.found}" があります。`,
  'layers.capital': (p) => `${p.word} と書いてください（Python では先頭が大文字です）。`,
  'layers.tupleNumbers': (p) => `ここでのタプルは (3, 3) のように数値を並べます。"${p.found}" があります。`,
  'layers.tupleComma': (p) => `タプルの中には "," か ")" が必要ですが、"${p.found}" があります。`,
  'layers.expectedValue': (p) =>
    `${p.layer}(…) の中には値（数値、'same'、True など）が必要ですが、"${p.found}" があります。`,
  'layers.positionalAfterKeyword':
    '位置引数をキーワード引数の後に置くことはできません（Python の規則です）。',
  'layers.noArguments': (p) => `${p.layer}() は引数を取りません。`,
  'layers.tooManyPositional': (p) =>
    `${p.layer} が取る位置引数は ${p.max} 個までです（${p.names}）。これは ${p.n} 個目です。`,
  'layers.unknownArgumentHint': (p) =>
    `${p.layer} に引数 "${p.arg}" はありません。"${p.hint}" のことですか？`,
  'layers.unknownArgument': (p) => `${p.layer} に引数 "${p.arg}" はありません（取る引数は ${p.names}）`,
  'layers.unknownArgumentNone': (p) => `${p.layer} に引数 "${p.arg}" はありません（引数を取りません）`,
  'layers.twice': (p) => `${p.layer} に ${p.arg} が 2 回指定されています。`,
  'layers.missing': (p) => `${p.layer} に引数 ${p.names} がありません。例: ${p.example}。`,
  'layers.badArgument': (p) => `${p.layer} の ${p.arg} は${p.error}。`,
  'layers.sameStride':
    "padding='same' にはストライド 1 が必要です（PyTorch はストライド付きの畳み込みでは受け付けません）。",
  'layers.strideDilation': 'ここでは 1 より大きいストライドとダイレーションを組み合わせられません。',
  'arg.wholeNot': (p) => `整数でなければなりません（${p.value} ではなく）`,
  'arg.whole': (p) => `整数でなければなりません（指定値: ${p.value}）`,
  'arg.atLeast': (p) => `${p.min} 以上でなければなりません（指定値: ${p.value}）`,
  'arg.tooLarge': (p, f) => `大きすぎます（上限 ${f.number(p.max)}、指定値: ${n(f, p.value)}）`,
  'arg.pair': (p) => `数値か (3, 3) のような組でなければなりません（${p.value} ではなく）`,
  'arg.square': (p) =>
    `ここでは正方形でなければなりません。${p.value} は 2 つの大きさが異なります。数値を 1 つだけ書いてください`,
  'arg.padding': (p) => `数値、'same'、'valid' のいずれかでなければなりません（${p.value} ではなく）`,
  'arg.bool': (p) => `True か False でなければなりません（${p.value} ではなく）`,
  'arg.number': (p) => `数値でなければなりません（${p.value} ではなく）`,
  'arg.range': (p) => `${p.lo} から ${p.hi} の範囲でなければなりません（指定値: ${p.value}）`,
  'arg.rangeBelow': (p) => `${p.lo} 以上 ${p.hi} 未満でなければなりません（指定値: ${p.value}）`,
  'arg.small': (p) => `小さな数でなければなりません（指定値: ${p.value}）`,
  'arg.onlyDefault': (p) => `ここでは ${p.only} しか使えません（${p.why}。指定値: ${p.value}）`,
  'why.groups': 'グループ畳み込みは構築しません',
  'why.paddingMode': 'パディングは常にゼロで行います',
  'why.poolDilation': 'ダイレーション付きのプーリングは構築しません',
  'why.indices': '値だけを使います',
  'why.ceil': 'サイズは既定どおり切り捨てます',
  'why.countPad': '既定どおりパディングのゼロも平均に含めます',
  'why.flatten': 'バッチ以外の次元はすべて平坦化します',
  'net.noLayers': 'ネットワークに層がありません。',
  'net.flatInput': (p, f) =>
    `${p.layer} には画像 [チャンネル, 高さ, 幅] が必要ですが、ここでの入力は平坦です（特徴量 ${n(f, p.features)} 個${p.from ? `、${p.from} から` : ''}）。Flatten() より前に移してください。`,
  'net.channels': (p, f) =>
    `${p.layer} がここで受け取るのは ${n(f, p.channels)} チャンネルです${p.input ? `（入力は ${p.input}）` : ''}。${p.fix} と書いてください。`,
  'net.needsFlatten': (p, f) =>
    `${p.layer} がここで受け取るのは ${p.shape} の画像です。前に Flatten() を入れてください（特徴量 ${n(f, p.features)} 個になります）。`,
  'net.features': (p, f) =>
    `${p.layer} がここで受け取るのは特徴量 ${n(f, p.features)} 個です${p.from ? `（${p.from}）` : p.input ? `（入力は ${p.input}）` : ''}。${p.fix} と書いてください。`,
  'net.window': (p) => `${p.layer} がここで受け取るのは ${p.shape} の画像です: ${p.error}`,
  'net.endsWithImage': (p) =>
    `ネットワークが ${p.shape} の画像で終わっていますが、クラスごとに 1 つのスコア（${p.classes} 個）で終わる必要があります。Flatten() と Linear(${p.features}, ${p.classes}) を追加してください。`,
  'net.lastLayer': (p, f) =>
    `最後の層の出力は ${n(f, p.outputs)} 個ですが、データのクラスは ${n(f, p.classes)} 個です。${p.fix} と書いてください。`,
  'net.lastLayerEnd': (p, f) =>
    `最後の層の出力は ${n(f, p.outputs)} 個ですが、データのクラスは ${n(f, p.classes)} 個です。Linear(${p.outputs}, ${p.classes}) で終えてください。`,
  'net.tooManyParams': (p, f) =>
    `このネットワークのパラメータは ${f.number(p.params)} 個で、ブラウザのタブで学習できる ${f.number(p.max)} 個を超えています（${p.layer} だけで ${f.number(p.layerParams)} 個）。小さくしてください。`,
  'net.tooManyFlops': (p, f) =>
    `学習画像 1 枚あたり ${mflop(f, p.mflop)} MFLOP かかり、ブラウザのタブで学習できる ${mflop(f, p.max)} MFLOP を超えています（${p.layer} は ${mflop(f, p.layerMflop)}）。チャンネルを減らすか、入力を小さくするか、プーリングを早めてください。`,
  'net.badJson':
    'layers は JSON のように始まっていますが、正しい JSON ではありません。PyTorch の層（"Conv2d(1, 16, 3), ReLU(), …"）か、層仕様の JSON 配列を書いてください。',
  'net.notValue':
    'network には PyTorch の層をテキストで、または層仕様を指定してください: [{ "type": "conv2d", "filters": 16, "kernelSize": 3 }, …] のような配列です。',
  'net.notSpec': (p) =>
    `${p.n} 番目の層は層仕様ではありません。{ "type": … } を ${p.types} のいずれかで指定してください。`,
  'net.notSpecType': (p) =>
    `${p.n} 番目の層は層仕様ではありません。{ "type": … } を ${p.types} のいずれかで指定してください（"${p.type}" ではなく）。`,
  'net.cannotWrite': (p) => `この層仕様は PyTorch の層として書き出せません: ${p.error}`,
};
