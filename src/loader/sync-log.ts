/**
 * One log file into the content store: read, decode, and — only when its text,
 * path or the settings changed since the stored entry was made — parse and
 * render (one pass, see process-log.ts), validate and store. What happened is
 * returned as an outcome, so the caller
 * can report every file's problems together and fail once.
 */
import { readFile } from 'node:fs/promises';
import type { DataStore, LoaderContext } from 'astro/loaders';
import { decodeLog } from '../files/log-files.ts';
import { imageStamp } from './image-stamp.ts';
import type { ReadSettings } from '../parse/read-log.ts';
import { diagnose } from '../record/rules.ts';
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import { pageSlug } from '../parse/draft.ts';
import type { LogLocation } from './log-files.ts';
import { publicFrontmatter } from './public-frontmatter.ts';
import type { ProcessedLog, ProcessOptions } from './process-log.ts';

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
  | { kind: 'published'; location: LogLocation; id: string; digest: string; diagnostics: Diagnostic[]; reparsed: boolean; bodyReused?: boolean; notices?: string[] }
  | { kind: 'draft'; location: LogLocation; digest: string; diagnostics: Diagnostic[]; reparsed: boolean; notices?: string[] }
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

  const { record, html, headings, imagePaths, notices } = await pipeline.process(text, {
    path: location.relativePath,
    settings: settings.read,
    allowRawHtml: settings.allowRawHtml,
    images: settings.images,
    // A body of this digest is already on disk (the store was cleared, say by an Astro update): the record is enough.
    // Otherwise the body is written where the pages read it (src/files/log-bodies.ts) before the entry is stored,
    // so a stored entry always has one — unless it shows images, whose body goes to the store (below).
    render: !hasBody,
    ...(hasBody || encodingError ? {} : { writeBody: { folder: state.bodies.folder, digest } }),
  });
  // What the parser says about mojibake is noise: the encoding is what to fix first (as `nisshi check`).
  if (encodingError) record.diagnostics = [encodingError];
  if (record.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { kind: 'failed', location, diagnostics: record.diagnostics, notices };
  }
  // The draft rule of src/parse/draft.ts: no page, so no claim on a slug.
  const id = pageSlug(record);
  if (id === null) return { kind: 'draft', location, digest, diagnostics: record.diagnostics, reparsed: true, notices };

  const duplicate = state.claim(id, location.relativePath);
  if (duplicate !== null) return { ...duplicateOutcome(location, id, duplicate, record.diagnostics), notices };

  const stored: LogRecord = { ...record, frontmatter: publicFrontmatter(record.frontmatter, settings.publicFrontmatter ?? [], settings.read.vocabulary) };
  const data = await context.parseData({
    id,
    data: stored as unknown as Record<string, unknown>,
    filePath: location.absolutePath,
  });
  // The store holds the record only: no Markdown `body` (no page reads it again) and no `rendered`
  // HTML, which only the log's own page reads, from its file. The store is read, written and handed
  // to the page build whole on every build.
  // A log that shows images beside it is the exception: its images go to Astro's image pipeline as glob()'s
  // Markdown sends them — listed as the entry's asset imports, and named in the rendered metadata so
  // render() replaces their markers in the HTML — so its HTML is kept in the store (process-log.ts).
  const withImages = imagePaths.length > 0;
  context.store.set({
    id,
    data,
    filePath: location.relativePath,
    digest,
    ...(withImages ? { rendered: { html, metadata: { headings, imagePaths } }, assetImports: imagePaths } : {}),
  });
  return { kind: 'published', location, id, digest, diagnostics: record.diagnostics, reparsed: true, bodyReused: hasBody && !withImages, notices };
}

function duplicateOutcome(location: LogLocation, id: string, otherPath: string, diagnostics: Diagnostic[]): LogOutcome {
  const clash = diagnose('duplicate-slug', 1, 1, { slug: id, others: otherPath });
  return { kind: 'failed', location, diagnostics: [...diagnostics, clash] };
}
