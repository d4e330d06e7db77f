/**
 * How well nisshi reads a folder of logs written by other people:
 *
 *   npm run corpus -- ../shared/corpus/real ../shared/corpus/real-more
 *
 * Per folder: how many logs got a date (and from where), a study time, a
 * checklist, plans, problems and learnings; then every log with no date or
 * no study time, with the reason as far as the record tells it. The logs are
 * read exactly as `nisshi parse` reads them (same file walk, same decoding).
 * SOURCES.md / README.md describe a corpus and are not logs: they are left out.
 * When SOURCES.md names each file's path in its repository (`| file | repo |
 * path | …`), the log is read under that path, as its writer would run nisshi
 * (2024/05/01.md), not under the corpus's flattened file name, which would
 * lend it a date the writer never wrote.
 *
 * To see what a parser change does to each log, save a run and compare a later
 * one with it (nothing read before should be lost):
 *
 *   npm run corpus -- --save /tmp/before.json ../shared/corpus/real ../shared/corpus/real-more
 *   npm run corpus -- --compare /tmp/before.json ../shared/corpus/real ../shared/corpus/real-more
 *
 * The comparison lists, file by file, each figure that was read before and is
 * not now or reads differently, and each item (plan, problem, learning …) that
 * is gone or new.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseLog } from '../src/index.ts';
import { findLogFiles, type LogFile } from '../src/files/log-files.ts';
import { readLogFileSync, withEncodingError } from '../src/files/read-log-file.ts';
import { toPosix } from '../src/files/to-posix.ts';
import { refusedRecord } from '../src/parse/refused-record.ts';
import { parseDurations } from '../src/parse/quantity.ts';
import type { LogRecord } from '../src/record/schema.ts';
import { sourcePaths } from './corpus-sources.ts';

const notLogs = new Set(['SOURCES.md', 'README.md']);

interface LoadedLog {
  file: LogFile;
  text: string;
  record: LogRecord;
}

/** A log read as `nisshi parse` reads it (no record index: this is about the parser), under its repository path when SOURCES.md names one. */
function load(file: LogFile, original: ReadonlyMap<string, string>): LoadedLog {
  const content = readLogFileSync(file);
  const shown = toPosix(file.displayPath);
  if (content.refusal) return { file, text: '', record: refusedRecord(shown, [content.refusal]) };
  const at = content.encodingError ? undefined : original.get(path.basename(file.absolutePath));
  return { file, text: content.text, record: withEncodingError(parseLog(content.text, { path: at ?? shown }), content) };
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '-' : `${Math.round((part / whole) * 100)}%`;
}

/** The first line that holds a duration (2時間, 1.5h), to show what was written but not taken. */
function durationLine(text: string): { line: number; text: string } | null {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => parseDurations(line).length > 0);
  return index < 0 ? null : { line: index + 1, text: lines[index]!.trim().slice(0, 60) };
}

function noTimeReason(log: LoadedLog): string {
  const { record } = log;
  const said = record.diagnostics.find((d) => d.rule.startsWith('study-time-'));
  if (said) return `${said.rule} at line ${said.line}: ${said.message}`;
  const hint = durationLine(log.text);
  return hint ? `a time is written but not as the day's study time (line ${hint.line}: "${hint.text}")` : 'no study time written';
}

function noDateReason(log: LoadedLog): string {
  const said = log.record.diagnostics.find((d) => d.rule === 'no-date' || d.rule === 'encoding');
  return said ? `${said.rule}: ${said.message}` : 'no date found';
}


async function readFolder(folder: string): Promise<{ logs: LoadedLog[]; original: Map<string, string> }> {
  const files = (await findLogFiles([folder], process.cwd())).filter((file) => !notLogs.has(path.basename(file.absolutePath)));
  const original = sourcePaths(folder);
  const logs = files.map((file) => load(file, original));
  return { logs, original };
}

/** What a log was read as, for comparing two runs file by file. */
interface Reading {
  figures: Record<string, string | number | null>;
  items: Record<string, string[]>;
}

function readingOf(record: LogRecord): Reading {
  return {
    figures: { date: record.date, 'study time': record.metrics.studyMinutes, 'running total': record.metrics.studyTotalMinutes },
    items: {
      goals: record.goals.map((goal) => goal.text),
      checklist: record.checklist.map((item) => item.text),
      work: record.work.map((item) => item.text),
      plans: record.plans.map((plan) => `${plan.text} (${plan.horizon})`),
      problems: record.problems.map((problem) => `${problem.title}${problem.status ? ` [${problem.status}]` : ''}`),
      learnings: record.learnings,
      references: record.references.map((reference) => reference.url),
    },
  };
}

