/**
 * One log file into the content store: read, decode, and — only when its text,
 * path or the settings changed since the stored entry was made — parse and
 * render (one pass, see process-log.ts), validate and store. A record the
 * record index holds for the file's bytes (`nisshi check` read it this
 * morning) is not read again: only its body is rendered. What happened is
 * returned as an outcome, so the caller
 * can report every file's problems together and fail once.
 */
import type { DataStore, LoaderContext } from 'astro/loaders';
import { readLogFile, withEncodingError } from '../files/read-log-file.ts';
import type { ReadSettings } from '../parse/read-log.ts';
import type { RecordIndex } from '../record-index/record-index.ts';
import { diagnose } from '../record/rules.ts';
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import { pageSlug } from '../parse/pages.ts';
import type { LogLocation } from './log-files.ts';
import { publicFrontmatter } from './public-frontmatter.ts';
import type { ProcessedLog, ProcessOptions } from './process-log.ts';

/** The settings that change an entry: what a log means (ReadSettings) and how its body is rendered. */
export interface LogSettings {
  read: ReadSettings;
  allowRawHtml: boolean;
  /** Frontmatter keys stored besides the ones nisshi reads; the rest never reach the site. */
  publicFrontmatter?: readonly string[];
}

/** Parses and renders a log: on worker threads for a full load, here for one saved file; tests count its calls. */
export interface LogPipeline {
  process(text: string, options: ProcessOptions): Promise<ProcessedLog>;
}

/** An entry as the store holds it (astro/loaders does not export the type by name). */
export type StoredEntry = NonNullable<ReturnType<DataStore['get']>>;

export type LogOutcome =
  /** Published and in the store under `id` (freshly stored, or unchanged and kept); `fromIndex` when its record came from the record index. */
  | { kind: 'published'; location: LogLocation; id: string; diagnostics: Diagnostic[]; reparsed: boolean; fromIndex?: boolean; notices?: string[] }
  | { kind: 'draft'; location: LogLocation; digest: string; diagnostics: Diagnostic[]; reparsed: boolean; fromIndex?: boolean; notices?: string[] }
  /** Has errors, or its slug is another published file's: nothing was stored for it. */
  | { kind: 'failed'; location: LogLocation; diagnostics: Diagnostic[]; notices?: string[] };

export interface SyncState {
  /** Entries already in the store, by the file they came from. */
  entriesByPath: ReadonlyMap<string, StoredEntry>;
  /** Digests of the drafts seen last time, by path: an unchanged draft need not be parsed again. */
  draftDigests: ReadonlyMap<string, string>;
  /**
   * Takes `id` for the file at `relativePath`; returns the path of another file
   * that already holds it (a duplicate slug), or null when the id is ours.
   */
  claim(id: string, relativePath: string): string | null;
  /** The record index shared with the CLI; none in tests that count parses without it. */
  index?: Pick<RecordIndex, 'lookup' | 'put'> | null;
}

export type SyncContext = Pick<LoaderContext, 'store' | 'parseData' | 'generateDigest'>;

export async function syncLog(
  location: LogLocation,
  context: SyncContext,
  settings: LogSettings,
  settingsKey: string,
  pipeline: LogPipeline,
  state: SyncState,
): Promise<LogOutcome> {
  if (location.refusal) return { kind: 'failed', location, diagnostics: [location.refusal] };
  const file = { absolutePath: location.absolutePath, displayPath: location.relativePath };
  const content = await readLogFile(file);
  const { text } = content;
  // The path is part of it: the record's source, slug and maybe date come from the path.
  const digest = context.generateDigest(`${location.relativePath}\0${text}${settingsKey}`);

  const existing = state.entriesByPath.get(location.relativePath);
  if (existing && existing.digest === digest) {
    const duplicate = state.claim(existing.id, location.relativePath);
    const diagnostics = (existing.data as LogRecord).diagnostics;
    if (duplicate !== null) return duplicateOutcome(location, existing.id, duplicate, diagnostics);
    return { kind: 'published', location, id: existing.id, diagnostics, reparsed: false };
  }
  if (state.draftDigests.get(location.relativePath) === digest) {
    // Only drafts without errors are remembered, so there is nothing to report.
    return { kind: 'draft', location, digest, diagnostics: [], reparsed: false };
  }

  const indexed = state.index?.lookup(file, location.relativePath, content) ?? null;
  // A draft or a log with errors from the index has no page to render: nothing to do but report it.
  const { record, html, headings, notices } = indexed && (hasErrors(indexed) || pageSlug(indexed) === null)
    ? { record: indexed, html: '', headings: [], notices: [] }
    : await pipeline.process(text, {
        path: location.relativePath,
        settings: settings.read,
        allowRawHtml: settings.allowRawHtml,
        record: indexed ?? undefined,
      });
  const fromIndex = indexed !== null;
  if (!fromIndex) {
    // As `nisshi check` reads it: the encoding error stands for the parser's findings.
    withEncodingError(record, content);
    // A failure to render is the renderer's, not the record's: the index keeps records as the CLI reads them.
    if (!record.diagnostics.some((diagnostic) => diagnostic.rule === 'render-error')) state.index?.put(file, location.relativePath, content, record);
  }
  if (hasErrors(record)) {
    return { kind: 'failed', location, diagnostics: record.diagnostics, notices };
  }
  // The draft rule of src/parse/pages.ts: no page, so no claim on a slug.
  const id = pageSlug(record);
  if (id === null) return { kind: 'draft', location, digest, diagnostics: record.diagnostics, reparsed: true, fromIndex, notices };

  const duplicate = state.claim(id, location.relativePath);
  if (duplicate !== null) return { ...duplicateOutcome(location, id, duplicate, record.diagnostics), notices };

  const stored: LogRecord = { ...record, frontmatter: publicFrontmatter(record.frontmatter, settings.publicFrontmatter ?? [], settings.read.vocabulary) };
  const data = await context.parseData({
    id,
    data: stored as unknown as Record<string, unknown>,
    filePath: location.absolutePath,
  });
  // No `body`: the pages show the rendered HTML and the record, and never read the Markdown again.
  // Kept out, the store is 15 % smaller — and it is read, written and handed to the page build
  // on every build.
  context.store.set({
    id,
    data,
    filePath: location.relativePath,
    digest,
    rendered: { html, metadata: { headings } },
  });
  return { kind: 'published', location, id, diagnostics: record.diagnostics, reparsed: true, fromIndex, notices };
}

function hasErrors(record: LogRecord): boolean {
  return record.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

function duplicateOutcome(location: LogLocation, id: string, otherPath: string, diagnostics: Diagnostic[]): LogOutcome {
  const clash = diagnose('duplicate-slug', 1, 1, { slug: id, others: otherPath });
  return { kind: 'failed', location, diagnostics: [...diagnostics, clash] };
}
