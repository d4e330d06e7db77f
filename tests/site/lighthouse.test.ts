/**
 * Lighthouse (npm) with Debian's Chromium on a few pages of the built site:
 * accessibility, best practices and SEO must be 100. Performance depends on
 * the machine's load (Lighthouse simulates a phone from observed CPU time), so
 * it is measured, for every page kind, by `npm run bench -- lighthouse`.
 */
import { describe, expect, inject, it } from 'vitest';
import { auditPages } from '../../scripts/lighthouse/audit.ts';

const siteUrl = inject('siteUrl');

describe('Lighthouse', () => {
  it('scores accessibility, best practices and SEO 100 on the dashboard, a log page with a problem card and an image, and /tags/', async () => {
    const results = await auditPages(siteUrl, ['/', '/logs/2025-08-09/', '/tags/'], { categories: ['accessibility', 'best-practices', 'seo'] });
    for (const result of results) {
      // On failure, the audits that cost points are named.
      expect({ path: result.path, scores: result.scores, failing: result.failing }).toEqual({
        path: result.path,
        scores: { performance: null, accessibility: 100, 'best-practices': 100, seo: 100 },
        failing: [],
      });
    }
  }, 600_000);
});
