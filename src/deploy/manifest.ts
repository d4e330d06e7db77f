/**
 * nisshi's own folder in the bucket, `<prefix>.nisshi/`, never served (the
 * template denies it to CloudFront):
 * - `manifest.json`: every object nisshi wrote and left live, with the ETag it
 *   was left with, the MD5 of its bytes and its headers (lets a deploy trust
 *   listed ETags instead of HEADing every object; plan.ts says how), plus the
 *   invalidation paths not yet sent and the live deploy's id;
 * - `objects/<md5>`: a copy of every version of every object nisshi wrote, by
 *   content, so a rollback can put any kept deploy's bytes back;
 * - `deploys/<id>.json`: one record per deploy (history.ts).
 * An object is nisshi's when its key is in the manifest; only those are ever
 * deleted by a deploy.
 */
import type { KnownObject, ListedObject, LocalFile, ManifestEntries, SyncPlan } from './plan.ts';

export const NISSHI_FOLDER = '.nisshi/';
export const MANIFEST_PATH = `${NISSHI_FOLDER}manifest.json`;
export const ARCHIVE_FOLDER = `${NISSHI_FOLDER}objects/`;
export const HISTORY_FOLDER = `${NISSHI_FOLDER}deploys/`;

type ManifestObject = { etag: string; md5: string; contentType: string; cacheControl: string };

interface ManifestFile {
  version: 2;
  objects: Record<string, ManifestObject>;
  /** Paths a deploy meant to invalidate and could not (killed, or CloudFront failed): the next deploy sends them. */
  pendingInvalidations: string[];
  /** True once every listed object's bytes are also under objects/<md5> (false for a manifest from before rollback). */
  archived: boolean;
  /** Id of the deploy record whose state the bucket holds. */
  live?: string;
}

export interface Manifest {
  entries: ManifestEntries;
  pendingInvalidations: string[];
  archived: boolean;
  live: string | undefined;
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
    };
  }
  const file: ManifestFile = {
    version: 2,
    objects,
    pendingInvalidations: [...new Set(manifest.pendingInvalidations)].sort(),
    archived: manifest.archived,
    ...(manifest.live ? { live: manifest.live } : {}),
  };
  return `${JSON.stringify(file)}\n`;
}

/**
 * nisshi's objects after a deploy's uploads: every built file with the ETag its
 * object now has (from the PUT for uploads, from the listing for the rest),
 * plus `stillOwned` (objects planned for deletion and not yet deleted: they
 * stay nisshi's until they are gone, so a deploy killed before its deletions
 * still deletes them next time).
 */
export function objectsAfterUploads(
  plan: SyncPlan,
  listed: readonly ListedObject[],
  uploadedEtags: ReadonlyMap<string, string>,
  stillOwned: ManifestEntries = new Map(),
): Map<string, KnownObject> {
  const listedEtags = new Map(listed.map((object) => [object.path, object.etag]));
  const files: LocalFile[] = [...plan.unchanged, ...plan.uploads.map((upload) => upload.file)];
  const objects = new Map<string, KnownObject>(stillOwned);
  for (const file of files) {
    const etag = uploadedEtags.get(file.path) ?? listedEtags.get(file.path);
    // An upload that did not finish has no ETag to vouch for: leave it out, so the next run HEADs it.
    if (etag === undefined) continue;
    objects.set(file.path, { etag, md5: file.md5, contentType: file.contentType, cacheControl: file.cacheControl });
  }
  return objects;
}
