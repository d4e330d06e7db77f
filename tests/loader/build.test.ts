/**
 * The loader through real `astro build`s of a small project: the repository's
 * astro.config.mjs and src/content.config.ts, two pages from
 * tests/fixtures/loader/project, the fixture logs, and enough generated logs
 * that the loader parses on worker threads as it does for a real diary. One
 * project is built again and again: clean, with a broken log, with refused
 * tags and links, with a changed log, then after a log is deleted and another
 * becomes a draft.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLogs } from '../../scripts/generate-logs.ts';
import { MIN_LOGS_FOR_WORKERS } from '../../src/loader/log-worker-pool.ts';
import { parseLog } from '../../src/index.ts';
import { runCli } from '../cli/run-cli.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(repoRoot, 'tests/fixtures/loader');
const BUILD_TIMEOUT = 180_000;

let project = '';
/** The record index of this project, apart from the repository's (node_modules is a link to it). */
const cacheDir = () => path.join(project, '.nisshi-cache');
/** Generated logs beside the fixtures, from 2020 so no slug meets a fixture's; seed 2 makes three of them drafts. */
const generated = generateLogs(MIN_LOGS_FOR_WORKERS, { seed: 2, startDate: '2020-01-01' }).map((log) => ({
  ...log,
  record: parseLog(log.text, { path: `logs/generated/${log.path}` }),
}));
const generatedDrafts = generated.filter((log) => log.record.draft);
/** The fixtures' two published logs and the generated ones that are not drafts. */
const published = 2 + generated.length - generatedDrafts.length;

const sameSlugDraft = '---\ndraft: true\n---\n# 2025年8月3日 - 書き直し中\n\nSAME-SLUG-DRAFT-MARKER\n';
const drafts = 2 + generatedDrafts.length;

interface BuildRun {
  status: number | null;
  output: string;
}

/**
 * The environment without what Vitest adds for its own Vite (BASE_URL=/, MODE,
 * NODE_ENV=test …): Astro would take those over the project's settings.
 */
function outsideVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const vitest = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !vitest.has(name) && !name.startsWith('VITEST')));
}

function astroBuild(): BuildRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    encoding: 'utf8',
    env: {
      ...outsideVitest(process.env),
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ASTRO_TELEMETRY_DISABLED: '1',
      NISSHI_LOGS_DIR: 'logs',
      NISSHI_CACHE_DIR: cacheDir(),
      // Below a path, as on GitHub Pages: the base must reach every link and the sitemap.
      NISSHI_SITE_URL: 'https://example.com/nisshi/',
    },
  });
  if (result.error) throw result.error;
  return { status: result.status, output: result.stdout + result.stderr };
}

/** Every file below dist/, as [path, text]. */
async function distFiles(): Promise<[string, string][]> {
  const dist = path.join(project, 'dist');
  const names = await readdir(dist, { recursive: true, withFileTypes: true });
  const files = names.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file): Promise<[string, string]> => [path.relative(dist, file), await readFile(file, 'utf8')]));
}

