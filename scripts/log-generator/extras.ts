/** Blocks some writers add to a day: a timeline of the work and a before/after table. */
import { pad } from './format.ts';
import type { Random } from './random.ts';

const METRICS = [
  ['ビルド時間', '秒'],
  ['テスト実行時間', '秒'],
  ['レスポンス時間 (p95)', 'ms'],
  ['イメージサイズ', 'MB'],
  ['バンドルサイズ', 'KB'],
  ['メモリ使用量', 'MB'],
  ['エラー件数', '件'],
] as const;

/** `| 項目 | 変更前 | 変更後 |` with plausible improvements. */
export function measurementTable(random: Random): string {
  const rows = random.sample(METRICS, random.int(2, 4)).map(([label, unit]) => {
    const before = random.int(20, 900);
    const after = Math.max(1, Math.round(before * (0.2 + random.float() * 0.7)));
    return `| ${label} | ${before}${unit} | ${after}${unit} |`;
  });
  return ['| 項目 | 変更前 | 変更後 |', '| --- | ---: | ---: |', ...rows].join('\n');
}

const ACTIVITIES = [
  '前日のログを見返して計画を確認',
  'ドキュメントを読む',
  'サンプルコードを写経',
  '実装',
  'テストを書く',
  'エラーの調査',
  'リファクタリング',
  'コードレビューの指摘を反映',
  '休憩',
  '動作確認',
  'ログをまとめる',
];

/** `- 09:00〜10:30 実装（○○）`: how the day went, in order. */
export function timeline(random: Random, subjects: readonly string[], entries: number): string {
  let minutes = random.pick([8 * 60 + 30, 9 * 60, 10 * 60, 13 * 60, 19 * 60, 20 * 60]);
  const lines: string[] = [];
  for (let i = 0; i < entries && minutes < 23 * 60; i++) {
    const length = random.pick([15, 30, 45, 60, 90]);
    const end = Math.min(minutes + length, 23 * 60 + 45);
    const activity = random.pick(ACTIVITIES);
    const subject = activity === '休憩' ? '' : `（${random.pick(subjects)}）`;
    lines.push(`- ${clock(minutes)}〜${clock(end)} ${activity}${subject}`);
    minutes = end + random.pick([0, 0, 15]);
  }
  return lines.join('\n');
}

function clock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
