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

/** Each record's entry key, found by the record: `records[i]` is the record of `entries[i]` (as siteData gives them). */
export function entryKeysByRecord(entries: ReadonlyArray<Pick<LogEntry, 'id' | 'digest' | 'data'>>, records: readonly SiteRecord[]): (record: SiteRecord) => string {
  const keys = new Map<unknown, string>(entries.map((entry, index) => [records[index], entryKey(entry)]));
  return (record) => keys.get(record) ?? JSON.stringify(record);
}

/**
 * A page's key for Astro's incremental build from what it shows, given as plain
 * data (logs by their entry keys): unchanged, last build's page is kept. Short,
 * as Astro keeps every key in its manifest.
 */
export function pageKey(shown: unknown): string {
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32);
}
