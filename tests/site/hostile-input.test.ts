/**
 * Issue 9 on the built site: what the writer did not mean to publish is not
 * there, and every tag `nisshi check` passes became a page. The site is the
 * one global-setup builds from tests/fixtures/site/logs, which holds drafts
 * written a little off (after a blank line, with a space before "---",
 * `Draft:`, `下書き:`), a log with frontmatter keys nisshi does not know, and
 * tags that are odd but fine as page names.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot, runCli } from '../cli/run-cli.ts';

const dist = inject('siteDir');
const siteUrl = inject('siteUrl');

const DRAFT_MARKERS = ['BLANKLINE-DRAFT-MARKER', 'SPACED-DRAFT-MARKER', 'CAPITAL-DRAFT-MARKER', 'SHITAGAKI-DRAFT-MARKER'];
const PRIVATE_MARKERS = ['UNKNOWN-KEY-MARKER', 'SECRET-TICKET-4711', 'employer_ticket'];
const ODD_TAGS = ['C++', 'a b', 'a.b', '...', '日本語'];

/** Every file of dist/ as text (a gzip file read decompressed). */
async function everyText(): Promise<Array<[string, string]>> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(
    files.map(async (file): Promise<[string, string]> => {
      const bytes = await readFile(file);
      const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
      return [path.relative(dist, file), (gzip ? gunzipSync(bytes) : bytes).toString('utf8')];
    }),
  );
}

describe('what the writer did not mean to publish', () => {
  it('drafts written a little off are on no page, in no data, feed, sitemap or search index', async () => {
    const texts = await everyText();
    expect(texts.some(([file]) => /^search-index\/[^/]+\/[0-9a-f]+\.json$/.test(file))).toBe(true);
    for (const [file, text] of texts) {
      for (const marker of DRAFT_MARKERS) expect(text.includes(marker), `${marker} in ${file}`).toBe(false);
      for (const day of ['2025-08-11', '2025-08-12', '2025-08-13', '2025-08-14']) expect(file.includes(day), file).toBe(false);
    }
  });

  it('frontmatter keys nisshi does not know stay out of dist/, the known ones stay in the records (data/logs/<year>.json)', async () => {
    for (const [file, text] of await everyText()) {
      for (const marker of PRIVATE_MARKERS) expect(text.includes(marker), `${marker} in ${file}`).toBe(false);
    }
    const records = JSON.parse(await readFile(path.join(dist, 'data/logs/2025.json'), 'utf8')) as Array<{ slug: string; frontmatter: Record<string, unknown> }>;
    expect(records.find((record) => record.slug === '2025-08-06')?.frontmatter).toEqual({ tags: ['aws', ...ODD_TAGS] });
  });
});

describe('check accepts exactly what the build accepts', () => {
  it('nisshi check passes the logs this site was built from, warning about the drafts written off', () => {
    const run = runCli(['check', 'tmp/site-test/logs', '--format', 'json'], repoRoot);
    expect(run.status, run.stderr).toBe(0);
    const rules = (JSON.parse(run.stdout) as Array<{ path: string; rule: string }>).map((d) => `${path.basename(d.path)} ${d.rule}`);
    expect(rules).toEqual(expect.arrayContaining([
      '2025-08-11-blank-line-draft.md frontmatter-not-first',
      '2025-08-12-spaced-draft.md frontmatter-not-first',
      '2025-08-13-key-draft.md frontmatter-draft',
      '2025-08-14-shitagaki.md frontmatter-draft',
    ]));
  });

  it('every odd tag check passed is a page, reached by the link the log page gives it', async () => {
    const logPage = await readFile(path.join(dist, 'logs/2025-08-06/index.html'), 'utf8');
    for (const tag of ODD_TAGS) {
      const href = `/tags/${encodeURIComponent(tag)}/`;
      expect(logPage, tag).toContain(`href="${href}"`);
      const response = await fetch(new URL(href, siteUrl));
      expect(response.status, `${tag} at ${href}`).toBe(200);
      expect(await response.text()).toContain(`#${tag}`);
    }
  });
});
