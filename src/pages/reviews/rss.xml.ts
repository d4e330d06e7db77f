import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteSettings } from '../../site.config.ts';
import { formatMinutes } from '../../site/format.ts';
import { siteReviews } from '../../site/logs.ts';

/** The newest weekly reviews, newest first. */
const FEED_WEEKS = 20;

export async function GET(context: APIContext) {
  const { weeks } = await siteReviews();
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return rss({
    title: `${siteSettings.title} — 週の振り返り`,
    description: '週ごとの学習時間、問題、計画、学び、振り返り',
    site: context.site ?? siteSettings.site,
    items: weeks.slice(-FEED_WEEKS).reverse().map(({ review, label, path }) => ({
      title: `${label}の週の振り返り`,
      link: `${base}${path}`,
      // The week is over on its last day; the feed item is dated then (in the site's time zone, Japan by default).
      pubDate: new Date(`${review.end}T23:59:00+09:00`),
      description:
        `学習時間 ${formatMinutes(review.minutes, review.approximate)}${review.previous ? `（前の週 ${formatMinutes(review.previous.minutes)}）` : ''} · ${review.days}日 · ` +
        `問題 新規 ${review.problems.opened.length}件・解決 ${review.problems.resolved.length}件 · ` +
        `計画 完了 ${review.plans.done + review.plans.doneLate}件・期限切れ ${review.plans.slipped}件・中止 ${review.plans.dropped}件 · 学び ${review.learnings.length}件`,
    })),
    customData: `<language>${siteSettings.locale}</language>`,
  });
}
