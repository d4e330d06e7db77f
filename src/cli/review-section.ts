/**
 * The ## 復習 section `nisshi new` writes: the learnings due that day (at most
 * REVIEWS_PER_DAY, oldest due first), each a task item the parser reads back
 * as a review item (src/parse/extract/review-items.ts), with the day it was
 * learned linked to its line in its own log. Apart from the carried sections
 * (carried-text.ts): the two change for different reasons.
 */
import path from 'node:path';
import { learnedAsideText } from '../parse/extract/review-items.ts';
import type { DueLearning } from '../stats/spaced-review.ts';

/** The section's heading: Japanese in every language, since the parser reads it (vocabulary.reviewHeadings). */
export const REVIEW_HEADING = '復習';

/** A link destination the Markdown parser takes whole: in <…> when it holds spaces or brackets. */
function destination(target: string): string {
  return /[\s()<>]/.test(target) ? `<${target}>` : target;
}

/**
 * @param logFile the new log's absolute path: links are relative to it, so they work in an editor and on GitHub.
 * @param cwd the folder the learnings' `source` paths are relative to.
 */
export function reviewSection(due: readonly DueLearning[], logFile: string, cwd: string, logDate: string): string {
  if (due.length === 0) return '';
  const lines = due.map((learning) => {
    const relative = path.relative(path.dirname(logFile), path.resolve(cwd, learning.source)).split(path.sep).join('/');
    const target = `${relative}#L${learning.line}`;
    const text = learning.text.replace(/\s+/g, ' ').trim();
    return `- [ ] ${text}（[${learnedAsideText(learning.date, logDate)}](${destination(target)})）`;
  });
  return `## ${REVIEW_HEADING}\n${lines.join('\n')}\n\n`;
}
