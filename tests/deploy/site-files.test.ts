import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isKnownBinary, readSiteTexts, siteFileText } from '../../src/deploy/site-files.ts';

describe('the readable text of a built site', () => {
  it('unpacks Pagefind chunks, reads dotfiles and unknown extensions, skips known binaries', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'nisshi-site-files-'));
    await mkdir(path.join(root, 'pagefind/fragment'), { recursive: true });
    await writeFile(path.join(root, 'pagefind/fragment/ja_1.pf_fragment'), gzipSync('{"content":"本文"}'));
    await writeFile(path.join(root, 'pagefind/wasm.ja.pagefind'), gzipSync('\0asm'));
    await writeFile(path.join(root, '.env'), 'A=1\n');
    await writeFile(path.join(root, 'notes.weird'), 'text\n');
    await writeFile(path.join(root, 'logo.png'), Buffer.from([0x89, 0x50]));
    const texts = Object.fromEntries([...readSiteTexts(root)].map((file) => [file.path, file.text]));
    expect(texts).toEqual({ '.env': 'A=1\n', 'notes.weird': 'text\n', 'pagefind/fragment/ja_1.pf_fragment': '{"content":"本文"}' });
    await rm(root, { recursive: true });
  });

  it('reads a Pagefind chunk that is not gzip as it is, rather than skipping it', () => {
    expect(siteFileText('pagefind/x.pf_meta', Buffer.from('plain'))).toBe('plain');
    expect(isKnownBinary('fonts/a.woff2')).toBe(true);
    expect(isKnownBinary('.htaccess')).toBe(false);
  });
});
