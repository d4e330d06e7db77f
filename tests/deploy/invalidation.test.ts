import { describe, expect, it } from 'vitest';
import { headerRules } from '../../src/deploy/headers.ts';
import { foldPaths, invalidationPaths, urlAliases } from '../../src/deploy/invalidation.ts';
import { planSync, type LocalFile } from '../../src/deploy/plan.ts';

const headersFor = headerRules();
const file = (path: string, md5 = '0'.repeat(32)): LocalFile => ({ path, size: 1, md5, ...headersFor(path) });

describe('urlAliases', () => {
  it('gives an index page its folder URLs', () => {
    expect(urlAliases('logs/x/index.html')).toEqual(['/logs/x/index.html', '/logs/x/', '/logs/x']);
    expect(urlAliases('index.html')).toEqual(['/index.html', '/']);
    expect(urlAliases('404.html')).toEqual(['/404.html']);
    expect(urlAliases('rss.xml')).toEqual(['/rss.xml']);
  });

  it('percent-encodes what a browser would: non-ASCII and unsafe characters', () => {
    expect(urlAliases('tags/日本語/index.html')).toEqual([
      '/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/index.html',
      '/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/',
      '/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E',
    ]);
    expect(urlAliases('notes/a b#c~d.txt')).toEqual(['/notes/a%20b%23c%7Ed.txt']);
    // `*` is CloudFront's wildcard: inside a name it is encoded, so it invalidates that file only.
    expect(urlAliases('notes/a*b.html')).toEqual(['/notes/a%2Ab.html']);
    expect(urlAliases('tags/c*/index.html')).toEqual(['/tags/c%2A/index.html', '/tags/c%2A/', '/tags/c%2A']);
    expect(urlAliases('q?x.html')).toEqual(['/q%3Fx.html']);
    expect(urlAliases('logs/2025-08-03/index.html')[0]).toBe('/logs/2025-08-03/index.html');
  });
});

describe('invalidationPaths', () => {
  it('lists changed and deleted paths with aliases, but not new hashed assets', () => {
    const old = '1'.repeat(32);
    const listed = [
      { path: 'logs/a/index.html', etag: old, size: 1 },
      { path: 'rss.xml', etag: '0'.repeat(32), size: 1 },
      { path: 'logs/gone/index.html', etag: old, size: 1 },
    ];
    const manifest = new Map(
      [file('rss.xml'), file('logs/gone/index.html', old)].map((entry) => [entry.path, { etag: entry.md5, md5: entry.md5, contentType: entry.contentType, cacheControl: entry.cacheControl }]),
    );
    const plan = planSync(
      [file('logs/a/index.html'), file('rss.xml'), file('_astro/new.Abc.js'), file('logs/new/index.html')],
      listed,
      manifest,
      new Map(),
    );
    expect(invalidationPaths(plan)).toEqual([
      '/logs/a',
      '/logs/a/',
      '/logs/a/index.html',
      '/logs/gone',
      '/logs/gone/',
      '/logs/gone/index.html',
      '/logs/new',
      '/logs/new/',
      '/logs/new/index.html',
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(invalidationPaths({ uploads: [], deletes: [], foreign: ['x'], unchanged: [], remoteCount: 3 })).toEqual([]);
  });
});

describe('foldPaths', () => {
  const logPages = (count: number) =>
    Array.from({ length: count }, (_, n) => urlAliases(`logs/2025-01-${String(n).padStart(3, '0')}/index.html`)).flat();

  it('keeps a short list as it is', () => {
    expect(foldPaths(['/a', '/b/'], { maxPaths: 2, maxWildcards: 1 })).toEqual(['/a', '/b/']);
  });

  it('folds the largest folder into a wildcard and keeps the rest exact', () => {
    const paths = [...logPages(40), '/', '/index.html', '/logs', '/rss.xml', '/tags/a/'];
    expect(foldPaths(paths, { maxPaths: 100, maxWildcards: 10 })).toEqual([
      '/',
      '/index.html',
      '/logs',
      '/logs/*',
      '/rss.xml',
      '/tags/a/',
    ]);
  });

  it('falls back to /* when the wildcards would be too many', () => {
    const paths = ['/a/1', '/a/2', '/b/1', '/b/2', '/c/1', '/c/2'];
    expect(foldPaths(paths, { maxPaths: 3, maxWildcards: 2 })).toEqual(['/*']);
    expect(foldPaths(paths, { maxPaths: 3, maxWildcards: 3 })).toEqual(['/a/*', '/b/*', '/c/*']);
  });

  it('stays within CloudFront limits for a rebuild of every page', () => {
    const folded = foldPaths([...logPages(3650), '/', '/index.html']);
    expect(folded.length).toBeLessThanOrEqual(100);
    expect(folded.filter((path) => path.endsWith('*')).length).toBeLessThanOrEqual(10);
  });
});
