/**
 * Issue 20, end to end: a site is built from the bundled log and every
 * reproduction of the issue (tests/fixtures/private/logs: private notes in
 * every notation, drafts written off, nested frontmatter values), then:
 * - no secret is in any file of dist/ (the search index included, anything gzip'd unpacked), while
 *   the public text around each is;
 * - `nisshi check` and `nisshi parse` (the remark path) say what the build did;
 * - `nisshi audit` passes this build, and fails when any secret is planted
 *   back into a copy of it, naming the log and the line.
 * A site of its own, so the shared site tests' counts stay as they are.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/files/list-files.ts';
import { runCli, repoRoot } from '../cli/run-cli.ts';

const run = promisify(execFile);
const work = 'tmp/private-test';
const logsDir = `${work}/logs`;
const dist = path.join(repoRoot, work, 'dist');
const fixtureDir = path.join(repoRoot, 'tests/fixtures/private/logs');
const fixtures = readdirSync(fixtureDir).sort().map((name) => {
  const text = readFileSync(path.join(fixtureDir, name), 'utf8');
  return { name, slug: name.replace(/\.md$/, ''), text, secrets: text.match(/HIMITSU-[A-Z]+-7f3a\d\d/g) ?? [], draft: name.includes('draft') };
});
/** The private-note reproductions (the others are drafts and nested frontmatter values). */
const privateNotes = fixtures.filter((fixture) => !fixture.draft && !fixture.name.includes('nested'));
const copies: string[] = [];

beforeAll(async () => {
  await rm(path.join(repoRoot, work), { recursive: true, force: true });
  await mkdir(path.join(repoRoot, logsDir), { recursive: true });
  await cp(path.join(repoRoot, 'logs'), path.join(repoRoot, logsDir), { recursive: true });
  await cp(fixtureDir, path.join(repoRoot, logsDir), { recursive: true });
  const env = { ...process.env, NISSHI_LOGS_DIR: logsDir, NISSHI_TODAY: '2025-08-10', NISSHI_SITE_URL: 'https://nisshi.test' };
  await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], { env, cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  await run(process.execPath, ['scripts/build-search-index.ts', dist, '--cache', path.join(repoRoot, work, 'search-cache')], { env, cwd: repoRoot });
}, 900_000);

afterAll(async () => {
  for (const copy of copies) await rm(copy, { recursive: true, force: true });
});

/** Every built file's text, whatever is gzip'd unpacked (Pagefind's chunks). */
async function builtTexts(root: string): Promise<Array<[string, string]>> {
  return Promise.all(
    listFiles(root).map(async (file): Promise<[string, string]> => {
      const bytes = await readFile(path.join(root, file));
      const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
      return [file, (gzip ? gunzipSync(bytes) : bytes).toString('utf8')];
    }),
  );
}

describe('the build of every reproduction', () => {
  it('holds no secret in any file, search chunks unpacked, and the public text around each', async () => {
    const texts = await builtTexts(dist);
    // The search index holds the published logs' text (one JSON file per part): it is searched too.
    expect(texts.filter(([file]) => file.startsWith('search-index/') && file.endsWith('.json')).length).toBeGreaterThan(1);
    const everything = texts.map(([, text]) => text).join('\n');
    const searchText = texts.filter(([file]) => file.startsWith('search-index/')).map(([, text]) => text).join('\n');
    for (const { name, secrets } of fixtures) {
      expect(secrets.length, name).toBeGreaterThan(0);
      for (const secret of secrets) {
        for (const [file, text] of texts) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
      }
    }
    for (const { name, slug } of privateNotes) {
      const day = slug.slice(8, 10);
      expect(everything, name).toContain(`PUBLIC-${day}-SENTENCE`);
      expect(everything, name).toContain(`AFTER-${day}-OKAY`);
      expect(searchText, `${name} in the search index`).toContain(`PUBLIC-${day}-SENTENCE`);
    }
  });

  it('gives the drafts no page, no record, no feed or search entry', async () => {
    const files = listFiles(dist);
    const records = JSON.parse(await readFile(path.join(dist, 'data/logs/2024.json'), 'utf8')) as Array<{ slug: string; frontmatter: Record<string, unknown> }>;
    for (const { slug, draft } of fixtures) {
      expect(files.some((file) => file.includes(slug)), slug).toBe(!draft);
      expect(records.some((record) => record.slug === slug), slug).toBe(!draft);
    }
    expect(records.find((record) => record.slug === '2024-03-26-nested-tags')?.frontmatter).toEqual({ tags: ['ok'] });
    expect(records.find((record) => record.slug === '2024-03-27-nested-study')?.frontmatter).toEqual({ tags: ['ok'] });
  });
});

