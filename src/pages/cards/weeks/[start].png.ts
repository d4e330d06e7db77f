/**
 * The share card of each of the newest week reviews (components/share-cards.ts: CARD_WEEKS), a 1200×630 PNG.
 * Its cacheKey is the digest of what it shows, as for the log cards.
 */
import type { APIRoute } from 'astro';
import { cacheDir, srcDir } from 'astro:config/server';
import { cachedCard, drawAhead } from '../../../cards/card-cache.ts';
import { cardPlace } from '../../../cards/card-thread.ts';
import { cardDigest, type ShareCard } from '../../../cards/share-card.ts';
import { newestWeeks, weekCard } from '../../../components/share-cards.ts';
import { cardFolder } from '../../../site/card-folder.ts';
import { siteData, siteReviews } from '../../../site/logs.ts';
import { siteSettings } from '../../../site.config.ts';

export async function getStaticPaths() {
  const [{ days, options }, { weeks }] = await Promise.all([siteData(), siteReviews()]);
  const context = { site: siteSettings.title, days, weekStart: options.weekStart };
  const newest = newestWeeks(weeks.map((week) => week.key));
  const paths = weeks
    .filter((week) => newest.has(week.key))
    .map((week) => {
      const { start, end, minutes, approximate, days: logs } = week.review;
      const card = weekCard({ start, end, label: week.label, minutes, approximate, logs }, context);
      return { params: { start: week.key }, props: { card }, cacheKey: cardDigest(card) };
    });
  drawAhead(paths.map((path) => path.props.card), cardPlace(cardFolder(cacheDir), srcDir));
  return paths;
}

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) =>
  new Response(await cachedCard(props.card, cardPlace(cardFolder(cacheDir), srcDir)), { headers: { 'Content-Type': 'image/png' } });
