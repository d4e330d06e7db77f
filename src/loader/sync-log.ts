/**
 * One log file into the content store: read, decode, and — only when its text,
 * path or the settings changed since the stored entry was made — parse and
 * render (one pass, see process-log.ts), validate and store. A record the
 * record index holds for the file's bytes (`nisshi check` read it this
 * morning) is not read again: only its body is rendered, if it must be. What
 * happened is returned as an outcome, so the caller
 * can report every file's problems together and fail once.
 */
import type { DataStore, LoaderContext } from 'astro/loaders';
import { readLogFileSync, withEncodingError } from '../files/read-log-file.ts';
import type { RecordIndex } from '../record-index/record-index.ts';
import { imageStamp } from './image-stamp.ts';
import type { ReadSettings } from '../parse/read-log.ts';
import { diagnose } from '../record/rules.ts';
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import { storedPart } from '../record/stored-record.ts';
import { pageSlug } from '../parse/draft.ts';
import type { LogLocation } from './log-files.ts';
import { publicFrontmatter } from './public-frontmatter.ts';
import { imageCheck, type ProcessedLog, type ProcessOptions } from './process-log.ts';

/** The settings that change an entry: what a log means (ReadSettings) and how its body is rendered. */
export interface LogSettings {
  read: ReadSettings;
  allowRawHtml: boolean;
  /** Frontmatter keys stored besides the ones nisshi reads; the rest never reach the site. */
  publicFrontmatter?: readonly string[];
  /**
   * Where the images beside the logs are looked for (the logs folder relative to
   * the project root, and the root): given, they are checked and taken into the
   * build. Not part of the settings' key: moving the project changes no log.
   */
  images?: { logsDir: string; rootDir: string };
}

/** Parses and renders a log: on worker threads for a full load, here for one saved file; tests count its calls. */
export interface LogPipeline {
  process(text: string, options: ProcessOptions): Promise<ProcessedLog>;
}

/** An entry as the store holds it (astro/loaders does not export the type by name). */
export type StoredEntry = NonNullable<ReturnType<DataStore['get']>>;

