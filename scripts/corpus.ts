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
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLog } from '../src/index.ts';
import { findLogFiles, type LogFile } from '../src/files/log-files.ts';
import { readLogFileSync, withEncodingError } from '../src/files/read-log-file.ts';
import { toPosix } from '../src/files/to-posix.ts';
import { refusedRecord } from '../src/parse/refused-record.ts';
import type { LogRecord } from '../src/record/schema.ts';
import { parseDurations } from '../src/parse/quantity.ts';

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

/** file name → path in its repository, from a SOURCES.md table whose third column is the path. */
function sourcePaths(folder: string): Map<string, string> {
  const sources = path.join(folder, 'SOURCES.md');
  const paths = new Map<string, string>();
  if (!existsSync(sources)) return paths;
  for (const row of readFileSync(sources, 'utf8').split('\n')) {
    const cells = row.split('|').map((cell) => cell.trim());
    if (cells.length > 4 && cells[1]?.endsWith('.md') && cells[3]?.endsWith('.md')) paths.set(cells[1], cells[3]);
  }
  return paths;
}

async function report(folder: string): Promise<void> {
  const files = (await findLogFiles([folder], process.cwd())).filter((file) => !notLogs.has(path.basename(file.absolutePath)));
  const original = sourcePaths(folder);
  const logs = files.map((file) => load(file, original));
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
  console.log('');
}

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('Usage: npm run corpus -- <folders of logs…>   e.g. npm run corpus -- ../shared/corpus/real');
  process.exitCode = 2;
} else {
  for (const folder of folders) await report(folder);
}
