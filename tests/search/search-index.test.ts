/**
 * The search index in parts (src/search/build-index.ts): one file for the
 * newest month (`recent`) and one per year of the other logs, named by
 * content, a part rebuilt only when one of its pages changed, the others taken
 * from the cache as they were; and where its files are (src/search/layout.ts).
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchManifest, type SearchPartFile } from '../../src/search/build-index.ts';
import { isSearchIndexFile, searchPartOf } from '../../src/search/layout.ts';
import { fingerprint, groupPages, partitionOf, partitionsOf } from '../../src/search/partitions.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><nav>ナビゲーション</nav><main data-search-body><h1 id="t">${title}</h1><p>${body}</p></main></body></html>`;

describe('partitionOf and groupPages', () => {
  it('puts a log page in the part of its year, a slug without a date in "other", newest part first', () => {
    expect(partitionOf('logs/2025-08-03/index.html')).toBe('2025');
    expect(partitionOf('logs/2016-01-01-evening/index.html')).toBe('2016');
    expect(partitionOf('logs/notes/index.html')).toBe('other');
    const bytes = new Uint8Array();
    const groups = groupPages(['logs/2016-02-01/index.html', 'logs/notes/index.html', 'logs/2025-01-02/index.html', 'logs/2025-01-01/index.html'].map((sourcePath) => ({ sourcePath, html: bytes })));
    expect([...groups].map(([part, pages]) => [part, pages.map((p) => p.sourcePath)])).toEqual([
      ['2025', ['logs/2025-01-01/index.html', 'logs/2025-01-02/index.html']],
      ['2016', ['logs/2016-02-01/index.html']],
      ['other', ['logs/notes/index.html']],
    ]);
  });

  it("puts the newest month's logs in `recent`, first, and the rest of that year in the year's part", () => {
    const paths = ['logs/2024-12-31/index.html', 'logs/2025-01-31/index.html', 'logs/2025-02-01/index.html', 'logs/2025-02-03-evening/index.html', 'logs/notes/index.html'];
    const partOf = partitionsOf(paths);
    expect(paths.map(partOf)).toEqual(['2024', '2025', 'recent', 'recent', 'other']);
    const groups = groupPages(paths.map((sourcePath) => ({ sourcePath, html: new Uint8Array() })), partOf);
    expect([...groups.keys()]).toEqual(['recent', '2025', '2024', 'other']);
    // A slug that only starts like a date is no month's; no dated log at all, no `recent`.
    expect(partitionsOf(['logs/2025-02-01/index.html'])('logs/2025-02-011/index.html')).toBe('2025');
    expect(['logs/notes/index.html'].map(partitionsOf(['logs/notes/index.html']))).toEqual(['other']);
  });

  it('gives a part a new fingerprint when a page, its path or the indexing code changes', () => {
    const pages = [{ sourcePath: 'logs/2025-01-01/index.html', html: Buffer.from(page('a', '本文')) }];
    const base = fingerprint(pages, '1.6.0');
    expect(fingerprint(pages, '1.6.0')).toBe(base);
    expect(fingerprint([{ ...pages[0]!, html: Buffer.from(page('a', '本文!')) }], '1.6.0')).not.toBe(base);
    expect(fingerprint([{ ...pages[0]!, sourcePath: 'logs/2025-01-02/index.html' }], '1.6.0')).not.toBe(base);
    expect(fingerprint(pages, '1.7.0')).not.toBe(base);
  });
});

describe('buildSearchIndex', () => {
  let work = '';
  let site = '';
  let cache = '';
  const logs: Record<string, string> = {
    '2024-12-30': page('年末', '大掃除とふりかえり'),
    '2024-12-31': page('大晦日', 'そばを食べながら復習'),
    '2025-01-01': page('元日', '新年の目標を立てた'),
    '2025-01-02': page('二日', '型ガードを練習した'),
    '2025-02-01': page('二月', '節分の準備と復習'),
    '2025-02-02': page('二月二日', 'ユニオン型を練習した'),
  };

  /** A day of the newest month edited: only `recent` is indexed again. */
  const edited = { '2025-02-02': page('二月二日', 'ユニオン型とジェネリクスを練習した') };

  async function writeSite(pages: Record<string, string>): Promise<void> {
    await rm(site, { recursive: true, force: true });
    for (const [slug, html] of Object.entries(pages)) {
      await mkdir(path.join(site, 'logs', slug), { recursive: true });
      await writeFile(path.join(site, 'logs', slug, 'index.html'), html);
    }
    // A page that is not a log (an archive) is never indexed.
    await mkdir(path.join(site, 'logs', '2025'), { recursive: true });
    await writeFile(path.join(site, 'logs', '2025', 'index.html'), '<!doctype html><html lang="ja"><body><p>一覧</p></body></html>');
  }

  /** Every file below dist/search-index with a hash of its bytes, to compare two runs. */
  async function indexFiles(): Promise<Record<string, string>> {
    const root = path.join(site, 'search-index');
    const files: Record<string, string> = {};
    for (const name of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!name.isFile()) continue;
      const file = path.join(name.parentPath, name.name);
      files[path.relative(root, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
    }
    return files;
  }

  const manifest = async () => JSON.parse(await readFile(path.join(site, 'search-index/parts.json'), 'utf8')) as SearchManifest;
  const partFile = async (file: string) => JSON.parse(await readFile(path.join(site, 'search-index', file), 'utf8')) as SearchPartFile;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'nisshi-search-'));
    site = path.join(work, 'dist');
    cache = path.join(work, 'cache');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('writes a file for the newest month and one per year, named by content, listed newest first', async () => {
    await writeSite(logs);
    const result = await buildSearchIndex(site, { cacheDir: cache });
    expect(result).toMatchObject({ pages: 6, built: ['recent', '2025', '2024'], reused: [] });
    const { version, parts } = await manifest();
    expect(version).toBe(1);
    expect(parts.map((part) => [part.name, part.logs])).toEqual([['recent', 2], ['2025', 2], ['2024', 2]]);
    for (const part of parts) {
      expect(part.file).toMatch(new RegExp(`^${part.name}/[0-9a-f]{16}\\.json$`));
      expect(searchPartOf(`search-index/${part.file}`)).toBe(part.name);
    }
    expect(Object.keys(await indexFiles()).sort()).toEqual(['parts.json', ...parts.map((part) => part.file)].sort());
    // Each part's logs, newest first, with their text; the archive page is in none.
    const recent = await partFile(parts[0]!.file);
    expect(recent.docs.map((doc) => [doc.slug, doc.text])).toEqual([
      ['2025-02-02', '二月二日\nユニオン型を練習した'],
      ['2025-02-01', '二月\n節分の準備と復習'],
    ]);
    // The bytes it reports are those of the files it wrote.
    let bytes = 0;
    for (const file of Object.keys(await indexFiles())) bytes += (await readFile(path.join(site, 'search-index', file))).length;
    expect(result.bytes).toBe(bytes);
  });

  it("takes unchanged parts from the cache, byte for byte, and rebuilds only `recent` after an edit of this month's log", async () => {
    const first = await indexFiles();
    expect(await buildSearchIndex(site, { cacheDir: cache })).toMatchObject({ pages: 6, built: [], reused: ['recent', '2025', '2024'] });
    expect(await indexFiles()).toEqual(first);

    await writeSite({ ...logs, ...edited });
    expect(await buildSearchIndex(site, { cacheDir: cache })).toMatchObject({ pages: 6, built: ['recent'], reused: ['2025', '2024'] });
    const second = await indexFiles();
    const changed = Object.keys(second).filter((file) => second[file] !== first[file]);
    const gone = Object.keys(first).filter((file) => !(file in second));
    // recent's file has a new name (the old one is gone), and the list says so; the years are the same files.
    expect(changed.sort()).toEqual(['parts.json', (await manifest()).parts[0]!.file].sort());
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatch(/^recent\//);
  });

  it('moves last month into its year when a new month starts: `recent` and that year are indexed again, once', async () => {
    const march = { '2025-03-01': page('三月', '新しい月の最初の日') };
    await writeSite({ ...logs, ...edited, ...march });
    expect(await buildSearchIndex(site, { cacheDir: cache })).toMatchObject({ pages: 7, built: ['recent', '2025'], reused: ['2024'] });
    expect((await manifest()).parts.map((part) => [part.name, part.logs])).toEqual([['recent', 1], ['2025', 4], ['2024', 2]]);
    expect(await buildSearchIndex(site, { cacheDir: cache })).toMatchObject({ pages: 7, built: [], reused: ['recent', '2025', '2024'] });
    await writeSite({ ...logs, ...edited });
  });

  it('drops a year whose logs are gone from the index and the cache; no logs at all is an empty index, not an error', async () => {
    await writeSite({ '2025-01-01': logs['2025-01-01']!, ...edited });
    expect(await buildSearchIndex(site, { cacheDir: cache })).toMatchObject({ pages: 2, built: ['recent', '2025'], reused: [] });
    expect((await readdir(cache)).sort()).toEqual(['2025', 'recent']);
    expect(await readdir(path.join(site, 'search-index'))).not.toContain('2024');

    await writeSite({});
    expect(await buildSearchIndex(site, { cacheDir: cache })).toMatchObject({ pages: 0, built: [], reused: [] });
    expect(await manifest()).toEqual({ version: 1, parts: [] });
  });

  it('indexes a log whose slug has no date (or letters a glob cannot name) in the part "other"', async () => {
    await writeSite({ ...logs, ...edited, 'メモ 帳': page('メモ', '日付のないメモ') });
    const result = await buildSearchIndex(site, { cacheDir: cache });
    expect(result.built).toContain('other');
    const parts = (await manifest()).parts;
    expect(parts.map((part) => part.name)).toEqual(['recent', '2025', '2024', 'other']);
    expect((await partFile(parts[3]!.file)).docs.map((doc) => [doc.slug, doc.date])).toEqual([['メモ 帳', null]]);
  });

  it('refuses a site folder that does not exist', async () => {
    await expect(buildSearchIndex(path.join(work, 'missing'), { cacheDir: cache })).rejects.toThrow(/does not exist; did the Astro build run\?/);
  });
});

describe('searchPartOf', () => {
  it.each([
    ['search-index/2025/00112233aabbccdd.json', '2025'],
    ['search-index/recent/00112233aabbccdd.json', 'recent'],
    ['search-index/other/00112233aabbccdd.json', 'other'],
    ['search-index/parts.json', undefined],
    // The Pagefind index of earlier builds, part by part: replaced by the new index's part of the same name.
    ['pagefind/2025/fragment/ja_1.pf_fragment', '2025'],
    ['pagefind/recent/pagefind-entry.json', 'recent'],
    ['pagefind/pagefind-ui.js', undefined],
    ['logs/2025/index.html', undefined],
    ['search/index.html', undefined],
  ])('%s is of part %s', (sitePath, part) => {
    expect(searchPartOf(sitePath)).toBe(part);
  });

  it('tells search index files from the rest of the site', () => {
    expect(['search-index/parts.json', 'pagefind/pagefind-ui.js', 'search/index.html', 'logs/search-index/index.html'].map(isSearchIndexFile)).toEqual([true, true, false, false]);
  });
});
