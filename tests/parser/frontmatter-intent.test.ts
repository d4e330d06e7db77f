/**
 * What the writer meant (issue 9): frontmatter written a little off is read as
 * frontmatter or refused — never a page showing "draft: true" — and a tag
 * that cannot be a page is an error in the parser `check` and the build share.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { markdownTreeParser } from '../../src/loader/markdown-tree.ts';
import { processLog } from '../../src/loader/process-log.ts';
import { publicFrontmatter } from '../../src/loader/public-frontmatter.ts';
import { tagProblem } from '../../src/parse/tag-name.ts';

const path = 'logs/2025-08-03.md';
const satteri = await markdownTreeParser();
const parse = (text: string) => parseLog(text, { path });
const rules = (text: string) => parse(text).diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.rule} ${diagnostic.line}`);
const BODY = '# 2025年8月3日\n\n本文\n';

describe('drafts written a little off are still drafts', () => {
  it.each([
    ['a blank line before ---', `\n---\ndraft: true\n---\n${BODY}`, 2],
    ['three blank lines and CRLF', `\r\n\r\n\r\n---\r\ndraft: true\r\n---\r\n${BODY}`, 4],
    ['a leading space', ` ---\ndraft: true\n---\n${BODY}`, 1],
    ['spaces after ---', `---  \ndraft: true\n---\n${BODY}`, null],
  ])('%s: a draft, with the frontmatter read and no "draft: true" heading', (_, text, warnedLine) => {
    const record = parse(text);
    expect(record.draft).toBe(true);
    expect(record.frontmatter).toEqual({ draft: true });
    expect(record.title).toBeNull();
    expect(record.date).toBe('2025-08-03');
    expect(rules(text)).toEqual(warnedLine === null ? [] : [`warning frontmatter-not-first ${warnedLine}`]);
  });

  it.each([
    ['Draft: true', 'warning frontmatter-draft 2'],
    ['drafts: yes', 'warning frontmatter-draft 2'],
    ['下書き: true', 'warning frontmatter-draft 2'],
    ['DRAFT: "はい"', 'warning frontmatter-draft 2'],
    ['published: false', 'warning frontmatter-draft 2'],
    ['draft: "maybe"', 'warning frontmatter-draft 2'],
  ])('%s keeps the log off the site, with a warning', (line, warning) => {
    const text = `---\n${line}\n---\n${BODY}`;
    expect(parse(text).draft).toBe(true);
    expect(rules(text)).toEqual([warning]);
  });

  it.each(['draft: false', 'Draft: no', 'published: true', 'title: 下書きのメモ'])('%s publishes, as written', (line) => {
    expect(parse(`---\n${line}\n---\n${BODY}`).draft).toBe(false);
  });

  it('refuses TOML frontmatter with an error on its first line, reading none of it as text', () => {
    for (const text of [`+++\ndraft = true\n+++\n${BODY}`, `\n+++\ndraft = true\ntitle = "x"\n+++\n${BODY}`]) {
      const record = parse(text);
      expect(record.diagnostics).toMatchObject([{ severity: 'error', rule: 'frontmatter-toml' }]);
      expect(record.diagnostics[0]?.message).toContain('write it as YAML between "---" lines');
      expect(record.figures).toEqual([]);
    }
  });

  it('keeps a thematic break after blank lines a thematic break when no YAML mapping follows', () => {
    const text = `\n---\n\n${BODY}\n---\n\n終わり\n`;
    const record = parse(text);
    expect(record.draft).toBe(false);
    expect(record.diagnostics).toEqual([]);
    expect(record.frontmatter).toEqual({});
  });

  it('refuses invalid YAML after blank lines, so a draft in it cannot leak', () => {
    const text = `\n---\ndraft: true\ntags: [a, b\n---\n${BODY}`;
    expect(parse(text).diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['frontmatter-not-first', 'frontmatter-yaml']);
  });
});

describe('tags that cannot be a page', () => {
  it.each(['../../etc', 'a/b', '..', '.', '%2e%2e', 'a\\b', 'what?', 'c#', 'tab\there', 'bell\u0007'])('%j is an error naming the tag and the fix', (tag) => {
    const record = parse(`---\ntags: [${JSON.stringify(tag)}]\n---\n${BODY}`);
    expect(record.diagnostics).toMatchObject([{ severity: 'error', rule: 'tag-not-a-page', line: 2 }]);
    expect(record.diagnostics[0]?.message).toContain(JSON.stringify(tag));
    expect(tagProblem(tag)).not.toBeNull();
  });

  it.each(['C++', 'a b', 'a.b', '...', '日本語', 'AWS Lambda', '+'])('%j is a fine page name', (tag) => {
    expect(tagProblem(tag)).toBeNull();
    expect(parse(`---\ntags: [${JSON.stringify(tag)}]\n---\n${BODY}`).diagnostics).toEqual([]);
  });
});

/** The reproductions of issue 20 (tests/fixtures/private/logs): drafts and nested values, on both reading paths. */
describe('drafts in every notation of issue 20, on both reading paths', () => {
  const fixtures = new URL('../fixtures/private/logs/', import.meta.url);
  const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
  it.each([
    ['2024-03-21-draft-cr-only.md', 'frontmatter read from CR-only lines', []],
    ['2024-03-22-draft-after-comment.md', 'frontmatter after an HTML comment', ['warning frontmatter-not-first 2']],
    ['2024-03-23-draft-bom-blank.md', 'frontmatter after a BOM and blank lines', ['warning frontmatter-not-first 3']],
    ['2024-03-24-draft-after-title.md', 'draft: true after the title, in the body', ['warning frontmatter-stray-draft 3']],
    ['2024-03-25-draft-multiline-comment.md', 'frontmatter after a comment of several lines', ['warning frontmatter-not-first 4']],
  ])('%s (%s): a draft with nisshi parse and on the site, with the warning that says why', async (name, _what, warnings) => {
    const text = read(name);
    const record = parseLog(text, { path: `logs/${name}` });
    expect(record.draft).toBe(true);
    expect(record.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.rule} ${diagnostic.line}`)).toEqual(warnings);
    expect(record.date).toBe(`2024-03-${name.slice(8, 10)}`);
    const site = await processLog(text, { path: `logs/${name}`, allowRawHtml: false }, satteri);
    expect(site.record).toEqual(record);
  });

  it('says why in Japanese and English', () => {
    const text = read('2024-03-22-draft-after-comment.md');
    expect(parseLog(text, { path: 'x.md', settings: { messages: 'en' } }).diagnostics[0]?.message).toContain('after an HTML comment: nisshi read lines 2–4 as frontmatter');
    expect(parseLog(text, { path: 'x.md', settings: { messages: 'ja' } }).diagnostics[0]?.message).toContain('2〜4 行目をフロントマターとして読みました（HTML のコメントの後にありました）');
  });

  it('leaves body lines that only mention a draft setting alone', () => {
    for (const line of ['draft: 明日書く', 'Draft: v2 of the plan', '- draft: true', '`draft: true`', 'published: true']) {
      expect(parseLog(`# 2025年8月3日\n\n${line}\n`, { path }).draft, line).toBe(false);
    }
    expect(parseLog('# 2025年8月3日\n\n```yaml\ndraft: true\n```\n', { path }).draft).toBe(false);
  });
});

