/**
 * Tells the pages where the loader keeps the log bodies (src/files/log-bodies.ts):
 * `astro dev` in a folder of its own, `astro build` (and `astro sync`) in the
 * build's, as Astro keeps its dev store apart from the build's. The command is
 * known here, when the config is set up, and not in a page (import.meta.env.DEV
 * follows NODE_ENV, not the command), so it reaches the pages as a module of
 * our own: `virtual:nisshi/log-bodies` (types in virtual-modules.d.ts).
 */
import type { AstroIntegration } from 'astro';
import { logBodiesFolder } from '../files/log-bodies.ts';

export const LOG_BODIES_MODULE = 'virtual:nisshi/log-bodies';
const RESOLVED = `\0${LOG_BODIES_MODULE}`;

/** The module's source: the folder to read bodies from, and whether this is `astro dev`. */
export function logBodiesModule(folder: string, dev: boolean): string {
  return `export const folder = ${JSON.stringify(folder)};\nexport const dev = ${dev};\n`;
}

export function logBodies(): AstroIntegration {
  return {
    name: 'nisshi:log-bodies',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const dev = command === 'dev';
        const code = logBodiesModule(logBodiesFolder(config.cacheDir, dev ? 'dev' : 'build'), dev);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'nisshi:log-bodies',
                resolveId: { filter: { id: new RegExp(`^${LOG_BODIES_MODULE}$`) }, handler: () => RESOLVED },
                load: { filter: { id: new RegExp(`^\\0${LOG_BODIES_MODULE}$`) }, handler: () => code },
              },
            ],
          },
        });
      },
    },
  };
}
