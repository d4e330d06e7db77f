/**
 * A digest of the code that turns a log into its entry (parser, renderer,
 * record schema). It is part of every entry's digest, so editing the parser
 * refreshes every stored entry on the next build: no stale pages, no --force.
 */
import { sourceDigest } from '../files/source-digest.ts';

let cached: string | null = null;

export function codeVersion(): string {
  cached ??= sourceDigest([
    ...['../parse/', '../render/', '../record/'].map((folder) => new URL(folder, import.meta.url)),
    // process-log.ts makes the entry's parts, sync-log.ts what of them is stored, log-bodies.ts how the rest is kept.
    new URL('./process-log.ts', import.meta.url),
    new URL('./sync-log.ts', import.meta.url),
    new URL('../files/log-bodies.ts', import.meta.url),
  ]);
  return cached;
}
