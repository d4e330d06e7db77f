/**
 * Real daily logs written by other people (../shared/corpus/real, beside the
 * project on developer machines and in CI): nisshi must read every one of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { processLog } from '../../src/loader/process-log.ts';

const corpus = new URL('../../../shared/corpus/real/', import.meta.url);
const names = existsSync(corpus) ? readdirSync(corpus).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md') : [];

describe.runIf(names.length > 0)('the real-log corpus', () => {
  const records = names.map((name) => ({ name, text: readFileSync(new URL(name, corpus), 'utf8') })).map(({ name, text }) => ({ name, text, record: parseLog(text, { path: name }) }));

  it('reads every log without an internal error, with diagnostics inside the file', () => {
    for (const { text, record } of records) {
      const lines = text.split('\n').length;
      for (const diagnostic of record.diagnostics) {
        expect(diagnostic.rule).not.toBe('internal-error');
        expect(diagnostic.line).toBeLessThanOrEqual(lines);
      }
    }
  });

  it('finds a date in every log', () => {
    expect(records.filter(({ record }) => record.date === null).map(({ name }) => name)).toEqual([]);
  });

  it('reads to the same record on the site (Sätteri) as with parseLog (remark)', async () => {
    for (const { name, text, record } of records) {
      const site = await processLog(text, { path: name, allowRawHtml: false });
      expect(site.record, name).toEqual(record);
    }
  });
});
