/**
 * Builds the Pagefind index of the built site (dist/) with Pagefind's Node
 * API. Any error Pagefind reports fails the build: a site whose search
 * silently misses pages is worse than no deploy.
 *
 *   node scripts/build-search-index.ts [dist]
 */
import * as pagefind from 'pagefind';

export async function buildSearchIndex(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length > 0) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`pagefind failed on ${site}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`pagefind found no pages to index in ${site}; did the Astro build run?`);
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length > 0) throw new Error(`pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = process.argv[2] ?? 'dist';
  try {
    const pages = await buildSearchIndex(site);
    console.log(`search index: ${pages} page(s) indexed into ${site}/pagefind`);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
