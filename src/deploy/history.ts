/**
 * Deploy records: one JSON object per deploy under `.nisshi/deploys/`, holding
 * the state it left (every object's MD5 and headers) and the id of the state it
 * replaced. With the archive of every version under `.nisshi/objects/<md5>`,
 * a rollback is a plan between two states, made without a build: copy back
 * what differs, delete what the newer state added. Pure: no I/O here.
 */
import { isImmutable } from './headers.ts';
import type { KnownObject, ManifestEntries, Phase } from './plan.ts';
import { phaseOf, PHASES } from './plan.ts';

export interface RecordedObject {
  md5: string;
  contentType: string;
  cacheControl: string;
}

export interface DeployRecord {
  version: 1;
  id: string;
  kind: 'deploy' | 'rollback';
  /** ISO time. */
  time: string;
  /** The commit deployed (GITHUB_SHA or git's HEAD), when known. */
  commit?: string;
  uploaded: number;
  deleted: number;
  /** The state this one replaced: what --rollback goes back to. */
  previous?: string;
  /** For a rollback: the deploy whose state it put back. */
  restored?: string;
  /** For a deploy: the state it left. A rollback's state is its `restored` deploy's. */
  objects?: Record<string, RecordedObject>;
}

/** Sortable, unique enough for one site's deploys (one at a time). */
export function recordId(time: Date, random = Math.random()): string {
  return `${time.toISOString().replace(/[:.]/g, '-')}-${Math.floor(random * 0xffff).toString(16).padStart(4, '0')}`;
}

/** What every deploy record starts with: the format, its id and kind, and when it was made. */
export function recordHeader(kind: DeployRecord['kind'], now: Date): Pick<DeployRecord, 'version' | 'id' | 'kind' | 'time'> {
  return { version: 1, id: recordId(now), kind, time: now.toISOString() };
}

export function recordName(id: string): string {
  return `${id}.json`;
}

export function recordObjects(entries: ManifestEntries): Record<string, RecordedObject> {
  const objects: Record<string, RecordedObject> = {};
  for (const path of [...entries.keys()].sort()) {
    const entry = entries.get(path) as KnownObject;
    objects[path] = { md5: entry.md5 ?? '', contentType: entry.contentType ?? '', cacheControl: entry.cacheControl ?? '' };
  }
  return objects;
}

export function parseRecord(text: string | undefined): DeployRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as DeployRecord;
    return record?.version === 1 && typeof record.id === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

export interface RollbackPlan {
  /** Objects to put back from the archive, hashed assets first, then other files, pages, feeds. */
  restores: { path: string; object: RecordedObject; phase: Phase }[];
  /** Objects the newer state added. */
  deletes: string[];
  unchanged: string[];
}

/**
 * From the current state (nisshi's objects as the manifest knows them, an
 * entry undefined when the bucket disagrees with it) to a recorded one.
 */
export function planRollback(current: ReadonlyMap<string, KnownObject | undefined>, target: Record<string, RecordedObject>): RollbackPlan {
  const restores: RollbackPlan['restores'] = [];
  const unchanged: string[] = [];
  for (const [path, object] of Object.entries(target)) {
    const now = current.get(path);
    if (now && now.md5 === object.md5 && now.contentType === object.contentType && now.cacheControl === object.cacheControl) {
      unchanged.push(path);
    } else restores.push({ path, object, phase: phaseOf({ path, cacheControl: object.cacheControl }) });
  }
  const deletes = [...current.keys()].filter((path) => !(path in target)).sort();
  const rank = (phase: Phase) => PHASES.indexOf(phase);
  restores.sort((a, b) => rank(a.phase) - rank(b.phase) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { restores, deletes, unchanged };
}

/** Paths a rollback changes for visitors: restored objects a visitor could have cached under another version, and deletes. */
export function rollbackChangedPaths(plan: RollbackPlan, current: ReadonlyMap<string, KnownObject | undefined>): string[] {
  return [
    // A content-hashed file absent until now was never requested under its name.
    ...plan.restores.filter(({ path, object }) => current.has(path) || !isImmutable(object.cacheControl)).map(({ path }) => path),
    ...plan.deletes,
  ];
}
