import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteSettings } from '../site.config.ts';
import { formatDate, formatMinutes, formatOwnChecklist } from '../site/format.ts';
import { checklistCounts } from '../stats/checklist-counts.ts';
import { siteData } from '../site/logs.ts';

export async function GET(context: APIContext) {
  const { records } = await siteData();
  return rss({
    title: siteSettings.title,
    description: siteSettings.description,
    site: context.site ?? siteSettings.site,
    items: records.slice(0, 50).map((record) => ({
      title: `${formatDate(record.date)}${record.title ? ` ${record.title}` : ''}`,
      link: `${import.meta.env.BASE_URL.replace(/\/$/, '')}/logs/${record.slug}/`,
      pubDate: record.date ? new Date(`${record.date}T00:00:00+09:00`) : undefined,
      description: `学習時間 ${formatMinutes(record.metrics.studyMinutes, record.metrics.studyApproximate ?? false)} · チェックリスト ${formatOwnChecklist(checklistCounts(record))} · 問題 ${record.problems.length}件`,
      categories: record.tags,
    })),
    customData: `<language>${siteSettings.locale}</language>`,
  });
}