describe('nested values under published frontmatter keys (issue 20)', () => {
  const fixtures = new URL('../fixtures/private/logs/', import.meta.url);
  const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

  it('tags: [ok, {secret: …}] publishes the tag ok only, with a warning on the tags line', () => {
    const record = parseLog(read('2024-03-26-nested-tags.md'), { path: 'logs/2024-03-26-nested-tags.md' });
    expect(record.tags).toEqual(['ok']);
    expect(record.diagnostics.map((diagnostic) => `${diagnostic.rule} ${diagnostic.line}`)).toEqual(['frontmatter-nested 2']);
    const stored = publicFrontmatter(record.frontmatter, []);
    expect(stored).toEqual({ tags: ['ok'] });
    expect(JSON.stringify(stored)).not.toContain('HIMITSU');
  });

  it('a mapping under a study-time key is left out of what is published, with a warning', () => {
    const record = parseLog(read('2024-03-27-nested-study.md'), { path: 'logs/2024-03-27-nested-study.md' });
    expect(record.diagnostics.map((diagnostic) => `${diagnostic.rule} ${diagnostic.line}`)).toContain('frontmatter-nested 2');
    expect(publicFrontmatter(record.frontmatter, [])).toEqual({ tags: ['ok'] });
    expect(JSON.stringify(publicFrontmatter(record.frontmatter, ['学習時間']))).not.toContain('HIMITSU');
  });

  it('keys the settings publish are held to the same shapes; keys nobody publishes are not warned about', () => {
    const text = '---\nmood: {secret: x}\nlinks: [a, [b, c]]\nnote: {private: y}\n---\n# 2025年8月3日\n';
    const record = parseLog(text, { path, settings: { publicFrontmatter: ['mood', 'links'] } });
    expect(record.diagnostics.map((diagnostic) => `${diagnostic.rule} ${diagnostic.line}`)).toEqual(['frontmatter-nested 2', 'frontmatter-nested 3']);
    expect(publicFrontmatter(record.frontmatter, ['mood', 'links'])).toEqual({ links: ['a'] });
    expect(parseLog(text, { path }).diagnostics).toEqual([]);
  });
});
