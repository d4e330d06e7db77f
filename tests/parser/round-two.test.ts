/**
 * Round two of reading other people's logs (issue 10): a fixture per kind of
 * title, notation, label, date and template seen on logs the parser was not
 * tuned on, each written here in that shape (none copied from anyone's log).
 */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { dateFromPath } from '../../src/parse/date-forms.ts';
import { fixtureText } from './helpers.ts';

const read = (name: string, path = `logs/2025-09-01.md`) => parseLog(fixtureText(`round-two/${name}`), { path });
const study = (name: string) => {
  const { metrics, diagnostics } = read(name);
  return { minutes: metrics.studyMinutes, total: metrics.studyTotalMinutes, rules: diagnostics.map((d) => d.rule) };
};

describe('study-time section titles', () => {
  it.each([
    ['jikan.md', 120, null, '## 時間'],
    ['goukei-jikan.md', 180, null, '## 合計時間 (the day’s sum)'],
    ['benkyou-jikan.md', 90, null, '## 勉強時間'],
    ['sagyou-jikan.md', 45, null, '## 作業時間'],
    ['bracket-note.md', 120, null, '## 学習時間(3d)'],
    ['compound.md', 120, 7200, '## 学習&開発時間 with 今までの学習時間 after'],
    ['list-item.md', 240, null, '* 学習時間 with the figure in the next paragraph'],
    ['bold-line.md', 150, null, '**学習時間** on a line of its own'],
    ['plain-line.md', 420, 5760, 'a plain 学習時間 line with 今日 / 合計 below it'],
    ['in-quote.md', 90, null, '> ## 学習時間 inside a quote'],
    ['indented.md', 240, null, 'an indented (code) figure under the heading'],
    ['heading-with-figure.md', 480, null, '### 学習時間: 8h'],
  ])('%s → %s min, total %s (%s)', (name, minutes, total, _what) => {
    expect(study(`titles/${name}`)).toEqual({ minutes, total, rules: [] });
  });
});

describe('notations of a duration', () => {
  it.each([
    ['fullwidth-unit.md', 180, null, '３ｈ'],
    ['fullwidth-digit.md', 240, null, '４h'],
    ['fullwidth-hours-minutes.md', 150, null, '２ｈ３０ｍ'],
    ['h-min.md', 480, null, '8h00min'],
    ['zero-padded.md', 150, null, '02h30m'],
    ['spaced.md', 423, null, '7h 03min'],
    ['capital-h.md', 150, null, '2.5H'],
    ['h-dot-mm-spelled.md', 130, null, 'Today2.10h beside prose ２時間10分: hours.minutes'],
    ['h-dot-mm-decimal.md', 126, null, 'Today2.10h alone: decimal hours'],
    ['bracket-total.md', 60, 12960, '1h(216h)'],
    ['one-line.md', 335, 756, 'Today:5時間35分 Total:12時間36分'],
    ['br.md', 90, 1800, 'Today: 1.5h<br>'],
    ['clock.md', 220, 2014, '本日：3:40 / 合計：33:34'],
    ['bare-number.md', 855, null, 'a bare 14.25 under 学習時間'],
    ['bare-beside-total.md', 300, 20850, 'Today 5.0　Total 347.5h'],
  ])('%s → %s min, total %s (%s)', (name, minutes, total, _what) => {
    expect(study(`notations/${name}`)).toEqual({ minutes, total, rules: [] });
  });
});

describe('labels anywhere, today beside totals', () => {
  it('reads 今日:1.0h under 感想', () => expect(study('labels/under-kansou.md')).toEqual({ minutes: 60, total: null, rules: [] }));
  it('reads Today: 1.5h under another heading and keeps Total as the total', () =>
    expect(study('labels/today-en.md')).toEqual({ minutes: 90, total: 7200, rules: [] }));
  it('takes no time when today is left blank and only the running total is given', () =>
    expect(study('labels/only-total.md')).toEqual({ minutes: null, total: 18780, rules: [] }));
  it('takes neither a month’s figure nor the total as the day’s', () =>
    expect(study('labels/month-and-total.md')).toMatchObject({ minutes: null, rules: [] }));
  it('reads （計64.5h） as the total', () => expect(study('labels/sum-in-brackets.md')).toEqual({ minutes: 90, total: 3870, rules: [] }));
});

