import { describe, expect, it } from 'vitest';
import { fixtureText, parseFixture, rules } from './helpers.ts';
import { parseLog } from '../../src/index.ts';

describe('date and title from the first heading', () => {
  it.each([
    ['kanji.md', '2025-08-03', '学習ログ'],
    ['slash.md', '2025-08-03', '日報'],
    ['iso.md', '2025-08-03', null],
    ['dotted.md', '2025-08-03', '学習記録'],
    ['era.md', '2025-08-03', '学習ログ'],
    ['era-first-year.md', '2019-05-01', '学習ログ'],
    ['fullwidth.md', '2025-08-03', '学習ログ'],
    ['spaced.md', '2024-06-26', null],
    ['h2.md', '2026-01-15', null],
  ])('%s → %s', (name, date, title) => {
    const record = parseLog(fixtureText(`dates/${name}`), { path: `logs/${name}` });
    expect(record).toMatchObject({ date, title, dateSource: 'heading', diagnostics: [] });
  });

  it('takes the year of 8月3日(日) from the file name', () => {
    const record = parseLog(fixtureText('dates/month-day.md'), { path: 'logs/2025/08/03.md' });
    expect(record).toMatchObject({ date: '2025-08-03', title: '学習ログ', dateSource: 'heading', slug: '2025-08-03' });
  });
});

describe('date from the frontmatter', () => {
  it('wins over the heading, and the heading keeps its text as title', () => {
    expect(parseFixture('dates/frontmatter-wins.md')).toMatchObject({ date: '2025-08-03', dateSource: 'frontmatter', title: '見出しより前付けが優先' });
  });

  it('reads a date-time written with a space before the colon, and gives M/D headings its year', () => {
    expect(parseFixture('dates/frontmatter-datetime.md')).toMatchObject({ date: '2025-06-03', dateSource: 'frontmatter' });
  });

  it('is an error when it is not a date, naming its line', () => {
    const record = parseFixture('dates/frontmatter-invalid.md');
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'invalid-date', severity: 'error', line: 2 })]);
    expect(record.date).toBe('2025-08-03');
  });
});

describe('date from the path', () => {
  it.each([
    ['logs/2025-08-03.md', '2025-08-03', '2025-08-03'],
    ['logs/20250803.md', '2025-08-03', '20250803'],
    ['logs/2025/08/03.md', '2025-08-03', '2025-08-03'],
    ['logs/daily-2025-08-03-0930.md', '2025-08-03', 'daily-2025-08-03-0930'],
    ['C:\\logs\\2025\\08\\03.md', '2025-08-03', '2025-08-03'],
    ['logs/2025/0803.md', '2025-08-03', '2025-08-03'],
    ['logs/2025/08/03日.md', '2025-08-03', '2025-08-03'],
  ])('%s → %s (slug %s)', (path, date, slug) => {
    const record = parseLog('# 学習ログ\n\n- 本文\n', { path });
    expect(record).toMatchObject({ date, slug, dateSource: 'path', title: '学習ログ', diagnostics: [] });
  });

  it('never takes a date from the body', () => {
    const record = parseFixture('dates/no-date.md', 'logs/notes.md');
    expect(record.date).toBeNull();
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'no-date', severity: 'error', line: 1, column: 1 })]);
    expect(record.diagnostics[0]!.message).toContain('YYYY-MM-DD');
  });

  it('warns when the heading and the file name disagree, and keeps the heading date', () => {
    const record = parseFixture('dates/mismatch.md', 'logs/2023/10/11.md');
    expect(record.date).toBe('2023-10-10');
    expect(rules(record)).toEqual(['date-mismatch']);
  });
});
