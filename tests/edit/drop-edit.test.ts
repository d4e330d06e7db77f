/**
 * dropEdit: the edit that writes a drop into a day's log, for `nisshi drop`
 * and the language server's code action. Text in, an LSP TextEdit out; the
 * edited text reads back as a drop of that plan.
 */
import { describe, expect, it } from 'vitest';
import { applyTextEdit, dropEdit, type DropEditResult } from '../../src/edit/drop-edit.ts';
import { parseLog } from '../../src/parse/parse-log.ts';

const path = 'logs/2025-01-06.md';

function edited(text: string, result: DropEditResult): string {
  if (result.kind !== 'edit') throw new Error(`no edit: ${JSON.stringify(result)}`);
  return applyTextEdit(text, result.edit);
}

const day = [
  '# 2025年1月6日 - 学習ログ',
  '',
  '## 今日の目標',
  '- [ ] 新しい目標',
  '',
  '## 持ち越し',
  '- [ ] ローカルテスト環境構築（2024/12/30 の計画）',
  '- [ ] 本を読む 未完了（1/5）',
  '',
  '## 次のステップ',
  '### 今日中',
  '- [ ] 記事を書く（今日中）',
  '',
].join('\n');

describe('dropEdit', () => {
  it('strikes a carried line through, keeping its label, as a one-line LSP edit', () => {
    const result = dropEdit(day, { text: 'ローカルテスト環境の構築' }, { path });
    expect(result).toEqual({
      kind: 'edit',
      edit: { range: { start: { line: 6, character: 0 }, end: { line: 6, character: day.split('\n')[6]!.length } }, newText: '- [ ] ~~ローカルテスト環境構築~~（2024/12/30 の計画）' },
      line: 7,
      written: '- [ ] ~~ローカルテスト環境構築~~（2024/12/30 の計画）',
    });
    const after = edited(day, result);
    expect(parseLog(after, { path }).drops).toEqual([{ text: 'ローカルテスト環境構築', line: 7 }]);
    expect(after.split('\n').filter((line, index) => line !== day.split('\n')[index])).toEqual(['- [ ] ~~ローカルテスト環境構築~~（2024/12/30 の計画）']);
  });

  it('strikes a task left open with its 未完了 label, and a plan of the day with its horizon aside', () => {
    expect(edited(day, dropEdit(day, { text: '本を読む' }, { path }))).toContain('- [ ] ~~本を読む~~ 未完了（1/5）\n');
    const after = edited(day, dropEdit(day, { text: '記事を書く' }, { path }));
    expect(after).toContain('- [ ] ~~記事を書く~~（今日中）\n');
    expect(parseLog(after, { path }).drops).toEqual([{ text: '記事を書く', line: 12 }]);
  });

  it('adds a struck line at the end of the carried section when the day does not have the item, labelled with its first day', () => {
    const result = dropEdit(day, { text: 'CIの高速化', kind: 'plan', from: '2024-12-02' }, { path });
    expect(result).toMatchObject({ kind: 'edit', line: 9, written: '- [ ] ~~CIの高速化~~（2024/12/2 の計画）' });
    const after = edited(day, result);
    expect(after.split('\n').slice(5, 10)).toEqual([
      '## 持ち越し',
      '- [ ] ローカルテスト環境構築（2024/12/30 の計画）',
      '- [ ] 本を読む 未完了（1/5）',
      '- [ ] ~~CIの高速化~~（2024/12/2 の計画）',
      '',
    ]);
    expect(parseLog(after, { path }).drops).toEqual([{ text: 'CIの高速化', line: 9 }]);
  });

  it('makes the carried section after the goals when the log has none, and at the end of a log without goals', () => {
    const plain = '# 2025年1月6日\n\n## 今日の目標\n- [ ] 目標\n## 実施内容\nやった\n';
    const result = dropEdit(plain, { text: '記事を書く', kind: 'plan', from: '2025-01-02' }, { path });
    expect(edited(plain, result)).toBe('# 2025年1月6日\n\n## 今日の目標\n- [ ] 目標\n\n## 持ち越し\n- [ ] ~~記事を書く~~（1/2 の計画）\n\n## 実施内容\nやった\n');
    expect(result).toMatchObject({ line: 7 });
    const bare = '# 2025年1月6日\n\nメモだけ\n\n';
    const atEnd = edited(bare, dropEdit(bare, { text: '記事を書く' }, { path }));
    expect(atEnd).toBe('# 2025年1月6日\n\nメモだけ\n\n## 持ち越し\n- [ ] ~~記事を書く~~\n\n');
    expect(parseLog(atEnd, { path }).drops).toEqual([{ text: '記事を書く', line: 6 }]);
    const last = '# 2025年1月6日\n\nメモだけ';
    expect(edited(last, dropEdit(last, { text: '記事を書く' }, { path }))).toBe('# 2025年1月6日\n\nメモだけ\n\n## 持ち越し\n- [ ] ~~記事を書く~~\n');
  });

  it('keeps CRLF line ends, and says when the day gives the plan up already', () => {
    const crlf = day.replaceAll('\n', '\r\n');
    const after = edited(crlf, dropEdit(crlf, { text: 'CIの高速化' }, { path }));
    expect(after).toContain('\r\n- [ ] ~~CIの高速化~~\r\n\r\n## 次のステップ');
    expect(after.replaceAll('\r\n', '')).not.toContain('\n');
    const dropped = edited(day, dropEdit(day, { text: '本を読む' }, { path }));
    expect(dropEdit(dropped, { text: '本を読む' }, { path })).toEqual({ kind: 'already', line: 8 });
    expect(dropEdit('# 2025年1月6日\n\n- [ ] 本を読む（中止）\n', { text: '本を読む' }, { path })).toEqual({ kind: 'already', line: 3 });
  });

  it('ignores a heading inside fenced code when it looks for the carried section', () => {
    const fenced = '# 2025年1月6日\n\n```md\n## 持ち越し\n```\n';
    expect(edited(fenced, dropEdit(fenced, { text: '掃除' }, { path }))).toBe('# 2025年1月6日\n\n```md\n## 持ち越し\n```\n\n## 持ち越し\n- [ ] ~~掃除~~\n');
  });
});
