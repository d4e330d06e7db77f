/**
 * The language server at ten years of logs: `node bin/nisshi.js lsp --stdio`
 * over 3,650 logs of each corpus (the generator's, about 7 KB a log, and
 * real-sized ones, about 1 KB), with the record index warm (`nisshi check`
 * run first), one log of about 7 KB open and edited.
 *
 *   npm run bench -- lsp [--count 3650]
 *
 * Per corpus: start-up (spawn → initialize → didOpen) to the first
 * publishDiagnostics; didChange → publishDiagnostics over 200 one-character
 * edits of a line of the day's work (p50, p95); hover and completion (p95 of
 * 100 each, an edit before every tenth); a hover right after a task is ticked
 * (threads and chains redone for what it touches); the server's RSS at the
 * end and its peak. Targets beside
 * the figures; nothing fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node';
import { generateLogs } from '../generate-logs.ts';
import { writeCorpus } from './morning.ts';
import { decimal, integer, type BenchSection } from './section.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repo, 'bin/nisshi.js');
const work = path.join(repo, 'tmp/bench-lsp');

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function ms(value: number): string {
  return `${decimal.format(value)} ms`;
}

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc (Linux). */
function rssOf(pid: number): { now: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

async function benchCorpus(name: string, count: number, seed: number): Promise<void> {
  const corpus = writeCorpus(name, count, seed, work);
  // The log being edited: about 7 KB, the day after the corpus's last.
  const candidates = generateLogs(40, { seed: seed + 1, startDate: '2030-01-01' });
  const size = (log: { text: string }) => Math.abs(Buffer.byteLength(log.text) - 7 * 1024);
  const edited = candidates.reduce((best, log) => (size(log) < size(best) ? log : best));
  const editedPath = path.join(corpus.folder, 'logs', edited.path);
  writeFileSync(editedPath, edited.text);
  // Warm the record index as a morning's `nisshi check` leaves it.
  spawnSync(process.execPath, [bin, 'check'], { cwd: corpus.folder, encoding: 'utf8' });
  console.log(`\n-- ${name} logs (${corpus.note}): ${integer.format(count)} logs, edited ${edited.path} (${decimal.format(Buffer.byteLength(edited.text) / 1024)} KB)`);

  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: corpus.folder, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(editedPath).href;
  let waiting: { version: number; resolve: () => void } | null = null;
  let firstSeen: (() => void) | null = null;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri) return;
    firstSeen?.();
    firstSeen = null;
    if (waiting && params.version === waiting.version) waiting.resolve();
  });
  connection.listen();
  const first = new Promise<void>((resolve) => (firstSeen = resolve));
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(corpus.folder).href, capabilities: {} });
  await connection.sendNotification('initialized', {});
  let text = edited.text;
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await first;
  const startup = performance.now() - started;

  // 200 edits: a character typed at the end of a line of the day's work (a list item, not a task), then taken away, as a writer types and corrects.
  const lines = text.split('\n');
  const line = Math.max(0, lines.findIndex((candidate) => candidate.startsWith('- ') && !candidate.startsWith('- [')));
  let version = 1;
  const changeTimes: number[] = [];
  for (let edit = 0; edit < 200; edit++) {
    const end = lines[line]!.length;
    const change = edit % 2 === 0
      ? { range: { start: { line, character: end }, end: { line, character: end } }, text: '字' }
      : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
    version++;
    const at = performance.now();
    const published = new Promise<void>((resolve) => (waiting = { version, resolve }));
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    changeTimes.push(performance.now() - at);
  }
  text = lines.join('\n');

  // Hovers and completions on every kind of line; one edit every tenth request, so recomputing after a change is counted.
  const hoverTimes: number[] = [];
  const completionTimes: number[] = [];
  for (let request = 0; request < 100; request++) {
    if (request % 10 === 0) {
      version++;
      const end = lines[line]!.length;
      const change = request % 20 === 0 ? { range: { start: { line, character: end }, end: { line, character: end } }, text: '字' } : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
      if (change.text === '') lines[line] = lines[line]!.slice(0, -1);
      else lines[line] += '字';
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }
    const target = (request * 7) % lines.length;
    let at = performance.now();
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: target, character: 2 } });
    hoverTimes.push(performance.now() - at);
    at = performance.now();
    await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: target, character: 0 } });
    completionTimes.push(performance.now() - at);
  }
  // Ticking a task and taking the tick back: threads and chains are worked out again for what it touches; the next hover pays for it.
  const tickTimes: number[] = [];
  const task = lines.findIndex((candidate) => candidate.startsWith('- [ ] '));
  for (let tick = 0; task !== -1 && tick < 10; tick++) {
    version++;
    const mark = tick % 2 === 0 ? 'x' : ' ';
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: task, character: 3 }, end: { line: task, character: 4 } }, text: mark }] });
    const at = performance.now();
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: task, character: 2 } });
    tickTimes.push(performance.now() - at);
  }
  const rss = rssOf(child.pid!);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  await new Promise((resolve) => child.once('exit', resolve));

  const row = (label: string, figure: string, target: string) => console.log(`  ${label.padEnd(44)}${figure.padStart(12)}   target ${target}`);
  row('start-up to first diagnostics (warm index)', ms(startup), '≤ 1,000 ms');
  row('didChange → publishDiagnostics p50', ms(percentile(changeTimes, 50)), '≤ 30 ms');
  row('didChange → publishDiagnostics p95', ms(percentile(changeTimes, 95)), '≤ 100 ms');
  row('hover p95', ms(percentile(hoverTimes, 95)), '≤ 50 ms');
  row('completion p95', ms(percentile(completionTimes, 95)), '≤ 50 ms');
  if (tickTimes.length > 0) row('hover right after a task is ticked, p50 (of 10)', ms(percentile(tickTimes, 50)), '(no target)');
  row('server RSS at the end', rss ? `${decimal.format(rss.now)} MB` : 'n/a', '≤ 300 MB');
  row('server peak RSS', rss ? `${decimal.format(rss.peak)} MB` : 'n/a', '≤ 300 MB');
}

export const lspSection: BenchSection = {
  name: 'lsp',
  async run({ count, seed }) {
    console.log(`== lsp: nisshi lsp --stdio over ${integer.format(count)} logs of each corpus, one ~7 KB log edited`);
    for (const name of ['7 KB', '1 KB']) await benchCorpus(name, count, seed);
  },
};
