/**
 * Finding log files on disk and turning their bytes into text, for the CLI and
 * the site's loader alike. The walk and the reads are the only I/O here;
 * decodeLog() is pure so it can be unit-tested. A path that cannot be used is
 * a LogPathError: the CLI turns it into a usage error, the loader into "no logs yet".
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { Diagnostic } from '../record/schema.ts';
import { diagnose } from '../record/rules.ts';
import { judgeLink } from './log-links.ts';
import { toPosix } from './to-posix.ts';

/** A path given to read logs from that does not exist, or is not a file or a folder. */
export class LogPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogPathError';
  }
}

export interface LogFile {
  /** What the person typed, joined with the part found inside a folder (`logs/2025/08/03.md`). */
  displayPath: string;
  /** Resolved against the working folder, used to read the file and to spot repeats. */
  absolutePath: string;
  /** Set for a link out of the logs folder: the error to report instead of reading it. */
  refusal?: Diagnostic;
}

/**
 * Expands the paths given on the command line into log files: a file stands for
 * itself (whatever its extension, because the person asked for it), a folder for
 * every `*.md` below it. Files keep the order of the arguments; within a folder
 * they are sorted by path so output is the same on every machine. A file reached
 * twice (`logs logs/a.md`) is listed once, or `check` would call it a duplicate slug.
 */
export async function findLogFiles(args: readonly string[], cwd: string): Promise<LogFile[]> {
  const found: LogFile[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const absolutePath = path.resolve(cwd, arg);
    const kind = await pathKind(arg, absolutePath);
    const files =
      kind === 'file'
        ? [{ displayPath: path.normalize(arg), absolutePath }]
        : (await markdownBelow(absolutePath)).map(({ relative, refusal }) => ({
            displayPath: path.join(arg, relative),
            absolutePath: path.join(absolutePath, relative),
            ...(refusal ? { refusal } : {}),
          }));
    for (const file of files) {
      if (seen.has(file.absolutePath)) continue;
      seen.add(file.absolutePath);
      found.push(file);
    }
  }
  return found;
}

async function pathKind(arg: string, absolutePath: string): Promise<'file' | 'folder'> {
  try {
    const stats = await stat(absolutePath);
    if (stats.isDirectory()) return 'folder';
    if (stats.isFile()) return 'file';
    throw new LogPathError(`${arg} is neither a file nor a folder; give log files or folders of logs`);
  } catch (error) {
    if (error instanceof LogPathError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new LogPathError(`no such file or folder: ${arg}`);
    }
    throw new LogPathError(`cannot read ${arg}: ${(error as Error).message}`);
  }
}

/** Relative paths of the `*.md` files below `root`, sorted by code unit so the order is locale-free. */
async function markdownBelow(root: string): Promise<Array<{ relative: string; refusal?: Diagnostic }>> {
  const results: Array<{ relative: string; refusal?: Diagnostic }> = [];
  const realRoot = await realpath(root);
  async function walk(relativeDir: string): Promise<void> {
    const entries = await readdir(path.join(root, relativeDir), { withFileTypes: true });
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const relative = path.join(relativeDir, entry.name);
      if (entry.isDirectory()) {
        await walk(relative);
      } else if (isLogName(entry.name) && entry.isFile()) {
        results.push({ relative });
      } else if (isLogName(entry.name) && entry.isSymbolicLink()) {
        // Linked files inside the logs folder are read; links out of it are refused (log-links.ts).
        const verdict = await judgeLink(path.join(root, relative), realRoot);
        if (verdict.kind === 'inside') results.push({ relative });
        else if (verdict.kind === 'outside') results.push({ relative, refusal: verdict.diagnostic });
      }
    }
  }
  await walk('');
  return results.sort((a, b) => comparePaths(a.relative, b.relative));
}

function comparePaths(a: string, b: string): number {
  const left = toPosix(a);
  const right = toPosix(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Dot entries are editor and VCS litter (.git, .obsidian, Emacs' `.#x.md` lock
 * links that point nowhere); node_modules is never somebody's diary. Neither is
 * walked into or read, at any depth.
 */
function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function isLogName(name: string): boolean {
  return name.endsWith('.md');
}

/**
 * Whether a path below the logs folder is a log by the rule the walk above
 * follows: what `astro dev`'s watcher and a language server ask of a file they
 * are told about. (A link's target is judged when it is read: log-links.ts.)
 */
export function isLogPath(absolutePath: string, baseDir: string): boolean {
  const relative = path.relative(baseDir, absolutePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const parts = relative.split(path.sep);
  return !parts.some(isSkippedName) && isLogName(relative);
}

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
