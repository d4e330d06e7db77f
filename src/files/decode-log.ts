/**
 * A log's bytes into its text: UTF-8 (a leading BOM dropped), or, for bytes
 * that are not, a lossy decoding and an `encoding` error naming the first bad
 * byte and the command that converts a Shift_JIS or EUC-JP file. Pure, so it
 * is tested on bytes; its code is part of the record index's key.
 */
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../record/schema.ts';
import { diagnose } from '../record/rules.ts';

export interface DecodedLog {
  text: string;
  /** Set when the bytes are not UTF-8; `text` then holds a lossy decoding with U+FFFD. */
  encodingError: Diagnostic | null;
}

const lossyUtf8 = new TextDecoder('utf-8');

/**
 * Decodes a log's bytes as UTF-8 (a leading BOM is dropped). Bytes that are not
 * UTF-8 (a log saved as Shift_JIS, say) become an `encoding` error pointing at the
 * first bad byte, and the text is still decoded lossily so the rest of the log can
 * be checked — one bad file must not stop a check of a thousand.
 */
export function decodeLog(bytes: Uint8Array, displayPath = 'log.md'): DecodedLog {
  // Node's native check and decoder: a third of the time TextDecoder's fatal mode takes on a day's 1 KB log.
  if (isUtf8(bytes)) {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('utf8'), encodingError: null };
  }
  const offset = firstInvalidUtf8Offset(bytes);
  // Everything before the first bad byte is valid, so it decodes exactly.
  const before = lossyUtf8.decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  const lastLine = lines[lines.length - 1] ?? '';
  const legacy = legacyJapaneseEncoding(bytes);
  const convert = legacy
    ? { encoding: legacy.name, command: `iconv -f ${legacy.iconv} -t UTF-8 ${quote(displayPath)} > converted.md && mv converted.md ${quote(displayPath)}` }
    : null;
  return {
    text: lossyUtf8.decode(bytes),
    encodingError: diagnose('encoding', lines.length, lastLine.length + 1, { byte: hex(bytes[offset]), offset, convert }),
  };
}

const legacyEncodings = [
  { name: 'Shift_JIS', iconv: 'SHIFT_JIS', label: 'shift_jis' },
  { name: 'EUC-JP', iconv: 'EUC-JP', label: 'euc-jp' },
] as const;

/**
 * The older Japanese encoding a log was saved in, if the whole file decodes as
 * one of them into Japanese text. Bytes can decode as both (EUC-JP reads as
 * half-width katakana in Shift_JIS), so the reading with more kana and kanji wins.
 */
export function legacyJapaneseEncoding(bytes: Uint8Array): (typeof legacyEncodings)[number] | null {
  let best: { encoding: (typeof legacyEncodings)[number]; score: number } | null = null;
  for (const encoding of legacyEncodings) {
    let text: string;
    try {
      text = new TextDecoder(encoding.label, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    const japanese = text.match(/[\u3040-\u30ff\u4e00-\u9fff]/g)?.length ?? 0;
    const halfWidthKana = text.match(/[\uff61-\uff9f]/g)?.length ?? 0;
    const score = japanese - halfWidthKana;
    if (score > 0 && (!best || score > best.score)) best = { encoding, score };
  }
  return best?.encoding ?? null;
}

/** A path as a shell word, quoted only when it needs to be. */
function quote(filePath: string): string {
  return /^[\w./-]+$/.test(filePath) ? filePath : `'${filePath.replaceAll("'", "'\\''")}'`;
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence
 * (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead < 0x80) {
      i += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0;
      if (lead === 0xed) max = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (next === undefined || next < low || next > high) return i;
    }
    i += length;
  }
  return bytes.length;
}
