/**
 * The leak audit: reads every file of a build (Pagefind's compressed chunks
 * unpacked, site-files.ts) and looks for the text of what must never be
 * published — the private notes of the logs and whole draft logs — as the
 * audit's own reading of the logs finds it (private-text.ts, which shares no
 * code with the blanker that keeps them out of the build: a blanker that
 * misses a notation makes this audit fail, not pass). `nisshi audit dist` and
 * every `nisshi deploy` stop before anything is written when it finds one.
 *
 * What is compared: letters and digits only (every sign, space and piece of
 * markup taken out, on both sides), so markup, tags, entities, JSON escapes
 * and line breaks cannot hide a passage. A private line of 10 to 32 such
 * characters is looked for whole; a longer one as pieces of 16, so an excerpt
 * of 31 or more characters (a feed's summary, a search result) is still
 * found. Shorter lines, and pieces of fewer than 3 letters (a date, a number),
 * would match by chance and are left out; so is a piece also written in a
 * published part of some log, which is on the site by right.
 *
 * A cache (node_modules/.cache/nisshi/audit.json, safe to delete) keeps each
 * log's reading by its text, and which built files passed against which
 * passages (by hashes of both): a push that changes one log reads that log
 * and checks only the files whose bytes changed, or the new passages.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeString } from 'micromark-util-decode-string';
import { listFiles } from '../files/list-files.ts';
import { auditLog, dropComments, textLines, type AuditedLog } from './private-text.ts';
import { isKnownBinary, siteFileText } from './site-files.ts';

/** Letters and digits a passage needs to be looked for: shorter ones match by chance. */
export const MIN_PASSAGE = 10;
/** Longer passages are looked for as pieces of this many letters and digits. */
const PIECE = 16;
const WHOLE_UP_TO = 32;
/** Letters a piece needs: a run of digits (a date, 2021-01-09) is on many pages by right. */
const MIN_LETTERS = 3;
/** Bumped whenever what is looked for or how it is compared changes: older caches are then ignored. */
const AUDIT_RULES = 3;

export interface AuditLog {
  /** As shown to the writer, e.g. logs/2025-08-03.md. */
  path: string;
  text: string;
}

export interface Secret {
  kind: 'private' | 'draft';
  log: string;
  line: number;
  /** As written in the log, for the report. */
  passage: string;
  /** What is looked for: letters and digits of (a piece of) the passage. */
  needle: string;
}

export interface LeakFinding extends Secret {
  /** The build file holding it, relative to the build folder. */
  file: string;
}

/** Letters and digits only. */
function lettersAndDigits(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A log line as a page could show it: comments, tags and link targets out, references decoded. */
function shownText(line: string): string {
  return decodeString(dropComments(line).replace(/<[^<>]*>/g, ' ')).replace(/\]\([^()]*\)/g, ']');
}

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** What is looked for of one letters-and-digits run: itself, or its pieces. */
function needlesOfRun(letters: string): string[] {
  const characters = [...letters];
  if (characters.length < MIN_PASSAGE) return [];
  if (characters.length <= WHOLE_UP_TO) return letterCount(letters) >= MIN_LETTERS ? [letters] : [];
  const pieces: string[] = [];
  for (let at = 0; at < characters.length; at += PIECE) {
    const from = Math.min(at, characters.length - PIECE);
    const piece = characters.slice(from, from + PIECE).join('');
    if (letterCount(piece) >= MIN_LETTERS) pieces.push(piece);
  }
  return pieces;
}

