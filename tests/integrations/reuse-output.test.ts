import { describe, expect, it } from 'vitest';
import { manifestImages, mayKeepOutput, removalLines, staleFiles } from '../../src/integrations/reuse-output.ts';

describe('staleFiles', () => {
  const started = 1_000_000;
  const outputs = {
    listed: new Set(['index.html', 'logs/2025-08-03/index.html']),
    publicFiles: new Set(['favicon.svg']),
    startedMs: started,
  };
  /** The files with their mtimes; asking for the mtime of a listed file is a test failure (a wasted stat). */
  const stale = (files: [string, number][]) => {
    const mtimes = new Map(files);
    return staleFiles(mtimes.keys(), outputs, (file) => {
      if (outputs.listed.has(file)) throw new Error(`asked for the mtime of ${file}, a listed file`);
      return mtimes.get(file) ?? Number.NaN;
    });
  };

  it('keeps what the build listed, however old, and what it wrote after it started', () => {
    expect(stale([['logs/2025-08-03/index.html', 5], ['index.html', started + 10], ['_astro/app.js', started]])).toEqual([]);
  });

  it("keeps a copy of a public/ file even if the copy kept the source's time", () => {
    expect(stale([['favicon.svg', 1]])).toEqual([]);
  });

  it('returns every older file the build did not list, sorted: a deleted log, a new draft, an old search index', () => {
    const files: [string, number][] = [
      ['search-index/2025/00112233aabbccdd.json', started - 1],
      ['logs/2025-08-05/index.html', started - 5_000],
      ['logs/2025-08-04/index.html', started - 60_000],
      ['logs/2025-08-03/index.html', started - 60_000],
    ];
    expect(stale(files)).toEqual(['logs/2025-08-04/index.html', 'logs/2025-08-05/index.html', 'search-index/2025/00112233aabbccdd.json']);
  });
});

describe('removalLines', () => {
  it('names up to five removed pages and counts the search index apart', () => {
    const pages = Array.from({ length: 7 }, (_, n) => `logs/2025-08-0${n + 1}/index.html`);
    expect(removalLines([...pages, 'search-index/parts.json', 'search-index/recent/8aabc8b7f6d1c9b4.json'])).toEqual([
      `removed 7 file(s) the last build made and this one did not: ${pages.slice(0, 5).join(', ')}, and 2 more`,
      "removed last build's search index (2 file(s)); scripts/build-search-index.ts writes it again",
    ]);
    // The Pagefind index builds before the new one left (pagefind/…) is search index too.
    expect(removalLines(['pagefind/2025/pagefind.js', 'pagefind/parts.json'])).toEqual([
      "removed last build's search index (2 file(s)); scripts/build-search-index.ts writes it again",
    ]);
    expect(removalLines(['logs/2025-08-05/index.html'])).toEqual(['removed 1 file(s) the last build made and this one did not: logs/2025-08-05/index.html']);
    expect(removalLines([])).toEqual([]);
  });
});

describe('mayKeepOutput', () => {
  const stamp = { outDir: '/site/dist', manifest: 'abc' };

  it('keeps the folder the last finished build of this cache wrote', () => {
    expect(mayKeepOutput(stamp, '/site/dist', 'abc')).toBe(true);
  });

  it('empties it after an interrupted build (no stamp), for another folder, or when another build changed the cache', () => {
    expect(mayKeepOutput(undefined, '/site/dist', 'abc')).toBe(false);
    expect(mayKeepOutput(stamp, '/site/other', 'abc')).toBe(false);
    expect(mayKeepOutput(stamp, '/site/dist', 'def')).toBe(false);
    expect(mayKeepOutput(stamp, '/site/dist', undefined)).toBe(false);
  });
});

describe('manifestImages', () => {
  const manifest = (paths: Record<string, unknown>, version = 1) =>
    JSON.stringify({ version, configHash: 'x', routes: { 'src/pages/logs/[slug].astro': { dependencyHash: 'y', paths } } });

  it("names every image of every page, in the output folder's terms, whatever the base path", () => {
    const text = manifest({
      '/nisshi/logs/a/': { cacheKey: 'a', outputFile: 'logs/a/index.html', staticImages: [{ finalPath: '/nisshi/_astro/diagram.Dx_Kb.webp' }, { finalPath: '/nisshi/_astro/%E5%9B%B3.Ab_Cd.webp' }] },
      '/nisshi/logs/b/': { cacheKey: 'b', outputFile: 'logs/b/index.html' },
    });
    expect(manifestImages(text, '/nisshi/')).toEqual(new Set(['_astro/diagram.Dx_Kb.webp', '_astro/図.Ab_Cd.webp']));
    expect(manifestImages(manifest({ '/logs/a/': { staticImages: [{ finalPath: '/_astro/x.webp' }] } }), '/')).toEqual(new Set(['_astro/x.webp']));
  });

  it('knows no other shape: another version, images that are not a list, or not JSON at all', () => {
    expect(manifestImages(manifest({}, 2), '/')).toBeUndefined();
    expect(manifestImages(manifest({ '/logs/a/': { staticImages: 'x' } }), '/')).toBeUndefined();
    expect(manifestImages(manifest({ '/logs/a/': { staticImages: [{ path: '/_astro/x.webp' }] } }), '/')).toBeUndefined();
    expect(manifestImages('{', '/')).toBeUndefined();
    expect(manifestImages(JSON.stringify({ version: 1 }), '/')).toBeUndefined();
  });
});
