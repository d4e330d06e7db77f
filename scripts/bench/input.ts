/**
 * `npm run bench -- --section input`: careless and hostile input (issue 9).
 * Times for lines of 2,000 / 8,000 / 32,000 characters (linear growth shows
 * as ×4 per step), a log just under the 1 MiB size limit, and the cost of
 * refusing what is over a limit. Both reading paths: parseLog (remark, as
 * `nisshi check`) and processLog (Sätteri + rendering, as the site build).
 */
import { parseLog } from '../../src/index.ts';
import { processLog } from '../../src/loader/process-log.ts';
import { DEFAULT_MAX_LOG_BYTES } from '../../src/parse/limits.ts';
import { aliasBomb, boldLabelLine, largeLog, longRunLog, nestedLists, nestedQuotes, RUN_CHARACTERS } from './hostile-input.ts';
import { best, decimal, integer, ms, type BenchSection } from './section.ts';

const LENGTHS = [2000, 8000, 32_000];
const path = 'logs/2025-08-03.md';


async function row(label: string, runs: number, texts: readonly string[]): Promise<number[]> {
  const parse = await best(runs, () => texts.forEach((text) => parseLog(text, { path })));
  const site = await best(runs, () => Promise.all(texts.map((text) => processLog(text, { path, allowRawHtml: false }))));
  console.log(`  ${label.padEnd(44)}${ms(parse)}${ms(site)}`);
  return [parse, site];
}

export const inputSection: BenchSection = {
  name: 'input',
  async run({ runs }) {
    console.log(`== input: long lines, a log at the size limit, refusals (best of ${runs})`);
    console.log(`  ${''.padEnd(44)}${'parseLog'.padStart(12)}${'processLog'.padStart(12)}`);
    // Warm-up, so the first row does not carry the compiler's work.
    await row('warm-up (sample-sized log)', 1, [longRunLog(' ', 200)]);
    const bold: number[][] = [];
    for (const length of LENGTHS) bold.push(await row(`**a + ${integer.format(length)} spaces + b** x`, runs, [boldLabelLine(length)]));
    const mixed: number[][] = [];
    for (const length of LENGTHS) {
      const texts = RUN_CHARACTERS.map((character) => longRunLog(character, length));
      mixed.push(await row(`${RUN_CHARACTERS.length} logs, ${integer.format(length)}-char runs in every place`, runs, texts));
    }
    for (const [label, rows] of [['bold line', bold], ['run logs', mixed]] as const) {
      const ratios = rows.slice(1).map((current, i) => `${decimal.format(current[0]! / rows[i]![0]!)}× / ${decimal.format(current[1]! / rows[i]![1]!)}×`);
      console.log(`  growth per ×4 length, ${label} (parse / site): ${ratios.join(', ')}   (linear ≈ 4×)`);
    }

    const large = largeLog(DEFAULT_MAX_LOG_BYTES - 1);
    const bytes = Buffer.byteLength(large);
    // One pass: a megabyte through remark takes seconds, and the figure is throughput, not a best case.
    const [parse, site] = await row(`one log of ${decimal.format(bytes / 1e6)} MB (under the 1 MiB limit)`, 1, [large]);
    console.log(`  ${''.padEnd(44)}${`${decimal.format(bytes / 1e6 / (parse! / 1000))} MB/s`.padStart(12)}${`${decimal.format(bytes / 1e6 / (site! / 1000))} MB/s`.padStart(12)}`);

    console.log('  refused (time to say no, heap grown):');
    const refusals: Array<[string, string]> = [
      ['a 10 MB log (maxLogBytes)', `# 2025年8月3日\n\n${'あ'.repeat(3_500_000)}\n`],
      ['alias bomb, 9 levels (frontmatter-alias)', aliasBomb(true)],
      ['3,000 nested block quotes (maxNesting)', nestedQuotes(3000)],
      ['50,000 nested list levels (maxNesting)', nestedLists(50_000)],
      ['32,000 * each side of a word (maxNesting)', `# 2025年8月3日\n\n${'*'.repeat(32_000)}1${'*'.repeat(32_000)}時間\n`],
    ];
    for (const [label, text] of refusals) {
      const heap = process.memoryUsage().heapUsed;
      const time = await best(runs, () => parseLog(text, { path }));
      const rule = parseLog(text, { path }).diagnostics[0]?.rule ?? 'accepted!';
      const grown = Math.max(0, process.memoryUsage().heapUsed - heap) / 1024 / 1024;
      console.log(`  ${`  ${label}`.padEnd(44)}${ms(time)}${`${decimal.format(grown)} MB`.padStart(12)}  ${rule}`);
    }
  },
};
