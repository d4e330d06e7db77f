import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_RULES, IMMUTABLE, REVALIDATE, contentTypeFor, globToRegExp, headerRules } from '../../src/deploy/headers.ts';

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['_astro/app.B1c2D3e4.js', 'text/javascript; charset=utf-8'],
    ['_astro/app.F5g6H7i8.css', 'text/css; charset=utf-8'],
    ['data/logs.json', 'application/json; charset=utf-8'],
    ['sitemap-0.xml', 'application/xml; charset=utf-8'],
    ['rss.xml', 'application/rss+xml; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml; charset=utf-8'],
    ['img/photo.PNG', 'image/png'],
    ['fonts/a.woff2', 'font/woff2'],
    ['pagefind/pagefind.ja_fabba8a2a8.pf_meta', 'application/octet-stream'],
    ['pagefind/wasm.unknown.pagefind', 'application/octet-stream'],
    ['LICENSE', 'application/octet-stream'],
  ])('%s is %s', (path, type) => {
    expect(contentTypeFor(path)).toBe(type);
  });
});

describe('default cache rules', () => {
  const headersFor = headerRules();
  it.each([
    ['_astro/app.B1c2D3e4.js', IMMUTABLE],
    ['_astro/fonts/x.Ab12.woff2', IMMUTABLE],
    // The search index's parts are named by their content (src/search/layout.ts); the list of them is not.
    ['search-index/2025/00112233aabbccdd.json', IMMUTABLE],
    ['search-index/recent/8aabc8b7f6d1c9b4.json', IMMUTABLE],
    ['search-index/parts.json', REVALIDATE],
    ['index.html', REVALIDATE],
    ['logs/2025-08-03/index.html', REVALIDATE],
    ['rss.xml', REVALIDATE],
    ['sitemap-index.xml', REVALIDATE],
    ['data/logs.json', REVALIDATE],
    ['favicon.svg', REVALIDATE],
  ])('%s gets %s', (path, cacheControl) => {
    expect(headersFor(path).cacheControl).toBe(cacheControl);
  });

  it('can be replaced by settings, first match winning', () => {
    const custom = headerRules({
      cacheRules: [{ pattern: 'favicon.svg', cacheControl: 'public, max-age=86400' }, ...DEFAULT_CACHE_RULES],
    });
    expect(custom('favicon.svg').cacheControl).toBe('public, max-age=86400');
    expect(custom('_astro/a.js').cacheControl).toBe(IMMUTABLE);
  });

  it('falls back to revalidation when no rule matches', () => {
    expect(headerRules({ cacheRules: [] })('index.html')).toEqual({
      contentType: 'text/html; charset=utf-8',
      cacheControl: REVALIDATE,
    });
  });
});

describe('globToRegExp', () => {
  it('keeps * within one folder and lets ** cross folders', () => {
    expect(globToRegExp('pagefind/*.pf_index').test('pagefind/index/a.pf_index')).toBe(false);
    expect(globToRegExp('pagefind/**/*.pf_index').test('pagefind/index/a.pf_index')).toBe(true);
    expect(globToRegExp('pagefind/**/*.pf_index').test('pagefind/a.pf_index')).toBe(true);
    expect(globToRegExp('_astro/**').test('_astro/a/b.js')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });
});
