import { describe, it, expect } from 'vitest';
import { junkStrings } from '../helpers/junk.ts';
import { parseDuration, parseDurations, parseCount, parseNumber } from '../../src/parse/quantity.ts';

describe('parseDuration', () => {
  // [text, minutes, approximate, index, length]
  it.each([
    ['約2時間', 120, true, 0, 4],
    ['2時間', 120, false, 0, 3],
    ['2時間30分', 150, false, 0, 6],
    ['1時間半', 90, false, 0, 4],
    ['2時間半', 150, false, 0, 4],
    ['1.5時間', 90, false, 0, 5],
    ['90分', 90, false, 0, 3],
    ['90分間', 90, false, 0, 4],
    ['1h30m', 90, false, 0, 5],
    ['2h', 120, false, 0, 2],
    ['2.0h', 120, false, 0, 4],
    ['3 h', 180, false, 0, 3],
    ['7h05m', 425, false, 0, 5],
    ['1949h06m', 116946, false, 0, 8],
    ['2 hours 06 min', 126, false, 0, 14],
    ['2 hours', 120, false, 0, 7],
    ['1 hour', 60, false, 0, 6],
    ['45 min', 45, false, 0, 6],
    ['30mins', 30, false, 0, 6],
    ['1.5hrs', 90, false, 0, 6],
    ['5時間30分', 330, false, 0, 6],
    ['７ｈ', 420, false, 0, 2],
    ['３　h', 180, false, 0, 3],
    ['１時間３０分', 90, false, 0, 6],
    ['1,949h', 116940, false, 0, 6],
    ['0.25h', 15, false, 0, 5],
    ['1.33h', 80, false, 0, 5], // 79.8 rounds to 80
    // approximate markers, included in the span
    ['およそ3時間', 180, true, 0, 6],
    ['大体3時間', 180, true, 0, 5],
    ['だいたい1時間', 60, true, 0, 7],
    ['ca. 2h', 120, true, 0, 6],
    ['~2h', 120, true, 0, 3],
    ['2時間程度', 120, true, 0, 5],
    ['2時間くらい', 120, true, 0, 6],
    ['30分ぐらい', 30, true, 0, 6],
    ['1時間ほど', 60, true, 0, 5],
    ['3時間前後', 180, true, 0, 5],
    // ranges take the midpoint
    ['1〜2時間', 90, true, 0, 5],
    ['1~2h', 90, true, 0, 4],
    ['1～2h', 90, true, 0, 4],
    ['1-2時間', 90, true, 0, 5],
    ['30〜40分', 35, true, 0, 6],
    ['1時間〜2時間', 90, true, 0, 7],
    ['約1〜2時間', 90, true, 0, 6],
    // in context
    ['**学習時間**: 約2時間', 120, true, 10, 4],
    ['学習時間: 2h（休憩込み）', 120, false, 6, 2],
    ['1時間目の後に2時間', 120, false, 7, 3],
    ['8時30分から1時間', 60, false, 7, 3],
    ['3時間目標', 180, false, 0, 3],
    ['10:00-12:00 2時間', 120, false, 12, 3],
  ] as const)('%j', (text, minutes, approximate, index, length) => {
    expect(parseDuration(text)).toEqual({ minutes, approximate, index, length });
  });

  it.each([
    ['2:30'],
    ['3時間目'], // school period
    ['8時'], // clock time
    ['8時30分'], // clock time, not thirty minutes
    ['8 時'],
    ['3'],
    ['2.5'],
    ['100m'], // probably metres
    ['3分の1'], // a fraction
    ['abc2h'],
    ['2horses'],
    ['学習時間'],
    [''],
  ])('%j → null', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('a descending "range" is not a range', () => {
    expect(parseDuration('5-2h')).toEqual({ minutes: 120, approximate: false, index: 2, length: 2 });
  });
});

describe('parseDurations', () => {
  it.each([
    ['本日 8h / 累計 400.5h', [[480, 3, 2], [24030, 11, 6]]],
    ['today: 3.0h / total: 91.5h', [[180, 7, 4], [5490, 21, 5]]],
    ['3 h （今週: 28.5h, 今月: 7 ｈ,　累計: 277 h）', [[180, 0, 3], [1710, 9, 5], [420, 20, 3], [16620, 29, 5]]],
    ['Today: 2 hours 06 min Total 484 hours 42 min', [[126, 7, 14], [29082, 28, 16]]],
    ['累計:277h', [[16620, 3, 4]]],
    ['no durations here 2:30', []],
  ] as const)('%j', (text, expected) => {
    const got = parseDurations(text).map((d) => [d.minutes, d.index, d.length]);
    expect(got).toEqual(expected);
  });

  it('slices of the original text are the durations as written', () => {
    const text = '３ h （今週: 28.5h, 累計: 約277 h程度）';
    expect(parseDurations(text).map((d) => text.slice(d.index, d.index + d.length))).toEqual([
      '３ h',
      '28.5h',
      '約277 h程度',
    ]);
  });
});

describe('parseCount', () => {
  it.each([
    ['3件', 3, '件', false],
    ['5個', 5, '個', false],
    ['10回', 10, '回', false],
    ['２問', 2, '問', false],
    ['3つ', 3, 'つ', false],
    ['4本', 4, '本', false],
    ['2冊', 2, '冊', false],
    ['3ページ', 3, 'ページ', false],
    ['5 tasks', 5, 'tasks', false],
    ['5 items', 5, 'items', false],
    ['3 problems', 3, 'problems', false],
    ['1 Task', 1, 'Task', false],
    ['約3件', 3, '件', true],
    ['5問くらい', 5, '問', true],
    ['3〜5問', 4, '問', true],
    ['3', 3, '', false],
    [' ３ ', 3, '', false],
    ['1,200', 1200, '', false],
    ['解いた問題: 12問', 12, '問', false],
    ['2時間で5問', 5, '問', false],
  ] as const)('%j', (text, value, unit, approximate) => {
    expect(parseCount(text)).toEqual({ value, unit, approximate });
  });

  it.each([
    ['3時間'],
    ['90分'],
    ['10回目'], // ordinal
    ['第3回'], // ordinal
    ['3.5'], // bare numbers must be integers
    ['約3'],
    ['3 apples and more'],
    ['abc'],
    [''],
  ])('%j → null', (text) => {
    expect(parseCount(text)).toBeNull();
  });
});

describe('parseNumber', () => {
  it.each([
    ['80%', 80, '%'],
    ['80 %', 80, '%'],
    ['８０％', 80, '%'],
    ['80/100', 80, '/100'],
    ['８０／１００', 80, '/100'],
    ['3 / 10', 3, '/10'],
    ['3.5', 3.5, null],
    ['-2', -2, null],
    ['1,234.5', 1234.5, null],
    [' 42 ', 42, null],
  ] as const)('%j', (text, value, unit) => {
    expect(parseNumber(text)).toEqual({ value, unit });
  });

  it.each([['abc'], ['80点'], ['2h'], ['1/2/3'], ['3.'], [''], ['%']])('%j → null', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('junk never throws', () => {
  const junk = junkStrings('0123456789０１２３.,:/%％~〜-　 時間分半目約程度hmsinoruHM件問回つ第ｈ', { count: 500, maxLength: 30, seed: 7 });

  it('durations are whole, in order, non-overlapping and inside the text', () => {
    for (const s of junk) {
      let end = 0;
      for (const d of parseDurations(s)) {
        expect(Number.isInteger(d.minutes)).toBe(true);
        expect(d.minutes).toBeGreaterThanOrEqual(0);
        expect(d.index).toBeGreaterThanOrEqual(end);
        end = d.index + d.length;
        expect(end).toBeLessThanOrEqual(s.length);
      }
      expect(parseDuration(s)).toEqual(parseDurations(s)[0] ?? null);
    }
  });

  it('counts and numbers are finite or null', () => {
    for (const s of junk) {
      const c = parseCount(s);
      if (c) expect(Number.isFinite(c.value)).toBe(true);
      const n = parseNumber(s);
      if (n) expect(Number.isFinite(n.value)).toBe(true);
    }
  });

  it('huge numbers do not produce Infinity', () => {
    const big = '9'.repeat(400);
    expect(parseDuration(`${big}h`)).toBeNull();
    expect(parseNumber(big)).toBeNull();
    expect(parseCount(big)).toBeNull();
  });
});
