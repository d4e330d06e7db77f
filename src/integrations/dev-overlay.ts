/**
 * `astro dev`: gives the loader the dev server's channel to the browser, so
 * that errors in logs show in Astro's error overlay instead of stopping the
 * server (src/loader/dev-errors.ts keeps and sends them).
 */
import type { AstroIntegration } from 'astro';
import { overlayChannel, type HotChannel } from '../loader/dev-errors.ts';

/** The integration astro.config.mjs adds. */
export function nisshiDevOverlay(): AstroIntegration {
  return {
    name: 'nisshi-dev-overlay',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const overlay = overlayChannel();
        const hot = server.environments.client.hot as unknown as HotChannel;
        overlay.hot = hot;
        // A page opened (or reloaded) while a log is broken must show it too, not only the page open at the time.
        hot.on('vite:client:connect', () => {
          if (overlay.current) hot.send({ type: 'error', err: overlay.current });
        });
      },
    },
  };
}
