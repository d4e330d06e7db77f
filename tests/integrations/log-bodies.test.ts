/**
 * Where the pages read the log bodies: the folder of the command that runs, through a module of our own;
 * and the dev server's watcher kept out of the loader's folders wherever they are.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { logBodiesFolder } from '../../src/files/log-bodies.ts';
import { LOG_BODIES_MODULE, logBodies, notWatched } from '../../src/integrations/log-bodies.ts';
import { cacheFolder } from '../../src/record-index/cache-folder.ts';

interface Plugin {
  resolveId: { filter: { id: RegExp }; handler(id: string): string };
  load: { filter: { id: RegExp }; handler(id: string): string };
}

interface ViteUpdate {
  vite: { plugins: Plugin[]; server: { watch: { ignored: (file: string) => boolean } } };
}

/** Runs the integration's config hook as Astro would, and returns the Vite settings it adds. */
function updateFor(command: 'dev' | 'build' | 'sync', cacheDir = '/project/node_modules/.astro/'): ViteUpdate {
  let update: ViteUpdate | undefined;
  const hook = logBodies().hooks['astro:config:setup'] as (options: unknown) => void;
  hook({
    command,
    config: { root: pathToFileURL('/project/'), srcDir: pathToFileURL('/project/src/'), cacheDir: pathToFileURL(cacheDir) },
    updateConfig: (given: ViteUpdate) => (update = given),
  });
  if (!update) throw new Error('no settings added');
  return update;
}

function pluginFor(command: 'dev' | 'build' | 'sync'): Plugin {
  const plugin = updateFor(command).vite.plugins[0];
  if (!plugin) throw new Error('no plugin added');
  return plugin;
}

/** The module as the pages get it: resolved, loaded, evaluated. */
async function moduleFor(command: 'dev' | 'build' | 'sync'): Promise<{ folder: string; dev: boolean }> {
  const plugin = pluginFor(command);
  expect(plugin.resolveId.filter.id.test(LOG_BODIES_MODULE)).toBe(true);
  const resolved = plugin.resolveId.handler(LOG_BODIES_MODULE);
  expect(plugin.load.filter.id.test(resolved)).toBe(true);
  const code = plugin.load.handler(resolved);
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { folder: string; dev: boolean };
  return { folder: module.folder, dev: module.dev };
}

describe('logBodies integration', () => {
  it("gives astro dev its own folder, and astro build (or sync) the build's: the ones the loader writes", async () => {
    const cache = path.join('/project', 'node_modules', '.astro');
    expect(await moduleFor('dev')).toEqual({ folder: logBodiesFolder(cache, 'dev'), dev: true });
    expect(await moduleFor('build')).toEqual({ folder: logBodiesFolder(cache, 'build'), dev: false });
    expect(await moduleFor('sync')).toEqual({ folder: logBodiesFolder(cache, 'build'), dev: false });
  });

  it('answers for its own module only', () => {
    const plugin = pluginFor('build');
    expect(plugin.resolveId.filter.id.test('virtual:nisshi/log-bodies-other')).toBe(false);
    expect(plugin.resolveId.filter.id.test('astro:content')).toBe(false);
  });
});

describe("the dev server's watcher", () => {
  it("ignores the bodies and the record index, wherever the project's caches are, and nothing else", () => {
    // A cacheDir inside the project and outside node_modules/, which Vite would watch by itself.
    const ignored = updateFor('dev', '/project/.cache/astro/').vite.server.watch.ignored;
    const bodies = logBodiesFolder('/project/.cache/astro', 'dev');
    expect(ignored(path.join(bodies, 'a'.repeat(16) + '.body'))).toBe(true);
    expect(ignored(bodies)).toBe(true);
    const index = cacheFolder('/project');
    expect(index).not.toBeNull();
    expect(ignored(path.join(index ?? '', 'records.bin'))).toBe(true);
    for (const source of ['/project/logs/2025/2025-12-28.md', '/project/src/pages/index.astro', '/project/.cache/astro/data-store.json']) {
      expect(ignored(source)).toBe(false);
    }
  });

  it('matches whole folders only: a sibling that shares the start of a name is watched', () => {
    const ignored = notWatched(['/project/cache/bodies', null]);
    expect(ignored('/project/cache/bodies/x.body')).toBe(true);
    expect(ignored('/project/cache/bodies')).toBe(true);
    expect(ignored('/project/cache/bodies-old/x.body')).toBe(false);
    expect(ignored('/project/cache')).toBe(false);
    // A path with characters a glob would read (a watcher's pattern would miss this folder).
    expect(notWatched(['/project/[logs] (2025)/cache'])('/project/[logs] (2025)/cache/x')).toBe(true);
  });

  it('leaves a folder watched that is or holds the project, its src/ or its logs (a cache folder set to the project itself)', () => {
    const watched = ['/project', '/project/src', '/project/data/logs'];
    const ignored = notWatched(['/project', '/project/data', '/project/.cache/bodies'], watched);
    expect(ignored('/project/data/logs/2025-12-28.md')).toBe(false);
    expect(ignored('/project/src/pages/index.astro')).toBe(false);
    expect(ignored('/project/.cache/bodies/x.body')).toBe(true);
  });
});
