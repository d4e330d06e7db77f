/**
 * Carried items: what `nisshi new` brought over from earlier days, which are
 * not the day's own tasks. An item is carried when it stands under a carried
 * heading (## 持ち越し, vocabulary.carriedHeadings) or ends in one of the two
 * asides `nisshi new` writes, which this module also writes:
 *
 *   - [ ] テストを書く（8/1 の計画）             a plan not done yet
 *   - [ ] テストを書く（2024/12/20 の計画）      …from another year than the log's
 *   - [ ] デプロイが権限エラーで失敗 未完了（12/6） a task or finding left open that day
 *
 * The day named is when the plan was first written or the task left open:
 * the carry-over ages items from it (stats/carry-over.ts). A carried item
 * ticked says its plan was done that day (stats/plan-chains.ts).
 */
import type { ChecklistItem } from '../../record/schema.ts';
import { formatDate, isValidDate } from '../date-forms.ts';
import type { SectionHeading } from '../outline.ts';
import { headingKey, keyMatches, type Vocabulary } from '../vocabulary.ts';

export type CarriedKind = 'plan' | 'unfinished';

// (?<!\s): a run of spaces is tried once, from its start.
const planAside = /(?<!\s)\s*[（(](?:([0-9０-９]{4})[/／])?([0-9０-９]{1,2})[/／]([0-9０-９]{1,2})[ 　]?の計画[)）]\s*$/u;
const unfinishedAside = /(?<!\s)\s*未完了[ 　]?[（(](?:([0-9０-９]{4})[/／])?([0-9０-９]{1,2})[/／]([0-9０-９]{1,2})[)）]\s*$/u;
/** One trailing bracketed aside, tried when a carried aside is followed by another (（8/1 の計画）（中止）). */
const lastAside = /(?<!\s)\s*[（(][^（()）]*[)）]\s*$/u;

export interface CarriedAside {
  kind: CarriedKind;
  /** The day it names, YYYY-MM-DD; null when it is no real day. */
  from: string | null;
  /** Where the aside starts in the text: the text before it is the item's own. */
  index: number;
}

const number = (digits: string | undefined): number => Number(digits?.normalize('NFKC'));

/** The day of an aside: its year when written, else the latest such day on or before the log's date. */
function asideDate(match: RegExpExecArray, logDate: string | null): string | null {
  const month = number(match[2]);
  const day = number(match[3]);
  let year = match[1] ? number(match[1]) : logDate ? Number(logDate.slice(0, 4)) : null;
  if (year === null) return null;
  if (!match[1] && logDate && formatDate(year, month, day) > logDate) year--;
  return isValidDate(year, month, day) ? formatDate(year, month, day) : null;
}

function readAt(text: string, logDate: string | null): CarriedAside | null {
  const plan = planAside.exec(text);
  if (plan) return { kind: 'plan', from: asideDate(plan, logDate), index: plan.index };
  const unfinished = unfinishedAside.exec(text);
  if (unfinished) return { kind: 'unfinished', from: asideDate(unfinished, logDate), index: unfinished.index };
  return null;
}

/** The carried aside an item's text ends in, before at most one more aside (a drop word); null when none. */
export function readCarriedAside(text: string, logDate: string | null): CarriedAside | null {
  const found = readAt(text, logDate);
  if (found) return found;
  const last = lastAside.exec(text);
  return last && last.index > 0 ? readAt(text.slice(0, last.index), logDate) : null;
}

/** The item's text without a carried aside at its end (and the aside after it, if any). */
export function withoutCarriedAside(text: string): string {
  const aside = readCarriedAside(text, null);
  return aside ? text.slice(0, aside.index).trimEnd() : text;
}

/**
 * The aside `nisshi new` writes after a carried item: "（8/1 の計画）" for a
 * plan, " 未完了（12/6）" for a task or finding left open, with the year
 * ("（2024/12/20 の計画）") when it is not the new log's.
 */
export function carriedAsideText(kind: CarriedKind, from: string, logDate: string): string {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const date = `${from.slice(0, 4) === logDate.slice(0, 4) ? '' : `${year}/`}${month}/${day}`;
  return kind === 'plan' ? `（${date} の計画）` : ` 未完了（${date}）`;
}

/** Does a heading name the carried section (持ち越し)? Compared as heading keys, as the other section names are. */
export function isCarriedHeading(text: string, vocabulary: Vocabulary): boolean {
  return keyMatches(headingKey(text), vocabulary.carriedHeadings) !== null;
}

/** Does a heading name the continuing problems `nisshi new` lists (継続中の問題)? */
export function isContinuingHeading(text: string, vocabulary: Vocabulary): boolean {
  return keyMatches(headingKey(text), vocabulary.continuingHeadings) !== null;
}

/** A task item's carried mark: from its aside, else from a carried heading above it; null for the day's own. */
export function carriedMark(text: string, trail: readonly SectionHeading[], vocabulary: Vocabulary, logDate: string | null): ChecklistItem['carried'] {
  const aside = readCarriedAside(text, logDate);
  if (aside) return { kind: aside.kind, from: aside.from };
  return trail.some((heading) => isCarriedHeading(heading.text, vocabulary)) ? { kind: 'plan', from: null } : null;
}
