/**
 * The search index of the built site, after `astro build` (src/search/build-index.ts):
 *
 *   node scripts/build-search-index.ts [dist] [--cache folder]
 *
 * The cache defaults to node_modules/.astro/nisshi-search. Any error fails the
 * build: a site whose search silently misses pages is worse than no deploy.
 */
import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../src/search/build-index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { cache: { type: 'string' } } });
const site = positionals[0] ?? 'dist';
try {
  const started = performance.now();
  const result = await buildSearchIndex(site, { cacheDir: values.cache });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `search index: ${result.pages} page(s) indexed into ${site}/search-index in ${seconds} s, ${(result.bytes / 1e6).toFixed(1)} MB ` +
      `(${result.built.length} part(s) built${result.built.length > 0 ? `: ${result.built.join(', ')}` : ''}; ${result.reused.length} unchanged, from the cache)`,
  );
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
