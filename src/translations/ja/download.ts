/** 日本語: ダウンロード失敗のメッセージ (see ../types.ts). */
import type { DOWNLOAD_MESSAGES } from '../../engine/data/download.messages.js';
import type { SameKeys } from '../types.js';

export const DOWNLOAD: SameKeys<typeof DOWNLOAD_MESSAGES> = {
  'download.label.pretrained': '学習済みネットワーク',
  'download.label.wasm': 'WebAssembly バックエンド',
  'download.label.dataset': 'データセット',
  'download.label.data': (p) => `${p.name} のデータ`,
  'download.lead': (p) => `${p.label}をダウンロードできませんでした`,
  'download.checkAndRetry': '接続を確認して「再試行」を押してください',
  'download.checkAddress': 'アドレスを確認してから「再試行」を押してください',
  'download.checkAttribute': (p) => `アドレス (${p.attribute}) を確認してから「再試行」を押してください`,
  'download.serverProblem': 'サーバーで問題が発生しました。少し待ってから「再試行」を押してください',
  'download.network': (p) => `${p.lead} (${p.url} で ${p.why}): ${p.advice}。`,
  'download.http': (p) => `${p.lead} (${p.url} で HTTP ${p.status}): ${p.advice}。`,
  'download.stalled': (p, f) =>
    `${p.lead} (${p.url} の ${f.number(p.got)} バイト受信後 ${f.number(p.seconds)} 秒間データなし): 接続が止まりました。${p.advice}。`,
  'download.truncated': (p, f) =>
    `${p.lead}: ファイルが途中で切れて届きました (${p.url} の ${f.number(p.got)}${p.total >= 0 ? ` / ${f.number(p.total)}` : ''} バイト${p.why ? `: ${p.why}` : ''})。${p.advice}。`,
  'download.damaged': (p) =>
    `${p.lead}: ${p.url} が壊れて届きました (${p.why})。「再試行」を押してください。再び起きる場合は、サーバー上のファイルが壊れています。`,
  'download.wrongSize': (p, f) => `${f.number(p.expected)} バイトではなく ${f.number(p.got)} バイト`,
  'download.checksum': 'チェックサムが一致しません',
};
