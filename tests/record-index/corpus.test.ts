/**
 * Records from the index equal records parsed fresh, over the real logs of
 * other writers (../shared/corpus/real and real-more; skipped where absent,
 * as tests/parser/corpus.test.ts is): taken from the index by the CLI's
 * reading, and put in it by the loader's.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findLogFiles } from '../../src/files/log-files.ts';
import { readLogFileSync } from '../../src/files/read-log-file.ts';
import { processLog } from '../../src/loader/process-log.ts';
import { openRecordIndex } from '../../src/record-index/open-record-index.ts';
import { freshRecords } from './helpers.ts';
import { corpusFolder } from '../helpers/shared-corpus.ts';

const project = fileURLToPath(new URL('../../', import.meta.url));


const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

for (const name of ['real', 'real-more']) {
  const folder = corpusFolder(name);
  const title = folder ? `the record index over the real-log corpus ${name}` : `the record index over the real-log corpus ${name}: skipped, no ../shared/corpus/${name} beside the project`;

  describe.runIf(folder !== null)(title, () => {
    async function copy(): Promise<string> {
      const root = await mkdtemp(path.join(tmpdir(), 'nisshi-index-corpus-'));
      roots.push(root);
      await cp(folder!, path.join(root, 'logs'), { recursive: true });
      return root;
    }

    it('gives the records parseLog gives, once parsed and once taken from the index', async () => {
      const root = await copy();
      const files = await findLogFiles(['logs'], root);
      const settings = { messages: 'en' as const };
      const read = async () => {
        const index = await openRecordIndex({ folder: path.join(root, 'cache'), settings });
        const records: unknown[] = [];
        for await (const log of index.read(files, 'all')) records.push(log.record);
        await index.close();
        return { records, counts: index.counts };
      };
      const first = await read();
      const second = await read();
      expect(first.counts.parsed).toBe(files.length);
      expect(second.counts).toMatchObject({ parsed: 0, fromIndex: files.length });
      const fresh = freshRecords(files, settings);
      expect(second.records).toEqual(fresh);
      expect(JSON.stringify(second.records)).toBe(JSON.stringify(fresh));
    });

    it('gives the CLI the records the loader put in it (Sätteri\'s reading), equal to parseLog\'s', async () => {
      const root = await copy();
      const files = await findLogFiles(['logs'], root);
      const settings = { messages: 'en' as const };
      const loader = await openRecordIndex({ folder: path.join(root, 'cache'), settings });
      for (const file of files) {
        const content = readLogFileSync(file);
        const source = `logs/${path.relative(path.join(root, 'logs'), file.absolutePath).split(path.sep).join('/')}`;
        const { record, images } = await processLog(content.text, { path: source, settings, allowRawHtml: false });
        loader.put(file, source, content, record, images);
      }
      await loader.close();
      const cli = await openRecordIndex({ folder: path.join(root, 'cache'), settings });
      const records: unknown[] = [];
      for await (const log of cli.read(files, 'all')) records.push(log.record);
      await cli.close();
      // Encoding errors stand for a record's findings; the loader sets them after processLog, so leave those logs to the first test.
      const fresh = freshRecords(files, settings);
      const plain = fresh.map((record, i) => (record.diagnostics.some((d) => d.rule === 'encoding') ? null : i)).filter((i): i is number => i !== null);
      expect(cli.counts.fromIndex).toBeGreaterThanOrEqual(plain.length);
      expect(plain.map((i) => records[i])).toEqual(plain.map((i) => fresh[i]));
    });
  });
}
