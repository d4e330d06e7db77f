/**
 * What the loader reads back from Astro's store between runs (the store
 * survives builds in the cache folder): entries by the file they came from,
 * and the digests of the drafts, which are not entries but need not be parsed
 * again either.
 */
import type { MetaStore } from 'astro/loaders';
import type { StoredEntry } from './sync-log.ts';

/** Meta-store key of the drafts seen last time, as a JSON object path → digest. */
const DRAFTS_KEY = 'drafts';

export function entriesByPath(entries: readonly StoredEntry[]): Map<string, StoredEntry> {
  const byPath = new Map<string, StoredEntry>();
  for (const entry of entries) if (entry.filePath) byPath.set(entry.filePath, entry);
  return byPath;
}

export function readDraftDigests(meta: MetaStore): Map<string, string> {
  try {
    const pairs: unknown = JSON.parse(meta.get(DRAFTS_KEY) ?? '{}');
    if (pairs === null || typeof pairs !== 'object') return new Map();
    return new Map(Object.entries(pairs as Record<string, string>));
  } catch {
    // A store written by something else is only a cache: start afresh.
    return new Map();
  }
}

export function writeDraftDigests(meta: MetaStore, digests: ReadonlyMap<string, string>): void {
  meta.set(DRAFTS_KEY, JSON.stringify(Object.fromEntries(digests)));
}
