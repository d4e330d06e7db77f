/**
 * Each log's rendered body, kept beside Astro's cache in files of our own
 * instead of in the content store.
 *
 * The content store is read, written and handed to the page build whole on
 * every build, and only the log's own page reads its HTML: at ten years of
 * logs the HTML was more than half of the store. So the store holds the
 * records, and the body lives here under the entry's digest (which covers
 * the file, its path, the settings and nisshi's own code): the same digest is
 * the same body, so a file is written once and never rewritten.
 *
 * One file per digest, three lines of JSON (JSON never holds a raw line
 * break) and the HTML: the headings (the problem-thread pages read only them,
 * to link to a problem's heading), the record's lists, its extras (the parts
 * the store leaves out, src/record/stored-record.ts), then the HTML. Every
 * build reads the lists of every file, and a cold one the extras too: they
 * come before the HTML, so that is one short read a file.
 *
 * Files no stored entry names any more are removed after a full load (see
 * collectLogBodies); one written after that load started is left alone, as it
 * may be another process's. `astro dev` keeps its bodies in a folder of its
 * own, as Astro keeps its dev store apart from the build's: a build's
 * collection never removes a body a running dev server shows, whatever logs
 * each of them reads.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the log page shows of a log besides its record. */
export interface LogBody {
  html: string;
  headings: LogBodyHeading[];
}

/** What a body file holds: the body, and the parts of the record the store leaves out (checked where they are read). */
export interface LogBodyFile extends LogBody {
  lists: unknown;
  extras: unknown;
}

/** A heading of the rendered body (src/render's RenderedHeading: its id on the page). */
export interface LogBodyHeading {
  depth: number;
  slug: string;
  text: string;
}

/** The folders below Astro's cache folder (config.cacheDir): the build's, and `astro dev`'s. */
const FOLDERS = { build: 'nisshi-log-bodies/', dev: 'nisshi-log-bodies-dev/' } as const;

/** Whose bodies: `astro build`'s (and `astro sync`'s), or `astro dev`'s. */
export type LogBodiesOf = keyof typeof FOLDERS;
const SUFFIX = '.body';
/** Bytes read for the three lines of JSON; a log whose lines do not fit is read whole. */
const FIRST_READ = 32 * 1024;
/** Digests as Astro's generateDigest makes them; anything else could name a file outside the folder. */
const DIGEST = /^[0-9a-z]{1,64}$/i;

/** Where the bodies of a cache folder are: an absolute path ending in a separator. */
export function logBodiesFolder(cacheDir: URL | string, of: LogBodiesOf = 'build'): string {
  const cache = typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir);
  return path.join(cache, FOLDERS[of], path.sep);
}

function fileOf(folder: string, digest: string): string {
  if (!DIGEST.test(digest)) throw new Error(`not a log body's digest: ${JSON.stringify(digest)}`);
  return `${folder}${digest}${SUFFIX}`;
}

/** Whether the body of this digest is there. */
export function hasLogBody(folder: string, digest: string): boolean {
  return existsSync(fileOf(folder, digest));
}

