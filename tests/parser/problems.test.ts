import { describe, expect, it } from 'vitest';
import { parseFixture } from './helpers.ts';

describe('problems', () => {
  const { problems } = parseFixture('problems-shared-paragraph.md');

  it('finds heading, full-width colon, 課題 and list-item problems, and nothing in prose', () => {
    expect(problems.map((problem) => [problem.number, problem.title, problem.line])).toEqual([
      [1, 'ビルドが失敗する', 3],
      [2, 'テストが遅い', 9],
      [3, 'ドキュメント不足', 21],
      [4, 'リストで書いた問題', 28],
    ]);
  });

  it('reads parts that share one paragraph on consecutive lines, 原因 and 対策 included', () => {
    expect(problems[0]).toMatchObject({
      current: 'npm run build がエラーで止まる',
      impact: 'デプロイできない',
      cause: 'Node のバージョンが古い',
      solution: '.nvmrc を追加する',
    });
  });

  it('reads a part whose content is a list or a code block', () => {
    expect(problems[1]).toMatchObject({
      current: '1回に5分かかる\nCI で時間切れになる',
      impact: '開発が止まる',
      solution: 'npm test -- --pool=threads',
      cause: null,
    });
  });

  it('reads labels without bold, and stops at the next heading of the same level', () => {
    expect(problems[2]).toMatchObject({ current: 'README がない', solution: '書く', impact: null });
  });

  it('reads parts nested in a list item, with the colon inside or outside the bold', () => {
    expect(problems[3]).toMatchObject({ current: 'リストの中', impact: '小さい', solution: '直す' });
  });

  it('ends a problem at a thematic break: the closing figures after "---" are not its last part', () => {
    const record = parseFixture('problem-then-closing-figures.md');
    expect(record.problems).toHaveLength(1);
    expect(record.problems[0]).toMatchObject({ current: '1回のビルドに3分かかる', solution: 'キャッシュを有効にした' });
    expect(record.metrics).toMatchObject({ studyMinutes: 45, problemsFound: 1 });
  });
});

