/**
 * The morning at ten years of logs: whole `node bin/nisshi.js …` processes
 * (not npm, whose own start would be counted) over 3,650 logs of each corpus —
 * the generator's (about 7 KB a log) and real-sized ones (about 1 KB, from
 * ../shared/tools/gen-small-logs.py) — in a project folder of their own, whose
 * record index is node_modules/.cache/nisshi/ there.
 *
 *   npm run bench -- morning [--count 3650] [--runs 3]
 *
 * Per corpus: the uncached run (--no-cache: every log parsed, as before the
 * index) beside the cold index (first run, the index written); status, new
 * --date and check with a warm index; status after one log was edited; the
 * peak RSS of a warm status; and, inside one process, the work across logs
 * (problem threads, plan chains, streaks and week totals) over the records
 * the index hands out. Targets are printed beside the figures; nothing fails.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLogs } from '../generate-logs.ts';
import { findLogFiles } from '../../src/files/log-files.ts';
import { cacheFolder } from '../../src/record-index/cache-folder.ts';
import { openRecordIndex } from '../../src/record-index/record-index.ts';
import { siteSettings } from '../../src/site.config.ts';
import { logDays } from '../../src/stats/days.ts';
import { planChains } from '../../src/stats/plan-chains.ts';
import { problemThreads } from '../../src/stats/problem-threads.ts';
import { streaks } from '../../src/stats/streaks.ts';
import { totals } from '../../src/stats/totals.ts';
import { writerStatus } from '../../src/stats/status.ts';
import type { MorningRecord } from '../../src/record-index/record-columns.ts';
import { carryOver } from '../../src/stats/carry-over.ts';
import { rssMethod, runMeasured } from './child.ts';
import { smallLog } from './small.ts';
import { decimal, integer, type BenchSection } from './section.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repo, 'bin/nisshi.js');
const work = path.join(repo, 'tmp/bench-morning');
const smallTool = path.resolve(repo, '../shared/tools/gen-small-logs.py');

interface Corpus {
  name: string;
  folder: string;
  note: string;
}

/** A project folder (package.json, logs/) holding one corpus; its index starts empty. */
function writeCorpus(name: string, count: number, seed: number): Corpus {
  const folder = path.join(work, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(path.join(folder, 'logs'), { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), '{ "private": true }\n');
  const logs = path.join(folder, 'logs');
  if (name === '1 KB' && existsSync(smallTool)) {
    const made = spawnSync('python3', [smallTool, String(count), logs], { encoding: 'utf8' });
    if (made.status === 0) return { name, folder, note: `${path.relative(repo, smallTool)} ${count}` };
  }
  const generated = generateLogs(count, { seed, startDate: '2016-01-01' });
  for (const log of generated) writeFileSync(path.join(logs, log.path), name === '1 KB' ? smallLog(log.text) : log.text);
  return { name, folder, note: name === '1 KB' ? 'generator cut to ~1 KB (no gen-small-logs.py beside the project)' : `scripts/generate-logs.ts, seed ${seed}` };
}

function bytesBelow(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

/** One whole process, its wall time in ms. */
function run(corpus: Corpus, args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: corpus.folder, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NISSHI_LANG: 'en' } });
  const ms = performance.now() - start;
  if (result.status === null || result.status > 1) throw new Error(`nisshi ${args.join(' ')} failed: ${result.stderr.toString().slice(0, 500)}`);
  return ms;
}

const NEW_DATE = '2099-01-01';

function runNew(corpus: Corpus, extra: readonly string[] = []): number {
  const ms = run(corpus, ['new', '--date', NEW_DATE, ...extra]);
  rmSync(path.join(corpus.folder, 'logs', `${NEW_DATE}.md`), { force: true });
  return ms;
}

function clearIndex(corpus: Corpus): void {
  const folder = cacheFolder(corpus.folder, {});
  if (folder) rmSync(folder, { recursive: true, force: true });
}

