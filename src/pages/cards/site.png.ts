/** The site's share card: the dashboard and every page without a card of its own name it. */
import type { APIRoute } from 'astro';
import { cacheDir, srcDir } from 'astro:config/server';
import { cachedCard } from '../../cards/card-cache.ts';
import { cardPlace } from '../../cards/card-thread.ts';
import { siteCard } from '../../components/share-cards.ts';
import { cardFolder } from '../../site/card-folder.ts';
import { siteData } from '../../site/logs.ts';
import { siteSettings } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const { days, options, stats } = await siteData();
  const card = siteCard({ site: siteSettings.title, days, weekStart: options.weekStart, totalMinutes: stats.totals.minutes, streak: stats.streaks.current, today: options.today });
  return new Response(await cachedCard(card, cardPlace(cardFolder(cacheDir), srcDir)), { headers: { 'Content-Type': 'image/png' } });
};
