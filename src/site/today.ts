/** The calendar day it is in a time zone: the writer's "today", whatever the machine's zone (en-CA formats as YYYY-MM-DD). */
export function dateIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}


/** Minutes after midnight of "HH:MM". */
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * The writer's day at an instant: the calendar day in their time zone, where a
 * time before dayStartsAt ("04:00") still belongs to the day before — the log
 * written at 2 a.m. after a late session is yesterday's.
 */
export function writerDate(settings: { timezone: string; dayStartsAt?: string | undefined }, now: Date): string {
  const shift = minutesOf(settings.dayStartsAt ?? '00:00');
  return dateIn(settings.timezone, new Date(now.getTime() - shift * 60_000));
}

/** The day the site is built for: writerDate now, unless NISSHI_TODAY=YYYY-MM-DD pins it for reproducible builds. */
export function writerToday(settings: { timezone: string; dayStartsAt?: string | undefined }, now: Date = new Date()): string {
  const pinned = process.env.NISSHI_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return writerDate(settings, now);
}
