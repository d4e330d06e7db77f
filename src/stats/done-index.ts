/**
 * An index of the done checklist items of all logs, by normalised text, so
 * that finding where a plan was done costs a few map lookups instead of a
 * scan over every later log (3,650 logs × 20 plans would be quadratic).
 *
 * Exact matches are one lookup. Contains-matches (see keysMatch) go through
 * 4-character grams, 4 being the shortest text allowed to match by
 * containment: a done text that contains the plan shares every gram of the
 * plan, so only the done texts listed under the plan's rarest gram are
 * checked; a done text the plan contains starts with a gram found at some
 * position of the plan, so only the done texts starting with one of the
 * plan's grams are checked. Matches are remembered per plan text.
 */
import type { LogRecord } from '../record/schema.ts';
import type { ChecklistCore } from './types.ts';
import { MIN_CONTAINED_LENGTH } from './plan-key.ts';

const GRAM = MIN_CONTAINED_LENGTH;

/** One done checklist item. */
export interface DoneMark {
  slug: string;
  date: string;
  line: number;
  text: string;
}

export interface DoneIndex {
  /** The earliest done item whose key matches `key`, in a log dated strictly after `after`; null if none. */
  firstDoneAfter(key: string, after: string): DoneMark | null;
}

/** `records` oldest first, as datedRecords returns them; `keyOf` is the plan normaliser. */
export function indexDoneItems(records: ReadonlyArray<Pick<LogRecord, 'slug'> & { date: string; checklist: readonly ChecklistCore[] }>, keyOf: (text: string) => string): DoneIndex {
  const keys: string[] = [];
  /** Per key, its done items oldest first (date, then slug, then line). */
  const marks: DoneMark[][] = [];
  const idOf = new Map<string, number>();
  for (const record of records) {
    const done = record.checklist.filter((item) => item.done).sort((a, b) => a.line - b.line);
    for (const item of done) {
      const key = keyOf(item.text);
      if (key === '') continue;
      let id = idOf.get(key);
      if (id === undefined) {
        id = keys.push(key) - 1;
        marks.push([]);
        idOf.set(key, id);
      }
      marks[id]!.push({ slug: record.slug, date: record.date, line: item.line, text: item.text });
    }
  }
  const { gramPostings, headPostings } = gramIndex(keys);
  const matchMemo = new Map<string, number[]>();

  const matchingIds = (key: string): number[] => {
    let ids = matchMemo.get(key);
    if (ids) return ids;
    const found = new Set<number>();
    const exact = idOf.get(key);
    if (exact !== undefined) found.add(exact);
    const { grams, offsets } = gramsOf(key);
    if (grams.length > 0) {
      for (const id of rarestPosting(grams, gramPostings)) {
        if (keys[id]!.length > key.length && keys[id]!.includes(key)) found.add(id);
      }
      grams.forEach((gram, position) => {
        for (const id of headPostings.get(gram) ?? []) {
          if (keys[id]!.length < key.length && key.startsWith(keys[id]!, offsets[position])) found.add(id);
        }
      });
    }
    ids = [...found];
    matchMemo.set(key, ids);
    return ids;
  };

  return {
    firstDoneAfter(key, after) {
      if (key === '') return null;
      let best: DoneMark | null = null;
      for (const id of matchingIds(key)) {
        const mark = firstAfter(marks[id]!, after);
        if (mark && (best === null || isEarlier(mark, best))) best = mark;
      }
      return best;
    },
  };
}

/** Every distinct gram of each key long enough to be contained, and each such key's first gram. */
function gramIndex(keys: readonly string[]): { gramPostings: Map<string, number[]>; headPostings: Map<string, number[]> } {
  const gramPostings = new Map<string, number[]>();
  const headPostings = new Map<string, number[]>();
  keys.forEach((key, id) => {
    const { grams } = gramsOf(key);
    if (grams.length === 0) return;
    for (const gram of new Set(grams)) append(gramPostings, gram, id);
    append(headPostings, grams[0]!, id);
  });
  return { gramPostings, headPostings };
}

function append(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** The GRAM-code-point substrings of a key, by position, and where each starts in UTF-16 units. */
function gramsOf(key: string): { grams: string[]; offsets: number[] } {
  const points = Array.from(key);
  const grams: string[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (let i = 0; i + GRAM <= points.length; i++) {
    grams.push(points.slice(i, i + GRAM).join(''));
    offsets.push(offset);
    offset += points[i]!.length;
  }
  return { grams, offsets };
}

/** The shortest posting list among the grams; empty when one gram is in no key (then no key contains them all). */
function rarestPosting(grams: readonly string[], postings: Map<string, number[]>): readonly number[] {
  let rarest: number[] | null = null;
  for (const gram of grams) {
    const list = postings.get(gram);
    if (!list) return [];
    if (rarest === null || list.length < rarest.length) rarest = list;
  }
  return rarest ?? [];
}

/** The first mark dated after `after`, by binary search over marks sorted by date. */
function firstAfter(marks: readonly DoneMark[], after: string): DoneMark | null {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (marks[middle]!.date <= after) low = middle + 1;
    else high = middle;
  }
  return marks[low] ?? null;
}

function isEarlier(a: DoneMark, b: DoneMark): boolean {
  if (a.date !== b.date) return a.date < b.date;
  if (a.slug !== b.slug) return a.slug < b.slug;
  return a.line < b.line;
}
