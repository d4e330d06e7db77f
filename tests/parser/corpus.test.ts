/**
 * Real daily logs written by other people (../shared/corpus/real and
 * ../shared/corpus/real-more, beside the project on developer machines and in
 * CI): nisshi must read every one of them, and never give a day more hours
 * than it has. Where a folder is absent (a fresh clone on its own) its tests
 * are skipped, and the describe's name says so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { processLog } from '../../src/loader/process-log.ts';
import { sourcePaths } from '../../scripts/corpus-sources.ts';
import { corpusFolder } from '../helpers/shared-corpus.ts';

const project = fileURLToPath(new URL('../../', import.meta.url));



function readCorpus(name: string): { folder: string | null; logs: Array<{ name: string; text: string; source: string | null }> } {
  const folder = corpusFolder(name);
  const names = folder ? readdirSync(folder).filter((file) => file.endsWith('.md') && file !== 'SOURCES.md' && file !== 'README.md') : [];
  const sources = folder ? sourcePaths(folder) : new Map<string, string>();
  return { folder, logs: names.map((file) => ({ name: file, text: readFileSync(path.join(folder!, file), 'utf8'), source: sources.get(file) ?? null })) };
}

for (const name of ['real', 'real-more']) {
  const { folder, logs } = readCorpus(name);
  const title = folder ? `the real-log corpus ${name} (${logs.length} logs)` : `the real-log corpus ${name}: skipped, no ../shared/corpus/${name} beside the project`;

  describe.runIf(logs.length > 0)(title, () => {
    const records = logs.map(({ name: file, text }) => ({ name: file, text, record: parseLog(text, { path: file }) }));

    it('reads every log without an internal error, with diagnostics inside the file', () => {
      for (const { text, record } of records) {
        const lines = text.split('\n').length;
        for (const diagnostic of record.diagnostics) {
          expect(diagnostic.rule).not.toBe('internal-error');
          expect(diagnostic.line).toBeLessThanOrEqual(lines);
        }
      }
    });

    it('gives no day more than 24 hours of study, read under the corpus names and under the writers\' own paths', () => {
      const under = logs.filter(({ source }) => source !== null).map(({ name: file, text, source }) => ({ name: `${file} as ${source}`, record: parseLog(text, { path: source! }) }));
      const over = [...records, ...under].filter(({ record }) => (record.metrics.studyMinutes ?? 0) > 24 * 60);
      expect(over.map(({ name: file, record }) => `${file}: ${record.metrics.studyMinutes} min`)).toEqual([]);
    });

    it('reads no "特になし" as a problem and no lone list marker as a plan', () => {
      for (const { name: file, record } of records) {
        expect(record.problems.map((problem) => problem.title), file).not.toContain('特になし');
        expect(record.plans.filter((plan) => /^[・•\-*]?$/u.test(plan.text)), file).toEqual([]);
      }
    });

    // real-more keeps logs whose writers gave no date at all (11/25.md, a file named .md): see npm run corpus.
    if (name === 'real') {
      it('finds a date in every log (under the corpus file names)', () => {
        expect(records.filter(({ record }) => record.date === null).map(({ name: file }) => file)).toEqual([]);
      });
    }

    it('reads to the same record on the site (Sätteri) as with parseLog (remark)', async () => {
      for (const { name: file, text, record } of records) {
        const site = await processLog(text, { path: file, allowRawHtml: false });
        expect(site.record, file).toEqual(record);
      }
    });
  });
}
