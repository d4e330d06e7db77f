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
    // build's copy) or a share card drawn on its own thread (src/cards/card-thread.ts). Astro renders
    // the card routes first (/cards/ sorts before the rest); with fewer places than cards, every place
    // held a card and the main thread sat idle until the card thread had drawn most of them (1.5 s of
    // a cold build). 64 places hold the 49 cards of ten years of logs with room for other pages.
    // Measured at 3,650 logs, cold, the pages after the content sync: 7 KB 14.0 → 13.5 s, 1 KB
    // 9.2 → 8.8 s; peak memory within the runs' spread (1.83–1.98 GB, 1.31–1.34 GB). Before the
    // store lost the record parts no page shows, 64 had raised the 7 KB peak from 2.1 to 2.4 GB,
    // with the year files of /data/ made together.
    concurrency: 64,
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
