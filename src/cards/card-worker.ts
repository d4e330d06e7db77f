/**
 * A card thread (card-thread.ts): draws the cards it is sent and sends each
 * PNG back, as many at a time as the card thread sends. Run by Node itself,
 * not by Vite: plain relative `.ts` modules and packages.
 */
import module from 'node:module';
import { answerRequests } from '../threads/answer-requests.ts';
import type { ShareCard } from './share-card.ts';

// A thread does not share the compile cache Astro's launcher enabled; so the cache first, then satori and resvg.
module.enableCompileCache?.();
const { drawCard } = await import('./draw-card.ts');

answerRequests((card: ShareCard) => drawCard(card));
