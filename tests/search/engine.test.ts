/** Which logs a query finds, in which order, and the passage shown (src/search/engine.ts). */
import { describe, expect, it } from 'vitest';
import { indexLog, markText, passageOf, searchLogs, tierOf, type IndexedLog } from '../../src/search/engine.ts';
import type { SearchDoc } from '../../src/search/extract.ts';
import { parseQuery, type Query } from '../../src/search/text.ts';

/** A log whose body is these lines; a line starting with "## " is a heading (its id the text after it). */
function log(slug: string, lines: string[], fields: Partial<SearchDoc> = {}): IndexedLog {
  const sections: Array<[number, string]> = [];
  const text: string[] = [];
  let offset = 0;
  for (const line of lines) {
    const heading = line.startsWith('## ') ? line.slice(3) : undefined;
    if (heading !== undefined) sections.push([offset, heading]);
    else if (offset === 0) sections.push([0, '']);
    text.push(heading ?? line);
    offset += (heading ?? line).length + 1;
  }
  return indexLog({ slug, date: slug.slice(0, 10), title: '', tags: [], keys: [], text: text.join('\n'), sections, ...fields });
}

const q = (text: string): Query => parseQuery(text)!;

const logs = [
  log('2024-05-01', ['## 作業', 'CORSエラーの調査', 'S3 の AccessDenied を直した'], { tags: ['aws'] }),
  log('2025-01-10', ['## 問題1: CORS エラー', '現状: プリフライトが失敗'], { keys: ['CORS エラー'], tags: ['aws', 'web'] }),
  log('2025-03-03', ['今日は休み'], { title: 'CORSエラーの日', tags: ['web'] }),
  log('2025-06-30', ['## メモ', 'corsエラーは また今度', 'ＡＷＳの設定'], { tags: [] }),
  log('2023-02-02', ['## 学び', 'エラーの種類', 'CORS の設定を見直す']),
  log('2023-02-01', ['日付のない日のメモ'], { date: null }),
  log('2022-12-31', ['## 年末', 'CORS のエラーは明日']),
];

describe('searchLogs', () => {
  it('finds the logs holding the phrase, title first, then a problem title or plan, then the body, newer first among equals', () => {
    const { hits } = searchLogs(logs, q('CORS エラー'));
    expect(hits.map((hit) => [hit.log.doc.slug, hit.tier])).toEqual([
      ['2025-03-03', 0],
      ['2025-01-10', 1],
      ['2025-06-30', 2],
      ['2024-05-01', 2],
      // Both words, but not as one phrase: after every log that has the phrase; on one line before apart.
      ['2022-12-31', 3],
      ['2023-02-02', 4],
    ]);
  });

  it('orders by date alone for 新しい順, a log without a date last', () => {
    const { hits } = searchLogs(logs, q('の'), {}, 'newest');
    expect(hits.map((hit) => hit.log.doc.slug)).toEqual(['2025-06-30', '2025-03-03', '2024-05-01', '2023-02-02', '2022-12-31', '2023-02-01']);
  });

  it('finds nothing for what no log holds, even when its characters are everywhere', () => {
    expect(searchLogs(logs, q('エラーCORS')).hits).toEqual([]);
    expect(searchLogs(logs, q('存在しない単語ほげほげ')).hits).toEqual([]);
  });

  it('narrows by year and by tag, counting the other filter\'s choices within the one chosen', () => {
    const all = searchLogs(logs, q('エラー'));
    expect(all.hits).toHaveLength(6);
    expect([...all.years]).toEqual([['2024', 1], ['2025', 3], ['2023', 1], ['2022', 1]]);
    expect(Object.fromEntries(all.tags)).toEqual({ aws: 2, web: 2 });
    const web2025 = searchLogs(logs, q('エラー'), { year: '2025', tag: 'web' });
    expect(web2025.hits.map((hit) => hit.log.doc.slug)).toEqual(['2025-03-03', '2025-01-10']);
    expect(Object.fromEntries(web2025.years)).toEqual({ 2025: 2 });
    expect(Object.fromEntries(web2025.tags)).toEqual({ aws: 1, web: 2 });
    // Logs without a date are the year ''.
    expect(searchLogs(logs, q('メモ'), { year: '' }).hits.map((hit) => hit.log.doc.slug)).toEqual(['2023-02-01']);
  });

  it('matches full-width, half-width and case alike', () => {
    expect(searchLogs(logs, q('aws')).hits.map((hit) => hit.log.doc.slug)).toEqual(['2025-06-30']);
    expect(searchLogs(logs, q('ａｃｃｅｓｓｄｅｎｉｅｄ')).hits.map((hit) => hit.log.doc.slug)).toEqual(['2024-05-01']);
    expect(tierOf(logs[3]!, q('ｴﾗｰ'))).toBe(2);
  });
});

describe('passageOf', () => {
  const text = (query: string, index: number) => {
    const passage = passageOf(logs[index]!, q(query))!;
    return { ...passage, shown: passage.pieces.map((piece) => (piece.mark ? `[${piece.text}]` : piece.text)).join('') };
  };

  it('shows the line of the match with the whole phrase marked as written, and the heading it is under', () => {
    expect(text('CORS エラー', 3)).toMatchObject({ section: 'メモ', heading: 'メモ', shown: '[corsエラー]は また今度', matches: 1 });
    expect(text('aws', 3)).toMatchObject({ section: 'メモ', shown: '[ＡＷＳ]の設定' });
    expect(text('S3の access', 0)).toMatchObject({ section: '作業', shown: '[S3 の Access]Denied を直した' });
  });

  it('marks each word, on the line holding most of them, when the log holds them apart', () => {
    expect(text('CORS 設定', 4)).toMatchObject({ section: '学び', shown: '[CORS] の[設定]を見直す' });
  });

  it('has no passage when only the title holds the query; the title is marked instead', () => {
    expect(passageOf(logs[2]!, q('CORSエラー'))).toBeUndefined();
    expect(markText('CORSエラーの日', q('corsえらー'))).toEqual([{ text: 'CORSエラーの日', mark: false }]);
    expect(markText('CORSエラーの日', q('ｃｏｒｓエラー'))).toEqual([{ text: 'CORSエラー', mark: true }, { text: 'の日', mark: false }]);
  });

  it('cuts a long line around the match and says so', () => {
    const long = log('2025-07-07', ['あ'.repeat(200) + '目印' + 'い'.repeat(200)]);
    const passage = passageOf(long, q('目印'))!;
    expect(passage.clippedStart && passage.clippedEnd).toBe(true);
    expect(passage.pieces.find((piece) => piece.mark)?.text).toBe('目印');
    expect(passage.pieces.map((piece) => piece.text).join('').length).toBeLessThanOrEqual(120);
    expect(passage.section).toBe('');
  });
});
