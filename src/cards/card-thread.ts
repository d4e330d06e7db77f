/**
 * Share cards drawn on a worker thread of their own. Astro renders a build's
 * pages on one thread; a card's layout (satori) and PNG encoding (resvg's
 * asPng) are ~40 ms of that thread's time each, 2 s of a first build at the
 * cards the site links to. Drawn here, the cards of a route are made while the
 * build renders other pages (astro.config.mjs: build.concurrency).
 *
 * The worker runs src/cards/card-worker.ts with Node itself, found from the
 * project's src folder: the pages are bundled, so a path relative to this
 * module would point into the bundle. Should the worker not start or die, the
 * cards are drawn on the calling thread: slower, never missing.
 */
import { ThreadPool } from '../threads/thread-pool.ts';
import type { ShareCard } from './share-card.ts';

/** Where cards are kept (card-cache.ts) and how they are drawn. */
export interface CardPlace {
  folder: string;
  /** Draws a card's PNG; drawCardHere (on this thread) when left out. */
  draw?: (card: ShareCard) => Promise<Uint8Array>;
}

/** Cards drawn together, from the first asked for to the last sent back: what the build's log says of them. */
export interface CardBatch {
  cards: number;
  ms: number;
}

/**
 * Two cards at a time, the rest waiting: one is laid out on the worker while
 * the other is rasterised on libuv's pool (draw-card.ts). A build asks for
 * its fifty cards at once, and fifty layouts and rasters in flight held half
 * a gigabyte.
 */
const CARDS_AT_ONCE = 2;

/**
 * Draws a card on this thread, loading satori and resvg only then: a build
 * whose cards are all kept or drawn on the card thread never needs them here.
 */
export async function drawCardHere(card: ShareCard): Promise<Uint8Array> {
  const { drawCard } = await import('./draw-card.ts');
  return drawCard(card);
}

export class CardThread {
  readonly #pool: ThreadPool<ShareCard, Uint8Array>;
  readonly #onBatch: ((batch: CardBatch) => void) | undefined;
  #drawing = 0;
  #batch = { cards: 0, startedAt: 0 };

  constructor(script: URL, onBatch?: (batch: CardBatch) => void) {
    this.#onBatch = onBatch;
    this.#pool = new ThreadPool({
      script,
      threads: 1,
      perThread: CARDS_AT_ONCE,
      // A build asks for its cards together (card-cache.ts: drawAhead): once they are drawn the worker
      // goes, with the fonts and layout engine it holds (≈ 150 MB), before the page phase's peak.
      whenIdle: 'retire',
      here: drawCardHere,
      refused: (card, error) => new Error(`share card "${card.title}" could not be drawn: ${error.message}`),
      closedMessage: 'the card thread was closed',
    });
  }

  async draw(card: ShareCard): Promise<Uint8Array> {
    if (this.#drawing++ === 0) this.#batch = { cards: 0, startedAt: performance.now() };
    this.#batch.cards++;
    try {
      return await this.#pool.run(card);
    } finally {
      if (--this.#drawing === 0) this.#onBatch?.({ cards: this.#batch.cards, ms: performance.now() - this.#batch.startedAt });
    }
  }

  /**
   * Ends the worker; cards asked for later are drawn on this thread. Cards it
   * was still drawing are refused: left waiting, whoever awaited one would
   * wait for ever.
   */
  close(): Promise<void> {
    return this.#pool.close();
  }
}

const threads = new Map<string, CardThread>();

/** What the build's log says when the cards asked for together are drawn (the bench reads it: scripts/bench/site.ts). */
export function cardBatchLine({ cards, ms }: CardBatch): string {
  return `[nisshi:cards] ${cards} share card(s) drawn on their own thread in ${(ms / 1000).toFixed(2)} s`;
}

/** Cards kept in `folder`, drawn on one worker thread per process (the worker file is in `srcDir`). */
export function cardPlace(folder: string, srcDir: URL): CardPlace {
  const script = new URL('cards/card-worker.ts', srcDir);
  let thread = threads.get(script.href);
  if (!thread) {
    // Pages have no logger of Astro's: the line goes to the build's output as the page lines do.
    thread = new CardThread(script, (batch) => console.info(cardBatchLine(batch)));
    threads.set(script.href, thread);
  }
  const drawing = thread;
  return { folder, draw: (card) => drawing.draw(card) };
}
