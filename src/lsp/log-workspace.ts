/**
 * The language server's view of the logs: every log's record on disk (the
 * record index through LogRecords, refreshed as files change) with the logs
 * open in the editor read from their text instead. Gives each open log its
 * `check` findings (src/check/findings.ts, the one code path) and the
 * context the editor's answers are worked out from (src/editor).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crossLogIndex, findingsOf, type CheckedLog, type CrossLogIndex } from '../check/findings.ts';
import { isLogPath } from '../files/log-files.ts';
import { LogFileContent } from '../files/read-log-file.ts';
import { pageSlug } from '../parse/draft.ts';
import type { LocatedDiagnostic } from '../record/diagnostic-lines.ts';
import { messageLanguage, type MessageLanguage } from '../record/messages.ts';
import type { LogRecord } from '../record/schema.ts';
import type { LogRecords } from '../record-index/log-records.ts';
import type { MorningRecord } from '../record-index/record-columns.ts';
import type { Settings } from '../settings/settings.ts';
import type { PlanChain, ProblemCore, ProblemThread } from '../stats/index.ts';
import { factsInput, factsWithEdited, logFacts, type LogFacts } from '../editor/edited-facts.ts';
import type { ContextRecord, LogContext } from '../editor/log-context.ts';
import { linesOf } from '../editor/text-lines.ts';
import type { LogParserThread } from './log-parser-thread.ts';

/** Up to this many files changed on disk at once are folded into the threads and chains one by one; more (a branch switched) and they are worked out again. */
const FEW_FILES = 20;

/** An open log, read from the editor's text. */
export interface OpenLog {
  absolutePath: string;
  /** The path as `check` names it (logsDir/…). */
  displayPath: string;
  version: number;
  text: string;
  record: LogRecord;
}

/** A log on disk as the server keeps it: the head (what `check` needs) and the morning's slim lists (what the hovers need), not whole records. */
export type WorkspaceRecord = MorningRecord & Pick<LogRecord, 'drops'>;

/** The fields the server reads of each log on disk (record-columns.ts). */
export const WORKSPACE_FIELDS = ['morning', 'drops'] as const;

interface Facts {
  key: string;
  records: ContextRecord[];
  threads: Array<ProblemThread<ProblemCore>>;
  chains: PlanChain[];
}

export class LogWorkspace {
  readonly settings: Settings;
  readonly cwd: string;
  readonly language: MessageLanguage;
  readonly baseDir: string;
  readonly #records: LogRecords<WorkspaceRecord>;
  readonly #open = new Map<string, OpenLog>();
  readonly #parser: LogParserThread;
  #facts: Facts | null = null;
  #base: { generation: number; today: string; facts: LogFacts } | null = null;
  readonly #today: () => string;

  constructor(records: LogRecords<WorkspaceRecord>, parser: LogParserThread, settings: Settings, cwd: string, today: () => string) {
    this.#parser = parser;
    this.#records = records;
    this.settings = settings;
    this.cwd = cwd;
    this.language = messageLanguage(settings.locale);
    this.baseDir = path.resolve(cwd, settings.logsDir);
    this.#today = today;
  }

  /** Whether a file is a log of the logs folder (as `check` would find it): others get no findings. */
  isLog(absolutePath: string): boolean {
    return isLogPath(absolutePath, this.baseDir);
  }

  get generation(): number {
    return this.#records.generation;
  }

  today(): string {
    return this.#today();
  }

  /** Reads the editor's text of a log (on open and on every change), as `check` reads the file, on the parser thread. */
  async update(absolutePath: string, version: number, text: string): Promise<OpenLog> {
    const displayPath = path.join(this.settings.logsDir, path.relative(this.baseDir, absolutePath));
    const record = await this.#parser.parse(absolutePath, displayPath, bytesOf(absolutePath, text));
    const log: OpenLog = { absolutePath, displayPath, version, text, record };
    // A slower parse of an older text never replaces a newer one.
    const kept = this.#open.get(absolutePath);
    if (!kept || kept.version <= version) this.#open.set(absolutePath, log);
    return log;
  }

  close(absolutePath: string): void {
    this.#open.delete(absolutePath);
  }

