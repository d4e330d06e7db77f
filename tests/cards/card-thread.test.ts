/** The card thread: the same PNG as drawing on the calling thread, cards drawn through a cache place, and a worker that fails. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedCard, cardCounts, drawAhead } from '../../src/cards/card-cache.ts';
import { CardThread, cardBatchLine, cardPlace, type CardBatch } from '../../src/cards/card-thread.ts';
import { drawCard } from '../../src/cards/draw-card.ts';
import { cardDigest, type ShareCard } from '../../src/cards/share-card.ts';

const srcDir = new URL('../../src/', import.meta.url);
const folder = mkdtempSync(path.join(os.tmpdir(), 'nisshi-card-thread-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const card: ShareCard = { site: '日誌', heading: '2025年8月3日(日)', title: 'Lambda関数の完全実装', figures: [{ label: '学習時間', value: '約2時間' }], strip: [[0, 1, 2, 3, 4, 0, 0]] };

describe('card thread', () => {
  it('draws on its worker the same PNG the calling thread draws', async () => {
    const thread = new CardThread(new URL('cards/card-worker.ts', srcDir));
    try {
      const [onThread, here] = await Promise.all([thread.draw(card), drawCard(card)]);
      expect(Buffer.from(onThread).equals(Buffer.from(here))).toBe(true);
    } finally {
      await thread.close();
    }
  }, 60_000);

  it('says once how many cards it drew together and in what time, for the build\'s log', async () => {
    const batches: CardBatch[] = [];
    const thread = new CardThread(new URL('cards/card-worker.ts', srcDir), (batch) => batches.push(batch));
    try {
      await Promise.all(['一', '二', '三'].map((heading) => thread.draw({ ...card, heading })));
      expect(batches).toHaveLength(1);
      expect(batches[0]!.cards).toBe(3);
      expect(batches[0]!.ms).toBeGreaterThan(0);
      expect(cardBatchLine({ cards: 3, ms: 1234 })).toBe('[nisshi:cards] 3 share card(s) drawn on their own thread in 1.23 s');
    } finally {
      await thread.close();
    }
  }, 60_000);

  it('refuses a card still being drawn when it is closed, and draws later ones on the calling thread', async () => {
    const thread = new CardThread(new URL('cards/card-worker.ts', srcDir));
    const refused = expect(thread.draw(card)).rejects.toThrow('the card thread was closed');
    await thread.close();
    await refused;
    const later = await thread.draw({ ...card, heading: '後' });
    expect(Buffer.from(later).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('draws the cards a route names on the worker, kept in the place\'s folder by digest', async () => {
    const place = cardPlace(folder, srcDir);
    const cards = ['一', '二'].map((heading) => ({ ...card, heading }));
    drawAhead(cards, place);
    const before = { ...cardCounts };
    const pngs = await Promise.all(cards.map((each) => cachedCard(each, place)));
    expect(pngs.every((png) => Buffer.from(png).subarray(1, 4).toString() === 'PNG')).toBe(true);
    expect(cardCounts.drawn - before.drawn).toBe(2);
    expect(readdirSync(folder).sort()).toEqual(cards.map((each) => `${cardDigest(each)}.png`).sort());
  }, 60_000);

  it('draws on the calling thread when the worker cannot start, and says a card that cannot be drawn', async () => {
    const thread = new CardThread(new URL('cards/no-such-worker.ts', srcDir));
    try {
      const png = await thread.draw(card);
      expect(Buffer.from(png).equals(Buffer.from(await drawCard(card)))).toBe(true);
    } finally {
      await thread.close();
    }
    const refusing = new CardThread(new URL('./fixtures/refusing-card-worker.ts', import.meta.url));
    try {
      await expect(refusing.draw(card)).rejects.toThrow('share card "Lambda関数の完全実装" could not be drawn: satori: no font for this text');
      // Still used after a refusal: a refused card is the card's problem, not the worker's.
      await expect(refusing.draw({ ...card, title: '次' })).rejects.toThrow('share card "次"');
    } finally {
      await refusing.close();
    }
  }, 60_000);
});
