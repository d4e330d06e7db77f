/**
 * Private notes, whatever the notation (issue 20): every reproduction of the
 * issue is a fixture log under tests/fixtures/private/logs, read through both
 * reading paths — remark (nisshi parse / check) and Sätteri (the site's
 * loader, record and page HTML) — and the private marker is in neither, while
 * the public text around it is, on the same lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownTreeParser } from '../../src/loader/markdown-tree.ts';
import { processLog } from '../../src/loader/process-log.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { dropPrivateNotes, isPrivateHeading } from '../../src/parse/private-notes.ts';
import { readLog } from '../../src/parse/read-log.ts';
import { remarkTree } from '../../src/parse/remark-tree.ts';

const satteri = await markdownTreeParser();
const fixtures = new URL('../fixtures/private/logs/', import.meta.url);
/** The private-note fixtures (the drafts and nested values are tested in frontmatter-intent.test.ts). */
const notations = readdirSync(fixtures)
  .filter((name) => /^2024-03-(0\d|1\d|20)-/.test(name))
  .sort()
  .map((name) => {
    const text = readFileSync(new URL(name, fixtures), 'utf8');
    return { name, text, secrets: text.match(/HIMITSU-[A-Z]+-7f3a\d\d/g) ?? [] };
  });

const log = `# 2025年8月4日

## 今日の目標
- [ ] 公開する目標

## 気持ち 🔒
- 上司の田中さん SECRET-A
- [ ] 秘密のタスク

### 下の見出しも非公開
- SECRET-B

## 非公開
SECRET-C

## 学び
- 公開の学び <!-- private -->SECRET-D<!-- /private --> 続き

\`\`\`sh
# 非公開
echo public-code
\`\`\`
`;

describe('private notes', () => {
  it('blank sections headed …🔒 or 非公開 (sub-headings included) and private blocks, keeping lines and columns', () => {
    const { text, passages } = dropPrivateNotes(log, remarkTree(log));
    expect(text.split('\n')).toHaveLength(log.split('\n').length);
    for (const secret of ['SECRET-A', 'SECRET-B', 'SECRET-C', 'SECRET-D', '秘密のタスク']) expect(text).not.toContain(secret);
    expect(text).toContain('公開の学び ');
    expect(text).toContain(' 続き');
    expect(text.indexOf('続き')).toBe(log.indexOf('続き'));
    expect(text).toContain('echo public-code');
    expect(passages.map((passage) => [passage.kind, passage.startLine, passage.endLine])).toEqual([
      ['section', 6, 12],
      ['section', 13, 15],
      ['block', 17, 17],
    ]);
  });

  it('reach no part of the record; --include-private keeps them', () => {
    const record = parseLog(log, { path: 'logs/2025-08-04.md' });
    const json = JSON.stringify(record);
    for (const secret of ['SECRET-A', 'SECRET-B', 'SECRET-C', 'SECRET-D', '秘密のタスク']) expect(json).not.toContain(secret);
    expect(record.checklist.map((item) => item.text)).toEqual(['公開する目標']);
    const full = parseLog(log, { path: 'logs/2025-08-04.md', includePrivate: true });
    expect(full.checklist.map((item) => item.text)).toContain('秘密のタスク');
  });

  it('take the heading words from the settings, case and width folded', () => {
    const text = '# 2025年8月4日\n\n## Diary\n- SECRET-E\n\n## PRIVATE\n- SECRET-F\n';
    expect(dropPrivateNotes(text, remarkTree(text), ['diary']).text).not.toContain('SECRET-E');
    expect(dropPrivateNotes(text, remarkTree(text), ['diary']).text).toContain('SECRET-F');
    expect(dropPrivateNotes(text, remarkTree(text)).text).not.toContain('SECRET-F');
    // A word of signs only is matched by being there.
    expect(isPrivateHeading('メモ 🙈', ['🙈'])).toBe(true);
    expect(isPrivateHeading('メモ', ['🙈'])).toBe(false);
  });

  it('read a heading word with markup, signs, spaces and variation selectors taken out, and nothing more', () => {
    for (const text of ['非公開', 'Private', 'ＰＲＩＶＡＴＥ', '非 公 開', '【非公開】', '非公開：', 'private.', '日記 🔒\ufe0f', '🔒\ufe0e 日記', '🔐', 'しごと🔒']) {
      expect(isPrivateHeading(text), text).toBe(true);
    }
    for (const text of ['非公開メモの書き方', 'private subnet', '公開', '🔓 日記', '']) expect(isPrivateHeading(text), text).toBe(false);
  });

  it('keep everything after an unclosed block private and warn', () => {
    const record = parseLog('# 2025年8月4日\n\n- a <!-- private --> SECRET-G\n- [ ] SECRET-H\n', { path: 'x.md' });
    expect(JSON.stringify(record.checklist)).not.toContain('SECRET');
    expect(record.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.line])).toEqual([['private-unclosed', 3]]);
  });

  it('leave a log without markings as it was', () => {
    expect(dropPrivateNotes('# a\n\n- b\n', remarkTree('# a\n\n- b\n'))).toEqual({ text: '# a\n\n- b\n', passages: [] });
  });

  it('end a section only at a top-level heading of the same or a higher level: not one inside a quote or list', () => {
    const text = '# 2025年8月4日\n\n## 非公開\nSECRET-I\n> ## 引用の見出し\nSECRET-J\n- ## リストの見出し\n\nSECRET-K\n### 下の見出し\nSECRET-L\n## 公開\n公開の文\n';
    const { text: blanked, passages } = dropPrivateNotes(text, remarkTree(text));
    for (const secret of ['SECRET-I', 'SECRET-J', 'SECRET-K', 'SECRET-L']) expect(blanked).not.toContain(secret);
    expect(blanked).toContain('公開の文');
    expect(passages.map((passage) => [passage.startLine, passage.endLine])).toEqual([[3, 11]]);
  });
});

