/**
 * Benchmarks, one named section per stage of the pipeline; figures only, no
 * pass/fail (the machine decides the numbers).
 *
 *   npm run bench                        # every section
 *   npm run bench -- --section parse --count 1000 --runs 3
 *   npm run bench -- --section site --count 200   # a quick try; the site section builds once (no --runs)
 *   npm run bench -- --section site --small       # the same on real-sized logs (../shared/tools/gen-small-logs.py)
 *   npm run bench -- dev [--small]                # astro dev: ready with a warm cache, an edited log on its page
 *   npm run bench -- --section deploy             # nisshi deploy beside aws s3 sync, against s3rver
 *   npm run bench -- --section pages              # only our build, then the largest pages (bytes, elements)
 *   npm run bench -- --section input              # 2,000/8,000/32,000-char lines, a 1 MiB log, refusals
 *   npm run bench -- --section linear             # remark's super-linear shapes, 25/50/100/900 KB, check and site
 *   npm run bench -- small                        # whole nisshi parse / check processes on 1 KB and 7 KB logs
 *   npm run bench -- morning                      # status, new, check at ten years: uncached, cold and warm record index
 *   npm run bench -- search                       # the search index beside Pagefind's: bytes, build, time to results in Chromium
 *   npm run bench -- lighthouse [--count 3650]    # Lighthouse's scores (mobile) for every page kind of a generated site
 *   npm run bench -- lsp [--count 3650]           # nisshi lsp: start-up, didChange → diagnostics, hover, completion, RSS on both corpora
 *
 * Sections can also be named without --section (`npm run bench -- small parse`).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseLog } from '../src/index.ts';
import { deploySection } from './bench/deploy.ts';
import { devSection } from './bench/dev.ts';
import { pagesSection } from './bench/pages.ts';
import { searchSection } from './bench/search.ts';
import { inputSection } from './bench/input.ts';
import { linearSection } from './bench/linear.ts';
import { lighthouseSection } from './bench/lighthouse.ts';
import { lspSection } from './bench/lsp.ts';
import { morningSection } from './bench/morning.ts';
import { decimal, integer, type BenchOptions, type BenchSection } from './bench/section.ts';
import { siteSection } from './bench/site.ts';
import { smallSection } from './bench/small.ts';
import { generateLogs, type GeneratedLog } from './generate-logs.ts';

/** Best (shortest) wall time of `runs` passes after one shorter warm-up, in ms. */
function bestOf(runs: number, pass: () => number, warmUp: () => number): { ms: number; check: number } {
  let check = warmUp();
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    check += pass();
    best = Math.min(best, performance.now() - start);
  }
  // `check` keeps every result alive, so no pass can be optimised away.
  return { ms: best, check };
}

function rateLine(label: string, ms: number, logs: number, bytes: number): string {
  const seconds = ms / 1000;
  return (
    `  ${label.padEnd(36)}${seconds.toFixed(3).padStart(8)} s` +
    `${integer.format(logs / seconds).padStart(9)} logs/s` +
    `${decimal.format(bytes / 1e6 / seconds).padStart(8)} MB/s`
  );
}

const parseSection: BenchSection = {
  name: 'parse',
  run({ count, runs, seed }) {
    const logs = generateLogs(count, { seed, startDate: '2016-01-01' });
    const bytes = logs.reduce((sum, log) => sum + Buffer.byteLength(log.text), 0);
    console.log(`== parse: ${integer.format(count)} generated logs, ${decimal.format(bytes / 1e6)} MB (seed ${seed}), best of ${runs}`);

    const markdown = unified().use(remarkParse).use(remarkGfm);
    const floorPass = (some: readonly GeneratedLog[]) => () =>
      some.reduce((sum, log) => sum + markdown.parse(log.text).children.length, 0);
    const oursPass = (some: readonly GeneratedLog[]) => () =>
      some.reduce((sum, log) => sum + parseLog(log.text, { path: log.path }).diagnostics.length + 1, 0);
    const warmUpLogs = logs.slice(0, Math.min(300, logs.length));

    const floor = bestOf(runs, floorPass(logs), floorPass(warmUpLogs));
    const ours = bestOf(runs, oursPass(logs), oursPass(warmUpLogs));
    console.log(rateLine('remark-parse + remark-gfm (floor)', floor.ms, count, bytes));
    console.log(rateLine('parseLog (ours)', ours.ms, count, bytes));
    console.log(`  time, ours / floor${(ours.ms / floor.ms).toFixed(2).padStart(25)}×`);
    // The target is stated as throughput: ours at least 0.7× the floor's logs/s.
    console.log(`  throughput, ours / floor${(floor.ms / ours.ms).toFixed(2).padStart(19)}×   (target ≥ 0.70×)`);
    printPeakRss();
  },
};

// pages is not in the default run: the site section already prints the largest pages of the site it builds.
const sections: readonly BenchSection[] = [parseSection, smallSection, morningSection, siteSection, devSection, deploySection, pagesSection, inputSection, linearSection, searchSection, lighthouseSection, lspSection];

function printPeakRss(): void {
  // maxRSS is in kilobytes, and only ever grows: it is the peak so far.
  console.log(`  peak RSS so far${decimal.format(process.resourceUsage().maxRSS / 1024).padStart(28)} MB`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      section: { type: 'string', multiple: true },
      count: { type: 'string', default: '3650' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      small: { type: 'boolean', default: false },
    },
  });
  const numbers = { count: Number(values.count), runs: Number(values.runs), seed: Number(values.seed) };
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  }
  const options: BenchOptions = { ...numbers, small: values.small };
  const named = [...(values.section ?? []), ...positionals];
  // pages and lighthouse are not in the default run: the site section prints the pages, and Lighthouse takes minutes of its own.
  const wanted = named.length > 0 ? named : sections.filter((section) => section !== pagesSection && section !== lighthouseSection).map((section) => section.name);
  const unknown = wanted.filter((name) => !sections.some((section) => section.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown section ${unknown.join(', ')}; sections: ${sections.map((section) => section.name).join(', ')}`);
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`nisshi bench — Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.availableParallelism()} × ${cpu}`);
  for (const section of sections) {
    if (wanted.includes(section.name)) await section.run(options);
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 2;
}
