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
import { Worker } from 'node:worker_threads';
import { drawCard } from './draw-card.ts';
import type { ShareCard } from './share-card.ts';

/** Where cards are kept (card-cache.ts) and how they are drawn. */
export interface CardPlace {
  folder: string;
  /** Draws a card's PNG; drawCard on this thread when left out. */
  draw?: (card: ShareCard) => Promise<Uint8Array>;
}

type Reply = { id: number; png: Uint8Array } | { id: number; error: string };

interface Pending {
  card: ShareCard;
  resolve(png: Uint8Array): void;
  reject(error: Error): void;
}

/** Cards drawn together, from the first asked for to the last sent back: what the build's log says of them. */
export interface CardBatch {
  cards: number;
  ms: number;
}

export class CardThread {
  readonly #script: URL;
  readonly #onBatch: ((batch: CardBatch) => void) | undefined;
  #worker: Worker | null = null;
  #broken = false;
  #next = 0;
  readonly #pending = new Map<number, Pending>();
  #batch = { cards: 0, startedAt: 0 };

  constructor(script: URL, onBatch?: (batch: CardBatch) => void) {
    this.#script = script;
    this.#onBatch = onBatch;
  }

  draw(card: ShareCard): Promise<Uint8Array> {
    if (this.#broken) return drawCard(card);
    const worker = (this.#worker ??= this.#start());
    if (this.#pending.size === 0) this.#batch = { cards: 0, startedAt: performance.now() };
    this.#batch.cards++;
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { card, resolve, reject });
      try {
        worker.postMessage({ id, card });
      } catch (error) {
        // A card that cannot be sent (not plain data) is refused here, and holds nothing open.
        this.#reply({ id, error: (error as Error).message });
      }
    });
  }

  /**
   * Ends the worker; cards asked for later are drawn on this thread. Cards it
   * was still drawing are refused, as the parser threads refuse theirs: left
   * waiting, whoever awaited one would wait for ever.
   */
  async close(): Promise<void> {
    this.#broken = true;
    const worker = this.#worker;
    this.#worker = null;
    for (const { reject } of this.#pending.values()) reject(new Error('the card thread was closed'));
    this.#pending.clear();
    await worker?.terminate();
  }

  #start(): Worker {
    const worker = new Worker(this.#script);
    worker.on('message', (reply: Reply) => this.#reply(reply));
    worker.on('error', () => this.#fail(worker));
    worker.on('exit', () => this.#fail(worker));
    return worker;
  }

  #reply(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    // A build asks for its cards together (card-cache.ts: drawAhead): once they are drawn the worker
    // goes, with the fonts and layout engine it holds (≈ 150 MB), before the page phase's peak.
    if (this.#pending.size === 0) {
      this.#retire();
      this.#onBatch?.({ cards: this.#batch.cards, ms: performance.now() - this.#batch.startedAt });
    }
    if (!pending) return;
    if ('error' in reply) pending.reject(new Error(`share card "${pending.card.title}" could not be drawn: ${reply.error}`));
    else pending.resolve(reply.png);
  }

  #retire(): void {
    const worker = this.#worker;
    this.#worker = null;
    void worker?.terminate();
  }

  /** The worker failed or exited while in use: what it had is drawn here. */
  #fail(worker: Worker): void {
    if (this.#broken || worker !== this.#worker) return;
    this.#broken = true;
    const orphans = [...this.#pending.values()];
    this.#pending.clear();
    for (const { card, resolve, reject } of orphans) drawCard(card).then(resolve, reject);
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
