/**
 * The record index: a log is parsed once between its edits; whatever changes
 * what its record would be (a byte, its path, a setting, the parser's code)
 * reads it again; damage is found, said in one line and built again; a
 * folder it cannot use only makes a command slower; nothing private is kept.
 */
import { readdir, readFile, rename, rm, stat, truncate, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLogFiles } from '../../src/files/log-files.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { SETTLE_MS } from '../../src/files/file-stamp.ts';
import { HEAD_FIELDS, MORNING_PARTS, MORNING_WHOLE, RECORD_FIELDS, type MorningRecord } from '../../src/record-index/record-columns.ts';
import { openRecordIndex } from '../../src/record-index/open-record-index.ts';
import { logRecordSchema } from '../../src/record/schema.ts';
import { MORNING_FIELDS } from '../../src/cli/load.ts';
import { carryOver, type CarryRecord } from '../../src/stats/carry-over.ts';
import { checklistCounts } from '../../src/stats/checklist-counts.ts';
import { freshRecords, project, readAll, type Project } from './helpers.ts';

let where: Project;
afterEach(async () => {
  if (where) await rm(where.root, { recursive: true, force: true });
});

const recordsOf = (reading: { logs: Array<{ record: unknown }> }) => reading.logs.map((log) => log.record);
const files = () => findLogFiles(['logs'], where.root);
const databases = async () => (await readdir(where.cache)).filter((name) => name.endsWith('.db'));

