/**
 * A card thread (card-thread.ts): draws the cards it is sent, two at a time,
 * and sends each PNG back. Run by Node itself, not by Vite: plain
 * relative `.ts` modules and packages.
 */
import module from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { ShareCard } from './share-card.ts';

// A thread does not share the compile cache Astro's launcher enabled; so the cache first, then satori and resvg.
module.enableCompileCache?.();
const { drawCard } = await import('./draw-card.ts');

type Request = { id: number; card: ShareCard };

/**
 * Two cards at a time, the rest waiting: one is laid out here while the other
 * is rasterised on libuv's pool (draw-card.ts). A build sends its fifty cards
 * at once, and fifty layouts and rasters in flight held half a gigabyte.
 */
const AT_ONCE = 2;
const queue: Request[] = [];
let drawing = 0;

async function drawQueued(): Promise<void> {
  drawing++;
  for (let request = queue.shift(); request; request = queue.shift()) {
    const { id, card } = request;
    try {
      parentPort!.postMessage({ id, png: await drawCard(card) });
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  drawing--;
}

parentPort!.on('message', (request: Request) => {
  queue.push(request);
  if (drawing < AT_ONCE) void drawQueued();
});
