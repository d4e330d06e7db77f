import type { LogEntry } from './logs.ts';

/**
 * An entry as part of a key for Astro's incremental build: its id and its
 * digest (which covers the file, its path and the settings). Apart from
 * logs.ts so the pure keys built from it are tested without Astro.
 */
export function entryKey(entry: Pick<LogEntry, 'id' | 'digest' | 'data'>): string {
  return `${entry.id}:${String(entry.digest ?? JSON.stringify(entry.data))}`;
}
