// @ts-check
/**
 * Astro settings, all derived from src/site.config.ts (edit that, not this).
 * Log pages are rendered by nisshi's own Markdown pipeline (src/render), so
 * Astro's Markdown highlighting is off: it would only cost time.
 */
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { nisshiDevOverlay } from './src/integrations/dev-overlay.ts';
import { logBodies } from './src/integrations/log-bodies.ts';
import { reuseOutput } from './src/integrations/reuse-output.ts';
import { siteSettings } from './src/site.config.ts';

// The site may live below a path (https://name.github.io/nisshi/): that path is the base of every URL.
const siteUrl = new URL(siteSettings.site);
const base = siteUrl.pathname.endsWith('/') ? siteUrl.pathname : `${siteUrl.pathname}/`;

export default defineConfig({
  site: siteUrl.origin + base,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages rendered while others wait: on a file written (each page twice, with the incremental
    // build's copy) or a share card drawn on its own thread (src/cards/card-thread.ts). Measured at
    // 3,650 logs of 7 KB: 1 → 40 s, 8 → 35.5 s, 16 → 35.8 s, 64 → 32.6 s; but at 64 the year files
    // of /data/ (5 MB each) are made together and the build's peak memory rose from 2.1 to 2.4 GB.
    concurrency: 16,
  },
  i18n: { locales: [siteSettings.locale], defaultLocale: siteSettings.locale },
  markdown: { syntaxHighlight: false },
  // A rebuild after one log changed renders that log's page (and its neighbours', whose links
  // may change) and copies every other log page from the last build (src/site/logs.ts: logPageCacheKey).
  experimental: {
    incrementalBuild: true,
    // The content store is handed to the page build as a JavaScript module holding one string;
    // V8 compiles such a string in time that grows faster than its length (a 92 MB store:
    // 57 s; in 1 MiB pieces about 0.1 s each). Ten years of logs make a store of that size.
    collectionStorage: { type: 'chunked', chunkSize: 1024 * 1024 },
  },
  integrations: [
    // astro dev: errors in logs appear in the browser's error overlay instead of stopping the server.
    nisshiDevOverlay(),
    // The pages read each log's rendered body from the loader's files (the store holds the records): where they are.
    logBodies(),
    sitemap({
      // Drafts never reach the sitemap because they are never pages: the loader does not store them
      // (tests/loader checks the built sitemap). What is left to keep out is the page that is not content.
      filter: (page) => !new URL(page).pathname.endsWith('/404/'),
    }),
    // astro build: a rebuild keeps the pages already in dist/ and, last of all (after the sitemap
    // is written), removes what this build did not make.
    reuseOutput(),
  ],
});
