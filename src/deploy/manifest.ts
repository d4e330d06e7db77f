/**
 * The manifest object that lets a deploy trust listed ETags instead of HEADing
 * every object (the design is described in plan.ts). Kept inside the prefix so
 * that one bucket can hold several sites; never planned for upload or deletion.
 */
import type { KnownObject, ListedObject, LocalFile, ManifestEntries, SyncPlan } from './plan.ts';

export const MANIFEST_PATH = '.nisshi/manifest.json';

interface ManifestFile {
  version: 1;
  objects: Record<string, { etag: string; md5: string; contentType: string; cacheControl: string }>;
}

/** Reads a manifest; anything unreadable counts as no manifest, which only costs HEADs. */
export function parseManifest(text: string | undefined): ManifestEntries {
  const entries = new Map<string, KnownObject>();
  if (text === undefined) return entries;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return entries;
  }
  const file = parsed as Partial<ManifestFile>;
  if (file?.version !== 1 || typeof file.objects !== 'object' || file.objects === null) return entries;
  for (const [path, entry] of Object.entries(file.objects)) {
    if (typeof entry?.etag !== 'string' || typeof entry.md5 !== 'string') continue;
    entries.set(path, {
      etag: entry.etag,
      md5: entry.md5,
      contentType: typeof entry.contentType === 'string' ? entry.contentType : undefined,
      cacheControl: typeof entry.cacheControl === 'string' ? entry.cacheControl : undefined,
    });
  }
  return entries;
}

/**
 * The manifest after a deploy: every built file with the ETag its object now
 * has (from the PUT for uploads, from the listing for the rest).
 */
export function manifestAfterDeploy(
  plan: SyncPlan,
  listed: readonly ListedObject[],
  uploadedEtags: ReadonlyMap<string, string>,
): string {
  const listedEtags = new Map(listed.map((object) => [object.path, object.etag]));
  const files: LocalFile[] = [...plan.unchanged, ...plan.uploads.map((upload) => upload.file)].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const objects: ManifestFile['objects'] = {};
  for (const file of files) {
    const etag = uploadedEtags.get(file.path) ?? listedEtags.get(file.path);
    // An upload that did not finish has no ETag to vouch for: leave it out, so the next run HEADs it.
    if (etag === undefined) continue;
    objects[file.path] = { etag, md5: file.md5, contentType: file.contentType, cacheControl: file.cacheControl };
  }
  const manifest: ManifestFile = { version: 1, objects };
  return `${JSON.stringify(manifest)}\n`;
}

/** True when the manifest already says what the new one would: then the deploy writes nothing. */
export function manifestIsCurrent(current: string | undefined, next: string): boolean {
  return current === next;
}
