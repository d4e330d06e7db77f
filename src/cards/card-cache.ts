/**
 * Drawn cards kept by the digest of what they show (share-card.ts: cardDigest),
 * in the build's cache folder: a rebuild draws only the cards whose content
 * changed, and an unchanged card is the same bytes. Astro's incremental build
 * also skips the card's route when its cacheKey (the same digest) is
 * unchanged; this cache serves the builds where it cannot (a code or settings
 * change renders every route again). pruneCards removes the cards no build
 * has used for longest, so the folder does not grow with every edit.
 *
 * A route's cards are named ahead (drawAhead) and the first one asked for
 * starts them all, on the card thread when the place has one (card-thread.ts):
 * the cards are drawn while the build renders other pages, instead of the
 * build waiting on each in turn.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cardDigest, type ShareCard } from './share-card.ts';
import { drawCardHere, type CardPlace } from './card-thread.ts';

export type { CardPlace } from './card-thread.ts';

/** Cards drawn and read by this process, for the build's log and the bench. */
export const cardCounts = { drawn: 0, cached: 0 };

/** Cards named by drawAhead and not yet started, by folder. */
const named = new Map<string, ShareCard[]>();
/** Cards started and not yet taken, by digest. */
const started = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * Names the cards a route will ask for (its getStaticPaths): nothing is drawn
 * until one card is asked for, so a rebuild that skips the route draws none.
 */
export function drawAhead(cards: readonly ShareCard[], place: CardPlace): void {
  named.set(place.folder, [...(named.get(place.folder) ?? []), ...cards]);
}

function start(card: ShareCard, digest: string, place: CardPlace): Promise<Uint8Array<ArrayBuffer>> {
  let png = started.get(digest);
  if (!png) {
    png = readOrDraw(card, digest, place);
    started.set(digest, png);
    // A card that failed is drawn again when asked for, and its error is said then.
    png.catch(() => started.delete(digest));
  }
  return png;
}

/** The card's PNG: from the place's folder when a card of the same digest was drawn before, else drawn and kept there. */
export async function cachedCard(card: ShareCard, place: CardPlace): Promise<Uint8Array<ArrayBuffer>> {
  const digest = cardDigest(card);
  const ahead = named.get(place.folder);
  if (ahead) {
    named.delete(place.folder);
    for (const other of ahead) {
      const otherDigest = cardDigest(other);
      if (otherDigest !== digest) start(other, otherDigest, place).catch(() => undefined);
    }
  }
  const png = start(card, digest, place);
  try {
    return await png;
  } finally {
    // Taken: the map holds only cards still to be asked for.
    started.delete(digest);
  }
}

async function readOrDraw(card: ShareCard, digest: string, place: CardPlace): Promise<Uint8Array<ArrayBuffer>> {
  const { folder } = place;
  const file = path.join(folder, `${digest}.png`);
  try {
    const bytes = readFileSync(file);
    cardCounts.cached += 1;
    // Its time says when a build last used it, for pruneCards.
    const now = new Date();
    utimesSync(file, now, now);
    return new Uint8Array(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const png = await (place.draw ?? drawCardHere)(card);
  cardCounts.drawn += 1;
  mkdirSync(folder, { recursive: true });
  // Written whole or not at all: a build stopped halfway leaves no torn card to be served next time.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return new Uint8Array(png);
}

/** Keeps the `keep` cards of the folder used last (read or drawn) and removes the rest; returns how many went. */
export function pruneCards(folder: string, keep: number): number {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.png'));
  } catch {
    return 0;
  }
  if (names.length <= keep) return 0;
  const byAge = names.map((name) => ({ name, mtime: statSync(path.join(folder, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const { name } of byAge.slice(keep)) rmSync(path.join(folder, name), { force: true });
  return byAge.length - keep;
}
