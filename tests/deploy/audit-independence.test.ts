/**
 * `nisshi audit` must not share the builder's blind spots (issue 20). Here the
 * blanker is broken on purpose — dropPrivateNotes finds nothing — and every
 * reproduction of the issue (tests/fixtures/private/logs) is built as the
 * site would build it: its page HTML, its record, and a gzip'd search
 * fragment. The drafts are built as if their draft setting had been missed.
 * The audit, which reads the logs on its own, must name every one of them.
 * And it cannot share the bug by construction: the test follows its imports
 * and finds none of the builder's reading code among them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { auditBuild } from '../../src/deploy/leak-audit.ts';
import { markdownTreeParser } from '../../src/loader/markdown-tree.ts';
import { processLog } from '../../src/loader/process-log.ts';

vi.mock('../../src/parse/private-notes.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/parse/private-notes.ts')>();
  // A blanker with a bug: it sees no private note at all.
  return { ...original, dropPrivateNotes: (text: string) => ({ text, passages: [] }) };
});

const repo = path.resolve(import.meta.dirname, '../..');
const fixtureDir = path.join(repo, 'tests/fixtures/private/logs');
const fixtures = readdirSync(fixtureDir)
  .filter((name) => !name.includes('nested'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(fixtureDir, name), 'utf8') }));
const work = mkdtempSync(path.join(os.tmpdir(), 'nisshi-blind-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the audit with a broken blanker', () => {
  it('fails on every reproduction of the issue, naming the log and the secret\'s line', async () => {
    const satteri = await markdownTreeParser();
    const dist = path.join(work, 'dist');
    mkdirSync(path.join(dist, 'pagefind/fragment'), { recursive: true });
    for (const { name, text } of fixtures) {
      const { record, html } = await processLog(text, { path: `logs/${name}`, allowRawHtml: false }, satteri);
      const slug = name.replace(/\.md$/, '');
      mkdirSync(path.join(dist, 'logs', slug), { recursive: true });
      writeFileSync(path.join(dist, 'logs', slug, 'index.html'), `<!doctype html><main>${html}</main>`);
      writeFileSync(path.join(dist, 'pagefind/fragment', `${slug}.pf_fragment`), gzipSync(JSON.stringify({ url: `/logs/${slug}/`, content: html.replace(/<[^>]*>/g, ' ') })));
      writeFileSync(path.join(dist, 'logs', slug, 'record.json'), JSON.stringify(record));
    }
    const logs = fixtures.map(({ name, text }) => ({ path: `logs/${name}`, text }));
    const { findings } = auditBuild(dist, logs);
    for (const { name, text } of fixtures) {
      const lines = text.split(/\r\n|\r|\n/);
      const secretLines = lines.flatMap((line, index) => (/HIMITSU-/.test(line) ? [index + 1] : []));
      const mine = findings.filter((finding) => finding.log === `logs/${name}`);
      expect(mine.length, `${name}: the audit saw nothing`).toBeGreaterThan(0);
      for (const line of secretLines) expect(mine.map((finding) => finding.line), `${name}:${line}`).toContain(line);
      expect(mine.some((finding) => finding.file.endsWith('.pf_fragment')), `${name} in the search fragment`).toBe(true);
      expect(mine.every((finding) => finding.kind === (name.includes('draft') ? 'draft' : 'private'))).toBe(true);
    }
  });
});

describe('the audit\'s code', () => {
  it('imports none of the builder\'s reading of private notes, frontmatter and drafts', () => {
    const forbidden = ['src/parse/private-notes.ts', 'src/parse/log-structure.ts', 'src/parse/read-log.ts', 'src/parse/frontmatter.ts', 'src/parse/frontmatter-safety.ts', 'src/parse/draft.ts', 'src/parse/remark-tree.ts'];
    const seen = new Set<string>();
    const queue = ['src/deploy/leak-audit.ts', 'src/cli/audit.ts'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(path.join(repo, file), 'utf8');
      for (const match of source.matchAll(/^import[^'"]*['"](\.[^'"]+)['"]/gm)) {
        queue.push(path.relative(repo, path.resolve(path.dirname(path.join(repo, file)), match[1]!)));
      }
    }
    expect(seen.has('src/deploy/private-text.ts')).toBe(true);
    for (const file of forbidden) expect(seen.has(file), file).toBe(false);
  });
});
