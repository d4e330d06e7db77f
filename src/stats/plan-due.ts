/** When a plan is due, from the date of the log that made it and its horizon. */
import type { Horizon } from '../record/schema.ts';
import { addDays, dayOfWeek, endOfMonth, endOfWeek, startOfNextMonth, type WeekStart } from './calendar.ts';

/**
 * today → that day; tomorrow → the next day; this-week → the last day of that
 * week; next-week → the last day of the following week; this-month / next-month
 * → the last day of that / the following month; someday (いつか) and later (no
 * horizon) → null (never overdue, never carried).
 *
 * weekend → the Sunday of the Saturday–Sunday pair the log falls in or, on a
 * weekday, the coming one: the first Sunday on or after the log's date. This
 * does not depend on weekStart: with Sunday weeks "that week's Sunday" would be
 * the day the week began, already past on a Wednesday.
 */
export function planDueDate(logDate: string, horizon: Horizon, weekStart: WeekStart): string | null {
  switch (horizon) {
    case 'today':
      return logDate;
    case 'tomorrow':
      return addDays(logDate, 1);
    case 'this-week':
      return endOfWeek(logDate, weekStart);
    case 'weekend':
      return addDays(logDate, (7 - dayOfWeek(logDate)) % 7);
    case 'next-week':
      return endOfWeek(addDays(logDate, 7), weekStart);
    case 'this-month':
      return endOfMonth(logDate);
    case 'next-month':
      return endOfMonth(startOfNextMonth(logDate));
    case 'someday':
    case 'later':
      return null;
    default:
      return unknownHorizon(horizon);
  }
}

function unknownHorizon(horizon: never): never {
  throw new RangeError(`unknown plan horizon ${JSON.stringify(horizon)}`);
}
