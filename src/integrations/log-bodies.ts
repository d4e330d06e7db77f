/**
 * Tells the pages where the loader keeps the log bodies (src/files/log-bodies.ts):
 * `astro dev` in a folder of its own, `astro build` (and `astro sync`) in the
 * build's, as Astro keeps its dev store apart from the build's. The command is
 * known here, when the config is set up, and not in a page (import.meta.env.DEV
 * follows NODE_ENV, not the command), so it reaches the pages as a module of
 * our own: `virtual:nisshi/log-bodies` (types in virtual-modules.d.ts).
 *
 * It also keeps the dev server's file watcher out of the loader's folders (the
 * bodies and the record index): they are caches, never sources, and the
 * first `astro dev` writes a body a log. Vite ignores them by itself only
 * below node_modules/ (the defaults); with a cacheDir or NISSHI_CACHE_DIR
 * inside the project, watching 3,650 new bodies made the content sync of
 * 1 KB logs take 25 s instead of 7 s.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { logBodiesFolder } from '../files/log-bodies.ts';
import { cacheFolder } from '../record-index/cache-folder.ts';
import { siteSettings } from '../site.config.ts';

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
        const root = fileURLToPath(config.root);
        const folder = logBodiesFolder(config.cacheDir, dev ? 'dev' : 'build');
        const code = logBodiesModule(folder, dev);
        updateConfig({
          vite: {
            server: {
              watch: {
                ignored: notWatched([folder, cacheFolder(root)], [root, fileURLToPath(config.srcDir), path.resolve(root, siteSettings.logsDir)]),
              },
            },
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

/**
 * A watcher's `ignored` matcher for everything in `folders` (a function: a
 * folder's path may hold glob characters). A folder that is or holds one of
 * `watched` (the project, its src/, its logs: a cache folder set to `.` would
 * otherwise hide every edit) is left watched.
 */
export function notWatched(folders: ReadonlyArray<string | null>, watched: readonly string[] = []): (file: string) => boolean {
  const inside = (file: string, folder: string) => file === folder || file.startsWith(folder + path.sep);
  const kept = watched.map((folder) => path.resolve(folder));
  const within = folders.flatMap((folder) => {
    if (folder === null) return [];
    const resolved = path.resolve(folder);
    return kept.some((each) => inside(each, resolved)) ? [] : [resolved];
  });
  return (file) => {
    const resolved = path.resolve(file);
    return within.some((folder) => inside(resolved, folder));
  };
}