/** The digests whose bodies are in the folder, from one listing (a load asks for thousands). */
export function logBodyDigests(folder: string): Set<string> {
  try {
    return new Set(readdirSync(folder).filter((name) => name.endsWith(SUFFIX)).map((name) => name.slice(0, -SUFFIX.length)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

/**
 * Writes the body of a digest (the caller knows it is not there yet: see
 * logBodyDigests), under a temporary name renamed into place, so a reader
 * never sees half a body. Called on the loader's worker threads, so the HTML
 * never crosses to the main thread; two threads writing one digest write the
 * same bytes.
 */
export function writeLogBody(folder: string, digest: string, body: LogBodyFile): void {
  const file = fileOf(folder, digest);
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  const text = `${JSON.stringify(body.headings)}\n${JSON.stringify(body.lists)}\n${JSON.stringify(body.extras)}\n${body.html}`;
  try {
    writeFileSync(temporary, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, text);
  }
  renameSync(temporary, file);
}

/** The body of a digest; throws, naming the file, when it is not there. */
export function readLogBody(folder: string, digest: string): LogBody {
  const file = fileOf(folder, digest);
  const text = readBodyText(file);
  const ends = lineEnds(text, file);
  // The record's parts on the lines between are left unparsed: a log page has its record already.
  return { headings: JSON.parse(text.slice(0, ends[0])) as LogBodyHeading[], html: text.slice(ends[2] + 1) };
}

/** The headings alone: the file's first line, without reading the HTML after it (the problem pages read thousands). */
export function readLogHeadings(folder: string, digest: string): LogBodyHeading[] {
  return JSON.parse(firstLines(fileOf(folder, digest))[0]) as LogBodyHeading[];
}

/** The record's lists (JSON, for the reader to check), without reading the HTML: the site reads every log's once a build. */
export function readLogLists(folder: string, digest: string): unknown {
  return JSON.parse(firstLines(fileOf(folder, digest))[1]);
}

/** The parts of the record no page shows (JSON, for the reader to check), without reading the HTML: /data/ reads every log's. */
export function readLogExtras(folder: string, digest: string): unknown {
  return JSON.parse(firstLines(fileOf(folder, digest))[2]);
}

/** Where a body file's three lines of JSON end; throws, naming the file, for a file of another layout. */
function lineEnds(text: string, file: string): [number, number, number] {
  const first = text.indexOf('\n');
  const second = first === -1 ? -1 : text.indexOf('\n', first + 1);
  const third = second === -1 ? -1 : text.indexOf('\n', second + 1);
  if (third === -1) throw new Error(`${file}: not a log body of this nisshi (build again; the cache folder may be removed safely)`);
  return [first, second, third];
}

/** One buffer for every short read: they are synchronous, and a build makes thousands (a fresh buffer each was most of their time). */
let scratch: Buffer | null = null;

/** A body file's three lines of JSON (headings, lists, extras) from one short read; the whole file when they are longer. */
function firstLines(file: string): [string, string, string] {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    throw missingBody(file, error);
  }
  let head: string | null = null;
  try {
    const buffer = (scratch ??= Buffer.allocUnsafe(FIRST_READ));
    const read = readSync(descriptor, buffer, 0, FIRST_READ, 0);
    const lines = buffer.subarray(0, read);
    const first = lines.indexOf(0x0a);
    const second = first === -1 ? -1 : lines.indexOf(0x0a, first + 1);
    const third = second === -1 ? -1 : lines.indexOf(0x0a, second + 1);
    // A line break byte is never inside a UTF-8 sequence, so whole lines decode on their own.
    if (third !== -1) head = buffer.toString('utf8', 0, third + 1);
  } finally {
    closeSync(descriptor);
  }
  const text = head ?? readBodyText(file);
  const ends = lineEnds(text, file);
  return [text.slice(0, ends[0]), text.slice(ends[0] + 1, ends[1]), text.slice(ends[1] + 1, ends[2])];
}

function readBodyText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw missingBody(file, error);
  }
}

/** A body the store names but the folder lacks (removed by hand, or by another build sharing the cache): say what to do. */
function missingBody(file: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  return new Error(`${file}: a log's rendered body is missing from the cache; run the build (or astro dev) again, which renders it anew`, { cause: error });
}

/**
 * Removes the bodies of every digest not in `keep` that were last written
 * before `startedMs` (a load's start, on the file system's clock), and
 * temporary files left by an interrupted write. Returns how many files were
 * removed.
 */
export function collectLogBodies(folder: string, keep: ReadonlySet<string>, startedMs: number): number {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    if (name.endsWith(SUFFIX) && keep.has(name.slice(0, -SUFFIX.length))) continue;
    const file = folder + name;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      continue; // removed meanwhile (another process collecting)
    }
    if (mtimeMs >= startedMs) continue;
    rmSync(file, { force: true });
    removed++;
  }
  return removed;
}

/** The file system's clock now: a marker's mtime, to compare with other files' mtimes. */
export function fileSystemNow(folder: string): number {
  mkdirSync(folder, { recursive: true });
  const marker = `${folder}.now-${process.pid}`;
  writeFileSync(marker, '');
  const now = statSync(marker).mtimeMs;
  rmSync(marker);
  return now;
}

const newestKey = Symbol.for('nisshi.dev-newest-log-bodies');

/**
 * While `astro dev` runs: the digest of each log's newest body, by slug. The
 * loader sets it as soon as a saved log is rendered; the log page reads it
 * before the entry's own digest, so the saved text shows at once. Astro's
 * store catches up later (its writes wait 500 ms, then the page build reads
 * the whole store again), and brings the rest of the record with it. One map
 * per process, on a registered symbol: the loader and the pages are loaded
 * by different module graphs.
 */
export function newestDevBodies(): Map<string, string> {
  const global = globalThis as { [newestKey]?: Map<string, string> };
  global[newestKey] ??= new Map();
  return global[newestKey];
}