  openLogs(): OpenLog[] {
    return [...this.#open.values()];
  }

  /** Files changed on disk (absolute paths), or the whole folder again. True when a record changed. */
  async refresh(changed?: readonly string[]): Promise<boolean> {
    const before = new Map(this.#records.records().map((log) => [log.file.absolutePath, log.record]));
    const generation = this.generation;
    const updated = await this.#records.refresh(changed);
    const kept = this.#base;
    if (!updated || !kept || kept.generation !== generation || changed === undefined || changed.length > FEW_FILES) return updated;
    // A few files saved or changed outside the editor: the disk's threads and chains redone only where they reach, as for an open log.
    const after = this.#records.records();
    const records = after.map((log) => log.record);
    const now = new Map(after.map((log) => [log.file.absolutePath, log.record]));
    let facts: LogFacts | null = kept.facts;
    for (const file of new Set(changed.map((name) => path.resolve(this.cwd, name)))) {
      const old = before.get(file) ?? null;
      const record = now.get(file) ?? null;
      if (old === record) continue;
      // A log removed: worked out again from all the logs when next needed.
      if (!record) facts = null;
      if (!facts || !record) break;
      facts = factsWithEdited(facts, records, record, old, this.#options(kept.today));
    }
    this.#base = facts ? { generation: this.generation, today: kept.today, facts } : null;
    return updated;
  }

  #options(today: string) {
    return { today, weekStart: this.settings.weekStart, vocabulary: this.settings.vocabulary };
  }

  /** The threads and chains of the logs on disk, worked out again only after a change on disk or a new day. */
  #diskFacts(today: string): LogFacts {
    if (this.#base?.generation === this.generation && this.#base.today === today) return this.#base.facts;
    const facts = logFacts(this.#records.records().map((log) => log.record), this.#options(today));
    this.#base = { generation: this.generation, today, facts };
    return facts;
  }

  /** What `check` says of an open log, the other logs as the editor has them (open) or as they are on disk. */
  findings(log: OpenLog): LocatedDiagnostic[] {
    const onDisk = this.#records.memo<CrossLogIndex>('lsp:cross', (records) => crossLogIndex(records.map(({ file, record }) => ({ file: { displayPath: file.displayPath }, record }))));
    const others = this.#open.size <= 1 ? onDisk : withOpen(onDisk, this.openLogs());
    return findingsOf({ file: { displayPath: log.displayPath }, record: log.record }, others, this.language);
  }

  /** Every log's record (the open ones as the editor has them) and the threads and chains over them, kept until anything changes. */
  facts(): Facts {
    const today = this.#today();
    // Typing in a goal or a paragraph changes no thread or chain: only what they are worked out from keys them.
    const key = `${this.generation}|${today}|${this.openLogs().map((log) => `${log.absolutePath}:${factsInput(log.record)}`).join(',')}`;
    if (this.#facts?.key === key) return this.#facts;
    const options = this.#options(today);
    // The facts of the logs on disk (kept across changes on disk, redone where they reach); each open log then redoes only what it touches.
    let facts = this.#diskFacts(today);
    const onDisk = this.#records.records();
    const byPath = new Map(onDisk.map((log) => [log.file.absolutePath, log.record]));
    const records: ContextRecord[] = onDisk.map((log) => this.#open.get(log.file.absolutePath)?.record ?? log.record);
    for (const log of this.#open.values()) if (!byPath.has(log.absolutePath) && this.isLog(log.absolutePath)) records.push(log.record);
    for (const log of this.#open.values()) {
      if (!this.isLog(log.absolutePath)) continue;
      const before = byPath.get(log.absolutePath) ?? null;
      if (before && factsInput(before) === factsInput(log.record)) continue;
      facts = factsWithEdited(facts, records, log.record, before, options);
    }
    this.#facts = { key, records, threads: facts.threads, chains: facts.chains };
    return this.#facts;
  }

  context(log: OpenLog): LogContext {
    const { records, threads, chains } = this.facts();
    return {
      record: log.record,
      lines: linesOf(log.text),
      records,
      threads,
      chains,
      today: this.#today(),
      weekStart: this.settings.weekStart,
      weeklyTargetMinutes: this.settings.targets?.weeklyMinutes ?? null,
      vocabulary: this.settings.vocabulary,
      language: this.language,
    };
  }

  /** The file of a log by its slug (open logs first), for a place in another log. */
  fileOfSlug(slug: string): string | null {
    for (const log of this.#open.values()) if (log.record.slug === slug) return log.absolutePath;
    return this.#records.records().find((log) => log.record.slug === slug)?.file.absolutePath ?? null;
  }

  get(absolutePath: string): OpenLog | undefined {
    return this.#open.get(absolutePath);
  }

  async dispose(): Promise<void> {
    await this.#parser.close();
    await this.#records.close();
  }
}

/**
 * The bytes `check` would read for this text: the editor's text as UTF-8, but
 * the file's own bytes when they are not UTF-8 and the editor shows their lossy
 * decoding (an editor opening a Shift_JIS file as UTF-8): then the finding is
 * the one `encoding` error `check` gives.
 */
function bytesOf(absolutePath: string, text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  if (!text.includes('\uFFFD')) return bytes;
  try {
    const disk = readFileSync(absolutePath);
    const content = new LogFileContent(disk, absolutePath);
    if (content.encodingError && content.text === text.replace(/^\uFEFF/, '')) return disk;
  } catch {
    // Not on disk (yet): the editor's text is all there is.
  }
  return bytes;
}

/** The cross-log index with the open logs in place of their files' records. */
function withOpen(onDisk: CrossLogIndex, open: readonly OpenLog[]): CrossLogIndex {
  const openPaths = new Set(open.map((log) => log.displayPath));
  const checked: CheckedLog[] = open.map((log) => ({ file: { displayPath: log.displayPath }, record: log.record }));
  const replace = (map: ReadonlyMap<string, readonly CheckedLog[]>, keyOf: (log: CheckedLog) => string | null) => {
    const next = new Map<string, CheckedLog[]>();
    for (const [key, logs] of map) {
      const kept = logs.filter((log) => !openPaths.has(log.file.displayPath));
      if (kept.length > 0) next.set(key, kept);
    }
    for (const log of checked) {
      const key = keyOf(log);
      if (key !== null) next.set(key, [...(next.get(key) ?? []), log]);
    }
    return next;
  };
  return { bySlug: replace(onDisk.bySlug, (log) => pageSlug(log.record)), byDate: replace(onDisk.byDate, (log) => log.record.date) };
}
