/**
 * What patches/astro+7.3.5.patch changes in Astro's content store, through
 * Astro's own modules as `npm ci` leaves them: the chunked writer cuts pieces
 * by UTF-8 bytes without encoding each character, the store reads back equal,
 * and the writer leaves what it wrote where store-from-disk.ts finds it (so
 * the page build takes the store from memory instead of parsing it again).
 * The modules are imported by path: Astro does not export them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { storeModule, WRITTEN_STORE } from '../../src/loader/store-from-disk.ts';

type Collections = Map<string, Map<string, unknown>>;
interface WriterModule {
  ChunkedWriter: new (dir: URL, chunkSize: number) => { write(collections: Collections): Promise<boolean> };
}
interface ReaderModule {
  ImmutableDataStore: { manifestToMap(manifest: Record<string, unknown[]>): Collections };
}

const astroContent = (file: string) => pathToFileURL(path.resolve('node_modules/astro/dist/content', file)).href;
const { ChunkedWriter } = (await import(astroContent('data-store-writer.js'))) as WriterModule;
const { ImmutableDataStore } = (await import(astroContent('data-store.js'))) as ReaderModule;

const written = Symbol.for(WRITTEN_STORE);
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  delete (globalThis as Record<symbol, unknown>)[written];
});

/** Entries with Japanese text, an emoji (a surrogate pair) and a Date, inserted out of order. */
function sampleCollections(): Collections {
  const entry = (id: string, title: string) => ({ id, data: { title, date: new Date(`${id}T00:00:00Z`), note: '学習ログ😀'.repeat(5) }, digest: id });
  return new Map([
    ['logs', new Map([['2025-08-04', entry('2025-08-04', '二日目')], ['2025-08-03', entry('2025-08-03', '初日 — Lambda の実装')]])],
  ]);
}

async function writeStore(chunkSize: number): Promise<{ folder: string; collections: Collections }> {
  const folder = `${mkdtempSync(path.join(os.tmpdir(), 'nisshi-astro-store-'))}${path.sep}`;
  folders.push(folder);
  const collections = sampleCollections();
  await new ChunkedWriter(pathToFileURL(folder), chunkSize).write(collections);
  return { folder, collections };
}

describe("Astro's chunked store, as patched", () => {
  it('cuts the store into pieces of about the chunk size in bytes, never inside a character, and reads back the same entries', async () => {
    const { folder, collections } = await writeStore(64);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as Record<string, string[]>;
    const pieces = manifest.logs ?? [];
    expect(pieces.length).toBeGreaterThan(5);
    // A piece ends between characters, as Astro's own writer cuts: at most one character (≤ 3 bytes here) past the size.
    for (const piece of pieces) expect(statSync(path.join(folder, piece)).size).toBeLessThanOrEqual(64 + 3);
    for (const piece of pieces) expect(readFileSync(path.join(folder, piece), 'utf8')).not.toContain('\uFFFD');
    const read = ImmutableDataStore.manifestToMap({ logs: pieces.map((piece) => readFileSync(path.join(folder, piece), 'utf8')) });
    expect([...(read.get('logs')?.keys() ?? [])]).toEqual(['2025-08-03', '2025-08-04']);
    expect(read.get('logs')?.get('2025-08-03')).toEqual(collections.get('logs')?.get('2025-08-03'));
    expect(readdirSync(folder).sort()).toEqual([...pieces, 'manifest.json'].sort());
  });

  it('leaves what it wrote for the page build: folder, manifest text, collections sorted by id', async () => {
    const { folder, collections } = await writeStore(1024 * 1024);
    const left = (globalThis as Record<symbol, unknown>)[written] as { dir: string; manifest: string; collections: Collections };
    const manifestText = readFileSync(path.join(folder, 'manifest.json'), 'utf8');
    expect(left.dir).toBe(pathToFileURL(folder).href);
    expect(left.manifest).toBe(manifestText);
    expect([...(left.collections.get('logs')?.keys() ?? [])]).toEqual(['2025-08-03', '2025-08-04']);
    expect(left.collections.get('logs')?.get('2025-08-04')).toBe(collections.get('logs')?.get('2025-08-04'));

    // store-from-disk's module takes it as it is, and without it reads pieces that parse to the same store.
    const modulePath = path.join(folder, 'store.mjs');
    writeFileSync(modulePath, storeModule(manifestText, folder));
    expect(((await import(pathToFileURL(modulePath).href)) as { default: unknown }).default).toBe(left.collections);
    delete (globalThis as Record<symbol, unknown>)[written];
    const fromDisk = path.join(folder, 'store-from-disk.mjs');
    writeFileSync(fromDisk, storeModule(manifestText, folder));
    const pieces = ((await import(pathToFileURL(fromDisk).href)) as { default: Record<string, string[]> }).default;
    expect(ImmutableDataStore.manifestToMap(pieces)).toEqual(left.collections);
  });
});
