/** The day the site is built for, in the writer's time zone (NISSHI_TODAY=YYYY-MM-DD pins it for reproducible builds). */
export function todayIn(timezone: string, now: Date = new Date()): string {
  const pinned = process.env.NISSHI_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
