/** Where the pages read the log bodies: the folder of the command that runs, through a module of our own. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { logBodiesFolder } from '../../src/files/log-bodies.ts';
import { LOG_BODIES_MODULE, logBodies } from '../../src/integrations/log-bodies.ts';

interface Plugin {
  resolveId: { filter: { id: RegExp }; handler(id: string): string };
  load: { filter: { id: RegExp }; handler(id: string): string };
}

/** Runs the integration's config hook as Astro would, and returns the Vite plugin it adds. */
function pluginFor(command: 'dev' | 'build' | 'sync'): Plugin {
  let plugin: Plugin | undefined;
  const hook = logBodies().hooks['astro:config:setup'] as (options: unknown) => void;
  hook({
    command,
    config: { cacheDir: pathToFileURL('/project/node_modules/.astro/') },
    updateConfig: (update: { vite: { plugins: Plugin[] } }) => (plugin = update.vite.plugins[0]),
  });
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
