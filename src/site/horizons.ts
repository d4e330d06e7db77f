import type { Horizon } from '../record/schema.ts';

/** How a plan's horizon reads on the site, in the order the plans page lists them. */
export const horizonLabels: Record<Horizon, string> = {
  today: '今日中',
  tomorrow: '明日',
  'this-week': '今週中',
  weekend: '今週末',
  'next-week': '来週',
  'this-month': '今月中',
  'next-month': '来月',
  someday: 'いつか',
  later: '期限なし',
};
