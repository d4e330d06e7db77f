import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { storeModule, WRITTEN_STORE } from '../../src/loader/store-from-disk.ts';

const folders: string[] = [];
const written = Symbol.for(WRITTEN_STORE);
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  delete (globalThis as Record<symbol, unknown>)[written];
});

/** Evaluates a store module written into `folder`, as the page build does. */
async function evaluate(code: string, folder: string, name = 'store.mjs'): Promise<unknown> {
  const modulePath = path.join(folder, name);
  writeFileSync(modulePath, code);
  return ((await import(pathToFileURL(modulePath).href)) as { default: unknown }).default;
}

function storeFolder(pieces: Record<string, string>): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'nisshi-store-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(pieces)) writeFileSync(path.join(folder, name), text);
  return `${folder}${path.sep}`;
}

describe('storeModule', () => {
  it('gives each collection its pieces, in order, as the text of their files', async () => {
    // A record may be cut anywhere between pieces, even inside a character's escape: the text is handed over as is.
    const pieces = { '00000000000000aa.txt': '["2025-08-03",{"title":"学習', '00000000000000bb.txt': 'ログ"}]\n', '00000000000000cc.txt': '["m",1]\n' };
    const folder = storeFolder(pieces);
    const code = storeModule(JSON.stringify({ logs: ['00000000000000aa.txt', '00000000000000bb.txt'], 'meta:logs': ['00000000000000cc.txt'] }), folder);
    const store = await evaluate(code, folder);
    expect(store).toEqual({ logs: [pieces['00000000000000aa.txt'], pieces['00000000000000bb.txt']], 'meta:logs': [pieces['00000000000000cc.txt']] });
  });

  it('holds none of the store in the module itself: the pieces are read when it runs', () => {
    const code = storeModule('{"logs":["0123456789abcdef.txt"]}', '/cache/data-store/');
    expect(code).toContain('readFileSync');
    expect(code).toContain('"/cache/data-store/"');
    expect(code.length).toBeLessThan(800);
  });

  it('hands over the collections the writer just wrote, without reading a piece, when the manifest is the same', async () => {
    const folder = storeFolder({});
    const manifest = '{"logs":["00000000000000aa.txt"]}';
    const collections = new Map([['logs', new Map([['2025-08-03', { id: '2025-08-03' }]])]]);
    (globalThis as Record<symbol, unknown>)[written] = { dir: pathToFileURL(folder).href, manifest, collections };
    // No piece file exists: a read would throw.
    expect(await evaluate(storeModule(manifest, folder), folder)).toBe(collections);
  });

  it('reads the pieces when what is in memory is another store: another manifest or another folder', async () => {
    const folder = storeFolder({ '00000000000000aa.txt': '["a",1]\n' });
    const collections = new Map();
    (globalThis as Record<symbol, unknown>)[written] = { dir: pathToFileURL(folder).href, manifest: '{"logs":["00000000000000bb.txt"]}', collections };
    const manifest = '{"logs":["00000000000000aa.txt"]}';
    expect(await evaluate(storeModule(manifest, folder), folder, 'other-manifest.mjs')).toEqual({ logs: ['["a",1]\n'] });
    (globalThis as Record<symbol, unknown>)[written] = { dir: pathToFileURL(path.join(folder, 'elsewhere/')).href, manifest, collections };
    expect(await evaluate(storeModule(manifest, folder), folder, 'other-folder.mjs')).toEqual({ logs: ['["a",1]\n'] });
  });

  it('refuses a piece name that is not one of the store (no path can be smuggled in)', () => {
    expect(() => storeModule('{"logs":["../../etc/passwd"]}', '/cache/data-store/')).toThrow(/not a piece of Astro's content store/);
    expect(() => storeModule('{"logs":["0123456789ABCDEF.txt"]}', '/cache/data-store/')).toThrow(/not a piece/);
  });

  it('makes an empty store of an empty manifest', () => {
    expect(storeModule('{}', '/cache/data-store/')).toContain(': {  };');
  });
});
