/** LogRecords: the records of a folder kept current in a long-running process, and results memoised until they change. */
import { rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogRecords, openLogRecords } from '../../src/record-index/log-records.ts';
import { openRecordIndex } from '../../src/record-index/open-record-index.ts';
import { countingParser, project, type Project } from './helpers.ts';

let where: Project;
afterEach(async () => {
  if (where) await rm(where.root, { recursive: true, force: true });
});

describe('LogRecords', () => {
  it('reads again only what changed, and works out cross-log results again only then', async () => {
    where = await project(5);
    const parser = countingParser();
    const index = await openRecordIndex({ folder: where.cache, settings: { messages: 'en' }, parse: parser });
    const records = await LogRecords.open(index, 'logs', where.root);
    expect(records.records()).toHaveLength(5);
    expect(parser.calls).toHaveLength(5);
    let computed = 0;
    const minutes = () => records.memo('minutes', (logs) => {
      computed++;
      return logs.reduce((sum, log) => sum + (log.record.metrics.studyMinutes ?? 0), 0);
    });
    const before = minutes();
    expect(minutes()).toBe(before);
    expect(computed).toBe(1);

    // Saved without a change: nothing to do.
    const [first, second] = records.records();
    expect(await records.refresh([first!.file.absolutePath])).toBe(false);
    expect(records.generation).toBe(1);
    expect(parser.calls).toHaveLength(5);

    await writeFile(first!.file.absolutePath, '# 2024年3月1日\n\n**学習時間**: 10時間\n');
    expect(await records.refresh([first!.file.absolutePath])).toBe(true);
    expect(parser.calls).toHaveLength(6);
    expect(minutes()).not.toBe(before);
    expect(computed).toBe(2);

    await unlink(second!.file.absolutePath);
    await writeFile(path.join(where.logs, '2024-02-01.md'), '# 2024年2月1日\n\n**学習時間**: 1時間\n');
    await writeFile(path.join(where.logs, 'notes.txt'), 'not a log');
    expect(await records.refresh([second!.file.absolutePath, 'logs/2024-02-01.md', 'logs/notes.txt'])).toBe(true);
    expect(records.records().map((log) => log.record.source)).toEqual([
      'logs/2024-02-01.md', 'logs/2024-03-01.md', 'logs/2024-03-03.md', 'logs/2024-03-04.md', 'logs/2024-03-05.md',
    ]);
    minutes();
    expect(computed).toBe(3);

    // The whole folder again, as after a branch switch: same records, same generation.
    const generation = records.generation;
    expect(await records.refresh()).toBe(false);
    expect(records.generation).toBe(generation);
    await records.close();
  });

  it('keeps only the fields asked for (a language server keeps the head and the slim lists)', async () => {
    where = await project(3);
    const index = await openRecordIndex({ folder: where.cache, settings: { messages: 'en' } });
    const records = await LogRecords.open<Record<string, unknown>>(index, 'logs', where.root, ['morning', 'drops']);
    const [first] = records.records();
    expect(Object.keys(first!.record)).toEqual(expect.arrayContaining(['slug', 'date', 'draft', 'metrics', 'diagnostics', 'problems', 'plans', 'checklist', 'drops']));
    expect(first!.record).not.toHaveProperty('work');
    expect(first!.record).not.toHaveProperty('figures');
    await writeFile(first!.file.absolutePath, '# 2024年3月1日\n\n**学習時間**: 10時間\n');
    expect(await records.refresh([first!.file.absolutePath])).toBe(true);
    expect(records.records()[0]!.record).not.toHaveProperty('work');
    await records.close();
  });

  it('opens on the project\'s own index, shared with the commands', async () => {
    where = await project(3);
    const records = await openLogRecords({ folder: 'logs', cwd: where.root, settings: { messages: 'en' } });
    expect(records.records()).toHaveLength(3);
    await records.close();
    const again = await openRecordIndex({ folder: path.join(where.root, 'node_modules/.cache/nisshi'), settings: { messages: 'en' } });
    for await (const log of again.read(records.records().map((log) => log.file), [])) expect(log.fromIndex).toBe(true);
    await again.close();
  });
});
