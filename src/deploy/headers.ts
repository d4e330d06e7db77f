/**
 * The HTTP headers each built file is stored with: Content-Type from its
 * extension, Cache-Control from an ordered list of rules on its site path.
 * Both are compared on every deploy, so changing a rule re-uploads exactly the
 * files it now gives different headers.
 */
import { IMMUTABLE_SEARCH_FILES } from '../search/layout.ts';

/** Types a browser decodes as text: they get `; charset=utf-8`, since the build writes UTF-8 only. */
const TEXT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  map: 'application/json',
  webmanifest: 'application/manifest+json',
  xml: 'application/xml',
  txt: 'text/plain',
  md: 'text/markdown',
  svg: 'image/svg+xml',
  csv: 'text/csv',
};

const BINARY_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  pdf: 'application/pdf',
  wasm: 'application/wasm',
  // Pagefind's index chunks and its wasm are gzip-compressed blobs that pagefind.js fetches and decodes itself.
  pf_meta: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pagefind: 'application/octet-stream',
};

/** A feed is served as such so readers that sniff the type pick it up; the rest of .xml stays application/xml. */
const TYPES_BY_NAME: Readonly<Record<string, string>> = {
  'rss.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
};

export function contentTypeFor(sitePath: string): string {
  const name = sitePath.slice(sitePath.lastIndexOf('/') + 1);
  const byName = TYPES_BY_NAME[name];
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  const extension = dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
  const text = TEXT_TYPES[extension];
  if (text) return `${text}; charset=utf-8`;
  return BINARY_TYPES[extension] ?? 'application/octet-stream';
}

export interface CacheRule {
  /**
   * Glob on the site path (no leading slash): `*` stays within one folder,
   * `**` crosses folders. The first matching rule wins.
   */
  pattern: string;
  cacheControl: string;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * Content-hashed names can be cached for a year: a new build gives new bytes a
 * new name. Everything else must be checked with the origin on every visit,
 * such as the search index's list of parts that points at the hashed part files.
 */
export const DEFAULT_CACHE_RULES: readonly CacheRule[] = [
  { pattern: '_astro/**', cacheControl: IMMUTABLE },
  ...IMMUTABLE_SEARCH_FILES.map((pattern) => ({ pattern, cacheControl: IMMUTABLE })),
  { pattern: '**', cacheControl: REVALIDATE },
];

export interface HeaderSettings {
  /** Replaces the default rules whole; put a catch-all `**` last. */
  cacheRules?: readonly CacheRule[];
}

export interface ObjectHeaders {
  contentType: string;
  cacheControl: string;
}

/** Compiles the rules once; the returned function is called for every file of the build. */
export function headerRules(settings: HeaderSettings = {}): (sitePath: string) => ObjectHeaders {
  const rules = (settings.cacheRules ?? DEFAULT_CACHE_RULES).map((rule) => ({
    matches: globToRegExp(rule.pattern),
    cacheControl: rule.cacheControl,
  }));
  return (sitePath) => {
    const rule = rules.find((candidate) => candidate.matches.test(sitePath));
    // Without a matching rule, the safe choice is the one that never serves a stale page.
    return { contentType: contentTypeFor(sitePath), cacheControl: rule?.cacheControl ?? REVALIDATE };
  };
}

export function isImmutable(cacheControl: string): boolean {
  return /\bimmutable\b/.test(cacheControl);
}

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string;
    if (char === '*' && pattern[index + 1] === '*') {
      // `**/` also matches no folder at all, so pagefind/**/*.pf_index covers pagefind/x.pf_index.
      if (pattern[index + 2] === '/') {
        source += '(?:.*/)?';
        index += 2;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