describe('the record index', () => {
  it('parses nothing when nothing changed, and gives the records it would have parsed', async () => {
    where = await project(12);
    const first = await readAll(where);
    expect(first.parsed).toHaveLength(12);
    expect(first.fromIndex).toBe(0);
    const second = await readAll(where);
    expect(second.parsed).toEqual([]);
    expect(second.fromIndex).toBe(12);
    expect(second.logs.every((log) => log.fromIndex)).toBe(true);
    expect(recordsOf(second)).toEqual(freshRecords(await files()));
    // Byte for byte as the parser writes them, key order included: `nisshi parse` prints the same text from the index.
    expect(JSON.stringify(recordsOf(second))).toBe(JSON.stringify(freshRecords(await files())));
  });

  it('reads a file again when one byte changed, even at the same size and modification time', async () => {
    where = await project(6);
    await readAll(where);
    const [file] = await files();
    const before = await stat(file!.absolutePath);
    const text = await readFile(file!.absolutePath, 'utf8');
    // Same length, same mtime: only the bytes tell.
    const edited = text.replace('学習時間', '学習時問');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    await writeFile(file!.absolutePath, edited);
    await utimes(file!.absolutePath, before.atime, before.mtime);
    const again = await readAll(where);
    expect(again.parsed).toEqual([path.posix.join('logs', path.basename(file!.absolutePath))]);
    expect(recordsOf(again)).toEqual(freshRecords(await files()));
  });

  it('knows an unchanged file by its stamp without reading it, once its last change is older than the read; any write shows', async () => {
    where = await project(4);
    // Files written just now are read (and hashed) every time: a write in the same clock tick could hide.
    const soon = await readAll(where);
    expect(soon.counts.read).toBe(4);
    expect((await readAll(where)).counts.read).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 200));
    // Read long enough after the last change: the stamp now stands for the bytes.
    expect((await readAll(where)).counts.read).toBe(4);
    const settled = await readAll(where);
    expect(settled.counts).toEqual({ parsed: 0, fromIndex: 4, read: 0 });
    expect(recordsOf(settled)).toEqual(freshRecords(await files()));
    // A same-size edit with the mtime put back: the ctime moves, so the stamp does.
    const [file] = await files();
    const before = await stat(file!.absolutePath);
    const text = await readFile(file!.absolutePath, 'utf8');
    await writeFile(file!.absolutePath, text.replace('学習時間', '学習時問'));
    await utimes(file!.absolutePath, before.atime, before.mtime);
    const edited = await readAll(where);
    expect(edited.counts).toMatchObject({ parsed: 1, read: 1 });
    expect(recordsOf(edited)).toEqual(freshRecords(await files()));
  }, 20_000);

  it('reads a renamed, moved or added file, and leaves a deleted one out', async () => {
    where = await project(6);
    await readAll(where);
    const [first, second, third] = await files();
    await rename(first!.absolutePath, path.join(where.logs, 'renamed.md'));
    await rename(second!.absolutePath, path.join(where.logs, '..', 'logs', 'moved-2024-03-02.md'));
    await unlink(third!.absolutePath);
    await writeFile(path.join(where.logs, '2024-04-01.md'), '# 2024年4月1日\n\n**学習時間**: 1時間\n');
    const again = await readAll(where);
    expect(again.parsed.sort()).toEqual(['logs/2024-04-01.md', 'logs/moved-2024-03-02.md', 'logs/renamed.md']);
    expect(again.logs).toHaveLength(6);
    expect(recordsOf(again)).toEqual(freshRecords(await files()));
  });

  it('reads every log again when a setting that changes a record changes, and when the parser does', async () => {
    where = await project(5);
    await readAll(where);
    const japanese = await readAll(where, { settings: { messages: 'ja' } });
    expect(japanese.parsed).toHaveLength(5);
    expect(recordsOf(japanese)).toEqual(freshRecords(await files(), { messages: 'ja' }));
    const vocabulary = await readAll(where, { settings: { messages: 'en', vocabulary: { sections: { learnings: ['わかったこと'] } } } });
    expect(vocabulary.parsed).toHaveLength(5);

    const otherParser = await readAll(where, { parserVersion: 'an-edited-parser' });
    expect(otherParser.parsed).toHaveLength(5);
    expect((await readAll(where, { parserVersion: 'an-edited-parser' })).parsed).toEqual([]);
    // Back to this code: its scope is still there.
    expect((await readAll(where)).parsed).toEqual([]);
    expect(await databases()).toHaveLength(4);
  });

  it('hands out the head and only the large fields asked for, in the parser\'s key order', async () => {
    where = await project(3);
    await readAll(where);
    const heads = await readAll(where, {}, []);
    expect(Object.keys(heads.logs[0]!.record)).toEqual(RECORD_FIELDS.filter((field) => (HEAD_FIELDS as readonly string[]).includes(field)));
    const some = await readAll(where, {}, ['plans', 'checklist']);
    expect(Object.keys(some.logs[0]!.record)).toEqual(RECORD_FIELDS.filter((field) => (HEAD_FIELDS as readonly string[]).includes(field) || field === 'plans' || field === 'checklist'));
    expect(some.parsed).toEqual([]);
    const [fresh] = freshRecords(await files());
    expect(some.logs[0]!.record).toEqual(Object.fromEntries(Object.keys(some.logs[0]!.record).map((key) => [key, fresh![key as keyof typeof fresh]])));
  });

  it('hands the morning commands slim records: the head, of checklist, problems and plans only what the statistics read, and the drops and learnings whole', async () => {
    where = await project(4);
    await readAll(where);
    const morning = await readAll(where, {}, 'morning');
    expect(morning.parsed).toEqual([]);
    const fresh = freshRecords(await files());
    morning.logs.forEach((log, i) => {
      const whole = fresh[i]!;
      const slim = (items: ReadonlyArray<Record<string, unknown>>, parts: readonly string[]) => items.map((item) => Object.fromEntries(parts.map((part) => [part, item[part]])));
      expect(log.record).toEqual({
        ...Object.fromEntries(HEAD_FIELDS.map((field) => [field, whole[field]])),
        checklist: slim(whole.checklist, MORNING_PARTS.checklist),
        problems: slim(whole.problems, MORNING_PARTS.problems),
        plans: slim(whole.plans, MORNING_PARTS.plans),
        ...Object.fromEntries(MORNING_WHOLE.map((field) => [field, whole[field]])),
      });
    });
    expect(Object.keys((morning.logs[0]!.record as unknown as MorningRecord).problems[0] ?? {})).toEqual(['title', 'status', 'line', 'current']);
  });

  it('hands the morning commands what the carry-over reads: carried items marked, and the drops (issue 24)', async () => {
    const plans = '# 2024-05-01\n\n## 次のステップ\n### 今日中\n- [ ] テストを書く\n- [ ] 記事を書く\n- [ ] 本を読む\n';
    const carried = [
      '# 2024-05-02', '', '## 持ち越し', '- [ ] テストを書く（5/1 の計画）', '- [x] 本を読む（5/1 の計画）',
      '- [ ] ~~記事を書く~~（5/1 の計画） — 要らなくなった', '- [ ] 掃除 未完了（4/30）', '',
      '## 今日の目標', '- [x] 自分の目標', '- [ ] 散歩（中止）', '',
    ].join('\n');
    where = await project(0, { '2024-05-01.md': plans, '2024-05-02.md': carried });
    await readAll(where);
    const morning = await readAll(where, {}, MORNING_FIELDS);
    expect(morning.parsed).toEqual([]);
    const records = morning.logs.map((log) => log.record as unknown as CarryRecord);
    const fresh = freshRecords(await files());
    const day = records.find((record) => record.date === '2024-05-02')!;
    expect(day.drops).toEqual([{ text: '記事を書く', line: 6 }, { text: '散歩', line: 11 }]);
    expect(day.checklist.map((item) => item.carried?.kind ?? null)).toEqual(['plan', 'plan', 'plan', 'unfinished', null, null]);
    expect(checklistCounts(day)).toEqual({ own: { done: 1, total: 1 }, carried: { done: 1, total: 3 } });
    const options = { weekStart: 'monday' as const };
    expect(carryOver(records, '2024-05-03', options)).toEqual(carryOver(fresh, '2024-05-03', options));
    expect(carryOver(records, '2024-05-03', options).items.map((item) => item.text)).toEqual(['テストを書く', '掃除']);
  });

  it('knows every field of the record schema, in its order', () => {
    expect(RECORD_FIELDS).toEqual(Object.keys(logRecordSchema.shape));
  });

  it('keeps no record JSON would change (a frontmatter number .inf): such a log is read from its file every time', async () => {
    where = await project(2, { '2024-05-01.md': '---\nweight: .inf\n---\n# 2024年5月1日\n\n**学習時間**: 1時間\n' });
    await readAll(where);
    const again = await readAll(where);
    expect(again.parsed).toEqual(['logs/2024-05-01.md']);
    const record = again.logs.find((log) => log.record.source === 'logs/2024-05-01.md')!.record;
    expect(record.frontmatter.weight).toBe(Infinity);
  });
});

