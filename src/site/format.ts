/** How numbers and dates read on the site (Japanese). */
import { dayOfWeek } from '../stats/calendar.ts';
import type { ChecklistCounts } from '../stats/checklist-counts.ts';

/** 150 → "2時間30分", 45 → "45分"; approximate values get 約 in front so a reader can tell them apart. */
export function formatMinutes(minutes: number | null | undefined, approximate = false): string {
  if (minutes === null || minutes === undefined) return '—';
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  const text = hours > 0 ? (rest > 0 ? `${hours}時間${rest}分` : `${hours}時間`) : `${rest}分`;
  return approximate ? `約${text}` : text;
}

/** 5430 → "90.5" hours, one decimal. */
export function formatHours(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toLocaleString('ja-JP');
}

const weekdays = ['日', '月', '火', '水', '木', '金', '土'];

/** "2025-08-03" → "2025年8月3日(日)". */
export function formatDate(date: string | null): string {
  if (!date) return '日付なし';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = weekdays[dayOfWeek(date)];
  return `${y}年${m}月${d}日(${weekday})`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** Link to a page, respecting Astro's base path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}

/** "2025-08" → "2025年8月". */
export function formatMonth(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/**
 * A log's checklist (stats/checklist-counts.ts, never counted in a page):
 * "3/8" for the day's own items, "自分の項目 3/8・持ち越し 1/22" when items were
 * carried over, "なし" when there are none.
 */
export function formatChecklist({ own, carried }: ChecklistCounts, none = 'なし'): string {
  if (carried.total === 0) return own.total === 0 ? none : `${own.done}/${own.total}`;
  return `自分の項目 ${own.done}/${own.total}・持ち越し ${carried.done}/${carried.total}`;
}

/** The day's own items only ("3/8"), for a row or a line among many logs; `none` when it has none. */
export function formatOwnChecklist({ own }: ChecklistCounts, none = '—'): string {
  return own.total === 0 ? none : `${own.done}/${own.total}`;
}
