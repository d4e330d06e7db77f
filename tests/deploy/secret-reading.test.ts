/**
 * Issue 20's bypasses of the secret scan, each deployed for real against
 * s3rver: a key a browser (or anyone downloading the file) would read, however
 * it is packed, encoded or split, must stop the deploy before anything is
 * written, naming the file and line.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync, zstdCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, deployTo, useTestCredentials } from './helpers/deploy-env.ts';
import { readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';

// Built at run time so this file itself holds nothing a scanner would flag.
const keyId = ['AKIA', 'QWERTYUIOPASDFGH'].join('');
const stripeLive = ['sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc9XyZ'].join('');
const stripeRestricted = ['rk', '_live_', '51HxYz0123456789abcdefGHIJ'].join('');
const npmToken = ['npm', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');

let s3: TestS3;

beforeAll(async () => {
  useTestCredentials();
  s3 = await startS3();
});

afterAll(async () => {
  await s3.close();
});

type Change = (dist: string) => Promise<void>;

const write = (sitePath: string, bytes: string | Buffer): Change => async (dist) => {
  await mkdir(path.dirname(path.join(dist, sitePath)), { recursive: true });
  await writeFile(path.join(dist, sitePath), bytes);
};

const appendToPage = (html: string): Change => async (dist) => {
  const page = path.join(dist, 'logs/2025-08-04/index.html');
  await writeFile(page, `${await readFile(page, 'utf8')}${html}\n`);
};

const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

const split = (by: string) => `${keyId.slice(0, 8)}${by}${keyId.slice(8)}`;

/** [case, change, file:line the refusal must name, kind]. The fixture's page has 5 lines; appended text is line 6. */
const bypasses: [string, Change, string, string][] = [
  ['a .gz file (scanned as raw bytes before)', write('notes/keys.txt.gz', gzipSync(`memo\n${keyId}\n`)), 'notes/keys.txt.gz:2', 'AWS access key id'],
  ['a .br file', write('notes/keys.txt.br', brotliCompressSync(Buffer.from(`memo\nkey ${keyId}\n`))), 'notes/keys.txt.br:2', 'AWS access key id'],
  ['brotli under a text extension', write('notes/keys.txt', brotliCompressSync(Buffer.from(`key ${keyId}\n`))), 'notes/keys.txt:1', 'AWS access key id'],
  ['a gzipped .pf_filter', write('pagefind/filter/ja_0a1b2c3.pf_filter', gzipSync(`pagefind_dcd{"tag":["${keyId}"]}`)), 'pagefind/filter/ja_0a1b2c3.pf_filter:1', 'AWS access key id'],
  ['gzip inside gzip', write('a.json.gz', gzipSync(gzipSync(`{"k":"${keyId}"}`))), 'a.json.gz:1', 'AWS access key id'],
  ['zstd', write('a.zst', zstdCompressSync(Buffer.from(keyId))), 'a.zst:1', 'AWS access key id'],
  ['zlib deflate', write('a.bin', deflateSync(Buffer.from(`x ${keyId} y`))), 'a.bin:1', 'AWS access key id'],
  ['plain text in a .png', write('images/shot.png', `AWS key: ${keyId}\n`), 'images/shot.png:1', 'AWS access key id'],
  ['plain text in a .woff2', write('fonts/x.woff2', `\n\n${keyId}`), 'fonts/x.woff2:3', 'AWS access key id'],
  ['plain text in a .pagefind', write('pagefind/wasm.ja.pagefind', keyId), 'pagefind/wasm.ja.pagefind:1', 'AWS access key id'],
  ['a key in the text chunk of a real PNG', write('images/real.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`\0\0\0\x20tEXtComment\0${keyId}`)])), 'images/real.png:3', 'AWS access key id'], // the signature holds two line feeds
  ['UTF-16LE with a BOM', write('notes/u16.txt', utf16(`メモ\n${keyId}\n`, 'le', true)), 'notes/u16.txt:2', 'AWS access key id'],
  ['UTF-16BE with a BOM', write('notes/u16be.txt', utf16(`メモ\n${keyId}\n`, 'be', true)), 'notes/u16be.txt:2', 'AWS access key id'],
  ['UTF-16LE without a BOM', write('notes/u16-nobom.txt', utf16(`鍵 ${keyId}`, 'le', false)), 'notes/u16-nobom.txt:1', 'AWS access key id'],
  ['UTF-16BE without a BOM, gzipped', write('notes/u16.gz', gzipSync(utf16(`鍵 ${keyId}`, 'be', false))), 'notes/u16.gz:1', 'AWS access key id'],
  ['a key split by a raw soft hyphen', appendToPage(`<p>${split('\u00ad')}</p>`), 'index.html:6', 'AWS access key id'],
  ['a key split by a raw zero-width space', appendToPage(`<p>${split('\u200b')}</p>`), 'index.html:6', 'AWS access key id'],
  ['a key split by &shy;', appendToPage(`<p>${split('&shy;')}</p>`), 'index.html:6', 'AWS access key id'],
  ['a key split by &#8203;', appendToPage(`<p>${split('&#8203;')}</p>`), 'index.html:6', 'AWS access key id'],
  ['a key split by &#x200B without its semicolon', appendToPage(`<p>${split('&#x200B')}</p>`), 'index.html:6', 'AWS access key id'],
  ['a key split by &ZeroWidthSpace;', appendToPage(`<p>${split('&ZeroWidthSpace;')}</p>`), 'index.html:6', 'AWS access key id'],
  ['a key split by a word joiner and a variation selector', appendToPage(`<p>${keyId.slice(0, 5)}\u2060${keyId.slice(5, 9)}\ufe0f${keyId.slice(9)}</p>`), 'index.html:6', 'AWS access key id'],
  ['a key split by an HTML comment', appendToPage(`<p>${split('<!-- x > y -->')}</p>`), 'index.html:6', 'AWS access key id'],
  ['a URL-encoded key', appendToPage(`<a href="https://example.org/?k=%41%4B${keyId.slice(2)}">link</a>`), 'index.html:6', 'AWS access key id'],
  ['a double URL-encoded key', appendToPage(`<a href="/x?k=%2541${keyId.slice(1)}">link</a>`), 'index.html:6', 'AWS access key id'],
  ['a JSON-escaped key', write('data/extra.json', `{"note": "\\u0041${keyId.slice(1)}"}\n`), 'data/extra.json:1', 'AWS access key id'],
  ['a key in \\x escapes in a script', write('_astro/k.js', `const k = "\\x41\\x4b${keyId.slice(2)}";\n`), '_astro/k.js:1', 'AWS access key id'],
  ['a key followed directly by a tag', appendToPage(`<p>${keyId}<b>x</b></p>`), 'index.html:6', 'AWS access key id'],
  ['a key with an entity, followed directly by a tag', appendToPage(`<p>AKIA&#81;${keyId.slice(5)}<span>abc</span></p>`), 'index.html:6', 'AWS access key id'],
  ['a key split by a tag and glued to the next word', appendToPage(`<p>AKIA<strong>${keyId.slice(4)}</strong>x</p>`), 'index.html:6', 'AWS access key id'],
  ['a full-width key (typed with an IME)', appendToPage(`<p>${[...keyId].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('')}</p>`), 'index.html:6', 'AWS access key id'],
  ['a Stripe live secret key', appendToPage(`<code>${stripeLive}</code>`), 'index.html:6', 'Stripe key'],
  ['a Stripe restricted key', write('.env.production', `STRIPE=${stripeRestricted}\n`), '.env.production:1', 'Stripe key'],
  ['an npm token', write('.npmrc', `//registry.npmjs.org/:_authToken=${npmToken}\n`), '.npmrc:1', 'npm token'],
];

describe('the secret scan reads what a browser would read', () => {
  for (const [name, change, where, kind] of bypasses) {
    it(name, async () => {
      const dist = await copyFixture();
      await change(dist);
      const prefix = `reading-${bypasses.findIndex(([other]) => other === name)}/`;
      const run = deployTo(s3.endpoint, s3.bucket, prefix, undefined, { distDir: dist, language: 'en' });
      await expect(run).rejects.toThrow(/^refusing to deploy: \d+ built file line\(s\) look like a secret/);
      const message = await run.catch((error: Error) => error.message);
      expect(message).toContain(`${where}: ${kind}`);
      expect((await readBucket(s3, prefix)).size).toBe(0);
      await rm(dist, { recursive: true });
    });
  }

  it('names how a packed file was read, and refuses one that unpacks past the bound (a zip bomb)', async () => {
    const dist = await copyFixture();
    await write('notes/keys.txt.gz', gzipSync(utf16(keyId, 'le', true)))(dist);
    await write('bomb.gz', gzipSync(Buffer.alloc(65 * 1024 * 1024)))(dist);
    const message = await deployTo(s3.endpoint, s3.bucket, 'bomb/', undefined, { distDir: dist, language: 'en' }).catch((error: Error) => error.message);
    expect(message).toContain('notes/keys.txt.gz:1: AWS access key id (gzip, utf-16le)');
    expect(message).toContain('bomb.gz:1: unreadable (unpacks to more than 64 MiB)');
    expect((await readBucket(s3, 'bomb/')).size).toBe(0);
    await rm(dist, { recursive: true });
  });

  it('still deploys the fixture, and text about keys: no false alarm from the new readings', async () => {
    const dist = await copyFixture();
    await appendToPage('<p>鍵は AKIA で始まる 20 文字です。例: <code>AKIAIOSFODNN7EXAMPLE</code>、sk_live_ の後に続く値、npm_ で始まるトークン。</p>')(dist);
    await write('images/real.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]))(dist);
    expect((await deployTo(s3.endpoint, s3.bucket, 'clean-reading/', undefined, { distDir: dist })).uploaded).toBe(20);
    await rm(dist, { recursive: true });
  });
});