export type LogOutcome =
  /** Published and in the store under `id` (freshly stored, or unchanged and kept). */
  | { kind: 'published'; location: LogLocation; id: string; digest: string; diagnostics: Diagnostic[]; reparsed: boolean; bodyReused?: boolean; fromIndex?: boolean; notices?: string[] }
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
  /** The rendered bodies (src/files/log-bodies.ts): their folder, and whether a digest's body is there. */
  bodies: { folder: string; has(digest: string): boolean };
  /** The record index shared with the CLI (src/record-index); none in tests that count parses without it. */
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
  // A blocking read: a 1 KB log's open, stat, read and close through the thread pool cost the main thread
  // ten times as much (1.2 s of a first build at 3,650 logs), while the worker threads wait for it.
  const content = readLogFileSync(file);
  const { text } = content;
  // The path is part of it: the record's source, slug and maybe date come from the path; and so are the images it names.
  const images = settings.images ? imageStamp(text, location.relativePath, settings.images.rootDir) : '';
  const digest = context.generateDigest(`${location.relativePath}\0${text}${settingsKey}${images}`);

  const existing = state.entriesByPath.get(location.relativePath);
  const hasBody = state.bodies.has(digest);
  // Unchanged and shown: its body is on disk, or (a log with images) in the stored entry itself.
  if (existing && existing.digest === digest && (hasBody || existing.rendered !== undefined)) {
    const duplicate = state.claim(existing.id, location.relativePath);
    const diagnostics = (existing.data as LogRecord).diagnostics;
    if (duplicate !== null) return duplicateOutcome(location, existing.id, duplicate, diagnostics);
    return { kind: 'published', location, id: existing.id, digest, diagnostics, reparsed: false };
  }
  if (state.draftDigests.get(location.relativePath) === digest) {
    // Only drafts without errors are remembered, so there is nothing to report.
    return { kind: 'draft', location, digest, diagnostics: [], reparsed: false };
  }

  // The record index (src/record-index): a log `nisshi check` read this morning is not read again.
  const known = state.index?.lookup(file, location.relativePath, content, imageCheck(settings)) ?? null;
  const unpublished = known !== null && (hasErrors(known.record) || pageSlug(known.record) === null);
  const { record, html, headings, imagePaths, images: named, notices } =
    known && (hasBody || unpublished)
      ? // Nothing to render: its body is on disk already, or it gets no page.
        { record: known.record, html: '', headings: [], imagePaths: [], images: known.images, notices: [] }
      : await pipeline.process(text, {
          path: location.relativePath,
          settings: settings.read,
          allowRawHtml: settings.allowRawHtml,
          images: settings.images,
          known: known ?? undefined,
          // A body of this digest is already on disk (the store was cleared, say by an Astro update): the record is enough.
          // Otherwise the body is written where the pages read it (src/files/log-bodies.ts) before the entry is stored,
          // so a stored entry always has one — unless it shows images, whose body goes to the store (below).
          render: !hasBody,
          ...(hasBody || content.encodingError ? {} : { writeBody: { folder: state.bodies.folder, digest } }),
        });
  const fromIndex = known !== null;
  if (!fromIndex) {
    // What the parser says about mojibake is noise: the encoding is what to fix first (as `nisshi check`).
    withEncodingError(record, content);
    // A failure to render is the renderer's, not the record's: the index keeps records as the CLI reads them.
    if (!record.diagnostics.some((diagnostic) => diagnostic.rule === 'render-error')) state.index?.put(file, location.relativePath, content, record, named);
  }
  if (hasErrors(record)) {
    return { kind: 'failed', location, diagnostics: record.diagnostics, notices };
  }
  // The draft rule of src/parse/draft.ts: no page, so no claim on a slug.
  const id = pageSlug(record);
  if (id === null) return { kind: 'draft', location, digest, diagnostics: record.diagnostics, reparsed: true, fromIndex, notices };

  const duplicate = state.claim(id, location.relativePath);
  if (duplicate !== null) return { ...duplicateOutcome(location, id, duplicate, record.diagnostics), notices };

  const published: LogRecord = { ...record, frontmatter: publicFrontmatter(record.frontmatter, settings.publicFrontmatter ?? [], settings.read.vocabulary) };
  // A log with images beside it keeps its body in the store (below), and with it the whole record;
  // any other log's lists and extras are in its body file (src/record/stored-record.ts).
  const withImages = imagePaths.length > 0;
  const stored = withImages ? published : storedPart(published);
  const data = await context.parseData({
    id,
    data: stored as unknown as Record<string, unknown>,
    filePath: location.absolutePath,
  });
  // The store holds the record's header only: no Markdown `body` (no page reads it again), no `rendered`
  // HTML (only the log's own page reads it, from its file) and not the record's lists, which the pages
  // read from the same file. The store is read, written and handed to the page build whole on every build.
  // A log that shows images beside it is the exception: its images go to Astro's image pipeline as glob()'s
  // Markdown sends them — listed as the entry's asset imports, and named in the rendered metadata so
  // render() replaces their markers in the HTML — so its HTML is kept in the store (process-log.ts).
  context.store.set({
    id,
    data,
    filePath: location.relativePath,
    digest,
    ...(withImages ? { rendered: { html, metadata: { headings, imagePaths } }, assetImports: imagePaths } : {}),
  });
  return { kind: 'published', location, id, digest, diagnostics: record.diagnostics, reparsed: true, bodyReused: hasBody && !withImages, fromIndex, notices };
}

function hasErrors(record: LogRecord): boolean {
  return record.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

function duplicateOutcome(location: LogLocation, id: string, otherPath: string, diagnostics: Diagnostic[]): LogOutcome {
  const clash = diagnose('duplicate-slug', 1, 1, { slug: id, others: otherPath });
  return { kind: 'failed', location, diagnostics: [...diagnostics, clash] };
}
