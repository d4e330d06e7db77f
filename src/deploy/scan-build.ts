/**
 * The secret scan over a build, reading only what it has not already passed.
 *
 * A file is skipped when the manifest says the object at its path holds these
 * very bytes (same MD5) and was scanned by the same rules: its version is
 * recorded in the manifest (`scanRules`) by the deploy that scanned the build
 * the manifest describes. The rules' version is a hash of the scanner's own
 * code (secrets.ts, readable-text.ts, this file; in the deploy bundle, the
 * bundle) and of its patterns, so any change to what or how the scan reads
 * rescans every file once, with no version number to forget. A one-log push
 * scans the hundred-odd files that changed instead of all 8,000.
 *
 * Kept apart from the build reading (local-build.ts) because the manifest is
 * read from the bucket first; still nothing is written before the scan passes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from './manifest.ts';
import type { LocalFile } from './plan.ts';
import { READABLE_TEXT_SOURCE, readableTexts } from './readable-text.ts';
import { SECRET_PATTERN_SOURCES, SECRETS_SOURCE, scanForSecrets, type SecretFinding } from './secrets.ts';

const SCAN_BUILD_SOURCE = import.meta.url;

let version: string | undefined;

/** The version of the scan's rules: a hash of its code and patterns (see above). */
export function secretScanVersion(): string {
  if (version !== undefined) return version;
  const hash = createHash('sha256').update(SECRET_PATTERN_SOURCES);
  try {
    for (const source of new Set([SECRETS_SOURCE, READABLE_TEXT_SOURCE, SCAN_BUILD_SOURCE])) {
      hash.update(readFileSync(fileURLToPath(source)));
    }
    version = hash.digest('hex').slice(0, 16);
  } catch {
    // The code cannot be read back (an unusual loader): a version of this run only, so nothing is skipped.
    version = `unread-${process.pid}-${Date.now()}`;
  }
  return version;
}

/** The build's files whose bytes the manifest's scan did not pass already. */
export function filesToScan(files: readonly LocalFile[], manifest: Manifest, rules = secretScanVersion()): LocalFile[] {
  if (manifest.scanRules !== rules) return [...files];
  return files.filter((file) => {
    const entry = manifest.entries.get(file.path);
    return !(entry && !entry.pendingDelete && entry.md5 === file.md5);
  });
}

/**
 * Scans the files' bytes as a reader gets them; yields to the event loop now
 * and then, so the lock's renewal and Ctrl-C are not held up by a long scan.
 */
export async function scanFiles(
  distDir: string,
  files: readonly LocalFile[],
  signal?: AbortSignal,
  onFile: () => void = () => {},
): Promise<SecretFinding[]> {
  const findings: SecretFinding[] = [];
  let sinceYield = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(distDir, file.path));
    const readable = readableTexts(bytes);
    if ('unreadable' in readable) findings.push({ path: file.path, line: 1, kind: 'unreadable', how: readable.unreadable });
    else for (const { text, how } of readable.texts) findings.push(...scanForSecrets(file.path, text, how));
    onFile();
    sinceYield += bytes.length;
    if (sinceYield > 4 * 1024 * 1024) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    }
  }
  return dedupe(findings);
}

/** One finding per file, line and kind (a line read several ways is one finding). */
function dedupe(findings: readonly SecretFinding[]): SecretFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.path}\n${finding.line}\n${finding.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
