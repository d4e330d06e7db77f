/**
 * A review as Markdown ready to paste into a 週報 or 月報: the figures beside
 * the period before, problems, plans, learnings, reflections and tags, in the
 * writer's language (messages.ts). Nothing is counted here: it only writes
 * out a PeriodReview (src/stats/reviews.ts).
 */
import type { Messages } from '../record/messages.ts';
import type { PeriodReview, PlanOutcome } from '../stats/reviews.ts';

const OUTCOMES: readonly PlanOutcome[] = ['done', 'doneLate', 'slipped', 'dropped', 'open'];

/** One line of text: a passage or title must not open a new Markdown block. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function reviewMarkdown({ review, details }: PeriodReview, say: Messages): string {
  const words = say.review;
  const previous = review.previous;
  const rows: Array<[string, string, string]> = [
    [words.studyTime, words.minutes(review.minutes, review.approximate), previous ? words.minutes(previous.minutes, false) : words.none],
    [words.days, words.daysValue(review.days), previous ? words.daysValue(previous.days) : words.none],
  ];
  if (review.targetMinutes !== null) rows.push([words.target, words.targetValue(review.minutes, review.targetMinutes), '']);
  rows.push(
    [words.streak, words.streakValue(review.streak.longest, review.streak.atEnd), ''],
    [words.goals, words.ratio(review.goals.met, review.goals.set), ''],
    [words.checklist, words.ratio(review.checklist.done, review.checklist.total), ''],
  );
  const [, current, before] = words.columns(review.kind);
  const out: string[] = [`# ${words.title(review.kind, review.start, review.end)}`, '', `## ${words.figures}`, '', `| | ${current} | ${before} |`, '| --- | ---: | ---: |'];
  for (const [label, value, earlier] of rows) out.push(`| ${cell(label)} | ${cell(value)} | ${cell(earlier)} |`);

  out.push('', `## ${words.problems}`, '');
  const threads = (list: ReadonlyArray<{ title: string }>) => (list.length === 0 ? words.nothing : list.map((thread) => oneLine(thread.title)).join(words.separator));
  out.push(`- ${words.opened}: ${threads(details.opened)}`, `- ${words.resolved}: ${threads(details.resolved)}`, `- ${words.stillOpen(review.problems.stillOpen)}`);

  out.push('', `## ${words.plans}`, '', words.planCounts(review.plans), '');
  for (const outcome of OUTCOMES) {
    for (const plan of details.plans[outcome]) {
      out.push(`- ${words.outcome[outcome]}: ${oneLine(plan.text)}${words.when(plan.plannedOn, plan.due)}`);
    }
  }

  out.push('', `## ${words.learnings}`, '');
  if (review.learnings.length === 0) out.push(words.nothing);
  for (const learning of review.learnings) out.push(`- ${oneLine(learning.text)}${words.onAside(learning.date)}`);

  if (details.reflections.length > 0) {
    out.push('', `## ${words.reflections}`, '');
    for (const passage of details.reflections) {
      out.push(...passage.text.split('\n').map((line) => `> ${line}`), `> — ${words.on(passage.date)} ${oneLine(passage.heading)}`, '');
    }
    out.pop();
  }

  if (review.tags.length > 0) {
    out.push('', `## ${words.tags}`, '');
    for (const tag of review.tags) out.push(`- ${oneLine(tag.tag)}: ${words.tagValue(tag.days, tag.minutes)}`);
  }
  return `${out.join('\n')}\n`;
}
