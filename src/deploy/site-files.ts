/**
 * Every built file as the text a reader could get out of it, for the checks
 * that look for what must not be published (the deploy's secret scan, and
 * any later audit of dist/). Known binaries (images, fonts, wasm) are left
 * out; Pagefind's index chunks are gzip, which pagefind.js unpacks in the
 * browser, so they are unpacked here too: the search fragments hold each
 * page's whole text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listFiles } from '../files/list-files.ts';

/** Extensions whose bytes are not text a person wrote (lower case, no dot). */
const BINARY_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'ico', 'bmp', 'tif', 'tiff',
  'woff', 'woff2', 'ttf', 'otf', 'eot',
  'pdf', 'wasm', 'zip', 'br', 'mp3', 'mp4', 'webm', 'ogg',
  // Pagefind's gzip-compressed WebAssembly (wasm.<language>.pagefind).
  'pagefind',
]);

/** Pagefind's own gzip-compressed chunks: search fragments, word index, metadata. */
const PAGEFIND_COMPRESSED = new Set(['pf_fragment', 'pf_index', 'pf_meta']);

function extensionOf(sitePath: string): string {
  const name = sitePath.slice(sitePath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  // A dotfile such as `.env` has no extension: it is text.
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function isKnownBinary(sitePath: string): boolean {
  return BINARY_EXTENSIONS.has(extensionOf(sitePath));
}

/**
 * The readable text of one built file, or undefined for a known binary. A
 * Pagefind chunk that does not unpack is read as it is (it is then scanned
 * raw rather than skipped).
 */
export function siteFileText(sitePath: string, bytes: Buffer): string | undefined {
  const extension = extensionOf(sitePath);
  if (BINARY_EXTENSIONS.has(extension)) return undefined;
  if (PAGEFIND_COMPRESSED.has(extension)) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch {
      return bytes.toString('utf8');
    }
  }
  return bytes.toString('utf8');
}


export interface SiteFileText {
  path: string;
  text: string;
}

/** Every non-binary file of a built site with its readable text (Pagefind chunks unpacked). */
export function* readSiteTexts(root: string): Generator<SiteFileText> {
  for (const sitePath of listFiles(root)) {
    if (isKnownBinary(sitePath)) continue;
    const text = siteFileText(sitePath, readFileSync(path.join(root, sitePath)));
    if (text !== undefined) yield { path: sitePath, text };
  }
}
