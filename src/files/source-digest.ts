/**
 * A digest of some of nisshi's own source files: part of every key of what
 * nisshi keeps between runs (the record index, the loader's store entries), so
 * a change of the code that made an entry makes it stale. No version number to
 * bump by hand, and a development checkout is as safe as a release.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @param sources files, and folders (ending in `/`) whose `.ts` files count, at any depth. */
export function sourceDigest(sources: readonly URL[]): string {
  const hash = createHash('sha256');
  for (const source of sources) {
    const file = fileURLToPath(source);
    if (!source.pathname.endsWith('/')) {
      hash.update(readFileSync(file));
      continue;
    }
    const names = readdirSync(file, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).sort();
    for (const name of names) hash.update(name).update('\0').update(readFileSync(file + name)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