describe('a damaged record index', () => {
  async function damagedThenRead(damage: (file: string) => Promise<void>) {
    where = await project(8, { '2024-08-01.md': '# 2024年8月1日\n\n## 学び\n- FLIP-TARGET を覚えた\n\n**学習時間**: 1時間\n' });
    await readAll(where);
    const [database] = await databases();
    await damage(path.join(where.cache, database!));
    const reading = await readAll(where);
    const noCache = await readAll(where, { folder: null });
    return { reading, noCache };
  }

  it('is found when the file was cut short, said in one line, and built again: the same records as --no-cache', async () => {
    const { reading, noCache } = await damagedThenRead(async (file) => truncate(file, Math.floor((await stat(file)).size / 2)));
    expect(reading.notices).toEqual([expect.stringMatching(/^the record index .+\.db was damaged \(.+\); it is built again from the logs$/)]);
    expect(recordsOf(reading)).toEqual(recordsOf(noCache));
    // Built again whole: the next command parses nothing and says nothing.
    const next = await readAll(where);
    expect(next.parsed).toEqual([]);
    expect(next.notices).toEqual([]);
  });

  it('is found when the file was emptied', async () => {
    const { reading, noCache } = await damagedThenRead((file) => truncate(file, 0));
    expect(reading.notices).toEqual([expect.stringMatching(/was damaged/)]);
    expect(reading.parsed).toHaveLength(9);
    expect(recordsOf(reading)).toEqual(recordsOf(noCache));
  });

  it('is found when one byte of a stored record flipped, by its checksum', async () => {
    const { reading, noCache } = await damagedThenRead(async (file) => {
      const bytes = await readFile(file);
      // One bit of one log's learnings (in every copy SQLite's pages hold of that value).
      const marker = Buffer.from('FLIP-TARGET');
      let flipped = 0;
      for (let at = bytes.indexOf(marker); at !== -1; at = bytes.indexOf(marker, at + 1)) {
        bytes[at] = bytes[at]! ^ 0x01;
        flipped++;
      }
      expect(flipped).toBeGreaterThan(0);
      await writeFile(file, bytes);
    });
    expect(reading.notices).toEqual([expect.stringMatching(/was damaged \(the checksum of the record of logs\/2024-08-01\.md does not match\)/)]);
    expect(recordsOf(reading)).toEqual(recordsOf(noCache));
    const next = await readAll(where);
    expect(next.parsed).toEqual([]);
    expect(recordsOf(next)).toEqual(recordsOf(noCache));
  });

  it('is found when the file is not a database at all', async () => {
    const { reading, noCache } = await damagedThenRead((file) => writeFile(file, 'not a database '.repeat(400)));
    expect(reading.notices).toEqual([expect.stringMatching(/was damaged \(file is not a database\)/)]);
    expect(recordsOf(reading)).toEqual(recordsOf(noCache));
  });
});

