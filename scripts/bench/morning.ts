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
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLogs } from '../generate-logs.ts';
import { findLogFiles } from '../../src/files/log-files.ts';
import { cacheFolder } from '../../src/record-index/cache-folder.ts';
import { openRecordIndex } from '../../src/record-index/open-record-index.ts';
import { siteSettings } from '../../src/site.config.ts';
import { addDays } from '../../src/stats/calendar.ts';
import { logDays } from '../../src/stats/days.ts';
import { planChains } from '../../src/stats/plan-chains.ts';
import { problemThreads } from '../../src/stats/problem-threads.ts';
import { streaks } from '../../src/stats/streaks.ts';
import { totals } from '../../src/stats/totals.ts';
import { writerStatus } from '../../src/stats/status.ts';
import type { MorningRecord } from '../../src/record-index/record-columns.ts';
import type { LogRecord } from '../../src/record/schema.ts';
import { MORNING_FIELDS } from '../../src/cli/load.ts';
import { carryOver } from '../../src/stats/carry-over.ts';
import { rssMethod, runMeasured } from './child.ts';
import { smallLog } from './small.ts';
import { decimal, integer, type BenchSection } from './section.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repo, 'bin/nisshi.js');
const work = path.join(repo, 'tmp/bench-morning');
const smallTool = path.resolve(repo, '../shared/tools/gen-small-logs.py');

export interface Corpus {
  name: string;
  folder: string;
  note: string;
}

/** A project folder (package.json, logs/) holding one corpus, below `under`; its index starts empty. */
export function writeCorpus(name: string, count: number, seed: number, under = work): Corpus {
  const folder = path.join(under, name);
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

/** What one whole process took: wall time, CPU time (user + system) and peak RSS, when GNU time can tell the last two. */
interface Run {
  ms: number;
  cpuMs: number | undefined;
  rssKb: number | undefined;
}

const TIME = '/usr/bin/time';
const timed = rssMethod() === 'time -v';

/** One whole process, measured; through GNU time where there is one (CPU time moves far less than wall time on a busy machine). */
function run(corpus: Corpus, args: readonly string[]): Run {
  const report = path.join(work, 'time.txt');
  const command = timed ? [TIME, '-f', '%U %S %M', '-o', report, process.execPath, bin, ...args] : [process.execPath, bin, ...args];
  const start = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { cwd: corpus.folder, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NISSHI_LANG: 'en' } });
  const ms = performance.now() - start;
  if (result.status === null || result.status > 1) throw new Error(`nisshi ${args.join(' ')} failed: ${result.stderr.toString().slice(0, 500)}`);
  if (!timed) return { ms, cpuMs: undefined, rssKb: undefined };
  const [user, system, rss] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { ms, cpuMs: ((user ?? NaN) + (system ?? NaN)) * 1000, rssKb: rss };
}

const NEW_DATE = '2099-01-01';

