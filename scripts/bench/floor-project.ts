/**
 * The floor of the site bench: the least Astro project that turns the same
 * Markdown into pages. The built-in glob() loader with no schema, Astro's own
 * default Markdown pipeline, a bare page per entry and one index listing them.
 * Written at run time so it always matches the installed Astro.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const contentConfig = (logsDir: string) => `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const logs = defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(logsDir)} }) });

export const collections = { logs };
`;

// With Astro's incremental build a page is kept when its cacheKey is the same as last build's: the entry's digest.
const logPage = (incremental: boolean) => `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const logs = await getCollection('logs');
  return logs.map((entry) => ({ params: { slug: entry.id }, props: { entry }${incremental ? ', cacheKey: entry.digest' : ''} }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="ja">
  <head><meta charset="utf-8" /><title>{entry.id}</title></head>
  <body><main><Content /></main></body>
</html>
`;

const indexPage = `---
import { getCollection } from 'astro:content';

const logs = await getCollection('logs');
---
<!doctype html>
<html lang="ja">
  <head><meta charset="utf-8" /><title>logs</title></head>
  <body><ul>{logs.map((entry) => <li><a href={\`/logs/\${entry.id}/\`}>{entry.id}</a></li>)}</ul></body>
</html>
`;

export interface FloorOptions {
  /**
   * Astro's own incremental build (experimental.incrementalBuild, a cacheKey
   * per log page): not the floor of the ratios, but what bare Astro does on a
   * rebuild, beside ours.
   */
  incremental?: boolean;
}

/**
 * Writes the floor project into `root` (absolute) and returns how it finds
 * Astro: from the project's node_modules by ordinary upward resolution when
 * `root` lies inside the project, else through a node_modules symlink.
 */
export async function writeFloorProject(root: string, logsDir: string, projectRoot: string, options: FloorOptions = {}): Promise<string> {
  const incremental = options.incremental ?? false;
  await mkdir(path.join(root, 'src/pages/logs'), { recursive: true });
  await writeFile(path.join(root, 'src/content.config.ts'), contentConfig(logsDir));
  await writeFile(path.join(root, 'src/pages/logs/[...slug].astro'), logPage(incremental));
  await writeFile(path.join(root, 'src/pages/index.astro'), indexPage);
  const config = (more: string) => `export default { ${[incremental ? 'experimental: { incrementalBuild: true }' : '', more].filter(Boolean).join(', ')} };\n`;
  const found = resolveAstro(root);
  if (found) {
    if (incremental) await writeFile(path.join(root, 'astro.config.mjs'), config(''));
    return `astro resolved from ${path.relative(projectRoot, found)} by upward resolution, no symlink`;
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  // Through the symlink the default cache folder (node_modules/.astro) would be the project's own: keep the floor's apart.
  await writeFile(path.join(root, 'astro.config.mjs'), config(`cacheDir: ${JSON.stringify(path.join(root, '.cache'))}`));
  if (!resolveAstro(root)) throw new Error(`the floor project in ${root} cannot resolve astro even through a node_modules symlink`);
  return 'astro resolved through a node_modules symlink to the project';
}

function resolveAstro(root: string): string | undefined {
  try {
    return createRequire(path.join(root, 'src/content.config.ts')).resolve('astro/loaders');
  } catch {
    return undefined;
  }
}
