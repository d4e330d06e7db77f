/** Where the index lives, and the digest of the code that keys it. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSettled, SETTLE_MS } from '../../src/files/file-stamp.ts';
import { sourceDigest } from '../../src/files/source-digest.ts';
import { cacheFolder, projectRoot } from '../../src/record-index/cache-folder.ts';
import { parserVersion, recordIndexScope } from '../../src/record-index/scope.ts';

let root = '';
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('cacheFolder', () => {
  it('is node_modules/.cache/nisshi of the nearest folder with a package.json, else of the folder itself', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nisshi-cache-folder-'));
    await mkdir(path.join(root, 'project/logs/2025'), { recursive: true });
    await writeFile(path.join(root, 'project/package.json'), '{}');
    expect(cacheFolder(path.join(root, 'project/logs/2025'), {})).toBe(path.join(root, 'project/node_modules/.cache/nisshi'));
    expect(projectRoot(path.join(root, 'project'))).toBe(path.join(root, 'project'));
    expect(projectRoot(root)).toBe(root);
  });

  it('moves with NISSHI_CACHE_DIR and is off with NISSHI_NO_CACHE', () => {
    expect(cacheFolder('/work/p', { NISSHI_CACHE_DIR: 'elsewhere' })).toBe(path.resolve('/work/p', 'elsewhere'));
    expect(cacheFolder('/work/p', { NISSHI_NO_CACHE: '1' })).toBeNull();
    expect(cacheFolder('/work/p', { NISSHI_NO_CACHE: 'true', NISSHI_CACHE_DIR: '/x' })).toBeNull();
    expect(cacheFolder('/work/p', { NISSHI_NO_CACHE: '0', NISSHI_CACHE_DIR: '/x' })).toBe('/x');
  });
});

describe('the scope of a record', () => {
  it('changes with any byte of the code it comes from', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nisshi-digest-'));
    await mkdir(path.join(root, 'parse/extract'), { recursive: true });
    await writeFile(path.join(root, 'parse/a.ts'), 'export const a = 1;\n');
    await writeFile(path.join(root, 'parse/extract/b.ts'), 'export const b = 2;\n');
    await writeFile(path.join(root, 'parse/notes.md'), 'not code');
    const folder = new URL(`file://${root}/parse/`);
    const before = sourceDigest([folder]);
    await writeFile(path.join(root, 'parse/notes.md'), 'still not code');
    expect(sourceDigest([folder])).toBe(before);
    await writeFile(path.join(root, 'parse/extract/b.ts'), 'export const b = 3;\n');
    expect(sourceDigest([folder])).not.toBe(before);
  });

  it('covers the parser, the record\'s rules and messages, and the index itself', () => {
    const src = new URL('../../src/', import.meta.url);
    const expected = sourceDigest(
      ['parse/', 'record/', 'files/decode-log.ts', 'files/read-log-file.ts', 'record-index/'].map((part) => new URL(part, src)),
    );
    expect(parserVersion()).toBe(expected);
  });

  it('changes with the settings that change a record, and only those', () => {
    const base = { messages: 'ja' as const };
    expect(recordIndexScope(base, 'v1')).toBe(recordIndexScope({ ...base, locale: 'ja' }, 'v1'));
    expect(recordIndexScope({ ...base, title: 'another title' } as never, 'v1')).toBe(recordIndexScope(base, 'v1'));
    expect(recordIndexScope(base, 'v2')).not.toBe(recordIndexScope(base, 'v1'));
    expect(recordIndexScope({ messages: 'en' }, 'v1')).not.toBe(recordIndexScope(base, 'v1'));
    expect(recordIndexScope({ ...base, privateHeadings: ['秘密'] }, 'v1')).not.toBe(recordIndexScope(base, 'v1'));
    expect(recordIndexScope({ ...base, maxLogBytes: 1000 }, 'v1')).not.toBe(recordIndexScope(base, 'v1'));
    expect(recordIndexScope({ ...base, vocabulary: { todayWords: ['本日'] } }, 'v1')).not.toBe(recordIndexScope(base, 'v1'));
  });
});

describe('a file\'s stamp', () => {
  const stats = (changedMs: number, ctimeMs = changedMs) =>
    ({ mtimeMs: BigInt(changedMs), ctimeMs: BigInt(ctimeMs) }) as unknown as import('node:fs').BigIntStats;

  it('stands for bytes read more than SETTLE_MS after the file last changed, mtime or ctime', () => {
    const readAt = 1_000_000;
    expect(isSettled(stats(readAt - SETTLE_MS - 1), readAt)).toBe(true);
    expect(isSettled(stats(readAt - SETTLE_MS), readAt)).toBe(false);
    expect(isSettled(stats(readAt - 10), readAt)).toBe(false);
    // A coarse mtime (FAT) in the future of a ctime: the later one counts.
    expect(isSettled(stats(readAt - 10, readAt - 60_000), readAt)).toBe(false);
    expect(isSettled(stats(readAt - 60_000, readAt - 10), readAt)).toBe(false);
  });
});
