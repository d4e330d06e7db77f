/**
 * `npm run bench -- --section linear`: the shapes of text that made
 * remark-parse + remark-gfm super-linear (issue 20: 50 KB of `*_` on one line
 * took `nisshi check` 68 s, and a `\**現状**` line pulled a 50 KB log's build
 * from 3 s to 59 s), at 25 / 50 / 100 / 900 KB, through what `nisshi check`
 * does with a log (parseLog: read, blank, extract) and what the site build
 * does with it (processLog: the same reading, then rendered). Linear growth
 * shows as ×2, ×2 and ×9 from one size to the next.
 */
import { parseLog } from '../../src/index.ts';
import { processLog } from '../../src/loader/process-log.ts';
import { hostileShapes } from './hostile-input.ts';
import { best, decimal, ms, type BenchSection } from './section.ts';

const SIZES = [25_000, 50_000, 100_000, 900_000];
const path = 'logs/2025-08-03.md';

const ratios = (times: readonly number[]): string => times.slice(1).map((time, i) => `×${decimal.format(time / times[i]!)}`).join(' ');

export const linearSection: BenchSection = {
  name: 'linear',
  async run({ runs }) {
    console.log(`== linear: remark's super-linear shapes through check and the site build (best of ${runs}; linear growth ≈ ×2.0 ×2.0 ×9.0)`);
    console.log(`  ${'shape'.padEnd(44)}${SIZES.map((size) => `${size / 1000} KB`.padStart(12)).join('')}  growth`);
    // Warm-up, so the first row does not carry the compiler's work.
    for (const shape of hostileShapes) await processLog(shape.log(2000), { path, allowRawHtml: false });
    for (const shape of hostileShapes) {
      const texts = SIZES.map((size) => shape.log(size));
      const check = [];
      for (const text of texts) check.push(await best(runs, () => parseLog(text, { path })));
      const site = [];
      for (const text of texts) site.push(await best(runs, () => processLog(text, { path, allowRawHtml: false })));
      const outcome = parseLog(texts[0]!, { path }).diagnostics[0]?.rule ?? 'read';
      console.log(`  ${`${shape.name} — check`.padEnd(44)}${check.map(ms).join('')}  ${ratios(check)}  (${outcome})`);
      console.log(`  ${`${shape.name} — site build`.padEnd(44)}${site.map(ms).join('')}  ${ratios(site)}`);
    }
  },
};
