/** `nisshi parse` as a child process on copies of tests/fixtures/cli. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { logRecordSchema } from '../../src/record/schema.ts';
import { generateLogs } from '../../scripts/generate-logs.ts';
import { recordsJson } from '../../src/cli/parse.ts';
import { binPath, copyFixtures, runCli } from './run-cli.ts';

let folder = '';
beforeEach(async () => {
  folder = await copyFixtures();
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('nisshi parse', () => {
  it('prints one record per file, in the order given, folders expanded and sorted', async () => {
    const run = runCli(['parse', 'duplicate', 'logs/2025-08-01.md'], folder);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(1); // compact JSON, one line
    const records = logRecordSchema.array().parse(JSON.parse(run.stdout));
    expect(records.map((record) => [record.source, record.slug, record.date])).toEqual([
      ['duplicate/2025-08-10.md', '2025-08-10', '2025-08-10'],
      ['duplicate/2025/08/10.md', '2025-08-10', '2025-08-10'],
      ['logs/2025-08-01.md', '2025-08-01', '2025-08-01'],
    ]);
    // The CLI adds nothing of its own: each record is parseLog's.
    const text = await readFile(path.join(folder, 'logs/2025-08-01.md'), 'utf8');
    expect(records[2]).toEqual(parseLog(text, { path: 'logs/2025-08-01.md' }));
  });

  it('indents with --pretty', () => {
    const run = runCli(['parse', '--pretty', 'logs/2025/08/02.md'], folder);
    expect(run.lines.slice(0, 3)).toEqual(['[', '  {', '    "source": "logs/2025/08/02.md",']);
    expect(run.status).toBe(0);
  });

  it('keeps a non-UTF-8 file in the output, with only the encoding error', async () => {
    await writeFile(path.join(folder, 'logs', '2025-08-05.md'), Buffer.from([0x23, 0x20, 0x93, 0xfa, 0x8e, 0x8f, 0x0a]));
    const run = runCli(['parse', 'logs/2025-08-05.md'], folder);
    const [record] = logRecordSchema.array().parse(JSON.parse(run.stdout));
    expect(record?.diagnostics).toEqual([
      {
        severity: 'error',
        // "# 日誌" in Shift_JIS: the message names the encoding and the command that converts the file.
        message: 'not valid UTF-8 (byte 0x93 at offset 2); it reads as Shift_JIS: convert it to UTF-8 with: ' +
          'iconv -f SHIFT_JIS -t UTF-8 logs/2025-08-05.md > converted.md && mv converted.md logs/2025-08-05.md',
        line: 1,
        column: 3,
        rule: 'encoding',
      },
    ]);
    expect(record?.date).toBe('2025-08-05');
    expect(run.status).toBe(0);
  });

  it('writes --out atomically, creating folders and leaving no temporary file', async () => {
    const run = runCli(['parse', 'logs', '--out', 'dist/data/logs.json'], folder);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('wrote 4 records to dist/data/logs.json\n');
    expect(run.status).toBe(0);
    const written = JSON.parse(await readFile(path.join(folder, 'dist/data/logs.json'), 'utf8')) as unknown[];
    expect(written).toHaveLength(4);
    expect(await readdir(path.join(folder, 'dist/data'))).toEqual(['logs.json']);

    // Replacing an existing file works the same way.
    const again = runCli(['parse', 'logs/2025-08-01.md', '--out', 'dist/data/logs.json', '--pretty'], folder);
    expect(again.status).toBe(0);
    expect(await readFile(path.join(folder, 'dist/data/logs.json'), 'utf8')).toMatch(/^\[\n {2}\{\n/);
    expect(await readdir(path.join(folder, 'dist/data'))).toEqual(['logs.json']);
  });

  it('leaves an existing --out file untouched when a path is missing', async () => {
    await writeFile(path.join(folder, 'old.json'), '[]\n');
    const run = runCli(['parse', 'logs', 'missing.md', '--out', 'old.json'], folder);
    expect(run.stderr).toBe('nisshi parse: no such file or folder: missing.md\n');
    expect(run.status).toBe(2);
    expect(await readFile(path.join(folder, 'old.json'), 'utf8')).toBe('[]\n');
  });

  it('asks for paths when given none, and for a value after --out', () => {
    expect(runCli(['parse'], folder)).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'nisshi parse: give the log files or folders to parse, e.g. nisshi parse logs\n',
    });
    expect(runCli(['parse', 'logs', '--out'], folder)).toMatchObject({
      status: 2,
      stderr: 'nisshi parse: --out needs a value; see nisshi parse --help\n',
    });
  });

  it('stops quietly when the reader closes the pipe early (nisshi parse logs | head)', async () => {
    await mkdir(path.join(folder, 'many'));
    // Far more JSON than a pipe buffers, so the write is still going when the pipe closes.
    for (const log of generateLogs(40, { seed: 3 })) await writeFile(path.join(folder, 'many', log.path), log.text);
    const child = spawn(process.execPath, [binPath, 'parse', 'many'], { cwd: folder });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = await once(child, 'close');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('recordsJson', () => {
  function* each<T>(items: readonly T[]): Generator<{ record: T }> {
    for (const record of items) yield { record };
  }
  async function text(pieces: AsyncIterable<string>): Promise<{ text: string; pieces: number }> {
    let all = '';
    let count = 0;
    for await (const piece of pieces) {
      all += piece;
      count++;
    }
    return { text: all, pieces: count };
  }
  // Real records (nested arrays, nulls, Japanese, escapes), enough of them to fill more than one piece.
  const records = generateLogs(400, { seed: 5 }).map((log) => parseLog(`${log.text}\n改行"引用"\\\n`, { path: log.path }));

  it('writes what JSON.stringify of the whole array writes, compact and indented, one record at a time', async () => {
    for (const pretty of [false, true]) {
      const streamed = await text(recordsJson(each(records), pretty));
      expect(streamed.text).toBe(`${JSON.stringify(records, null, pretty ? 2 : undefined)}\n`);
      expect(streamed.pieces).toBeGreaterThan(1);
    }
  });

  it('writes [] for no logs, and a lone record as an array of one', async () => {
    for (const pretty of [false, true]) {
      expect((await text(recordsJson(each([]), pretty))).text).toBe(`${JSON.stringify([], null, pretty ? 2 : undefined)}\n`);
      expect((await text(recordsJson(each(records.slice(0, 1)), pretty))).text).toBe(`${JSON.stringify(records.slice(0, 1), null, pretty ? 2 : undefined)}\n`);
    }
  });
});
