/** Small pieces of Japanese log text: dates, weekdays and study times as people write them. */
import type { Random } from './random.ts';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

export interface Day {
  iso: string;
  year: number;
  month: number;
  day: number;
  /** 日, 月, 火 … */
  weekday: string;
}

export function dayFromUtc(date: Date): Day {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return {
    iso: `${year}-${pad(month)}-${pad(day)}`,
    year,
    month,
    day,
    weekday: WEEKDAYS[date.getUTCDay()] as string,
  };
}

export function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `約2時間`, `2時間30分`, `約1.5時間`: the sample's way. */
export function japaneseDuration(minutes: number, random: Random): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return `${random.chance(0.6) ? '約' : ''}${hours}時間`;
  if (rest === 30 && random.chance(0.5)) return `約${hours}.5時間`;
  return hours === 0 ? `${rest}分` : `${hours}時間${rest}分`;
}

/** `1h30m`, `2h`, `45m`: the way people who also write English notes put it. */
export function compactDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
}

/** `90分`: minutes only, as a timer app shows it. */
export function minutesDuration(minutes: number): string {
  return `${minutes}分`;
}

export function codeBlock(lang: string, body: string, indent = ''): string {
  const lines = ['```' + lang, ...body.split('\n'), '```'];
  return lines.map((line) => indent + line).join('\n');
}