describe('every notation of the issue is private on both reading paths', () => {
  it('has a fixture for each notation, each with its secret', () => {
    expect(notations.length).toBe(20);
    for (const { name, secrets } of notations) expect(secrets.length, name).toBeGreaterThan(0);
  });

  it.each(notations)('$name: remark (nisshi parse, check) blanks it, keeps the public text, warns about nothing', ({ name, text, secrets }) => {
    const path = `logs/${name}`;
    const { record, body, privatePassages } = readLog(text, { path }, remarkTree);
    const json = JSON.stringify(record) + body;
    for (const secret of secrets) expect(json, `${secret} in nisshi parse`).not.toContain(secret);
    expect(body).toMatch(/PUBLIC-\d\d-SENTENCE/);
    expect(body).toMatch(/AFTER-\d\d-OKAY/);
    expect(privatePassages.length).toBeGreaterThan(0);
    expect(record.draft).toBe(false);
    expect(record.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    // Lines keep their numbers: the public line after the private part is where the file has it.
    const fileLines = text.split(/\r\n|\r|\n/);
    const bodyLines = body.split(/\r\n|\n/);
    const after = fileLines.findIndex((line) => /AFTER-\d\d-OKAY/.test(line));
    expect(bodyLines[after - (fileLines.length - bodyLines.length)]).toContain('AFTER-');
    // --include-private keeps them, so the secret was really in the text.
    expect(readLog(text, { path, includePrivate: true }, remarkTree).body).toContain(secrets[0]);
  });

  it.each(notations)('$name: the site (Sätteri tree, record and page HTML) leaves it out', async ({ name, text, secrets }) => {
    expect(satteri.name).toBe('satteri');
    const { record, html } = await processLog(text, { path: `logs/${name}`, allowRawHtml: true }, satteri);
    for (const secret of secrets) {
      expect(JSON.stringify(record), `${secret} in the record`).not.toContain(secret);
      expect(html, `${secret} in the page`).not.toContain(secret);
    }
    expect(html).toMatch(/PUBLIC-\d\d-SENTENCE/);
    expect(html).toMatch(/AFTER-\d\d-OKAY/);
    expect(record).toEqual(parseLog(text, { path: `logs/${name}` }));
  });
});