const dist = (file: string) => readFile(path.join(project, 'dist', file), 'utf8');

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'nisshi-build-'));
  await cp(path.join(fixtures, 'project'), project, { recursive: true });
  await cp(path.join(fixtures, 'logs'), path.join(project, 'logs'), { recursive: true });
  await mkdir(path.join(project, 'logs/generated'));
  for (const log of generated) await writeFile(path.join(project, 'logs/generated', log.path), log.text);
  // A draft of a day that is also published: same slug, but a draft gets no page, so nothing clashes.
  await mkdir(path.join(project, 'logs/drafts'));
  await writeFile(path.join(project, 'logs/drafts/2025-08-03.md'), sameSlugDraft);
  await symlink(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  const real = (file: string) => JSON.stringify(path.join(repoRoot, file));
  // The repository's own settings; only the cache moves into the project (it would otherwise land
  // in the shared node_modules/.astro, through the link).
  await writeFile(
    path.join(project, 'astro.config.mjs'),
    `import config from ${real('astro.config.mjs')};\nexport default { ...config, cacheDir: './.astro-cache/' };\n`,
  );
  await writeFile(path.join(project, 'src/content.config.ts'), `export { collections } from ${real('src/content.config.ts')};\n`);
  await writeFile(path.join(project, 'src/log-body.ts'), `export { logBody } from ${real('src/site/log-body.ts')};\n`);
});

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('astro build with nisshiLoader', () => {
  let first: BuildRun;
  beforeAll(() => {
    first = astroBuild();
  }, BUILD_TIMEOUT);

  it('succeeds on good logs and drafts, parsing on worker threads and printing warnings as path:line:column', () => {
    expect(first.status, first.output).toBe(0);
    // The loader's findings are the build's check (npm run build runs no separate `nisshi check`): each once.
    const warning = /logs\/2025-08-03\.md:22:1: warning .+ \[heading-missing-space\]/g;
    expect(first.output.match(warning), first.output).toHaveLength(1);
    expect(first.output).toMatch(new RegExp(`\\b${published + drafts} files checked: 0 errors, 1 warning\\b`));
    expect(generatedDrafts.length).toBeGreaterThan(0);
    expect(first.output).toMatch(
      new RegExp(
        `\\b${published} logs \\(${published} parsed, 0 from the record index, 0 unchanged\\), ${drafts} drafts left out, ` +
          '0 with errors \\(read by satteri on [1-8] worker threads\\)',
      ),
    );
    expect(first.output).not.toContain('worker threads stopped');
  });

  it('lists the published logs on a page that reads the collection', async () => {
    const index = await dist('index.html');
    expect(index).toContain('<a href="/nisshi/logs/2025-08-03/">Lambda の実装</a>');
    expect(index).toContain('<span class="study-minutes">120</span>');
    expect(index).toContain('<a href="/nisshi/logs/2025-08-04/">2025-08-04</a>');
  });

  it("renders each log's page from its body file: highlighted, with heading ids", async () => {
    const page = await dist('logs/2025-08-04/index.html');
    expect(page).toContain('<h2 id="今日の目標">今日の目標</h2>');
    expect(page).toContain('<a href="#今日の目標">今日の目標</a>');
    expect(page).toMatch(/<code class="hljs language-yaml"><span class="hljs-[a-z]+/);
  });

  it("keeps the records in Astro's content store and each log's HTML in a body file of its own", async () => {
    const storeFolder = path.join(project, '.astro-cache/data-store');
    const store = (await Promise.all((await readdir(storeFolder)).map((file) => readFile(path.join(storeFolder, file), 'utf8')))).join('');
    expect(store).toContain('Lambda の実装');
    expect(store).not.toContain('"rendered"');
    expect(store).not.toContain('<code class="hljs');
    const bodies = (await readdir(path.join(project, '.astro-cache/nisshi-log-bodies'))).filter((file) => file.endsWith('.body'));
    // One per published log: drafts are not rendered, so nothing of theirs is kept there.
    expect(bodies).toHaveLength(published);
    for (const file of bodies) expect(await readFile(path.join(project, '.astro-cache/nisshi-log-bodies', file), 'utf8')).not.toContain('DRAFT-MARKER');
  });

  it('builds a draft that shares its slug with a published log, and leaves the draft out', async () => {
    expect(parseLog(sameSlugDraft, { path: 'logs/drafts/2025-08-03.md' })).toMatchObject({ slug: '2025-08-03', draft: true });
    expect(first.output).not.toContain('duplicate-slug');
    const page = await dist('logs/2025-08-03/index.html');
    expect(page).toContain('Lambda関数の完全実装');
    expect(page).not.toContain('SAME-SLUG-DRAFT-MARKER');
  });

  it('leaves drafts out of every file it writes, the sitemap included', async () => {
    const files = await distFiles();
    const sitemap = await dist('sitemap-0.xml');
    expect(sitemap).toContain('<loc>https://example.com/nisshi/logs/2025-08-03/</loc>');
    for (const [file, text] of files) {
      expect(text, file).not.toContain('DRAFT-MARKER');
      expect(text, file).not.toContain('2025-08-05');
    }
    for (const draft of generatedDrafts) {
      expect(files.map(([file]) => file).filter((file) => file.includes(draft.record.slug))).toEqual([]);
      expect(sitemap).not.toContain(draft.record.slug);
    }
  });

  it('fails on a broken log, naming logs/<file>.md:line:column and the message', async () => {
    await cp(path.join(fixtures, 'broken/2025-08-06.md'), path.join(project, 'logs/2025-08-06.md'));
    const run = astroBuild();
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('1 error in 1 log:');
    expect(run.output).toMatch(
      /logs\/2025-08-06\.md:3:1: error frontmatter is not valid YAML: .+ \[frontmatter-yaml\]/,
    );
  }, BUILD_TIMEOUT);

  it('refuses a tag that cannot be a page and a link out of the logs exactly as `nisshi check` does', async () => {
    const tagLog = path.join(project, 'logs/2025-08-08.md');
    const link = path.join(project, 'logs/2025-08-09.md');
    await writeFile(tagLog, '---\ntags: ["../../etc", "aws"]\n---\n# 2025年8月8日\n\n本文\n');
    await writeFile(path.join(project, 'outside.md'), '# 2025年8月9日\n\nOUTSIDE-MARKER\n');
    await symlink(path.join(project, 'outside.md'), link);
    try {
      const run = astroBuild();
      const check = runCli(['check', 'logs'], project);
      expect(run.status).not.toBe(0);
      expect(check.status).toBe(1);
      const refusals = (text: string) => text.split('\n').filter((line) => /\[(tag-not-a-page|link-outside-logs)\]$/.test(line)).map((line) => line.trim()).sort();
      expect(refusals(check.stdout)).toEqual([
        expect.stringMatching(/^logs\/2025-08-08\.md:2:1: error tag "\.\.\/\.\.\/etc" cannot be a page under \/tags\//),
        expect.stringMatching(/^logs\/2025-08-09\.md:1:1: error this is a link to .+outside\.md, outside the logs folder/),
      ]);
      for (const line of refusals(check.stdout)) expect(run.output).toContain(line);
      expect(run.output).not.toContain('Missing parameter');
    } finally {
      await rm(tagLog);
      await rm(link);
    }
  }, BUILD_TIMEOUT);

  it('parses only the changed log on the next build, and shows the change', async () => {
    await rm(path.join(project, 'logs/2025-08-06.md'));
    const file = path.join(project, 'logs/2025/08/04.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n## 振り返り\n- CHANGED-MARKER を足した\n`);
    const run = astroBuild();
    expect(run.status).toBe(0);
    expect(run.output).toContain(
      `${published} logs (1 parsed, 0 from the record index, ${published - 1} unchanged), ${drafts} drafts left out, 0 with errors`,
    );
    expect(await dist('logs/2025-08-04/index.html')).toContain('CHANGED-MARKER');
    // The builds before it failed, so this one started from an empty dist/, as Astro does.
    expect(run.output).not.toContain('keeping dist/');
  }, BUILD_TIMEOUT);

  it('keeps the pages of unchanged logs in dist/ and removes those of a deleted log and of a new draft', async () => {
    const [deleted, drafted] = generated.filter((log) => !log.record.draft);
    if (!deleted || !drafted) throw new Error('the generated logs have fewer than two published ones');
    const kept = path.join(project, 'dist/logs/2025-08-03/index.html');
    const keptBefore = (await stat(kept)).mtimeMs;
    expect(await readdir(path.join(project, 'dist/logs'))).toEqual(expect.arrayContaining([deleted.record.slug, drafted.record.slug]));
    await rm(path.join(project, 'logs/generated', deleted.path));
    await writeFile(path.join(project, 'logs/generated', drafted.path), `---\ndraft: true\n---\n${drafted.text}`);
    // A file no build makes, as a page of some earlier build would be.
    await mkdir(path.join(project, 'dist/logs/earlier'));
    await writeFile(path.join(project, 'dist/logs/earlier/index.html'), '<p>EARLIER-MARKER</p>');

    const run = astroBuild();
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('keeping dist/ from the last build');
    expect(run.output).toMatch(/removed 3 file\(s\) the last build made and this one did not/);
    const pages = await readdir(path.join(project, 'dist/logs'));
    expect(pages).not.toContain(deleted.record.slug);
    expect(pages).not.toContain(drafted.record.slug);
    expect(pages).not.toContain('earlier');
    expect(pages).toHaveLength(published - 2);
    const sitemap = await dist('sitemap-0.xml');
    expect(sitemap).not.toContain(deleted.record.slug);
    expect(sitemap).not.toContain(drafted.record.slug);
    expect(await dist('index.html')).not.toContain(`data-slug="${drafted.record.slug}"`);
    // Kept, not written again: Astro found it in dist/ and its cacheKey unchanged.
    expect((await stat(kept)).mtimeMs).toBe(keptBefore);
    expect(await dist('logs/2025-08-03/index.html')).toContain('Lambda関数の完全実装');
  }, BUILD_TIMEOUT);

  it('parses no log again after `nisshi check`: it renders the edited one from the record index, and says so', async () => {
    const file = path.join(project, 'logs/2025/08/04.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n- MORNING-MARKER を書いた\n`);
    const check = runCli(['check'], project, [], { NISSHI_LOGS_DIR: 'logs', NISSHI_CACHE_DIR: cacheDir(), NISSHI_REPORT_INDEX: '1' });
    expect(check.status, check.stderr).toBe(0);
    // The builds before left every other log in the index.
    expect(check.stderr).toMatch(/record index: 1 parsed, \d+ from the index/);
    const run = astroBuild();
    expect(run.status, run.output).toBe(0);
    const logs = published - 2;
    expect(run.output).toContain(`${logs} logs (0 parsed, 1 from the record index, ${logs - 1} unchanged)`);
    expect(await dist('logs/2025-08-04/index.html')).toContain('MORNING-MARKER');
  }, BUILD_TIMEOUT);

  it("keeps a kept page's image in dist/: Astro copies it from its cache with the cache's old time, and names it only in its manifest", async () => {
    await mkdir(path.join(project, 'logs/pictured/images'), { recursive: true });
    await cp(path.join(repoRoot, 'tests/fixtures/site/logs/images/diagram.png'), path.join(project, 'logs/pictured/images/diagram.png'));
    await writeFile(path.join(project, 'logs/pictured/2024-03-01.md'), '# 2024年3月1日\n\n## 構成図\n\n![API の構成図](./images/diagram.png)\n');
    const imageOf = async () => {
      const page = await dist('logs/2024-03-01/index.html');
      const src = /<img[^>]* src="\/nisshi\/(_astro\/[^"]+)"/.exec(page)?.[1];
      expect(src, page).toBeDefined();
      return src!;
    };
    const first = astroBuild();
    expect(first.status, first.output).toBe(0);
    const image = await imageOf();
    expect((await stat(path.join(project, 'dist', image))).size).toBeGreaterThan(0);

    // Nothing changed: the page is kept, and so must be the image it shows (the bug: removed as last build's).
    const again = astroBuild();
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain('keeping dist/ from the last build');
    expect(await imageOf()).toBe(image);
    expect((await stat(path.join(project, 'dist', image))).size).toBeGreaterThan(0);

    // The log gone: its page and its image go with it.
    await rm(path.join(project, 'logs/pictured'), { recursive: true });
    const gone = astroBuild();
    expect(gone.status, gone.output).toBe(0);
    await expect(stat(path.join(project, 'dist/logs/2024-03-01'))).rejects.toThrow();
    await expect(stat(path.join(project, 'dist', image))).rejects.toThrow();
  }, 3 * BUILD_TIMEOUT);
});
