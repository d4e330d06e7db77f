/**
 * The `lighthouse` bench section: Lighthouse's four scores for every kind of
 * page of a site built from generated logs (ten years by default), with
 * mobile emulation and throttling, served gzipped from loopback as CloudFront
 * serves it. Targets (issue 27): accessibility, best practices and SEO 100,
 * performance 95 or more. Performance depends on the machine: Lighthouse
 * simulates a slow phone from the CPU time it observes, so run it on a quiet
 * machine (its benchmark index is printed).
 *
 *   npm run bench -- lighthouse [--count 3650]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditPages, CATEGORIES } from '../lighthouse/audit.ts';
import { serveStatic } from '../../tests/site/static-server.ts';
import type { BenchSection } from './section.ts';

/** One page of each kind the site has: the newest of each. */
export function pageKinds(dist: string): Array<[string, string]> {
  const newest = (folder: string, pattern: RegExp): string | undefined =>
    existsSync(path.join(dist, folder)) ? readdirSync(path.join(dist, folder)).filter((name) => pattern.test(name)).sort().at(-1) : undefined;
  const log = newest('logs', /^\d{4}-\d{2}-\d{2}/);
  const year = newest('logs', /^\d{4}$/);
  const month = year ? newest(`logs/${year}`, /^\d{2}$/) : undefined;
  const threads = JSON.parse(readFileSync(path.join(dist, 'data/problems.json'), 'utf8')) as Array<{ id: string }>;
  const tag = existsSync(path.join(dist, 'tags')) ? readdirSync(path.join(dist, 'tags')).find((name) => name !== 'index.html') : undefined;
  const week = newest('reviews/week', /^\d{4}-\d{2}-\d{2}$/);
  const kinds: Array<[string, string | undefined]> = [
    ['dashboard', '/'],
    ['log', log && `/logs/${log}/`],
    ['year', year && `/logs/${year}/`],
    ['month', year && month && `/logs/${year}/${month}/`],
    ['problems', '/problems/'],
    ['thread', threads[0] && `/problems/${threads[0].id}/`],
    ['plans', '/plans/'],
    ['search', '/search/?q=%E3%83%86%E3%82%B9%E3%83%88'],
    ['tags', '/tags/'],
    ['tag', tag && `/tags/${tag}/`],
    ['review (week)', week && `/reviews/week/${week}/`],
  ];
  return kinds.filter((kind): kind is [string, string] => kind[1] !== undefined);
}

export const lighthouseSection: BenchSection = {
  name: 'lighthouse',
  async run({ count, seed }) {
    const { buildGeneratedSite } = await import('./site.ts');
    await buildGeneratedSite(count, seed, async (dist) => {
      execFileSync(process.execPath, ['scripts/build-search-index.ts', dist, '--cache', path.join(path.dirname(dist), 'cache', 'nisshi-search')], { stdio: 'ignore' });
      const kinds = pageKinds(dist);
      const { url, server } = await serveStatic(dist, { compress: true });
      try {
        console.log(`== lighthouse: mobile emulation, ${kinds.length} page kinds (targets: accessibility, best practices, SEO 100; performance ≥ 95)`);
        const results = await auditPages(url, kinds.map(([, page]) => page));
        console.log(`  ${'page'.padEnd(16)}${CATEGORIES.map((category) => category.padStart(16)).join('')}`);
        results.forEach((result, index) => {
          console.log(`  ${kinds[index]![0].padEnd(16)}${CATEGORIES.map((category) => String(result.scores[category] ?? '—').padStart(16)).join('')}   ${result.path}`);
          for (const failing of result.failing) console.log(`      ${failing.category}: ${failing.id} (${failing.title})`);
        });
      } finally {
        server.close();
      }
    });
  },
};
