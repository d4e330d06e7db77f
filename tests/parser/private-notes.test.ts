import { describe, expect, it } from 'vitest';
import { dropPrivateNotes } from '../../src/parse/private-notes.ts';
import { parseLog } from '../../src/parse/parse-log.ts';

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
    const { text, passages } = dropPrivateNotes(log);
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
    expect(dropPrivateNotes(text, ['diary']).text).not.toContain('SECRET-E');
    expect(dropPrivateNotes(text, ['diary']).text).toContain('SECRET-F');
    expect(dropPrivateNotes(text).text).not.toContain('SECRET-F');
  });

  it('keep everything after an unclosed block private and warn', () => {
    const record = parseLog('# 2025年8月4日\n\n- a <!-- private --> SECRET-G\n- [ ] SECRET-H\n', { path: 'x.md' });
    expect(JSON.stringify(record.checklist)).not.toContain('SECRET');
    expect(record.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.line])).toEqual([['private-unclosed', 3]]);
  });

  it('leave a log without markings as it was', () => {
    expect(dropPrivateNotes('# a\n\n- b\n')).toEqual({ text: '# a\n\n- b\n', passages: [] });
  });
});
