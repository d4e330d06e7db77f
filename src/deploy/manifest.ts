/**
 * The manifest, `<prefix>.nisshi/manifest.json` (config.ts has the folder's
 * layout): every object nisshi wrote and left live, with the ETag it was left
 * with, the MD5 of its bytes and its headers (lets a deploy trust listed ETags
 * instead of HEADing every object; plan.ts says how), plus the invalidation
 * paths not yet sent, the live deploy's id, the secret scan's rules the
 * objects passed, and the intent of a deploy or rollback under way.
 *
 * An object is nisshi's when its key is in the manifest's objects or in its
 * intent; only those are ever deleted by a deploy. The intent is written
 * before the first upload (or restore) and names every object about to be
 * written, so a run killed in the middle leaves no object nobody knows of:
 * the next run finds the ones that landed, keeps those its build still has
 * and deletes the rest. The manifest after the uploads has every object in
 * its objects and no intent.
 */
import type { RecordedObject } from './history.ts';
import type { KnownObject, ListedObject, LocalFile, ManifestEntries, SyncPlan } from './plan.ts';

type ManifestObject = { etag: string; md5: string; contentType: string; cacheControl: string; pendingDelete?: true };

/** What a deploy or rollback was about to write, recorded before it wrote any of it. */
export interface Intent {
  kind: 'deploy' | 'rollback';
  /** ISO time the run wrote it. */
  time: string;
  objects: ReadonlyMap<string, RecordedObject>;
}

interface ManifestFile {
  version: 2;
  objects: Record<string, ManifestObject>;
  /** Paths a deploy meant to invalidate and could not (killed, or CloudFront failed): the next deploy sends them. */
  pendingInvalidations: string[];
  /** True once every listed object's bytes are also under objects/<md5> (false for a manifest from before rollback). */
  archived: boolean;
  /** Id of the deploy record whose state the bucket holds. */
  live?: string;
  /** Version of the secret scan every object (but those pending deletion) passed: secrets.ts, scan-build.ts. */
  scanRules?: string;
  intent?: { kind: Intent['kind']; time: string; objects: Record<string, RecordedObject> };
}

export interface Manifest {
  entries: ManifestEntries;
  pendingInvalidations: string[];
  archived: boolean;
  live: string | undefined;
  scanRules?: string | undefined;
  intent?: Intent | undefined;
}

export const EMPTY_MANIFEST: Manifest = { entries: new Map(), pendingInvalidations: [], archived: false, live: undefined };

/** Reads a manifest (version 1 or 2); anything unreadable counts as none, which costs HEADs and ownership. */
export function parseManifest(text: string | undefined): Manifest {
  if (text === undefined) return EMPTY_MANIFEST;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return EMPTY_MANIFEST;
  }
  const file = parsed as Partial<Omit<ManifestFile, 'version'>> & { version?: number };
  if ((file?.version !== 1 && file?.version !== 2) || typeof file.objects !== 'object' || file.objects === null) {
    return EMPTY_MANIFEST;
  }
  const entries = new Map<string, KnownObject>();
  for (const [path, entry] of Object.entries(file.objects)) {
    if (typeof entry?.etag !== 'string' || typeof entry.md5 !== 'string') continue;
    entries.set(path, {
      etag: entry.etag,
      md5: entry.md5,
      contentType: typeof entry.contentType === 'string' ? entry.contentType : undefined,
      cacheControl: typeof entry.cacheControl === 'string' ? entry.cacheControl : undefined,
      ...(entry.pendingDelete === true ? { pendingDelete: true } : {}),
    });
  }
  const pending = Array.isArray(file.pendingInvalidations)
    ? file.pendingInvalidations.filter((path): path is string => typeof path === 'string')
    : [];
  return {
    entries,
    pendingInvalidations: pending,
    archived: file.version === 2 && file.archived === true,
    live: typeof file.live === 'string' ? file.live : undefined,
    scanRules: typeof file.scanRules === 'string' ? file.scanRules : undefined,
    intent: parseIntent(file.intent),
  };
}

function parseIntent(intent: ManifestFile['intent'] | undefined): Intent | undefined {
  if (typeof intent !== 'object' || intent === null || typeof intent.objects !== 'object' || intent.objects === null) return undefined;
  const objects = new Map<string, RecordedObject>();
  for (const [path, object] of Object.entries(intent.objects)) {
    if (typeof object?.md5 !== 'string') continue;
    objects.set(path, {
      md5: object.md5,
      contentType: typeof object.contentType === 'string' ? object.contentType : '',
      cacheControl: typeof object.cacheControl === 'string' ? object.cacheControl : '',
    });
  }
  return {
    kind: intent.kind === 'rollback' ? 'rollback' : 'deploy',
    time: typeof intent.time === 'string' ? intent.time : '',
    objects,
  };
}

