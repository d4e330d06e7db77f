/** The carried-over sections as Markdown the parser reads back: a checklist, and a plain list of problems (not 問題N headings, which would write the problem again). */
import type { messages } from '../record/messages.ts';
import type { CarryOver } from '../stats/carry-over.ts';

function monthDay(date: string): [number, number] {
  return [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** One line of text: a carried note must not open a new block. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function carriedSections(carried: CarryOver, say: ReturnType<typeof messages>): string {
  let text = '';
  if (carried.items.length > 0) {
    text += `## ${say.carriedHeading}\n`;
    for (const item of carried.items) text += `- [ ] ${oneLine(item.text)}${say.carriedAside(...monthDay(item.plannedOn))}\n`;
    text += '\n';
  }
  if (carried.problems.length > 0) {
    text += `## ${say.problemsHeading}\n`;
    for (const problem of carried.problems) {
      // The first line of 現状: what follows it in the record may be the next paragraphs of the day.
      const first = problem.current?.split('\n').find((line) => line.trim() !== '');
      const current = first === undefined ? '' : ` — ${say.problemCurrent}: ${oneLine(first)}`;
      text += `- ${oneLine(problem.title)}${say.problemSince(...monthDay(problem.firstSeen))}${current}\n`;
    }
    text += '\n';
  }
  return text;
}
