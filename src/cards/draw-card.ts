/**
 * Draws a share card as a 1200×630 PNG at build time: satori lays the card
 * out as SVG (flexbox, text shaped with Noto Sans JP from npm, Japanese titles
 * broken between BudouX's phrases rather than inside a word), resvg renders it.
 * About 45 ms a card on one core, half of it resvg's: resvg renders on
 * libuv's thread pool (renderAsync), so the card thread (card-thread.ts,
 * two cards at a time) lays one card out while the other is rendered.
 * The site draws only the cards it links to, and never the same card twice.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import { loadDefaultJapaneseParser } from 'budoux';
import satori from 'satori';
import type { CardLevel, ShareCard } from './share-card.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The 'japanese' subset of Noto Sans JP carries Latin, kana and the JIS kanji (≈7,500 glyphs), in WOFF (satori reads no WOFF2). */
const FONT_FILES = { 400: 'noto-sans-jp-japanese-400-normal.woff', 700: 'noto-sans-jp-japanese-700-normal.woff' } as const;

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: SatoriFont[] | null = null;

function loadFonts(): SatoriFont[] {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  fonts = (Object.entries(FONT_FILES) as Array<[string, string]>).map(([weight, file]) => ({
    name: 'Noto Sans JP',
    data: readFileSync(require.resolve(`@fontsource/noto-sans-jp/files/${file}`)),
    weight: Number(weight) as 400 | 700,
    style: 'normal',
  }));
  return fonts;
}

let phrases: ((text: string) => string[]) | null = null;

/** A Japanese line split into phrases that read as one (BudouX): a line may break between them only. */
export function titlePhrases(text: string): string[] {
  if (!phrases) {
    const parser = loadDefaultJapaneseParser();
    phrases = (line) => parser.parse(line);
  }
  return phrases(text);
}

const colors = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  accent: '#0b57d0',
  border: '#d1d9e0',
  surface: '#f6f8fa',
  levels: ['#ebedf0', '#9be9a8', '#40c463', '#30a14e', '#216e39'] as const,
};

/** A satori element (React-like, without React). */
interface Node {
  type: string;
  props: { style?: Record<string, unknown>; children?: Node | string | Array<Node | string> };
}
const h = (type: string, style: Record<string, unknown>, ...children: Array<Node | string>): Node => ({
  type,
  props: { style, children: children.length === 1 ? children[0] : children },
});

const MAX_TITLE = 64;

function clip(text: string): string {
  const chars = [...text];
  return chars.length > MAX_TITLE ? `${chars.slice(0, MAX_TITLE - 1).join('')}…` : text;
}

function strip(weeks: readonly CardLevel[][]): Node {
  const size = 20;
  const gap = 5;
  return h(
    'div',
    { display: 'flex', gap },
    ...weeks.map((week) => h('div', { display: 'flex', flexDirection: 'column', gap }, ...week.map((level) => h('div', { width: size, height: size, borderRadius: 4, backgroundColor: colors.levels[level] })))),
  );
}

function tree(card: ShareCard): Node {
  const figures = card.figures.slice(0, 4);
  // Satori sizes a box without its padding and border: the accent bar is a box of its own, and the padding sits inside a flex child.
  return h(
    'div',
    { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', backgroundColor: colors.background, color: colors.text, fontFamily: 'Noto Sans JP' },
    h('div', { width: 24, flexShrink: 0, backgroundColor: colors.accent }),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '44px 56px 44px 48px' },
      h('div', { display: 'flex', fontSize: 28, color: colors.muted }, card.site),
      h('div', { display: 'flex', fontSize: 40, fontWeight: 700, marginTop: 16 }, card.heading),
      h('div', { display: 'flex', flexWrap: 'wrap', fontSize: 52, fontWeight: 700, lineHeight: 1.3, marginTop: 8, maxHeight: 136, overflow: 'hidden' }, ...titlePhrases(clip(card.title)).map((phrase) => h('span', { whiteSpace: 'pre' }, phrase))),
      h('div', { display: 'flex', flexGrow: 1 }),
      h(
        'div',
        { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end' },
        h(
          'div',
          { display: 'flex', gap: 14 },
          ...figures.map((figure) =>
            h('div', { display: 'flex', flexDirection: 'column', border: `2px solid ${colors.border}`, borderRadius: 12, backgroundColor: colors.surface, padding: '8px 18px' },
              h('div', { display: 'flex', fontSize: 22, color: colors.muted }, figure.label),
              h('div', { display: 'flex', fontSize: 34, fontWeight: 700 }, figure.value))),
        ),
        strip(card.strip),
      ),
    ),
  );
}

/** The card laid out as SVG by satori, every glyph a path. */
export function cardSvg(card: ShareCard): Promise<string> {
  return satori(tree(card) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
}

/**
 * How resvg renders a card. Satori writes every glyph as a path, so resvg
 * needs no font: left to itself it would load every font of the system for
 * each card (53 on a Debian machine: 36 of a card's 52 ms, and most of the
 * build's system time).
 */
export const RENDER_OPTIONS = { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } } as const;

/** The card as a PNG of CARD_WIDTH × CARD_HEIGHT. */
export async function drawCard(card: ShareCard): Promise<Uint8Array> {
  const image = await renderAsync(await cardSvg(card), RENDER_OPTIONS);
  return image.asPng();
}
