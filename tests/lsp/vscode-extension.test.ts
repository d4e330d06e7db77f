/**
 * The VS Code extension (editors/vscode) packages to a .vsix with @vscode/vsce,
 * offline: the bundle holds vscode-languageclient and starts `nisshi lsp`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packageVscode } from '../../scripts/package-vscode.ts';

/** The files of a zip archive (a .vsix is one), read from its central directory. */
function zipEntries(archive: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const method = archive.readUInt16LE(at + 10);
    const compressed = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30);
    const comment = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataStart, dataStart + compressed);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('the VS Code extension', () => {
  it('packages to a .vsix that starts nisshi lsp through vscode-languageclient', async () => {
    const vsix = await packageVscode(mkdtempSync(path.join(tmpdir(), 'nisshi-vsix-')));
    const entries = zipEntries(readFileSync(vsix));
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['extension.vsixmanifest', 'extension/package.json', 'extension/out/extension.js']));
    // Only the bundle: no TypeScript sources, no node_modules.
    expect([...entries.keys()].filter((name) => name.endsWith('.ts') || name.includes('node_modules'))).toEqual([]);
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as { main: string; activationEvents: string[] };
    expect(manifest.main).toBe('./out/extension.js');
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown']);
    const bundle = entries.get('extension/out/extension.js')!.toString('utf8');
    expect(bundle).toContain('require("vscode")');
    expect(bundle).toContain('"lsp"');
    // vscode-languageclient is inside the bundle, not expected from the editor.
    expect(bundle).not.toContain('require("vscode-languageclient');
    expect(bundle).toMatch(/class LanguageClient\b|LanguageClient = class/);
  }, 60_000);
});
