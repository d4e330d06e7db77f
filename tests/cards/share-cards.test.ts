/** Share cards: what they show, their digest, the strip, drawing a 1200x630 PNG, and the cache by digest. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedCard, cardCounts, drawAhead, pruneCards } from '../../src/cards/card-cache.ts';
import { renderAsync } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, drawCard, RENDER_OPTIONS, titlePhrases } from '../../src/cards/draw-card.ts';
import { cardDigest, cardLevel, heatStrip, type ShareCard } from '../../src/cards/share-card.ts';
import { logCardPath, logSummaryText, newestWeeks, streakOn, weekCardPath, weekSummaryText } from '../../src/components/share-cards.ts';
import { addDays } from '../../src/stats/calendar.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { logDays } from '../../src/stats/days.ts';

const folder = mkdtempSync(path.join(os.tmpdir(), 'nisshi-cards-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const day = (date: string, minutes: number | null) => ({ date, minutes, approximate: false, slugs: [date], checklistDone: 0, checklistTotal: 0, carriedDone: 0, carriedTotal: 0, problems: 0 });
const card: ShareCard = { site: '日誌', heading: '2025年8月3日(日)', title: 'Lambda関数の完全実装', figures: [{ label: '学習時間', value: '約2時間' }], strip: [[0, 1, 2, 3, 4, 0, 0]] };

describe('share cards', () => {
  it('levels minutes by fixed steps and ends the strip on the card\'s day, later days empty', () => {
    expect([null, 0, 30, 60, 150, 180].map(cardLevel)).toEqual([0, 0, 1, 2, 3, 4]);
    const strip = heatStrip([day('2025-08-01', 30), day('2025-08-03', 200), day('2025-08-04', 90)], '2025-08-03', 'monday', 2);
    // 2025-08-03 is a Sunday: the last week is 7/28 … 8/3.
    expect(strip).toEqual([[0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 0, 4]]);
  });

  it('changes the digest with what the card shows, and only then', () => {
    expect(cardDigest(card)).toBe(cardDigest(structuredClone(card)));
    expect(cardDigest({ ...card, title: '別' })).not.toBe(cardDigest(card));
    expect(cardDigest({ ...card, strip: [[0, 1, 2, 3, 4, 0, 1]] })).not.toBe(cardDigest(card));
  });

  it('breaks a Japanese title between phrases', () => {
    expect(titlePhrases('今日は天気です。').join('')).toBe('今日は天気です。');
    expect(titlePhrases('今日は天気です。').length).toBeGreaterThan(1);
  });

  it('draws a 1200x630 PNG once, and reads it back by its digest the next time', async () => {
    const before = { ...cardCounts };
    const png = Buffer.from(await cachedCard(card, { folder }));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    const again = Buffer.from(await cachedCard(card, { folder }));
    expect(again.equals(png)).toBe(true);
    expect(cardCounts.drawn - before.drawn).toBe(1);
    expect(cardCounts.cached - before.cached).toBe(1);
    expect(readdirSync(folder)).toEqual([`${cardDigest(card)}.png`]);
    expect(pruneCards(folder, 1)).toBe(0);
    expect(pruneCards(folder, 0)).toBe(1);
  }, 60_000);

  it('lays its text out as paths, so resvg draws the same card without loading a font', async () => {
    const svg = await cardSvg(card);
    expect(svg).not.toMatch(/<text[\s>]/);
    expect(RENDER_OPTIONS.font.loadSystemFonts).toBe(false);
    // With the system's fonts loaded, as resvg does when not told otherwise: not one pixel differs.
    const withFonts = await renderAsync(svg, { ...RENDER_OPTIONS, font: { loadSystemFonts: true } });
    expect(Buffer.from(await drawCard(card)).equals(Buffer.from(withFonts.asPng()))).toBe(true);
  }, 60_000);

  it('draws the cards a route names together once one is asked for, and none while none is', async () => {
    const ahead = mkdtempSync(path.join(os.tmpdir(), 'nisshi-cards-ahead-'));
    try {
      const cards = ['一', '二', '三'].map((heading) => ({ ...card, heading }));
      drawAhead(cards, { folder: ahead });
      expect(readdirSync(ahead)).toEqual([]);
      const before = { ...cardCounts };
      const first = Buffer.from(await cachedCard(cards[0]!, { folder: ahead }));
      expect(first.subarray(1, 4).toString()).toBe('PNG');
      // The other two were started with the first: asking for them waits on that drawing, and reads nothing again.
      const rest = await Promise.all(cards.slice(1).map((other) => cachedCard(other, { folder: ahead })));
      expect(rest.every((png) => png.length > 0 && !Buffer.from(png).equals(first))).toBe(true);
      expect(cardCounts.drawn - before.drawn).toBe(3);
      expect(cardCounts.cached - before.cached).toBe(0);
      expect(readdirSync(ahead).sort()).toEqual(cards.map((each) => `${cardDigest(each)}.png`).sort());
      // Asked for again (a later build): read from the folder, not drawn.
      await cachedCard(cards[2]!, { folder: ahead });
      expect(cardCounts.drawn - before.drawn).toBe(3);
      expect(cardCounts.cached - before.cached).toBe(1);
    } finally {
      rmSync(ahead, { recursive: true, force: true });
    }
  }, 60_000);

  it('summarises a log: study time, goals met, problems', () => {
    const record = parseLog('# 2025年8月3日\n\n## 今日の目標\n- [x] 読む\n- [ ] 書く\n\n#### 問題1: 遅い\n**現状**: 遅い\n\n**学習時間**: 約2時間\n', { path: 'logs/2025-08-03.md' });
    expect(logSummaryText(record)).toBe('2025年8月3日(日)の学習ログ: 学習時間 約2時間・目標 1/2 達成・問題 1件');
  });

  it('counts the streak up to the card\'s day and names a card for the newest logs only', () => {
    const days = logDays(['2025-08-01', '2025-08-02', '2025-08-03', '2025-08-05'].map((date) => parseLog(`# ${date}\n`, { path: `logs/${date}.md` })));
    expect(streakOn(days, '2025-08-03')).toBe(3);
    expect(streakOn(days, '2025-08-04')).toBe(0);
    expect(logCardPath('2025-08-05', '2025-08-05', new Set(['2025-08-05']))).toBe('/cards/logs/2025-08-05.png');
    expect(logCardPath('2016-01-01', '2016-01-01', new Set(['2025-08-05']))).toBe('/cards/years/2016.png');
    expect(logCardPath('x', null, new Set())).toBe('/cards/site.png');
  });

  it('names a card of its own for the newest weeks only, and the year the week ends in for the rest', () => {
    const keys = Array.from({ length: 12 }, (_, index) => addDays('2024-11-04', 7 * index));
    const newest = newestWeeks(keys, 8);
    expect([...newest].sort()).toEqual(keys.slice(4));
    expect(weekCardPath(keys[11]!, addDays(keys[11]!, 6), newest)).toBe(`/cards/weeks/${keys[11]}.png`);
    // The week of 2024-12-30 ends in 2025: an old week shares the card of the year it ends in.
    expect(weekCardPath('2024-12-30', '2025-01-05', new Set())).toBe('/cards/years/2025.png');
    expect(weekSummaryText({ start: '2025-08-04', end: '2025-08-10', label: '2025年8月4日〜10日', minutes: 150, approximate: true, logs: 3 })).toBe(
      '2025年8月4日〜10日の週の振り返り: 学習時間 約2時間30分・記録日数 3日',
    );
  });
});
