/**
 * A digest of the code that turns a log into its entry (parser, renderer,
 * record schema). It is part of every entry's digest, so editing the parser
 * refreshes every stored entry on the next build: no stale pages, no --force.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folders = ['../parse/', '../render/', '../record/'];

let cached: string | null = null;

export function codeVersion(): string {
  if (cached !== null) return cached;
  const hash = createHash('sha256');
  for (const folder of folders) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).sort();
    for (const name of files) hash.update(name).update('\0').update(readFileSync(dir + name)).update('\0');
  }
  // process-log.ts makes the entry's parts, sync-log.ts what of them is stored.
  for (const file of ['./process-log.ts', './sync-log.ts']) hash.update(readFileSync(fileURLToPath(new URL(file, import.meta.url))));
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
