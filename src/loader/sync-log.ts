/**
 * One log file into the content store: read, decode, and — only when its text,
 * path or the settings changed since the stored entry was made — parse and
 * render (one pass, see process-log.ts), validate and store. What happened is returned as an outcome, so the caller
 * can report every file's problems together and fail once.
 */
import { readFile } from 'node:fs/promises';
import type { DataStore, LoaderContext } from 'astro/loaders';
import { decodeLog } from '../cli/files.ts';
import type { InputLimits } from '../parse/limits.ts';
import type { Vocabulary } from '../parse/vocabulary.ts';
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import type { LogLocation } from './log-files.ts';
import { publicFrontmatter } from './public-frontmatter.ts';
import type { ProcessedLog, ProcessOptions } from './process-log.ts';

export interface LogSettings {
  vocabulary?: Partial<Vocabulary>;
  allowRawHtml: boolean;
  limits?: Partial<InputLimits>;
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
  /** Published and in the store under `id` (freshly stored, or unchanged and kept). */
  | { kind: 'published'; location: LogLocation; id: string; diagnostics: Diagnostic[]; reparsed: boolean }
  | { kind: 'draft'; location: LogLocation; digest: string; diagnostics: Diagnostic[]; reparsed: boolean }
  /** Has errors, or its slug is another file's: nothing was stored for it. */
  | { kind: 'failed'; location: LogLocation; diagnostics: Diagnostic[] };

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
  const { text, encodingError } = decodeLog(await readFile(location.absolutePath));
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

  const { record, body, html, headings } = await pipeline.process(text, {
    path: location.relativePath,
    vocabulary: settings.vocabulary,
    allowRawHtml: settings.allowRawHtml,
    limits: settings.limits,
  });
  // What the parser says about mojibake is noise: the encoding is what to fix first (as `nisshi check`).
  if (encodingError) record.diagnostics = [encodingError];
  if (record.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { kind: 'failed', location, diagnostics: record.diagnostics };
  }
  if (record.draft) return { kind: 'draft', location, digest, diagnostics: record.diagnostics, reparsed: true };

  const id = record.slug;
  const duplicate = state.claim(id, location.relativePath);
  if (duplicate !== null) return duplicateOutcome(location, id, duplicate, record.diagnostics);

  const stored: LogRecord = { ...record, frontmatter: publicFrontmatter(record.frontmatter, settings.publicFrontmatter ?? [], settings.vocabulary) };
  const data = await context.parseData({
    id,
    data: stored as unknown as Record<string, unknown>,
    filePath: location.absolutePath,
  });
  context.store.set({
    id,
    data,
    body,
    filePath: location.relativePath,
    digest,
    rendered: { html, metadata: { headings } },
  });
  return { kind: 'published', location, id, diagnostics: record.diagnostics, reparsed: true };
}

function duplicateOutcome(location: LogLocation, id: string, otherPath: string, diagnostics: Diagnostic[]): LogOutcome {
  const clash: Diagnostic = {
    severity: 'error',
    line: 1,
    column: 1,
    rule: 'duplicate-slug',
    message:
      `slug "${id}" is also used by ${otherPath}; two logs would share one page: ` +
      'merge them, or rename one so its slug differs',
  };
  return { kind: 'failed', location, diagnostics: [...diagnostics, clash] };
}
