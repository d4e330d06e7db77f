/** The calendar day it is in a time zone: the writer's "today", whatever the machine's zone (en-CA formats as YYYY-MM-DD). */
export function dateIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day the site is built for, in the writer's time zone (NISSHI_TODAY=YYYY-MM-DD pins it for reproducible builds). */
export function todayIn(timezone: string, now: Date = new Date()): string {
  const pinned = process.env.NISSHI_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return dateIn(timezone, now);
}