/** Each difference between two readings of one log, as lines; an empty list when they agree. */
function differences(before: Reading, after: Reading): string[] {
  const lines: string[] = [];
  for (const [name, was] of Object.entries(before.figures)) {
    const now = after.figures[name] ?? null;
    if (was !== null && now === null) lines.push(`LOST ${name}: ${was}`);
    else if (was !== now) lines.push(`${was === null ? 'new' : 'changed'} ${name}: ${was ?? '-'} → ${now}`);
  }
  for (const [name, was] of Object.entries(before.items)) {
    const now = after.items[name] ?? [];
    const gone = was.filter((item) => !now.includes(item));
    const added = now.filter((item) => !was.includes(item));
    if (gone.length > 0) lines.push(`${added.length === 0 ? 'LOST' : 'gone'} ${name}: ${gone.map((item) => JSON.stringify(item.slice(0, 60))).join(', ')}`);
    if (added.length > 0) lines.push(`new ${name}: ${added.map((item) => JSON.stringify(item.slice(0, 60))).join(', ')}`);
  }
  return lines;
}

async function report(folder: string, saved: Record<string, Reading>, before: Record<string, Reading> | null): Promise<void> {
  const { logs, original } = await readFolder(folder);
  for (const log of logs) saved[`${path.basename(path.resolve(folder))}/${path.basename(log.file.absolutePath)}`] = readingOf(log.record);
  const n = logs.length;
  const count = (test: (log: LoadedLog) => boolean): string => {
    const k = logs.filter(test).length;
    return `${k}/${n} (${pct(k, n)})`;
  };
  const sources = new Map<string, number>();
  for (const { record } of logs) if (record.dateSource) sources.set(record.dateSource, (sources.get(record.dateSource) ?? 0) + 1);
  const errors = logs.filter(({ record }) => record.diagnostics.some((d) => d.severity === 'error')).length;
  const internal = logs.filter(({ record }) => record.diagnostics.some((d) => d.rule === 'internal-error')).length;
  const over = logs.filter(({ record }) => (record.metrics.studyMinutes ?? 0) > 24 * 60);

  console.log(`== ${folder}: ${n} logs${original.size > 0 ? `, read under their paths in the source repositories (SOURCES.md: ${original.size})` : ''}`);
  console.log(`  date          ${count(({ record }) => record.date !== null)}  (${[...sources].map(([s, k]) => `${s} ${k}`).join(', ')})`);
  console.log(`  study time    ${count(({ record }) => record.metrics.studyMinutes !== null)}`);
  console.log(`  checklist     ${count(({ record }) => record.checklist.length > 0)}`);
  console.log(`  plans         ${count(({ record }) => record.plans.length > 0)}`);
  console.log(`  problems      ${count(({ record }) => record.problems.length > 0)}`);
  console.log(`  learnings     ${count(({ record }) => record.learnings.length > 0)}`);
  console.log(`  with an error ${errors}; internal errors ${internal}; study time above 24 h ${over.length}`);
  const warned = new Map<string, number>();
  for (const { record } of logs) for (const d of record.diagnostics) warned.set(d.rule, (warned.get(d.rule) ?? 0) + 1);
  if (warned.size > 0) console.log(`  diagnostics   ${[...warned].sort().map(([rule, k]) => `${rule} ${k}`).join(', ')}`);

  const undated = logs.filter(({ record }) => record.date === null);
  console.log(`  no date (${undated.length}):`);
  const shown = (log: LoadedLog): string => {
    const at = original.get(path.basename(log.file.absolutePath));
    return at ? `${path.basename(log.file.absolutePath)} (${at})` : log.file.displayPath;
  };
  for (const log of undated) console.log(`    ${shown(log)}: ${noDateReason(log)}`);
  const untimed = logs.filter(({ record }) => record.metrics.studyMinutes === null);
  console.log(`  no study time (${untimed.length}):`);
  for (const log of untimed) console.log(`    ${shown(log)}: ${noTimeReason(log)}`);
  if (before) {
    let changed = 0;
    const lines: string[] = [];
    for (const log of logs) {
      const key = `${path.basename(path.resolve(folder))}/${path.basename(log.file.absolutePath)}`;
      const was = before[key];
      const found = was ? differences(was, saved[key]!) : ['not in the saved run'];
      if (found.length === 0) continue;
      changed++;
      lines.push(`    ${shown(log)}:`, ...found.map((line) => `      ${line}`));
    }
    console.log(`  compared with the saved run: ${changed} of ${n} logs read differently${changed > 0 ? ' (LOST: read before, nothing in its place now)' : ''}`);
    for (const line of lines) console.log(line);
  }
  console.log('');
}

const args = process.argv.slice(2);
const option = (name: string): string | null => {
  const at = args.indexOf(name);
  if (at < 0) return null;
  const [value] = args.splice(at, 2).slice(1);
  return value ?? null;
};
const saveTo = option('--save');
const compareWith = option('--compare');
const folders = args;
if (folders.length === 0) {
  console.error('Usage: npm run corpus -- [--save FILE | --compare FILE] <folders of logs…>   e.g. npm run corpus -- ../shared/corpus/real');
  process.exitCode = 2;
} else {
  const saved: Record<string, Reading> = {};
  const before = compareWith ? (JSON.parse(readFileSync(compareWith, 'utf8')) as Record<string, Reading>) : null;
  for (const folder of folders) await report(folder, saved, before);
  if (saveTo) {
    writeFileSync(saveTo, `${JSON.stringify(saved, null, 1)}\n`);
    console.log(`saved what each log was read as to ${saveTo}: compare a later run with --compare ${saveTo}`);
  }
}
