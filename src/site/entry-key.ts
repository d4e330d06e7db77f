import { createHash } from 'node:crypto';
import type { SiteRecord } from '../record/stored-record.ts';
import type { LogEntry } from './logs.ts';

/**
 * An entry as part of a key for Astro's incremental build: its id and its
 * digest (which covers the file, its path and the settings). Apart from
 * logs.ts so the pure keys built from it are tested without Astro.
 */
export function entryKey(entry: Pick<LogEntry, 'id' | 'digest' | 'data'>): string {
  return `${entry.id}:${String(entry.digest ?? JSON.stringify(entry.data))}`;
}

/**
 * The entry key of whatever names a log by its slug (a record, a problem's
 * occurrence): an entry's id is its record's slug (parse/draft.ts: pageSlug).
 * Something that is no entry's stands for itself.
 */
export function entryKeysBySlug(entries: ReadonlyArray<Pick<LogEntry, 'id' | 'digest' | 'data'>>): (named: Pick<SiteRecord, 'slug'>) => string {
  const keys = new Map(entries.map((entry) => [entry.id, entryKey(entry)]));
  return (named) => keys.get(named.slug) ?? JSON.stringify(named);
}

/**
 * A page's key for Astro's incremental build from what it shows, given as plain
 * data (logs by their entry keys): unchanged, last build's page is kept. Short,
 * as Astro keeps every key in its manifest.
 */
export function pageKey(shown: unknown): string {
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32);
}
