/**
 * A log's rendered body for its page, and its headings for the pages that link
 * to them, and the parts of its record the content store leaves out. The
 * loader keeps them in a file of their own under the entry's digest
 * (src/files/log-bodies.ts), beside Astro's cache. Which folder (`astro dev`
 * has its own) comes from the integration of src/integrations/log-bodies.ts,
 * which knows the command.
 * A log that shows images beside it is the exception: its body stays in the
 * store (`rendered`), and its page renders it with Astro's render().
 */
import { dev, folder } from 'virtual:nisshi/log-bodies';
import { newestDevBodies, readLogBody, readLogExtras, readLogHeadings, readLogLists, type LogBody, type LogBodyHeading } from '../files/log-bodies.ts';
import type { LogEntry } from './logs.ts';

function digestOf(entry: LogEntry): string {
  if (typeof entry.digest !== 'string') throw new Error(`${entry.filePath ?? entry.id}: the content store has no digest for this log; build again`);
  return entry.digest;
}

/** The HTML and headings of a log's body (in `astro dev`, the newest saved, even before Astro's store has it). */
export function logBody(entry: LogEntry): LogBody {
  const newest = dev ? newestDevBodies().get(entry.id) : undefined;
  return readLogBody(folder, newest ?? digestOf(entry));
}

/** The lists of the log's record its body file keeps (src/record/stored-record.ts), as JSON to check. */
export function logLists(entry: LogEntry): unknown {
  return readLogLists(folder, digestOf(entry));
}

/** The parts of the log's record no page shows, kept in its body file (src/record/stored-record.ts), as JSON to check. */
export function logExtras(entry: LogEntry): unknown {
  return readLogExtras(folder, digestOf(entry));
}

export function logHeadings(entry: LogEntry): LogBodyHeading[] {
  // A log with images beside it keeps its body in the store, for Astro's image pipeline (src/loader/sync-log.ts).
  const stored = entry.rendered?.metadata?.headings;
  if (stored) return stored as LogBodyHeading[];
  return readLogHeadings(folder, digestOf(entry));
}

/** Lookups made by headingsBySlug, by the entries they were made of: siteData's entries are one list a build. */
const lookups = new WeakMap<readonly LogEntry[], (slug: string) => LogBodyHeading[] | undefined>();

/**
 * A log's headings by its slug, each log's file read once and only when asked for (undefined for no such log).
 * One lookup for a list of entries, whichever page asks: the thread pages share what they read.
 */
export function headingsBySlug(entries: readonly LogEntry[]): (slug: string) => LogBodyHeading[] | undefined {
  let lookup = lookups.get(entries);
  if (!lookup) {
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const read = new Map<string, LogBodyHeading[]>();
    lookup = (slug) => {
      const entry = byId.get(slug);
      if (!entry) return undefined;
      let headings = read.get(slug);
      if (!headings) read.set(slug, (headings = logHeadings(entry)));
      return headings;
    };
    lookups.set(entries, lookup);
  }
  return lookup;
}
