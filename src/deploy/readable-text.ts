/**
 * The texts a person could get out of a built file's bytes, for the secret
 * scan: what a browser would show, and what anyone downloading the file
 * could read. Decided by the bytes, never the name, since a `.png` may hold
 * plain text and a `.pf_filter` may be gzip:
 *
 * - compressed data is unpacked, layer by layer: gzip and zstd by their magic
 *   numbers, zlib by its header, brotli (which has no magic number) by trying
 *   it on bytes that are not text; a layer that does not unpack is read as it is;
 * - a known binary format (image, font, wasm, PDF, zip, media, by magic
 *   number) is read only as Latin-1, for the text a metadata block can hold;
 * - anything else is text: UTF-16 by its byte-order mark, else UTF-8; bytes
 *   holding NULs, which UTF-8 text never does, are also read as UTF-16 both
 *   ways (ASCII in UTF-16 without a BOM is every other byte zero).
 *
 * Unpacking is bounded (MAX_UNPACKED bytes), so a zip bomb is reported as
 * unreadable rather than filling memory.
 */
import * as zlib from 'node:zlib';

/** Read by the scan's version check (scan-build.ts): a change here rescans every file. */
export const READABLE_TEXT_SOURCE = import.meta.url;

export const MAX_UNPACKED = 64 * 1024 * 1024;
const MAX_LAYERS = 4;

export interface ReadableText {
  text: string;
  /** How it was read, e.g. `gzip, utf-16le`: shown with a finding. */
  how: string;
}

export type Readable = { texts: ReadableText[] } | { unreadable: string };

