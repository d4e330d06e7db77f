import { describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE, headerRules } from '../../src/deploy/headers.ts';
import {
  deleteGuardViolation,
  knownFromHead,
  objectsToHead,
  phaseOf,
  planSync,
  uploadPhases,
  type KnownObject,
  type ListedObject,
  type LocalFile,
} from '../../src/deploy/plan.ts';

const headersFor = headerRules();
const md5Of = (seed: string) => seed.padEnd(32, '0').slice(0, 32);

function file(path: string, seed = path): LocalFile {
  return { path, size: 10, md5: md5Of(seed.replace(/[^0-9a-f]/g, 'a')), ...headersFor(path) };
}
function listedFor(local: LocalFile, etag = local.md5): ListedObject {
  return { path: local.path, etag, size: local.size };
}
function knownFor(local: LocalFile, overrides: Partial<KnownObject> = {}): KnownObject {
  return { etag: local.md5, md5: local.md5, contentType: local.contentType, cacheControl: local.cacheControl, ...overrides };
}

const index = file('index.html', '1');
const app = file('_astro/app.B1c2D3e4.js', '2');
const page = file('logs/2025-08-03/index.html', '3');
const feed = file('rss.xml', '4');
const data = file('data/logs.json', '5');
const local = [index, app, page, feed, data];
const fullManifest = new Map(local.map((entry) => [entry.path, knownFor(entry)]));

describe('planSync', () => {
  it('uploads everything to an empty bucket, hashed assets first, HTML then feeds last', () => {
    const plan = planSync(local, [], new Map(), new Map());
    expect(plan.uploads.map((upload) => [upload.phase, upload.file.path, upload.reason])).toEqual([
      ['hashed', '_astro/app.B1c2D3e4.js', 'new'],
      ['other', 'data/logs.json', 'new'],
      ['html', 'index.html', 'new'],
      ['html', 'logs/2025-08-03/index.html', 'new'],
      ['feeds', 'rss.xml', 'new'],
    ]);
    expect(plan.deletes).toEqual([]);
  });

  it('leaves alone what the manifest vouches for, and needs no HEAD', () => {
    const listed = local.map((entry) => listedFor(entry));
    expect(objectsToHead(local, listed, fullManifest)).toEqual([]);
    const plan = planSync(local, listed, fullManifest, new Map());
    expect(plan.uploads).toEqual([]);
    expect(plan.unchanged).toHaveLength(local.length);
  });

  it('uploads a file whose bytes changed', () => {
    const changed = { ...page, md5: md5Of('9') };
    const plan = planSync([index, app, changed, feed, data], local.map((entry) => listedFor(entry)), fullManifest, new Map());
    expect(plan.uploads.map((upload) => [upload.file.path, upload.reason])).toEqual([[page.path, 'content']]);
  });

  it('re-uploads a file whose headers alone changed', () => {
    const recached = { ...feed, cacheControl: 'public, max-age=300' };
    const plan = planSync([index, app, page, recached, data], local.map((entry) => listedFor(entry)), fullManifest, new Map());
    expect(plan.uploads.map((upload) => [upload.file.path, upload.reason])).toEqual([[feed.path, 'headers']]);
  });

  it('HEADs what the manifest lacks or disagrees with, and trusts the HEAD', () => {
    const listed = [listedFor(index), listedFor(app, 'abcdef0123456789abcdef0123456789-2'), listedFor(page)];
    const manifest = new Map([[index.path, knownFor(index)], [page.path, knownFor(page, { etag: 'old' })]]);
    const toHead = objectsToHead([index, app, page], listed, manifest);
    expect(toHead).toEqual([app.path, page.path]);
    const heads = new Map([
      [app.path, knownFromHead({ etag: 'abcdef0123456789abcdef0123456789-2', contentType: app.contentType, cacheControl: IMMUTABLE, metadataMd5: app.md5 })],
      [page.path, knownFromHead({ etag: page.md5, contentType: 'text/html', cacheControl: REVALIDATE, metadataMd5: undefined })],
    ]);
    const plan = planSync([index, app, page], listed, manifest, heads);
    expect(plan.unchanged.map((entry) => entry.path)).toEqual([index.path, app.path]);
    expect(plan.uploads.map((upload) => [upload.file.path, upload.reason])).toEqual([[page.path, 'headers']]);
  });

  it('skips the HEAD when a plain-MD5 ETag already shows other bytes', () => {
    expect(objectsToHead([page], [listedFor(page, md5Of('8'))], new Map())).toEqual([]);
    expect(objectsToHead([page], [listedFor(page, md5Of('8'))], new Map(), true)).toEqual([page.path]);
  });

  it('re-uploads a listed object it knows nothing about beyond the ETag', () => {
    const plan = planSync([page], [listedFor(page)], new Map(), new Map());
    expect(plan.uploads.map((upload) => upload.reason)).toEqual(['headers']);
  });

  const gone = [
    { path: 'logs/old/index.html', etag: md5Of('7'), size: 1 },
    { path: 'a.txt', etag: md5Of('6'), size: 1 },
    { path: 'backups/db.sql', etag: md5Of('5'), size: 1 },
  ];
  const ours = new Map<string, KnownObject>([
    ...fullManifest,
    ...gone.slice(0, 2).map((object) => [object.path, { etag: object.etag, md5: object.etag, contentType: 'text/plain', cacheControl: 'x' }] as const),
  ]);

  it('deletes only its own objects no longer built, sorted, and lists the others as foreign', () => {
    const plan = planSync(local, [...local.map((entry) => listedFor(entry)), ...gone], ours, new Map());
    expect(plan.deletes).toEqual(['a.txt', 'logs/old/index.html']);
    expect(plan.foreign).toEqual(['backups/db.sql']);
    expect(plan.remoteCount).toBe(8);
  });

  it('deletes the foreign objects too with pruneForeign', () => {
    const plan = planSync(local, [...local.map((entry) => listedFor(entry)), ...gone], ours, new Map(), { pruneForeign: true });
    expect(plan.deletes).toEqual(['a.txt', 'backups/db.sql', 'logs/old/index.html']);
  });
});

