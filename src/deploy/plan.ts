/**
 * The deploy plan: which built files to upload, which bucket objects to delete
 * and which to leave alone, worked out from what is known without writing.
 *
 * How the bucket's state is known without a HEAD per object on every deploy:
 * ListObjectsV2 gives each object's ETag but none of its headers. After each
 * deploy's uploads, nisshi writes a manifest object (`<prefix>.nisshi/manifest.json`)
 * holding, for every key, the ETag it was left with, the MD5 of its bytes and
 * its Content-Type and Cache-Control. On the next deploy an object whose listed
 * ETag equals the manifest's is taken to be in the manifest's state; only the
 * objects the manifest lacks or whose ETag disagrees with it (changed behind
 * nisshi's back, or uploaded by a deploy that was killed before it wrote the
 * manifest) get a HEAD. So a no-change redeploy costs the listing and one GET,
 * and a deploy stopped half-way converges on the next run. The MD5 is kept in
 * the manifest and in each object's `nisshi-md5` metadata because an ETag is
 * not always an MD5 (multipart uploads, SSE-KMS). Header changes made outside
 * nisshi that keep the bytes (a copy-in-place) keep the ETag too and are not
 * seen: `--verify` HEADs every object.
 */
import { DEFAULT_DELETE_GUARD } from './config.ts';
import { isImmutable, type ObjectHeaders } from './headers.ts';
import { searchPartOf } from '../search/layout.ts';

/** A file of the build, by its site path (relative to dist/, `/`-separated, no leading slash). */
export interface LocalFile extends ObjectHeaders {
  path: string;
  size: number;
  /** Hex MD5 of the bytes. */
  md5: string;
}

/** One object from ListObjectsV2, its key made relative to the prefix. */
export interface ListedObject {
  path: string;
  /** Without the quotes S3 puts around it. */
  etag: string;
  size: number;
}

/** What is known about an object's bytes and headers, from the manifest or a HEAD. */
export interface KnownObject {
  etag: string;
  md5: string | undefined;
  contentType: string | undefined;
  cacheControl: string | undefined;
  /** Left by a deploy that meant to delete it (the object is not part of the build it scanned). */
  pendingDelete?: boolean;
}

export type ManifestEntries = ReadonlyMap<string, KnownObject>;

/** Upload phases, in the order they run; deletions come after the last. */
export const PHASES = ['hashed', 'other', 'html', 'feeds'] as const;
export type Phase = (typeof PHASES)[number];

export interface PlannedUpload {
  file: LocalFile;
  reason: 'new' | 'content' | 'headers';
  phase: Phase;
}

export interface SyncPlan {
  uploads: PlannedUpload[];
  /** Site paths of objects to delete: nisshi's own (in its manifest, or an interrupted run's intent) that are no longer built. */
  deletes: string[];
  /**
   * Objects no longer built (or never built) that nisshi did not write: left
   * alone and listed once, unless --prune-foreign adds them to `deletes`.
   */
  foreign: string[];
  unchanged: LocalFile[];
  /** Objects in the bucket before the deploy (the share guard's denominator). */
  remoteCount: number;
}

const PLAIN_MD5 = /^[0-9a-f]{32}$/;

export function unquoteEtag(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}

/**
 * The objects worth a HEAD before planning: present locally and remotely, and
 * not vouched for by the manifest. An object whose plain-MD5 ETag already
 * differs from the local bytes is left out: it is uploaded whatever its headers.
 */
export function objectsToHead(
  local: readonly LocalFile[],
  listed: readonly ListedObject[],
  manifest: ManifestEntries,
  verifyAll = false,
): string[] {
  const localByPath = new Map(local.map((file) => [file.path, file]));
  return listed
    .filter((object) => {
      const file = localByPath.get(object.path);
      if (!file) return false;
      if (verifyAll) return true;
      if (manifest.get(object.path)?.etag === object.etag) return false;
      return !(PLAIN_MD5.test(object.etag) && object.etag !== file.md5);
    })
    .map((object) => object.path);
}

/** What one HEAD said, reduced to what planning compares. */
export function knownFromHead(head: {
  etag: string;
  contentType: string | undefined;
  cacheControl: string | undefined;
  metadataMd5: string | undefined;
}): KnownObject {
  const md5 = head.metadataMd5 ?? (PLAIN_MD5.test(head.etag) ? head.etag : undefined);
  return { etag: head.etag, md5, contentType: head.contentType, cacheControl: head.cacheControl };
}

export function phaseOf(file: Pick<LocalFile, 'path' | 'cacheControl'>): Phase {
  if (isImmutable(file.cacheControl)) return 'hashed';
  if (file.path.endsWith('.html')) return 'html';
  if (isFeedOrSitemap(file.path)) return 'feeds';
  return 'other';
}

