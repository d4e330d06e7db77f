/**
 * dropEdit: the edit that writes a drop into a day's log, for `nisshi drop`
 * and the language server's code action. Text in, an LSP TextEdit out; the
 * edited text reads back as a drop of that plan.
 */
import { describe, expect, it } from 'vitest';
import { applyTextEdit, dropEdit, type DropEditResult } from '../../src/edit/drop-edit.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { carryOver } from '../../src/stats/carry-over.ts';
import { planChains } from '../../src/stats/plan-chains.ts';

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

  it('strikes an item of any list form, keeping its marker, indent, quote and checkbox', () => {
    const forms = [
      ['1. [ ] 記事を書く', '1. ~~記事を書く~~'],
      ['* [ ] 記事を書く（今日中）', '* ~~記事を書く~~（今日中）'],
      ['  - [ ] 記事を書く', '  - ~~記事を書く~~'],
      ['> - [ ] 記事を書く', '> - ~~記事を書く~~'],
      ['2) 記事を書く', '2) ~~記事を書く~~'],
    ];
    for (const [line, struck] of forms) {
      const text = `# 2025年1月6日\n\n## 次のステップ\n- 親\n${line}\n`;
      const result = dropEdit(text, { text: '記事を書く' }, { path });
      // A task item keeps its box: the prefix is everything up to the text.
      const expected = line!.includes('[ ]') ? struck!.replace(/^(\s*(?:> )?(?:[-*+]|\d+[.)]) )/u, '$1[ ] ') : struck;
      expect(edited(text, result), line).toBe(`# 2025年1月6日\n\n## 次のステップ\n- 親\n${expected}\n`);
      expect(result).toMatchObject({ kind: 'edit', line: 5, written: expected });
    }
  });

  it('counts the edit\'s range in UTF-16 units, as the LSP does, on a line with characters outside the BMP', () => {
    const text = '# 2025年1月6日\n\n## 持ち越し\n- [ ] 🚀 デプロイ𠮷を試す（1/5 の計画）\n';
    const result = dropEdit(text, { text: '🚀 デプロイ𠮷を試す' }, { path });
    if (result.kind !== 'edit') throw new Error('no edit');
    expect(result.edit.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: '- [ ] 🚀 デプロイ𠮷を試す（1/5 の計画）'.length } });
    expect(applyTextEdit(text, result.edit)).toBe('# 2025年1月6日\n\n## 持ち越し\n- [ ] ~~🚀 デプロイ𠮷を試す~~（1/5 の計画）\n');
  });

  it('is pure: the same text and target give the same edit, and the edited day makes the chain dropped and uncarried', () => {
    const earlier = '# 2025年1月5日\n\n## 次のステップ\n### 今日中\n- [ ] CIの高速化\n- [ ] 本を読む\n';
    const today = '# 2025年1月6日\n\n## 今日の目標\n- [ ] 目標\n';
    const first = dropEdit(today, { text: 'CI の高速化', kind: 'plan', from: '2025-01-05' }, { path });
    expect(dropEdit(today, { text: 'CI の高速化', kind: 'plan', from: '2025-01-05' }, { path })).toEqual(first);
    const after = edited(today, first);
    const records = [parseLog(earlier, { path: 'logs/2025-01-05.md' }), parseLog(after, { path })];
    const chain = planChains(records, { today: '2025-01-07', weekStart: 'monday' }).find((candidate) => candidate.text === 'CIの高速化');
    expect(chain).toMatchObject({ status: 'dropped', droppedOn: '2025-01-06' });
    const carried = carryOver(records, '2025-01-07', { weekStart: 'monday' }).items.map((item) => item.text);
    expect(carried).toContain('本を読む');
    expect(carried).not.toContain('CIの高速化');
  });

  it('exports the two pure functions the CLI and the language server call, nothing else (an API someone decides on)', async () => {
    const api = await import('../../src/edit/drop-edit.ts');
    expect(Object.keys(api).sort()).toEqual(['applyTextEdit', 'dropEdit']);
  });
});
