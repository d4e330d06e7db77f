/**
 * The hover texts: what nisshi read of the line under the cursor — a figure
 * (`約2時間` → 120 分・概算), the study-time line (today, this week against
 * the target, the pace needed), a problem heading (its thread), a plan (its
 * chain), a carried item (where it came from). Markdown, in the writer's
 * language. Pure.
 */
import type { Figure } from '../record/schema.ts';
import { resolveVocabulary, sectionKind } from '../parse/vocabulary.ts';
import { logDays, totals, type PlanChain, type ProblemCore, type ProblemThread } from '../stats/index.ts';
import { daysBetween, endOfWeek as weekEnd } from '../stats/calendar.ts';
import type { LogContext } from './log-context.ts';
import { originAt } from './origins.ts';
import { hoverTexts, type HoverTexts } from './hover-texts.ts';


/** The hover for a 1-based line of the edited log, or null when nisshi has nothing to say there. */
export function hoverAt(context: LogContext, line: number): string | null {
  const say = hoverTexts(context.language);
  const { record } = context;
  const parts: string[] = [];
  const vocabulary = resolveVocabulary(context.vocabulary);
  for (const figure of record.figures.filter((candidate) => candidate.line === line)) {
    parts.push(figureText(figure, say));
    if (figure.kind === 'duration' && sectionKind(figure.label, vocabulary) === 'studyTime') parts.push(studyTimeText(context, say));
  }
  const origin = originAt(context, line);
  if (origin?.kind === 'problem') parts.push(threadText(origin.thread, say));
  if (origin?.kind === 'plan') parts.push(chainText(origin.chain, say));
  if (origin?.kind === 'carried-plan') {
    parts.push(say.carriedFrom(origin.plannedOn, origin.place !== null));
    if (origin.chain) parts.push(chainText(origin.chain, say));
  }
  if (origin?.kind === 'continued-problem') {
    parts.push(say.continuedFrom(origin.since));
    if (origin.thread) parts.push(threadText(origin.thread, say));
  }
  return parts.length === 0 ? null : parts.join('\n\n---\n\n');
}

function figureText(figure: Figure, say: HoverTexts): string {
  return say.figure(figure);
}

/** Today's total, this week's against the target, and the minutes a day still needed to meet it. */
function studyTimeText(context: LogContext, say: HoverTexts): string {
  const date = context.record.date ?? context.today;
  const days = logDays(context.records.filter((record) => record.date !== null && !record.draft));
  const options = { today: date, weekStart: context.weekStart, vocabulary: context.vocabulary };
  const week = totals(days, options).thisWeekMinutes;
  const today = days.find((day) => day.date === date)?.minutes ?? context.record.metrics.studyMinutes ?? 0;
  const target = context.weeklyTargetMinutes;
  // Days of the week after this one: what is left to meet the target in.
  const daysLeft = daysBetween(date, weekEnd(date, context.weekStart));
  const missing = target === null ? 0 : Math.max(0, target - week);
  return say.studyTime({ today, week, target, missing, daysLeft, pace: daysLeft > 0 ? Math.ceil(missing / daysLeft) : missing });
}

function threadText(thread: ProblemThread<ProblemCore>, say: HoverTexts): string {
  return say.thread({ title: thread.title, firstSeen: thread.firstSeen, days: thread.days, status: thread.status, resolvedOn: thread.resolvedOn });
}

function chainText(chain: PlanChain, say: HoverTexts): string {
  return say.chain({ text: chain.text, plannedOn: chain.plannedOn, carried: chain.carried, due: chain.due, status: chain.status, doneOn: chain.doneOn, droppedOn: chain.droppedOn });
}
