/** The share card of each year with logs (year pages, month pages and the older log pages name it). */
import type { APIRoute } from 'astro';
import { cacheDir, srcDir } from 'astro:config/server';
import { cachedCard, drawAhead } from '../../../cards/card-cache.ts';
import { cardPlace } from '../../../cards/card-thread.ts';
import { cardDigest, type ShareCard } from '../../../cards/share-card.ts';
import { yearCard } from '../../../components/share-cards.ts';
import { cardFolder } from '../../../site/card-folder.ts';
import { siteData } from '../../../site/logs.ts';
import { siteSettings } from '../../../site.config.ts';

export async function getStaticPaths() {
  const { years, days, options } = await siteData();
  const context = { site: siteSettings.title, days, weekStart: options.weekStart };
  const paths = years.map((year) => {
    const card = yearCard(year, context);
    return { params: { year: year.year }, props: { card }, cacheKey: cardDigest(card) };
  });
  drawAhead(paths.map((path) => path.props.card), cardPlace(cardFolder(cacheDir), srcDir));
  return paths;
}

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) =>
  new Response(await cachedCard(props.card, cardPlace(cardFolder(cacheDir), srcDir)), { headers: { 'Content-Type': 'image/png' } });