export function manifestText(manifest: Manifest): string {
  const objects: ManifestFile['objects'] = {};
  for (const path of [...manifest.entries.keys()].sort()) {
    const entry = manifest.entries.get(path) as KnownObject;
    objects[path] = {
      etag: entry.etag,
      md5: entry.md5 ?? '',
      contentType: entry.contentType ?? '',
      cacheControl: entry.cacheControl ?? '',
      ...(entry.pendingDelete ? { pendingDelete: true as const } : {}),
    };
  }
  const file: ManifestFile = {
    version: 2,
    objects,
    pendingInvalidations: [...new Set(manifest.pendingInvalidations)].sort(),
    archived: manifest.archived,
    ...(manifest.live ? { live: manifest.live } : {}),
    ...(manifest.scanRules ? { scanRules: manifest.scanRules } : {}),
    ...(manifest.intent && manifest.intent.objects.size > 0
      ? {
          intent: {
            kind: manifest.intent.kind,
            time: manifest.intent.time,
            objects: Object.fromEntries([...manifest.intent.objects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
          },
        }
      : {}),
  };
  return `${JSON.stringify(file)}\n`;
}

/**
 * Objects nisshi owns beyond the manifest's entries: those an interrupted
 * run's intent named that are in the bucket now (they may have landed).
 */
export function intentLeftovers(manifest: Manifest, listed: readonly ListedObject[]): Map<string, KnownObject> {
  const leftovers = new Map<string, KnownObject>();
  if (!manifest.intent) return leftovers;
  for (const object of listed) {
    const meant = manifest.intent.objects.get(object.path);
    if (!meant || manifest.entries.has(object.path)) continue;
    // Only the bytes are vouched for, and only when the ETag is the MD5 meant; the headers are not (a header-only
    // upload may not have landed), so planning HEADs it when the build still has it.
    leftovers.set(object.path, {
      etag: object.etag,
      md5: object.etag === meant.md5 ? meant.md5 : undefined,
      contentType: undefined,
      cacheControl: undefined,
    });
  }
  return leftovers;
}

/**
 * nisshi's objects after a deploy's uploads: every built file with the ETag its
 * object now has (from the PUT for uploads, from the listing for the rest),
 * plus `stillOwned` (objects planned for deletion and not yet deleted: they
 * stay nisshi's until they are gone, so a deploy killed before its deletions
 * still deletes them next time; marked pendingDelete, since the build that
 * was scanned does not hold them).
 */
export function objectsAfterUploads(
  plan: SyncPlan,
  listed: readonly ListedObject[],
  uploadedEtags: ReadonlyMap<string, string>,
  stillOwned: ManifestEntries = new Map(),
): Map<string, KnownObject> {
  const listedEtags = new Map(listed.map((object) => [object.path, object.etag]));
  const files: LocalFile[] = [...plan.unchanged, ...plan.uploads.map((upload) => upload.file)];
  const objects = new Map<string, KnownObject>([...stillOwned].map(([path, entry]) => [path, { ...entry, pendingDelete: true }]));
  for (const file of files) {
    const etag = uploadedEtags.get(file.path) ?? listedEtags.get(file.path);
    // An upload that did not finish has no ETag to vouch for: leave it out, so the next run HEADs it.
    if (etag === undefined) continue;
    objects.set(file.path, { etag, md5: file.md5, contentType: file.contentType, cacheControl: file.cacheControl });
  }
  return objects;
}

/**
 * The intent of a plan's uploads (or a rollback's restores): what is about to
 * be written where, with the leftovers of an earlier intent still in the
 * bucket (they stay nisshi's until this run has dealt with them).
 */
export function intentOf(kind: Intent['kind'], now: Date, writes: Iterable<readonly [string, RecordedObject]>, earlier?: { intent: Intent | undefined; leftovers: Iterable<string> }): Intent {
  const objects = new Map<string, RecordedObject>();
  for (const path of earlier?.leftovers ?? []) {
    const meant = earlier?.intent?.objects.get(path);
    if (meant) objects.set(path, meant);
  }
  for (const [path, object] of writes) objects.set(path, object);
  return { kind, time: now.toISOString(), objects };
}
