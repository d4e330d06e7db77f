import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logRecordSchema, parseLog } from '../../src/index.ts';

const path = 'logs/2025-08-03.md';
const record = parseLog(readFileSync(new URL('../../logs/2025-08-03.md', import.meta.url), 'utf8'), { path });

describe('the sample log (logs/2025-08-03.md)', () => {
  it('matches the record schema and has no diagnostics', () => {
    expect(logRecordSchema.parse(record)).toEqual(record);
    expect(record.diagnostics).toEqual([]);
  });

  it('has its date, slug and title', () => {
    expect(record).toMatchObject({ source: path, slug: '2025-08-03', date: '2025-08-03', dateSource: 'heading', title: '学習ログ', draft: false, tags: [] });
  });

  it('has 3 goals', () => {
    expect(record.goals.map((goal) => goal.text)).toEqual(['AWS運用移行の現状確認', 'Lambda関数の完全実装', '次のステップの明確化']);
    expect(record.goals.every((goal) => goal.done === null)).toBe(true);
  });

  it('has 5 checklist items, 2 done', () => {
    expect(record.checklist.map((item) => [item.text, item.done, item.section, item.line])).toEqual([
      ['Lambda Handler の基本実装', true, '1.1 完了済みの項目', 13],
      ['デプロイメントパッケージ', true, '1.1 完了済みの項目', 18],
      ['依存関係の不足', false, '1.2 未完了の項目', 23],
      ['設定ファイルの不足', false, '1.2 未完了の項目', 27],
      ['デプロイメントスクリプト', false, '1.2 未完了の項目', 31],
    ]);
  });

  it('has 3 problems with 現状 / 影響 / 解決方法', () => {
    expect(record.problems.map((problem) => [problem.number, problem.title, problem.line])).toEqual([
      [1, 'Mangum依存関係の不足', 37],
      [2, 'AWS Lambda用の設定ファイル不足', 47],
      [3, 'デプロイメントプロセスの未整備', 53],
    ]);
    for (const problem of record.problems) {
      expect(problem.current).toBeTruthy();
      expect(problem.impact).toBeTruthy();
      expect(problem.solution).toBeTruthy();
    }
    expect(record.problems[0]!.current).toBe('lambda_handler.py でMangumをインポートしているが、requirements.txtに含まれていない');
    expect(record.problems[0]!.solution).toContain('mangum>=0.17.0');
    expect(record.problems[2]!.impact).toBe('効率的なデプロイメントとロールバックが困難');
  });

  it('reads the 4.1 / 4.2 / 4.3 plans as today / this-week / next-week, 3 each', () => {
    const bySection = (prefix: string) => record.plans.filter((plan) => plan.section?.startsWith(prefix));
    expect(bySection('4.1').map((plan) => plan.horizon)).toEqual(['today', 'today', 'today']);
    expect(bySection('4.2').map((plan) => plan.horizon)).toEqual(['this-week', 'this-week', 'this-week']);
    expect(bySection('4.3').map((plan) => plan.horizon)).toEqual(['next-week', 'next-week', 'next-week']);
    expect(bySection('4.1').map((plan) => plan.text)).toEqual(['依存関係の修正', 'Serverless Framework の設定', 'ローカルテスト環境の構築']);
  });

  it('reads 実装計画 and 次のアクション as plans too', () => {
    expect(record.plans.filter((plan) => plan.section?.startsWith('5.2')).map((plan) => plan.horizon)).toEqual(['tomorrow', 'tomorrow', 'tomorrow']);
    expect(record.plans.filter((plan) => plan.section?.startsWith('5.3')).map((plan) => plan.horizon)).toEqual(['weekend', 'weekend', 'weekend']);
    expect(record.plans.filter((plan) => plan.section === '次のアクション').map((plan) => [plan.text, plan.horizon])).toEqual([
      ['依存関係の修正', 'today'],
      ['Serverless Framework 設定', 'today'],
      ['ローカルテスト環境構築', 'today'],
    ]);
  });

  it('has 4 references', () => {
    expect(record.references).toEqual([
      { title: 'Mangum Documentation', url: 'https://mangum.io/' },
      { title: 'Serverless Framework', url: 'https://www.serverless.com/' },
      { title: 'AWS Lambda Best Practices', url: 'https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html' },
      { title: 'FastAPI on AWS Lambda', url: 'https://fastapi.tiangolo.com/deployment/serverless/' },
    ]);
  });

  it('has its closing metrics', () => {
    expect(record.metrics).toMatchObject({ studyMinutes: 120, studyApproximate: true, problemsFound: 3, tasksPlanned: 9, tasksDone: null });
    const studyFigure = record.figures.find((figure) => figure.label === '学習時間');
    expect(studyFigure).toMatchObject({ value: 120, unit: 'minute', kind: 'duration', raw: '約2時間', approximate: true, line: 214, column: 1 });
  });

  it('has the learnings of 技術的な学び and 技術的学び', () => {
    expect(record.learnings).toHaveLength(12);
    expect(record.learnings[0]).toBe('Mangum: ASGIアプリケーションをLambdaで動作させるためのアダプター');
  });
});
