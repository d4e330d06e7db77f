import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeLog, findLogFiles, firstInvalidUtf8Offset, LogPathError } from '../../src/files/log-files.ts';
import { copyFixtures } from './run-cli.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeLog', () => {
  it('decodes UTF-8 and drops a leading byte order mark', () => {
    expect(decodeLog(bytes([0xef, 0xbb, 0xbf], '# 学習ログ\n'))).toEqual({ text: '# 学習ログ\n', encodingError: null });
  });

  it('reports the first byte that is not UTF-8 with its line and column', () => {
    // "学習" in Shift_JIS, after two lines of UTF-8.
    const decoded = decodeLog(bytes('# 2025年8月5日\n\n- 今日は', [0x8a, 0x77, 0x8f, 0x4b], '\n'));
    expect(decoded.encodingError).toEqual({
      severity: 'error',
      message: 'not valid UTF-8 (byte 0x8A at offset 30); save the log as UTF-8',
      line: 3,
      column: 6,
      rule: 'encoding',
    });
    expect(decoded.text.startsWith('# 2025年8月5日\n\n- 今日は\ufffd')).toBe(true);
  });

  it('names Shift_JIS and gives the iconv command when the whole log reads as Shift_JIS', () => {
    // "学習した" in Shift_JIS after ASCII lines.
    const decoded = decodeLog(bytes('# 2025-08-05\n\n- ', [0x8a, 0x77, 0x8f, 0x4b, 0x82, 0xb5, 0x82, 0xbd], '\n'), 'logs/2025-08-05.md');
    expect(decoded.encodingError?.message).toBe(
      'not valid UTF-8 (byte 0x8A at offset 16); it reads as Shift_JIS: convert it to UTF-8 with: ' +
        'iconv -f SHIFT_JIS -t UTF-8 logs/2025-08-05.md > converted.md && mv converted.md logs/2025-08-05.md',
    );
    expect(decoded.encodingError).toMatchObject({ line: 3, column: 3, rule: 'encoding' });
  });

  it('names EUC-JP, quoting a path with a space', () => {
    // "学習した" in EUC-JP: it would also decode as Shift_JIS half-width katakana.
    const decoded = decodeLog(bytes('# 2025-08-05\n\n- ', [0xb3, 0xd8, 0xbd, 0xac, 0xa4, 0xb7, 0xa4, 0xbf], '\n'), 'my logs/a.md');
    expect(decoded.encodingError?.message).toContain("it reads as EUC-JP: convert it to UTF-8 with: iconv -f EUC-JP -t UTF-8 'my logs/a.md' > converted.md");
  });

  it('reads exactly what a strict TextDecoder reads, and refuses what it refuses', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const cases = [
      bytes('\ufeff# 日誌\n\ufeff途中のBOMは残る 😀\n'),
      bytes('x', [0xed, 0xa0, 0x80]),
      bytes([0xc0, 0xaf]),
      bytes('日', [0xe6, 0x97]),
      bytes([0xef, 0xbb]),
      new Uint8Array(0),
      // A view into a larger buffer, as a read may hand over.
      bytes('前置き', '# 本文\n').subarray(9),
    ];
    for (const input of cases) {
      let expected: string | null;
      try {
        expected = strict.decode(input);
      } catch {
        expected = null;
      }
      const decoded = decodeLog(input);
      if (expected === null) expect(decoded.encodingError?.rule).toBe('encoding');
      else expect(decoded).toEqual({ text: expected, encodingError: null });
    }
  });

  it('asks only for UTF-8 when the bytes are no Japanese encoding either', () => {
    expect(decodeLog(bytes('ok', [0xff, 0xfe, 0x00], '\n')).encodingError?.message).toBe('not valid UTF-8 (byte 0xFF at offset 2); save the log as UTF-8');
  });
});

describe('firstInvalidUtf8Offset', () => {
  it.each([
    ['valid ASCII and Japanese', bytes('abc 日誌 😀'), 15],
    ['a stray continuation byte', bytes('ab', [0x80]), 2],
    ['an overlong encoding of "/"', bytes([0xc0, 0xaf]), 0],
    ['a UTF-16 surrogate', bytes('x', [0xed, 0xa0, 0x80]), 1],
    ['a code point above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a sequence cut off at the end', bytes('日', [0xe6, 0x97]), 3],
  ])('%s', (_name, input, expected) => {
    expect(firstInvalidUtf8Offset(input)).toBe(expected);
  });

  it('agrees with TextDecoder on what is valid', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let seed = 0; seed < 2000; seed++) {
      const input = Uint8Array.from({ length: 6 }, (_, i) => (seed * 2654435761 + i * 40503) % 256);
      let valid = true;
      try {
        strict.decode(input);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8Offset(input) === input.length, `bytes ${[...input]}`).toBe(valid);
    }
  });
});

describe('findLogFiles', () => {
  let folder = '';
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('expands folders to *.md sorted by path, skipping dot-folders and node_modules', async () => {
    folder = await copyFixtures();
    await mkdir(path.join(folder, 'logs', 'node_modules', 'pkg'), { recursive: true });
    await writeFile(path.join(folder, 'logs', 'node_modules', 'pkg', 'README.md'), '# not a log\n');
    await writeFile(path.join(folder, 'logs', 'notes.txt'), 'not markdown\n');
    const files = await findLogFiles(['logs'], folder);
    expect(files.map((file) => file.displayPath.split(path.sep).join('/'))).toEqual([
      'logs/2025-08-01.md',
      'logs/2025/08/02.md',
      'logs/2025/08/03.md',
      'logs/broken-frontmatter.md',
    ]);
    expect(files[0]?.absolutePath).toBe(path.join(folder, 'logs', '2025-08-01.md'));
  });

  it('keeps the order of the arguments and lists a file reached twice once', async () => {
    folder = await copyFixtures();
    const files = await findLogFiles(['duplicate', 'logs/2025/08/03.md', './duplicate/2025-08-10.md'], folder);
    expect(files.map((file) => file.displayPath.split(path.sep).join('/'))).toEqual([
      'duplicate/2025-08-10.md',
      'duplicate/2025/08/10.md',
      'logs/2025/08/03.md',
    ]);
  });

  it('reads linked files but does not follow linked folders, which could loop', async () => {
    folder = await copyFixtures();
    await symlink(path.join(folder, 'logs', '2025-08-01.md'), path.join(folder, 'duplicate', 'linked.md'));
    await symlink(folder, path.join(folder, 'duplicate', 'loop'));
    const files = await findLogFiles(['duplicate'], folder);
    expect(files.map((file) => path.basename(file.displayPath))).toEqual(['2025-08-10.md', '10.md', 'linked.md']);
  });

  it('refuses a path that does not exist (the CLI exits 2 on it)', async () => {
    folder = await copyFixtures();
    const attempt = findLogFiles(['logs', 'missing'], folder);
    await expect(attempt).rejects.toThrow(LogPathError);
    await expect(attempt).rejects.toMatchObject({ message: 'no such file or folder: missing' });
  });
});
