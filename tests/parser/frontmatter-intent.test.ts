/**
 * What the writer meant (issue 9): frontmatter written a little off is read as
 * frontmatter or refused — never a page showing "draft: true" — and a tag
 * that cannot be a page is an error in the parser `check` and the build share.
 */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { tagProblem } from '../../src/parse/tag-name.ts';

const path = 'logs/2025-08-03.md';
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
