/**
 * problemThreads on real fixture files: the acceptance week of the site
 * fixtures (tests/fixtures/site/logs/2025-07-2*.md) and tests/fixtures/threads:
 *
 *   09-01  ビルドが遅い            テストが遅い件     テストが速い   課題4: デプロイについて
 *   09-02  ~~ビルドが遅い~~ (✓)    テストが遅い 対応中               問題3: デプロイ 状態: 完了 (✓)
 *   09-05  ビルドが遅い (reopens)  テスト が 遅い。 Status: done (✓)
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemKey, problemThreads, threadCounts, threadId, threadJson } from '../../src/stats/problem-threads.ts';
import { acceptanceWeek, recordsIn, shuffled } from './helpers.ts';

const threadFixtures = recordsIn(fileURLToPath(new URL('../fixtures/threads/', import.meta.url)));
const summary = (threads: ReturnType<typeof problemThreads>) =>
  threads.map((thread) => [thread.title, thread.status, thread.firstSeen, thread.lastSeen, thread.resolvedOn, thread.occurrences.length]);

describe('problem threads', () => {
  it('makes the acceptance week two threads of 4 and 2 occurrences, resolved on the right days', () => {
    const threads = problemThreads(acceptanceWeek());
    expect(summary(threads)).toEqual([
      ['Lambda のコールドスタートが遅い', 'resolved', '2025-07-21', '2025-07-24', '2025-07-24', 4],
      ['CORS エラーが出る', 'resolved', '2025-07-21', '2025-07-22', '2025-07-22', 2],
    ]);
    expect(threads[0]!.occurrences.map((occurrence) => [occurrence.slug, occurrence.line, occurrence.title, occurrence.status])).toEqual([
      ['2025-07-21', 5, 'Lambda のコールドスタートが遅い', null],
      ['2025-07-22', 5, 'Lambdaのコールドスタートが遅い', null],
      ['2025-07-23', 9, 'Lambda のコールドスタートが遅い', null],
      ['2025-07-24', 5, 'Lambda のコールドスタートが遅い', 'resolved'],
    ]);
  });

  it('reopens a resolved thread written again on a later day, merges 件 / について / spacing, and keeps close titles apart', () => {
    const threads = problemThreads(threadFixtures);
    expect(summary(threads)).toEqual([
      ['ビルドが遅い', 'open', '2025-09-01', '2025-09-05', null, 3],
      ['テストが速い', 'open', '2025-09-01', '2025-09-01', null, 1],
      ['テスト が 遅い。', 'resolved', '2025-09-01', '2025-09-05', '2025-09-05', 3],
      ['デプロイ', 'resolved', '2025-09-01', '2025-09-02', '2025-09-02', 2],
    ]);
    expect(threads[0]!.reopenedOn).toBe('2025-09-05');
    expect(threads[2]!.occurrences.map((occurrence) => occurrence.status)).toEqual([null, 'open', 'resolved']);
  });

  it('normalises titles by NFKC, case, spaces, punctuation, numbering and trailing words, nothing looser', () => {
    expect(problemKey('Lambda のコールドスタートが遅い')).toBe(problemKey('Ｌａｍｂｄａのコールドスタートが遅い。'));
    expect(problemKey('問題3: テストが遅い件')).toBe(problemKey('テストが遅い'));
    expect(problemKey('デプロイについて')).toBe('デプロイ');
    expect(problemKey('テストが遅い')).not.toBe(problemKey('テストが速い'));
    expect(problemKey('API のタイムアウト')).not.toBe(problemKey('API のタイムアウト設定'));
  });

  it('gives ids that are URL-safe and do not change when logs are added or come in another order', () => {
    const before = problemThreads(threadFixtures.slice(0, 2));
    const after = problemThreads(shuffled([...threadFixtures, ...acceptanceWeek()]));
    for (const thread of before) {
      expect(thread.id).toMatch(/^[0-9a-f]{12}$/);
      expect(after.some((other) => other.id === thread.id && other.firstSeen === thread.firstSeen)).toBe(true);
    }
    expect(threadId('ビルドが遅い')).toBe(before.find((thread) => thread.title === 'ビルドが遅い')!.id);
  });

  it('writes the problems.json shape and counts threads opened and resolved per period', () => {
    const threads = problemThreads([...acceptanceWeek(), ...threadFixtures]);
    expect(Object.keys(threadJson(threads[0]!)).sort()).toEqual(['days', 'firstSeen', 'id', 'lastSeen', 'occurrences', 'reopenedOn', 'resolvedOn', 'status', 'title']);
    expect(Object.keys(threadJson(threads[0]!).occurrences[0]!).sort()).toEqual(['date', 'line', 'slug', 'status', 'title']);
    expect([...threadCounts(threads, (date) => date.slice(0, 7))]).toEqual([
      ['2025-09', { opened: 4, resolved: 2 }],
      ['2025-07', { opened: 2, resolved: 2 }],
    ]);
  });
});
