/** Previous / next log of a log page, skipping the other logs of the same date. Pure: no content collection here. */

/** A log as the pages list it (a content entry): only its date is read. */
interface Dated {
  data: { date: string | null };
}

export interface DayNeighbours<T> {
  /** The nearest log of a later date (not the same day's other log). */
  newer: T | null;
  older: T | null;
  /** The other logs of the same date: the day's figures are the sum of all of them. */
  sameDay: T[];
}

/**
 * Neighbours of each entry (newest first, as siteData lists them): previous and
 * next skip the logs of the same date, which are listed as that day's others.
 */
export function dayNeighbours<T extends Dated>(entries: readonly T[]): Array<DayNeighbours<T>> {
  // Each date's logs, in the order given, found once (not by a scan of every entry per entry: 13 million comparisons at ten years).
  const byDate = new Map<string, T[]>();
  for (const entry of entries) {
    const date = entry.data.date;
    if (date === null) continue;
    const list = byDate.get(date);
    if (list) list.push(entry);
    else byDate.set(date, [entry]);
  }
  return entries.map((entry, index) => {
    const date = entry.data.date;
    let newerIndex = index - 1;
    while (newerIndex >= 0 && date !== null && entries[newerIndex]!.data.date === date) newerIndex--;
    let olderIndex = index + 1;
    while (olderIndex < entries.length && date !== null && entries[olderIndex]!.data.date === date) olderIndex++;
    const sameDay = date === null ? [] : (byDate.get(date) ?? []).filter((other) => other !== entry);
    return { newer: entries[newerIndex] ?? null, older: entries[olderIndex] ?? null, sameDay };
  });
}