describe('nisshi check and parse (the remark path) say what the build did', () => {
  it('check warns about each draft written off and each nested value, and passes', () => {
    const result = runCli(['check', logsDir, '--format', 'json'], repoRoot);
    expect(result.status, result.stderr).toBe(0);
    const found = (JSON.parse(result.stdout) as Array<{ path: string; rule: string; line: number }>).map((d) => `${path.basename(d.path)}:${d.line} ${d.rule}`);
    expect(found).toEqual(expect.arrayContaining([
      '2024-03-22-draft-after-comment.md:2 frontmatter-not-first',
      '2024-03-23-draft-bom-blank.md:3 frontmatter-not-first',
      '2024-03-24-draft-after-title.md:3 frontmatter-stray-draft',
      '2024-03-25-draft-multiline-comment.md:4 frontmatter-not-first',
      '2024-03-26-nested-tags.md:2 frontmatter-nested',
      '2024-03-27-nested-study.md:2 frontmatter-nested',
    ]));
  });

  it('parse reports every draft as a draft, and no secret', () => {
    const result = runCli(['parse', logsDir], repoRoot);
    expect(result.status, result.stderr).toBe(0);
    const records = JSON.parse(result.stdout) as Array<{ source: string; draft: boolean }>;
    for (const { name, draft } of fixtures) expect(records.find((record) => record.source.endsWith(name))?.draft, name).toBe(draft);
    // Drafts and every frontmatter key are shown (parse runs on the writer's machine); private notes never are.
    for (const { secrets } of privateNotes) for (const secret of secrets) expect(result.stdout).not.toContain(secret);
  });
});

describe('nisshi audit on this build', () => {
  it('passes the build as it is', () => {
    const result = runCli(['audit', dist, '--logs', logsDir, '--no-cache'], repoRoot);
    expect(result.stderr).toContain('no private note or draft text');
    expect(result.status).toBe(0);
  });

  it('fails when the secret of any reproduction is planted back, in a page or a gzip\'d search fragment, naming log and line', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'nisshi-planted-'));
    copies.push(copy);
    await cp(dist, copy, { recursive: true });
    const expected: string[] = [];
    for (const [index, { name, text }] of [...privateNotes, ...fixtures.filter((fixture) => fixture.draft)].entries()) {
      const lines = text.split(/\r\n|\r|\n/);
      const line = lines.findIndex((candidate) => candidate.includes('HIMITSU-'));
      // The secret's own words, as a page would show them (markup gone).
      const shown = lines[line]!.replace(/<!--[^>]*-->|<[^>]*>|^[-*>\s]+/g, ' ');
      if (index % 2 === 0) {
        const page = path.join(copy, 'index.html');
        await writeFile(page, `${await readFile(page, 'utf8')}<p>${shown}</p>`);
      } else {
        await mkdir(path.join(copy, 'pagefind/planted/fragment'), { recursive: true });
        await writeFile(path.join(copy, `pagefind/planted/fragment/${index}.pf_fragment`), gzipSync(JSON.stringify({ content: shown })));
      }
      expected.push(`${logsDir}/${name}:${line + 1}`);
    }
    const result = runCli(['audit', copy, '--logs', logsDir, '--no-cache'], repoRoot);
    expect(result.status).toBe(1);
    for (const where of expected) expect(result.stdout, where).toContain(where);
  });
});
