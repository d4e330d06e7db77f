import { describe, it, expect } from 'vitest';
import { junkStrings } from '../helpers/junk.ts';
import { findDate, isValidDate, formatDate, dateFromPath, yearFromPath } from '../../src/parse/date-forms.ts';

describe('findDate', () => {
  // [text, date, index, length, yearGiven]
  it.each([
    ['2025年8月3日', '2025-08-03', 0, 9, true],
    ['# 2025年8月3日 - 学習ログ', '2025-08-03', 2, 9, true],
    ['2025 年 6 月 26 日', '2025-06-26', 0, 15, true],
    ['2025/8/3', '2025-08-03', 0, 8, true],
    ['2025/08/03', '2025-08-03', 0, 10, true],
    ['2025-08-03', '2025-08-03', 0, 10, true],
    ['2025.8.3', '2025-08-03', 0, 8, true],
    ['2025-06-03T23:00', '2025-06-03', 0, 10, true],
    ['20250803', '2025-08-03', 0, 8, true],
    ['log 20250803 notes', '2025-08-03', 4, 8, true],
    ['令和7年8月3日', '2025-08-03', 0, 8, true],
    ['令和元年8月3日', '2019-08-03', 0, 8, true],
    ['平成31年4月30日', '2019-04-30', 0, 10, true],
    ['昭和64年1月7日', '1989-01-07', 0, 9, true],
    ['明治元年1月1日', '1868-01-01', 0, 8, true],
    ['大正2年3月4日', '1913-03-04', 0, 8, true],
    ['２０２５年８月３日', '2025-08-03', 0, 9, true],
    ['２０２５年８月３日（日）', '2025-08-03', 0, 12, true],
    ['2025年8月3日(日) 学習', '2025-08-03', 0, 12, true],
    ['2025-08-03 (Sun) notes', '2025-08-03', 0, 16, true],
    ['2025/8/3（日曜日）', '2025-08-03', 0, 13, true],
    ['2025年8月11日(月・祝)', '2025-08-11', 0, 15, true],
    ['2025-02-30 and 2025-03-01', '2025-03-01', 15, 10, true],
    ['date: 2024-02-29', '2024-02-29', 6, 10, true],
  ] as const)('%j', (text, date, index, length, yearGiven) => {
    expect(findDate(text)).toEqual({ date, index, length, yearGiven });
  });

  it.each([
    ['8月3日(日)', '2025-08-03', 0, 7],
    ['# 8月3日 の記録', '2025-08-03', 2, 4],
    ['6/3', '2025-06-03', 0, 3],
    ['06/05', '2025-06-05', 0, 5],
    ['6/3(火) 振り返り', '2025-06-03', 0, 6],
  ] as const)('%j with opts.year', (text, date, index, length) => {
    expect(findDate(text, { year: 2025 })).toEqual({ date, index, length, yearGiven: false });
  });

  it('lets the caller cut the date out of a heading', () => {
    const heading = '２０２５年８月３日（日）　学習ログ';
    const m = findDate(heading);
    expect(m).not.toBeNull();
    const title = (heading.slice(0, m!.index) + heading.slice(m!.index + m!.length)).trim();
    expect(title).toBe('学習ログ');
  });

  it('prefers a written year over opts.year', () => {
    expect(findDate('2023年8月3日', { year: 2025 })?.date).toBe('2023-08-03');
  });

  it.each([
    ['8月3日'], // no year given
    ['6/3'],
    ['2025-02-30'],
    ['2025-13-01'],
    ['2025年2月29日'], // not a leap year
    ['2025/0/10'],
    ['12345678'], // implausible year
    ['ID20250803'], // not a whole token
    ['202508031'],
    ['80/100'],
    ['2:30'],
    ['学習ログ'],
    [''],
  ])('%j → null', (text) => {
    expect(findDate(text)).toBeNull();
  });

  it.each([
    ['2025年2月29日'], // must not fall back to 2月29日 with the option year
    ['25年8月3日'], // two-digit year: 8月3日 alone would guess the year
    ['去年8月3日'],
    ['25/8/3'],
    ['2025/13/3'],
    ['80/100'],
    ['1.5/3'],
  ])('%j → null even with opts.year', (text) => {
    expect(findDate(text, { year: 2024 })).toBeNull();
  });
});

