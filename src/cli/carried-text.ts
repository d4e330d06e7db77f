/**
 * The carried-over sections as Markdown the parser reads back: a checklist
 * under ## 持ち越し whose labels say where each item comes from (（8/1 の計画）,
 * 未完了（12/6）, with the year when it is not the new log's: carried.ts), a
 * plain list of problems under ## 継続中の問題 (not 問題N headings, which would
 * write the problem again), and, when the caps left something out, one line
 * with the counts and the command that lists them.
 */
import { carriedAsideText } from '../parse/extract/carried.ts';
import { messages } from '../record/messages.ts';
import type { Vocabulary } from '../parse/vocabulary.ts';
import type { CarryOver } from '../stats/carry-over.ts';

/** "1/5", or "2024/12/20" in another year than the log's. */
function monthDay(date: string, logDate: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${date.slice(0, 4) === logDate.slice(0, 4) ? '' : `${year}/`}${month}/${day}`;
}

/** One line of text: a carried note must not open a new block. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Anything left out at all. */
export function leftOutAnything(carried: CarryOver): boolean {
  const { items, problems, stale } = carried.leftOut;
  return items + problems + stale > 0;
}

/**
 * Japanese whatever the writer's language, as the template is: the parser
 * reads the headings (the first of the vocabulary's carriedHeadings and
 * continuingHeadings: 持ち越し, 継続中の問題) and the labels back.
 * @param logDate the new log's day: a label names the year when it is another.
 */
export function carriedSections(carried: CarryOver, logDate: string, vocabulary: Vocabulary): string {
  let text = '';
  if (carried.items.length > 0) {
    text += `## ${vocabulary.carriedHeadings[0] ?? '持ち越し'}\n`;
    for (const item of carried.items) text += `- [ ] ${oneLine(item.text)}${carriedAsideText(item.kind, item.from, logDate)}\n`;
    text += '\n';
  }
  if (carried.problems.length > 0) {
    text += `## ${vocabulary.continuingHeadings[0] ?? '継続中の問題'}\n`;
    for (const problem of carried.problems) {
      // The first line of 現状: what follows it in the record may be the next paragraphs of the day.
      const first = problem.current?.split('\n').find((line) => line.trim() !== '');
      const current = first === undefined ? '' : ` — 現状: ${oneLine(first)}`;
      text += `- ${oneLine(problem.title)}（${monthDay(problem.firstSeen, logDate)} から）${current}\n`;
    }
    text += '\n';
  }
  // In the log, in Japanese like the rest of the template: the writer reads it where the lists end.
  if (leftOutAnything(carried)) text += `${messages('ja').leftOut(carried.leftOut, carried.limits.maxAgeDays)}\n\n`;
  return text;
}
