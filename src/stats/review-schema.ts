/**
 * The shape of a week's or month's review: /data/reviews/week/<start>.json,
 * /data/reviews/month/<YYYY-MM>.json and `nisshi review --json`. The single
 * source of the shape; src/stats/reviews.ts fills it from the same threads,
 * chains and days as the rest of the site.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);

export const reviewSchema = z
  .object({
    kind: z.enum(['week', 'month']).meta({ description: 'A week (from the settings\' weekStart) or a calendar month.' }),
    start: isoDate.meta({ description: 'The first day of the period.' }),
    end: isoDate.meta({ description: 'The last day of the period.' }),
    days: count.meta({ description: 'Days with a log in the period (two logs of one day count once).' }),
    minutes: z.number().min(0).meta({ description: 'Study minutes of the period, the sum of its days (stats/periods.ts totalOf).' }),
    approximate: z.boolean().meta({ description: 'True when any of those minutes was written as approximate (約2時間).' }),
    targetMinutes: z.number().nullable().meta({ description: 'The weekly target (settings targets.weeklyMinutes) for a week; null for a month or when no target is set.' }),
    streak: z
      .object({
        longest: count.meta({ description: 'The longest run of consecutive days with a log inside the period.' }),
        atEnd: count.meta({ description: 'The streak on the period\'s last day (today\'s, or yesterday\'s when today has no log yet, while the period is under way), counting days before the period too.' }),
      })
      .strict(),
    goals: z
      .object({
        set: count.meta({ description: 'Goals written in the period\'s logs (今日の目標).' }),
        met: count.meta({ description: 'Those written as done (- [x], ✅).' }),
      })
      .strict(),
    checklist: z
      .object({
        done: count.meta({ description: 'Ticked task items of the period\'s logs.' }),
        total: count.meta({ description: 'Task items of the period\'s logs.' }),
      })
      .strict(),
    problems: z
      .object({
        opened: z.array(z.string()).meta({ description: 'Ids of the problem threads first written in the period (/problems/<id>/), oldest first.' }),
        resolved: z.array(z.string()).meta({ description: 'Ids of the threads resolved in the period, in the order resolved.' }),
        stillOpen: count.meta({ description: 'Threads open at the end of the period (or today, while it is under way), wherever they were first written.' }),
      })
      .strict(),
    plans: z
      .object({
        done: count.meta({ description: 'Plan chains first written in the period and done by their due date (or done, when they have none).' }),
        doneLate: count.meta({ description: 'Those done after their due date.' }),
        slipped: count.meta({ description: 'Those not done and past their due date (overdue today).' }),
        dropped: count.meta({ description: 'Those given up (struck through, （中止）).' }),
        open: count.meta({ description: 'Those not done and not yet due, or with no due date.' }),
      })
      .strict()
      .meta({ description: 'The plans first written in the period, by what became of them as of the day the site was built (the plan chains of /plans/).' }),
    learnings: z
      .array(
        z
          .object({
            text: z.string(),
            slug: z.string().meta({ description: 'The log it was written in (/logs/<slug>/).' }),
            date: isoDate,
            line: z.number().int().min(1).meta({ description: 'Its line in that log (/logs/<slug>/#L<line>).' }),
          })
          .strict(),
      )
      .meta({ description: 'Every learning (学び) of the period, in the order written.' }),
    tags: z
      .array(z.object({ tag: z.string(), days: count, minutes: z.number().min(0) }).strict())
      .meta({ description: 'Frontmatter tags of the period\'s logs: days with a log of that tag and the study minutes of those logs, most minutes first.' }),
    previous: z
      .object({ minutes: z.number().min(0), days: count })
      .strict()
      .nullable()
      .meta({ description: 'The period before (the week or month before), for comparison; null when it is before the first log.' }),
  })
  .strict();

export type Review = z.infer<typeof reviewSchema>;
export type ReviewKind = Review['kind'];
