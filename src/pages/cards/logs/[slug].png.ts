/**
 * The share card of each of the newest logs (components/share-cards.ts: CARD_LOGS), a 1200×630 PNG.
 * Its cacheKey is the digest of what it shows: Astro's incremental build keeps an unchanged card,
 * and the card cache draws only a card it has not drawn before.
 */
import type { APIRoute } from 'astro';
import { cacheDir, srcDir } from 'astro:config/server';
import { cachedCard, drawAhead, pruneCards } from '../../../cards/card-cache.ts';
import { cardPlace } from '../../../cards/card-thread.ts';
import { cardDigest, type ShareCard } from '../../../cards/share-card.ts';
import { CARD_LOGS, CARD_WEEKS, logCard } from '../../../components/share-cards.ts';
import { cardFolder } from '../../../site/card-folder.ts';
import { siteData } from '../../../site/logs.ts';
import { siteSettings } from '../../../site.config.ts';

export async function getStaticPaths() {
  const { records, entries, days, options, years } = await siteData();
  // Cards no build has used for longest go, keeping a few times what one build names.
  pruneCards(cardFolder(cacheDir), 3 * (CARD_LOGS + CARD_WEEKS + years.length + 1) + 50);
  const context = { site: siteSettings.title, days, weekStart: options.weekStart };
  const paths = entries.slice(0, CARD_LOGS).map((entry, index) => {
    const card = logCard(records[index]!, context);
    return { params: { slug: entry.id }, props: { card }, cacheKey: cardDigest(card) };
  });
  drawAhead(paths.map((path) => path.props.card), cardPlace(cardFolder(cacheDir), srcDir));
  return paths;
}

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) =>
  new Response(await cachedCard(props.card, cardPlace(cardFolder(cacheDir), srcDir)), { headers: { 'Content-Type': 'image/png' } });