describe('phases', () => {
  it('puts each kind of file in its phase', () => {
    expect(phaseOf({ path: 'search-index/2025/00112233aabbccdd.json', cacheControl: IMMUTABLE })).toBe('hashed');
    expect(phaseOf({ path: 'search-index/parts.json', cacheControl: REVALIDATE })).toBe('other');
    expect(phaseOf({ path: '404.html', cacheControl: REVALIDATE })).toBe('html');
    expect(phaseOf({ path: 'sitemap-0.xml', cacheControl: REVALIDATE })).toBe('feeds');
    expect(phaseOf({ path: 'sitemap-index.xml', cacheControl: REVALIDATE })).toBe('feeds');
  });

  it('groups uploads into phases in order, leaving out empty ones', () => {
    const plan = planSync([feed, app, index], [], new Map(), new Map());
    expect(uploadPhases(plan).map((group) => [group.phase, group.uploads.length])).toEqual([
      ['hashed', 1],
      ['html', 1],
      ['feeds', 1],
    ]);
  });
});

describe('deleteGuardViolation', () => {
  const planWith = (deletes: number, remoteCount: number) => ({
    uploads: [],
    unchanged: [],
    deletes: Array.from({ length: deletes }, (_, n) => `p${n}`),
    foreign: [],
    remoteCount,
  });
  it('allows a few deletions', () => {
    expect(deleteGuardViolation(planWith(0, 0))).toBeUndefined();
    expect(deleteGuardViolation(planWith(3, 100))).toBeUndefined();
    expect(deleteGuardViolation(planWith(50, 1000))).toBeUndefined();
  });
  it('does not count the replaced file of a search-index part the build still has, but counts a lost index', () => {
    const part = { path: 'search-index/2025/00112233aabbccdd.json', size: 1, md5: md5Of('e'), ...headersFor('search-index/2025/00112233aabbccdd.json') };
    // The part's last file, and the old Pagefind part of the same year (pagefind/<part>/…, what builds before the new index wrote).
    const stale = ['search-index/2025/ffeeddcc00112233.json', ...Array.from({ length: 80 }, (_, n) => `pagefind/2025/fragment/ja_${n}.pf_fragment`)];
    const plan = { uploads: [{ file: part, reason: 'content' as const, phase: phaseOf(part) }], unchanged: [], deletes: stale, foreign: [], remoteCount: 8000 };
    expect(deleteGuardViolation(plan)).toBeUndefined();
    // Unchanged, the part's file still says the build has that part.
    expect(deleteGuardViolation({ ...plan, uploads: [], unchanged: [part] })).toBeUndefined();
    // The same deletions with no index of that part in the build: a wrong dist/, stopped.
    expect(deleteGuardViolation({ ...plan, uploads: [] })).toMatchObject({ count: 81, remoteCount: 8000 });
    // A part's files only count as replaced for that part.
    expect(deleteGuardViolation({ ...plan, deletes: stale.map((key) => key.replace('2025', '2024')) })).toMatchObject({ count: 81 });
  });

  it('stops too many or too large a share', () => {
    expect(deleteGuardViolation(planWith(51, 1000))).toEqual({ count: 51, remoteCount: 1000, share: 0.051, guard: { maxDeletes: 50, maxDeleteShare: 0.3 } });
    expect(deleteGuardViolation(planWith(4, 10))).toMatchObject({ count: 4, share: 0.4 });
    expect(deleteGuardViolation(planWith(10, 10), { maxDeletes: 100, maxDeleteShare: 1 })).toBeUndefined();
  });
});
