/**
 * Where the search index lives in the built site, in one place: the build
 * writes it, the output reuse counts last build's index apart, the deploy
 * plan tells a changed part from a vanished one, and the cache headers make
 * its content-named files immutable.
 *
 *   search-index/parts.json            which parts there are, newest first, and each part's file
 *   search-index/<part>/<hash>.json    one part's logs (named by content: a changed part gets a new name)
 *
 * Parts are `recent` (the newest month of logs), a year (`2025`), or `other`
 * (logs whose slug has no date): see partitions.ts.
 */

/** The folder of the search index below the site's root. */
export const SEARCH_INDEX_DIR = 'search-index';

/** The list of parts the search page reads first (revalidated on every visit). */
export const SEARCH_MANIFEST = `${SEARCH_INDEX_DIR}/parts.json`;

/**
 * The folder of the Pagefind index that builds before issue 25 wrote
 * (`pagefind/<part>/…`, same part names). Known here so that the first deploy
 * of the new index sees each old part replaced by its new one, not vanished.
 */
const LEGACY_INDEX_DIR = 'pagefind';

/** The site path of a part's file: `search-index/2025/0123abcd4567ef89.json`. */
export function searchPartFile(part: string, contentHash: string): string {
  return `${SEARCH_INDEX_DIR}/${part}/${contentHash}.json`;
}

/**
 * The part a file of the built site (a path below the site's root, `/`
 * separators) belongs to, or undefined when it is no part's: `2025` for
 * `search-index/2025/….json`, and for a file of the old Pagefind index's
 * part (`pagefind/2025/…`).
 */
export function searchPartOf(sitePath: string): string | undefined {
  const match = /^([^/]+)\/([^/]+)\/./.exec(sitePath);
  if (!match || (match[1] !== SEARCH_INDEX_DIR && match[1] !== LEGACY_INDEX_DIR)) return undefined;
  return match[2];
}

/** Whether a file of the built site is search index (this build's layout or the old Pagefind one). */
export function isSearchIndexFile(sitePath: string): boolean {
  return sitePath.startsWith(`${SEARCH_INDEX_DIR}/`) || sitePath.startsWith(`${LEGACY_INDEX_DIR}/`);
}

/** Globs (the deploy's cache-rule syntax) of the index files named by their content: cached for a year. */
export const IMMUTABLE_SEARCH_FILES: readonly string[] = [`${SEARCH_INDEX_DIR}/*/*.json`];