function isFeedOrSitemap(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^(rss|atom|feed)\.xml$/.test(name) || /^sitemap.*\.xml$/.test(name);
}

/**
 * Compares each local file with what is known about its object. `heads` holds
 * the HEAD results for the paths objectsToHead picked; any other listed object
 * is known through the manifest, or only by its ETag.
 */
export function planSync(
  local: readonly LocalFile[],
  listed: readonly ListedObject[],
  manifest: ManifestEntries,
  heads: ReadonlyMap<string, KnownObject>,
  options: { pruneForeign?: boolean; owned?: ReadonlySet<string> | ReadonlyMap<string, unknown> } = {},
): SyncPlan {
  const listedByPath = new Map(listed.map((object) => [object.path, object]));
  const uploads: PlannedUpload[] = [];
  const unchanged: LocalFile[] = [];
  for (const file of local) {
    const object = listedByPath.get(file.path);
    if (!object) {
      uploads.push({ file, reason: 'new', phase: phaseOf(file) });
      continue;
    }
    const known = heads.get(file.path) ?? fromManifestOrEtag(object, manifest.get(file.path));
    if (known.md5 !== file.md5) uploads.push({ file, reason: 'content', phase: phaseOf(file) });
    else if (known.contentType !== file.contentType || known.cacheControl !== file.cacheControl) {
      uploads.push({ file, reason: 'headers', phase: phaseOf(file) });
    } else unchanged.push(file);
  }
  const localPaths = new Set(local.map((file) => file.path));
  const notBuilt = listed.filter((object) => !localPaths.has(object.path)).map((object) => object.path).sort();
  const ours = (sitePath: string) => manifest.has(sitePath) || (options.owned?.has(sitePath) ?? false);
  const foreign = notBuilt.filter((sitePath) => !ours(sitePath));
  const deletes = options.pruneForeign ? notBuilt : notBuilt.filter(ours);
  return { uploads: orderUploads(uploads), deletes, foreign, unchanged, remoteCount: listed.length };
}

function fromManifestOrEtag(object: ListedObject, entry: KnownObject | undefined): KnownObject {
  if (entry && entry.etag === object.etag) return entry;
  // No HEAD and no manifest: the bytes may be known from a plain ETag, the headers are not.
  return {
    etag: object.etag,
    md5: PLAIN_MD5.test(object.etag) ? object.etag : undefined,
    contentType: undefined,
    cacheControl: undefined,
  };
}

/** Stable order by phase, then path, so a plan prints and runs the same way every time. */
export function orderUploads(uploads: readonly PlannedUpload[]): PlannedUpload[] {
  const rank = (phase: Phase) => PHASES.indexOf(phase);
  return [...uploads].sort(
    (a, b) => rank(a.phase) - rank(b.phase) || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0),
  );
}

/** The uploads split into phases, each to finish before the next starts; empty phases are left out. */
export function uploadPhases(plan: SyncPlan): { phase: Phase; uploads: PlannedUpload[] }[] {
  return PHASES.map((phase) => ({ phase, uploads: plan.uploads.filter((upload) => upload.phase === phase) })).filter(
    (group) => group.uploads.length > 0,
  );
}

export interface DeleteGuard {
  /** Most objects one deploy may delete without --force. */
  maxDeletes: number;
  /** Largest share (0–1) of the bucket's objects one deploy may delete without --force. */
  maxDeleteShare: number;
}

/** A plan that deletes more than the guard allows: the figures for the message. */
export interface GuardViolation {
  count: number;
  remoteCount: number;
  /** 0–1. */
  share: number;
  guard: DeleteGuard;
}

/**
 * Why the plan's deletions are too many to carry out unasked, or undefined when
 * they are within bounds. A wrong or empty dist/ shows up as a mass deletion.
 * Not counted: the old files of a search-index part the build has a new one of
 * (its files are named by content, so a changed part replaces its file; a
 * build that lost the part still counts them all).
 */
export function deleteGuardViolation(plan: SyncPlan, guard: DeleteGuard = DEFAULT_DELETE_GUARD): GuardViolation | undefined {
  const indexedParts = builtIndexParts(plan);
  const count = plan.deletes.filter((path) => !indexedParts.has(searchPartOf(path) ?? '')).length;
  if (count === 0) return undefined;
  const share = plan.remoteCount === 0 ? 0 : count / plan.remoteCount;
  if (count > guard.maxDeletes || share > guard.maxDeleteShare) return { count, remoteCount: plan.remoteCount, share, guard };
  return undefined;
}

/** The search-index parts the build has an index of (a file of theirs is uploaded or unchanged). */
function builtIndexParts(plan: SyncPlan): Set<string> {
  const parts = new Set<string>();
  for (const file of [...plan.uploads.map((upload) => upload.file), ...plan.unchanged]) {
    const part = searchPartOf(file.path);
    if (part !== undefined) parts.add(part);
  }
  return parts;
}
