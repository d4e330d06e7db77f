/**
 * The CloudFront paths one deploy invalidates: exactly the objects it changed
 * or deleted, each HTML page under every URL a visitor may have cached it by.
 * Paths are site paths, as served when the distribution's origin path is the
 * bucket prefix. A new content-hashed file needs none: nobody could have
 * requested its name before it existed.
 */
import type { SyncPlan } from './plan.ts';

export interface InvalidationLimits {
  /** Above this many paths, fold them into wildcards (each wildcard is billed as one path). */
  maxPaths: number;
  /** Most wildcards one invalidation may use (CloudFront allows 15 wildcard paths in progress). */
  maxWildcards: number;
}

export const DEFAULT_INVALIDATION_LIMITS: InvalidationLimits = { maxPaths: 100, maxWildcards: 10 };

/**
 * CloudFront matches invalidation paths against request URLs, where a browser
 * sends a tag page like /tags/日本語/ percent-encoded: encode non-ASCII and
 * RFC 1738's unsafe characters (CloudFront's rule), and `*`, which CloudFront
 * reads as a wildcard: a file named `a*b.html` must not invalidate `/a…`.
 * The one deliberate wildcard, a trailing `/*`, is added by foldPaths after
 * encoding.
 */
export function encodeInvalidationPath(path: string): string {
  let encoded = '';
  for (const char of path) {
    if (/[A-Za-z0-9\-._/!$&'()+,;=:@]/.test(char)) encoded += char;
    else for (const byte of Buffer.from(char, 'utf8')) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** The URL paths a file is reachable by: `logs/x/index.html` is also `/logs/x/` and `/logs/x`. */
export function urlAliases(sitePath: string): string[] {
  const path = encodeInvalidationPath(`/${sitePath}`);
  if (sitePath === 'index.html') return ['/index.html', '/'];
  if (path.endsWith('/index.html')) {
    const folder = path.slice(0, -'index.html'.length);
    return [path, folder, folder.slice(0, -1)];
  }
  return [path];
}

export function invalidationPaths(plan: SyncPlan): string[] {
  const paths = new Set<string>();
  for (const upload of plan.uploads) {
    if (upload.reason === 'new' && upload.phase === 'hashed') continue;
    for (const alias of urlAliases(upload.file.path)) paths.add(alias);
  }
  for (const deleted of plan.deletes) for (const alias of urlAliases(deleted)) paths.add(alias);
  return [...paths].sort();
}

/**
 * Folds paths into `/<folder>/*` wildcards, largest folder first, until at most
 * maxPaths remain; falls back to `/*` when that would take more than
 * maxWildcards wildcards. Top-level folders only: a deploy that touches many
 * log pages folds them into `/logs/*` and keeps the few pages at the root exact.
 */
export function foldPaths(paths: readonly string[], limits: InvalidationLimits = DEFAULT_INVALIDATION_LIMITS): string[] {
  if (paths.length <= limits.maxPaths) return [...paths];
  const byFolder = new Map<string, string[]>();
  const atRoot: string[] = [];
  for (const path of paths) {
    const slash = path.indexOf('/', 1);
    const folder = slash === -1 ? undefined : path.slice(0, slash);
    if (folder === undefined) {
      atRoot.push(path);
    } else {
      const group = byFolder.get(folder) ?? [];
      group.push(path);
      byFolder.set(folder, group);
    }
  }
  const folders = [...byFolder.entries()].sort((a, b) => b[1].length - a[1].length);
  let count = paths.length;
  const folded = new Set<string>();
  for (const [folder, group] of folders) {
    if (count <= limits.maxPaths) break;
    if (folded.size === limits.maxWildcards || group.length < 2) return ['/*'];
    folded.add(folder);
    count -= group.length - 1;
  }
  if (count > limits.maxPaths) return ['/*'];
  const result = new Set<string>();
  // `/logs`, the bare alias of /logs/index.html, is not under `/logs/*`: it stays exact.
  for (const path of atRoot) result.add(path);
  for (const [folder, group] of byFolder) {
    if (folded.has(folder)) result.add(`${folder}/*`);
    else for (const path of group) result.add(path);
  }
  return [...result].sort();
}
