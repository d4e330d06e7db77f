/**
 * Review items: the learnings `nisshi new` brings back under ## 復習
 * (vocabulary.reviewHeadings), each a task item ending in the day it was
 * learned, linked to its line:
 *
 *   - [ ] Mangum: ASGIアプリをLambdaで動かすアダプター（[8/3 の学び](2025-08-03.md#L31)）
 *
 * Ticking one says it was reviewed that day (stats/spaced-review.ts). They
 * are not the day's own tasks: the checklist leaves them out.
 */
import type { ListItem, Nodes } from 'mdast';
import type { ReviewItem } from '../../record/schema.ts';
import { descendants, itemLines, joinLines, lineOf, type LogContext } from '../context.ts';
import { formatDate, isValidDate } from '../date-forms.ts';
import type { SectionHeading } from '../outline.ts';
import { headingKey, keyMatches, type Vocabulary } from '../vocabulary.ts';
import { withoutMark } from './marks.ts';

/** （8/3 の学び） or （2024/12/30 の学び） at the end of an item, in full- or half-width. */
// (?<!\s): a run of spaces is tried once, from its start.
const learnedAside = /(?<!\s)\s*[（(](?:([0-9０-９]{4})[/／])?([0-9０-９]{1,2})[/／]([0-9０-９]{1,2})[ 　]?の学び[)）]\s*$/u;
/** A link to a line of a log: 2025-08-03.md#L31. */
const lineFragment = /#L(\d+)$/;

function isReviewHeading(heading: SectionHeading, vocabulary: Vocabulary): boolean {
  return keyMatches(headingKey(heading.text), vocabulary.reviewHeadings) !== null;
}

/** Under a review heading, a task item whose text ends in the learned-on aside. */
function reviewItemOf(item: ListItem, trail: readonly SectionHeading[], context: LogContext): { text: string; aside: RegExpExecArray } | null {
  if (typeof item.checked !== 'boolean' || !trail.some((heading) => isReviewHeading(heading, context.vocabulary))) return null;
  const text = withoutMark(joinLines(itemLines(item, context))).text;
  const aside = learnedAside.exec(text);
  return aside ? { text, aside } : null;
}

/** Whether a task item is a review item, for the checklist to leave it out. */
export function isReviewItem(item: ListItem, trail: readonly SectionHeading[], context: LogContext): boolean {
  return reviewItemOf(item, trail, context) !== null;
}

/**
 * The day an aside names: its year when written, else the latest such day on
 * or before the log's date (a learning is always older than its review).
 */
function learnedOn(aside: RegExpExecArray, logDate: string | null): string | null {
  const number = (digits: string | undefined) => Number(digits?.normalize('NFKC'));
  const month = number(aside[2]);
  const day = number(aside[3]);
  let year = aside[1] ? number(aside[1]) : logDate ? Number(logDate.slice(0, 4)) : null;
  if (year === null) return null;
  if (!aside[1] && logDate && formatDate(year, month, day) > logDate) year--;
  return isValidDate(year, month, day) ? formatDate(year, month, day) : null;
}

export function extractReviewItems(context: LogContext, logDate: string | null): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const block of context.outline.blocks) {
    const visit = (node: Nodes): void => {
      if (node.type === 'listItem') {
        const found = reviewItemOf(node, block.trail, context);
        if (found) {
          const text = found.text.slice(0, found.aside.index);
          const link = [...descendants(node.children[0] ?? node)].find((child) => child.type === 'link' && lineFragment.test(child.url));
          const learningLine = link?.type === 'link' ? Number(lineFragment.exec(link.url)![1]) : null;
          items.push({ text: text.trim(), learnedOn: learnedOn(found.aside, logDate), done: node.checked === true, line: lineOf(node), learningLine });
        }
      }
      if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') node.children.forEach(visit);
    };
    visit(block.node);
  }
  return items;
}

/**
 * The aside `nisshi new` writes after a learning it brings back, which this
 * module reads back: "8/3 の学び", with the year ("2024/12/30 の学び") when it
 * is not the new log's.
 */
export function learnedAsideText(learnedOn: string, logDate: string): string {
  const [year, month, day] = learnedOn.split('-').map(Number) as [number, number, number];
  return `${learnedOn.slice(0, 4) === logDate.slice(0, 4) ? '' : `${year}/`}${month}/${day} の学び`;
}