const SIGNATURES: ReadonlyArray<[string, (bytes: Buffer) => boolean]> = [
  ['png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['ico', (b) => b.length > 4 && b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0],
  ['bmp', (b) => b.subarray(0, 2).toString('latin1') === 'BM' && b.length > 26 && b.readUInt32LE(2) === b.length],
  ['woff', (b) => ['wOFF', 'wOF2'].includes(b.subarray(0, 4).toString('latin1'))],
  ['font', (b) => b.subarray(0, 4).equals(Buffer.from([0, 1, 0, 0])) || ['OTTO', 'true', 'ttcf'].includes(b.subarray(0, 4).toString('latin1'))],
  ['wasm', (b) => b.subarray(0, 4).equals(Buffer.from([0x00, 0x61, 0x73, 0x6d]))],
  ['pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['zip', (b) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)],
  ['media', (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' || ['OggS', 'ID3\u0003', 'ID3\u0004', 'fLaC'].includes(b.subarray(0, 4).toString('latin1')) || b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))],
];

/** The format a file's first bytes name, if it is one of the binaries above. */
export function binaryFormat(bytes: Buffer): string | undefined {
  return SIGNATURES.find(([, matches]) => matches(bytes))?.[0];
}

const isGzip = (b: Buffer) => b[0] === 0x1f && b[1] === 0x8b;
const isZstd = (b: Buffer) => b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd;
/** RFC 1950: deflate with a 32K window or less, the header's check bits right, no preset dictionary. */
const isZlib = (b: Buffer) => b.length > 2 && (b[0]! & 0x0f) === 8 && (b[0]! >> 4) <= 7 && ((b[0]! << 8) | b[1]!) % 31 === 0 && (b[1]! & 0x20) === 0;

/**
 * Bytes no text file has: C0 controls other than tab, line ends, form feed
 * and escape, or a sequence that is not UTF-8. Brotli is tried only on these.
 */
export function looksBinary(bytes: Buffer): boolean {
  for (const byte of bytes.subarray(0, 4096)) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return true;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** @param guess whether to try brotli, which has no magic number (only on the file's own bytes, not on what a layer unpacked to). */
function unpackOnce(bytes: Buffer, guess: boolean): { bytes: Buffer; how: string } | 'too-large' | undefined {
  const options = { maxOutputLength: MAX_UNPACKED };
  const attempt = (how: string, unpack: () => Buffer) => {
    try {
      return { bytes: unpack(), how };
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|too large/i.test(String(error))
        ? ('too-large' as const)
        : undefined;
    }
  };
  if (isGzip(bytes)) return attempt('gzip', () => zlib.gunzipSync(bytes, options));
  // zstd is in node:zlib from Node 22.15 on; the deploy bundle may run on an older Node (namespace import, no link error).
  if (isZstd(bytes) && typeof zlib.zstdDecompressSync === 'function') return attempt('zstd', () => zlib.zstdDecompressSync(bytes, options));
  if (isZlib(bytes)) {
    const inflated = attempt('deflate', () => zlib.inflateSync(bytes, options));
    if (inflated !== undefined) return inflated;
  }
  if (guess && bytes.length > 0 && binaryFormat(bytes) === undefined && looksBinary(bytes)) {
    const unpacked = attempt('brotli', () => zlib.brotliDecompressSync(bytes, options));
    // Random bytes seldom pass for brotli, and then unpack to nothing worth reading: keep only a real result.
    if (unpacked === 'too-large' || (unpacked !== undefined && unpacked.bytes.length > 0)) return unpacked;
  }
  return undefined;
}

function decodeText(bytes: Buffer, layers: readonly string[]): ReadableText[] {
  const how = (encoding: string) => [...layers, encoding].join(', ');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return [{ text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), how: how('utf-16le') }];
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return [{ text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), how: how('utf-16be') }];
  const texts: ReadableText[] = [{ text: bytes.toString('utf8').replace(/^\ufeff/, ''), how: how('utf-8') }];
  if (bytes.includes(0)) {
    if (hasUtf16Ascii(bytes, 0)) texts.push({ text: new TextDecoder('utf-16le').decode(bytes), how: how('utf-16le') });
    if (hasUtf16Ascii(bytes, 1)) texts.push({ text: new TextDecoder('utf-16be').decode(bytes), how: how('utf-16be') });
  }
  return texts;
}

/** Shortest run of ASCII characters in UTF-16 worth reading the bytes as UTF-16 for (a key is longer). */
const UTF16_RUN = 8;

/**
 * Whether the bytes hold ASCII text in UTF-16 without a BOM: a run of
 * UTF16_RUN printable ASCII code units, each a printable byte beside a zero
 * (after it in little-endian, `at` 0; before it in big-endian, `at` 1). Other
 * binary data (a search index) seldom has one, and is then not decoded twice more.
 */
export function hasUtf16Ascii(bytes: Buffer, at: 0 | 1): boolean {
  let run = 0;
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    const char = bytes[index + at] as number;
    const zero = bytes[index + 1 - at];
    if (zero === 0 && ((char >= 0x20 && char < 0x7f) || char === 0x09 || char === 0x0a || char === 0x0d)) {
      if (++run >= UTF16_RUN) return true;
    } else run = 0;
  }
  return false;
}

/** Every text the bytes can be read as (see the module's comment), or why they cannot be read whole. */
export function readableTexts(bytes: Buffer): Readable {
  const layers: string[] = [];
  let current = bytes;
  const texts: ReadableText[] = [];
  for (let depth = 0; depth < MAX_LAYERS; depth++) {
    const unpacked = unpackOnce(current, depth === 0);
    if (unpacked === 'too-large') return { unreadable: `unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MiB` };
    if (unpacked === undefined) break;
    // A guess (brotli) that unpacked may still have been text after all: read the bytes as they were too.
    if (unpacked.how === 'brotli') texts.push(...decodeText(current, layers));
    layers.push(unpacked.how);
    current = unpacked.bytes;
  }
  const format = binaryFormat(current);
  if (format !== undefined) texts.push({ text: current.toString('latin1'), how: [...layers, format].join(', ') });
  else texts.push(...decodeText(current, layers));
  return { texts };
}
