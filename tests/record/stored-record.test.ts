/**
 * The record as the site's store holds it (its header), as pages get it (with its lists), and made whole
 * again for /data/: the same JSON, byte for byte, as the record the store held whole (zod's parse of it,
 * keys in the schema's order).
 */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { logRecordSchema } from '../../src/record/schema.ts';
import { completeRecord, recordExtras, recordLists, siteRecord, storedPart, storedRecordSchema } from '../../src/record/stored-record.ts';

const log = [
  '# 2025年8月3日',
  '',
  '## 今日の目標',
  '- [x] Astro のルーティングを読む',
  '',
  '## 取り組んだ課題一覧',
  '- ルーティングの章',
  '',
  '#### 問題1: CORS エラー',
  '**現状**: ブロックされる',
  '**解決方法**: 許可するオリジンを設定する',
  '',
  '## 参考資料',
  '- [Astro Docs](https://docs.astro.build/)',
  '',
  '**学習時間**: 約2時間',
  '**特定した問題**: 1件',
  '',
].join('\n');

describe('stored records', () => {
  const record = parseLog(log, { path: 'logs/2025-08-03.md' });
  // What the store held before: zod's parse of the whole record, as Astro's parseData gives it.
  const whole = logRecordSchema.parse(record);
  const lists = ['goals', 'checklist', 'problems', 'plans', 'drops', 'learnings', 'learningLines', 'reflections', 'reviewItems'];
  const extras = ['figures', 'work', 'references'];
  // The parts as the body file keeps them: the parser's output through JSON, keys in the parser's order.
  const kept = (parts: unknown) => () => JSON.parse(JSON.stringify(parts)) as unknown;

  it('keep the header in the store: every list and extra left out, and nothing else', () => {
    for (const key of ['goals', 'checklist', 'problems', 'figures', 'work', 'references']) expect((record as unknown as Record<string, unknown[]>)[key]!.length, key).toBeGreaterThan(0);
    const stored = storedRecordSchema.parse(storedPart(record));
    expect(Object.keys(stored).sort()).toEqual(Object.keys(whole).filter((key) => ![...lists, ...extras].includes(key)).sort());
    expect(Object.keys(recordLists(record)).sort()).toEqual([...lists].sort());
    expect(Object.keys(recordExtras(record)).sort()).toEqual([...extras].sort());
  });

  it('give pages the header with its lists, without the extras', () => {
    const stored = storedRecordSchema.parse(storedPart(record));
    const site = siteRecord(stored, kept(recordLists(record)));
    const { figures: _figures, work: _work, references: _references, ...shown } = whole;
    expect(site).toEqual(shown);
  });

  it('are made whole from the lists and extras kept with the body: the same JSON as the whole record', () => {
    const stored = storedRecordSchema.parse(storedPart(record));
    const site = siteRecord(stored, kept(recordLists(record)));
    expect(JSON.stringify(completeRecord(site, kept(recordExtras(record))))).toBe(JSON.stringify(whole));
  });

  it('are left as they are when the store holds them whole (a log with images beside it): the body file is not read', () => {
    const stored = storedRecordSchema.parse(record);
    const unread = () => {
      throw new Error('read');
    };
    const site = siteRecord(stored, unread);
    expect(JSON.stringify(completeRecord(site, unread))).toBe(JSON.stringify(whole));
  });

  it('refuse lists or extras that are not a record\'s, naming the field', () => {
    const stored = storedRecordSchema.parse(storedPart(record));
    expect(() => siteRecord(stored, () => ({ ...recordLists(record), problems: 'none' }))).toThrow(/problems/);
    expect(() => siteRecord(stored, () => ({ goals: [] }))).toThrow(/checklist/);
    const site = siteRecord(stored, kept(recordLists(record)));
    expect(() => completeRecord(site, () => ({ figures: 'none', work: [], references: [] }))).toThrow(/figures/);
  });
});
