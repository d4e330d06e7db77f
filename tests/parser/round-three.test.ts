/**
 * Round three of reading other people's logs (issue 28): a fixture per kind of
 * miss found on logs the parser was not tuned on, each written here in that
 * shape, two notations or more per kind (none copied from anyone's log).
 */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { processLog } from '../../src/loader/process-log.ts';
import { fixtureText } from './helpers.ts';

const read = (name: string, path = 'logs/2025-10-06.md') => parseLog(fixtureText(`round-three/${name}`), { path: path.replace('2025-10-06', dateOf(name)) });
/** Each fixture's heading gives its date; the path agrees, so no date-mismatch joins the diagnostics. */
const dateOf = (name: string) => /# (\d{4}-\d{2}-\d{2})/.exec(fixtureText(`round-three/${name}`))?.[1] ?? '2025-10-06';
const study = (name: string) => {
  const { metrics, diagnostics } = read(name);
  return { minutes: metrics.studyMinutes, total: metrics.studyTotalMinutes, rules: diagnostics.map((d) => d.rule) };
};

describe('a day is never summed across kinds of time', () => {
  it.each([
    ['sections.md', 450, 18000, [], 'sections 予定 / 実績 / 予実の差 / 本日 / 今週 / 累計: 実績 and 本日 agree'],
    ['sub-headings.md', 300, 14400, [], '## 学習時間 with ### 予定 / 実績 / 差分 / 今日 / 今週 / 累計'],
    ['one-line.md', 390, null, [], '予定: 8h / 実績: 6.5h / 差: -1.5h on one line'],
    ['differing.md', 300, null, ['study-time-ambiguous'], '実績 5時間 and 今日 4時間: 実績 is taken, with a warning'],
  ])('%s → %s min, total %s (%s)', (name, minutes, total, rules) => {
    expect(study(`kinds/${name}`)).toEqual({ minutes, total, rules });
  });

  it('says which kinds disagreed and which it took', () => {
    const [warning] = read('kinds/differing.md').diagnostics;
    expect(warning).toMatchObject({ rule: 'study-time-ambiguous', line: 4 });
    expect(warning?.message).toContain('"5時間", "4時間"');
    expect(warning?.message).toContain('実績');
  });

  it('reports no sum above a day, even when each section alone is possible (the guard is on the result)', () => {
    const record = read('kinds/over-a-day.md');
    expect(record.metrics.studyMinutes).toBeNull();
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'study-time-implausible', line: 6 })]);
    expect(record.diagnostics[0]?.message).toContain('14h + 13h');
  });

  it('still adds up a section per subject of the same kind', () => {
    expect(study('kinds/subjects.md')).toEqual({ minutes: 150, total: null, rules: [] });
  });
});

describe('合計 under a time heading is the day’s sum', () => {
  it.each([
    ['list-item.md', 480, null, '- 合計: 8h00min alone'],
    ['subjects.md', 480, null, '- Rails: 3h / - AWS: 5h / - 合計: 8h, no warning'],
    ['with-running-total.md', 330, 7200, '合計 5時間30分（累計 120時間）'],
    ['today-and-total.md', 120, 9000, '- 本日: 2h / - 合計: 150h: today is labelled, 合計 is the running total'],
    ['running-after-day.md', 180, 750, '3h / 合計：１２ｈ３０ｍ: not the sum of 3h, so a running total'],
    ['week-sum.md', 90, null, '今週の合計 is a week’s, never the day’s'],
  ])('%s → %s min, total %s (%s)', (name, minutes, total) => {
    expect(study(`sum/${name}`)).toEqual({ minutes, total, rules: [] });
  });
});

describe('more labels for today’s time', () => {
  it.each([
    ['shoyou-colon.md', 120, false, '所要時間: 2h'],
    ['sagyou-bold-space.md', 180, false, '**作業時間** 3時間 (bold, no colon)'],
    ['kadou-fullwidth-colon.md', 270, false, '- 稼働時間：4.5h'],
    ['benkyou-shita-space.md', 90, false, '勉強した時間 1時間30分 (a space, no colon)'],
    ['honjitsu-bold-colon-inside.md', 300, false, '**本日の学習時間：** 5h'],
    ['shoyou-ideographic-space.md', 180, true, '所要時間　約3時間 (a full-width space)'],
  ])('%s → %s min (%s)', (name, minutes, approximate) => {
    const { metrics, diagnostics } = read(`labels/${name}`);
    expect({ minutes: metrics.studyMinutes, approximate: metrics.studyApproximate, rules: diagnostics.map((d) => d.rule) }).toEqual({ minutes, approximate, rules: [] });
  });

  it('takes a label without a colon only when a time follows it', () => {
    const record = parseLog('# 2025-10-08\n\n作業時間 が足りない\n', { path: 'logs/2025-10-08.md' });
    expect(record.metrics.studyMinutes).toBeNull();
    expect(record.figures).toEqual([]);
  });
});

describe('clock totals and clock ranges', () => {
  it.each([
    ['total-clock.md', 150, 1057, '- 13:00 ~ 15:30 / - Total 17:37'],
    ['total-clock-figure.md', 125, 7057, '**Today**: 2:05 / **Total**: 117:37'],
    ['range.md', 785, null, '11:15 ~ 24:20 (24:20 is past midnight as written)'],
    ['two-ranges.md', 450, null, '9:00〜12:00、13:00〜17:30: two ranges on one line'],
    ['midnight.md', 165, null, '**学習時間**: 22:30-1:15 across midnight'],
    ['explicit-wins.md', 90, null, '1.5h written beside 7:30〜8:30 and 19:00~19:30'],
    ['backwards.md', null, null, '9:00 ~ 8:30 is no 23.5 hours'],
  ])('%s → %s min, total %s (%s)', (name, minutes, total) => {
    expect(study(`clock/${name}`)).toEqual({ minutes, total, rules: [] });
  });

  it('takes a range only where no time is written: a labelled figure elsewhere wins', () => {
    const record = parseLog('# 2025-10-09\n\n## 学習時間\n9:00〜12:00\n\n**Today**: 2h\n', { path: 'logs/2025-10-09.md' });
    expect(record.metrics.studyMinutes).toBe(120);
  });

  it('leaves out a range its line says is not today’s', () => {
    const record = parseLog('# 2025-10-09\n\n## 学習時間\n- 予定 9:00〜18:00\n- 13:00〜15:00\n', { path: 'logs/2025-10-09.md' });
    expect(record.metrics.studyMinutes).toBe(120);
  });
});

describe('both reading paths', () => {
  it('give the same record for every round-three fixture (remark for the CLI, Sätteri for the site)', async () => {
    const { readdirSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const root = fileURLToPath(new URL('../fixtures/parser/round-three/', import.meta.url));
    const names = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const path = `logs/${dateOf(name)}.md`;
      const text = fixtureText(`round-three/${name}`);
      const site = await processLog(text, { path, allowRawHtml: false });
      expect(site.record, name).toEqual(parseLog(text, { path }));
    }
  });
});
