/**
 * Site settings: the one typed place that astro.config.mjs, the content loader
 * and the pages read. Change the values here (or through the environment
 * variables named beside them) rather than in the pages.
 */
import type { CacheRule } from './deploy/headers.ts';
import type { Vocabulary } from './parse/vocabulary.ts';

export interface SiteSettings {
  /** Shown in the header, the <title> of every page and the feed. */
  title: string;
  description: string;
  /** Absolute URL the site is served from, for the feed, the sitemap and canonical links. */
  site: string;
  /** Dates are the writer's: "today", weeks and streaks are counted in this time zone. */
  timezone: string;
  /** The first day of a week for weekly totals and plan due dates. */
  weekStart: 'monday' | 'sunday';
  locale: string;
  /** Folder holding the logs, relative to the project root. */
  logsDir: string;
  /** Let raw HTML in logs through unsanitised. Off: no <script>, on* attributes or javascript: URLs reach the site. */
  allowRawHtml: boolean;
  /** Heading names and labels, where the writer's differ from nisshi's defaults. */
  vocabulary?: Partial<Vocabulary>;
  /**
   * Cache-Control per site path for `nisshi deploy`, first match wins (default: hashed
   * assets under _astro/ and Pagefind's chunks immutable for a year, everything else revalidated).
   */
  cacheRules?: CacheRule[];
  /** Largest log nisshi reads, in bytes (default 1 MiB); a larger one is an error, not parsed. */
  maxLogBytes?: number;
  /** Deepest nesting of quotes, lists and inline marks in a log (default 100, at most 500); deeper is an error. */
  maxNesting?: number;
  /**
   * Frontmatter keys, besides the ones nisshi reads (date, title, tags, draft, study time),
   * that may appear on the site (in /data/logs.json). Default none: the rest stay in the repository.
   */
  publicFrontmatter?: string[];
}

export const siteSettings: SiteSettings = {
  title: process.env.NISSHI_TITLE ?? '日誌 — 学習ログ',
  description: '毎日の学習ログと進捗',
  site: process.env.NISSHI_SITE_URL ?? 'https://example.com',
  timezone: 'Asia/Tokyo',
  weekStart: 'monday',
  locale: 'ja',
  logsDir: process.env.NISSHI_LOGS_DIR ?? 'logs',
  allowRawHtml: false,
  maxLogBytes: 1024 * 1024,
  maxNesting: 100,
  publicFrontmatter: [],
};