/** The newest log of the corpus, to edit. */
function newestLog(corpus: Corpus): string {
  const files = readdirSync(path.join(corpus.folder, 'logs'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort();
  return path.join(corpus.folder, 'logs', files.at(-1)!);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');

function line(label: string, value: string, target: string): void {
  console.log(`  ${label.padEnd(44)}${value.padStart(12)}   ${target}`);
}

/** Best of `rounds` of each step, the steps taking turns within a round (a slow minute hits all alike). */
function bestOf<T extends string>(rounds: number, steps: Record<T, () => number>): Record<T, number> {
  const best = Object.fromEntries(Object.keys(steps).map((key) => [key, Infinity])) as Record<T, number>;
  for (let round = 0; round < rounds; round++) {
    for (const key of Object.keys(steps) as T[]) best[key] = Math.min(best[key], steps[key]());
  }
  return best;
}

async function crossLog(corpus: Corpus, rounds: number): Promise<void> {
  const index = await openRecordIndex({ folder: cacheFolder(corpus.folder, {}), settings: siteSettings });
  const records: MorningRecord[] = [];
  for await (const log of index.read(await findLogFiles(['logs'], corpus.folder), 'morning')) {
    if (!log.record.draft && !log.record.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) records.push(log.record);
  }
  await index.close();
  const today = records.map((record) => record.date ?? '').sort().at(-1) ?? '2026-01-01';
  const options = { today, weekStart: siteSettings.weekStart, vocabulary: siteSettings.vocabulary };
  const time = (work: () => unknown) => () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  const best = bestOf(rounds, {
    threads: time(() => problemThreads(records)),
    chains: time(() => planChains(records, options)),
    streaks: time(() => streaks(logDays(records), options)),
    week: time(() => totals(logDays(records), options)),
    status: time(() => writerStatus(records, options, 600)),
    carry: time(() => carryOver(records, today, options)),
  });
  console.log(
    `  across ${integer.format(records.length)} records, in process (best of ${rounds}): problem threads ${decimal.format(best.threads)} ms, ` +
      `plan chains ${decimal.format(best.chains)} ms, streaks ${decimal.format(best.streaks)} ms, week totals ${decimal.format(best.week)} ms`,
  );
  const all = best.status;
  line('  status\'s whole work across logs (writerStatus)', `${decimal.format(all)} ms`, `target ≤ 100 ms: ${verdict(all <= 100)}`);
  line('  new\'s whole work across logs (carryOver)', `${decimal.format(best.carry)} ms`, `target ≤ 100 ms: ${verdict(best.carry <= 100)}`);
}

export const morningSection: BenchSection = {
  name: 'morning',
  async run({ count, runs, seed }) {
    console.log(`== morning: ${integer.format(count)} logs per corpus, whole processes (node bin/nisshi.js …), best of ${runs}`);
    console.log(`  load average at start ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPUs`);
    for (const name of ['7 KB', '1 KB']) {
      const corpus = writeCorpus(name, count, seed);
      const bytes = bytesBelow(path.join(corpus.folder, 'logs'));
      console.log(`-- ${name} logs: ${decimal.format(bytes / 1e6)} MB (${decimal.format(bytes / 1e3 / count)} KB a log; ${corpus.note}), in ${path.relative(repo, corpus.folder)}`);

      // Cold: today's uncached run (every log parsed) against the first run that writes the index.
      const cold = bestOf(runs, {
        uncached: () => run(corpus, ['status', '--no-cache']),
        cold: () => {
          clearIndex(corpus);
          return run(corpus, ['status']);
        },
      });
      line('status --no-cache (as before the index)', seconds(cold.uncached), '');
      line('status, cold index (first run)', seconds(cold.cold), `${(cold.cold / cold.uncached).toFixed(2)}× uncached, target ≤ 1.05×: ${verdict(cold.cold <= cold.uncached * 1.05)}`);

      const warm = bestOf(runs, {
        status: () => run(corpus, ['status']),
        new: () => runNew(corpus),
        check: () => run(corpus, ['check']),
      });
      for (const [label, ms] of [['status, warm index', warm.status], ['new --date, warm index', warm.new], ['check, warm index', warm.check]] as const) {
        line(label, seconds(ms), `target ≤ 0.5 s: ${verdict(ms <= 500)}`);
      }
      let edit = 0;
      const edited = bestOf(runs, {
        status: () => {
          appendFileSync(newestLog(corpus), `\n- 追記 ${++edit}\n`);
          return run(corpus, ['status']);
        },
        check: () => {
          appendFileSync(newestLog(corpus), `\n- 追記 ${++edit}\n`);
          return run(corpus, ['check']);
        },
      });
      line('status after editing one log', seconds(edited.status), `target ≤ 0.6 s: ${verdict(edited.status <= 600)}`);
      line('check after editing one log', seconds(edited.check), `target ≤ 0.6 s: ${verdict(edited.check <= 600)}`);

      const measured = await runMeasured({ args: [bin, 'status'], cwd: corpus.folder, env: process.env, logFile: path.join(work, 'status.log'), timeoutMs: 120_000 });
      const rss = (measured.peakRssKb ?? NaN) / 1024;
      line(`peak RSS, warm status (${rssMethod()})`, `${decimal.format(rss)} MB`, `target ≤ 150 MB: ${verdict(rss <= 150)}`);
      await crossLog(corpus, Math.max(runs, 3));
      rmSync(corpus.folder, { recursive: true, force: true });
    }
    console.log(`  load average at end ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  },
};