describe('a record index it cannot use', () => {
  it('reads every log from its file, says so once, and gives the same records', async () => {
    where = await project(4);
    // A file where the folder should be: no index can be made there, whoever runs this.
    await writeFile(where.cache, 'in the way');
    const reading = await readAll(where);
    expect(reading.notices).toEqual([expect.stringMatching(/^cannot keep the record index in .+cache \(.+\); every log is read from its file \(slower\)/)]);
    expect(reading.parsed).toHaveLength(4);
    expect(recordsOf(reading)).toEqual(freshRecords(await files()));
    expect((await readAll(where)).parsed).toHaveLength(4);
  });

  it('is not even opened for records read with their private notes', async () => {
    where = await project(2);
    const index = await openRecordIndex({ folder: where.cache, settings: {}, includePrivate: true });
    expect(index.location).toBeNull();
    await index.close();
    await expect(stat(where.cache)).rejects.toThrow();
  });
});

describe('private notes and the record index', () => {
  it('keeps no byte of a private note: the cache is searched for its marker', async () => {
    where = await project(3, {
      '2024-06-01.md': [
        '# 2024年6月1日', '', '## 学び', '- PUBLIC-MARKER-61 を覚えた', '',
        // Where the record would take them if they were not private: a task item, a figure, a learning.
        '## 気持ち 🔒', '- [ ] PRIVATE-MARKER-SECTION に連絡する', '**相手**: PRIVATE-MARKER-SECTION-2', '',
        '## 非公開', '- [x] PRIVATE-MARKER-HEADING を片付けた', '',
        '## 学び', '- 今日は <!-- private -->PRIVATE-MARKER-INLINE<!-- /private --> と話した', '',
        '**学習時間**: 1時間', '',
      ].join('\n'),
    });
    await readAll(where);
    await readAll(where, {}, ['plans']);
    const cache = Buffer.concat(await Promise.all((await readdir(where.cache)).map((name) => readFile(path.join(where.cache, name)))));
    expect(cache.includes('PUBLIC-MARKER-61')).toBe(true);
    for (const marker of ['PRIVATE-MARKER-SECTION', 'PRIVATE-MARKER-HEADING', 'PRIVATE-MARKER-INLINE', 'PRIVATE-MARKER']) {
      expect(cache.includes(marker), marker).toBe(false);
    }
    // The same log read with its private notes kept (parse --include-private) is never stored.
    const privately = await readAll(where, { includePrivate: true });
    expect(JSON.stringify(recordsOf(privately))).toContain('PRIVATE-MARKER-SECTION');
    const after = Buffer.concat(await Promise.all((await readdir(where.cache)).map((name) => readFile(path.join(where.cache, name)))));
    expect(after.includes('PRIVATE-MARKER')).toBe(false);
  });
});

describe('records from the index and records parsed fresh', () => {
  it('are the same for logs with every kind of finding: errors, warnings, encodings, refusals', async () => {
    where = await project(0, {
      'no-date.md': '本文だけ\n',
      '2024-07-01.md': '# 2024年7月1日\n\n##見出しに空白なし\n\n**学習時間**: 約2時間\n**特定した問題**: 3件\n',
      'draft-2024-07-02.md': '---\ndraft: true\ntags: [a, b]\n---\n# 2024年7月2日\n',
      'broken-yaml.md': '---\ntags: [a\n---\n# 2024年7月3日\n',
    });
    await writeFile(path.join(where.logs, 'sjis-2024-07-04.md'), Buffer.from([0x23, 0x20, 0x8a, 0x77, 0x8f, 0x4b, 0x0a]));
    const first = await readAll(where);
    const second = await readAll(where);
    expect(second.parsed).toEqual([]);
    expect(recordsOf(second)).toEqual(recordsOf(first));
    expect(recordsOf(second)).toEqual(freshRecords(await files()));
    expect(JSON.stringify(recordsOf(second))).toContain('"rule":"encoding"');
  });

  it('are the same as parseLog gives for the same text and path', async () => {
    where = await project(4);
    await readAll(where);
    const [file] = await files();
    const indexed = (await readAll(where)).logs[0]!.record;
    expect(indexed).toEqual(parseLog(await readFile(file!.absolutePath, 'utf8'), { path: 'logs/' + path.basename(file!.absolutePath), settings: { messages: 'en' } }));
  });
});
