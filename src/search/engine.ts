/**
 * Search over the index's logs, as the search page runs it: which logs hold
 * the query, in which order, and the passage to show. Pure and free of Node's
 * modules (it runs in the browser; the tests run it in Node too).
 *
 * A log is found when it holds the query's phrase, or, for a query of several
 * words, every word (text.ts: parseQuery). Ranked by where the phrase stands:
 *
 *   0  in the log's title
 *   1  in a problem's title or a plan
 *   2  in the body
 *   3  not as a phrase, but every word is on one line (or in the title, or in one problem title or plan)
 *   4  every word is there, apart
 *
 * and among equals the newer log first. "新しい順" orders by date alone.
 * Every comparison is a plain substring test on the searched form of the
 * text (compact(fold(…))): what is found contains what was typed, and what
 * contains it is found.
 */
import type { SearchDoc } from './extract.ts';
import { SearchText, searchForm, type Query } from './text.ts';

/** A log ready to be searched: its document and the searched forms of its fields. */
export interface IndexedLog {
  doc: SearchDoc;
  /** `2025`, or '' for a log without a date. */
  year: string;
  body: SearchText;
  title: string;
  keys: string[];
}

export function indexLog(doc: SearchDoc): IndexedLog {
  return { doc, year: doc.date?.slice(0, 4) ?? '', body: new SearchText(doc.text), title: searchForm(doc.title), keys: doc.keys.map(searchForm) };
}

export type Tier = 0 | 1 | 2 | 3 | 4;
export type SortOrder = 'relevance' | 'newest';

export interface Filters {
  /** `2025`, '' for logs without a date, undefined for every year. */
  year?: string;
  tag?: string;
}

export interface Hit {
  log: IndexedLog;
  tier: Tier;
}

export interface SearchOutcome {
  /** The logs found that pass the filters, in order. */
  hits: Hit[];
  /** How many logs found are of each year (with the tag filter) and have each tag (with the year filter): for the filters' choices. */
  years: Map<string, number>;
  tags: Map<string, number>;
}

/** Where the query stands in a log, or undefined when the log does not hold it. */
export function tierOf(log: IndexedLog, query: Query): Tier | undefined {
  const { phrase, terms } = query;
  if (log.title.includes(phrase)) return 0;
  if (log.keys.some((key) => key.includes(phrase))) return 1;
  if (log.body.searched.includes(phrase)) return 2;
  if (terms.length > 1 && terms.every((term) => log.body.searched.includes(term) || log.title.includes(term) || log.keys.some((key) => key.includes(term)))) {
    return onOneLine(log, terms) ? 3 : 4;
  }
  return undefined;
}

/** Lines of a long body looked at for words that stand together (a word on every line need not be followed further). */
const LINES_LOOKED_AT = 100;

/** Whether every word stands in one line of the body, in the title, or in one problem title or plan. */
function onOneLine(log: IndexedLog, terms: readonly string[]): boolean {
  const all = (text: string) => terms.every((term) => text.includes(term));
  if (all(log.title) || log.keys.some(all)) return true;
  const searched = log.body.searched;
  const [first] = terms;
  let looked = 0;
  for (let at = searched.indexOf(first!); at !== -1 && looked < LINES_LOOKED_AT; looked++) {
    const start = searched.lastIndexOf('\n', at) + 1;
    const endAt = searched.indexOf('\n', at);
    const end = endAt === -1 ? searched.length : endAt;
    if (all(searched.slice(start, end))) return true;
    at = endAt === -1 ? -1 : searched.indexOf(first!, end);
  }
  return false;
}

/** Newer first; a log without a date after every dated one; then by slug, newest-looking first. */
function byDate(a: Hit, b: Hit): number {
  const left = a.log.doc.date ?? '';
  const right = b.log.doc.date ?? '';
  if (left !== right) return left < right ? 1 : -1;
  return a.log.doc.slug < b.log.doc.slug ? 1 : a.log.doc.slug > b.log.doc.slug ? -1 : 0;
}

