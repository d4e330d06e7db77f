/**
 * The record as the site's store holds it, and made whole again for /data/: the same JSON, byte for byte,
 * as the record the store held whole (zod's parse of it, keys in the schema's order).
 */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { logRecordSchema } from '../../src/record/schema.ts';
import { completeRecord, recordExtras, storedRecordSchema, withoutExtras } from '../../src/record/stored-record.ts';

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

  it('leave out the figures, the work and the references, and nothing else', () => {
    expect(record.figures.length).toBeGreaterThan(0);
    expect(record.work.length).toBeGreaterThan(0);
    expect(record.references.length).toBeGreaterThan(0);
    const stored = storedRecordSchema.parse(withoutExtras(record));
    expect(Object.keys(stored).sort()).toEqual(Object.keys(whole).filter((key) => !['figures', 'work', 'references'].includes(key)).sort());
  });

  it('are made whole from the extras kept with the body: the same JSON as the whole record', () => {
    const stored = storedRecordSchema.parse(withoutExtras(record));
    // The extras as the body file keeps them: the parser's output through JSON, keys in the parser's order.
    const kept = JSON.parse(JSON.stringify(recordExtras(record))) as unknown;
    expect(JSON.stringify(completeRecord(stored, () => kept))).toBe(JSON.stringify(whole));
  });

  it('are left as they are when they hold their extras (a log with images beside it): the body file is not read', () => {
    const stored = storedRecordSchema.parse(record);
    expect(JSON.stringify(completeRecord(stored, () => { throw new Error('read'); }))).toBe(JSON.stringify(whole));
  });

  it('refuse extras that are not a record\'s, naming the field', () => {
    const stored = storedRecordSchema.parse(withoutExtras(record));
    expect(() => completeRecord(stored, () => ({ figures: 'none', work: [], references: [] }))).toThrow(/figures/);
  });
});
