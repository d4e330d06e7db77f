/**
 * Logs parsed on threads (src/record-index/parser-threads.ts) are parsed as
 * on the calling thread; a first run of ten years of logs parses on them and
 * gives the records a fresh parse gives; a run after one edit parses that log
 * alone; images beside a log are checked as for a record from the index.
 */
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLogFiles } from '../../src/files/log-files.ts';
import { imageChecker } from '../../src/files/image-checker.ts';
import { toPosix } from '../../src/files/to-posix.ts';
import { defaultParser } from '../../src/record-index/log-parser.ts';
import { parseBytes, ParserThreads, type ParseRequest } from '../../src/record-index/parser-threads.ts';
import { freshRecords, project, readAll, type Project } from './helpers.ts';

const setup = { settings: { messages: 'en' as const }, includePrivate: false };

function requestOf(where: Project, name: string): ParseRequest {
  const displayPath = path.join('logs', name);
  return { source: toPosix(displayPath), displayPath, bytes: readFileSync(path.join(where.root, displayPath)) };
}

let where: Project | null = null;
afterEach(async () => {
  if (where) await rm(where.root, { recursive: true, force: true });
  where = null;
});

describe('parser threads', () => {
  it('parse a log as the calling thread does: the record, its images listed, an encoding error for bytes that are not UTF-8', async () => {
    where = await project(3, {
      'pictures.md': '# 2024-04-01\n\n## 学び\n- 図を描いた ![図](./missing.png)\n',
      'latin1.md': '# 2024-04-02\n\n## 学び\n- caf\xe9\n',
    });
    await writeFile(path.join(where.logs, 'latin1.md'), Buffer.from('# 2024-04-02\n\n## 学び\n- caf\xe9\n', 'latin1'));
    const threads = new ParserThreads(setup, 1);
    const here = await defaultParser();
    try {
      for (const name of ['2024-03-01.md', '2024-03-02.md', 'pictures.md', 'latin1.md']) {
        const request = requestOf(where, name);
        const onThread = await threads.parse(request);
        expect(onThread).toEqual(parseBytes(here, request, setup));
      }
      const pictures = await threads.parse(requestOf(where, 'pictures.md'));
      expect(pictures.images).toEqual([expect.objectContaining({ url: './missing.png' })]);
      expect(pictures.record.diagnostics.some((diagnostic) => diagnostic.rule === 'missing-image')).toBe(false);
      const latin1 = await threads.parse(requestOf(where, 'latin1.md'));
      expect(latin1.record.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['encoding']);
    } finally {
      await threads.close();
    }
  });

  it('parse on the calling thread once closed, and refuse what was still asked of them', async () => {
    where = await project(2);
    const threads = new ParserThreads(setup, 1);
    const request = requestOf(where, '2024-03-01.md');
    const refused = expect(threads.parse(request)).rejects.toThrow(/closed/);
    await threads.close();
    await refused;
    expect(await threads.parse(request)).toEqual(parseBytes(await defaultParser(), request, setup));
  });
});

describe('a read with many logs to parse', () => {
  it('parses them on threads into the records a fresh parse gives, then takes them all from the index', async () => {
    where = await project(150, { 'pictures.md': '# 2024-09-01\n\n## 学び\n- 図 ![図](./missing.png)\n' });
    const first = await readAll(where, { parse: undefined }, 'all');
    expect(first.counts.parsed).toBe(151);
    const files = await findLogFiles(['logs'], where.root);
    expect(first.logs.map((log) => log.record)).toEqual(freshRecords(files));
    const again = await readAll(where, { parse: undefined }, 'all');
    expect(again.counts.parsed).toBe(0);
    expect(again.logs.map((log) => log.record)).toEqual(first.logs.map((log) => log.record));
  });

  it('checks the images beside a log parsed on a thread as the file system has them now', async () => {
    where = await project(100, { 'pictures.md': '# 2024-09-01\n\n## 学び\n- 図 ![図](./missing.png)\n' });
    const { openRecordIndex } = await import('../../src/record-index/open-record-index.ts');
    const index = await openRecordIndex({ folder: where.cache, settings: { messages: 'en' } });
    const files = await findLogFiles(['logs'], where.root);
    const found: string[] = [];
    for await (const log of index.read(files, [], { images: imageChecker('logs', where.root) })) {
      for (const diagnostic of log.record.diagnostics) if (diagnostic.rule === 'missing-image') found.push(`${log.record.source}:${diagnostic.line}`);
    }
    await index.close();
    expect(index.counts.parsed).toBe(101);
    expect(found).toEqual(['logs/pictures.md:4']);
  });

  it('after one edit parses that log alone', async () => {
    where = await project(120);
    await readAll(where, { parse: undefined });
    const edited = path.join(where.logs, '2024-05-01.md');
    await writeFile(edited, `${readFileSync(edited, 'utf8')}\n- 追記\n`);
    const after = await readAll(where, { parse: undefined });
    expect(after.counts.parsed).toBe(1);
    expect(after.logs.map((log) => log.record)).toEqual(freshRecords(await findLogFiles(['logs'], where.root)));
  });
});
