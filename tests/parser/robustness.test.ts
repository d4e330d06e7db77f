import { describe, expect, it } from 'vitest';
import { logRecordSchema, parseLog } from '../../src/index.ts';
import { parseFixture, rules } from './helpers.ts';

describe('robustness', () => {
  it('reads UTF-8 with a BOM', () => {
    const record = parseFixture('robustness/bom.md');
    expect(record).toMatchObject({ date: '2025-08-03', title: 'BOM付き', diagnostics: [] });
    expect(record.metrics.studyMinutes).toBe(60);
  });

  it('reads CRLF files with frontmatter, keeping line numbers', () => {
    const record = parseFixture('robustness/crlf.md');
    expect(record).toMatchObject({ date: '2025-08-03', tags: ['crlf'], title: '改行CRLF', diagnostics: [] });
    expect(record.goals).toEqual([{ text: 'CRLF を読む', done: true, line: 7 }]);
    expect(record.metrics.studyMinutes).toBe(30);
    expect(record.figures[0]!.line).toBe(9);
  });

  it('reads tabs', () => {
    const record = parseFixture('robustness/tabs.md');
    expect(record.plans.map((plan) => [plan.text, plan.horizon])).toEqual([['タブ区切りの項目', 'today']]);
    expect(record.metrics.studyMinutes).toBe(60);
  });

  it('reads an empty file as a log with nothing in it, dated by its name', () => {
    const record = parseLog('', { path: 'logs/2025-08-03.md' });
    expect(logRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({ date: '2025-08-03', title: null, goals: [], checklist: [], diagnostics: [] });
  });

  it('reads a log that is only frontmatter', () => {
    const record = parseFixture('robustness/only-frontmatter.md', 'logs/x.md');
    expect(record).toMatchObject({ date: '2025-08-03', title: '前付けだけ', tags: ['only'], diagnostics: [] });
  });

  it('reports broken frontmatter YAML as an error on its line, without throwing', () => {
    const record = parseFixture('robustness/broken-frontmatter.md', 'logs/2025-08-03.md');
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'frontmatter-yaml', severity: 'error' })]);
    const [diagnostic] = record.diagnostics;
    expect(diagnostic!.line).toBeGreaterThanOrEqual(3);
    expect(diagnostic!.line).toBeLessThanOrEqual(5);
    expect(record.title).toBe('学習ログ');
  });

  it('reports unclosed frontmatter', () => {
    expect(rules(parseFixture('robustness/unclosed-frontmatter.md'))).toContain('frontmatter-unclosed');
  });

  it('reports frontmatter that is not a mapping', () => {
    const record = parseFixture('robustness/frontmatter-not-mapping.md');
    expect(rules(record)).toEqual(['frontmatter-yaml']);
    expect(record.date).toBe('2025-08-03');
  });

  it('reads draft and comma-separated tags', () => {
    expect(parseFixture('robustness/draft.md')).toMatchObject({ draft: true, tags: ['aws', 'lambda'], diagnostics: [] });
  });

  it('keeps a log whose draft value is unclear unpublished, and says so', () => {
    const record = parseFixture('robustness/draft-string.md');
    expect(record.draft).toBe(true);
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'frontmatter-draft', severity: 'warning', line: 3 })]);
  });

  it('warns about "##見出し" without a space, not about hashtags', () => {
    const record = parseFixture('robustness/heading-without-space.md', 'logs/2026-02-10.md');
    expect(record.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.line])).toEqual([
      ['heading-missing-space', 1],
      ['heading-missing-space', 3],
    ]);
    expect(record.date).toBe('2026-02-10');
  });

  it('reads a huge log', () => {
    const day = '## 今日の目標\n- [x] 目標\n\n## 問題\n#### 問題1: 大きい\n**現状**: 長い\n\n**学習時間**: 1時間\n\n';
    const record = parseLog(`# 2025-08-03\n\n${day.repeat(1000)}`, { path: 'logs/huge.md' });
    expect(record.goals).toHaveLength(1000);
    expect(record.problems).toHaveLength(1000);
    expect(record.checklist).toHaveLength(1000);
    expect(record.metrics.studyMinutes).toBe(60);
  });
});
