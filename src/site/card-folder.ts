/** Where drawn share cards are kept between builds: beside Astro's own caches (node_modules/.astro by default). */
import { fileURLToPath } from 'node:url';

export function cardFolder(cacheDir: URL | string): string {
  return fileURLToPath(new URL('nisshi-cards/', cacheDir));
}