export function searchLogs(logs: Iterable<IndexedLog>, query: Query, filters: Filters = {}, sort: SortOrder = 'relevance'): SearchOutcome {
  const found: Hit[] = [];
  for (const log of logs) {
    const tier = tierOf(log, query);
    if (tier !== undefined) found.push({ log, tier });
  }
  const yearMatches = (hit: Hit) => filters.year === undefined || hit.log.year === filters.year;
  const tagMatches = (hit: Hit) => filters.tag === undefined || hit.log.doc.tags.includes(filters.tag);
  const years = new Map<string, number>();
  const tags = new Map<string, number>();
  const hits: Hit[] = [];
  for (const hit of found) {
    const inYear = yearMatches(hit);
    const withTag = tagMatches(hit);
    if (withTag) years.set(hit.log.year, (years.get(hit.log.year) ?? 0) + 1);
    if (inYear) for (const tag of hit.log.doc.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    if (inYear && withTag) hits.push(hit);
  }
  hits.sort(sort === 'newest' ? byDate : (a, b) => a.tier - b.tier || byDate(a, b));
  return { hits, years, tags };
}

/** A run of text, marked when it is (part of) the match. */
export interface Piece {
  text: string;
  mark: boolean;
}

/** The passage a result shows: the line of the body around the first match, and the heading it is under. */
export interface Passage {
  /** The id of the heading the passage is under ('' before the first heading: the top of the page). */
  section: string;
  /** That heading's text ('' for the top of the page). */
  heading: string;
  pieces: Piece[];
  /** Whether the line goes on before or after the piece shown. */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** How many times the phrase stands in the body (or, not found as a phrase, the first word found). */
  matches: number;
}

/** Characters shown before the match, and in all, in a passage. */
const BEFORE = 30;
const WIDTH = 110;

function occurrences(haystack: string, needle: string, from = 0, to = haystack.length, limit = Infinity): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle, from); at !== -1 && at < to && found.length < limit; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** [from, to) ranges merged where they touch or overlap, in order. */
function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function pieces(text: string, from: number, to: number, marks: Array<[number, number]>): Piece[] {
  const out: Piece[] = [];
  let at = from;
  for (const [start, end] of merge(marks)) {
    const markStart = Math.max(start, from);
    const markEnd = Math.min(end, to);
    if (markEnd <= markStart) continue;
    if (markStart > at) out.push({ text: text.slice(at, markStart), mark: false });
    out.push({ text: text.slice(markStart, markEnd), mark: true });
    at = markEnd;
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false });
  return out;
}

/** What to mark for a query: the phrase, or when a log holds it only word by word, each word. */
function needles(query: Query, haystack: string): string[] {
  return haystack.includes(query.phrase) ? [query.phrase] : query.terms;
}

/** A short text (a title) split into pieces with every match of the query marked. */
export function markText(text: string, query: Query): Piece[] {
  const searchText = new SearchText(text);
  const ranges: Array<[number, number]> = [];
  for (const needle of needles(query, searchText.searched)) {
    for (const at of occurrences(searchText.searched, needle)) ranges.push(searchText.originalRange(at, at + needle.length));
  }
  return pieces(text, 0, text.length, ranges);
}

/** Keeps a cut from splitting a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/** The passage of a log's body to show for a query, or undefined when the body does not hold it (a match in the title only). */
export function passageOf(log: IndexedLog, query: Query): Passage | undefined {
  const { body, doc } = log;
  const searched = body.searched;
  const wanted = needles(query, searched);
  const [first, firstNeedle] = bestMatch(searched, wanted);
  if (first === -1) return undefined;
  const text = doc.text;
  const [matchStart, matchEnd] = body.originalRange(first, first + firstNeedle.length);
  const lineStart = text.lastIndexOf('\n', matchStart - 1) + 1;
  const lineEndAt = text.indexOf('\n', matchEnd);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  const from = safeCut(text, Math.max(lineStart, Math.min(matchStart - BEFORE, lineEnd - WIDTH)));
  const to = safeCut(text, Math.min(lineEnd, Math.max(from + WIDTH, matchEnd)));
  // Matches near the first one, to mark every one the passage shows (searched and original positions differ by little).
  const ranges: Array<[number, number]> = [];
  for (const needle of wanted) {
    for (const at of occurrences(searched, needle, Math.max(0, first - WIDTH * 2), first + WIDTH * 2)) {
      ranges.push(body.originalRange(at, at + needle.length));
    }
  }
  const sectionAt = lastAtOrBefore(doc.sections, matchStart);
  const [sectionStart, section] = sectionAt ?? [0, ''];
  const headingEnd = text.indexOf('\n', sectionStart);
  return {
    section,
    heading: section === '' ? '' : text.slice(sectionStart, headingEnd === -1 ? text.length : headingEnd),
    pieces: pieces(text, from, to, ranges),
    clippedStart: from > lineStart,
    clippedEnd: to < lineEnd,
    matches: occurrences(searched, firstNeedle).length,
  };
}

/** Occurrences looked at to choose a passage (a word on every line of ten thousand need not all be). */
const CANDIDATES = 200;

/**
 * Where the passage is: the first match of the phrase; for words found apart,
 * the first line holding the most of them. [-1, ''] when the body holds none.
 */
function bestMatch(searched: string, wanted: readonly string[]): [number, string] {
  let best: [number, string] = [-1, ''];
  let bestCount = 0;
  for (const needle of wanted) {
    for (const at of occurrences(searched, needle, 0, searched.length, CANDIDATES)) {
      let count = 1;
      if (wanted.length > 1) {
        const lineStart = searched.lastIndexOf('\n', at) + 1;
        const lineEndAt = searched.indexOf('\n', at);
        const line = searched.slice(lineStart, lineEndAt === -1 ? searched.length : lineEndAt);
        count = wanted.filter((other) => line.includes(other)).length;
      }
      if (count > bestCount || (count === bestCount && at < best[0])) {
        best = [at, needle];
        bestCount = count;
      }
    }
  }
  return best;
}

/** The section that holds a position: the last one starting at or before it. */
function lastAtOrBefore(sections: ReadonlyArray<[number, string]>, position: number): [number, string] | undefined {
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sections[middle]![0] <= position) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? undefined : sections[low - 1];
}