describe('dates written in the body', () => {
  it.each([
    ['bold-label.md', '2026-06-07', 'line'],
    ['list-label.md', '2026-06-08', 'line'],
    ['emoji-heading.md', '2025-11-21', 'heading'],
    ['emoji-second-heading.md', '2025-11-22', 'heading'],
    ['first-line.md', '2025-09-16', 'line'],
  ])('%s → %s from the %s', (name, date, dateSource) => {
    const record = read(`dates/${name}`, `logs/${name}`);
    expect(record).toMatchObject({ date, dateSource });
    expect(record.diagnostics).toEqual([]);
  });

  it('names every way to give a date, and that dot-folders are skipped, when there is none', () => {
    const [diagnostic] = parseLog('今日は晴れ\n', { path: 'logs/memo.md' }).diagnostics;
    expect(diagnostic).toMatchObject({ rule: 'no-date', severity: 'error', line: 1 });
    for (const way of ['date: YYYY-MM-DD', '# 2025年8月3日', '日付: 2025-08-03', '2025-08-03.md', '2025/08/03.md', 'dot']) {
      expect(diagnostic?.message).toContain(way);
    }
  });
});

describe('the bootcamp daily report (2024/05/01.md)', () => {
  const record = read('bootcamp/2024/05/01.md', 'daily_report/2024/05/01.md');

  it('takes the date from the path and the time from Today, never Total', () => {
    expect(record).toMatchObject({ date: '2024-05-01', dateSource: 'path', diagnostics: [] });
    expect(record.metrics).toMatchObject({ studyMinutes: 244, studyTotalMinutes: 1038 });
  });

  it('reads 取り組んだ課題一覧 as the day’s work, done where ticked', () => {
    expect(record.work).toEqual([
      { text: 'HTML 基礎編', done: true, line: 2 },
      { text: 'CSS 中級編', done: false, line: 3 },
      { text: '道場レッスン', done: null, line: 4 },
    ]);
    expect(record.checklist.map((item) => [item.text, item.done])).toEqual([['HTML 基礎編', true], ['CSS 中級編', false]]);
  });

  it('reads 次やること as plans and わかったこと as learnings', () => {
    expect(record.plans.map((plan) => plan.text)).toEqual(['Ruby の続き', '模写コーディング']);
    expect(record.learnings).toEqual(['Flexbox で横並びにできる', 'メディアクエリの書き方']);
  });
});

describe('no impossible figure', () => {
  it('leaves out a day above 24 hours, saying where and what was read', () => {
    const record = read('warnings/implausible.md');
    expect(record.metrics.studyMinutes).toBeNull();
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'study-time-implausible', severity: 'warning', line: 4, column: 1 })]);
    expect(record.diagnostics[0]?.message).toContain('"30h"');
  });

  it('leaves out a Today figure above 24 hours, keeping the total', () => {
    const record = read('warnings/implausible-today.md');
    expect(record.metrics).toMatchObject({ studyMinutes: null });
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'study-time-implausible', line: 4 })]);
    expect(record.diagnostics[0]?.message).toContain('Today: 25h');
  });

  it('leaves out a frontmatter study time above 24 hours', () => {
    const record = read('warnings/implausible-frontmatter.md');
    expect(record.metrics.studyMinutes).toBeNull();
    expect(record.diagnostics.map((d) => d.rule)).toEqual(['study-time-implausible']);
    expect(record.diagnostics[0]?.message).toContain('study: 30');
  });

  it('warns once about an impossible 学習時間 figure', () => {
    const record = parseLog('# 2025-09-01\n\n**学習時間**: 30h\n', { path: 'logs/2025-09-01.md' });
    expect(record.metrics.studyMinutes).toBeNull();
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'study-time-implausible', line: 3 })]);
  });

  it('honours a configured maximum', () => {
    const record = parseLog('## 学習時間\n13h\n', { path: 'logs/2025-09-01.md', vocabulary: { maxStudyMinutes: 12 * 60 } });
    expect(record.metrics.studyMinutes).toBeNull();
    expect(record.diagnostics.map((d) => d.rule)).toEqual(['study-time-implausible']);
  });

  it('warns when it cannot tell today’s time among several, taking the first', () => {
    const record = read('warnings/ambiguous.md');
    expect(record.metrics.studyMinutes).toBe(120);
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'study-time-ambiguous', severity: 'warning', line: 4 })]);
    expect(record.diagnostics[0]?.message).toContain('"2h", "10h"');
  });
});

describe('dates in the paths people use', () => {
  it.each([
    ['2023/05/10-11.md', '2023-05-10', 'a log of two days: its first'],
    ['diary/Sep_2023/Sep.14_23.md', '2023-09-14', 'month name and day under a month folder'],
    ['2024/Aug-21.md', '2024-08-21', 'month name and day under a year folder'],
    ['2024/08-21.md', '2024-08-21', 'month-day under a year folder, as before'],
    ['logs/ystk3411-11-25.md', null, 'digits of a name are no year'],
    ['11/25.md', null, 'no year anywhere'],
  ])('%s → %s (%s)', (path, date, _why) => {
    expect(dateFromPath(path)).toBe(date);
  });
});
