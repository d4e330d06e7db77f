/**
 * Whole processes on real-sized logs: `nisshi parse` and `nisshi check` beside
 * a bare remark-parse + remark-gfm process (scripts/bench/floor-remark.ts)
 * over the same files, for logs of about 1 KB (what people write; the real
 * corpus averages 1.8 KB) and of about 7 KB (the generator's, like the seed).
 * Per-file costs — start-up, reading, frontmatter, set-up — show here, where
 * the in-process parse section hides them.
 *
 *   npm run bench -- small [--count 3650] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLogs, type GeneratedLog } from '../generate-logs.ts';
import { decimal, integer, type BenchSection } from './section.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** About 1 KB: the log's first lines up to 900 bytes, then its closing figures (学習時間 …). */
export function smallLog(text: string): string {
  const lines = text.trimEnd().split('\n');
  const kept: string[] = [];
  let bytes = 0;
  for (const line of lines.slice(0, -2)) {
    bytes += Buffer.byteLength(line) + 1;
    if (bytes > 900) break;
    kept.push(line);
  }
  return `${[...kept, '', ...lines.slice(-2)].join('\n')}\n`;
}

function writeLogs(folder: string, logs: readonly GeneratedLog[]): number {
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (const log of logs) {
    writeFileSync(path.join(folder, log.path), log.text);
    bytes += Buffer.byteLength(log.text);
  }
  return bytes;
}

/** Wall time of one run of a process, in ms. */
function timedRun(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  // check exits 1 when a log has an error; 2 or a signal means the run itself failed.
  if (result.status === null || result.status > 1) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString().slice(0, 500)}`);
  return ms;
}

/**
 * Best wall time of each command over `runs` rounds. The commands take turns
 * within a round, so a slow minute of a shared machine (these are VMs whose
 * speed drifts by a fifth from one minute to the next) hits all of them alike.
 */
function bestRuns(commands: ReadonlyArray<readonly string[]>, runs: number): number[] {
  const best = commands.map(() => Infinity);
  for (let run = 0; run < runs; run++) {
    commands.forEach((args, index) => {
      best[index] = Math.min(best[index]!, timedRun(args));
    });
  }
  return best;
}

function line(label: string, ms: number, logs: number, bytes: number, floorMs: number | null): string {
  const seconds = ms / 1000;
  const ratio = floorMs === null ? '' : `   throughput ${(floorMs / ms).toFixed(2)}× of the floor (target ≥ 0.70×)`;
  return `  ${label.padEnd(34)}${seconds.toFixed(3).padStart(8)} s${integer.format(logs / seconds).padStart(7)} logs/s${decimal.format(bytes / 1e6 / seconds).padStart(6)} MB/s${ratio}`;
}

export const smallSection: BenchSection = {
  name: 'small',
  run({ count, runs, seed }) {
    const logs = generateLogs(count, { seed, startDate: '2016-01-01' });
    const work = mkdtempSync(path.join(os.tmpdir(), 'nisshi-bench-small-'));
    try {
      const sets = [
        { name: '1 KB', folder: path.join(work, 'small'), logs: logs.map((log) => ({ ...log, text: smallLog(log.text) })) },
        { name: '7 KB', folder: path.join(work, 'generated'), logs },
      ];
      for (const set of sets) {
        const bytes = writeLogs(set.folder, set.logs);
        console.log(`== small: ${integer.format(count)} logs of about ${set.name} (${decimal.format(bytes / 1e3 / count)} KB mean, ${decimal.format(bytes / 1e6)} MB), whole processes, best of ${runs}`);
        const [floor, parse, check] = bestRuns(
          [
            ['scripts/bench/floor-remark.ts', set.folder],
            ['bin/nisshi.js', 'parse', set.folder, '--out', path.join(work, 'records.json')],
            ['bin/nisshi.js', 'check', set.folder],
          ],
          runs,
        ) as [number, number, number];
        console.log(line('remark-parse + remark-gfm (floor)', floor, count, bytes, null));
        console.log(line('nisshi parse', parse, count, bytes, floor));
        console.log(line('nisshi check', check, count, bytes, floor));
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
