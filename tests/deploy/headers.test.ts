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
    ['pagefind/pagefind.ja_fabba8a2a8.pf_meta', IMMUTABLE],
    ['pagefind/fragment/ja_6d51656.pf_fragment', IMMUTABLE],
    ['pagefind/index/ja_d7c13db.pf_index', IMMUTABLE],
    // Named by language, not by content: a Pagefind upgrade changes it in place.
    ['pagefind/wasm.unknown.pagefind', REVALIDATE],
    ['pagefind/pagefind-entry.json', REVALIDATE],
    ['pagefind/pagefind.js', REVALIDATE],
    // The index is one bundle per year (scripts/build-search-index.ts): the same rules one folder down.
    ['pagefind/2025/pagefind.ja_fabba8a2a8.pf_meta', IMMUTABLE],
    ['pagefind/2025/fragment/ja_6d51656.pf_fragment', IMMUTABLE],
    ['pagefind/2025/index/ja_d7c13db.pf_index', IMMUTABLE],
    ['pagefind/2025/pagefind-entry.json', REVALIDATE],
    ['pagefind/2025/wasm.ja.pagefind', REVALIDATE],
    ['pagefind/parts.json', REVALIDATE],
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