function runNew(corpus: Corpus): Run {
  const result = run(corpus, ['new', '--date', NEW_DATE]);
  rmSync(path.join(corpus.folder, 'logs', `${NEW_DATE}.md`), { force: true });
  return result;
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

const seconds = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(3)} s`);
const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');

function line(label: string, value: string, target: string): void {
  console.log(`  ${label.padEnd(40)}${value.padStart(24)}   ${target}`);
}

/** "0.412 s (cpu 0.388 s)": the best wall time, and the best CPU time. */
function both(result: Best): string {
  return `${seconds(result.ms)}${result.cpuMs === undefined ? '' : ` (cpu ${seconds(result.cpuMs).replace(' s', '')})`}`;
}

/** A target in seconds met by the wall time, or — on a busy machine, where wall time is mostly waiting — by the CPU time. */
function target(result: Best, limitMs: number): string {
  const byCpu = result.cpuMs === undefined ? '' : `; by CPU time: ${verdict(result.cpuMs <= limitMs)}`;
  return `target ≤ ${limitMs / 1000} s: ${verdict(result.ms <= limitMs)}${byCpu}`;
}

interface Best {
  ms: number;
  cpuMs: number | undefined;
  rssKb: number | undefined;
}

/** Best of `rounds` of each step, the steps taking turns within a round (a slow minute hits all alike); wall, CPU and RSS each at their least. */
function bestOf<T extends string>(rounds: number, steps: Record<T, () => Run>): Record<T, Best> {
  const best = Object.fromEntries(Object.keys(steps).map((key) => [key, { ms: Infinity, cpuMs: undefined, rssKb: undefined }])) as Record<T, Best>;
  for (let round = 0; round < rounds; round++) {
    for (const key of Object.keys(steps) as T[]) {
      const result = steps[key]();
      const kept = best[key];
      kept.ms = Math.min(kept.ms, result.ms);
      if (result.cpuMs !== undefined) kept.cpuMs = Math.min(kept.cpuMs ?? Infinity, result.cpuMs);
      if (result.rssKb !== undefined) kept.rssKb = Math.min(kept.rssKb ?? Infinity, result.rssKb);
    }
  }
  return best;
}

/** In-process timings of the work across logs, best of `rounds`. */
function bestMs<T extends string>(rounds: number, steps: Record<T, () => number>): Record<T, number> {
  const best = Object.fromEntries(Object.keys(steps).map((key) => [key, Infinity])) as Record<T, number>;
  for (let round = 0; round < rounds; round++) {
    for (const key of Object.keys(steps) as T[]) best[key] = Math.min(best[key], steps[key]());
  }
  return best;
}

async function crossLog(corpus: Corpus, rounds: number): Promise<void> {
  // The language the processes ran in (NISSHI_LANG=en): part of the index's scope.
  const index = await openRecordIndex({ folder: cacheFolder(corpus.folder, {}), settings: { ...siteSettings, messages: 'en' } });
  const records: Array<MorningRecord & Pick<LogRecord, 'drops' | 'learnings' | 'learningLines' | 'reviewItems'>> = [];
  for await (const log of index.read(await findLogFiles(['logs'], corpus.folder), MORNING_FIELDS)) {
    if (!log.record.draft && !log.record.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) records.push(log.record);
  }
  await index.close();
  const today = records.map((record) => record.date ?? '').sort().at(-1) ?? '2026-01-01';
  const options = { today, weekStart: siteSettings.weekStart, vocabulary: siteSettings.vocabulary, carryOver: siteSettings.carryOver };
  const time = (work: () => unknown) => () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  const best = bestMs(rounds, {
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
  // Issue 24: what a new log the day after the last one carries, and what it leaves out.
  const carried = carryOver(records, addDays(today, 1), options);
  const { maxItems, maxProblems } = carried.limits;
  line(
    '  new\'s carry-over the next day',
    `${carried.items.length} items, ${carried.problems.length} problems; left out ${carried.leftOut.items} items, ${carried.leftOut.problems} problems, ${carried.leftOut.stale} stale`,
    `caps ${maxItems} / ${maxProblems}: ${verdict(carried.items.length <= maxItems && carried.problems.length <= maxProblems)}`,
  );
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
      const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '-' : (a / b).toFixed(2));
      line('status --no-cache (as before the index)', both(cold.uncached), '');
      line(
        'status, cold index (first run)',
        both(cold.cold),
        `${ratio(cold.cold.ms, cold.uncached.ms)}× uncached (cpu ${ratio(cold.cold.cpuMs, cold.uncached.cpuMs)}×), target ≤ 1.05×: ` +
          `${verdict(cold.cold.ms <= cold.uncached.ms * 1.05)}${cold.cold.cpuMs === undefined ? '' : `; by CPU time: ${verdict(cold.cold.cpuMs <= (cold.uncached.cpuMs ?? 0) * 1.05)}`}`,
      );

      const warm = bestOf(runs, {
        status: () => run(corpus, ['status']),
        new: () => runNew(corpus),
        check: () => run(corpus, ['check']),
      });
      for (const [label, result] of [['status, warm index', warm.status], ['new --date, warm index', warm.new], ['check, warm index', warm.check]] as const) {
        line(label, both(result), target(result, 500));
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
      line('status after editing one log', both(edited.status), target(edited.status, 600));
      line('check after editing one log', both(edited.check), target(edited.check, 600));

      const rssKb = warm.status.rssKb ?? (await runMeasured({ args: [bin, 'status'], cwd: corpus.folder, env: { ...process.env, NISSHI_LANG: 'en' }, logFile: path.join(work, 'status.log'), timeoutMs: 120_000 })).peakRssKb;
      const rss = (rssKb ?? NaN) / 1024;
      line(`peak RSS, warm status (${rssMethod()})`, `${decimal.format(rss)} MB`, `target ≤ 150 MB: ${verdict(rss <= 150)}`);
      if (warm.new.rssKb !== undefined) line('peak RSS, warm new --date', `${decimal.format(warm.new.rssKb / 1024)} MB`, '');
      await crossLog(corpus, Math.max(runs, 3));
      rmSync(corpus.folder, { recursive: true, force: true });
    }
    console.log(`  load average at end ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  },
};