describe('isValidDate / formatDate', () => {
  it.each([
    [2025, 8, 3, true],
    [2024, 2, 29, true],
    [2025, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2025, 4, 31, false],
    [2025, 13, 1, false],
    [2025, 0, 1, false],
    [2025, 1, 0, false],
    [2025, 1.5, 1, false],
    [NaN, 1, 1, false],
  ])('%i-%i-%i → %s', (y, m, d, ok) => {
    expect(isValidDate(y, m, d)).toBe(ok);
  });

  it('pads', () => {
    expect(formatDate(2025, 8, 3)).toBe('2025-08-03');
    expect(formatDate(2025, 12, 31)).toBe('2025-12-31');
  });
});

describe('dateFromPath / yearFromPath', () => {
  it.each([
    ['2025-08-03.md', '2025-08-03'],
    ['logs/20250803.md', '2025-08-03'],
    ['logs/2025/08/03.md', '2025-08-03'],
    ['2025/08-August/2025-08-03.md', '2025-08-03'],
    ['daily-2025-08-03-0930.md', '2025-08-03'],
    ['202310/11.md', '2023-10-11'],
    ['2023-10/11.md', '2023-10-11'],
    ['Aug.2024/21st.md', '2024-08-21'],
    ['2025/8月/3日.md', '2025-08-03'],
    ['2025/0803.md', '2025-08-03'],
    ['2025/08-03.md', '2025-08-03'],
    ['C:\\notes\\2025\\08\\03.md', '2025-08-03'],
    ['C:\\notes\\2025-08-03.md', '2025-08-03'],
    ['2025.08.03.md', '2025-08-03'],
    ['2025年8月3日.md', '2025-08-03'],
    ['２０２５-０８-０３.md', '2025-08-03'],
    // the file name wins over folders
    ['2024/01/2025-08-03.md', '2025-08-03'],
  ])('%s → %s', (path, date) => {
    expect(dateFromPath(path)).toBe(date);
  });

  it.each([
    ['notes/readme.md'],
    ['2025-02-30.md'],
    ['2025/13/03.md'],
    ['2025/02/30.md'],
    ['08/03.md'], // no year anywhere
    ['project/03.md'],
    ['2025/08-July/03.md'], // the folder contradicts itself
    ['12345678.md'],
    [''],
    ['/'],
  ])('%s → null', (path) => {
    expect(dateFromPath(path)).toBeNull();
  });

  it.each([
    ['2025/08/03.md', 2025],
    ['2025-08-03.md', 2025],
    ['logs/2025/notes.md', 2025],
    ['logs/2024-08.md', 2024],
    ['202310/misc.md', 2023],
    ['journal-2022/8月3日.md', 2022],
    ['notes/readme.md', null],
    ['notes/123456.md', null],
  ] as const)('year of %s → %s', (path, year) => {
    expect(yearFromPath(path)).toBe(year);
  });
});

describe('junk never throws', () => {
  const junk = junkStrings('0123456789０１２３４５６７８９年月日/-.T:()（）　 _\\令和元平成曜日金SunAug.mdx', { count: 400, maxLength: 24, seed: 42 });

  it('findDate returns null or a valid date inside the text', () => {
    for (const s of junk) {
      for (const opts of [undefined, { year: 2025 }]) {
        const m = findDate(s, opts);
        if (m === null) continue;
        const [y, mo, d] = m.date.split('-').map(Number);
        expect(isValidDate(y!, mo!, d!)).toBe(true);
        expect(m.index).toBeGreaterThanOrEqual(0);
        expect(m.index + m.length).toBeLessThanOrEqual(s.length);
      }
    }
  });

  it('dateFromPath and yearFromPath return null or well-formed values', () => {
    for (const s of junk) {
      const d = dateFromPath(s);
      if (d !== null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const y = yearFromPath(s);
      if (y !== null) expect(Number.isInteger(y)).toBe(true);
    }
  });
});
