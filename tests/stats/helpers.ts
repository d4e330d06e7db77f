import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLog, type LogRecord } from '../../src/index.ts';

const fixtures = fileURLToPath(new URL('../fixtures/stats/', import.meta.url));

/**
 * The fixture logs of tests/fixtures/stats, parsed as logs/<name>: nine logs
 * from 2025-07-30 to 2025-08-07 (none on 8/2, two on 8/5, 8/4 without a study
 * time) and one undated memo.
 */
export function fixtureRecords(): LogRecord[] {
  return recordsIn(fixtures);
}

/** The .md files of a fixture folder (not its subfolders), parsed as logs/<name>, by name. */
export function recordsIn(folder: string, only: (name: string) => boolean = () => true): LogRecord[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && only(name))
    .sort()
    .map((name) => parseLog(readFileSync(folder + name, 'utf8'), { path: `logs/${name}` }));
}

/** The acceptance week of the site fixtures (2025-07-21 … 07-24): one problem on four days, one resolved in its heading, one plan carried. */
export function acceptanceWeek(): LogRecord[] {
  return recordsIn(fileURLToPath(new URL('../fixtures/site/logs/', import.meta.url)), (name) => name.startsWith('2025-07-'));
}

/** A tiny log for `date` parsed for real: a study time when `minutes` is given, then any extra Markdown. */
export function tinyLog(date: string, minutes?: number, extra = '', name = `${date}.md`): LogRecord {
  const time = minutes === undefined ? '' : `\n**学習時間**: ${minutes}分\n`;
  return parseLog(`# ${date}\n\n${extra}\n${time}`, { path: `logs/${name}` });
}

/** Deterministic shuffle (a fixed LCG), so "unsorted input" is the same on every run. */
export function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