/** Markup that splits a line into what a page shows as separate runs (emphasis, code, links, table cells, tags). */
const RUN_BREAKS = /<[^<>]*>|[*_~`[\]()|#>!]+/g;

/**
 * What is looked for of one private line: the whole line (letters and digits)
 * and each run of it between markup, so a page that shows only part of the
 * line (an emphasised phrase, one cell) is still caught.
 */
function needlesOf(line: string): string[] {
  const shown = shownText(line);
  const needles = new Set(needlesOfRun(lettersAndDigits(shown)));
  for (const run of shown.split(RUN_BREAKS)) for (const needle of needlesOfRun(lettersAndDigits(run))) needles.add(needle);
  return [...needles];
}

const hashOf = (text: string | Buffer, length = 32) => createHash('sha256').update(text).digest('hex').slice(0, length);

/** Where readings of logs are kept between audits, by a hash of the rules, the words and the log's text. */
export interface LogReadingCache {
  get(key: string): AuditedLog | undefined;
  set(key: string, reading: AuditedLog): void;
}

/**
 * What must not be published, from the logs' text: each line of a private
 * section or a draft's body, and the text inside private blocks, as needles;
 * needles also found in a published part of any log are left out.
 */
export function secretsOf(logs: readonly AuditLog[], privateHeadings: readonly string[] = ['非公開', 'private'], cache?: LogReadingCache): Secret[] {
  const candidates: Secret[] = [];
  const published: string[] = [];
  const wordsKey = JSON.stringify(privateHeadings);
  for (const log of logs) {
    const text = log.text.replace(/^\ufeff/, '');
    const key = hashOf(`${AUDIT_RULES}\0${wordsKey}\0${text}`);
    let reading = cache?.get(key);
    if (!reading) {
      reading = auditLog(text, privateHeadings);
      cache?.set(key, reading);
    }
    const kind = reading.draft ? 'draft' : 'private';
    const add = (line: number, secretText: string) => {
      for (const needle of needlesOf(secretText)) candidates.push({ kind, log: log.path, line, passage: secretText.trim(), needle });
    };
    // Nothing private: the whole log is published text, read at once (the common case, and most of the text).
    if (!reading.draft && reading.blocks.length === 0 && reading.sections.length === 0) {
      published.push(text);
      continue;
    }
    // The text with every private block marked out (line ends kept, so lines keep their numbers).
    const lineAt = lineFinder(text);
    const parts: string[] = [];
    let cursor = 0;
    for (const [start, end] of reading.blocks) {
      const firstLine = lineAt(start);
      textLines(text.slice(start, end)).forEach((part, index) => add(firstLine + index, part));
      parts.push(text.slice(cursor, start), text.slice(start, end).replace(/[^\r\n]/g, '\0'));
      cursor = end;
    }
    parts.push(text.slice(cursor));
    const sectionLines = new Set<number>();
    for (const [start, end] of reading.sections) for (let line = start; line <= end; line++) sectionLines.add(line);
    const original = textLines(text);
    const publicLines: string[] = [];
    // The same lines as the text (a block's characters are \0, its line ends kept).
    textLines(parts.join('')).forEach((line, index) => {
      if (sectionLines.has(index + 1)) add(index + 1, original[index] ?? '');
      // A published log's other lines, its frontmatter included (title and tags are on its page);
      // what stands on either side of a private block apart, so that it does not join.
      else if (!reading.draft) publicLines.push(line.replace(/\0+/g, '\n'));
    });
    // Joined as a page joins them (see publishedLetters); what stood on either side of a private block, apart.
    if (!reading.draft) published.push(...publicLines.join('').split('\n'));
  }
  if (candidates.length === 0) return [];
  // Read only now, and only when there is something to look for: it is most of the logs' text.
  const search = new NeedleSearch(candidates.map((secret) => secret.needle));
  const isPublic = new Set<string>();
  for (const text of published) for (const needle of search.findIn(publishedLetters(text))) isPublic.add(needle);
  const seen = new Set<string>();
  return candidates.filter((secret) => {
    if (seen.has(secret.needle) || isPublic.has(secret.needle)) return false;
    seen.add(secret.needle);
    return true;
  });
}

/**
 * A published text's letters and digits, its lines joined: a page shows two lines written one after the
 * other side by side (the built text is compared with no line ends either), so a piece across them is on
 * the site by right.
 */
function publishedLetters(text: string): string {
  return decodeString(dropComments(text).replace(/<[^<>]*>/g, ' ')).replace(/\]\([^()]*\)/g, ']').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Code units every needle's search key has: each needle has at least MIN_PASSAGE code points. */
const KEY = MIN_PASSAGE;
const BASE = 0x01000193;

/**
 * Many needles looked for in one pass over a text, in time linear in the text
 * whatever their number: a rolling hash of the last KEY code units at each
 * position, compared with the hashes of the needles' first KEY units; a
 * position whose hash is a needle's is then compared in full. (A regular
 * expression of hundreds of alternatives took seconds per megabyte.)
 */
export class NeedleSearch {
  readonly #byKey = new Map<number, string[]>();
  readonly #drop: number;

  constructor(needles: Iterable<string>) {
    for (const needle of new Set(needles)) {
      if (needle.length < KEY) continue;
      const key = hashUnits(needle, 0, KEY);
      this.#byKey.set(key, [...(this.#byKey.get(key) ?? []), needle]);
    }
    // BASE^(KEY-1), to take the oldest unit out of the rolling hash.
    let drop = 1;
    for (let i = 1; i < KEY; i++) drop = Math.imul(drop, BASE);
    this.#drop = drop;
  }

  get size(): number {
    return this.#byKey.size;
  }

  /** The needles that occur in the text (each once). */
  findIn(text: string): Set<string> {
    const found = new Set<string>();
    if (this.#byKey.size === 0 || text.length < KEY) return found;
    let hash = hashUnits(text, 0, KEY);
    for (let at = 0; ; at++) {
      const group = this.#byKey.get(hash);
      if (group) for (const needle of group) if (text.startsWith(needle, at)) found.add(needle);
      if (at + KEY >= text.length) break;
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), this.#drop), BASE) + text.charCodeAt(at + KEY)) | 0;
    }
    return found;
  }
}

function hashUnits(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/** The 1-based line of an offset, by a search over the line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (const end of text.matchAll(/\r\n|\r|\n/g)) starts.push(end.index + end[0].length);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** A built file's text as a reader sees it: tags out, entities and JSON escapes decoded. */
export function visibleText(text: string): string {
  return decodeString(text.replace(/<[^<>]*>/g, ' ')).replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Every built file that holds a secret's needle, in either form (as written, as shown). */
export function findLeaks(secrets: readonly Secret[], files: Iterable<{ path: string; text: string }>): LeakFinding[] {
  if (secrets.length === 0) return [];
  const search = new NeedleSearch(secrets.map((secret) => secret.needle));
  const findings: LeakFinding[] = [];
  for (const file of files) {
    const held = search.findIn(lettersAndDigits(file.text));
    for (const needle of search.findIn(lettersAndDigits(visibleText(file.text)))) held.add(needle);
    if (held.size === 0) continue;
    for (const secret of secrets) if (held.has(secret.needle)) findings.push({ ...secret, file: file.path });
  }
  return findings;
}

interface CacheFile {
  rules: number;
  logs: Record<string, AuditedLog>;
  /** Hashes of the needles the files below passed. */
  needles: string[];
  /** Hashes of the bytes of built files that held none of those needles. */
  files: string[];
}

function readCache(file: string | undefined): CacheFile | null {
  if (!file) return null;
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return cache.rules === AUDIT_RULES && Array.isArray(cache.needles) && Array.isArray(cache.files) && typeof cache.logs === 'object' ? cache : null;
  } catch {
    return null;
  }
}

function writeCache(file: string, cache: CacheFile): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(cache));
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only makes the next audit slower.
  }
}

export interface AuditResult {
  /** Built files read (not counting known binaries). */
  files: number;
  /** Of them, files whose bytes had passed against every passage already (the cache). */
  reused: number;
  secrets: number;
  findings: LeakFinding[];
}

/**
 * The audit of a build folder against the logs.
 * @param cacheFile where to keep what passed (e.g. node_modules/.cache/nisshi/audit.json); none when left out.
 */
export function auditBuild(distDir: string, logs: readonly AuditLog[], privateHeadings?: readonly string[], cacheFile?: string): AuditResult {
  const cache = readCache(cacheFile);
  const earlier = new Map(Object.entries(cache?.logs ?? {}));
  // Only the readings of today's logs are kept: a deleted or changed log's reading goes.
  const kept = new Map<string, AuditedLog>();
  const secrets = secretsOf(logs, privateHeadings, {
    get: (key) => {
      const reading = earlier.get(key);
      if (reading) kept.set(key, reading);
      return reading;
    },
    set: (key, reading) => void kept.set(key, reading),
  });
  const needleHashes = secrets.map((secret) => hashOf(secret.needle, 16));
  const checkedBefore = new Set(cache?.needles ?? []);
  const newSecrets = secrets.filter((_, index) => !checkedBefore.has(needleHashes[index]!));
  const passedBefore = new Set(cache?.files ?? []);
  const passed: string[] = [];
  const findings: LeakFinding[] = [];
  let files = 0;
  let reused = 0;
  for (const sitePath of listFiles(distDir)) {
    if (isKnownBinary(sitePath)) continue;
    files++;
    // Nothing to look for: no file needs reading (and none is remembered as passed).
    if (secrets.length === 0) continue;
    const bytes = readFileSync(path.join(distDir, sitePath));
    const hash = hashOf(bytes);
    const toCheck = passedBefore.has(hash) ? newSecrets : secrets;
    if (toCheck.length === 0) {
      reused++;
      passed.push(hash);
      continue;
    }
    const text = siteFileText(sitePath, bytes);
    const found = text === undefined ? [] : findLeaks(toCheck, [{ path: sitePath, text }]);
    if (found.length === 0) passed.push(hash);
    findings.push(...found);
  }
  if (cacheFile) writeCache(cacheFile, { rules: AUDIT_RULES, logs: Object.fromEntries(kept), needles: needleHashes, files: [...new Set(passed)] });
  return { files, reused, secrets: secrets.length, findings };
}
