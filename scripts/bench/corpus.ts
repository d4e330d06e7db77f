/**
 * The logs the site and dev benches build: the project's own generator (about
 * 7 KB a log, like the seed) or, with --small, real-sized logs of about 1 KB
 * from ../shared/tools/gen-small-logs.py (the real corpora average 1.8 KB).
 * A target met on one corpus is met on the other only by luck, so both are
 * measured the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLogs } from '../generate-logs.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The shared small-log generator, beside the project (as the README's corpus notes say). */
export const SMALL_LOG_TOOL = path.resolve(projectRoot, '../shared/tools/gen-small-logs.py');

export interface Corpus {
  /** What was written, for the report's heading. */
  label: string;
  bytes: number;
  /** Oldest and newest date among the file names (YYYY-MM-DD). */
  first: string;
  today: string;
  /** Logs marked `draft: true` (they get no page; the floor knows no drafts). */
  drafts: number;
}

/** Writes `count` logs into `logsDir` (which must not exist yet or be empty). */
export async function writeCorpus(logsDir: string, count: number, seed: number, small: boolean): Promise<Corpus> {
  await mkdir(logsDir, { recursive: true });
  if (small) {
    if (!existsSync(SMALL_LOG_TOOL)) throw new Error(`--small needs ${SMALL_LOG_TOOL} (the shared small-log generator)`);
    const run = spawnSync('python3', [SMALL_LOG_TOOL, String(count), logsDir], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`python3 ${SMALL_LOG_TOOL} failed: ${run.stderr || run.error?.message}`);
  } else {
    for (const log of generateLogs(count, { seed, startDate: '2016-01-01' })) {
      const target = path.join(logsDir, log.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, log.text);
    }
  }
  const files = logFiles(logsDir);
  let bytes = 0;
  let drafts = 0;
  for (const file of files) {
    const text = readFileSync(path.join(logsDir, file));
    bytes += text.length;
    if (isDraft(text.toString('utf8'))) drafts++;
  }
  const dates = files.map((file) => path.basename(file, '.md')).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort();
  const label = small ? `real-sized logs (gen-small-logs.py, about 1 KB)` : `generated logs (seed ${seed}, about 7 KB)`;
  return { label, bytes, first: dates[0] ?? '', today: dates.at(-1) ?? '', drafts };
}

/** Every log file below the folder, relative to it, sorted. */
export function logFiles(logsDir: string): string[] {
  return readdirSync(logsDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort();
}

/** `draft: true` in the frontmatter: the site makes no page of it, the floor does (glob() knows no drafts). */
export function isDraft(text: string): boolean {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?$/m.exec(text);
  return frontmatter?.index === 0 && /^draft:\s*true\s*$/m.test(frontmatter[1] ?? '');
}
