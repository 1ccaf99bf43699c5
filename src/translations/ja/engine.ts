/** 日本語: エンジンのメッセージ (see ../types.ts)。 */
import type { EngineTerms, SameKeys } from '../types.js';
import { INPUT } from './pad.js';
import { DOWNLOAD } from './download.js';
import { CONFIG } from './trainer.js';
import { LAYERS } from './layers.js';
import { FALLBACK } from './fallback.js';
import { SESSION } from './session.js';
import { FILES } from './files.js';
import { DATA } from './data.js';
import { PRETRAINED } from './pretrained.js';

const n = (f: { number(v: number, o?: Intl.NumberFormatOptions): string }, v: number) =>
  f.number(v, { maximumFractionDigits: 6 });

export const ENGINE: SameKeys<EngineTerms> = {
  ...INPUT,
  ...DOWNLOAD,
  ...CONFIG,
  ...LAYERS,
  ...FALLBACK,
  ...SESSION,
  ...FILES,
  ...DATA,
  ...PRETRAINED,
  'name.inputSize': '入力サイズ',
  'name.kernelSize': 'カーネルサイズ',
  'name.stride': 'ストライド',
  'name.dilation': 'ダイレーション',
  'name.padding': 'パディング',
  'name.filters': 'フィルタ数',
  'name.units': 'ユニット数',
  'name.inputDimension': (p) => `入力の第 ${p.index} 次元`,
  'check.notNumber': (p) => `${p.name}は数値にしてください。`,
  'check.notFinite': (p) => `${p.name}は有限の値にしてください。`,
  'check.notWhole': (p, f) => `${p.name}は整数にしてください (指定値: ${n(f, p.value)})。`,
  'check.tooSmall': (p, f) => `${p.name}は ${n(f, p.min)} 以上にしてください (指定値: ${n(f, p.value)})。`,
  'check.tooLarge': (p, f) => `${p.name}が大きすぎます (最大 ${n(f, p.max)})。`,
  'conv.strideZero': 'ストライドは 1 以上にしてください。ストライド 0 ではウィンドウが動きません。',
  'conv.paddingChoice': (p) =>
    `パディングは数値、"same" または "valid" にしてください (指定値: "${p.got}")。`,
  'conv.poolPadding': (p) =>
    `プーリングのパディングはカーネルの半分以下にしてください (幅 ${p.kernel} のウィンドウなら ${p.max})。`,
  'conv.kernelTooLarge': (p) =>
    `カーネル (${p.kernel}) がパディング後の入力 (${p.padded}) より大きく、ウィンドウを置ける位置がありません。`,
  'conv.dilatedTooLarge': (p) =>
    `ダイレーションを適用したカーネル (幅 ${p.extent}) がパディング後の入力 (${p.padded}) より大きく、ウィンドウを置ける位置がありません。`,
  'size.empty': '入力サイズが空です。"28" のような幅か、"28x32" のような 高さ×幅 を指定してください。',
  'size.parts': (p) => `入力サイズ "${p.text}" の要素が多すぎます。"W" か "HxW" と書いてください。`,
  'size.notNumber': (p) => `入力サイズ "${p.text}" は数値ではありません。"W" か "HxW" と書いてください。`,
  'walk.inputShape': '入力の形状は [チャネル, 高さ, 幅] か [特徴量] にしてください。',
  'walk.layer': (p) => `${p.name}: ${p.error}`,
  'walk.flatInput': '[チャネル, 高さ, 幅] の入力が必要ですが、入力は平坦化されています。',
  'walk.denseNeedsFlat': (p) =>
    `全結合層には平坦な入力が必要ですが、入力は ${p.shape} です。先に Flatten 層を入れてください。`,
  'walk.unknownType': (p) => `不明な層の種類 "${p.type}" です。`,
  'hyper.window': (p) => `${p.kernel}、ストライド ${p.stride}、パディング ${p.padding}`,
  'hyper.windowDilated': (p) =>
    `${p.kernel}、ストライド ${p.stride}、パディング ${p.padding}、ダイレーション ${p.dilation}`,
  'hyper.adaptive': (p) => `${p.size} へ`,
  'hyper.slope': (p, f) => `傾き ${n(f, p.slope)}`,
  'hyper.dropout': (p, f) => `p = ${n(f, p.rate)}`,
  'hyper.unreached': (p) => `最後の ${p.count} 行/列にはウィンドウが届きません`,

  'grid.input': '入力',
  'grid.kernel': 'カーネル',
  'grid.channel': (p) => `${p.grid} (チャネル ${p.channel})`,
  'grid.json': (p) =>
    `${p.grid}は正しい JSON ではありません。[[1,0],[0,1]] のように行の配列で書いてください。`,
  'grid.empty': (p) => `${p.grid}は空でない行の配列にしてください (例: [[1,0],[0,1]])。`,
  'grid.channels': (p) => `${p.grid}のチャネル数は ${p.count} です。最大 ${p.max} までです。`,
  'grid.emptyPlane': (p) => `${p.grid}は空でない行の配列にしてください。`,
  'grid.planeRows': (p) => `${p.grid}: すべてのチャネルの行数をそろえてください。`,
  'grid.rowNotArray': (p) => `${p.grid}: ${p.row} 行目が数値の配列ではありません。`,
  'grid.ragged': (p) =>
    `${p.grid}の行の長さがそろっていません: ${p.row} 行目は ${p.count} 個、1 行目は ${p.cols} 個です。`,
  'grid.notFinite': (p) => `${p.grid}: ${p.row} 行目に ${p.value} があります。有限の数値ではありません。`,
  'grid.tooBig': (p, f) =>
    `${p.grid}: ${p.row} 行目に ${n(f, p.value)} があります。値は −${n(f, p.max)} から ${n(f, p.max)} までにしてください。`,
  'grid.tooLarge': (p) => `${p.grid}は ${p.rows}×${p.cols} です。図に収まるのは最大 ${p.max}×${p.max} です。`,
  'grid.nan': '数値でない値',
  'grid.huge': '計算できないほど大きな数',
  'viewer.name.channels': 'チャネル数',
  'viewer.seed': (p, f) =>
    `seed は整数にしてください${typeof p.got === 'number' ? ` (指定値: ${n(f, p.got)})` : ''}。例: 1234。`,
  'viewer.channelsMax': (p) => `チャネル数は最大 ${p.max} です。`,
  'viewer.inputTooLarge': (p) =>
    `入力サイズ ${p.rows}×${p.cols} は図には大きすぎます。最大 ${p.max}×${p.max} です。`,
  'viewer.kernelTooLarge': (p) => `カーネルサイズ ${p.size} は図には大きすぎます。最大 ${p.max} です。`,
  'viewer.channelMismatch': (p) =>
    `入力は ${p.input} チャネルですが、カーネルは ${p.kernel} チャネルです。カーネルには入力チャネルごとに 1 枚ずつ必要です。`,
  'viewer.paddingMax': (p) => `図のパディングは最大 ${p.max} です。`,
  'viewer.strideMax': (p) => `ストライドは最大 ${p.max} です。`,
  'viewer.dilationMax': (p) => `ダイレーションは最大 ${p.max} です。`,
  'viewer.summary': (p, f) =>
    `${p.channels > 1 ? `${f.number(p.channels)} チャネルの` : ''}${p.input} の入力、パディング ${f.number(p.padding)}、${p.kernel} のカーネル${p.dilation > 1 ? ` (ダイレーション ${f.number(p.dilation)})` : ''}、ストライド ${f.number(p.stride)} ${p.arrow} ${p.output} の出力。`,
  'viewer.size': (p, f) => `${f.number(p.rows)}×${f.number(p.cols)}`,
  'viewer.channel': (p) => `チャネル ${p.channel}`,

  'shape.empty':
    '入力の形状が空です。"W"、"H×W" または "C×H×W" を指定してください (例: "28" や "3x224x224")。',
  'shape.parts': (p) =>
    `入力の形状 "${p.text}" の要素が多すぎます。"W"、"H×W" または "C×H×W" と書いてください。`,
  'shape.notNumbers': (p) =>
    `入力の形状 "${p.text}" は数値の並びではありません。"W"、"H×W" または "C×H×W" と書いてください。`,
  'shape.channels': 'チャネル数',
  'shape.height': '高さ',
  'shape.width': '幅',
  'layer.withRelu': (p) => `${p.layer} + ReLU`,
  'layer.name': (p) => `${p.layer}`,
  'layer.layer': '層',
  'layer.scores': (p) => `${p.layer} (スコア)`,

  'matrix.json': (p) => `行列は行の JSON 配列にしてください (例: [[5,1],[2,7]]、指定値: "${p.got}")。`,
  'matrix.notArray': (p) => `行列は行の配列にしてください (指定値: ${p.got})。`,
  'matrix.empty': '行列が空です。少なくとも 1 行を指定してください。',
  'matrix.tooMany': (p) => `行列が ${p.rows} 行あります。表示できるクラスは最大 ${p.max} です。`,
  'matrix.rowNotArray': (p) => `行列の ${p.row} 行目が配列ではありません。`,
  'matrix.notSquare': (p) =>
    `行列は正方 (n×n) にしてください。${p.row} 行目の値は ${p.count} 個ですが、${p.n} 個必要です。`,
  'matrix.where': (p) => `${p.row} 行 ${p.col} 列`,
  'matrix.notNumber': (p) => `件数はすべて数値にしてください。${p.where} が ${p.value} です。`,
  'matrix.infinite': (p) => `件数はすべて有限にしてください。${p.where} が無限大です。`,
  'matrix.minusInfinite': (p) => `件数はすべて有限にしてください。${p.where} がマイナス無限大です。`,
  'matrix.negative': (p, f) => `件数は負にできません。${p.where} が ${n(f, p.value)} です。`,
  'matrix.notWhole': (p, f) =>
    `件数は整数にしてください。${p.where} が ${n(f, p.value)} です (割合を表示するには normalize を使います)。`,
  'matrix.tooLarge': (p, f) =>
    `件数が大きすぎます。合計は最大 ${f.number(p.max)} です (${p.where} でこれを超えます)。`,
  'labels.count': (p) =>
    `${p.n} クラスに対してラベルが ${p.count} 個です。クラスごとに 1 つずつ、カンマ区切りで指定してください。`,
  'labels.empty': (p) =>
    `ラベル ${p.which} が空です。すべてのクラスに名前を付けてください (カンマ区切り、例: "ねこ,いぬ,とり")。`,
};
