/**
 * Lighthouse (npm) against Debian's Chromium, for the bench's scores of every
 * page kind and the site tests' check of a few: one Chromium for all pages
 * (chrome-launcher, the flags the project's browser tests use), each page
 * audited on its own with Lighthouse's default mobile emulation and
 * throttling, or the desktop preset.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageScores {
  path: string;
  /** 0–100 per category; null when Lighthouse could not score it. */
  scores: Record<Category, number | null>;
  /** The audits that kept a category below 100: id and title. */
  failing: Array<{ category: Category; id: string; title: string }>;
}

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Audits each path of `siteUrl` in turn, in one Chromium. */
export async function auditPages(siteUrl: string, paths: readonly string[], options: { categories?: readonly Category[]; formFactor?: 'mobile' | 'desktop' } = {}): Promise<PageScores[]> {
  const categories = options.categories ?? CATEGORIES;
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  try {
    const results: PageScores[] = [];
    for (const path of paths) {
      const result = await lighthouse(
        siteUrl + path,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] },
        options.formFactor === 'desktop' ? desktopConfig : undefined,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${path}`);
      const scores = Object.fromEntries(CATEGORIES.map((category) => {
        const score = lhr.categories[category]?.score;
        return [category, typeof score === 'number' ? Math.round(score * 100) : null];
      })) as Record<Category, number | null>;
      const failing = categories.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ({ category, id: ref.id, title: lhr.audits[ref.id]?.title ?? ref.id })),
      );
      results.push({ path, scores, failing });
    }
    return results;
  } finally {
    await chrome.kill();
  }
}
